from odoo import fields, models


class MentorshipPairDissolveWizard(models.TransientModel):
    """Dissolve pairs with the reason, which stays on the pair and in its chatter."""

    _name = "mentorship.pair.dissolve.wizard"
    _description = "Dissolve Pairs"

    pair_ids = fields.Many2many("mentorship.pair", string="Pairs", required=True)
    reason = fields.Text(required=True)

    def action_dissolve(self):
        self.ensure_one()
        self.pair_ids._dissolve(self.reason)
        return {"type": "ir.actions.act_window_close"}
