from odoo import api, models

from odoo.addons.mentorship_core.tools import decline_name


class ReportLetterPartner(models.AbstractModel):
    """The thank-you letter to a partner organisation, naming the mentors it
    gave, in the dative."""

    _name = "report.mentorship_reports.letter_partner"
    _inherit = "mentorship.document"
    _description = "Thank-You Letter to a Partner"

    @api.model
    def _document_model(self):
        return "mentorship.partnership.agreement"

    @api.model
    def _document_values(self, records, data):
        agreement = records
        return {
            "doc": {
                **self._number_and_date(data),
                "partner": agreement.partner_id.name,
                "agreement": agreement.number.lstrip("№ "),
                "agreement_date": self._date(agreement.date_start),
                "scope": f" ({agreement.scope.strip().rstrip('.')})" if agreement.scope else "",
                "mentors": [decline_name(name, "dative") for name in agreement.mentor_ids.partner_id.mapped("name")],
            }
        }
