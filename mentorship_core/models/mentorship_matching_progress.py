from odoo import fields, models


class MentorshipMatchingProgress(models.Model):
    """How far the background job of a matching run has got: kept apart from
    the run, which the job writes at its end (see the monitoring's progress)."""

    _name = "mentorship.matching.progress"
    _description = "Progress of a Matching Run"

    matching_id = fields.Many2one("mentorship.matching", required=True, ondelete="cascade", index=True)
    percent = fields.Integer()

    _matching_uniq = models.Constraint("UNIQUE(matching_id)", "A matching run has one progress.")
