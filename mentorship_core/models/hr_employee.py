from odoo import fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    mentorship_personnel_number = fields.Char(
        string="Personnel Number",
        groups="hr.group_hr_user",
        copy=False,
        help="The employee's number in the payroll system; mentor incentives are exported under it.",
    )
