from datetime import datetime, timedelta

from lxml import etree

from odoo import Command
from odoo.tests import TransactionCase, tagged
from odoo.tools.safe_eval import safe_eval

from .common import MentorshipRolesCase


@tagged("post_install", "-at_install")
class TestCuratorBackoffice(MentorshipRolesCase, TransactionCase):
    """The curator's screens: meetings from the pair, readiness for approval,
    the mentor offered to a pair, the landing page and the reports."""

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
        meeting = self._as("curator", "calendar.event").with_context(**context).create({})
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

    # --- 13. readiness for approval, the mentor offered -------------------------

    def test_readiness_lists_what_approval_would_refuse(self):
        mentor = self._mentor("Untrained Mentor", trained=False, capacity=1)
        mentee = self._mentee("Mentee Without Consent", consent=False)
        pair = self._pair(mentor, mentee, state="agreement")
        as_curator = self._as("curator", "mentorship.pair").browse(pair.id)
        self.assertFalse(as_curator.readiness_ok)
        self.assertEqual(as_curator.readiness_partner_ids, mentor.partner_id | mentee.partner_id)
        states = {partner: partner.mentorship_consent_state for partner in as_curator.readiness_partner_ids}
        self.assertEqual(states, {mentor.partner_id: "valid", mentee.partner_id: "missing"})
        self.assertFalse(as_curator.mentor_is_trained)
        self.assertEqual(as_curator.mentor_free_capacity, 1)
        self.assertTrue(as_curator.readiness_capacity_ok)
        # the curator fixes the consent from the readiness list
        action = as_curator.readiness_partner_ids.filtered(
            lambda partner: partner.mentorship_consent_state == "missing"
        ).action_mentorship_new_consent()
        self.assertEqual((action["res_model"], action["target"]), ("mentorship.consent", "new"))
        self._as("curator", "mentorship.consent").with_context(**action["context"]).create({})
        as_curator.invalidate_recordset()
        self.assertEqual(mentee.partner_id.mentorship_consent_state, "valid")
        self.assertFalse(as_curator.readiness_ok, "the mentor is not trained yet")
        as_curator.training_override_reason = "Trained at the regional centre; certificate on its way"
        self.assertTrue(as_curator.readiness_ok)
        self.assertEqual(self._approve(as_curator), {"type": "ir.actions.act_window_close"})

    def test_readiness_shows_a_mentor_without_room(self):
        mentor = self._mentor("Busy Mentor", capacity=1)
        self._approve(self._pair(mentor, self._mentee("First Mentee")))
        pair = self._as("curator", "mentorship.pair").browse(self._pair(mentor, self._mentee("Second Mentee")).id)
        self.assertEqual(pair.mentor_free_capacity, 0)
        self.assertFalse(pair.readiness_capacity_ok)
        self.assertFalse(pair.readiness_ok)
        action = pair.action_open_mentor()
        self.assertEqual((action["res_model"], action["res_id"]), ("mentorship.mentor", mentor.id))

    def test_consent_of_a_minor_is_prefilled_for_the_parent(self):
        parent = self.users["parent"].partner_id
        child = self._partner("Little Pupil", minor=True, guardians=parent)
        action = child.with_user(self.curator).action_mentorship_new_consent()
        self.assertEqual(action["context"]["default_signer_partner_id"], parent.id)
        consents = child.with_user(self.curator).action_mentorship_open_consents()
        self.assertEqual(consents["domain"], [("partner_id", "=", child.id)])

    def _mentor_domain(self, pair):
        """The domain the pair form gives the mentor field, evaluated on ``pair``."""
        arch = etree.fromstring(self._as("curator", "mentorship.pair").get_view(False, "form")["arch"])
        [node] = arch.xpath("//field[@name='mentor_id']")
        values = {
            "form_mentor_category_ids": pair.form_mentor_category_ids.ids,
            "company_id": pair.company_id.id,
        }
        return safe_eval(node.get("domain"), values), safe_eval(node.get("context"))

    def test_mentor_field_offers_active_mentors_of_the_forms_categories(self):
        candidate = self._mentor("Candidate Teacher")
        candidate.state = "candidate"
        other_school = self._mentor("Teacher of School B", company=self.school_b)
        shared = self._mentor("Shared Teacher", company=self.school_b)
        shared.shared_company_ids = self.school
        Mentors = self._as("curator", "mentorship.mentor")
        domain, context = self._mentor_domain(self.staff_pair)
        offered = Mentors.search(domain)
        self.assertIn(self.staff_mentor, offered)
        self.assertIn(shared, offered)
        self.assertNotIn(self.pupil_mentor, offered, "a pupil mentor is not for the teacher – teacher form")
        self.assertNotIn(candidate, offered)
        self.assertNotIn(other_school, self._as("coordinator", "mentorship.mentor").search(domain))
        pupil_domain, _context = self._mentor_domain(self.pupil_pair)
        self.assertIn(self.pupil_mentor, Mentors.search(pupil_domain))
        # a form with no categories allows every mentor
        self.form_teachers.mentor_category_ids = False
        domain, _context = self._mentor_domain(self.staff_pair)
        self.assertIn(self.pupil_mentor, Mentors.search(domain))
        # and the names tell the free places
        names = dict(Mentors.with_context(**context).name_search("Staff Mentor"))
        name = self.staff_mentor.partner_id.name
        self.assertEqual(names[self.staff_mentor.id], f"{name} (free places: 3)")
        self.assertEqual(Mentors.browse(self.staff_mentor.id).display_name, name)

    # --- 14. landing, reading, reports ---------------------------------------

    def test_mentorship_roles_land_in_mentorship(self):
        home = self.env.ref("mentorship_core.action_mentorship_home")
        for role in ("curator", "coordinator", "staff_mentor", "hr_officer", "director"):
            with self.subTest(role=role):
                self.assertEqual(self.users[role].action_id.id, home.id)
        for role in ("employee", "portal_mentee"):
            with self.subTest(role=role):
                self.assertFalse(self.users[role].action_id)

    def test_home_action_set_when_the_role_is_given_and_a_chosen_one_kept(self):
        home = self.env.ref("mentorship_core.action_mentorship_home")
        employee = self.users["employee"]
        curator_group = self.env.ref("mentorship_core.group_mentorship_curator")
        curator_group.write({"user_ids": [Command.link(employee.id)]})
        self.assertEqual(employee.action_id.id, home.id)
        chosen = self.env.ref("calendar.action_calendar_event")
        hr_officer = self.users["hr_officer"]
        hr_officer.action_id = chosen.id
        hr_officer.write({"group_ids": [Command.link(curator_group.id)]})
        self.assertEqual(hr_officer.action_id.id, chosen.id, "a home action the user chose is kept")
        administrator = self._school_user("test_second_admin", "base.group_system")
        administrator.write(
            {"group_ids": [Command.link(self.env.ref("mentorship_core.group_mentorship_coordinator").id)]}
        )
        self.assertFalse(administrator.action_id, "administrators keep Odoo's own landing")

    def test_plan_activities_have_room_to_read(self):
        """At 1440 px the activity column was squeezed until words broke."""
        arch = etree.fromstring(self._as("curator", "mentorship.plan").get_view(False, "form")["arch"])
        [activity] = arch.xpath("//field[@name='line_ids']/list/field[@name='name']")
        self.assertGreaterEqual(int(activity.get("width", "0").removesuffix("px")), 240)
        hidden = arch.xpath("//field[@name='line_ids']/list/field[@optional='hide']/@name")
        self.assertIn("evidence", hidden)

    def test_pairs_and_meetings_have_pivot_and_graph(self):
        self._meeting(self.pupil_pair, self.users["portal_mentor"])
        for xmlid in ("mentorship_core.mentorship_pair_action", "mentorship_core.mentorship_meeting_action"):
            action = self.env.ref(xmlid)
            with self.subTest(action=xmlid):
                self.assertIn("pivot", action.view_mode.split(","))
                self.assertIn("graph", action.view_mode.split(","))
                views = [
                    (view.view_id.id, view.view_mode)
                    for view in action.view_ids
                    if view.view_mode in ("pivot", "graph")
                ] or [(False, "pivot"), (False, "graph")]
                views = self._as("curator", action.res_model).get_views(views, {"action_id": action.id})
                self.assertEqual(set(views["views"]), {"pivot", "graph"})
        meetings = self._as("curator", "calendar.event").formatted_read_group(
            [("mentorship_pair_id", "!=", False)], ["mentorship_program_id"], ["__count"]
        )
        by_program = {group["mentorship_program_id"][0]: group["__count"] for group in meetings}
        self.assertEqual(by_program.get(self.program_pupils.id), 1)
