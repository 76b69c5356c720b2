from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import MentorshipPortalCase


@tagged("post_install", "-at_install")
class TestPortalMeetingDates(MentorshipPortalCase, HttpCase):
    """The portal mentor cannot log a meeting outside the pair's life: the
    page says why and nothing is written."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_portal()
        cls.pair = cls.family_a["pair"]

    def test_meeting_after_the_pair_ended_is_refused(self):
        self.pair.date_end = fields.Date.today() - timedelta(days=10)
        count = len(self.pair.meeting_ids)
        mentor = self.family_a["mentor"]
        self.authenticate(mentor.login, mentor.login)
        past_start = (fields.Datetime.now() - timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
        self._post(f"{self.pair.access_url}/meeting", {"start": past_start, "meeting_type": "regular"})
        page = self.url_open(self.pair.access_url).text
        self.assertIn("none of its meetings is dated after it.", page)
        self.assertEqual(len(self.pair.meeting_ids), count)
