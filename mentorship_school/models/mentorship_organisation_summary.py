from collections import Counter

from odoo import api, fields, models

FORMING_STATES = ["candidate", "matching", "agreement"]


class MentorshipOrganisationSummary(models.Model):
    """The coordinator's view of the organisations they work in: one row per
    organisation (a read-only view of res.company) with the size of its bases,
    its pairs by stage and how many of its mentees are in a running pair.

    The figures count every record of the user's organisations (sudo): the
    coordinator may work in each of them, whichever are selected in the
    company switcher. They take four grouped queries for all rows together."""

    _name = "mentorship.organisation.summary"
    _description = "Organisation Summary"
    _auto = False
    _table_query = "SELECT id, id AS company_id, parent_id, parent_path FROM res_company WHERE active"
    _depends = {"res.company": ["parent_id", "parent_path", "active"]}
    _rec_name = "company_id"
    _order = "parent_path"

    company_id = fields.Many2one("res.company", string="Organisation", readonly=True)
    parent_id = fields.Many2one("res.company", string="Part of", readonly=True)
    parent_path = fields.Char(readonly=True)
    mentor_count = fields.Integer(string="Mentors", compute="_compute_figures", help="Candidates and active mentors.")
    mentee_count = fields.Integer(string="Mentees", compute="_compute_figures", help="Candidates and active mentees.")
    pair_forming_count = fields.Integer(
        string="Pairs in Formation", compute="_compute_figures", help="Candidates, matching and agreement."
    )
    pair_running_count = fields.Integer(
        string="Approved and Working Pairs", compute="_compute_figures", help="Pairs approved by order or at work."
    )
    pair_completed_count = fields.Integer(string="Completed Pairs", compute="_compute_figures")
    pair_dissolved_count = fields.Integer(string="Dissolved Pairs", compute="_compute_figures")
    coverage = fields.Float(
        string="Coverage (%)",
        digits=(5, 1),
        compute="_compute_figures",
        help="Share of the active mentees who are in an approved or working pair.",
    )

    @api.depends("company_id")
    def _compute_figures(self):
        in_bases = [("company_id", "in", self.company_id.ids), ("state", "!=", "archived")]
        Mentee = self.env["mentorship.mentee"].sudo()
        Pair = self.env["mentorship.pair"].sudo()
        mentors = dict(self.env["mentorship.mentor"].sudo()._read_group(in_bases, ["company_id"], ["__count"]))
        mentees = self._counts_by_state(Mentee, in_bases)
        covered = dict(
            Mentee._read_group(
                [
                    ("company_id", "in", self.company_id.ids),
                    ("state", "=", "active"),
                    ("pair_ids.state", "in", Pair.RUNNING_STATES),
                ],
                ["company_id"],
                ["__count"],
            )
        )
        pairs = self._counts_by_state(Pair, [("company_id", "in", self.company_id.ids)])
        for summary in self:
            company = summary.company_id
            active_mentees = mentees[company, "active"]
            summary.mentor_count = mentors.get(company, 0)
            summary.mentee_count = mentees[company, "candidate"] + active_mentees
            summary.pair_forming_count = sum(pairs[company, state] for state in FORMING_STATES)
            summary.pair_running_count = sum(pairs[company, state] for state in Pair.RUNNING_STATES)
            summary.pair_completed_count = pairs[company, "completed"]
            summary.pair_dissolved_count = pairs[company, "dissolved"]
            summary.coverage = 100.0 * covered.get(company, 0) / active_mentees if active_mentees else 0.0

    @api.model
    def _counts_by_state(self, model, domain):
        """{(company, state): number of records}, in one query."""
        return Counter(
            {
                (company, state): count
                for company, state, count in model._read_group(domain, ["company_id", "state"], ["__count"])
            }
        )
