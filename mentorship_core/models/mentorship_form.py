from odoo import fields, models


class MentorshipForm(models.Model):
    """A form of mentorship of the target model ("учитель – учитель", ...)."""

    _name = "mentorship.form"
    _description = "Form of Mentorship"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _name_uniq = models.Constraint("UNIQUE(name)", "A form of mentorship with this name already exists.")
