import time

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request
from odoo.tools import consteq, single_email_re
from odoo.tools.misc import hmac

ROLES = ("mentor", "mentee")
TOKEN_SCOPE = "mentorship-apply"
TOKEN_MAX_AGE = 24 * 60 * 60
DEFAULT_MIN_SECONDS = 3
HONEYPOT = "homepage"
TEXT_FIELDS = (
    "name",
    "email",
    "phone",
    "choice",
    "preferred_format",
    "availability",
    "note",
    "request",
    "guardian_name",
    "guardian_email",
    "guardian_phone",
)


def apply_token(env, role, timestamp=None):
    """A token that signs when the form of ``role`` was shown."""
    timestamp = int(time.time() if timestamp is None else timestamp)
    return f"{timestamp}.{hmac(env(su=True), TOKEN_SCOPE, (role, timestamp))}"


def apply_token_age(env, role, token):
    """The seconds since the signed ``token`` was issued, None when forged."""
    timestamp, _dot, signature = (token or "").partition(".")
    try:
        timestamp = int(timestamp)
    except ValueError:
        return None
    if not consteq(signature, hmac(env(su=True), TOKEN_SCOPE, (role, timestamp))):
        return None
    return time.time() - timestamp


class MentorshipApply(http.Controller):
    """The public pages "become a mentor" and "find a mentor": a visitor
    without an account applies to an open program."""

    @http.route("/mentorship/apply/<string:role>", type="http", auth="public", methods=["GET", "POST"], website=True)
    def mentorship_apply(self, role, **post):
        if role not in ROLES:
            raise request.not_found()
        if request.httprequest.method != "POST":
            return self._apply_render(role)
        values = {key: (post.get(key) or "").strip() for key in TEXT_FIELDS}
        values["is_minor"] = bool(post.get("is_minor"))
        values["consent"] = bool(post.get("consent"))

        spam_error = self._apply_check_spam(role, post)
        if spam_error:
            return self._apply_render(role, values, {"form": spam_error})
        errors = self._apply_validate(role, values)
        if errors:
            return self._apply_render(role, values, errors)

        program_id, category_id = self._apply_parse_choice(values["choice"])
        program = (
            request.env["mentorship.program"]
            .sudo()
            .search([("id", "=", program_id), *request.env["mentorship.program"]._portal_open_domain()])
        )
        application = {
            **values,
            "category_id": category_id,
            "note": values["note"] if role == "mentor" else "",
            "request": values["request"] if role == "mentee" else "",
            "lang": request.env.lang,
        }
        try:
            with request.env.cr.savepoint():
                program._create_portal_application(role, application)
        except UserError as error:
            return self._apply_render(role, values, {"form": error.args[0]})
        return request.redirect(
            f"/mentorship/apply/{role}/thanks{'?guardian=1' if values['is_minor'] else ''}", code=303
        )

    @http.route("/mentorship/apply/<string:role>/thanks", type="http", auth="public", methods=["GET"], website=True)
    def mentorship_apply_thanks(self, role, guardian=None, **kwargs):
        if role not in ROLES:
            raise request.not_found()
        return request.render(
            "mentorship_portal.mentorship_apply_thanks",
            {"role": role, "guardian": bool(guardian), "page_title": self._apply_title(role)},
        )

    # --- helpers ----------------------------------------------------------

    def _apply_title(self, role):
        return request.env._("Become a Mentor") if role == "mentor" else request.env._("Find a Mentor")

    def _apply_programs(self, role):
        """The open programs with the categories their form allows, as plain
        data: only names of programs, organisations and categories are shown."""
        programs = (
            request.env["mentorship.program"]
            .sudo()
            .search(request.env["mentorship.program"]._portal_open_domain(), order="company_id, name, id")
        )
        return [
            {
                "name": program.name,
                "organisation": program.company_id.name,
                "options": [
                    (f"{program.id}-{category.id}", category.name)
                    for category in program._portal_application_categories(role)
                ],
            }
            for program in programs
        ]

    def _apply_parse_choice(self, choice):
        program_id, _dash, category_id = (choice or "").partition("-")
        try:
            return int(program_id), int(category_id)
        except ValueError:
            return 0, 0

    def _apply_render(self, role, values=None, errors=None):
        profile_model = request.env[f"mentorship.{role}"]
        formats = profile_model._fields["preferred_format"]._description_selection(request.env)
        values = values or {"preferred_format": profile_model._fields["preferred_format"].default(profile_model)}
        return request.render(
            "mentorship_portal.mentorship_apply_page",
            {
                "role": role,
                "page_title": self._apply_title(role),
                "programs": self._apply_programs(role),
                "formats": formats,
                "values": values,
                "errors": errors or {},
                "apply_token": apply_token(request.env, role),
                "honeypot": HONEYPOT,
            },
        )

    def _apply_min_seconds(self):
        param = request.env["ir.config_parameter"].sudo().get_param("mentorship_portal.apply_min_seconds")
        try:
            return float(param) if param not in (None, False, "") else DEFAULT_MIN_SECONDS
        except ValueError:
            return DEFAULT_MIN_SECONDS

    def _apply_check_spam(self, role, post):
        """A robot fills the hidden field, posts at once or replays an old
        form; a person does none of that."""
        if post.get(HONEYPOT):
            return request.env._("Your application could not be accepted. Please fill in the form again.")
        age = apply_token_age(request.env, role, post.get("apply_token"))
        if age is None or age > TOKEN_MAX_AGE:
            return request.env._("This form has expired. Please check your answers and send it again.")
        if age < self._apply_min_seconds():
            return request.env._("That was very fast! Please check your answers and send the form again.")
        return None

    def _apply_validate(self, role, values):
        """{field: message} of what the visitor has to correct."""
        env = request.env
        errors = {}
        if not values["name"]:
            errors["name"] = env._("Enter your full name.")
        if not values["email"]:
            errors["email"] = env._("Enter your e-mail address.")
        elif not single_email_re.match(values["email"]):
            errors["email"] = env._("Enter a valid e-mail address, e.g. name@example.com.")
        program_id, category_id = self._apply_parse_choice(values["choice"])
        valid_choices = {option[0] for program in self._apply_programs(role) for option in program["options"]}
        if f"{program_id}-{category_id}" not in valid_choices:
            errors["choice"] = env._("Choose a program and who you are.")
        if values["is_minor"]:
            if not values["guardian_name"]:
                errors["guardian_name"] = env._("Enter the full name of your parent or guardian.")
            if not values["guardian_email"]:
                errors["guardian_email"] = env._("Enter the e-mail address of your parent or guardian.")
            elif not single_email_re.match(values["guardian_email"]):
                errors["guardian_email"] = env._("Enter a valid e-mail address, e.g. name@example.com.")
            elif values["guardian_email"].lower() == values["email"].lower():
                errors["guardian_email"] = env._("Enter the e-mail address of your parent or guardian, not yours.")
        if role == "mentee" and not values["request"]:
            errors["request"] = env._("Tell us what you expect from a mentor.")
        if not values["consent"]:
            errors["consent"] = env._("Agree to the processing of your personal data to apply.")
        if "email" not in errors and request.env["mentorship.program"].sudo()._portal_find_application(
            role, values["email"]
        ):
            errors["email"] = (
                env._("You have already applied as a mentor with this e-mail address: the curator will contact you.")
                if role == "mentor"
                else env._(
                    "You have already applied as a mentee with this e-mail address: the curator will contact you."
                )
            )
        if errors:
            errors.setdefault("form", env._("Please correct the marked fields."))
        return errors
