from odoo import fields, models


class MentorshipRoleModel(models.Model):
    """A role model within a form, e.g. "experienced teacher - young specialist"."""

    _name = "mentorship.role.model"
    _description = "Role Model of Mentorship"
    _order = "form_id, sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    form_id = fields.Many2one("mentorship.form", required=True, ondelete="cascade", index=True)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)
