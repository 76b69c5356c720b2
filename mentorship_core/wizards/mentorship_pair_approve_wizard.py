from markupsafe import Markup

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
        """Approve the pairs at once: one note on each pair, and the order,
        listing its pairs, on each program; the queries do not grow with the
        number of pairs."""
        self.ensure_one()
        self._check_pairs_ready()
        pairs = self.pair_ids
        pairs._move_to_state("approved", order_number=self.order_number, order_date=self.order_date)
        date = format_date(self.env, self.order_date)
        note = self.env._("Approved by order No. %(number)s of %(date)s.", number=self.order_number, date=date)
        pairs._message_log_batch(dict.fromkeys(pairs.ids, note))
        for program, program_pairs in pairs.grouped("program_id").items():
            program.message_post(body=self._order_message(program_pairs, date))
        return {"type": "ir.actions.act_window_close"}

    def _check_pairs_ready(self):
        not_ready = self.pair_ids.filtered(lambda pair: pair.state not in ("matching", "agreement"))
        if not_ready:
            raise UserError(
                self.env._(
                    "Only pairs in Matching or Agreement can be approved; %(pair)s is not.",
                    pair=not_ready[0].display_name,
                )
            )

    def _order_message(self, pairs, date):
        title = self.env._(
            "Order No. %(number)s of %(date)s approved %(count)s pair(s) and group(s) of this program:",
            number=self.order_number,
            date=date,
            count=len(pairs),
        )
        items = Markup().join(Markup("<li>%s</li>") % name for name in pairs.mapped("display_name"))
        return Markup("<p>%s</p><ul>%s</ul>") % (title, items)
