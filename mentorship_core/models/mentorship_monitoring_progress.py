from odoo import fields, models


class MentorshipMonitoringProgress(models.Model):
    """How far the closing job of a campaign has got.

    Kept apart from the campaign, which the job writes at its end: the job
    reports its progress in transactions of its own, and PostgreSQL refuses a
    transaction that writes a row another one changed since it began."""

    _name = "mentorship.monitoring.progress"
    _description = "Progress of the Closing of a Campaign"

    monitoring_id = fields.Many2one("mentorship.monitoring", required=True, ondelete="cascade", index=True)
    percent = fields.Integer()

    _monitoring_uniq = models.Constraint("UNIQUE(monitoring_id)", "A campaign has one progress.")
