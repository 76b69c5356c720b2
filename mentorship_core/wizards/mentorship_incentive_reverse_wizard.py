from odoo import fields, models

from ..tools import check_not_blank


class MentorshipIncentiveReverseWizard(models.TransientModel):
    """Correct an exported payment: a reversal line for the next batch."""

    _name = "mentorship.incentive.reverse.wizard"
    _description = "Reverse an Exported Payment"

    incentive_id = fields.Many2one("mentorship.incentive", required=True)
    reason = fields.Text(required=True)

    def action_reverse(self):
        self.ensure_one()
        check_not_blank(self, ["reason"])
        reversal = self.incentive_id._reverse(self.reason)
        return {
            "type": "ir.actions.act_window",
            "res_model": "mentorship.incentive",
            "res_id": reversal.id,
            "view_mode": "form",
        }
