from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import content_disposition, request


class MentorshipIncentivePortal(http.Controller):
    """The mentor's own approved recognitions, printed from the portal."""

    @http.route(["/my/mentorship/recognition/<int:incentive_id>/pdf"], type="http", auth="user", readonly=True)
    def portal_mentorship_recognition_pdf(self, incentive_id, **kw):
        letter = (
            request.env["mentorship.incentive"]
            ._recognitions_of(request.env.user)
            .filtered(lambda recognition: recognition.id == incentive_id and recognition.is_printable)
        )
        if not letter:
            raise NotFound()
        pdf, _type = (
            request.env["ir.actions.report"]
            .sudo()
            ._render_qweb_pdf("mentorship_core.action_report_incentive_letter", letter.ids)
        )
        name = f"{letter.display_name}.pdf"
        return request.make_response(
            pdf, headers=[("Content-Type", "application/pdf"), ("Content-Disposition", content_disposition(name))]
        )
