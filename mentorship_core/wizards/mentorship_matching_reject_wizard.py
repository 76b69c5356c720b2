from odoo import fields, models


class MentorshipMatchingRejectWizard(models.TransientModel):
    """Reject proposals with the reason: the pair goes, the rejection stays and
    later runs never propose the same mentor to the mentee again."""

    _name = "mentorship.matching.reject.wizard"
    _description = "Reject Matching Proposals"

    line_ids = fields.Many2many("mentorship.matching.line", string="Proposals", required=True)
    reason = fields.Text(required=True)

    def action_reject(self):
        self.ensure_one()
        self.line_ids._reject(self.reason)
        return {"type": "ir.actions.act_window_close"}
