from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError

from ..tools import MONTHS, format_month

FIRST_YEAR, LAST_YEAR = 2000, 2100


def _last_month(wizard):
    return fields.Date.context_today(wizard) + relativedelta(months=-1, day=1)


class MentorshipIncentiveGenerateWizard(models.TransientModel):
    """Generate the draft incentives of a month from the rules of an
    organisation, then show them with the evidence behind each."""

    _name = "mentorship.incentive.generate.wizard"
    _description = "Generate Incentives"

    company_id = fields.Many2one(
        "res.company",
        string="Organisation",
        required=True,
        default=lambda self: self.env.company,
        domain=lambda self: [("id", "in", self.env.user.company_ids.ids)],
    )
    month_number = fields.Selection(
        MONTHS, string="Month", required=True, default=lambda self: str(_last_month(self).month)
    )
    year = fields.Integer(required=True, default=lambda self: _last_month(self).year)
    month = fields.Date(string="First Day of the Month", compute="_compute_month", store=True)
    month_name = fields.Char(string="Month to Generate", compute="_compute_month_name")
    date_from = fields.Date(string="Period From", compute="_compute_period")
    date_to = fields.Date(string="Period To", compute="_compute_period")
    state = fields.Selection([("setup", "Setup"), ("done", "Done")], default="setup")
    # the incentives of the rules listed below add up to created + updated + unchanged + kept
    created_count = fields.Integer(string="Created", readonly=True, help="New drafts of the month.")
    updated_count = fields.Integer(
        string="Updated", readonly=True, help="Drafts of an earlier run brought up to the evidence of the day."
    )
    unchanged_count = fields.Integer(
        string="Drafts Unchanged", readonly=True, help="Drafts of an earlier run whose evidence has not changed."
    )
    untouched_count = fields.Integer(
        string="Kept as They Are",
        readonly=True,
        help="Proposed, approved, exported, paid or cancelled: the generation never changes them.",
    )
    deleted_count = fields.Integer(
        string="Deleted",
        readonly=True,
        help="Drafts of an earlier run whose evidence no longer qualifies; they are not listed any more.",
    )
    incentive_ids = fields.Many2many(
        "mentorship.incentive",
        string="Incentives of the Rules",
        readonly=True,
        help="The incentives of the month given by the accrual rules; those entered by hand are not listed.",
    )
    unpaid_ids = fields.One2many(
        "mentorship.incentive.generate.wizard.unpaid", "wizard_id", string="Pairs That Earned Nothing", readonly=True
    )

    @api.depends("month_number", "year")
    def _compute_month(self):
        for wizard in self:
            valid = wizard.month_number and FIRST_YEAR <= wizard.year <= LAST_YEAR
            wizard.month = valid and date(wizard.year, int(wizard.month_number), 1)

    @api.depends("month")
    def _compute_month_name(self):
        for wizard in self:
            wizard.month_name = format_month(self.env, wizard.month)

    @api.constrains("month_number", "year")
    def _check_month(self):
        for wizard in self:
            if not wizard.month:
                raise ValidationError(
                    self.env._("Choose a month of a year from %(first)s to %(last)s.", first=FIRST_YEAR, last=LAST_YEAR)
                )

    @api.depends("month")
    def _compute_period(self):
        for wizard in self:
            wizard.date_from = wizard.month and wizard.month + relativedelta(day=1)
            wizard.date_to = wizard.month and wizard.month + relativedelta(day=31)

    def action_generate(self):
        self.ensure_one()
        result = self.env["mentorship.incentive.generation"]._generate(self.company_id, self.date_from, self.date_to)
        self.write(
            {
                "state": "done",
                "created_count": len(result["created"]),
                "updated_count": len(result["updated"]),
                "unchanged_count": result["unchanged"],
                "deleted_count": result["deleted"],
                "untouched_count": result["untouched"],
                "incentive_ids": self.env["mentorship.incentive"].search(self._generated_domain()),
                "unpaid_ids": [
                    Command.create({"pair_id": pair_id, "reason": "; ".join(reasons)})
                    for pair_id, reasons in result["unpaid"].items()
                ],
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Generate Incentives"),
        }

    def _generated_domain(self):
        return [
            ("company_id", "=", self.company_id.id),
            ("date_from", "=", self.date_from),
            ("rule_id", "!=", False),
        ]

    def action_view_incentives(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("mentorship_core.mentorship_incentive_action")
        action["domain"] = self._generated_domain()
        action["context"] = {}
        return action


class MentorshipIncentiveGenerateWizardUnpaid(models.TransientModel):
    """A pair that earned nothing in the generated month, and why."""

    _name = "mentorship.incentive.generate.wizard.unpaid"
    _description = "Pair That Earned Nothing"
    _order = "id"

    wizard_id = fields.Many2one("mentorship.incentive.generate.wizard", required=True, ondelete="cascade")
    pair_id = fields.Many2one("mentorship.pair", required=True, ondelete="cascade")
    reason = fields.Char(string="Why Nothing")
