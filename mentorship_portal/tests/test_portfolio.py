from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import Form, HttpCase, tagged
from odoo.tools import mute_logger

from .common import MentorshipPortalCase


@tagged("post_install", "-at_install")
class TestPortfolio(MentorshipPortalCase, HttpCase):
    """The portfolio holds the files put in it on purpose: the pupil's own
    uploads and the files the curator adds as portfolio files. A file the
    curator attached to an internal note about the pupil stays the
    school's: never listed, served nor deleted in the portal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_portal()
        cls.mentee = cls.family_a["mentee_profile"]
        cls.pupil = cls.family_a["mentee"]
        cls.parent = cls.family_a["parent"]
        as_curator = cls._as(cls.curator, cls.mentee)
        note = as_curator.message_post(
            body="Report of the school psychologist",
            attachments=[("psychologist-report.pdf", b"confidential")],
            subtype_xmlid="mail.mt_note",
        )
        cls.note_file = note.attachment_ids
        cls.school_file = cls._upload(as_curator, "certificate.pdf")
        as_curator.portfolio_attachment_ids = [Command.link(cls.school_file.id)]
        cls.own_file = cls._as(cls.pupil, cls.mentee)._portal_portfolio_add(
            "olympiad-diploma.pdf", b"diploma", "Diploma of the city olympiad"
        )

    @classmethod
    def _as(cls, user, record):
        """``record`` as ``user`` works with it, in their own organisations."""
        return record.with_env(cls.env(user=user, context={}))

    @classmethod
    def _upload(cls, as_curator, name):
        """A file the curator uploads on the mentee, as the upload button of
        the form does before the file is linked to the portfolio."""
        return as_curator.env["ir.attachment"].create(
            {"name": name, "raw": name.encode(), "res_model": "mentorship.mentee", "res_id": cls.mentee.id}
        )

    def _files_exist(self):
        return [bool(file.exists()) for file in (self.note_file, self.school_file, self.own_file)]

    # --- through the ORM, as each role ------------------------------------

    def test_pupil_sees_the_portfolio_and_removes_only_their_own_file(self):
        as_pupil = self._as(self.pupil, self.mentee)
        self.assertEqual(as_pupil._portal_portfolio(), self.school_file | self.own_file)
        with self.assertRaises(AccessError):
            self._as(self.pupil, self.note_file).read(["raw"])
        self.assertEqual(
            [as_pupil._portal_may_remove(file) for file in (self.note_file, self.school_file, self.own_file)],
            [False, False, True],
        )
        for file in (self.note_file, self.school_file):
            with self.subTest(file=file.name), self.assertRaises(AccessError):
                as_pupil._portal_portfolio_remove(file)
        self.assertEqual(self._files_exist(), [True, True, True])
        as_pupil._portal_portfolio_remove(self.own_file)
        self.assertEqual(self._files_exist(), [True, True, False])

    def test_parent_reads_the_portfolio_and_changes_nothing(self):
        as_parent = self._as(self.parent, self.mentee)
        self.assertEqual(as_parent._portal_portfolio(), self.school_file | self.own_file)
        self.assertFalse(as_parent._portal_may_remove(self.own_file))
        with self.assertRaises(AccessError):
            as_parent._portal_portfolio_remove(self.own_file)
        with self.assertRaises(AccessError):
            as_parent._portal_portfolio_add("forged.pdf", b"forged")
        with self.assertRaises(AccessError):
            self._as(self.parent, self.note_file).read(["raw"])
        self.assertEqual(self._files_exist(), [True, True, True])
        self.assertEqual(self.mentee.portfolio_attachment_ids, self.school_file | self.own_file)

    def test_other_family_reads_no_portfolio(self):
        for role in ("mentee", "parent", "mentor"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                self._as(self.family_b[role], self.mentee)._portal_portfolio()

    def test_curator_adds_a_portfolio_file_on_the_form(self):
        as_curator = self._as(self.curator, self.mentee)
        self.assertEqual(as_curator.portfolio_attachment_ids, self.school_file | self.own_file)
        self.assertFalse(as_curator._portal_may_remove(self.own_file), "the curator works in the back office")
        letter = self._upload(as_curator, "thank-you-letter.pdf")
        with Form(as_curator) as form:
            form.portfolio_attachment_ids.add(letter)
        self.assertIn(letter, self._as(self.pupil, self.mentee)._portal_portfolio())
        self.assertNotIn(self.note_file, as_curator.portfolio_attachment_ids)

    # --- through the portal pages ------------------------------------------

    def test_portfolio_page_lists_the_portfolio_only(self):
        self.authenticate(self.pupil.login, self.pupil.login)
        page = self.url_open("/my/mentorship/portfolio").text
        self.assertIn("certificate.pdf", page)
        self.assertIn("olympiad-diploma.pdf", page)
        self.assertIn("Added by the school", page)
        self.assertNotIn("psychologist-report.pdf", page)
        self.assertNotIn(f"/my/mentorship/portfolio/{self.note_file.id}", page)
        self.assertIn(f"/my/mentorship/portfolio/{self.own_file.id}/delete", page)
        self.assertNotIn(f"/my/mentorship/portfolio/{self.school_file.id}/delete", page)
        self.assertEqual(self.url_open(f"/my/mentorship/portfolio/{self.school_file.id}").content, b"certificate.pdf")

    def test_pupil_cannot_download_nor_delete_the_school_files(self):
        self.authenticate(self.pupil.login, self.pupil.login)
        token = self.note_file.sudo().generate_access_token()[0]
        with mute_logger("odoo.http"):
            for url in (
                f"/my/mentorship/portfolio/{self.note_file.id}",
                f"/my/mentorship/portfolio/{self.note_file.id}?access_token={token}",
                f"/web/content/{self.note_file.id}",
            ):
                with self.subTest(url=url):
                    response = self.url_open(url)
                    self.assertIn(response.status_code, (403, 404))
                    self.assertNotIn(b"confidential", response.content)
            self.assertEqual(self._post(f"/my/mentorship/portfolio/{self.note_file.id}/delete").status_code, 404)
            self.assertEqual(self._post(f"/my/mentorship/portfolio/{self.school_file.id}/delete").status_code, 403)
        self.assertEqual(self._files_exist(), [True, True, True])
        self.assertEqual(self._post(f"/my/mentorship/portfolio/{self.own_file.id}/delete").status_code, 303)
        self.assertEqual(self._files_exist(), [True, True, False])

    def test_parent_cannot_delete_the_pupils_file(self):
        self.authenticate(self.parent.login, self.parent.login)
        with mute_logger("odoo.http"):
            self.assertEqual(self._post(f"/my/mentorship/portfolio/{self.own_file.id}/delete").status_code, 404)
        self.assertEqual(self._files_exist(), [True, True, True])

    def test_pair_chatter_keeps_the_internal_notes_files(self):
        """The pair's discussion in the portal shows the messages to the
        participants with their files, not the curator's internal notes."""
        pair = self._as(self.curator, self.family_a["pair"])
        note = pair.message_post(
            body="Notes of the curator",
            attachments=[("curator-notes.pdf", b"confidential")],
            subtype_xmlid="mail.mt_note",
        )
        shared = pair.message_post(
            body="Programme of the conference",
            attachments=[("conference.pdf", b"programme")],
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        self.authenticate(self.pupil.login, self.pupil.login)
        thread = self.make_jsonrpc_request(
            "/mail/thread/messages", {"thread_model": "mentorship.pair", "thread_id": pair.id}
        )
        self.assertIn(shared.id, thread["messages"])
        self.assertNotIn(note.id, thread["messages"])
        attachment_ids = {attachment["id"] for attachment in thread["data"].get("ir.attachment", [])}
        self.assertIn(shared.attachment_ids.id, attachment_ids)
        self.assertNotIn(note.attachment_ids.id, attachment_ids)
        with mute_logger("odoo.http"):
            response = self.url_open(f"/web/content/{note.attachment_ids.id}")
        self.assertIn(response.status_code, (403, 404))
