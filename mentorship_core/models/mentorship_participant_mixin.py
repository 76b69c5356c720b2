from collections import defaultdict

from odoo import api, fields, models
from odoo.tools import SQL

PREFERRED_FORMATS = [("in_person", "In person"), ("remote", "Remote"), ("mixed", "In person or remote")]
ORIGINS = [("application", "Application"), ("curator", "Curator"), ("import", "Import")]
STATES = [("candidate", "Candidate"), ("active", "Active"), ("archived", "Archived")]
MAX_DUPLICATES = 5


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

    @api.depends("partner_id.complete_name")
    def _compute_display_name(self):
        """The person's stored full name: the display name of a contact is
        computed again for every contact, which made a page of pairs, with the
        names of their mentors and mentees, much slower to read than a page of
        contacts."""
        for profile in self:
            profile.display_name = profile.partner_id.complete_name or ""

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
        """Other persons with the same name or e-mail, to merge before pairing:
        up to five per profile, for all the profiles in one query."""
        duplicates = self._duplicate_partner_ids_by_partner()
        Partner = self.env["res.partner"]
        for profile in self:
            profile.duplicate_partner_ids = Partner.browse(duplicates.get(profile.partner_id.id, []))

    def _duplicate_partner_ids_by_partner(self):
        """{partner id: ids of the active contacts the user may read whose name
        or e-mail is the partner's, case aside}. The contacts are matched on
        ``lower(name)`` and ``lower(email)``, indexed on ``res.partner``."""
        partners = self.partner_id.filtered("id")  # not the ones being created
        if not partners:
            return {}
        Partner = self.env["res.partner"]
        query = Partner._search([("active", "=", True)])  # access rules applied
        other = query.table
        query.add_join(
            "JOIN",
            "profile",
            SQL(
                "(SELECT * FROM unnest(%s::int[], %s::varchar[], %s::varchar[]) AS t(partner_id, name, email))",
                partners.ids,
                [partner.name or None for partner in partners],
                [partner.email or None for partner in partners],
            ),
            SQL(
                "lower(%s) = lower(profile.name) OR lower(%s) = lower(profile.email)",
                Partner._field_to_sql(other, "name", query),
                Partner._field_to_sql(other, "email", query),
            ),
        )
        query.add_where(SQL("%s != profile.partner_id", SQL.identifier(other, "id")))
        ranked = query.select(
            SQL("profile.partner_id"),
            SQL("%s AS duplicate_id", SQL.identifier(other, "id")),
            SQL(
                "row_number() OVER (PARTITION BY profile.partner_id ORDER BY %s) AS rank",
                SQL.identifier(other, "id"),
            ),
        )
        rows = self.env.execute_query(
            SQL("SELECT partner_id, duplicate_id FROM (%s) AS ranked WHERE rank <= %s", ranked, MAX_DUPLICATES)
        )
        duplicates = defaultdict(list)
        for partner_id, duplicate_id in rows:
            duplicates[partner_id].append(duplicate_id)
        return duplicates

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
