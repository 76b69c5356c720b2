from odoo import fields, models
from odoo.exceptions import UserError


class MentorshipPairDissolveWizard(models.TransientModel):
    """Dissolve pairs with the reason, which stays on the pair and in its chatter."""

    _name = "mentorship.pair.dissolve.wizard"
    _description = "Dissolve Pairs"

    pair_ids = fields.Many2many("mentorship.pair", string="Pairs", required=True)
    reason = fields.Text(required=True)

    def action_dissolve(self):
        self.ensure_one()
        finished = self.pair_ids.filtered(lambda pair: pair.state in ("completed", "dissolved"))
        if finished:
            raise UserError(self.env._("The pair %(pair)s is already finished.", pair=finished[0].display_name))
        self.pair_ids._dissolve(self.reason)
        return {"type": "ir.actions.act_window_close"}
