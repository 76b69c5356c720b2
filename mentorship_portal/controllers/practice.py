import textwrap

from odoo import http
from odoo.http import request
from odoo.tools import format_date, html2plaintext

from odoo.addons.portal.controllers.portal import pager as portal_pager

PER_PAGE = 12
EXCERPT_LENGTH = 280


class MentorshipPractices(http.Controller):
    """The public page of the bank of best practices: the published practices
    of the municipality, for any visitor. Only what a practice says of itself
    is shown (title, organisation, form, program, description, results) and
    the files its curator chose for the public page: never the pairs and the
    names of their participants, never the internal files."""

    @http.route(
        ["/mentorship/practices", "/mentorship/practices/page/<int:page>"],
        type="http",
        auth="public",
        methods=["GET"],
        website=True,
    )
    def mentorship_practices(self, page=1, form=None, **kwargs):
        Practice = request.env["mentorship.practice"].sudo()
        published = Practice._public_domain()
        forms = [form for (form,) in Practice._read_group(published, ["form_id"], order="form_id") if form]
        chosen = next((candidate for candidate in forms if str(candidate.id) == form), None)
        domain = [*published, ("form_id", "=", chosen.id)] if chosen else published
        pager = portal_pager(
            url="/mentorship/practices",
            url_args={"form": chosen.id} if chosen else None,
            total=Practice.search_count(domain),
            page=page,
            step=PER_PAGE,
        )
        practices = Practice.search(domain, limit=PER_PAGE, offset=pager["offset"])
        return request.render(
            "mentorship_portal.mentorship_practice_list",
            {
                "page_title": request.env._("Bank of Best Practices"),
                "practices": [self._practice_card(practice) for practice in practices],
                "forms": [(candidate.id, candidate.name) for candidate in forms],
                "chosen_form": chosen.id if chosen else None,
                "pager": pager,
            },
        )

    @http.route("/mentorship/practices/<int:practice_id>", type="http", auth="public", methods=["GET"], website=True)
    def mentorship_practice(self, practice_id, **kwargs):
        practice = self._published_practice(practice_id)
        return request.render(
            "mentorship_portal.mentorship_practice_page",
            {
                "page_title": practice.name,
                "practice": self._practice_card(practice),
                "description": practice.description,
                "results": practice.results,
                "files": [
                    {"url": f"/mentorship/practices/{practice.id}/files/{file.id}", "name": file.name}
                    for file in practice.public_attachment_ids
                ],
            },
        )

    @http.route(
        "/mentorship/practices/<int:practice_id>/files/<int:attachment_id>",
        type="http",
        auth="public",
        methods=["GET"],
    )
    def mentorship_practice_file(self, practice_id, attachment_id, **kwargs):
        """A file the curator chose for the public page of a published
        practice; anything else is not found, as if it did not exist."""
        practice = self._published_practice(practice_id)
        attachment = practice.public_attachment_ids.filtered(lambda file: file.id == attachment_id)
        if not attachment:
            raise request.not_found()
        return request.env["ir.binary"]._get_stream_from(attachment).get_response(as_attachment=True)

    # --- helpers ----------------------------------------------------------

    def _published_practice(self, practice_id):
        Practice = request.env["mentorship.practice"].sudo()
        practice = Practice.search([("id", "=", practice_id), *Practice._public_domain()])
        if not practice:
            raise request.not_found()
        return practice

    def _practice_card(self, practice):
        """What a visitor reads of a practice, as plain data."""
        kinds = dict(practice._fields["kind"]._description_selection(request.env))
        return {
            "url": practice._public_url(),
            "name": practice.name,
            "organisation": practice.company_id.name,
            "form": practice.form_id.name,
            "kind": kinds.get(practice.kind),
            "program": practice.program_id.name,
            "date": format_date(request.env, practice.date_published),
            "excerpt": self._excerpt(practice.description),
        }

    def _excerpt(self, html):
        """The beginning of a text as plain words: no emphasis marks, no links."""
        text = html2plaintext(html or "", include_references=False).replace("*", "")
        return textwrap.shorten(text, EXCERPT_LENGTH, placeholder=" …")
