from odoo import api, fields, models
from odoo.exceptions import UserError

NOMINATIONS = [("best_mentor", "Best Mentor"), ("mentor_of_year", "Mentor of the Year"), ("best_pair", "Best Pair")]


class MentorshipContest(models.Model):
    """A municipal contest: schools nominate mentors or pairs, the jury marks
    them, the best average wins."""

    _name = "mentorship.contest"
    _description = "Mentorship Contest"
    _inherit = ["mail.thread"]
    _order = "id desc"

    name = fields.Char(required=True, tracking=True)
    nomination = fields.Selection(NOMINATIONS, required=True, default="best_mentor", tracking=True)
    school_year = fields.Char()
    state = fields.Selection(
        [("draft", "Draft"), ("nominating", "Nominations"), ("judging", "Judging"), ("closed", "Closed")],
        default="draft",
        required=True,
        tracking=True,
    )
    jury_user_ids = fields.Many2many("res.users", string="Jury", domain=[("share", "=", False)])
    entry_ids = fields.One2many("mentorship.contest.entry", "contest_id", string="Nominees")
    winner_ids = fields.Many2many("mentorship.contest.entry", string="Winners", compute="_compute_winner_ids")

    @api.depends("entry_ids.is_winner")
    def _compute_winner_ids(self):
        for contest in self:
            contest.winner_ids = contest.entry_ids.filtered("is_winner")

    def _move(self, from_state, to_state):
        if self.filtered(lambda contest: contest.state != from_state):
            raise UserError(self.env._("The contest is not at the right step for this."))
        self.state = to_state
        return True

    def action_open_nominations(self):
        return self._move("draft", "nominating")

    def action_start_judging(self):
        if self.filtered(lambda contest: not contest.entry_ids):
            raise UserError(self.env._("Nobody has been nominated yet."))
        return self._move("nominating", "judging")

    def action_close(self):
        """Close the contest: the nominees with the best average mark win."""
        self._move("judging", "closed")
        for contest in self:
            best = max(contest.entry_ids.mapped("average_score"), default=0.0)
            winners = contest.entry_ids.filtered(lambda entry: best and entry.average_score == best)
            winners.is_winner = True
            contest.message_post(
                body=self.env._("Winners: %(names)s", names=", ".join(winners.mapped("display_name")) or "-")
            )
        return True
