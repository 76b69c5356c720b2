from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import formatLang

UNMATCHED_REASONS = [
    ("no_allowed_mentor", "No mentor allowed by the rules"),
    ("capacity_exhausted", "Every allowed mentor is full"),
]


class MentorshipMatchingLine(models.Model):
    """A proposal of a matching run (a mentee, a mentor, the score and its
    breakdown, the pair made of it), or a mentee the run left unmatched and why."""

    _name = "mentorship.matching.line"
    _description = "Matching Proposal"
    _order = "matching_id desc, score desc, id"
    _rec_name = "mentee_id"

    matching_id = fields.Many2one(
        "mentorship.matching", string="Matching Run", required=True, ondelete="cascade", index=True
    )
    program_id = fields.Many2one("mentorship.program", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="program_id.company_id", store=True, index=True)
    mentee_id = fields.Many2one("mentorship.mentee", required=True, index=True, ondelete="cascade")
    mentor_id = fields.Many2one("mentorship.mentor", index=True, ondelete="cascade")
    score = fields.Float(digits=(4, 2), aggregator="sum")
    breakdown = fields.Json(help="The weighted contribution of each criterion: they add up to the score.")
    explanation = fields.Char(compute="_compute_explanation", string="Why This Mentor")
    consent_missing = fields.Boolean(
        help="The mentee or the mentor has no valid personal-data consent yet: approval needs it.",
    )
    state = fields.Selection(
        [
            ("proposed", "Proposed"),
            ("accepted", "Accepted"),
            ("rejected", "Rejected"),
            ("unmatched", "Unmatched"),
        ],
        required=True,
        default="proposed",
        index=True,
    )
    unmatched_reason = fields.Selection(UNMATCHED_REASONS, string="Why Unmatched")
    rejection_reason = fields.Text()
    pair_ids = fields.One2many("mentorship.pair", "matching_line_id", string="Pairs")
    pair_id = fields.Many2one("mentorship.pair", compute="_compute_pair_id", string="Proposed Pair")

    @api.depends("breakdown")
    def _compute_explanation(self):
        criteria = self.env["mentorship.matching"]._matching_criteria()
        for line in self:
            parts = [
                f"{label} {formatLang(self.env, line.breakdown[criterion], digits=2)}"
                for criterion, (_field, label) in criteria.items()
                if (line.breakdown or {}).get(criterion)
            ]
            if line.state == "unmatched":
                line.explanation = False
                continue
            text = " + ".join(parts) or self.env._("no criterion matches")
            if line.consent_missing:
                text = self.env._("%(text)s; consent missing before approval", text=text)
            line.explanation = text

    @api.depends("pair_ids")
    def _compute_pair_id(self):
        for line in self:
            line.pair_id = line.pair_ids[:1]

    # --- the curator's decisions ------------------------------------------------

    def _check_proposed(self):
        decided = self.filtered(
            lambda line: line.state != "proposed" or not line.pair_id or line.pair_id.state != "matching"
        )
        if decided:
            raise UserError(
                self.env._(
                    "The proposal %(mentee)s – %(mentor)s is no longer open.",
                    mentee=decided[0].mentee_id.display_name,
                    mentor=decided[0].mentor_id.display_name,
                )
            )

    def action_accept(self):
        """Keep the proposals: their pairs move on to Agreement."""
        self._check_proposed()
        self.pair_id._move_to_state("agreement")
        self.state = "accepted"
        return True

    def _reject(self, reason):
        """Record the rejection, which the next runs respect, and remove the
        proposed pair: nothing was agreed with anyone yet."""
        self._check_proposed()
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason to reject the proposal."))
        pairs = self.pair_id
        self.write({"state": "rejected", "rejection_reason": reason})
        pairs.unlink()

    def action_open_reject_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reject the Proposal"),
            "res_model": "mentorship.matching.reject.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_line_ids": self.ids},
        }

    def action_open_swap_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Swap Mentors"),
            "res_model": "mentorship.matching.swap.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_line_id": self.id},
        }

    def _swap_mentors(self, other):
        """Exchange the mentors of two open proposals of one run, if the hard
        rules allow both new pairs; their scores are computed again."""
        self.ensure_one()
        lines = self | other
        lines._check_proposed()
        if len(lines) != 2 or self.matching_id != other.matching_id:
            raise UserError(self.env._("Choose another open proposal of the same matching run."))
        run = self.matching_id
        candidates = run._read_candidates(mentees=lines.mentee_id, mentors=lines.mentor_id)
        edge_mentee, edge_mentor, contributions = run._candidate_edges(candidates)
        allowed = {
            (int(candidates.mentee_ids[mentee]), int(candidates.mentor_ids[mentor])): edge
            for edge, (mentee, mentor) in enumerate(zip(edge_mentee, edge_mentor, strict=True))
        }
        new_mentors = {self: other.mentor_id, other: self.mentor_id}
        for line, mentor in new_mentors.items():
            if (line.mentee_id.id, mentor.id) not in allowed:
                raise UserError(
                    self.env._(
                        "The rules do not allow %(mentor)s as the mentor of %(mentee)s.",
                        mentor=mentor.display_name,
                        mentee=line.mentee_id.display_name,
                    )
                )
        for line, mentor in new_mentors.items():
            edge = allowed[line.mentee_id.id, mentor.id]
            breakdown = {criterion: round(float(values[edge]), 2) for criterion, values in contributions.items()}
            line.pair_id.mentor_id = mentor
            line.write({"mentor_id": mentor.id, "breakdown": breakdown, "score": round(sum(breakdown.values()), 2)})
