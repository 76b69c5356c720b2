from odoo import api, fields, models
from odoo.fields import Domain

PREFERRED_FORMATS = [("in_person", "In person"), ("remote", "Remote"), ("mixed", "In person or remote")]
ORIGINS = [("application", "Application"), ("curator", "Curator"), ("import", "Import")]
STATES = [("candidate", "Candidate"), ("active", "Active"), ("archived", "Archived")]


class MentorshipParticipantMixin(models.AbstractModel):
    """What the profiles of mentors and mentees share: the person, the
    organisation, the status in the base and the duplicate detection."""

    _name = "mentorship.participant.mixin"
    _description = "Mentorship Participant"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        "res.partner", string="Person", required=True, index=True, tracking=True, ondelete="restrict"
    )
    employee_id = fields.Many2one("hr.employee", tracking=True, index="btree_not_null")
    user_id = fields.Many2one("res.users", compute="_compute_user_id", store=True, index=True)
    company_id = fields.Many2one(
        "res.company",
        string="Organisation",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        tracking=True,
    )
    email = fields.Char(related="partner_id.email", readonly=False)
    phone = fields.Char(related="partner_id.phone", readonly=False)
    is_minor = fields.Boolean(related="partner_id.mentorship_is_minor", readonly=False)
    image_128 = fields.Image(related="partner_id.image_128")
    state = fields.Selection(STATES, string="Status", default="candidate", required=True, tracking=True)
    origin = fields.Selection(ORIGINS, default=lambda self: self._default_origin(), required=True)
    preferred_format = fields.Selection(PREFERRED_FORMATS, default="in_person")
    availability = fields.Char(help="When the person can meet, e.g. 'Tue and Thu after 15:00'.")
    note = fields.Html()
    active = fields.Boolean(default=True)
    has_valid_consent = fields.Boolean(string="Consent Given", compute="_compute_has_valid_consent")
    duplicate_partner_ids = fields.Many2many(
        "res.partner", string="Possible Duplicates", compute="_compute_duplicate_partner_ids"
    )

    @api.model
    def _default_origin(self):
        return "import" if self.env.context.get("import_file") else "curator"

    @api.depends("partner_id.user_ids", "employee_id.user_id")
    def _compute_user_id(self):
        for profile in self:
            profile.user_id = profile.employee_id.user_id or profile.partner_id.user_ids[:1]

    @api.depends("partner_id.mentorship_consent_ids.state")
    def _compute_has_valid_consent(self):
        missing = self.env["mentorship.consent"]._partners_without_consent(self.partner_id)
        for profile in self:
            profile.has_valid_consent = profile.partner_id not in missing

    @api.depends("partner_id.name", "partner_id.email")
    def _compute_duplicate_partner_ids(self):
        """Other persons with the same name or e-mail, to merge before pairing."""
        Partner = self.env["res.partner"]
        for profile in self:
            partner = profile.partner_id
            same = [
                Domain(name, "=ilike", value)
                for name, value in (("name", partner.name), ("email", partner.email))
                if value
            ]
            profile.duplicate_partner_ids = (
                Partner.search(Domain.OR(same) & Domain("id", "!=", partner.id), limit=5)
                if same and partner.id
                else False
            )

    @api.onchange("employee_id")
    def _onchange_employee_id(self):
        if self.employee_id.work_contact_id and not self.partner_id:
            self.partner_id = self.employee_id.work_contact_id

    def action_activate(self):
        self.write({"state": "active"})
        return True

    def action_archive_profile(self):
        self.write({"state": "archived"})
        return True
