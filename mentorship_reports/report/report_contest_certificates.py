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
    def _check_printable(self, records):
        if not records.winner_ids:
            raise UserError(self.env._("The contest %(contest)s has no winners yet.", contest=records.display_name))

    @api.model
    def _document_values(self, records, data):
        contest = records
        values = {"contest": contest.name, "nomination": self._selection(contest, "nomination")}
        if contest.school_year:
            text = self.env._(
                "is the winner of the contest “%(contest)s” in the nomination “%(nomination)s” "
                "of the %(school_year)s school year",
                **values,
                school_year=contest.school_year,
            )
        else:
            text = self.env._("is the winner of the contest “%(contest)s” in the nomination “%(nomination)s”", **values)
        # the winners of a contest are public: their names print whoever may read the contest
        mentors = contest.winner_ids.sudo().mapped(lambda entry: entry.mentor_id or entry.pair_id.mentor_id)
        return {"docs": [self._page(mentor, text, [], data) for mentor in mentors]}
