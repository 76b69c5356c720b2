from odoo import api, fields, models
from odoo.exceptions import UserError


class ReportContestCertificates(models.AbstractModel):
    """The certificates of a closed contest's winners, on the layout of the
    mentor certificate."""

    _name = "report.mentorship_reports.contest_certificates"
    _inherit = "mentorship.document"
    _description = "Certificates of Contest Winners"

    @api.model
    def _document_model(self):
        return "mentorship.contest"

    @api.model
    def _document_values(self, records, data):
        contest = records
        if not contest.winner_ids:
            raise UserError(self.env._("The contest %(contest)s has no winners yet.", contest=contest.display_name))
        nomination = self._selection(contest, "nomination")
        date = self._date(fields.Date.to_date(data.get("date")) or fields.Date.context_today(self))
        # the winners of a contest are public: their names print whoever may read the contest
        mentors = contest.winner_ids.sudo().mapped(lambda entry: entry.mentor_id or entry.pair_id.mentor_id)
        return {
            "docs": [
                {
                    "name": mentor.partner_id.name,
                    "text": f"является победителем конкурса «{contest.name}» в номинации «{nomination}»"
                    + (f" {contest.school_year} учебного года" if contest.school_year else ""),
                    "programs": [],
                    "date": date,
                }
                for mentor in mentors
            ]
        }
