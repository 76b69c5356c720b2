from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models


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
    month = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self) + relativedelta(months=-1, day=1),
        help="Any day of the month to generate.",
    )
    date_from = fields.Date(string="Period From", compute="_compute_period")
    date_to = fields.Date(string="Period To", compute="_compute_period")
    state = fields.Selection([("setup", "Setup"), ("done", "Done")], default="setup")
    created_count = fields.Integer(string="Created", readonly=True)
    updated_count = fields.Integer(string="Updated", readonly=True)
    deleted_count = fields.Integer(string="Deleted", readonly=True)
    untouched_count = fields.Integer(
        string="Kept as They Are", readonly=True, help="Proposed, approved, exported, paid or cancelled."
    )
    incentive_ids = fields.Many2many("mentorship.incentive", string="Incentives of the Period", readonly=True)
    unpaid_ids = fields.One2many(
        "mentorship.incentive.generate.wizard.unpaid", "wizard_id", string="Pairs That Earned Nothing", readonly=True
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
                "deleted_count": result["deleted"],
                "untouched_count": result["untouched"],
                "incentive_ids": self.env["mentorship.incentive"].search(
                    [("company_id", "=", self.company_id.id), ("date_from", "=", self.date_from)]
                ),
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

    def action_view_incentives(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("mentorship_core.mentorship_incentive_action")
        action["domain"] = [("company_id", "=", self.company_id.id), ("date_from", "=", self.date_from)]
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
