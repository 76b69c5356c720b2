from collections import Counter

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import check_not_blank


class MentorshipProgram(models.Model):
    """A mentorship program of one form, for one organisation and school year."""

    _name = "mentorship.program"
    _description = "Mentorship Program"
    _inherit = ["mail.thread", "mail.activity.mixin", "mentorship.matching.weights"]
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, tracking=True)
    form_id = fields.Many2one("mentorship.form", required=True, tracking=True, index=True)
    company_id = fields.Many2one(
        "res.company", string="Organisation", required=True, index=True, default=lambda self: self.env.company
    )
    curator_id = fields.Many2one(
        "res.users",
        tracking=True,
        default=lambda self: self.env.user,
        domain=lambda self: [("all_group_ids", "in", self.env.ref("mentorship_core.group_mentorship_curator").id)],
    )
    school_year = fields.Char(help="E.g. 2025/2026")
    date_start = fields.Date(string="Start Date", required=True, tracking=True)
    date_end = fields.Date(string="End Date", required=True, tracking=True)
    goals = fields.Html()
    tasks = fields.Html()
    planned_results = fields.Html()
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved"), ("running", "Running"), ("completed", "Completed")],
        default="draft",
        required=True,
        tracking=True,
        group_expand=True,
    )
    pair_ids = fields.One2many("mentorship.pair", "program_id", string="Pairs")
    pair_count = fields.Integer(compute="_compute_counts")
    mentor_count = fields.Integer(compute="_compute_counts")
    mentee_count = fields.Integer(compute="_compute_counts")
    coverage = fields.Float(
        compute="_compute_counts",
        help="Share of the organisation's mentees of this form's categories who are in a pair of the program.",
    )
    color = fields.Integer()
    active = fields.Boolean(default=True)

    _dates_ordered = models.Constraint("CHECK(date_start <= date_end)", "A program cannot end before it starts.")

    @api.depends("pair_ids.state", "pair_ids.mentor_id", "pair_ids.mentee_ids", "form_id.mentee_category_ids")
    def _compute_counts(self):
        Pair = self.env["mentorship.pair"]
        live = [("program_id", "in", self.ids), ("state", "!=", "dissolved")]
        pair_counts = {
            program: (count, mentors)
            for program, count, mentors in Pair._read_group(
                live, ["program_id"], ["__count", "mentor_id:count_distinct"]
            )
        }
        mentee_counts = Counter(
            program for program, _mentee in Pair._read_group(live, ["program_id", "mentee_ids"]) if _mentee
        )
        eligible_counts = self.env["mentorship.mentee"]._read_group(
            [("company_id", "in", self.company_id.ids), ("state", "!=", "archived")],
            ["company_id", "category_id"],
            ["__count"],
        )
        for program in self:
            program.pair_count, program.mentor_count = pair_counts.get(program, (0, 0))
            program.mentee_count = mentee_counts[program]
            categories = program.form_id.mentee_category_ids
            eligible = sum(
                count
                for company, category, count in eligible_counts
                if company == program.company_id and (not categories or category in categories)
            )
            program.coverage = 100.0 * program.mentee_count / eligible if eligible else 0.0

    @api.constrains("name")
    def _check_name_not_blank(self):
        check_not_blank(self, ["name"])

    def action_approve(self):
        self._check_state("draft")
        self.state = "approved"
        return True

    def action_start(self):
        self._check_state("approved")
        self.state = "running"
        return True

    def action_complete(self):
        self._check_state("running")
        self.state = "completed"
        return True

    def action_reset_to_draft(self):
        self.state = "draft"
        return True

    def _check_state(self, expected):
        wrong = self.filtered(lambda program: program.state != expected)
        if wrong:
            raise UserError(
                self.env._(
                    "The program %(program)s is not in the expected state for this step.",
                    program=wrong[0].display_name,
                )
            )

    def action_view_pairs(self):
        action = self.env["ir.actions.act_window"]._for_xml_id("mentorship_core.mentorship_pair_action")
        action["domain"] = [("program_id", "in", self.ids)]
        action["context"] = {"default_program_id": self.id}
        return action
