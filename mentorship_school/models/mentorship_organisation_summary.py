from collections import Counter

from odoo import api, fields, models

FORMING_STATES = ["candidate", "matching", "agreement"]


class MentorshipOrganisationSummary(models.Model):
    """The coordinator's view of the organisations they work in: one row per
    organisation (a read-only view of res.company) with the size of its bases,
    its pairs by stage and how many of its mentees are in a running pair.

    The figures roll up the company tree (region → department → school): an
    organisation counts its own records and those of every organisation below
    it, among the user's organisations only — a coordinator of a department
    who does not work in one of its schools does not see that school's
    figures in the department's. They count every record of those
    organisations (sudo): the coordinator may work in each of them, whichever
    are selected in the company switcher. They take four grouped queries for
    all rows together, summed up the tree in Python."""

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
        rows_of = self._rows_of_companies()
        companies = [("company_id", "in", list(rows_of))]
        in_bases = [*companies, ("state", "!=", "archived")]
        Mentee = self.env["mentorship.mentee"].sudo()
        Pair = self.env["mentorship.pair"].sudo()
        mentors = self._rolled_up(rows_of, self.env["mentorship.mentor"].sudo(), in_bases, [])
        mentees = self._rolled_up(rows_of, Mentee, in_bases, ["state"])
        covered = self._rolled_up(
            rows_of,
            Mentee,
            [*companies, ("state", "=", "active"), ("pair_ids.state", "in", Pair.RUNNING_STATES)],
            [],
        )
        pairs = self._rolled_up(rows_of, Pair, companies, ["state"])
        for summary in self:
            company = summary.company_id.id
            active_mentees = mentees[company, "active"]
            summary.mentor_count = mentors[(company,)]
            summary.mentee_count = mentees[company, "candidate"] + active_mentees
            summary.pair_forming_count = sum(pairs[company, state] for state in FORMING_STATES)
            summary.pair_running_count = sum(pairs[company, state] for state in Pair.RUNNING_STATES)
            summary.pair_completed_count = pairs[company, "completed"]
            summary.pair_dissolved_count = pairs[company, "dissolved"]
            summary.coverage = 100.0 * covered[(company,)] / active_mentees if active_mentees else 0.0

    def _rows_of_companies(self):
        """{company id: ids of the rows it counts in}: each of the user's
        organisations counts in its own row and in the rows of the
        organisations above it (parent_path)."""
        row_ids = set(self.company_id.ids)
        rows_of = {}
        for company in self.env.user.sudo().company_ids:
            rows = [int(ancestor) for ancestor in company.parent_path.split("/")[:-1] if int(ancestor) in row_ids]
            if rows:
                rows_of[company.id] = rows
        return rows_of

    @api.model
    def _rolled_up(self, rows_of, model, domain, groupby):
        """{(row company id, *groupby values): number of records} of the
        companies counting in each row, in one query."""
        totals = Counter()
        for company, *group, count in model._read_group(domain, ["company_id", *groupby], ["__count"]):
            for row in rows_of[company.id]:
                totals[(row, *group)] += count
        return totals
