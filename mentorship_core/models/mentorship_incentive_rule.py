from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import check_not_blank

PAYMENT_KINDS = [
    ("stimulating", "Stimulating Payment"),
    ("compensatory", "Compensatory Payment"),
]
RECOGNITION_KINDS = [
    ("thank_you_letter", "Thank-You Letter"),
    ("certificate", "Certificate of Honour"),
    ("contest_weight", "Weight in Professional Contests"),
    ("management_reserve", "Recommendation to the Management Reserve"),
    ("award_for_mentorship", 'Nomination: "For Mentorship" Decoration'),
    ("award_honorary_mentor", 'Nomination: "Honorary Mentor" Title'),
    ("award_youth_professionalism", 'Nomination: "Youth and Professionalism" Badge'),
    ("public_recognition", "Public Recognition"),
]
INCENTIVE_KINDS = PAYMENT_KINDS + RECOGNITION_KINDS
# sums and wages are for the HR officer (and the director, who has this group)
HR_GROUP = "mentorship_core.group_mentorship_hr_officer"
AWARD_KINDS = ("award_for_mentorship", "award_honorary_mentor", "award_youth_professionalism")
RULE_TYPES = [
    ("meetings", "Fixed sum per working pair with held meetings"),
    ("wage_percent", "Percentage of the wage per mentee"),
    ("plan_completed", "One-off sum for a completed plan with satisfaction"),
    ("cap", "Cap per employee per period"),
]


class MentorshipIncentiveRule(models.Model):
    """An accrual rule of an organisation, taken from its collective agreement
    or local act: what the monthly generation of incentives pays, for which
    evidence, and the caps."""

    _name = "mentorship.incentive.rule"
    _description = "Incentive Accrual Rule"
    _inherit = ["mail.thread"]
    _order = "company_id, sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10, help="Rules apply in this order; a cap reduces the later ones first.")
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", string="Organisation", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    rule_type = fields.Selection(RULE_TYPES, string="Rule", required=True, default="meetings", tracking=True)
    kind = fields.Selection(
        INCENTIVE_KINDS,
        string="Incentive Kind",
        default="stimulating",
        tracking=True,
        help="What the rule gives. Payments go to staff mentors only (with an employee record); "
        "a non-material recognition goes to every mentor who qualifies.",
    )
    accrual_code = fields.Char(tracking=True, help="The code of this payment in the payroll system.")
    amount = fields.Monetary(
        string="Fixed Sum",
        tracking=True,
        groups=HR_GROUP,
        help="Paid per qualifying pair (held meetings) or once per completed plan.",
    )
    wage_percent = fields.Float(string="Wage Percentage per Mentee", tracking=True, groups=HR_GROUP)
    max_amount = fields.Monetary(
        string="Cap",
        tracking=True,
        groups=HR_GROUP,
        help="The most one incentive of this rule pays; for a cap rule, the most an employee receives "
        "in a period from all rules.",
    )
    min_meetings = fields.Integer(
        string="Held Meetings per Month",
        default=1,
        tracking=True,
        help="A pair counts in a month when at least this many of its meetings in that month were "
        "confirmed by both the mentor and a mentee.",
    )
    min_satisfaction = fields.Float(
        string="Minimum Satisfaction (%)",
        tracking=True,
        help="Average score of the mentees' completed answers to the satisfaction survey.",
    )
    survey_id = fields.Many2one(
        "survey.survey",
        string="Satisfaction Survey",
        domain=[("scoring_type", "!=", "no_scoring")],
        tracking=True,
        help="A scored survey: its score in per cent (Odoo's own scoring) is the satisfaction.",
    )
    basis = fields.Char(
        string="Local Act and Clause",
        tracking=True,
        help='E.g. "Regulation on remuneration, clause 5.2".',
    )
    is_payment = fields.Boolean(compute="_compute_is_payment")

    _amounts_not_negative = models.Constraint(
        "CHECK(amount >= 0 AND max_amount >= 0 AND wage_percent >= 0 AND min_meetings >= 0)",
        "Sums, percentages and numbers of meetings of a rule cannot be negative.",
    )
    _satisfaction_is_percentage = models.Constraint(
        "CHECK(min_satisfaction >= 0 AND min_satisfaction <= 100)",
        "The minimum satisfaction is a percentage from 0 to 100.",
    )

    @api.depends("kind")
    def _compute_is_payment(self):
        payment_kinds = dict(PAYMENT_KINDS)
        for rule in self:
            rule.is_payment = rule.kind in payment_kinds

    @api.constrains("name", "accrual_code", "basis")
    def _check_texts_not_blank(self):
        check_not_blank(self, ["name", "accrual_code", "basis"])

    @api.constrains(
        "rule_type", "kind", "amount", "wage_percent", "max_amount", "accrual_code", "survey_id", "min_satisfaction"
    )
    def _check_parameters(self):
        for rule in self:
            problem = rule._parameter_problem()
            if problem:
                raise ValidationError(
                    self.env._("The rule %(rule)s: %(problem)s", rule=rule.display_name, problem=problem)
                )

    def _parameter_problem(self):
        """What the rule misses to compute its incentives, or None."""
        self.ensure_one()
        if self.rule_type == "cap":
            return None if self.max_amount > 0 else self.env._("a cap rule needs the cap sum.")
        if not self.kind:
            return self.env._("choose the kind of incentive it gives.")
        if self.rule_type == "wage_percent" and not (self.is_payment and self.wage_percent > 0):
            return self.env._("a percentage of the wage is a payment with a percentage above zero.")
        if self.rule_type in ("meetings", "plan_completed") and self.is_payment and self.amount <= 0:
            return self.env._("a payment needs its fixed sum.")
        if self.is_payment and not self.accrual_code:
            return self.env._("a payment needs the accrual code of the payroll system.")
        if self.min_satisfaction and not self.survey_id:
            return self.env._("a minimum satisfaction needs the satisfaction survey.")
        return None
