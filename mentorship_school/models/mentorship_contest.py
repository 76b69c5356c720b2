from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

NOMINATIONS = [("best_mentor", "Best Mentor"), ("mentor_of_year", "Mentor of the Year"), ("best_pair", "Best Pair")]
# the states in which the marks are closed: averages and ranks are shown, winners chosen
RANKED_STATES = ("ranking", "closed")
COORDINATOR_GROUP = "mentorship_core.group_mentorship_coordinator"


class MentorshipContest(models.Model):
    """A municipal contest: schools nominate mentors or pairs, each jury
    member marks each nominee on each criterion, the coordinator closes the
    marking, chooses the winners from the ranking and announces them.

    While the jury marks, nobody sees the averages and each jury member
    sees only their own marks: the marks of the others, the averages and
    the ranking appear when the coordinator closes the marking."""

    _name = "mentorship.contest"
    _description = "Mentorship Contest"
    _inherit = ["mail.thread"]
    _order = "id desc"

    name = fields.Char(required=True, tracking=True)
    nomination = fields.Selection(NOMINATIONS, required=True, default="best_mentor", tracking=True)
    school_year = fields.Char()
    company_id = fields.Many2one(
        "res.company",
        string="Organiser",
        required=True,
        default=lambda self: self.env.company,
        help="The organisation that holds the contest: its header and head sign the winners' certificates.",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("nominating", "Nominations"),
            ("judging", "Judging"),
            ("ranking", "Choosing Winners"),
            ("closed", "Closed"),
        ],
        default="draft",
        required=True,
        tracking=True,
    )
    jury_user_ids = fields.Many2many("res.users", string="Jury", domain=[("share", "=", False)])
    criterion_ids = fields.One2many("mentorship.contest.criterion", "contest_id", string="Criteria")
    entry_ids = fields.One2many("mentorship.contest.entry", "contest_id", string="Nominees")
    winner_ids = fields.Many2many("mentorship.contest.entry", string="Winners", compute="_compute_winner_ids")
    mark_count = fields.Integer(string="Marks Expected", compute="_compute_mark_counts", compute_sudo=True)
    marked_count = fields.Integer(string="Marks Given", compute="_compute_mark_counts", compute_sudo=True)

    @api.depends("entry_ids.is_winner")
    def _compute_winner_ids(self):
        for contest in self:
            contest.winner_ids = contest.entry_ids.filtered("is_winner")

    def _compute_mark_counts(self):
        """How far the jury has got, without telling anyone the marks."""
        for contest in self:
            marks = contest.entry_ids.mark_ids
            contest.mark_count = len(marks)
            contest.marked_count = len(marks.filtered("is_marked"))

    @api.constrains("jury_user_ids", "state")
    def _check_jury_fixed(self):
        """The jury is set before judging; its marks are made for it then."""
        for contest in self.filtered(lambda contest: contest.state != "draft"):
            jurors = contest.sudo().entry_ids.mark_ids.jury_user_id
            if jurors and jurors != contest.jury_user_ids:
                raise ValidationError(self.env._("The jury of a contest is fixed once its judging has started."))

    def _check_coordinator(self):
        """The coordinator closes the marking and chooses the winners."""
        if not self.env.su and not self.env.user.has_group(COORDINATOR_GROUP):
            raise AccessError(self.env._("Only the coordinator closes the marking and chooses the winners."))

    def _criteria_editable(self):
        self.ensure_one()
        return self.state in ("draft", "nominating")

    def _move(self, from_state, to_state):
        if self.filtered(lambda contest: contest.state != from_state):
            raise UserError(self.env._("The contest is not at the right step for this."))
        self.state = to_state
        return True

    def action_open_nominations(self):
        return self._move("draft", "nominating")

    def action_start_judging(self):
        """Start the judging: each jury member gets a mark to give for each
        nominee and criterion."""
        for contest in self:
            if not contest.entry_ids:
                raise UserError(self.env._("Nobody has been nominated yet."))
            if not contest.jury_user_ids:
                raise UserError(self.env._("Choose the jury of the contest first."))
            if not contest.criterion_ids:
                raise UserError(self.env._("Set the criteria the jury marks the nominees on first."))
            nominated_jurors = contest.jury_user_ids.filtered(lambda juror: juror.partner_id in contest._nominees())
            if nominated_jurors:
                raise UserError(
                    self.env._(
                        "%(names)s, nominated, cannot sit on the jury of the contest.",
                        names=", ".join(nominated_jurors.mapped("name")),
                    )
                )
        self._move("nominating", "judging")
        for contest in self:
            # the contest makes the jury's marks: no one writes a mark for another juror
            contest.sudo().entry_ids.write(
                {
                    "mark_ids": [
                        Command.create({"jury_user_id": juror.id, "criterion_id": criterion.id})
                        for juror in contest.jury_user_ids
                        for criterion in contest.criterion_ids
                    ]
                }
            )
        return True

    def _nominees(self):
        """The people nominated: the mentors, and the pairs' mentors and mentees."""
        entries = self.sudo().entry_ids
        return (
            entries.mentor_id.partner_id | entries.pair_id.mentor_id.partner_id | entries.pair_id.mentee_ids.partner_id
        )

    def action_close_marking(self):
        """Close the marking once every jury member has given every mark:
        the averages and the ranking appear, and the nominees ranked first
        are proposed as the winners."""
        self._check_coordinator()
        for contest in self:
            missing = contest.sudo().entry_ids.mark_ids.filtered(lambda mark: not mark.is_marked)
            if missing:
                raise UserError(
                    self.env._(
                        "The jury has not given all its marks yet: %(count)s missing, from %(jurors)s.",
                        count=len(missing),
                        jurors=", ".join(missing.jury_user_id.mapped("name")),
                    )
                )
        self._move("judging", "ranking")
        for contest in self:
            contest.entry_ids.filtered(lambda entry: entry.rank == 1).sudo().is_winner = True
        return True

    def action_close(self):
        """Announce the winners chosen from the ranking."""
        self._check_coordinator()
        if self.filtered(lambda contest: contest.state == "ranking" and not contest.winner_ids):
            raise UserError(self.env._("Choose at least one winner from the ranking first."))
        self._move("ranking", "closed")
        for contest in self:
            contest.message_post(
                body=self.env._("Winners: %(names)s", names=", ".join(contest.winner_ids.mapped("display_name")))
            )
        return True

    def action_open_ranking(self):
        """The nominees of the contest by their rank."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("mentorship_school.mentorship_contest_ranking_action")
        action["domain"] = [("contest_id", "=", self.id)]
        action["context"] = {"default_contest_id": self.id}
        return action
