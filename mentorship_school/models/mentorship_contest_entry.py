from odoo import api, fields, models
from odoo.exceptions import ValidationError


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
    average_score = fields.Float(compute="_compute_average_score", store=True, digits=(4, 2))
    is_winner = fields.Boolean(string="Winner", readonly=True, copy=False)

    @api.depends("mentor_id", "pair_id")
    def _compute_display_name(self):
        """The nominee's name, also for jury members of other schools."""
        for entry in self:
            entry.display_name = (entry.pair_id or entry.mentor_id).sudo().display_name or ""

    @api.depends("mark_ids.score")
    def _compute_average_score(self):
        for entry in self:
            scores = entry.mark_ids.mapped("score")
            entry.average_score = sum(scores) / len(scores) if scores else 0.0

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
