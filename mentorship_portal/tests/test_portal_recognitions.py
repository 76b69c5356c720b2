from datetime import date

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import MentorshipPortalCase


@tagged("post_install", "-at_install")
class TestPortalRecognitions(MentorshipPortalCase, HttpCase):
    """A mentor finds their approved recognitions on the portal page and
    downloads the letter; nobody else does."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_portal()
        mentor = cls.family_a["pair"].mentor_id
        Incentive = cls.env["mentorship.incentive"]
        values = {
            "mentor_id": mentor.id,
            "company_id": cls.school.id,
            "date_from": date(2025, 10, 1),
            "date_to": date(2025, 10, 31),
            "basis": "Regulation on recognition, clause 1",
        }
        cls.letter = Incentive.create(
            {**values, "kind": "thank_you_letter", "description": "For helping a fifth-former settle in"}
        )
        cls.reserve = Incentive.create(
            {**values, "kind": "contest_weight", "description": "Weight in the school contest of projects"}
        )
        cls.draft = Incentive.create({**values, "kind": "certificate", "description": "Not approved yet"})
        (cls.letter | cls.reserve).action_propose()
        (cls.letter | cls.reserve)._approve("47-k", date(2025, 11, 5))

    def test_mentor_sees_and_downloads_approved_recognitions(self):
        self.authenticate(self.family_a["mentor"].login, self.family_a["mentor"].login)
        page = self.url_open("/my/mentorship").text
        self.assertEqual(page.count('o_mentorship_recognition"'), 2)
        self.assertIn("For helping a fifth-former settle in", page)
        self.assertNotIn("Not approved yet", page)
        self.assertEqual(page.count("o_mentorship_recognition_pdf"), 1, "only a letter or certificate is printed")
        response = self.url_open(f"/my/mentorship/recognition/{self.letter.id}/pdf")
        self.assertEqual(response.status_code, 200)
        self.assertIn(b"For helping a fifth-former settle in", response.content)
        with mute_logger("odoo.http"):
            for incentive in (self.reserve, self.draft):
                self.assertEqual(self.url_open(f"/my/mentorship/recognition/{incentive.id}/pdf").status_code, 404)

    def test_others_see_no_recognition(self):
        for role, family in (("mentee", self.family_a), ("parent", self.family_a), ("mentor", self.family_b)):
            with self.subTest(role=role):
                self.authenticate(family[role].login, family[role].login)
                self.assertNotIn("o_mentorship_recognitions", self.url_open("/my/mentorship").text)
                with mute_logger("odoo.http"):
                    response = self.url_open(f"/my/mentorship/recognition/{self.letter.id}/pdf")
                self.assertEqual(response.status_code, 404)
