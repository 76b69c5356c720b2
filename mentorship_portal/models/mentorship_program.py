from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import email_normalize, plaintext2html

APPLICATION_ROLES = ("mentor", "mentee")
OPEN_STATES = ("approved", "running")


class MentorshipProgram(models.Model):
    """Public applications: a visitor applies to an open program to become a
    mentor or to find one, and lands in the base as a candidate."""

    _inherit = "mentorship.program"

    @api.model
    def _portal_open_domain(self):
        """The programs that take applications on the public pages."""
        return [("state", "in", OPEN_STATES)]

    def _portal_application_categories(self, role):
        """The categories an applicant in ``role`` may choose in this program:
        those its form allows, or all of them when the form sets none."""
        self.ensure_one()
        if role == "mentor":
            allowed, model = self.form_id.mentor_category_ids, "mentorship.mentor.category"
        else:
            allowed, model = self.form_id.mentee_category_ids, "mentorship.mentee.category"
        return allowed or self.env[model].search([])

    @api.model
    def _portal_find_application(self, role, email):
        """The profile in ``role`` that already exists for ``email``, if any:
        a person applies once per role while their profile lives."""
        profiles = self.env[f"mentorship.{role}"]
        normalized = email_normalize(email or "")
        if not normalized:
            return profiles
        return profiles.search([("partner_id.email_normalized", "=", normalized), ("state", "!=", "archived")], limit=1)

    def _create_portal_application(self, role, values):
        """Create the application of a visitor to this program.

        :param str role: "mentor" or "mentee"
        :param dict values: validated input: ``name``, ``email``, ``phone``,
            ``category_id``, ``preferred_format``, ``availability``, ``note``
            (plain text, about a mentor), ``request`` (plain text, of a
            mentee), ``is_minor``, and for a minor ``guardian_name``,
            ``guardian_email``, ``guardian_phone``; optional ``lang``.
        :return: the new ``mentorship.mentor`` or ``mentorship.mentee``
        :raise UserError: when the application cannot be accepted; nothing
            is written before the checks pass.

        The caller decides the access rights: the public pages call it with
        ``sudo()``. The applicant gets a confirmation e-mail, the curator a
        to-do activity; a minor's parent or guardian is asked to sign the
        personal-data consent, an adult's own consent is recorded as given.
        """
        self.ensure_one()
        profile_model, category = self._portal_check_application(role, values)
        is_minor = bool(values.get("is_minor"))
        lang = values.get("lang") or self.env.lang
        guardian = self.env["res.partner"]
        if is_minor:
            guardian = guardian.create(
                {
                    "name": values["guardian_name"].strip(),
                    "email": values["guardian_email"].strip(),
                    "phone": (values.get("guardian_phone") or "").strip(),
                    "lang": lang,
                }
            )
        partner = self.env["res.partner"].create(
            {
                "name": values["name"].strip(),
                "email": values["email"].strip(),
                "phone": (values.get("phone") or "").strip(),
                "lang": lang,
                "mentorship_is_minor": is_minor,
                "mentorship_guardian_ids": [Command.link(guardian.id)] if guardian else [],
            }
        )
        profile_values = {
            "partner_id": partner.id,
            "company_id": self.company_id.id,
            "category_id": category.id,
            "state": "candidate",
            "origin": "application",
            "availability": (values.get("availability") or "").strip(),
            "note": plaintext2html(values["note"].strip()) if (values.get("note") or "").strip() else False,
        }
        formats = dict(self.env[profile_model]._fields["preferred_format"]._description_selection(self.env))
        if values.get("preferred_format") in formats:
            profile_values["preferred_format"] = values["preferred_format"]
        if role == "mentee":
            profile_values["request"] = (values.get("request") or "").strip()
        profile = self.env[profile_model].with_context(mail_create_nosubscribe=True).create(profile_values)

        consent = (
            self.env["mentorship.consent"]
            .with_context(mail_create_nosubscribe=True)
            .create(
                {
                    "partner_id": partner.id,
                    "signer_partner_id": (guardian or partner).id,
                    "company_id": self.company_id.id,
                    "date": fields.Date.context_today(self),
                    "state": "requested" if is_minor else "valid",
                }
            )
        )
        if role == "mentee":
            self.env["mentorship.pair"].with_context(mail_create_nosubscribe=True).create(
                {
                    "program_id": self.id,
                    "kind": "traditional",
                    "mentee_ids": [Command.set(profile.ids)],
                    "stage_id": self.env["mentorship.pair.stage"]._for_state("candidate").id,
                }
            )
        if is_minor:
            consent.action_request_signature()
        self._portal_notify_application(role, profile)
        return profile

    def _portal_check_application(self, role, values):
        """Refuse an application before anything is written; return the
        profile model and the chosen category."""
        if role not in APPLICATION_ROLES:
            raise UserError(self.env._("One applies as a mentor or as a mentee."))
        if self.state not in OPEN_STATES or not self.active:
            raise UserError(
                self.env._("The program %(program)s does not take applications.", program=self.display_name)
            )
        labels = {"name": self.env._("name"), "email": self.env._("e-mail")}
        if values.get("is_minor"):
            labels.update(
                guardian_name=self.env._("name of the parent or guardian"),
                guardian_email=self.env._("e-mail of the parent or guardian"),
            )
        missing = [label for key, label in labels.items() if not (values.get(key) or "").strip()]
        if missing:
            raise UserError(self.env._("The application lacks: %(fields)s.", fields=", ".join(missing)))
        for key in ("email", "guardian_email"):
            if key in labels and not email_normalize(values[key]):
                raise UserError(self.env._("%(email)s is not a valid e-mail address.", email=values[key]))
        if self._portal_find_application(role, values["email"]):
            raise UserError(
                self.env._("An application as a mentor with this e-mail address has already been received.")
                if role == "mentor"
                else self.env._("An application as a mentee with this e-mail address has already been received.")
            )
        profile_model = f"mentorship.{role}"
        category = self.env[profile_model]._fields["category_id"]
        category = self.env[category.comodel_name].browse(values.get("category_id") or []).exists()
        if not category or category not in self._portal_application_categories(role):
            raise UserError(
                self.env._(
                    "The category %(category)s is not open to applications in the program %(program)s.",
                    category=category.display_name or self.env._("(none)"),
                    program=self.display_name,
                )
            )
        return profile_model, category

    def _portal_notify_application(self, role, profile):
        """The to-do of the curator and the confirmation to the applicant."""
        self.ensure_one()
        if self.curator_id:
            profile.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=self.curator_id.id,
                summary=self.env._("Review the application of a new mentor")
                if role == "mentor"
                else self.env._("Review the application of a new mentee"),
                note=self.env._(
                    "%(name)s applied on the public page to the program %(program)s.",
                    name=profile.partner_id.name,
                    program=self.display_name,
                ),
            )
        profile.message_post_with_source(
            f"mentorship_portal.mail_template_application_{role}",
            subtype_xmlid="mail.mt_comment",
        )
