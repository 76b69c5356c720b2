from odoo import fields, models


class MentorshipSchoolMarkImportProgress(models.Model):
    """How far the job of an import has got.

    Kept apart from the import, which the job writes once, at its end: the job
    reports its progress in transactions of its own, and PostgreSQL refuses a
    transaction that writes a row another one changed since it began."""

    _name = "mentorship.school.mark.import.progress"
    _description = "Progress of an Import of Marks"

    import_id = fields.Many2one("mentorship.school.mark.import", required=True, ondelete="cascade", index=True)
    percent = fields.Integer()

    _import_uniq = models.Constraint("UNIQUE(import_id)", "An import has one progress.")
