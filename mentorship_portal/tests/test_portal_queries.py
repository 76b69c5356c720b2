import base64

from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import MentorshipPortalCase


@tagged("post_install", "-at_install")
class TestPortalQueryCounts(MentorshipPortalCase, HttpCase):
    """The pages of the mentee, the mentor and the parent issue the same
    number of queries with 5 or 200 plan activities, meetings and files."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()
        cls.small = cls._portal_family("s", lines=5, meetings=5)
        cls.large = cls._portal_family("l", lines=200, meetings=200)
        for family, count in ((cls.small, 5), (cls.large, 200)):
            lines = family["plan"].line_ids.filtered(lambda line: not line.display_type)
            for line in lines:
                line.write({"evidence": base64.b64encode(b"evidence"), "evidence_name": f"evidence-{line.id}.pdf"})
            family["mentee_profile"].portfolio_attachment_ids = [
                Command.create(
                    {
                        "name": f"diploma-{number}.pdf",
                        "raw": b"diploma",
                        "res_model": "mentorship.mentee",
                        "res_id": family["mentee_profile"].id,
                    }
                )
                for number in range(count)
            ]

    def _assert_query_count(self, login, url, expected):
        """One request, once the worker is warm, issues ``expected`` queries."""
        self.authenticate(login, login)
        self.url_open(url)
        self.env.invalidate_all()
        with self.assertQueryCount(expected):
            self.assertEqual(self.url_open(url).status_code, 200)

    def _assert_constant(self, role, path, expected):
        for family, key in ((self.small, "s"), (self.large, "l")):
            with self.subTest(size=key):
                self._assert_query_count(f"{role}_{key}", path(family), expected)

    def test_pair_page_of_mentee(self):
        self._assert_constant("mentee", lambda family: family["pair"].access_url, 28)

    def test_pair_page_of_mentor(self):
        self._assert_constant("mentor", lambda family: family["pair"].access_url, 26)

    def test_portfolio_of_mentee(self):
        # the portfolio (its links), and the mentee who alone removes their own files
        self._assert_constant("mentee", lambda family: "/my/mentorship/portfolio", 11)

    def test_mentorship_home(self):
        # one of them looks for the recognitions of the user as a mentor
        self._assert_constant("mentee", lambda family: "/my/mentorship", 19)

    def test_mentorship_home_of_parent(self):
        self._assert_constant("parent", lambda family: "/my/mentorship", 20)

    def test_pair_page_of_parent(self):
        self._assert_constant("parent", lambda family: family["pair"].access_url, 29)
