from datetime import date, datetime, timedelta

from odoo import Command
from odoo.exceptions import AccessError
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

    def _attendee_states(self, meeting):
        """The answers of the pair's sides to calendar's invitation."""
        pair = meeting.mentorship_pair_id
        sides = pair.mentor_id.partner_id | pair.mentee_ids.partner_id
        return {
            attendee.partner_id: attendee.state for attendee in meeting.attendee_ids if attendee.partner_id in sides
        }

    def _as_curator(self, meeting):
        return meeting.with_user(self.curator).with_context(allowed_company_ids=self.school.ids)

    def test_confirmations_answer_the_invitations(self):
        """A side that confirmed it took part has accepted calendar's
        invitation: a held meeting shows no one still to answer."""
        mentor, mentee = self.pair.mentor_id.partner_id, self.pair.mentee_ids.partner_id
        meeting = self._meeting(datetime(2025, 9, 10, 15), "organisational", mentor=False, mentee=False)
        meeting.write({"partner_ids": [Command.set((mentor | mentee).ids)]})
        self.assertEqual(self._attendee_states(meeting), {mentor: "needsAction", mentee: "needsAction"})

        self._as_curator(meeting).mentorship_mentor_confirmed = True  # the mentor has no account
        self.assertEqual(self._attendee_states(meeting), {mentor: "accepted", mentee: "needsAction"})
        self._as_curator(meeting).mentorship_mentee_confirmed = True
        self.assertEqual(self._attendee_states(meeting), {mentor: "accepted", mentee: "accepted"})
        self.assertNotIn("needsAction", meeting.attendee_ids.mapped("state"), "nobody shown as awaited")

        self._as_curator(meeting).mentorship_mentee_confirmed = False
        self.assertEqual(self._attendee_states(meeting), {mentor: "accepted", mentee: "needsAction"})

    def test_meeting_logged_as_held_is_accepted_by_both_sides(self):
        meeting = self.env["calendar.event"].create(
            {
                "name": "Logged meeting",
                "start": datetime(2025, 9, 10, 15),
                "stop": datetime(2025, 9, 10, 16),
                "mentorship_pair_id": self.pair.id,
                "mentorship_mentor_confirmed": True,
                "mentorship_mentee_confirmed": True,
                "partner_ids": [Command.set((self.pair.mentor_id.partner_id | self.pair.mentee_ids.partner_id).ids)],
            }
        )
        self.assertEqual(set(meeting.attendee_ids.mapped("state")), {"accepted"})

    def test_group_mentee_confirming_answers_only_their_invitation(self):
        first, second = self._mentee("Group Mentee One"), self._mentee("Group Mentee Two")
        pupil_user = self._school_user("group_mentee_one", "base.group_portal")
        first.partner_id = pupil_user.partner_id
        group = self._pair(self._mentor("Group Mentor", capacity=2), first | second, kind="group", state="candidate")
        meeting = self._meeting(datetime(2025, 9, 10, 15), "organisational", mentor=False, mentee=False, pair=group)
        meeting.write(
            {"partner_ids": [Command.set((group.mentor_id.partner_id | first.partner_id | second.partner_id).ids)]}
        )
        # as the portal does: the mentee's own user, the write made with sudo
        meeting.with_user(pupil_user).sudo().mentorship_mentee_confirmed = True
        states = self._attendee_states(meeting)
        self.assertEqual(states[first.partner_id], "accepted")
        self.assertEqual(states[second.partner_id], "needsAction")
        self.assertEqual(states[group.mentor_id.partner_id], "needsAction")

    def test_nobody_answers_for_a_mentor_with_an_account(self):
        """The invitations follow the confirmations only: a refused
        confirmation (the curator's, for a mentor who confirms themselves)
        leaves them as they were."""
        staff = self._school_user("meeting_staff_mentor", "mentorship_core.group_mentorship_mentor")
        mentor = self._mentor("Staff Meeting Mentor", partner=staff.partner_id)
        pair = self._pair(mentor, self._mentee("Staff Meeting Mentee"), state="candidate")
        meeting = self._meeting(datetime(2025, 9, 10, 15), "organisational", mentor=False, mentee=False, pair=pair)
        meeting.write({"partner_ids": [Command.set((staff.partner_id | pair.mentee_ids.partner_id).ids)]})
        with self.assertRefused("cannot confirm the attendance of the other side", AccessError):
            self._as_curator(meeting).mentorship_mentor_confirmed = True
        self.assertEqual(self._attendee_states(meeting)[staff.partner_id], "needsAction")
        meeting.with_user(staff).with_context(allowed_company_ids=self.school.ids).mentorship_mentor_confirmed = True
        self.assertEqual(self._attendee_states(meeting)[staff.partner_id], "accepted")

    def test_meetings_open_in_the_mentorship_form(self):
        """Mentorship's meetings open in their own form, the pair, the type,
        the attendance and the minutes first; Odoo's calendar keeps its own."""
        form = self.env.ref("mentorship_core.calendar_event_view_form_mentorship")
        action = self.pair.action_schedule_meeting()
        self.assertEqual(action["views"], [(form.id, "form")])
        meetings_action = self.env.ref("mentorship_core.mentorship_meeting_action")
        self.assertIn(form, meetings_action.view_ids.view_id)
        arch = self.env["calendar.event"].get_view(form.id, "form")["arch"]
        for field_name in ("mentorship_pair_id", "mentorship_meeting_type", "mentorship_is_held"):
            self.assertLess(arch.index(f'name="{field_name}"'), arch.index("<notebook"))
        self.assertLess(arch.index('name="mentorship_minutes"'), arch.index("<notebook"))
        self.assertNotIn('name="current_status"', arch, "held meetings do not ask whether one goes")
        calendar_arch = self.env["calendar.event"].get_view(self.env.ref("calendar.view_calendar_event_form").id)
        self.assertNotIn("mentorship_", calendar_arch["arch"])

    def test_demo_meetings_are_organised_by_people(self):
        """The demo's meetings are organised by the mentor or the curator,
        never by OdooBot, and a held one has both sides' invitations
        accepted."""
        demo = self.env["ir.model.data"].search([("module", "=", "mentorship_core"), ("model", "=", "calendar.event")])
        meetings = self.env["calendar.event"].browse(demo.mapped("res_id"))
        self.assertTrue(meetings, "the tests run on a database with demo data")
        self.assertNotIn(self.env.ref("base.user_root"), meetings.user_id)
        for meeting in meetings.filtered("mentorship_is_held"):
            side_partners = (
                meeting.mentorship_pair_id.mentor_id.partner_id | meeting.mentorship_pair_id.mentee_ids.partner_id
            )
            answered = meeting.attendee_ids.filtered(lambda attendee: attendee.partner_id in side_partners)
            self.assertEqual(set(answered.mapped("state")), {"accepted"}, meeting.name)
