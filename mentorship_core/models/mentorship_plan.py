from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import check_not_blank

MIN_PLAN_MONTHS = 3
MAX_PLAN_MONTHS = 12


class MentorshipPlan(models.Model):
    """The personal plan (personalised program) of a pair, 3 months to 1 year."""

    _name = "mentorship.plan"
    _description = "Personal Mentorship Plan"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, tracking=True)
    pair_id = fields.Many2one("mentorship.pair", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="pair_id.company_id", store=True, index=True)
    mentor_user_id = fields.Many2one(related="pair_id.mentor_user_id", store=True, index=True)
    date_start = fields.Date(string="Start Date", required=True, tracking=True)
    date_end = fields.Date(string="End Date", required=True, tracking=True)
    goal = fields.Html()
    tasks = fields.Html()
    planned_results = fields.Html()
    state = fields.Selection(
        [("draft", "Draft"), ("active", "In Progress"), ("done", "Done")],
        default="draft",
        required=True,
        tracking=True,
    )
    date_done = fields.Date(
        string="Completed On",
        tracking=True,
        copy=False,
        help="The day the plan was marked done: its completion is evidence of that month.",
    )
    template_id = fields.Many2one("mentorship.plan.template")
    line_ids = fields.One2many("mentorship.plan.line", "plan_id", string="Plan Activities", copy=True)
    progress = fields.Float(compute="_compute_progress", store=True, aggregator="avg")

    @api.depends("line_ids.status", "line_ids.display_type")
    def _compute_progress(self):
        for plan in self:
            activities = plan.line_ids.filtered(lambda line: not line.display_type and line.status != "cancelled")
            done = activities.filtered(lambda line: line.status == "done")
            plan.progress = 100.0 * len(done) / len(activities) if activities else 0.0

    @api.constrains("date_start", "date_end")
    def _check_duration(self):
        for plan in self:
            if plan.date_end < plan.date_start + relativedelta(months=MIN_PLAN_MONTHS) or (
                plan.date_end > plan.date_start + relativedelta(months=MAX_PLAN_MONTHS)
            ):
                raise ValidationError(
                    self.env._(
                        "A personal plan lasts from 3 months to 1 year: %(start)s – %(end)s does not.",
                        start=plan.date_start,
                        end=plan.date_end,
                    )
                )

    @api.constrains("date_done", "date_start")
    def _check_date_done(self):
        today = fields.Date.context_today(self)
        for plan in self.filtered("date_done"):
            if plan.date_done > today or plan.date_done < plan.date_start:
                raise ValidationError(
                    self.env._(
                        "The plan %(plan)s is completed between its start and today, not on %(date)s.",
                        plan=plan.display_name,
                        date=plan.date_done,
                    )
                )

    @api.constrains("name")
    def _check_name_not_blank(self):
        check_not_blank(self, ["name"])

    @api.onchange("template_id")
    def _onchange_template_id(self):
        if self.template_id:
            self.line_ids = [fields.Command.clear()] + [
                fields.Command.create(values) for values in self.template_id._line_values(self.date_start)
            ]

    def _elapsed_percent(self, day):
        """The share of the plan's period gone by on ``day``, 0 to 100: what
        its progress is measured against (pair health, monitoring)."""
        self.ensure_one()
        duration = max((self.date_end - self.date_start).days, 1)
        return min(max(100.0 * (day - self.date_start).days / duration, 0.0), 100.0)

    def action_start(self):
        self.write({"state": "active", "date_done": False})
        return True

    def action_done(self):
        self.write({"state": "done", "date_done": fields.Date.context_today(self)})
        return True
