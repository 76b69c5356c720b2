from random import randint

from odoo import fields, models


class MentorshipTag(models.Model):
    """A competency of a mentor or a difficulty identified for a mentee."""

    _name = "mentorship.tag"
    _description = "Mentorship Competency or Difficulty"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    color = fields.Integer(default=lambda self: randint(1, 11))
    active = fields.Boolean(default=True)

    _name_uniq = models.Constraint("UNIQUE(name)", "A tag with this name already exists.")
