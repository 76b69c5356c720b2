from odoo.tests import HttpCase, tagged

from .common import MentorshipRolesCase


@tagged("post_install", "-at_install")
class TestCuratorTours(MentorshipRolesCase, HttpCase):
    """The curator's day in the browser, as the fixture's curator."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_municipality()

    def test_drag_to_approved_opens_the_approval_wizard(self):
        """Landing in the pipeline; a card dropped on Approved asks for the
        order, stays put when cancelled and is approved by the wizard."""
        self.start_tour("/odoo", "mentorship_pair_approve_by_drag", login="school_curator")
        self.assertEqual(self.staff_pair.state, "approved")
        self.assertEqual(self.staff_pair.order_number, "7-o")

    def test_meeting_scheduled_from_the_pair_shows_in_the_calendar(self):
        self.start_tour("/odoo", "mentorship_schedule_meeting", login="school_curator")
        meeting = self.staff_pair.meeting_ids
        self.assertEqual(len(meeting), 1)
        self.assertEqual(meeting.mentorship_meeting_type, "organisational")
        self.assertEqual(meeting.partner_ids, self.staff_mentor.partner_id | self.teacher_mentee.partner_id)
        self.assertNotIn(self.curator.partner_id, meeting.partner_ids)
