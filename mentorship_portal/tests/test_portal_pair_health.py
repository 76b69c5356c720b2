from odoo.tests import HttpCase, tagged

from .common import MentorshipPortalCase


@tagged("post_install", "-at_install")
class TestPortalPairHealth(MentorshipPortalCase, HttpCase):
    """The mentor sees the health of their own pair on its page, with the
    reasons of their own work only; the mentee, the parent and other
    participants see none of it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_portal()
        cls.pair = cls.family_a["pair"]
        # its last held meeting was a week ago: at risk with these settings
        cls.env["ir.config_parameter"].set_param("mentorship_core.attention_days", 5)
        cls.env["ir.config_parameter"].set_param("mentorship_core.risk_days", 6)
        cls.env["mentorship.replacement.request"].create(
            {"pair_id": cls.pair.id, "mentee_id": cls.family_a["mentee_profile"].id, "reason": "Private reason"}
        )
        cls.env["mentorship.pair"]._cron_update_health()

    def _page(self, role, family=None, pair=None):
        user = (family or self.family_a)[role]
        self.authenticate(user.login, user.login)
        return self.url_open((pair or self.pair).access_url)

    def test_mentor_sees_the_health_and_reasons_of_their_pair(self):
        self.assertEqual(self.pair.health, "risk")
        page = self._page("mentor").text
        self.assertIn("o_mentorship_pair_health", page)
        self.assertIn("The pair is at risk.", page)
        self.assertIn("No meeting confirmed by both sides for 7 days.", page)
        # what the mentee asked of the curator is not the mentor's to read
        self.assertNotIn("replace the mentor", page)
        self.assertNotIn("Private reason", page)

    def test_mentor_of_a_pair_in_order_is_told_so(self):
        self.env["ir.config_parameter"].set_param("mentorship_core.attention_days", 30)
        self.env["ir.config_parameter"].set_param("mentorship_core.risk_days", 60)
        self.env["mentorship.pair"]._cron_update_health()
        self.assertEqual(self.pair.health, "risk", "the curator still sees the open request")
        page = self._page("mentor").text
        self.assertIn("The pair is in order", page)
        self.assertNotIn("at risk", page)

    def test_mentee_and_parent_see_no_health(self):
        for role in ("mentee", "parent"):
            with self.subTest(role=role):
                response = self._page(role)
                self.assertEqual(response.status_code, 200)
                self.assertNotIn("o_mentorship_pair_health", response.text)
                self.assertNotIn("No meeting confirmed", response.text)

    def test_other_family_sees_nothing_of_the_pair(self):
        for role in ("mentor", "mentee", "parent"):
            with self.subTest(role=role):
                response = self._page(role, family=self.family_b)
                self.assertIn(response.status_code, (403, 404))
                self.assertNotIn("No meeting confirmed", response.text)
        own = self._page("mentor", family=self.family_b, pair=self.family_b["pair"]).text
        self.assertIn("o_mentorship_pair_health", own)
        self.assertNotIn(self.pair.name, own)
