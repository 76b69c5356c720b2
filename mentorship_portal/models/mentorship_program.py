from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import email_normalize, plaintext2html

from .mentorship_applicant_kind_mixin import APPLICANT_KINDS

APPLICATION_ROLES = ("mentor", "mentee")
OPEN_STATES = ("approved", "running")


class PortalApplicationError(UserError):
    """A public application that cannot be accepted: ``errors`` maps each
    field the visitor has to correct to what is wrong with it ("form" for
    what concerns no field)."""

    def __init__(self, errors):
        self.errors = errors
        super().__init__("\n".join(errors.values()))


class MentorshipProgram(models.Model):
    """Public applications: a visitor applies to an open program to become a
    mentor or to find one, and lands in the base as a candidate."""

    _inherit = "mentorship.program"

    @api.model
    def _portal_open_domain(self):
        """The programs that take applications on the public pages."""
        return [("state", "in", OPEN_STATES)]

    def _portal_application_categories(self, role, applicant_kind=None):
        """The categories an applicant in ``role`` may choose in this program:
        those its form allows, or all of them when the form sets none; with
        ``applicant_kind`` ("pupil" or "adult"), only those open to them."""
        self.ensure_one()
        if role == "mentor":
            allowed, model = self.form_id.mentor_category_ids, "mentorship.mentor.category"
        else:
            allowed, model = self.form_id.mentee_category_ids, "mentorship.mentee.category"
        categories = allowed or self.env[model].search([])
        if applicant_kind:
            categories = categories.filtered(lambda category: category.applicant_kind in (applicant_kind, False))
        return categories

    @api.model
    def _portal_find_application(self, role, email):
        """The profile in ``role`` that already exists for ``email``, if any:
        a person has one profile per role while it lives, and applying again
        adds to it."""
        profiles = self.env[f"mentorship.{role}"]
        normalized = email_normalize(email or "")
        if not normalized:
            return profiles
        return profiles.search([("partner_id.email_normalized", "=", normalized), ("state", "!=", "archived")], limit=1)

    def _create_portal_application(self, role, values):
        """Create the application of a visitor to this program (``self`` may
        be empty when the visitor chose none: the errors say so).

        :param str role: "mentor" or "mentee"
        :param dict values: the input as typed: ``name``, ``email``,
            ``phone``, ``category_id``, ``applicant_kind`` (a mentee says
            whether they are a "pupil" or an "adult"), ``preferred_format``,
            ``availability``, ``note`` (plain text, about a mentor),
            ``request`` (plain text, of a mentee), ``is_minor``, and for a
            minor ``guardian_name``, ``guardian_email``, ``guardian_phone``;
            ``consent`` (the applicant agrees to the processing of their
            personal data); optional ``lang``.
        :return: the new ``mentorship.mentor`` or ``mentorship.mentee``, or
            the profile that already exists in ``role`` for the e-mail address
        :raise PortalApplicationError: with every field to correct
            (see :meth:`_portal_application_errors`); nothing is written
            before the checks pass.

        The caller decides the access rights: the public pages call it with
        ``sudo()``. The applicant gets a confirmation e-mail, the curator a
        to-do activity; a minor's parent or guardian is asked to sign the
        personal-data consent, an adult's own consent is recorded as given.
        An application with the e-mail address of an existing profile
        creates nothing: it goes to that profile's chatter for its curator
        (see :meth:`_portal_repeat_application`), and the visitor is answered
        as for a new one, so that the public page never tells who is
        registered.
        """
        errors = self._portal_application_errors(role, values)
        if errors:
            raise PortalApplicationError(errors)
        self.ensure_one()
        existing = self._portal_find_application(role, values["email"])
        if existing:
            self._portal_repeat_application(role, existing, values)
            return existing
        profile_model = f"mentorship.{role}"
        category = self._portal_chosen_category(role, values)
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
            profile_values["request"] = values["request"].strip()
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

    def _portal_application_errors(self, role, values):
        """What keeps the application (see :meth:`_create_portal_application`)
        to this program from being accepted: ``{field: message}``, empty
        when it can be. The one place where applications are checked."""
        env = self.env
        if role not in APPLICATION_ROLES:
            return {"form": env._("One applies as a mentor or as a mentee.")}

        def text(key):
            return (values.get(key) or "").strip()

        errors = {}
        if not text("name"):
            errors["name"] = env._("Enter your full name.")
        email_error = self._portal_email_error(text("email"))
        if email_error:
            errors["email"] = email_error
        applicant_kind = values.get("applicant_kind")
        if role == "mentee" and applicant_kind not in dict(APPLICANT_KINDS):
            errors["applicant_kind"] = env._("Tell us whether you are a pupil or a teacher.")
        choice_error = self._portal_choice_error(role, values)
        if choice_error:
            errors["choice"] = choice_error
        if values.get("is_minor"):
            if not text("guardian_name"):
                errors["guardian_name"] = env._("Enter the full name of your parent or guardian.")
            guardian_email_error = self._portal_email_error(
                text("guardian_email"), env._("Enter the e-mail address of your parent or guardian.")
            )
            if guardian_email_error:
                errors["guardian_email"] = guardian_email_error
            elif text("guardian_email").lower() == text("email").lower():
                errors["guardian_email"] = env._("Enter the e-mail address of your parent or guardian, not yours.")
        if role == "mentee" and not text("request"):
            errors["request"] = env._("Tell us what you expect from a mentor.")
        if not values.get("consent"):
            errors["consent"] = env._("Agree to the processing of your personal data to apply.")
        return errors

    @api.model
    def _portal_email_error(self, email, missing_message=None):
        """Why ``email`` is not one plain address (None when it is)."""
        if not email:
            return missing_message or self.env._("Enter your e-mail address.")
        normalized = email_normalize(email)
        if not normalized or normalized.lower() != email.lower() or "." not in normalized.rpartition("@")[2]:
            return self.env._("Enter a valid e-mail address, e.g. name@example.com.")
        return None

    def _portal_chosen_category(self, role, values):
        """The category the applicant chose (empty when none exists)."""
        category = self.env[f"mentorship.{role}"]._fields["category_id"]
        return self.env[category.comodel_name].browse(values.get("category_id") or []).exists()

    def _portal_choice_error(self, role, values):
        """Why the chosen program and category do not fit the applicant
        (None when they do): the program must be open, its form must take
        the category, and the category must suit who applies."""
        env = self.env
        if len(self) != 1 or not values.get("category_id"):
            return env._("Choose a program and who you are.")
        if not self.active or not self.filtered_domain(self._portal_open_domain()):
            return env._("The program %(program)s does not take applications.", program=self.display_name)
        category = self._portal_chosen_category(role, values)
        if not category or category not in self._portal_application_categories(role):
            return env._(
                "The category %(category)s is not open to applications in the program %(program)s.",
                category=category.display_name or env._("(none)"),
                program=self.display_name,
            )
        applicant_kind = values.get("applicant_kind") if role == "mentee" else None
        if applicant_kind and category.applicant_kind not in (applicant_kind, False):
            return (
                env._("The program %(program)s is for teachers and other adults.", program=self.display_name)
                if applicant_kind == "pupil"
                else env._("The program %(program)s is for pupils and students.", program=self.display_name)
            )
        if values.get("is_minor") and category.applicant_kind == "adult":
            return env._(
                "Under 18, you apply as a pupil or a student: %(category)s is for adults.",
                category=category.display_name,
            )
        return None

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

    def _portal_repeat_application(self, role, profile, values):
        """An application with the e-mail address of ``profile``: posted on
        its chatter as typed, with a to-do for the curator who reviews it
        (anyone may type an e-mail address, so nothing of the profile
        changes)."""
        self.ensure_one()
        profile.message_post(
            body=Markup("<p>%s</p>%s")
            % (
                self.env._(
                    "An application with the e-mail address of this profile was sent on the public page, to the "
                    "program %(program)s, in the name of %(name)s. Anyone can type an e-mail address: check with "
                    "the person before changing the profile.",
                    program=self.display_name,
                    name=values["name"].strip(),
                ),
                self._portal_application_details(role, values),
            ),
            subtype_xmlid="mail.mt_note",
        )
        curator = self._portal_application_curator(profile)
        if curator:
            profile.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=curator.id,
                summary=self.env._("Review the repeated application"),
            )

    def _portal_application_details(self, role, values):
        """The application as typed (see :meth:`_create_portal_application`),
        as a list labelled like the fields of the profile."""
        profile_fields = self.env[f"mentorship.{role}"]._fields
        text_field = "request" if role == "mentee" else "note"
        formats = dict(profile_fields["preferred_format"]._description_selection(self.env))
        rows = [
            (profile_fields["email"], values.get("email")),
            (profile_fields["phone"], values.get("phone")),
            (profile_fields["category_id"], self._portal_chosen_category(role, values).display_name),
            (profile_fields["preferred_format"], formats.get(values.get("preferred_format"))),
            (profile_fields["availability"], values.get("availability")),
            (profile_fields[text_field], values.get(text_field)),
        ]
        items = [
            Markup("<li>%s: %s</li>") % (field._description_string(self.env), value.strip())
            for field, value in rows
            if (value or "").strip()
        ]
        if values.get("is_minor"):
            guardian = (
                (values.get(key) or "").strip() for key in ("guardian_name", "guardian_email", "guardian_phone")
            )
            items.append(
                Markup("<li>%s</li>")
                % self.env._("Under 18, parent or guardian: %(guardian)s", guardian=", ".join(filter(None, guardian)))
            )
        return Markup("<ul>%s</ul>") % Markup().join(items)

    def _portal_application_curator(self, profile):
        """Who reviews an application that lands on ``profile``: the curator
        of this program when it is of the profile's organisation, otherwise
        the curator of the latest program of that organisation."""
        if self.curator_id and self.company_id == profile.company_id:
            return self.curator_id
        return self.search(
            [("company_id", "=", profile.company_id.id), ("curator_id", "!=", False)], limit=1
        ).curator_id
