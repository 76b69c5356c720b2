from odoo import api, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from ..tools import decline_name, format_date_ru, short_name

DIRECTOR_GROUP = "mentorship_core.group_mentorship_director"


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
        return {
            "doc_ids": docids,
            "doc_model": "mentorship.incentive",
            "docs": docs,
            "recipient_names": {doc.id: self._recipient_name(doc) for doc in docs},
            "signatory_names": {doc.id: self._signatory_name(doc) for doc in docs},
            "order_dates": {doc.id: self._order_date(doc) for doc in docs},
        }

    @api.model
    def _in_russian(self):
        return (self.env.lang or "").startswith("ru")

    @api.model
    def _recipient_name(self, doc):
        """A Russian letter thanks someone in the dative («выражает
        благодарность Соколовой Ирине Викторовне»); a certificate is awarded
        to the name as it is."""
        name = doc.mentor_id.partner_id.name
        if doc.kind == "thank_you_letter" and self._in_russian():
            return decline_name(name, "dative")
        return name

    @api.model
    def _order_date(self, doc):
        """«3 ноября 2026 г.» in a Russian letter, the user's format otherwise."""
        if self._in_russian():
            return format_date_ru(doc.order_date)
        return format_date(self.env, doc.order_date)

    @api.model
    def _signatory_name(self, doc):
        """The director who approved the recognition signs it; an approval by
        an HR officer leaves the name for the director to write."""
        approver = doc.approved_by_id
        return short_name(approver.name) if approver.has_group(DIRECTOR_GROUP) else ""
