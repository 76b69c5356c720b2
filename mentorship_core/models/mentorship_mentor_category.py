from odoo import fields, models


class MentorshipMentorCategory(models.Model):
    """Who a mentor is: pupil or student, alumnus, parent, teacher or staff, employer."""

    _name = "mentorship.mentor.category"
    _description = "Mentor Category"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)
