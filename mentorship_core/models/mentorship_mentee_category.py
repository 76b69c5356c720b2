from odoo import fields, models


class MentorshipMenteeCategory(models.Model):
    """Why a person needs a mentor, as the target model lists the mentees."""

    _name = "mentorship.mentee.category"
    _description = "Mentee Category"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)
