from odoo import fields, models


class MentorshipTeacherRefreshLine(models.TransientModel):
    _name = "mentorship.teacher.refresh.line"
    _description = "Teacher Proposed as Mentee"

    wizard_id = fields.Many2one("mentorship.teacher.refresh.wizard", required=True, ondelete="cascade")
    selected = fields.Boolean(default=True)
    employee_id = fields.Many2one("hr.employee", string="Teacher", required=True)
    reason = fields.Char(readonly=True)
    category_id = fields.Many2one("mentorship.mentee.category", string="Mentee Category", required=True)
