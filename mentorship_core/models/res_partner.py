from odoo import fields, models


class ResPartner(models.Model):
    """Parents and guardians of minors are personal data: curators read them;
    rules and checks that need them for others read them with sudo."""

    _inherit = "res.partner"

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
