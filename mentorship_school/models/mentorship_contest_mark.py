from odoo import api, fields, models
from odoo.exceptions import ValidationError

MAX_SCORE = 10


class MentorshipContestMark(models.Model):
    """The mark a jury member gives a nominee."""

    _name = "mentorship.contest.mark"
    _description = "Jury Mark"

    entry_id = fields.Many2one("mentorship.contest.entry", required=True, index=True, ondelete="cascade")
    jury_user_id = fields.Many2one("res.users", string="Jury Member", required=True, default=lambda self: self.env.user)
    score = fields.Float(required=True)
    comment = fields.Text()

    _entry_jury_uniq = models.Constraint("UNIQUE(entry_id, jury_user_id)", "A jury member marks each nominee once.")

    @api.constrains("entry_id", "jury_user_id", "score")
    def _check_jury(self):
        for mark in self:
            contest = mark.entry_id.contest_id
            if contest.state != "judging":
                raise ValidationError(self.env._("The jury marks the nominees only while the contest is judged."))
            if mark.jury_user_id not in contest.jury_user_ids:
                raise ValidationError(
                    self.env._("%(user)s is not on the jury of this contest.", user=mark.jury_user_id.display_name)
                )
            if not 0 <= mark.score <= MAX_SCORE:
                raise ValidationError(self.env._("A jury mark lies between 0 and 10."))
