from odoo import fields, models


class MentorshipPracticeReturnWizard(models.TransientModel):
    """Return practices to their author with the reason, which stays on the
    practice and in its chatter."""

    _name = "mentorship.practice.return.wizard"
    _description = "Return Practices to the Author"

    practice_ids = fields.Many2many("mentorship.practice", string="Practices", required=True)
    reason = fields.Text(required=True)

    def action_return(self):
        self.ensure_one()
        self.practice_ids.action_return(self.reason)
        return {"type": "ir.actions.act_window_close"}
