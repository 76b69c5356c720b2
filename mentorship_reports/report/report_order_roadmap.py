from odoo import api, models


class ReportOrderRoadmap(models.AbstractModel):
    """The order approving a roadmap, the roadmap as its appendix."""

    _name = "report.mentorship_reports.order_roadmap"
    _inherit = "report.mentorship_reports.roadmap"
    _description = "Order Approving the Roadmap"

    @api.model
    def _document_values(self, records, data):
        curators = self.env["mentorship.program"].search([("company_id", "=", records.company_id.id)]).curator_id
        return {
            "doc": {
                **self._roadmap_values(records),
                **self._number_and_date(data),
                "controller": self._controller(curators),
            }
        }
