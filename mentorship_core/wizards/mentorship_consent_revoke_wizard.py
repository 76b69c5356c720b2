from odoo import fields, models


class MentorshipConsentRevokeWizard(models.TransientModel):
    """Revoke a consent with its reason; the participant's running pairs stop."""

    _name = "mentorship.consent.revoke.wizard"
    _description = "Revoke Personal-Data Consent"

    consent_ids = fields.Many2many("mentorship.consent", string="Consents", required=True)
    reason = fields.Text(required=True)

    def action_revoke(self):
        self.ensure_one()
        self.consent_ids.action_revoke(self.reason)
        return {"type": "ir.actions.act_window_close"}
