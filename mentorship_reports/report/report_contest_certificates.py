from odoo import api, models
from odoo.exceptions import UserError


class ReportContestCertificates(models.AbstractModel):
    """The certificates of a closed contest's winners, on the layout of the
    mentor certificate."""

    _name = "report.mentorship_reports.contest_certificates"
    _inherit = "report.mentorship_reports.certificate"
    _description = "Certificates of Contest Winners"

    @api.model
    def _document_model(self):
        return "mentorship.contest"

    @api.model
    def _document_values(self, records, data):
        contest = records
        if not contest.winner_ids:
            raise UserError(self.env._("The contest %(contest)s has no winners yet.", contest=contest.display_name))
        text = f"является победителем конкурса «{contest.name}» в номинации «{self._selection(contest, 'nomination')}»"
        if contest.school_year:
            text += f" {contest.school_year} учебного года"
        # the winners of a contest are public: their names print whoever may read the contest
        mentors = contest.winner_ids.sudo().mapped(lambda entry: entry.mentor_id or entry.pair_id.mentor_id)
        return {"docs": [self._page(mentor, text, [], data) for mentor in mentors]}
