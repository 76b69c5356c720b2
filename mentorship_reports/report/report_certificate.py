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
        text = self.env._("works as a mentor in the target model of mentorship, in the programs:")
        return {
            "docs": [
                self._page(
                    mentor,
                    text,
                    mentor.pair_ids.filtered(lambda pair: pair.state != "dissolved").program_id.mapped("name"),
                    data,
                )
                for mentor in records
            ]
        }

    @api.model
    def _page(self, mentor, text, programs, data):
        """The certificate of ``mentor``, dated as given, else today."""
        date = fields.Date.to_date(data.get("date")) or fields.Date.context_today(self)
        return {"name": mentor.partner_id.name, "text": text, "programs": programs, "date": self._date(date)}
