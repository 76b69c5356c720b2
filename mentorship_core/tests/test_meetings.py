from datetime import date, datetime, timedelta

from odoo.tests import TransactionCase, tagged

from .common import MentorshipCase


@tagged("post_install", "-at_install")
class TestMeetings(MentorshipCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()
        cls.pair = cls._pair(cls._mentor("Meeting Mentor"), cls._mentee("Meeting Mentee"), date_start=date(2025, 9, 1))
        cls._approve(cls.pair)
        cls.pair.action_start_work()

    def _meeting(self, when, meeting_type, mentor=True, mentee=True, pair=None):
        return self.env["calendar.event"].create(
            {
                "name": f"{meeting_type} meeting",
                "start": when,
                "stop": when + timedelta(hours=1),
                "mentorship_pair_id": (pair or self.pair).id,
                "mentorship_meeting_type": meeting_type,
                "mentorship_mentor_confirmed": mentor,
                "mentorship_mentee_confirmed": mentee,
            }
        )

    def test_meeting_held_only_when_both_sides_confirm(self):
        one_sided = self._meeting(datetime(2025, 9, 10, 15), "organisational", mentee=False)
        self.assertFalse(one_sided.mentorship_is_held)
        self.assertEqual((self.pair.meeting_count, self.pair.held_meeting_count), (1, 0))
        self.assertFalse(self.pair.last_meeting_date)
        one_sided.mentorship_mentee_confirmed = True
        self.assertTrue(one_sided.mentorship_is_held)
        self.assertEqual(self.pair.held_meeting_count, 1)
        self.assertEqual(self.pair.last_meeting_date, datetime(2025, 9, 10, 15))

    def test_sequence_suggests_next_meeting_type(self):
        self.assertEqual(self.pair.next_meeting_type, "organisational")
        self._meeting(datetime(2025, 9, 10, 15), "organisational")
        self.assertEqual(self.pair.next_meeting_type, "trial")
        self._meeting(datetime(2025, 9, 17, 15), "trial", mentee=False)
        self.assertEqual(self.pair.next_meeting_type, "trial", "a meeting one side confirms does not count")
        self._meeting(datetime(2025, 9, 18, 15), "trial")
        self._meeting(datetime(2025, 9, 24, 15), "planning")
        self.assertEqual(self.pair.next_meeting_type, "regular")

    def test_remote_pair_meeting_gets_online_link(self):
        remote = self._pair(
            self._mentor("Remote Mentor"), self._mentee("Remote Mentee"), kind="virtual", state="candidate"
        )
        meeting = self._meeting(datetime(2025, 9, 10, 15), "organisational", pair=remote)
        self.assertTrue(meeting.videocall_location)
        in_person = self._meeting(datetime(2025, 9, 11, 15), "trial")
        self.assertFalse(in_person.videocall_location)
