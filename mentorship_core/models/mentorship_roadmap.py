from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class MentorshipRoadmap(models.Model):
    """The roadmap of implementing the target model in one organisation for a
    school year: the seven stages of seed 004 with their activities."""

    _name = "mentorship.roadmap"
    _description = "Mentorship Roadmap"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", string="Organisation", required=True, index=True, default=lambda self: self.env.company
    )
    date_start = fields.Date(
        string="School Year Starts", required=True, default=lambda self: self._default_date_start()
    )
    roadmap_activity_ids = fields.One2many("mentorship.roadmap.activity", "roadmap_id", string="Roadmap Activities")
    progress = fields.Float(compute="_compute_progress")
    overdue_count = fields.Integer(compute="_compute_progress", string="Overdue Activities")

    @api.model
    def _default_date_start(self):
        today = fields.Date.context_today(self)
        return today.replace(month=9, day=1) - relativedelta(years=0 if today.month >= 9 else 1)

    @api.depends("roadmap_activity_ids.status", "roadmap_activity_ids.date_deadline")
    def _compute_progress(self):
        today = fields.Date.context_today(self)
        for roadmap in self:
            activities = roadmap.roadmap_activity_ids
            done = activities.filtered(lambda activity: activity.status == "done")
            roadmap.progress = 100.0 * len(done) / len(activities) if activities else 0.0
            roadmap.overdue_count = len(activities.filtered(lambda activity: activity._is_overdue(today)))

    def action_fill_from_template(self):
        """Add the activities of the seven-stage template, with deadlines
        counted from the start of the school year."""
        templates = self.env["mentorship.roadmap.template.line"].search([])
        for roadmap in self:
            roadmap.roadmap_activity_ids = [
                fields.Command.create(line._activity_values(roadmap.date_start)) for line in templates
            ]
        return True

    @api.model
    def _cron_flag_overdue_activities(self):
        """Give the responsible user a to-do for each overdue roadmap activity."""
        overdue = self.env["mentorship.roadmap.activity"].search(
            [
                ("status", "not in", ["done", "cancelled"]),
                ("date_deadline", "<", fields.Date.context_today(self)),
                ("responsible_user_id", "!=", False),
                ("overdue_notified", "=", False),
            ]
        )
        overdue._notify_overdue()
