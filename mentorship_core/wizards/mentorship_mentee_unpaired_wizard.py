from odoo import fields, models


class MentorshipMenteeUnpairedWizard(models.TransientModel):
    """Record why no mentor was found for mentees, and plan the follow-up
    (e.g. the school psychologist's support) while the search goes on."""

    _name = "mentorship.mentee.unpaired.wizard"
    _description = "Mentee Without a Pair"

    mentee_ids = fields.Many2many("mentorship.mentee", string="Mentees", required=True)
    reason = fields.Text(required=True)
    follow_up = fields.Char(required=True, default=lambda self: self.env._("Psychological support"))
    user_id = fields.Many2one("res.users", string="Responsible", required=True, default=lambda self: self.env.user)
    date_deadline = fields.Date(string="Due Date", required=True, default=fields.Date.context_today)

    def action_confirm(self):
        self.ensure_one()
        self.mentee_ids.write({"unpaired_reason": self.reason})
        for mentee in self.mentee_ids:
            mentee.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=self.date_deadline,
                summary=self.follow_up,
                note=self.reason,
                user_id=self.user_id.id,
            )
        return {"type": "ir.actions.act_window_close"}
