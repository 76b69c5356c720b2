from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date


class MentorshipPairApproveWizard(models.TransientModel):
    """Approve pairs by the order "On the approval of mentorship pairs and groups"."""

    _name = "mentorship.pair.approve.wizard"
    _description = "Approve Pairs by Order"

    pair_ids = fields.Many2many("mentorship.pair", string="Pairs", required=True)
    order_number = fields.Char(string="Order No.", required=True)
    order_date = fields.Date(required=True, default=fields.Date.context_today)

    def action_approve(self):
        self.ensure_one()
        not_ready = self.pair_ids.filtered(lambda pair: pair.state not in ("matching", "agreement"))
        if not_ready:
            raise UserError(
                self.env._(
                    "Only pairs in Matching or Agreement can be approved; %(pair)s is not.",
                    pair=not_ready[0].display_name,
                )
            )
        self.pair_ids._move_to_state("approved", order_number=self.order_number, order_date=self.order_date)
        for pair in self.pair_ids:
            pair.message_post(
                body=self.env._(
                    "Approved by order No. %(number)s of %(date)s.",
                    number=self.order_number,
                    date=format_date(self.env, self.order_date),
                )
            )
        return {"type": "ir.actions.act_window_close"}
