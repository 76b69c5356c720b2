from odoo import fields, models


class MentorshipPairApproveWizard(models.TransientModel):
    """Approve pairs by the order "On the approval of mentorship pairs and groups"."""

    _name = "mentorship.pair.approve.wizard"
    _description = "Approve Pairs by Order"

    pair_ids = fields.Many2many("mentorship.pair", string="Pairs", required=True)
    order_number = fields.Char(string="Order No.", required=True)
    order_date = fields.Date(required=True, default=fields.Date.context_today)

    def action_approve(self):
        self.ensure_one()
        self.pair_ids._approve_by_order(self.order_number, self.order_date)
        return {"type": "ir.actions.act_window_close"}
