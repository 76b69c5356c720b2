from odoo import api, models
from odoo.exceptions import UserError

from odoo.addons.mentorship_core.tools import decline_name, short_name


class ReportOrderCurator(models.AbstractModel):
    """The order appointing the curator of a program."""

    _name = "report.mentorship_reports.order_curator"
    _inherit = "mentorship.document"
    _description = "Order Appointing the Curator"

    @api.model
    def _document_model(self):
        return "mentorship.program"

    @api.model
    def _check_printable(self, records):
        if not records.curator_id:
            raise UserError(
                self.env._("The program %(program)s has no curator to appoint.", program=records.display_name)
            )

    @api.model
    def _document_values(self, records, data):
        program = records
        curator = program.curator_id.name
        return {
            "doc": {
                **self._number_and_date(data),
                "program": self._quoted(program.name),
                "form": self._quoted(program.form_id.name),
                "period": self._period(program.date_start, program.date_end),
                "date_end": self._date(program.date_end),
                "curator_accusative": decline_name(curator, "accusative"),
                "curator_short": short_name(curator),
            }
        }
