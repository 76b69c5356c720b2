from odoo import fields, models
from odoo.exceptions import UserError


class MentorshipConsent(models.Model):
    """A consent can be requested and then signed in the portal: an adult
    applicant signs their own, a parent signs for their child."""

    _name = "mentorship.consent"
    _inherit = ["mentorship.consent", "portal.mixin"]

    state = fields.Selection(
        selection_add=[("requested", "Awaiting Signature"), ("valid",)],
        ondelete={"requested": "cascade"},
    )
    signature = fields.Image(attachment=True, copy=False, max_width=1024, max_height=1024)
    signed_by = fields.Char(copy=False, tracking=True)
    signed_on = fields.Datetime(copy=False, tracking=True)

    def _compute_access_url(self):
        for consent in self:
            consent.access_url = f"/my/mentorship/consent/{consent.id}"

    def action_request_signature(self):
        """E-mail the signer a link to sign the consent in the portal."""
        template = self.env.ref("mentorship_portal.mail_template_consent_request")
        for consent in self:
            if consent.state != "requested":
                raise UserError(self.env._("Only a consent awaiting signature can be sent for signing."))
            consent._portal_ensure_token()
            consent.message_post_with_source(template, subtype_xmlid="mail.mt_comment")
        return True

    def _sign(self, name, signature):
        """Record the portal signature and make the consent valid from today."""
        self.ensure_one()
        if self.state != "requested":
            raise UserError(self.env._("This consent is not awaiting a signature."))
        if not (name or "").strip() or not signature:
            raise UserError(self.env._("Sign with your name and signature."))
        self.write(
            {
                "state": "valid",
                "date": fields.Date.context_today(self),
                "signed_by": name.strip(),
                "signed_on": fields.Datetime.now(),
                "signature": signature,
            }
        )
        self.message_post(body=self.env._("Consent signed in the portal by %(name)s.", name=name.strip()))

    def _portal_may_revoke(self, partner):
        """Who signs a consent may withdraw it: the adult participant, or the
        parent who signs for a minor."""
        self.ensure_one()
        return partner == self.signer_partner_id or (
            partner == self.partner_id and not self.partner_id.mentorship_is_minor
        )
