from odoo import api, models
from odoo.exceptions import UserError


class MentorshipIncentiveLetter(models.AbstractModel):
    """The thank-you letter or certificate of honour of an approved
    recognition; nothing else is printed as one."""

    _name = "report.mentorship_core.report_incentive_letter"
    _description = "Thank-You Letter or Certificate of Honour"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["mentorship.incentive"].browse(docids)
        refused = docs.filtered(lambda incentive: not incentive.is_printable or incentive.state != "approved")
        if refused:
            raise UserError(
                self.env._(
                    "Only an approved thank-you letter or certificate of honour is printed; %(incentive)s is not.",
                    incentive=refused[0].display_name,
                )
            )
        return {"doc_ids": docids, "doc_model": "mentorship.incentive", "docs": docs}
