"""The rules of the back office hold whatever the path: each test works
through the ORM (what XML-RPC and import use) as the role that tripped on it."""

import xmlrpc.client
from datetime import date, timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .common import MentorshipRolesCase


@tagged("post_install", "-at_install")
class TestRoleRules(MentorshipRolesCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_municipality()

    # --- 1. only a curator approves ------------------------------------------

    def test_staff_mentor_cannot_move_or_approve_own_pair(self):
        pair = self._as("staff_mentor", "mentorship.pair").browse(self.staff_pair.id)
        attempts = [
            {"stage_id": self.stage["approved"].id, "order_number": "7-o", "order_date": date(2025, 9, 1)},
            {"stage_id": self.stage["dissolved"].id, "dissolution_reason": "I am tired"},
            {"stage_id": self.stage["candidate"].id},
            {"order_number": "7-o"},
            {"training_override_reason": "I approve myself"},
        ]
        for values in attempts:
            with self.subTest(values=values), mute_logger("odoo.models"), self.assertRaises(AccessError):
                pair.write(values)
        self.assertEqual(self.staff_pair.state, "agreement")
        self.assertFalse(self.staff_pair.order_number)
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            pair.action_start_work()
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            self._as("staff_mentor", "mentorship.pair").create(
                {"program_id": self.program_teachers.id, "mentee_ids": [Command.set(self.teacher_mentee.ids)]}
            )

    def test_curator_moves_approves_and_dissolves_with_reason(self):
        pair = self._as("curator", "mentorship.pair").browse(self.staff_pair.id)
        self._approve(pair)
        self.assertEqual(pair.state, "approved")
        self.assertTrue(pair.action_start_work())
        with self.assertRefused("Give the reason to dissolve"):
            pair.stage_id = self.stage["dissolved"]
        wizard = self._as("curator", "mentorship.pair.dissolve.wizard").create(
            {"pair_ids": [Command.set(pair.ids)], "reason": "The mentee moved to another town"}
        )
        wizard.action_dissolve()
        self.assertEqual(pair.state, "dissolved")
        self.assertEqual(pair.dissolution_reason, "The mentee moved to another town")
        self.assertIn("moved to another town", pair.message_ids[0].body)
        with self.assertRefused("already finished", UserError):
            wizard.action_dissolve()

    def test_approval_message_dates_read_as_the_user_writes_them(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        env = self._as("curator")
        curator = env(context=dict(env.context, lang="fr_FR"))
        pair = curator["mentorship.pair"].browse(self.staff_pair.id)
        self._approve(pair, on=date(2025, 9, 15))
        body = pair.message_ids.filtered(lambda message: "12-o" in message.body)[:1].body
        self.assertIn("15/09/2025", body)
        self.assertNotIn("2025-09-15", body)

    def test_demo_chatter_has_no_english_creation_log(self):
        """Odoo logs a creation in the language of the install, which is not
        the users' one: the demo records are created without it."""
        demo_pairs = self.env["ir.model.data"].search(
            [("model", "=", "mentorship.pair"), ("module", "=", "mentorship_core")]
        )
        self.assertTrue(demo_pairs, "the tests run on a database with demo data")
        messages = self.env["mail.message"].search(
            [("model", "=", "mentorship.pair"), ("res_id", "in", demo_pairs.mapped("res_id"))]
        )
        self.assertFalse(messages.filtered(lambda message: "created" in (message.body or "")))

    # --- 2. meetings are private to their pair --------------------------------

    def _meeting(self, pair, days=-1, **values):
        start = fields.Datetime.now().replace(microsecond=0) + timedelta(days=days)
        return (
            self.env["calendar.event"]
            .with_context(no_mail_to_attendees=True)
            .create(
                {
                    "name": "Meeting",
                    "mentorship_pair_id": pair.id,
                    "start": start,
                    "stop": start + timedelta(hours=1),
                    "mentorship_minutes": "The pupil struggles with reading (confidential)",
                    **values,
                }
            )
        )

    def test_meetings_are_read_by_their_pair_and_working_group_only(self):
        meeting = self._meeting(self.other_pair)
        meeting_b = self._meeting(self.pair_b)
        both = [("id", "in", (meeting | meeting_b).ids)]
        for role in ("staff_mentor", "hr_officer", "employee", "curator_b"):
            with self.subTest(role=role):
                events = self._as(role, "calendar.event")
                self.assertFalse(events.search(both) & meeting)
                with mute_logger("odoo.models"), self.assertRaises(AccessError):
                    events.browse(meeting.id).read(["mentorship_minutes"])
                with mute_logger("odoo.models"), self.assertRaises(AccessError):
                    events.browse(meeting.id).write({"mentorship_minutes": "changed"})
        self.assertEqual(self._as("curator", "calendar.event").search(both), meeting)
        self.assertEqual(self._as("coordinator", "calendar.event").search(both), meeting | meeting_b)
        own = self._meeting(self.staff_pair)
        self.assertEqual(
            self._as("staff_mentor", "calendar.event").browse(own.id).mentorship_minutes, own.mentorship_minutes
        )
        # events that are not mentorship meetings keep Odoo's rules
        party = self.env["calendar.event"].create(
            {"name": "Staff party", "start": fields.Datetime.now(), "stop": fields.Datetime.now() + timedelta(hours=1)}
        )
        self.assertTrue(self._as("employee", "calendar.event").search([("id", "=", party.id)]))

    def test_each_side_confirms_only_its_own_attendance(self):
        meeting = self._meeting(self.staff_pair)
        as_mentor = self._as("staff_mentor", "calendar.event").browse(meeting.id)
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            as_mentor.write({"mentorship_mentee_confirmed": True})
        as_mentor.mentorship_mentor_confirmed = True
        self.assertFalse(meeting.mentorship_is_held)
        # the young teacher has no account: the curator records her attendance
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            self._as("curator", "calendar.event").browse(meeting.id).write({"mentorship_mentor_confirmed": False})
        self._as("curator", "calendar.event").browse(meeting.id).mentorship_mentee_confirmed = True
        self.assertTrue(meeting.mentorship_is_held)
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            self._as("staff_mentor", "calendar.event").create(
                {
                    "name": "Logged",
                    "mentorship_pair_id": self.staff_pair.id,
                    "start": fields.Datetime.now() - timedelta(days=2),
                    "stop": fields.Datetime.now() - timedelta(days=2, hours=-1),
                    "mentorship_mentee_confirmed": True,
                }
            )

    def test_a_future_meeting_cannot_count_as_held(self):
        with self.assertRefused("has not taken place yet"):
            self._meeting(self.staff_pair, days=7, mentorship_mentor_confirmed=True, mentorship_mentee_confirmed=True)
        held = self._meeting(self.staff_pair, mentorship_mentor_confirmed=True, mentorship_mentee_confirmed=True)
        self.assertTrue(held.mentorship_is_held)
        with self.assertRefused("has not taken place yet"):
            held.start = fields.Datetime.now() + timedelta(days=7)

    # --- 4. organisations stay consistent ------------------------------------

    def test_mentee_of_another_school_is_refused(self):
        mentee_a = self._mentee("Teacher of School A")
        with mute_logger("odoo.models"), self.assertRaisesRegex(UserError, "(?i)compan"):
            self._as("curator_b", "mentorship.pair").create(
                {
                    "program_id": self.program_b.id,
                    "mentor_id": self.pair_b.mentor_id.id,
                    "mentee_ids": [Command.set(mentee_a.ids)],
                }
            )

    def test_plan_lines_and_trainings_follow_their_parent(self):
        plan = self.env["mentorship.plan"].create(
            {
                "name": "Plan B",
                "pair_id": self.pair_b.id,
                "date_start": date(2025, 9, 1),
                "date_end": date(2026, 3, 1),
                "line_ids": [Command.create({"name": "Lesson visits"})],
            }
        )
        training = self._training(self.pair_b.mentor_id)
        for model, record in (("mentorship.plan.line", plan.line_ids), ("mentorship.mentor.training", training)):
            with self.subTest(model=model):
                self.assertFalse(self._as("curator", model).search([("id", "=", record.id)]))
                with mute_logger("odoo.models"), self.assertRaises(AccessError):
                    self._as("curator", model).browse(record.id).read(["name"])
                self.assertTrue(self._as("curator_b", model).search([("id", "=", record.id)]))

    def test_staff_mentor_reads_only_own_trainings(self):
        own = self._training(self.staff_mentor)
        colleague = self._training(self.other_pair.mentor_id)
        trainings = self._as("staff_mentor", "mentorship.mentor.training")
        self.assertEqual(trainings.search([("id", "in", (own | colleague).ids)]), own)
        self.assertEqual(
            self._as("curator", "mentorship.mentor.training").search([("id", "in", (own | colleague).ids)]),
            own | colleague,
        )

    def _training(self, mentor):
        return self.env["mentorship.mentor.training"].create(
            {"mentor_id": mentor.id, "name": "Course", "date": date(2025, 8, 1)}
        )

    def test_revoking_a_shared_mentor_consent_stops_pairs_in_every_school(self):
        shared = self._mentor("Shared Mentor", capacity=2)
        shared.shared_company_ids = self.school_b
        pair_a = self._pair(shared, self._mentee("Mentee in A"))
        pair_b = self._pair(shared, self._mentee("Mentee in B", company=self.school_b), program=self.program_b)
        self._approve(pair_a | pair_b)
        consent = self._as("curator", "mentorship.consent").search([("partner_id", "=", shared.partner_id.id)])
        consent.action_revoke("Withdrawn in writing")
        self.assertEqual((pair_a | pair_b).mapped("state"), ["dissolved", "dissolved"])

    # --- 5. a parent never mentors their own child ---------------------------

    def test_guardian_recorded_after_forming_is_refused_at_approval(self):
        father = self.pupil_mentor.partner_id
        self.pupil_mentee.partner_id.mentorship_guardian_ids = [Command.link(father.id)]
        with self.assertRefused("is a parent or guardian of"):
            self._approve(self._as("curator", "mentorship.pair").browse(self.pupil_pair.id))
        self.assertEqual(self.pupil_pair.state, "agreement")

    # --- 6. bad input: a clear error, nothing stored ---------------------------

    def test_bad_input_is_refused(self):
        curator = self._as("curator")
        pair = curator["mentorship.pair"].browse(self.staff_pair.id)
        with self.assertRefused("cannot end before it starts"):
            pair.write({"date_start": date(2026, 1, 10), "date_end": date(2026, 1, 9)})
        for model, values in (
            ("mentorship.program", {"name": "   "}),
            ("mentorship.plan", {"name": " "}),
            ("mentorship.mentor.training", {"name": "\t"}),
        ):
            record = {
                "mentorship.program": self.program_teachers,
                "mentorship.plan": self.env["mentorship.plan"].create(
                    {
                        "name": "Plan",
                        "pair_id": self.staff_pair.id,
                        "date_start": date(2025, 9, 1),
                        "date_end": date(2026, 1, 1),
                    }
                ),
                "mentorship.mentor.training": self.env["mentorship.mentor.training"].create(
                    {"mentor_id": self.staff_mentor.id, "name": "Course", "date": date(2025, 8, 1)}
                ),
            }[model]
            with self.subTest(model=model), self.assertRefused("cannot be empty or only spaces"):
                curator[model].browse(record.id).write(values)
            self.assertTrue(record.name.strip())
        with self.assertRefused("cannot be empty or only spaces"):
            self._approve(pair, number="   ")
        self.assertEqual(self.staff_pair.state, "agreement")
        with self.assertRefused("in the future"):
            curator["mentorship.consent"].create(
                {
                    "partner_id": self.teacher_mentee.partner_id.id,
                    "signer_partner_id": self.teacher_mentee.partner_id.id,
                    "date": fields.Date.today() + timedelta(days=1),
                }
            )

    def test_capacity_cannot_drop_below_current_mentees(self):
        self._approve(self.staff_pair | self._pair(self.staff_mentor, self._mentee("Second Teacher")))
        self.assertEqual(self.staff_mentor.running_mentee_count, 2)
        with self.assertRefused("has 2 current mentee"):
            self._as("curator", "mentorship.mentor").browse(self.staff_mentor.id).capacity = 1
        self.assertEqual(self.staff_mentor.capacity, 3)
        self.assertEqual(self.staff_mentor.free_capacity, 1)

    # --- 7. buttons answer XML-RPC ----------------------------------------------

    def test_public_buttons_return_something_xmlrpc_can_send(self):
        curator = self._as("curator")
        pair = curator["mentorship.pair"].browse(self.staff_pair.id)
        program = curator["mentorship.program"].create(
            {
                "name": "New",
                "form_id": self.form_teachers.id,
                "date_start": date(2026, 9, 1),
                "date_end": date(2027, 5, 31),
            }
        )
        mentee = curator["mentorship.mentee"].browse(self.teacher_mentee.id)
        plan = curator["mentorship.plan"].create(
            {"name": "Plan", "pair_id": pair.id, "date_start": date(2025, 9, 1), "date_end": date(2026, 1, 1)}
        )
        self._approve(pair)
        calls = [
            program.action_approve,
            program.action_start,
            program.action_complete,
            program.action_reset_to_draft,
            pair.action_start_work,
            pair.action_complete,
            pair.action_open_dissolve_wizard,
            mentee.action_archive_profile,
            mentee.action_activate,
            plan.action_start,
            plan.action_done,
            curator["mentorship.replacement.request"]
            .create({"pair_id": self.other_pair.id, "mentee_id": self.other_pair.mentee_ids.id, "reason": "No"})
            .action_reject,
        ]
        for call in calls:
            with self.subTest(call=call.__name__):
                result = call()
                self.assertIsNotNone(result)
                xmlrpc.client.dumps((result,), allow_none=False)
