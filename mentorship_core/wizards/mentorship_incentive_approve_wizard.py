from odoo import fields, models


class MentorshipIncentiveApproveWizard(models.TransientModel):
    """Approve proposed incentives by the order on incentives."""

    _name = "mentorship.incentive.approve.wizard"
    _description = "Approve Incentives by Order"

    incentive_ids = fields.Many2many("mentorship.incentive", string="Incentives", required=True)
    order_number = fields.Char(string="Order No.", required=True)
    order_date = fields.Date(required=True, default=fields.Date.context_today)

    def action_approve(self):
        self.ensure_one()
        self.incentive_ids._approve(self.order_number, self.order_date)
        return {"type": "ir.actions.act_window_close"}
