from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import is_html_empty

from .mentorship_pair import KINDS

EDITABLE_STATES = ("draft", "returned")
# what the curator writes: locked once the practice is submitted, but for the coordinator
CONTENT_FIELDS = frozenset(
    {
        "name",
        "company_id",
        "program_id",
        "pair_ids",
        "monitoring_id",
        "form_id",
        "kind",
        "description",
        "results",
        "public_attachment_ids",
        "internal_attachment_ids",
    }
)
# the states a practice may come from into each state: only the coordinator publishes and returns
ALLOWED_MOVES = {
    "submitted": EDITABLE_STATES,
    "published": ("submitted",),
    "returned": ("submitted", "published"),
}
MODERATED_STATES = ("published", "returned")


class MentorshipPractice(models.Model):
    """A practice of the bank of best practices (seeds 001 §4.2, 004 stage 7):
    a curator describes what a pair or a program did and achieved and submits
    it; the municipal coordinator publishes it or returns it with the reason.
    A published practice is read by every internal user of the municipality
    and shown, with the files the curator chose for it, on the public page
    of the portal. It may name the closed monitoring campaign whose results
    it follows (its school's, or the municipality's)."""

    _name = "mentorship.practice"
    _description = "Best Practice"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_published desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Title", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        string="Organisation",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env.company,
    )
    municipality_id = fields.Many2one(
        "res.company",
        compute="_compute_municipality_id",
        store=True,
        index=True,
        help="The education department of the organisation (the organisation itself when it has schools below "
        "it or no department above): a published practice is read by all its organisations.",
    )
    user_id = fields.Many2one("res.users", string="Author", default=lambda self: self.env.user, tracking=True)
    program_id = fields.Many2one(
        "mentorship.program",
        check_company=True,
        tracking=True,
        domain="[('company_id', '=', company_id)]",
    )
    pair_ids = fields.Many2many(
        "mentorship.pair",
        string="Pairs",
        check_company=True,
        domain="[('company_id', '=', company_id), ('program_id', '=?', program_id)]",
        help="The pairs or groups the practice comes from. Their names are never shown on the public page.",
    )
    monitoring_id = fields.Many2one(
        "mentorship.monitoring",
        string="Monitoring Campaign",
        tracking=True,
        domain="[('state', '=', 'closed'), ('company_id', 'parent_of', company_id)]",
        help="The closed monitoring campaign whose results the practice follows.",
    )
    form_id = fields.Many2one(
        "mentorship.form",
        string="Form of Mentorship",
        compute="_compute_form_id",
        store=True,
        readonly=False,
        tracking=True,
        index=True,
    )
    kind = fields.Selection(KINDS, string="Kind of Mentorship", tracking=True)
    description = fields.Html(help="What was done and how. Published as it is: do not name pupils.")
    results = fields.Html(help="What changed for the mentees and the mentors: figures, achievements.")
    public_attachment_ids = fields.Many2many(
        "ir.attachment",
        "mentorship_practice_public_attachment_rel",
        "practice_id",
        "attachment_id",
        string="Files for the Public Page",
        help="Shown to every visitor of the public page once the practice is published.",
    )
    internal_attachment_ids = fields.Many2many(
        "ir.attachment",
        "mentorship_practice_internal_attachment_rel",
        "practice_id",
        "attachment_id",
        string="Internal Files",
        help="Read in the back office only, never on the public page.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted"), ("published", "Published"), ("returned", "Returned")],
        default="draft",
        required=True,
        tracking=True,
        group_expand=True,
        copy=False,
    )
    return_reason = fields.Text(tracking=True, copy=False, readonly=True)
    date_submitted = fields.Date(string="Submitted On", copy=False, readonly=True)
    date_published = fields.Date(string="Published On", copy=False, readonly=True)
    published_by_id = fields.Many2one("res.users", copy=False, readonly=True)

    # --- computes -----------------------------------------------------------

    @api.depends("program_id")
    def _compute_form_id(self):
        for practice in self:
            if practice.program_id:
                practice.form_id = practice.program_id.form_id

    @api.depends("company_id.parent_id", "company_id.child_ids")
    def _compute_municipality_id(self):
        for practice in self:
            company = practice.company_id.sudo()
            school = company.parent_id and not company.child_ids
            practice.municipality_id = company.parent_id if school else company

    # --- constraints --------------------------------------------------------

    @api.constrains("monitoring_id", "company_id")
    def _check_monitoring_organisation(self):
        """The campaign is the practice's school's, or of an organisation above it."""
        for practice in self.filtered("monitoring_id"):
            if practice.monitoring_id.sudo().company_id not in practice.company_id.parent_ids:
                raise ValidationError(
                    self.env._(
                        "The practice %(practice)s follows a campaign of its own organisation or of one above it, "
                        "not %(campaign)s.",
                        practice=practice.name,
                        campaign=practice.monitoring_id.sudo().display_name,
                    )
                )

    @api.constrains("public_attachment_ids", "internal_attachment_ids")
    def _check_files_of_the_practice(self):
        """A practice shows only its own files: a file of another record
        linked here would be published with it. A file just uploaded by the
        user, with no record yet, becomes the practice's (_adopt_uploaded_files)."""
        for practice in self:
            files = (practice.public_attachment_ids | practice.internal_attachment_ids).sudo()
            foreign = files.filtered(
                lambda file: (
                    file.res_model != self._name
                    or file.res_id not in (practice.id, 0)
                    or (not file.res_id and file.create_uid != self.env.user)
                )
            )
            if foreign:
                raise ValidationError(
                    self.env._(
                        "The file %(file)s is not attached to the practice %(practice)s: upload it here.",
                        file=foreign[0].name,
                        practice=practice.display_name,
                    )
                )
            if practice.public_attachment_ids & practice.internal_attachment_ids:
                raise ValidationError(self.env._("A file is either for the public page or internal, not both."))

    # --- CRUD ---------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        practices = super().create(vals_list)
        practices._adopt_uploaded_files()
        return practices

    def write(self, vals):
        # whose practice it is comes first: another school's curator reads that they may not, not why
        self.check_access("write")
        if CONTENT_FIELDS & vals.keys():
            self._check_editable()
        if "state" in vals:
            self._check_move(vals["state"], vals)
        result = super().write(vals)
        if {"public_attachment_ids", "internal_attachment_ids"} & vals.keys():
            self._adopt_uploaded_files()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_moderated(self):
        if not self._is_coordinator() and self.filtered(lambda practice: practice.state not in EDITABLE_STATES):
            raise UserError(
                self.env._("A submitted or published practice is deleted by the municipal coordinator only.")
            )

    def _adopt_uploaded_files(self):
        """Files uploaded on a practice not saved yet come with no record:
        they become the practice's own (as the mail composer does with its
        attachments), when the current user uploaded them."""
        for practice in self:
            files = (practice.public_attachment_ids | practice.internal_attachment_ids).sudo()
            files.filtered(
                lambda file: file.res_model == self._name and not file.res_id and file.create_uid == self.env.user
            ).write({"res_id": practice.id})

    # --- workflow -----------------------------------------------------------

    def _is_coordinator(self):
        return self.env.su or self.env.user.has_group("mentorship_core.group_mentorship_coordinator")

    def _check_editable(self):
        if self._is_coordinator():
            return
        locked = self.filtered(lambda practice: practice.state not in EDITABLE_STATES)
        if locked:
            raise UserError(
                self.env._(
                    "The practice %(practice)s is submitted or published: only the municipal coordinator changes "
                    "it now. Ask them to return it to you.",
                    practice=locked[0].display_name,
                )
            )

    def _check_move(self, state, vals):
        """Refuse a move out of order, by someone who may not make it, or of
        a practice not ready for it, whatever the path (button, RPC, import)."""
        if state in MODERATED_STATES and not self._is_coordinator():
            raise AccessError(self.env._("Only the municipal coordinator publishes or returns a practice."))
        for practice in self:
            if state == practice.state == "published":
                raise UserError(self.env._("The practice %(practice)s is already published.", practice=practice.name))
            if practice.state not in ALLOWED_MOVES.get(state, ()):
                raise UserError(
                    self.env._(
                        "The practice %(practice)s cannot go from %(old)s to %(new)s.",
                        practice=practice.name,
                        old=practice._state_label(practice.state),
                        new=practice._state_label(state),
                    )
                )
        if state in ("submitted", "published"):
            self._check_complete()
        if state == "returned" and not (vals.get("return_reason") or "").strip():
            raise UserError(self.env._("Give the reason to return the practice to its author."))

    def _state_label(self, state):
        return dict(self._fields["state"]._description_selection(self.env))[state]

    def _check_complete(self):
        for practice in self:
            missing = [
                practice._fields[name]._description_string(self.env)
                for name in ("description", "results")
                if is_html_empty(practice[name])
            ]
            if not practice.form_id:
                missing.append(practice._fields["form_id"]._description_string(self.env))
            if missing:
                raise UserError(
                    self.env._(
                        "Fill in %(fields)s of the practice %(practice)s before it is submitted.",
                        fields=", ".join(missing),
                        practice=practice.name,
                    )
                )

    def action_submit(self):
        self.write({"state": "submitted", "date_submitted": fields.Date.context_today(self)})
        for practice in self:
            practice.message_post(body=self.env._("Submitted for publication in the bank of best practices."))
        return True

    def action_publish(self):
        self.write(
            {
                "state": "published",
                "date_published": fields.Date.context_today(self),
                "published_by_id": self.env.user.id,
                "return_reason": False,
            }
        )
        for practice in self:
            practice.message_post(
                body=self.env._("Published in the bank of best practices and on the public page of the portal.")
            )
        return True

    def action_return(self, reason):
        """Back to the author with the reason, which stays on the practice and
        in its chatter; a published practice leaves the public page."""
        self.write({"state": "returned", "return_reason": (reason or "").strip()})
        for practice in self:
            practice.message_post(body=self.env._("Returned to the author: %(reason)s", reason=reason))
        return True

    def action_open_return_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Return to the Author"),
            "res_model": "mentorship.practice.return.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_practice_ids": self.ids},
        }

    @api.model
    def _public_domain(self):
        """The practices shown on the public page of the portal."""
        return [("state", "=", "published")]
