from dateutil.relativedelta import relativedelta

from odoo import api, models
from odoo.exceptions import UserError

from odoo.addons.mentorship_core.tools import format_amount_ru, format_month_ru

HR_GROUP = "mentorship_core.group_mentorship_hr_officer"


class ReportOrderIncentives(models.AbstractModel):
    """The order on incentives: the approved incentives of one order, their
    sums printed for those who may see them."""

    _name = "report.mentorship_reports.order_incentives"
    _inherit = "mentorship.document"
    _description = "Order on Incentives"

    @api.model
    def _document_model(self):
        return "mentorship.incentive"

    @api.model
    def _check_printable(self, records):
        refused = records.filtered(lambda incentive: incentive.state in ("draft", "proposed", "cancelled"))
        if refused:
            raise UserError(
                self.env._(
                    "The order lists approved incentives only; %(incentive)s is not approved.",
                    incentive=refused[0].display_name,
                )
            )
        if len(set(records.mapped("order_number"))) > 1:
            raise UserError(
                self.env._("The selected incentives belong to different orders; print one order at a time.")
            )

    @api.model
    def _document_values(self, records, data):
        show_amounts = self.env.user.has_group(HR_GROUP)
        payments = records.filtered(lambda incentive: incentive.category == "payment")
        total = format_amount_ru(sum(payments.mapped("amount"))) if show_amounts and payments else ""
        months = sorted({incentive.date_from + relativedelta(day=1) for incentive in records})
        return {
            "doc": {
                **self._number_and_date(data, records[:1].order_number, records[:1].order_date),
                "period": ", ".join(format_month_ru(month) for month in months),
                "count": str(len(records)),
                "total": total,
                # the last row of the appendix: the sum of its amounts, or a dash as in its rows
                "total_cell": total or "—",
                "incentives": [
                    {
                        "index": str(index),
                        "mentor": incentive.mentor_id.partner_id.name,
                        "kind": self._selection(incentive, "kind"),
                        "description": self._text(incentive.description),
                        "basis": incentive.basis or "",
                        "amount": format_amount_ru(incentive.amount)
                        if show_amounts and incentive.category == "payment"
                        else "—",
                    }
                    for index, incentive in enumerate(records.sorted(lambda i: i.mentor_id.partner_id.name), start=1)
                ],
            }
        }
