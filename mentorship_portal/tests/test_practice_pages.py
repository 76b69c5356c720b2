"""The public page of the bank of best practices, as a visitor sees it."""

from odoo import Command
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.mentorship_core.tests.common import MentorshipCase

PUBLIC_FILE = b"How to run a peer tutoring session"
INTERNAL_FILE = b"Minutes of the council of mentors: marks of each pupil"


@tagged("post_install", "-at_install")
class TestPracticePages(MentorshipCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()
        guardian = cls._partner("Guardian Of Secret")
        cls.pupil = cls._mentee("Secretpupil Hiddenname", category=cls.cat_pupil, minor=True, guardians=guardian)
        cls.senior = cls._mentor("Seniorpupil Unseen", category=cls.cat_pupil_mentor)
        cls.pair = cls._pair(cls.senior, cls.pupil, program=cls.program_pupils)
        cls.published = cls._practice("Peer tutoring before the exam")
        cls.public_file = cls._file(cls.published, "tutoring-memo.txt", PUBLIC_FILE)
        cls.internal_file = cls._file(cls.published, "council-minutes.txt", INTERNAL_FILE)
        cls.published.write(
            {
                "public_attachment_ids": [Command.set(cls.public_file.ids)],
                "internal_attachment_ids": [Command.set(cls.internal_file.ids)],
            }
        )
        cls.published.action_submit()
        cls.published.action_publish()
        cls.draft = cls._practice("A draft about lesson visits", program=cls.program_teachers, pairs=False)

    @classmethod
    def _practice(cls, name, program=None, pairs=None):
        return cls.env["mentorship.practice"].create(
            {
                "name": name,
                "company_id": cls.school.id,
                "program_id": (program or cls.program_pupils).id,
                "pair_ids": [Command.set(cls.pair.ids)] if pairs is None else [],
                "kind": "peer",
                "description": "<p>Senior pupils tutor <strong>younger ones</strong> once a week.</p>",
                "results": "<p>Every mentee passed the mock exam.</p>",
            }
        )

    @classmethod
    def _file(cls, practice, name, content):
        return cls.env["ir.attachment"].create(
            {"name": name, "raw": content, "res_model": practice._name, "res_id": practice.id}
        )

    def test_the_list_shows_the_published_practices_only(self):
        response = self.url_open("/mentorship/practices")
        self.assertEqual(response.status_code, 200)
        self.assertIn("<title>Bank of Best Practices</title>", response.text)
        self.assertIn("Peer tutoring before the exam", response.text)
        self.assertIn(f'href="/mentorship/practices/{self.published.id}"', response.text)
        self.assertIn("Senior pupils tutor younger ones once a week.", response.text, "the excerpt, as plain text")
        self.assertIn(self.school.name, response.text)
        self.assertNotIn("A draft about lesson visits", response.text)

    def test_the_list_filters_by_form(self):
        self.draft.action_submit()
        self.draft.action_publish()
        pupils = self.url_open(f"/mentorship/practices?form={self.form_pupils.id}").text
        self.assertIn("Peer tutoring before the exam", pupils)
        self.assertNotIn("A draft about lesson visits", pupils)
        everything = self.url_open("/mentorship/practices").text
        self.assertIn("A draft about lesson visits", everything)

    def test_the_page_of_a_practice(self):
        response = self.url_open(f"/mentorship/practices/{self.published.id}")
        self.assertEqual(response.status_code, 200)
        page = response.text
        self.assertIn("<title>Peer tutoring before the exam</title>", page)
        self.assertIn("<strong>younger ones</strong>", page, "the description as the curator wrote it")
        self.assertIn("Every mentee passed the mock exam.", page)
        self.assertIn(self.program_pupils.name, page)
        self.assertIn(self.form_pupils.name, page)
        self.assertIn("tutoring-memo.txt", page)
        self.assertNotIn("council-minutes.txt", page, "an internal file is not listed")

    def test_no_personal_data_of_the_pair_on_the_public_pages(self):
        for url in ("/mentorship/practices", f"/mentorship/practices/{self.published.id}"):
            page = self.url_open(url).text
            for name in ("Secretpupil", "Hiddenname", "Seniorpupil", "Guardian Of Secret", self.curator.name):
                with self.subTest(url=url, name=name):
                    self.assertNotIn(name, page)

    def test_a_practice_not_published_is_not_found(self):
        self.assertEqual(self.url_open(f"/mentorship/practices/{self.draft.id}").status_code, 404)
        self.assertEqual(self.url_open("/mentorship/practices/999999999").status_code, 404)
        self.draft.action_submit()
        self.assertEqual(self.url_open(f"/mentorship/practices/{self.draft.id}").status_code, 404)
        # returned after publication, it leaves the public page
        self.published.action_return("A pupil is named in the results")
        self.assertEqual(self.url_open(f"/mentorship/practices/{self.published.id}").status_code, 404)
        self.assertNotIn("Peer tutoring before the exam", self.url_open("/mentorship/practices").text)

    def test_public_files_are_downloaded_internal_ones_never(self):
        url = f"/mentorship/practices/{self.published.id}/files/%s"
        response = self.url_open(url % self.public_file.id)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, PUBLIC_FILE)
        self.assertIn("attachment", response.headers["Content-Disposition"])
        self.assertEqual(self.url_open(url % self.internal_file.id).status_code, 404)
        # nor through Odoo's own download route, nor under another practice
        with mute_logger("odoo.http"):
            for path in (f"/web/content/{self.internal_file.id}", f"/web/content/{self.public_file.id}"):
                with self.subTest(path=path):
                    response = self.url_open(path)
                    self.assertNotEqual(response.status_code, 200)
                    self.assertNotIn(INTERNAL_FILE, response.content)
        self.assertEqual(
            self.url_open(f"/mentorship/practices/{self.draft.id}/files/{self.public_file.id}").status_code, 404
        )

    def test_the_page_in_russian(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        self.env["ir.module.module"].search(
            [("name", "in", ("mentorship_core", "mentorship_portal"))]
        )._update_translations(["ru_RU"])
        self.opener.cookies["frontend_lang"] = "ru_RU"
        listing = self.url_open("/mentorship/practices").text
        self.assertIn("<title>Банк лучших практик</title>", listing)
        page = self.url_open(f"/mentorship/practices/{self.published.id}").text
        for term in ("Форма наставничества", "Результаты", "Все практики", "Партнерское", "Ученик – ученик"):
            with self.subTest(term=term):
                self.assertIn(term, page)

    def test_the_back_office_opens_the_public_page(self):
        action = self.published.action_open_public_page()
        self.assertEqual(action["url"], f"/mentorship/practices/{self.published.id}")
        self.assertEqual(self.url_open(action["url"]).status_code, 200)
