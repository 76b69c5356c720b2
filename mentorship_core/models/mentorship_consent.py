from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class MentorshipConsent(models.Model):
    """Consent to the processing of personal data of a participant.

    An adult signs for themself; for a minor, a parent or legal guardian signs.
    """

    _name = "mentorship.consent"
    _description = "Personal-Data Consent"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        "res.partner", string="Participant", required=True, index=True, tracking=True, ondelete="cascade"
    )
    signer_partner_id = fields.Many2one(
        "res.partner",
        string="Signed by",
        required=True,
        tracking=True,
        help="The participant, or for a minor their parent or legal guardian.",
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    document = fields.Binary(string="Scanned Document", attachment=True)
    document_name = fields.Char()
    state = fields.Selection(
        [("valid", "Valid"), ("revoked", "Revoked")], default="valid", required=True, tracking=True
    )
    revocation_date = fields.Date(readonly=True, tracking=True)
    revocation_reason = fields.Text(readonly=True)
    company_id = fields.Many2one(
        "res.company", string="Organisation", required=True, default=lambda self: self.env.company
    )

    @api.constrains("partner_id", "signer_partner_id")
    def _check_signer(self):
        for consent in self:
            participant = consent.partner_id
            if participant.mentorship_is_minor:
                if consent.signer_partner_id not in participant.sudo().mentorship_guardian_ids:
                    raise ValidationError(
                        self.env._(
                            "The consent of the minor %(minor)s must be signed by one of their parents "
                            "or legal guardians.",
                            minor=participant.display_name,
                        )
                    )
            elif consent.signer_partner_id != participant:
                raise ValidationError(
                    self.env._(
                        "%(participant)s is an adult and signs their own consent.",
                        participant=participant.display_name,
                    )
                )

    @api.model
    def _partners_without_consent(self, partners):
        """Return the partners among ``partners`` that lack a valid consent."""
        consents = self.sudo().search([("partner_id", "in", partners.ids), ("state", "=", "valid")])
        return partners - consents.partner_id

    def action_revoke(self, reason=None):
        """Revoke the consents and stop the running pairs of their participants."""
        if self.filtered(lambda consent: consent.state == "revoked"):
            raise UserError(self.env._("This consent is already revoked."))
        reason = reason or self.env._("Consent to personal-data processing revoked")
        self.write(
            {
                "state": "revoked",
                "revocation_date": fields.Date.context_today(self),
                "revocation_reason": reason,
            }
        )
        for consent in self:
            consent.message_post(body=self.env._("Consent revoked: %(reason)s", reason=reason))
        pairs = self.env["mentorship.pair"].search(
            [
                ("state", "in", self.env["mentorship.pair"].ACTIVE_STATES),
                "|",
                ("mentor_id.partner_id", "in", self.partner_id.ids),
                ("mentee_ids.partner_id", "in", self.partner_id.ids),
            ]
        )
        pairs._dissolve(self.env._("Personal-data consent revoked: %(reason)s", reason=reason))
        return True
