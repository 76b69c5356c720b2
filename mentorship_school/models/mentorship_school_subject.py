from odoo import fields, models


class MentorshipSchoolSubject(models.Model):
    """A school subject a teacher teaches."""

    _name = "mentorship.school.subject"
    _description = "School Subject"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _name_uniq = models.Constraint("UNIQUE(name)", "This subject already exists.")
