import base64
import binascii
from datetime import datetime, timedelta

import pytz
from werkzeug.exceptions import Forbidden, NotFound

from odoo import fields, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.fields import Domain
from odoo.http import content_disposition, request

from odoo.addons.mentorship_core.tools import decline_name
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

UPLOAD_EXTENSIONS = {
    "pdf", "jpg", "jpeg", "png", "gif", "txt", "doc", "docx", "odt", "rtf",
    "xls", "xlsx", "ods", "ppt", "pptx", "odp", "zip",
}  # fmt: skip
DEFAULT_UPLOAD_MAX_MB = 10
PAST_MEETINGS_PER_PAGE = 20
PORTFOLIO_PER_PAGE = 20


class MentorshipPortal(CustomerPortal):
    """The mentorship pages of the portal: pairs, plans, meetings, portfolio
    and consents of the signed-in mentor, mentee or parent.

    Every route reads the records with the user's own rights (record rules of
    the portal group) or a valid access token, checks the user's role in the
    pair before changing anything, and only then writes with sudo the few
    fields the page offers."""

    # --- access -------------------------------------------------------------

    def _mentorship_pair_domain(self):
        """Pairs where the user takes part, as mentor, mentee or parent of a
        mentee: staff curators see all pairs of their organisation in the
        back office, but only their own here."""
        user = request.env.user
        return (
            Domain("mentor_user_id", "=", user.id)
            | Domain("mentee_ids.user_id", "=", user.id)
            | Domain("mentee_ids.partner_id", "in", self._mentorship_ward_ids())
        )

    def _mentorship_ward_ids(self):
        """The children of the signed-in parent: guardians are personal data
        that only curators read, so they are read with sudo, for the user's
        own partner only."""
        return request.env.user.partner_id.sudo().mentorship_ward_ids.ids

    def _mentorship_forbidden(self):
        """The refusal, with a reason in the user's language: the 403 page
        shows it as its error message (werkzeug's own is English)."""
        return Forbidden(request.env._("You have no access to this page of the mentorship."))

    def _mentorship_check_access(self, model_name, record_id, access_token=None):
        try:
            return self._document_check_access(model_name, record_id, access_token=access_token)
        except MissingError as error:
            raise NotFound() from error
        except AccessError as error:
            raise self._mentorship_forbidden() from error

    def _mentorship_pair(self, pair_id, access_token=None, roles=None):
        """The pair (sudo) and the user's role in it; with ``roles``, refuse
        the users of any other role."""
        pair_sudo = self._mentorship_check_access("mentorship.pair", pair_id, access_token)
        role = pair_sudo._portal_role(request.env.user.partner_id)
        if roles and role not in roles:
            raise self._mentorship_forbidden()
        return pair_sudo, role

    def _mentorship_meeting(self, meeting_id, roles=None):
        meeting_sudo = request.env["calendar.event"].sudo().browse(meeting_id).exists()
        if not meeting_sudo.mentorship_pair_id:
            raise NotFound()
        pair_sudo, role = self._mentorship_pair(meeting_sudo.mentorship_pair_id.id, roles=roles)
        return meeting_sudo, pair_sudo, role

    def _mentorship_own_mentees(self):
        return request.env["mentorship.mentee"].sudo().search([("user_id", "=", request.env.user.id)])

    # --- uploads ------------------------------------------------------------

    def _mentorship_upload_max_bytes(self):
        megabytes = (
            request.env["ir.config_parameter"]
            .sudo()
            .get_param("mentorship_portal.upload_max_mb", DEFAULT_UPLOAD_MAX_MB)
        )
        return int(megabytes) * 1024 * 1024

    def _mentorship_read_upload(self, upload):
        """Name and content of an uploaded file, or a UserError saying why it
        is refused (too large, or not a document, image or archive)."""
        name = ((upload and upload.filename) or "").strip()
        if not name:
            raise UserError(request.env._("Choose a file to upload."))
        extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if extension not in UPLOAD_EXTENSIONS:
            raise UserError(
                request.env._(
                    "Files of this type cannot be uploaded: %(name)s. Allowed: %(extensions)s.",
                    name=name,
                    extensions=", ".join(sorted(UPLOAD_EXTENSIONS)),
                )
            )
        max_bytes = self._mentorship_upload_max_bytes()
        content = upload.read(max_bytes + 1)
        if len(content) > max_bytes:
            raise UserError(
                request.env._(
                    "The file %(name)s is larger than %(size)s MB.", name=name, size=max_bytes // (1024 * 1024)
                )
            )
        if not content:
            raise UserError(request.env._("The file %(name)s is empty.", name=name))
        return name, content

    def _mentorship_redirect(self, url, message=None, error=None):
        """Back to the page, which shows the message or error once (kept in
        the session rather than the URL, so no link can forge one)."""
        request.session["mentorship_notice"] = {"message": message, "error": error}
        return request.redirect(url)

    def _mentorship_notice(self):
        return request.session.pop("mentorship_notice", None) or {}

    # --- home ---------------------------------------------------------------

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "mentorship_count" in counters:
            Pair = request.env["mentorship.pair"]
            values["mentorship_count"] = (
                Pair.search_count(self._mentorship_pair_domain()) if Pair.has_access("read") else 0
            )
        return values

    def _mentorship_pending_surveys(self):
        """Survey invitations of the user not answered yet: satisfaction
        questionnaires, and the reports the curator asks mentors for."""
        return (
            request.env["survey.user_input"]
            .sudo()
            .search(
                [
                    ("partner_id", "=", request.env.user.partner_id.id),
                    ("state", "!=", "done"),
                    ("survey_id.active", "=", True),
                    "|",
                    ("deadline", "=", False),
                    ("deadline", ">=", fields.Datetime.now()),
                ],
                order="deadline, id",
            )
        )

    @http.route(
        ["/my/mentorship", "/my/mentorship/page/<int:page>"], type="http", auth="user", website=True, readonly=True
    )
    def portal_my_mentorship(self, page=1, search=None, **kwargs):
        Pair = request.env["mentorship.pair"]
        domain = self._mentorship_pair_domain()
        if search:
            domain &= Domain("name", "ilike", search)
        pager = portal_pager(
            url="/my/mentorship",
            url_args={"search": search} if search else {},
            total=Pair.search_count(domain),
            page=page,
            step=self._items_per_page,
        )
        pairs = Pair.search(domain, limit=self._items_per_page, offset=pager["offset"])
        partner = request.env.user.partner_id
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "mentorship",
                "pairs": pairs.sudo(),
                "pager": pager,
                "search": search,
                "surveys": self._mentorship_pending_surveys(),
                "own_mentees": self._mentorship_own_mentees(),
                "consents_to_sign": request.env["mentorship.consent"].search_count(
                    [("signer_partner_id", "=", partner.id), ("state", "=", "requested")]
                ),
            }
        )
        return request.render("mentorship_portal.portal_my_mentorship", values)

    # --- pair ---------------------------------------------------------------

    @http.route(
        ["/my/mentorship/pair/<int:pair_id>", "/my/mentorship/pair/<int:pair_id>/page/<int:meetings_page>"],
        type="http",
        auth="public",
        website=True,
    )
    def portal_mentorship_pair(self, pair_id, access_token=None, meetings_page=1, **kw):
        pair_sudo, role = self._mentorship_pair(pair_id, access_token)
        Event = request.env["calendar.event"].sudo()
        now = fields.Datetime.now()
        past_domain = [("mentorship_pair_id", "=", pair_sudo.id), ("stop", "<", now)]
        meetings_pager = portal_pager(
            url=pair_sudo.access_url,
            url_args={"access_token": access_token} if access_token else {},
            total=Event.search_count(past_domain),
            page=meetings_page,
            step=PAST_MEETINGS_PER_PAGE,
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "mentorship_pair",
                # first: it reads all meetings at once, the lists below then find them in the cache
                "next_meeting_type": pair_sudo.next_meeting_type,
                "pair": pair_sudo,
                "role": role,
                # the mentor's view of the pair's health; mentees and parents get none
                "mentor_health": pair_sudo._health_for_mentor() if role == "mentor" else (False, []),
                "plans": pair_sudo.plan_ids.filtered(lambda plan: plan.state != "draft" or role == "mentor"),
                "upcoming_meetings": Event.search(
                    [("mentorship_pair_id", "=", pair_sudo.id), ("stop", ">=", now)], order="start"
                ),
                "past_meetings": Event.search(
                    past_domain, order="start desc", limit=PAST_MEETINGS_PER_PAGE, offset=meetings_pager["offset"]
                ),
                "meetings_pager": meetings_pager,
                "meeting_types": self._mentorship_meeting_types(),
                "line_statuses": request.env["mentorship.plan.line"]
                ._fields["status"]
                ._description_selection(request.env),
                "replacement_requests": request.env["mentorship.replacement.request"]
                .sudo()
                .search(
                    [("pair_id", "=", pair_sudo.id), ("mentee_id.partner_id", "=", request.env.user.partner_id.id)]
                ),
                "default_meeting_start": (now + timedelta(days=7)).strftime("%Y-%m-%dT16:00"),
                **self._mentorship_notice(),
            }
        )
        values = self._get_page_view_values(pair_sudo, access_token, values, "my_mentorship_history", False)
        return request.render("mentorship_portal.portal_mentorship_pair", values)

    @http.route(["/my/mentorship/pair/<int:pair_id>/line/<int:line_id>"], type="http", auth="user", methods=["POST"])
    def portal_mentorship_line_update(self, pair_id, line_id, status=None, comment=None, evidence=None, **kw):
        """The mentor marks an activity of the plan: status, comment, evidence."""
        pair_sudo, _role = self._mentorship_pair(pair_id, roles=("mentor",))
        line_sudo = request.env["mentorship.plan.line"].sudo().browse(line_id).exists()
        if line_sudo.plan_id.pair_id != pair_sudo or line_sudo.display_type:
            raise NotFound()
        statuses = dict(line_sudo._fields["status"].selection)
        values = {"comment": (comment or "").strip()}
        if status:
            if status not in statuses:
                return self._mentorship_redirect(pair_sudo.access_url, error=request.env._("Unknown status."))
            values["status"] = status
        if evidence and evidence.filename:
            try:
                name, content = self._mentorship_read_upload(evidence)
            except UserError as error:
                return self._mentorship_redirect(pair_sudo.access_url, error=error.args[0])
            values.update(evidence=base64.b64encode(content), evidence_name=name)
        line_sudo.write(values)
        return self._mentorship_redirect(pair_sudo.access_url, message=request.env._("The activity is saved."))

    @http.route(
        ["/my/mentorship/pair/<int:pair_id>/line/<int:line_id>/evidence"], type="http", auth="user", readonly=True
    )
    def portal_mentorship_line_evidence(self, pair_id, line_id, **kw):
        pair_sudo, _role = self._mentorship_pair(pair_id)
        line_sudo = request.env["mentorship.plan.line"].sudo().browse(line_id).exists()
        if line_sudo.plan_id.pair_id != pair_sudo or not line_sudo.evidence:
            raise NotFound()
        return self._mentorship_file_response(base64.b64decode(line_sudo.evidence), line_sudo.evidence_name)

    def _mentorship_file_response(self, content, name):
        return request.make_response(
            content,
            headers=[
                ("Content-Type", "application/octet-stream"),
                ("Content-Disposition", content_disposition(name or "file")),
                ("X-Content-Type-Options", "nosniff"),
            ],
        )

    @http.route(["/my/mentorship/pair/<int:pair_id>/meeting"], type="http", auth="user", methods=["POST"])
    def portal_mentorship_meeting_log(self, pair_id, **post):
        """The mentor logs a meeting that took place, confirming their own
        attendance only (the mentees confirm theirs on their page), or
        proposes the next one."""
        pair_sudo, _role = self._mentorship_pair(pair_id, roles=("mentor",))
        try:
            values = self._mentorship_meeting_values(pair_sudo, post)
            # the pair's rules hold here too: no meeting outside its life
            with request.env.cr.savepoint():
                meeting = request.env["calendar.event"].sudo().with_context(mail_create_nosubscribe=True).create(values)
        except UserError as error:
            return self._mentorship_redirect(pair_sudo.access_url, error=error.args[0])
        message = (
            request.env._("The meeting is logged. It counts as held once the mentee confirms their attendance.")
            if meeting.mentorship_mentor_confirmed
            else request.env._("The meeting is planned: the participants are invited by e-mail.")
        )
        return self._mentorship_redirect(pair_sudo.access_url, message=message)

    def _mentorship_meeting_types(self):
        return request.env["calendar.event"]._fields["mentorship_meeting_type"]._description_selection(request.env)

    def _mentorship_meeting_values(self, pair_sudo, post):
        meeting_types = dict(self._mentorship_meeting_types())
        meeting_type = post.get("meeting_type") or pair_sudo.next_meeting_type
        if meeting_type not in meeting_types:
            raise UserError(request.env._("Unknown meeting type."))
        try:
            start = self._mentorship_to_utc(datetime.strptime(post.get("start") or "", "%Y-%m-%dT%H:%M"))
            duration = float(post.get("duration") or 1.0)
        except ValueError as error:
            raise UserError(request.env._("Give the date and time of the meeting.")) from error
        if not 0 < duration <= 8:
            raise UserError(request.env._("A meeting lasts up to 8 hours."))
        return {
            "name": pair_sudo._meeting_subject(meeting_type),
            "mentorship_pair_id": pair_sudo.id,
            "mentorship_meeting_type": meeting_type,
            "start": start,
            "stop": start + timedelta(hours=duration),
            "location": (post.get("location") or "").strip(),
            "mentorship_minutes": (post.get("minutes") or "").strip(),
            "mentorship_mentor_confirmed": start <= fields.Datetime.now(),
            "user_id": pair_sudo.curator_id.id,
            "partner_ids": [fields.Command.set((pair_sudo.mentor_id.partner_id | pair_sudo.mentee_ids.partner_id).ids)],
        }

    def _mentorship_to_utc(self, local_datetime):
        """Datetimes typed in the portal are in the user's time zone."""
        user_tz = pytz.timezone(request.env.user.tz or "UTC")
        return user_tz.localize(local_datetime).astimezone(pytz.utc).replace(tzinfo=None)

    @http.route(["/my/mentorship/meeting/<int:meeting_id>/confirm"], type="http", auth="user", methods=["POST"])
    def portal_mentorship_meeting_confirm(self, meeting_id, **kw):
        """The mentor or a mentee confirms they took part in a meeting that
        has begun: each for their own side only."""
        meeting_sudo, pair_sudo, role = self._mentorship_meeting(meeting_id, roles=("mentor", "mentee"))
        if meeting_sudo.start > fields.Datetime.now():
            return self._mentorship_redirect(
                pair_sudo.access_url, error=request.env._("A meeting is confirmed after it has taken place.")
            )
        field = "mentorship_mentor_confirmed" if role == "mentor" else "mentorship_mentee_confirmed"
        meeting_sudo.write({field: True})
        return self._mentorship_redirect(pair_sudo.access_url, message=request.env._("Your attendance is confirmed."))

    @http.route(["/my/mentorship/meeting/<int:meeting_id>/ics"], type="http", auth="user", readonly=True)
    def portal_mentorship_meeting_ics(self, meeting_id, **kw):
        meeting_sudo, _pair, _role = self._mentorship_meeting(meeting_id)
        return request.make_response(
            meeting_sudo._get_ics_file()[meeting_sudo.id],
            headers=[
                ("Content-Type", "text/calendar"),
                ("Content-Disposition", content_disposition(f"{meeting_sudo.name}.ics")),
            ],
        )

    @http.route(["/my/mentorship/pair/<int:pair_id>/replace"], type="http", auth="user", methods=["POST"])
    def portal_mentorship_replace(self, pair_id, reason=None, **kw):
        """The mentee asks the curator for another mentor."""
        pair_sudo, _role = self._mentorship_pair(pair_id, roles=("mentee",))
        mentee_sudo = pair_sudo._portal_mentee_for(request.env.user.partner_id)
        if not (reason or "").strip():
            return self._mentorship_redirect(
                pair_sudo.access_url, error=request.env._("Tell the curator why you want another mentor.")
            )
        Request = request.env["mentorship.replacement.request"].sudo()
        if Request.search_count(
            [("pair_id", "=", pair_sudo.id), ("mentee_id", "=", mentee_sudo.id), ("state", "=", "submitted")]
        ):
            return self._mentorship_redirect(
                pair_sudo.access_url, error=request.env._("Your request is already with the curator.")
            )
        replacement = Request.create({"pair_id": pair_sudo.id, "mentee_id": mentee_sudo.id, "reason": reason.strip()})
        if pair_sudo.curator_id:
            replacement.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=pair_sudo.curator_id.id,
                summary=request.env._("Request to replace the mentor"),
            )
        return self._mentorship_redirect(
            pair_sudo.access_url,
            message=request.env._("Your request is sent to the curator, who will contact you to find another mentor."),
        )

    # --- portfolio ----------------------------------------------------------

    def _mentorship_portfolio_mentee(self):
        mentee_sudo = self._mentorship_own_mentees()[:1]
        if not mentee_sudo:
            raise NotFound()
        return mentee_sudo

    @http.route(
        ["/my/mentorship/portfolio", "/my/mentorship/portfolio/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_mentorship_portfolio(self, page=1, **kw):
        mentee_sudo = self._mentorship_portfolio_mentee()
        Attachment = request.env["ir.attachment"].sudo()
        domain = [("id", "in", mentee_sudo._portal_portfolio().ids)]
        pager = portal_pager(
            url="/my/mentorship/portfolio", total=Attachment.search_count(domain), page=page, step=PORTFOLIO_PER_PAGE
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "mentorship_portfolio",
                "mentee": mentee_sudo,
                "attachments": Attachment.search(
                    domain, order="create_date desc, id desc", limit=PORTFOLIO_PER_PAGE, offset=pager["offset"]
                ),
                "pager": pager,
                "upload_max_mb": self._mentorship_upload_max_bytes() // (1024 * 1024),
                "upload_extensions": ", ".join(sorted(UPLOAD_EXTENSIONS)),
                **self._mentorship_notice(),
            }
        )
        return request.render("mentorship_portal.portal_mentorship_portfolio", values)

    @http.route(["/my/mentorship/portfolio/upload"], type="http", auth="user", methods=["POST"])
    def portal_mentorship_portfolio_upload(self, attachment=None, description=None, **kw):
        mentee_sudo = self._mentorship_portfolio_mentee()
        try:
            name, content = self._mentorship_read_upload(attachment)
        except UserError as error:
            return self._mentorship_redirect("/my/mentorship/portfolio", error=error.args[0])
        mentee_sudo._portal_portfolio_add(name, content, (description or "").strip())
        return self._mentorship_redirect(
            "/my/mentorship/portfolio", message=request.env._("The file is added to your portfolio.")
        )

    def _mentorship_portfolio_file(self, mentee_sudo, attachment_id):
        """A file of the user's own portfolio: the other files attached to
        the mentee are the school's."""
        portfolio_sudo = mentee_sudo._portal_portfolio()
        if attachment_id not in portfolio_sudo.ids:
            raise NotFound()
        return portfolio_sudo.browse(attachment_id)

    @http.route(["/my/mentorship/portfolio/<int:attachment_id>"], type="http", auth="user", readonly=True)
    def portal_mentorship_portfolio_download(self, attachment_id, **kw):
        attachment_sudo = self._mentorship_portfolio_file(self._mentorship_portfolio_mentee(), attachment_id)
        return self._mentorship_file_response(attachment_sudo.raw, attachment_sudo.name)

    @http.route(["/my/mentorship/portfolio/<int:attachment_id>/delete"], type="http", auth="user", methods=["POST"])
    def portal_mentorship_portfolio_delete(self, attachment_id, **kw):
        """The mentee removes a file they uploaded, not the curator's."""
        mentee_sudo = self._mentorship_portfolio_mentee()
        attachment_sudo = self._mentorship_portfolio_file(mentee_sudo, attachment_id)
        try:
            mentee_sudo._portal_portfolio_remove(attachment_sudo)
        except AccessError as error:
            raise self._mentorship_forbidden() from error
        return self._mentorship_redirect(
            "/my/mentorship/portfolio", message=request.env._("The file is removed from your portfolio.")
        )

    # --- consents -----------------------------------------------------------

    @http.route(["/my/mentorship/consents"], type="http", auth="user", website=True, readonly=True)
    def portal_mentorship_consents(self, **kw):
        partner = request.env.user.partner_id
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "mentorship_consents",
                "consents": request.env["mentorship.consent"]
                .search(
                    Domain("partner_id", "=", partner.id)
                    | Domain("signer_partner_id", "=", partner.id)
                    | Domain("partner_id", "in", self._mentorship_ward_ids())
                )
                .sudo(),
                "partner": partner,
                **self._mentorship_notice(),
            }
        )
        return request.render("mentorship_portal.portal_mentorship_consents", values)

    @http.route(["/my/mentorship/consent/<int:consent_id>"], type="http", auth="public", website=True)
    def portal_mentorship_consent(self, consent_id, access_token=None, **kw):
        consent_sudo = self._mentorship_check_access("mentorship.consent", consent_id, access_token)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "mentorship_consent",
                "consent": consent_sudo,
                "ward_name": self._mentorship_ward_name(consent_sudo.partner_id.name),
            }
        )
        values = self._get_page_view_values(consent_sudo, access_token, values, "my_consents_history", False)
        return request.render("mentorship_portal.portal_mentorship_consent", values)

    def _mentorship_ward_name(self, name):
        """The minor a parent signs for, named as the page's language needs:
        «законный представитель несовершеннолетнего Фролова Ивана Павловича»
        in Russian, declined in the genitive as the letters decline names."""
        return decline_name(name, "genitive") if (request.env.lang or "").startswith("ru") else name

    @http.route(["/my/mentorship/consent/<int:consent_id>/sign"], type="jsonrpc", auth="public")
    def portal_mentorship_consent_sign(self, consent_id, access_token=None, name=None, signature=None):
        """The signer (a parent for a minor) signs a requested consent; the
        portal's signature form posts here."""
        access_token = access_token or request.httprequest.args.get("access_token")
        consent_sudo = self._mentorship_check_access("mentorship.consent", consent_id, access_token)
        user_partner = request.env.user.partner_id
        if not access_token and user_partner != consent_sudo.signer_partner_id:
            return {
                "error": request.env._(
                    "Only %(signer)s can sign this consent.", signer=consent_sudo.signer_partner_id.name
                )
            }
        try:
            consent_sudo._sign(name, signature)
            request.env.cr.flush()
        except (UserError, ValidationError) as error:
            return {"error": error.args[0]}
        except (TypeError, binascii.Error):
            return {"error": request.env._("Invalid signature data.")}
        return {"force_refresh": True, "redirect_url": consent_sudo.get_portal_url()}

    @http.route(["/my/mentorship/consent/<int:consent_id>/revoke"], type="http", auth="user", methods=["POST"])
    def portal_mentorship_consent_revoke(self, consent_id, reason=None, **kw):
        """Withdrawal of consent, by whoever may sign it: the adult participant
        or the parent who signed for a minor. Running pairs stop."""
        consent_sudo = self._mentorship_check_access("mentorship.consent", consent_id)
        if not consent_sudo._portal_may_revoke(request.env.user.partner_id):
            raise self._mentorship_forbidden()
        if consent_sudo.state != "valid":
            return self._mentorship_redirect(
                "/my/mentorship/consents", error=request.env._("This consent is not in force.")
            )
        consent_sudo.action_revoke(
            (reason or "").strip() or request.env._("Withdrawn in the portal by %(name)s", name=request.env.user.name)
        )
        return self._mentorship_redirect(
            "/my/mentorship/consents",
            message=request.env._("The consent is withdrawn: the mentorship that relies on it stops."),
        )
