from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .mentorship_contest import RANKED_STATES


class MentorshipContestEntry(models.Model):
    """A mentor or a pair nominated by a school for a contest."""

    _name = "mentorship.contest.entry"
    _description = "Contest Nominee"
    _order = "average_score desc, id"
    _check_company_auto = True

    contest_id = fields.Many2one("mentorship.contest", required=True, index=True, ondelete="cascade")
    nomination = fields.Selection(related="contest_id.nomination")
    company_id = fields.Many2one(
        "res.company", string="Nominated by", required=True, index=True, default=lambda self: self.env.company
    )
    mentor_id = fields.Many2one("mentorship.mentor")
    pair_id = fields.Many2one("mentorship.pair", check_company=True)
    justification = fields.Text()
    mark_ids = fields.One2many("mentorship.contest.mark", "entry_id", string="Jury Marks")
    contest_state = fields.Selection(related="contest_id.state", string="Contest State")
    average_score = fields.Float(
        compute="_compute_average_score",
        store=True,
        digits=(4, 2),
        help="The total of the criteria marks averaged over the jury members, once the marking is closed.",
    )
    rank = fields.Integer(
        compute="_compute_rank",
        store=True,
        help="The place by the average mark once the marking is closed: equal averages share a place.",
    )
    is_winner = fields.Boolean(string="Winner", readonly=True, copy=False)

    @api.depends("mentor_id", "pair_id")
    def _compute_display_name(self):
        """The nominee's name, also for jury members of other schools."""
        for entry in self:
            entry.display_name = (entry.pair_id or entry.mentor_id).sudo().display_name or ""

    @api.depends("mark_ids.score", "mark_ids.is_marked", "contest_id.state")
    def _compute_average_score(self):
        for entry in self:
            ranked = entry.contest_id.state in RANKED_STATES
            marks = entry.mark_ids.filtered("is_marked") if ranked else entry.mark_ids.browse()
            jurors = len(marks.jury_user_id)
            entry.average_score = sum(marks.mapped("score")) / jurors if jurors else 0.0

    @api.depends("average_score", "contest_id.entry_ids.average_score", "contest_id.state")
    def _compute_rank(self):
        for entry in self:
            if entry.contest_id.state not in RANKED_STATES:
                entry.rank = 0
                continue
            averages = entry.contest_id.entry_ids.mapped("average_score")
            entry.rank = 1 + sum(average > entry.average_score for average in averages)

    def write(self, vals):
        if "is_winner" in vals and not self.env.su:
            self._check_can_choose_winners()
        return super().write(vals)

    def _check_can_choose_winners(self):
        """The coordinator chooses the winners, from the ranking, before
        they are announced."""
        self.contest_id._check_coordinator()
        if self.filtered(lambda entry: entry.contest_id.state != "ranking"):
            raise UserError(self.env._("The winners are chosen from the ranking, after the marking is closed."))

    def action_choose_winner(self):
        self.is_winner = True
        return True

    def action_withdraw_winner(self):
        self.is_winner = False
        return True

    @api.constrains("contest_id", "mentor_id", "pair_id", "company_id")
    def _check_nominee(self):
        for entry in self:
            if entry.contest_id.state != "nominating":
                raise ValidationError(self.env._("Nominations are open only while the contest collects them."))
            if entry.nomination == "best_pair" and not entry.pair_id:
                raise ValidationError(self.env._("Nominate a pair for the Best Pair contest."))
            if entry.nomination != "best_pair" and not entry.mentor_id:
                raise ValidationError(self.env._("Nominate a mentor for this contest."))
            nominee_company = (entry.pair_id or entry.mentor_id).company_id
            if nominee_company not in entry.company_id | entry.mentor_id.shared_company_ids:
                raise ValidationError(self.env._("A school nominates its own mentors and pairs."))
