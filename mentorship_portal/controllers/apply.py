import time

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request
from odoo.tools import consteq
from odoo.tools.misc import hmac

from ..models.mentorship_applicant_kind_mixin import APPLICANT_KINDS
from ..models.mentorship_program import PortalApplicationError

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
    without an account applies to an open program. A mentee first says who
    they are, a pupil or an adult, and is offered only the programs for them.
    The program checks the application (``_create_portal_application``): this
    controller parses the form and shows the errors next to the fields."""

    @http.route("/mentorship/apply/<string:role>", type="http", auth="public", methods=["GET", "POST"], website=True)
    def mentorship_apply(self, role, who=None, **post):
        if role not in ROLES:
            raise request.not_found()
        applicant_kind = who if role == "mentee" and who in dict(APPLICANT_KINDS) else None
        if request.httprequest.method != "POST":
            return self._apply_render(role, applicant_kind)
        values = {key: (post.get(key) or "").strip() for key in TEXT_FIELDS}
        values.update(
            applicant_kind=applicant_kind,
            is_minor=bool(post.get("is_minor")) and applicant_kind != "adult",
            consent=bool(post.get("consent")),
        )
        spam_error = self._apply_check_spam(role, post)
        if spam_error:
            return self._apply_render(role, applicant_kind, values, {"form": spam_error})

        program_id, category_id = self._apply_parse_choice(values["choice"])
        program = request.env["mentorship.program"].sudo().browse(program_id).exists()
        try:
            with request.env.cr.savepoint():
                program._create_portal_application(
                    role, {**values, "category_id": category_id, "lang": request.env.lang}
                )
        except PortalApplicationError as error:
            return self._apply_render(role, applicant_kind, values, error.errors)
        except UserError as error:
            return self._apply_render(role, applicant_kind, values, {"form": error.args[0]})
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

    def _apply_programs(self, role, applicant_kind=None):
        """The open programs with the categories their form allows (for
        ``applicant_kind``, those open to them), as plain data: only names of
        programs, organisations and categories are shown."""
        programs = (
            request.env["mentorship.program"]
            .sudo()
            .search(request.env["mentorship.program"]._portal_open_domain(), order="company_id, name, id")
        )
        options = [
            {
                "name": program.name,
                "organisation": program.company_id.name,
                "options": [
                    (f"{program.id}-{category.id}", category.name)
                    for category in program._portal_application_categories(role, applicant_kind)
                ],
            }
            for program in programs
        ]
        return [program for program in options if program["options"]]

    def _apply_parse_choice(self, choice):
        program_id, _dash, category_id = (choice or "").partition("-")
        try:
            return int(program_id), int(category_id)
        except ValueError:
            return 0, 0

    def _apply_render(self, role, applicant_kind=None, values=None, errors=None):
        """The form; a mentee who has not said who they are chooses first."""
        profile_model = request.env[f"mentorship.{role}"]
        formats = profile_model._fields["preferred_format"]._description_selection(request.env)
        values = values or {"preferred_format": profile_model._fields["preferred_format"].default(profile_model)}
        asks_who = role == "mentee" and not applicant_kind
        return request.render(
            "mentorship_portal.mentorship_apply_page",
            {
                "role": role,
                "applicant_kind": applicant_kind,
                "asks_who": asks_who,
                "page_title": self._apply_title(role),
                "programs": [] if asks_who else self._apply_programs(role, applicant_kind),
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
