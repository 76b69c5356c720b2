from datetime import datetime, timedelta

from lxml import etree

from odoo import Command
from odoo.tests import TransactionCase, tagged
from odoo.tools.safe_eval import safe_eval

from .common import MentorshipRolesCase


@tagged("post_install", "-at_install")
class TestCuratorBackoffice(MentorshipRolesCase, TransactionCase):
    """The curator's screens: meetings from the pair."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_municipality()

    def _meeting(self, pair, organiser, days_ago=3, held=True, **values):
        """A meeting as the portal or the calendar creates it: organised by
        ``organiser`` (Odoo takes the creating user)."""
        start = datetime.now().replace(microsecond=0) - timedelta(days=days_ago)
        return (
            self.env["calendar.event"]
            .with_user(organiser)
            .sudo()
            .create(
                {
                    "name": "Meeting",
                    "start": start,
                    "stop": start + timedelta(hours=1),
                    "mentorship_pair_id": pair.id,
                    "mentorship_meeting_type": "organisational",
                    "mentorship_mentor_confirmed": held,
                    "mentorship_mentee_confirmed": held,
                    **values,
                }
            )
        )

    # --- 12. meetings from the pair -------------------------------------------

    def test_schedule_meeting_prefills_the_new_meeting(self):
        pair = self._as("curator", "mentorship.pair").browse(self.staff_pair.id)
        action = pair.action_schedule_meeting()
        self.assertEqual((action["res_model"], action["view_mode"]), ("calendar.event", "form"))
        self.assertFalse(action.get("res_id"))
        context = action["context"]
        self.assertEqual(context["default_mentorship_pair_id"], pair.id)
        self.assertEqual(context["default_mentorship_meeting_type"], "organisational")
        self.assertEqual(context["default_name"], f"Organisational meeting: {pair.name}")
        meeting = self._as("curator", "calendar.event").with_context(context).create({})
        self.assertEqual(meeting.mentorship_pair_id, self.staff_pair)
        self.assertEqual(meeting.partner_ids, self.staff_mentor.partner_id | self.teacher_mentee.partner_id)
        self.assertEqual(meeting.name, f"Organisational meeting: {pair.name}")
        self.assertEqual(meeting.user_id, self.curator, "the curator organises it without attending")

    def test_subject_follows_the_sequence_and_the_language(self):
        self._meeting(self.staff_pair, self.users["staff_mentor"])
        pair = self._as("curator", "mentorship.pair").browse(self.staff_pair.id)
        self.assertEqual(pair.action_schedule_meeting()["context"]["default_name"], f"Trial meeting: {pair.name}")
        self.env["res.lang"]._activate_lang("ru_RU")
        self.env["ir.module.module"].search([("name", "=", "mentorship_core")])._update_translations(["ru_RU"])
        russian = pair.with_context(lang="ru_RU").action_schedule_meeting()["context"]["default_name"]
        self.assertEqual(russian, f"Пробная рабочая встреча: {pair.name}")

    def test_calendar_of_meetings_is_not_filtered_by_attendee(self):
        """Odoo's calendar shows only the meetings of the checked attendees;
        the mentorship one shows every meeting of the pairs the user reads."""
        action = self.env.ref("mentorship_core.mentorship_meeting_action")
        calendar = action.view_ids.filtered(lambda view: view.view_mode == "calendar").view_id
        arch = etree.fromstring(self._as("curator", "calendar.event").get_view(calendar.id, "calendar")["arch"])
        self.assertFalse(arch.get("js_class"), "not Odoo's attendee calendar")
        self.assertFalse(arch.xpath("//field[@name='partner_ids'][@filters]"))
        meeting = self._meeting(self.staff_pair, self.users["staff_mentor"], partner_ids=[Command.clear()])
        Meetings = self._as("curator", "calendar.event")
        self.assertIn(meeting, Meetings.search(safe_eval(action.domain)))
        self.assertIn(meeting, Meetings.search([("mentorship_program_id", "=", self.program_teachers.id)]))
        self.assertIn(meeting, Meetings.search([("mentorship_mentor_id", "=", self.staff_mentor.id)]))

    def test_counts_meetings_of_organisers_without_calendar_settings(self):
        """The pair showed "0 / 0 held" while its tab listed its meetings:
        Odoo's privacy filter of grouped reads dropped the meetings logged by
        a portal mentor (who has no calendar settings) or marked private."""
        self._meeting(self.pupil_pair, self.users["portal_mentor"])
        self._meeting(self.pupil_pair, self.users["portal_mentor"], days_ago=2, held=False)
        self._meeting(
            self.pupil_pair, self.users["staff_mentor"], days_ago=1, privacy="private", mentorship_meeting_type="trial"
        )
        pair = self._as("curator", "mentorship.pair").browse(self.pupil_pair.id)
        self.assertEqual((pair.held_meeting_count, pair.meeting_count), (2, 3))
        self.assertEqual(len(pair.meeting_ids), 3)
        self.assertEqual(pair.next_meeting_type, "planning", "the private trial meeting counts too")
        by_type = dict(
            self._as("curator", "calendar.event")._read_group(
                [("mentorship_pair_id", "=", pair.id)], ["mentorship_meeting_type"], ["__count"]
            )
        )
        self.assertEqual(by_type, {"organisational": 2, "trial": 1})

    def test_private_events_outside_mentorship_stay_private(self):
        """The fix is for meetings of pairs: another user's private event
        still stays out of the curator's grouped reads."""
        start = datetime(2025, 10, 1, 10)
        private = self._as("employee", "calendar.event").create(
            {"name": "Dentist", "start": start, "stop": start + timedelta(hours=1), "privacy": "private"}
        )
        counts = self._as("curator", "calendar.event")._read_group([("id", "=", private.id)], ["name"], ["__count"])
        self.assertEqual(counts, [])
