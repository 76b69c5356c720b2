from odoo import api, fields, models


class ReportCertificate(models.AbstractModel):
    """«Сертификат наставника»: a page per mentor, naming the programs the
    mentor works in."""

    _name = "report.mentorship_reports.certificate"
    _inherit = "mentorship.document"
    _description = "Mentor Certificate"

    @api.model
    def _document_model(self):
        return "mentorship.mentor"

    @api.model
    def _document_values(self, records, data):
        date = self._date(fields.Date.to_date(data.get("date")) or fields.Date.context_today(self))
        return {
            "docs": [
                {
                    "name": mentor.partner_id.name,
                    "text": "осуществляет наставническую деятельность в рамках целевой модели наставничества "
                    "в программах:",
                    "programs": mentor.pair_ids.filtered(lambda pair: pair.state != "dissolved").program_id.mapped(
                        "name"
                    ),
                    "date": date,
                }
                for mentor in records
            ]
        }
