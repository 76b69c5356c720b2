import base64
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import MentorshipPortalCase


@tagged("post_install", "-at_install")
class TestPortalPages(MentorshipPortalCase, HttpCase):
    """What mentees, mentors and parents do on their portal pages."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_portal()
        cls.pair = cls.family_a["pair"]
        cls.line = cls.family_a["plan"].line_ids.filtered(lambda line: not line.display_type)[0]

    def _login(self, role, family=None):
        user = (family or self.family_a)[role]
        self.authenticate(user.login, user.login)
        return user

    def _notice(self, url):
        """The page the action redirected to, with its message."""
        return self.url_open(url).text

    def test_home_counter_and_list(self):
        self._login("mentee")
        counters = self.make_jsonrpc_request("/my/counters", {"counters": ["mentorship_count"]})
        self.assertEqual(counters["mentorship_count"], 1)
        page = self.url_open("/my/mentorship")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.pair.name, page.text)
        self.assertNotIn(self.family_b["pair"].name, page.text)
        self.assertIn(self.pair.name, self.url_open("/my/mentorship?search=Mentor").text)
        self.assertNotIn(self.pair.name, self.url_open("/my/mentorship?search=nobody-like-this").text)

    def test_parent_sees_child_pairs_and_counter(self):
        self._login("parent")
        counters = self.make_jsonrpc_request("/my/counters", {"counters": ["mentorship_count"]})
        self.assertEqual(counters["mentorship_count"], 1)
        page = self.url_open("/my/mentorship").text
        self.assertIn(self.pair.access_url, page)
        self.assertIn("My child", page)
        self.assertNotIn("You are not in a mentorship pair yet", page)
        self.assertNotIn(self.family_b["pair"].access_url, page)
        # a parent of two children in two pairs sees both
        second_child = self._mentee(
            "Second Child", category=self.cat_pupil, minor=True, guardians=self.family_a["parent"].partner_id
        )
        other_pair = self._pair(
            self._mentor("Mentor C", category=self.cat_pupil_mentor), second_child, program=self.program_pupils
        )
        page = self.url_open("/my/mentorship").text
        self.assertIn(self.pair.access_url, page)
        self.assertIn(other_pair.access_url, page)
        counters = self.make_jsonrpc_request("/my/counters", {"counters": ["mentorship_count"]})
        self.assertEqual(counters["mentorship_count"], 2)

    def test_parent_sees_consents_signed_by_the_other_parent(self):
        child = self.family_a["mentee"].partner_id
        father = self._partner("Father A")
        child.mentorship_guardian_ids |= father
        consent = self._consent(child, signer=father, state="requested")
        self._login("parent")
        page = self.url_open("/my/mentorship/consents").text
        self.assertIn(consent.access_url, page)
        self.assertNotIn(self.family_b["mentee"].partner_id.name, page)

    def test_mentee_sees_mentor_plan_and_meetings(self):
        self._login("mentee")
        page = self.url_open(self.pair.access_url).text
        self.assertIn(self.pair.mentor_id.partner_id.email, page)
        self.assertIn(self.line.name, page)
        self.assertEqual(page.count("o_mentorship_past_meeting"), 1)
        self.assertEqual(page.count("/ics"), 1, "one upcoming meeting to add to the calendar")
        self.assertNotIn("o_mentorship_line_edit", page, "a mentee does not edit the plan")
        self.assertIn("o_mentorship_replacement_form", page)

    def test_parent_reads_child_pair(self):
        self._login("parent")
        page = self.url_open(self.pair.access_url)
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.line.name, page.text)
        self.assertNotIn("o_mentorship_line_edit", page.text)
        self.assertNotIn("o_mentorship_replacement_form", page.text)

    def test_mentor_marks_activity_done_with_evidence(self):
        self._login("mentor")
        response = self._post(
            f"{self.pair.access_url}/line/{self.line.id}",
            {"status": "done", "comment": "Went to the city olympiad"},
            files={"evidence": ("diploma.pdf", b"%PDF-1.4 diploma", "application/pdf")},
        )
        self.assertEqual(response.status_code, 303)
        self.assertRecordValues(
            self.line, [{"status": "done", "comment": "Went to the city olympiad", "evidence_name": "diploma.pdf"}]
        )
        self.assertEqual(base64.b64decode(self.line.evidence), b"%PDF-1.4 diploma")
        self.assertIn("The activity is saved.", self._notice(self.pair.access_url))
        self.assertGreater(self.family_a["plan"].progress, 0)
        download = self.url_open(f"{self.pair.access_url}/line/{self.line.id}/evidence")
        self.assertEqual(download.content, b"%PDF-1.4 diploma")

    def test_mentor_refused_bad_status_and_file(self):
        self._login("mentor")
        self._post(f"{self.pair.access_url}/line/{self.line.id}", {"status": "approved_by_me", "comment": "x"})
        self.assertIn("Unknown status.", self._notice(self.pair.access_url))
        self._post(
            f"{self.pair.access_url}/line/{self.line.id}",
            {"status": "done", "comment": "x"},
            files={"evidence": ("virus.exe", b"MZ", "application/octet-stream")},
        )
        self.assertIn("Files of this type cannot be uploaded: virus.exe", self._notice(self.pair.access_url))
        self.assertRecordValues(self.line, [{"status": "todo", "comment": False, "evidence_name": False}])

    def test_mentor_logs_a_held_meeting_and_proposes_the_next(self):
        self._login("mentor")
        self.assertNotIn("mentee_attended", self.url_open(self.pair.access_url).text)
        before = self.pair.held_meeting_count
        past_start = (fields.Datetime.now() - timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
        self._post(
            f"{self.pair.access_url}/meeting",
            {
                "start": past_start,
                "duration": "1.5",
                "meeting_type": "regular",
                "minutes": "Chose the olympiad subjects",
                "mentee_attended": "1",  # the mentor cannot confirm for the mentee
            },
        )
        page = self._notice(self.pair.access_url)
        self.assertIn("The meeting is logged. It counts as held once the mentee confirms their attendance.", page)
        self.assertIn("Awaiting the mentee", page)
        held = self.pair.meeting_ids.filtered(lambda event: event.mentorship_minutes == "Chose the olympiad subjects")
        self.assertRecordValues(
            held,
            [{"mentorship_mentor_confirmed": True, "mentorship_mentee_confirmed": False, "mentorship_is_held": False}],
        )
        self.assertEqual(held.duration, 1.5)
        self.assertEqual(self.pair.held_meeting_count, before)
        self.assertEqual(held.partner_ids, self.pair.mentor_id.partner_id | self.pair.mentee_ids.partner_id)
        self._login("mentee")
        self._post(f"/my/mentorship/meeting/{held.id}/confirm")
        self.assertTrue(held.mentorship_is_held)
        self.assertEqual(self.pair.held_meeting_count, before + 1)
        self._login("mentor")

        next_start = (fields.Datetime.now() + timedelta(days=10)).strftime("%Y-%m-%dT%H:%M")
        self._post(f"{self.pair.access_url}/meeting", {"start": next_start, "meeting_type": "final"})
        self.assertIn("the participants are invited by e-mail", self._notice(self.pair.access_url))
        proposed = self.pair.meeting_ids.filtered(lambda event: event.mentorship_meeting_type == "final")
        self.assertFalse(proposed.mentorship_mentor_confirmed)
        self.assertFalse(proposed.mentorship_is_held)

    def test_mentor_meeting_bad_input(self):
        self._login("mentor")
        count = len(self.pair.meeting_ids)
        self._post(f"{self.pair.access_url}/meeting", {"start": "next tuesday", "meeting_type": "regular"})
        self.assertIn("Give the date and time of the meeting.", self._notice(self.pair.access_url))
        self._post(f"{self.pair.access_url}/meeting", {"start": "2026-01-15T16:00", "duration": "30"})
        self.assertIn("A meeting lasts up to 8 hours.", self._notice(self.pair.access_url))
        self._post(f"{self.pair.access_url}/meeting", {"start": "2026-01-15T16:00", "meeting_type": "party"})
        self.assertIn("Unknown meeting type.", self._notice(self.pair.access_url))
        self.assertEqual(len(self.pair.meeting_ids), count)

    def test_each_side_confirms_only_their_own_attendance(self):
        past, future = self._meetings(self.pair, 2).sorted("start")
        mentor, mentee = self.pair.mentor_id.partner_id, self.pair.mentee_ids.partner_id
        past.write(
            {
                "mentorship_mentor_confirmed": False,
                "mentorship_mentee_confirmed": False,
                "partner_ids": [Command.set((mentor | mentee).ids)],
            }
        )

        def invitations():
            return {
                attendee.partner_id: attendee.state
                for attendee in past.attendee_ids
                if attendee.partner_id in mentor | mentee
            }

        self.assertEqual(invitations(), {mentor: "needsAction", mentee: "needsAction"})
        self._login("mentor")
        page = self.url_open(self.pair.access_url).text
        self.assertEqual(page.count("o_mentorship_meeting_confirm"), 1, "only the past meeting can be confirmed")
        self.assertIn(f"/my/mentorship/meeting/{past.id}/confirm", page)
        self._post(f"/my/mentorship/meeting/{past.id}/confirm")
        self.assertRecordValues(past, [{"mentorship_mentor_confirmed": True, "mentorship_mentee_confirmed": False}])
        self.assertFalse(past.mentorship_is_held)
        self.assertEqual(invitations(), {mentor: "accepted", mentee: "needsAction"}, "calendar follows")
        self.assertNotIn(f"/my/mentorship/meeting/{past.id}/confirm", self.url_open(self.pair.access_url).text)
        self._post(f"/my/mentorship/meeting/{future.id}/confirm")
        self.assertIn("A meeting is confirmed after it has taken place.", self._notice(self.pair.access_url))
        self.assertFalse(future.mentorship_mentor_confirmed)

        self._login("mentee")
        self.assertIn(f"/my/mentorship/meeting/{past.id}/confirm", self.url_open(self.pair.access_url).text)
        self._post(f"/my/mentorship/meeting/{past.id}/confirm")
        self.assertIn("Your attendance is confirmed.", self._notice(self.pair.access_url))
        self.assertTrue(past.mentorship_is_held)
        self.assertEqual(invitations(), {mentor: "accepted", mentee: "accepted"})
        self._post(f"/my/mentorship/meeting/{future.id}/confirm")
        self.assertFalse(future.mentorship_mentee_confirmed)

        self._login("parent")
        with mute_logger("odoo.http"):
            self.assertEqual(self._post(f"/my/mentorship/meeting/{past.id}/confirm").status_code, 403)

    def test_meeting_ics(self):
        meeting = self.pair.meeting_ids[:1]
        self._login("mentee")
        response = self.url_open(f"/my/mentorship/meeting/{meeting.id}/ics")
        self.assertEqual(response.headers["Content-Type"], "text/calendar")
        self.assertIn(b"BEGIN:VCALENDAR", response.content)

    def test_mentee_asks_for_another_mentor(self):
        self._login("mentee")
        self._post(f"{self.pair.access_url}/replace", {"reason": "  "})
        self.assertIn("Tell the curator why", self._notice(self.pair.access_url))
        self._post(f"{self.pair.access_url}/replace", {"reason": "We never meet"})
        replacement = self.env["mentorship.replacement.request"].search([("pair_id", "=", self.pair.id)])
        self.assertRecordValues(
            replacement, [{"mentee_id": self.family_a["mentee_profile"].id, "reason": "We never meet"}]
        )
        self.assertEqual(replacement.activity_ids.user_id, self.curator)
        self._post(f"{self.pair.access_url}/replace", {"reason": "Again"})
        self.assertIn("already with the curator", self._notice(self.pair.access_url))
        self.assertEqual(self.env["mentorship.replacement.request"].search_count([("pair_id", "=", self.pair.id)]), 1)

    def test_portfolio_upload_download_delete(self):
        self._login("mentee")
        self._post(
            "/my/mentorship/portfolio/upload",
            {"description": "Olympiad diploma"},
            files={"attachment": ("diploma.png", b"\x89PNG diploma", "image/png")},
        )
        attachment = self.family_a["mentee_profile"].portfolio_attachment_ids
        self.assertRecordValues(attachment, [{"name": "diploma.png", "description": "Olympiad diploma"}])
        page = self.url_open("/my/mentorship/portfolio").text
        self.assertIn("The file is added to your portfolio.", page)
        self.assertIn("diploma.png", page)
        self.assertEqual(self.url_open(f"/my/mentorship/portfolio/{attachment.id}").content, b"\x89PNG diploma")
        self._post(f"/my/mentorship/portfolio/{attachment.id}/delete")
        self.assertFalse(attachment.exists())

    def test_portfolio_refuses_large_and_forbidden_files(self):
        self.env["ir.config_parameter"].set_param("mentorship_portal.upload_max_mb", 1)
        self._login("mentee")
        self._post(
            "/my/mentorship/portfolio/upload",
            files={"attachment": ("big.pdf", b"x" * (1024 * 1024 + 1), "application/pdf")},
        )
        self.assertIn("The file big.pdf is larger than 1 MB.", self._notice("/my/mentorship/portfolio"))
        self._post(
            "/my/mentorship/portfolio/upload",
            files={"attachment": ("page.html", b"<script>alert(1)</script>", "text/html")},
        )
        self.assertIn("Files of this type cannot be uploaded: page.html", self._notice("/my/mentorship/portfolio"))
        self._post("/my/mentorship/portfolio/upload", files={"attachment": ("empty.pdf", b"", "application/pdf")})
        self.assertIn("The file empty.pdf is empty.", self._notice("/my/mentorship/portfolio"))
        self.assertFalse(self.family_a["mentee_profile"].portfolio_attachment_ids)

    def test_parent_withdraws_consent_and_the_pair_stops(self):
        consent = self.family_a["mentee"].partner_id.mentorship_consent_ids
        self._login("mentee")
        self._post(f"/my/mentorship/consent/{consent.id}/revoke", {"reason": "changed my mind"})
        self.assertEqual(consent.state, "valid", "a minor cannot withdraw the consent their parent signed")
        self._login("parent")
        self.assertIn(self.family_a["mentee"].partner_id.name, self.url_open("/my/mentorship/consents").text)
        self._post(f"/my/mentorship/consent/{consent.id}/revoke", {"reason": "We move to another city"})
        self.assertEqual(consent.state, "revoked")
        self.assertEqual(self.pair.state, "dissolved")
        self.assertIn("The consent is withdrawn", self._notice("/my/mentorship/consents"))

    def test_consent_page_names_the_minor_in_the_genitive_in_russian(self):
        consent = self._consent_to_sign(self.family_a)
        consent.partner_id.name = "Фролов Иван Павлович"
        self._login("parent")
        self.assertIn(
            "parent or legal guardian of <strong>Фролов Иван Павлович</strong>", self.url_open(consent.access_url).text
        )
        self.env["res.lang"]._activate_lang("ru_RU")
        self.env["ir.module.module"].search(
            [("name", "in", ("mentorship_core", "mentorship_portal"))]
        )._update_translations(["ru_RU"])
        self.family_a["parent"].lang = "ru_RU"
        self._login("parent")  # the session takes the language at login
        page = self.url_open(consent.access_url).text
        self.assertIn("законный представитель несовершеннолетнего <strong>Фролова Ивана Павловича</strong>", page)

    def test_parent_signs_requested_consent(self):
        consent = self._consent_to_sign(self.family_a)
        self._login("parent")
        page = self.url_open(consent.access_url).text
        self.assertIn("o_mentorship_consent_sign_form", page)
        with mute_logger("odoo.http"):
            refused = self.make_jsonrpc_request(f"{consent.access_url}/sign", {"name": "Parent A", "signature": ""})
        self.assertIn("error", refused)
        self.assertEqual(consent.state, "requested")
        signature = base64.b64encode(self._png()).decode()
        result = self.make_jsonrpc_request(f"{consent.access_url}/sign", {"name": "Parent A", "signature": signature})
        self.assertTrue(result["force_refresh"])
        self.assertRecordValues(consent, [{"state": "valid", "signed_by": "Parent A"}])
        self.assertTrue(consent.signature)

    def test_signature_by_emailed_link_without_account(self):
        consent = self._consent_to_sign(self.family_a)
        consent.action_request_signature()
        mail = self.env["mail.message"].search([("model", "=", "mentorship.consent"), ("res_id", "=", consent.id)])
        self.assertIn(consent.access_token, mail[0].body)
        self.assertIn(self.family_a["parent"].partner_id, mail.partner_ids)
        self.assertEqual(self.url_open(consent.get_portal_url()).status_code, 200)
        self.assertEqual(self.url_open(consent.access_url).status_code, 403, "without the token nobody reads it")
        signature = base64.b64encode(self._png()).decode()
        self.make_jsonrpc_request(consent.get_portal_url(suffix="/sign"), {"name": "Parent A", "signature": signature})
        self.assertEqual(consent.state, "valid")

    @staticmethod
    def _png():
        return base64.b64decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
        )
