from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class MentorshipContestCriterion(models.Model):
    """A criterion each jury member marks each nominee on, from 0 to its
    maximum. The criteria are set before the judging starts and fixed then."""

    _name = "mentorship.contest.criterion"
    _description = "Contest Criterion"
    _order = "contest_id, sequence, id"

    contest_id = fields.Many2one("mentorship.contest", required=True, index=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    max_score = fields.Float(string="Maximum Mark", required=True, default=10.0, digits=(4, 1))

    _max_score_positive = models.Constraint("CHECK(max_score > 0)", "The maximum mark of a criterion is above 0.")

    @api.constrains("contest_id", "name", "max_score")
    def _check_contest_open(self):
        if self.contest_id.filtered(lambda contest: not contest._criteria_editable()):
            raise ValidationError(self.env._("The criteria of a contest are fixed once its judging has started."))

    @api.ondelete(at_uninstall=False)
    def _unlink_before_judging(self):
        if self.contest_id.filtered(lambda contest: not contest._criteria_editable()):
            raise UserError(self.env._("The criteria of a contest are fixed once its judging has started."))
