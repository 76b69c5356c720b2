from odoo import fields, models

from .mentorship_plan_line import RESPONSIBLE_ROLES


class MentorshipPlanTemplateLine(models.Model):
    _name = "mentorship.plan.template.line"
    _description = "Personal Plan Template Activity"
    _order = "template_id, sequence, id"

    template_id = fields.Many2one("mentorship.plan.template", required=True, index=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    display_type = fields.Selection([("line_section", "Section")], default=False)
    name = fields.Text(string="Activity", required=True, translate=True)
    planned_result = fields.Text(translate=True)
    responsible = fields.Selection(RESPONSIBLE_ROLES, default="mentor")
    start_week = fields.Integer(help="Weeks after the start of the plan.")
    duration_weeks = fields.Integer(default=1)
