from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

# what a jury member writes on a mark; the rest the contest sets when the judging starts
JURY_FIELDS = {"score", "comment"}


class MentorshipContestMark(models.Model):
    """The mark a jury member gives a nominee on a criterion. The contest
    makes one for each jury member, nominee and criterion when its judging
    starts; each jury member then gives their own marks, nobody else's."""

    _name = "mentorship.contest.mark"
    _description = "Jury Mark"
    _order = "contest_id desc, entry_id, criterion_sequence, criterion_id"
    _rec_name = "entry_id"

    entry_id = fields.Many2one(
        "mentorship.contest.entry", string="Nominee", required=True, index=True, ondelete="cascade"
    )
    contest_id = fields.Many2one(related="entry_id.contest_id", store=True, index=True)
    contest_state = fields.Selection(related="contest_id.state", string="Contest State")
    nominated_by_id = fields.Many2one(related="entry_id.company_id", string="Nominated by")
    jury_user_id = fields.Many2one("res.users", string="Jury Member", required=True, index=True)
    criterion_id = fields.Many2one("mentorship.contest.criterion", required=True, ondelete="cascade")
    criterion_sequence = fields.Integer(related="criterion_id.sequence", store=True)
    max_score = fields.Float(related="criterion_id.max_score", string="Maximum Mark")
    score = fields.Float(string="Mark", digits=(4, 1))
    is_marked = fields.Boolean(string="Marked", readonly=True, copy=False)
    comment = fields.Text()

    _entry_jury_criterion_uniq = models.Constraint(
        "UNIQUE(entry_id, jury_user_id, criterion_id)", "A jury member marks each nominee once on each criterion."
    )

    @api.constrains("entry_id", "jury_user_id", "criterion_id", "score")
    def _check_mark(self):
        for mark in self:
            contest = mark.entry_id.contest_id
            if contest.state != "judging":
                raise ValidationError(self.env._("The jury marks the nominees only while the contest is judged."))
            if mark.jury_user_id not in contest.jury_user_ids:
                raise ValidationError(
                    self.env._("%(user)s is not on the jury of this contest.", user=mark.jury_user_id.display_name)
                )
            if mark.criterion_id.contest_id != contest:
                raise ValidationError(self.env._("A nominee is marked on the criteria of their own contest."))
            if not 0 <= mark.score <= mark.criterion_id.max_score:
                raise ValidationError(
                    self.env._(
                        "The mark on “%(criterion)s” lies between 0 and %(max)s.",
                        criterion=mark.criterion_id.name,
                        max=f"{mark.criterion_id.max_score:g}",
                    )
                )

    def write(self, vals):
        if not self.env.su:
            self._check_own_marks(vals)
        if "score" in vals:
            vals = {**vals, "is_marked": True}
        return super().write(vals)

    def _check_own_marks(self, vals):
        """A jury member gives their own marks and changes nothing else."""
        if self.filtered(lambda mark: mark.jury_user_id != self.env.user) or set(vals) - JURY_FIELDS:
            raise AccessError(self.env._("A jury member gives only their own marks."))
