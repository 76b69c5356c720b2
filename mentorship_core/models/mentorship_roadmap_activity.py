from odoo import fields, models


class MentorshipRoadmapActivity(models.Model):
    _name = "mentorship.roadmap.activity"
    _description = "Roadmap Activity"
    _order = "roadmap_id, stage_id, sequence, id"

    roadmap_id = fields.Many2one("mentorship.roadmap", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="roadmap_id.company_id", store=True, index=True)
    stage_id = fields.Many2one("mentorship.roadmap.stage", required=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Activity", required=True)
    content = fields.Text()
    date_deadline = fields.Date(string="Deadline")
    responsible = fields.Char(help="Who is responsible, as the roadmap names them.")
    responsible_user_id = fields.Many2one("res.users")
    status = fields.Selection(
        [("todo", "To Do"), ("in_progress", "In Progress"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="todo",
        required=True,
    )
    overdue_notified = fields.Boolean(copy=False)

    def _is_overdue(self, today):
        return self.status not in ("done", "cancelled") and bool(self.date_deadline) and self.date_deadline < today

    def _notify_overdue(self):
        for activity in self:
            # the to-do speaks the language of the one who gets it, not of the cron
            recipient_env = activity.with_context(lang=activity.responsible_user_id.lang).env
            activity.roadmap_id.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=activity.date_deadline,
                summary=recipient_env._("Overdue roadmap activity: %(name)s", name=activity.name),
                user_id=activity.responsible_user_id.id,
            )
        self.overdue_notified = True
