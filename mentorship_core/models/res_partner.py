from odoo import api, fields, models


class ResPartner(models.Model):
    """Parents and guardians of minors are personal data: curators read them;
    rules and checks that need them for others read them with sudo."""

    _inherit = "res.partner"

    # the possible duplicates of mentors and mentees: same name or e-mail, case aside
    _mentorship_lower_name_idx = models.Index("(lower(name))")
    _mentorship_lower_email_idx = models.Index("(lower(email))")

    mentorship_guardian_ids = fields.Many2many(
        "res.partner",
        "mentorship_partner_guardian_rel",
        "ward_id",
        "guardian_id",
        string="Parents and Guardians",
        groups="mentorship_core.group_mentorship_curator",
        help="Parents or legal guardians: they sign the personal-data consent of a minor, "
        "and a parent never mentors their own child.",
    )
    mentorship_ward_ids = fields.Many2many(
        "res.partner",
        "mentorship_partner_guardian_rel",
        "guardian_id",
        "ward_id",
        string="Children and Wards",
        groups="mentorship_core.group_mentorship_curator",
    )
    mentorship_is_minor = fields.Boolean(
        string="Minor",
        help="Under 18: the personal-data consent is signed by a parent or guardian.",
    )
    mentorship_consent_ids = fields.One2many("mentorship.consent", "partner_id", string="Personal-Data Consents")
    mentorship_consent_state = fields.Selection(
        [("valid", "Valid"), ("missing", "Missing")],
        string="Personal-Data Consent",
        compute="_compute_mentorship_consent_state",
    )
    # the person's profiles, e.g. for the record rules of the answers to questionnaires
    mentorship_mentor_ids = fields.One2many(
        "mentorship.mentor", "partner_id", string="Mentor Profiles", groups="base.group_user"
    )
    mentorship_mentee_ids = fields.One2many(
        "mentorship.mentee", "partner_id", string="Mentee Profiles", groups="base.group_user"
    )

    @api.depends("mentorship_consent_ids.state")
    def _compute_mentorship_consent_state(self):
        missing = self.env["mentorship.consent"]._partners_without_consent(self)
        for partner in self:
            partner.mentorship_consent_state = "missing" if partner in missing else "valid"

    def action_mentorship_new_consent(self):
        """A consent to fill in for this participant, signed by a parent or
        guardian when the participant is a minor."""
        self.ensure_one()
        signer = self.mentorship_guardian_ids[:1] if self.mentorship_is_minor else self
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Personal-Data Consent"),
            "res_model": "mentorship.consent",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_partner_id": self.id,
                "default_signer_partner_id": signer.id,
            },
        }

    def action_mentorship_open_consents(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("mentorship_core.mentorship_consent_action")
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action
