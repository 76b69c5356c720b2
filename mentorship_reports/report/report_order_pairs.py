from odoo import api, models
from odoo.exceptions import UserError


class ReportOrderPairs(models.AbstractModel):
    """The order «Об утверждении наставнических пар/групп»: one order for all
    the pairs approved together, whichever of them it is printed from."""

    _name = "report.mentorship_reports.order_pairs"
    _inherit = "mentorship.document"
    _description = "Order Approving Pairs and Groups"

    @api.model
    def _document_model(self):
        return "mentorship.pair"

    @api.model
    def _document_values(self, records, data):
        pairs = self._order_pairs(records)
        curators = pairs.program_id.curator_id
        return {
            "doc": {
                **self._number_and_date(data, pairs[:1].order_number, pairs[:1].order_date),
                "count": str(len(pairs)),
                # «наставническую пару/группу» or «наставнические пары/группы в количестве 3»
                "pairs_approved": self.env._("the mentorship pair or group")
                if len(pairs) == 1
                else self.env._("the %(count)s mentorship pairs and groups", count=len(pairs)),
                "controller": self._controller(curators),
                "pairs": [self._pair_row(index, pair) for index, pair in enumerate(pairs, start=1)],
            }
        }

    @api.model
    def _check_printable(self, records):
        """The records were approved together, by one order."""
        orders = {(pair.company_id, pair.order_number, pair.order_date) for pair in records}
        if not records or any(not number or not date for _company, number, date in orders):
            raise UserError(self.env._("The order is printed for pairs approved by an order with its number and date."))
        if len(orders) > 1:
            raise UserError(
                self.env._("The selected pairs were approved by different orders; print one order at a time.")
            )

    @api.model
    def _order_pairs(self, records):
        """The pairs of the order the records were approved by."""
        pair = records[:1]
        return records.search(
            [
                ("company_id", "=", pair.company_id.id),
                ("order_number", "=", pair.order_number),
                ("order_date", "=", pair.order_date),
            ],
            order="program_id, id",
        )

    @api.model
    def _pair_row(self, index, pair):
        return {
            "index": str(index),
            "mentor": pair.mentor_id.partner_id.name or "",
            "mentees": self._names(pair.mentee_ids.partner_id),
            "form": pair.form_id.name or "",
            "kind": self._selection(pair, "kind"),
            "program": pair.program_id.name,
            "period": self._period(pair.date_start, pair.date_end),
        }
