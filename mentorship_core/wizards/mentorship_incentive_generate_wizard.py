from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..models.mentorship_incentive import CURATOR_GROUP
from ..models.mentorship_incentive_rule import HR_GROUP


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

    @api.depends("month")
    def _compute_period(self):
        for wizard in self:
            wizard.date_from = wizard.month and wizard.month + relativedelta(day=1)
            wizard.date_to = wizard.month and wizard.month + relativedelta(day=31)

    def action_generate(self):
        self.ensure_one()
        user = self.env.user
        if not (user.has_group(CURATOR_GROUP) or user.has_group(HR_GROUP)) or self.company_id not in user.company_ids:
            raise AccessError(
                self.env._("Only the curators and HR officers of %(company)s generate its incentives.",
                           company=self.company_id.sudo().name)
            )  # fmt: skip
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
