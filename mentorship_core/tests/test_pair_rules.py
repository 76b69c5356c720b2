from datetime import date

from psycopg2 import IntegrityError

from odoo import Command
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .common import MentorshipCase


@tagged("post_install", "-at_install")
class TestPairRules(MentorshipCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()
        cls.mentor = cls._mentor("Anna Petrova", capacity=2)
        cls.mentee = cls._mentee("Ivan Sidorov")

    def test_form_refuses_mentor_of_other_category(self):
        pupil_mentor = self._mentor("Senior Pupil", category=self.cat_pupil_mentor)
        with self.assertRefused("does not allow mentors of the category"):
            self._pair(pupil_mentor, self.mentee)
        self.assertTrue(self._pair(self.mentor, self.mentee))

    def test_form_refuses_mentee_of_other_category(self):
        pupil = self._mentee("Pupil Mentee", category=self.cat_pupil)
        with self.assertRefused("does not allow mentees of the category"):
            self._pair(self.mentor, pupil)

    def test_group_needs_two_mentees_and_traditional_one(self):
        second = self._mentee("Olga Smirnova")
        with self.assertRefused("A group needs two or more mentees"):
            self._pair(self.mentor, self.mentee, kind="group")
        with self.assertRefused("exactly one mentee"):
            self._pair(self.mentor, self.mentee | second, kind="traditional")
        group = self._pair(self.mentor, self.mentee | second, kind="group")
        self.assertEqual(len(group.mentee_ids), 2)

    def test_parent_never_mentors_own_child(self):
        parent_partner = self._partner("Parent Kuznetsov")
        parent = self._mentor("Parent Kuznetsov", category=self.cat_parent, partner=parent_partner, consent=False)
        employer_form = self.env.ref("mentorship_core.form_employer_pupil")
        program = self._program(employer_form, "Employers")
        child = self._mentee("Child Kuznetsov", category=self.cat_pupil, minor=True, guardians=parent_partner)
        other_child = self._mentee(
            "Other Child", category=self.cat_pupil, minor=True, guardians=self._partner("Other Parent")
        )
        with self.assertRefused("cannot be their mentor"):
            self._pair(parent, child, program=program)
        self.assertTrue(self._pair(parent, other_child, program=program))

    def test_approval_records_order_number_and_date(self):
        pair = self._pair(self.mentor, self.mentee, state="agreement")
        self._approve(pair, number="45-od", on=date(2025, 10, 1))
        self.assertEqual(pair.state, "approved")
        self.assertEqual((pair.order_number, pair.order_date), ("45-od", date(2025, 10, 1)))
        self.assertIn("45-od", pair.message_ids[0].body)

    def test_approval_without_order_is_refused(self):
        pair = self._pair(self.mentor, self.mentee, state="agreement")
        with self.assertRefused("approved by an order"):
            pair.stage_id = self.stage["approved"]

    def test_minor_needs_guardian_consent(self):
        pupil_mentor = self._mentor("Senior Pupil", category=self.cat_pupil_mentor)
        mother = self._partner("Mother Orlova")
        pupil = self._mentee("Pupil Orlov", category=self.cat_pupil, minor=True, guardians=mother, consent=False)
        pair = self._pair(pupil_mentor, pupil, program=self.program_pupils)
        with self.assertRefused("Pupil Orlov.*signed by a parent or legal guardian"):
            self._approve(pair)
        self.assertEqual(pair.state, "matching", "nothing half-written")
        with self.assertRefused("must be signed by one of their parents"):
            self._consent(pupil.partner_id)
        self._consent(pupil.partner_id, signer=mother)
        self._approve(pair)
        self.assertEqual(pair.state, "approved")

    def test_adult_participant_needs_own_consent(self):
        mentor = self._mentor("No Consent Mentor", consent=False)
        pair = self._pair(mentor, self.mentee)
        with self.assertRefused("No Consent Mentor"):
            self._approve(pair)
        with self.assertRefused("signs their own consent"):
            self._consent(mentor.partner_id, signer=self.mentee.partner_id)
        self._consent(mentor.partner_id)
        self._approve(pair)
        self.assertEqual(pair.state, "approved")

    def test_untrained_mentor_needs_override_reason(self):
        mentor = self._mentor("Untrained Mentor", trained=False)
        pair = self._pair(mentor, self.mentee)
        with self.assertRefused("has not been trained yet"):
            self._approve(pair)
        pair.training_override_reason = "Course booked for October; experienced teacher"
        self._approve(pair)
        self.assertEqual(pair.state, "approved")
        self.env.cr.precommit.run()  # tracking values are written at commit
        tracked = pair.message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "training_override_reason"
        )
        self.assertEqual(tracked.new_value_text, "Course booked for October; experienced teacher")

    def test_training_record_makes_mentor_trained(self):
        mentor = self._mentor("Learning Mentor", trained=False)
        self.env["mentorship.mentor.training"].create(
            {"mentor_id": mentor.id, "name": "Mentoring basics", "hours": 36, "date": date(2025, 8, 20)}
        )
        self.assertTrue(mentor.is_trained)

    def test_capacity_counts_running_pairs(self):
        mentor = self._mentor("Busy Mentor", capacity=1)
        first, second = self.mentee, self._mentee("Second Mentee")
        pair_one = self._pair(mentor, first)
        pair_two = self._pair(mentor, second)
        self._approve(pair_one)
        self.assertEqual(mentor.running_mentee_count, 1)
        with self.assertRefused("takes 1 mentee"):
            self._approve(pair_two)
        self.assertEqual(pair_two.state, "matching")
        pair_one.action_start_work()
        pair_one.action_complete()
        self.assertEqual(mentor.running_mentee_count, 0)
        self._approve(pair_two)
        self.assertEqual(mentor.running_mentee_count, 1)

    def test_pipeline_end_to_end(self):
        pair = self._pair(self.mentor, self.mentee, state="candidate")
        for state in ("matching", "agreement"):
            pair.stage_id = self.stage[state]
            self.assertEqual(pair.state, state)
        self._approve(pair)
        pair.action_start_work()
        self.assertEqual(pair.state, "working")
        self.assertTrue(self.mentee.has_pair)
        self.assertEqual(self.mentee.current_pair_id, pair)
        pair.action_complete()
        self.assertEqual(pair.state, "completed")
        self.assertFalse(self.mentee.has_pair)
        self.assertEqual(self.program_teachers.pair_count, 1)
        self.assertEqual(self.program_teachers.mentee_count, 1)

    def test_revoked_consent_dissolves_running_pair(self):
        pair = self._pair(self.mentor, self.mentee)
        self._approve(pair)
        pair.action_start_work()
        consent = self.mentee.partner_id.mentorship_consent_ids
        wizard = self.env["mentorship.consent.revoke.wizard"].create(
            {"consent_ids": [Command.set(consent.ids)], "reason": "Withdrawn by letter"}
        )
        wizard.action_revoke()
        self.assertEqual(consent.state, "revoked")
        self.assertEqual(pair.state, "dissolved")
        self.assertIn("Withdrawn by letter", pair.dissolution_reason)
        self.assertIn("Withdrawn by letter", pair.message_ids[0].body)
        self.assertFalse(self.mentee.has_valid_consent)

    def test_mentee_without_pair_gets_follow_up_activity(self):
        lonely = self._mentee("Lonely Mentee")
        self.assertIn(lonely, self.env["mentorship.mentee"].search([("has_pair", "=", False)]))
        wizard = self.env["mentorship.mentee.unpaired.wizard"].create(
            {
                "mentee_ids": [Command.set(lonely.ids)],
                "reason": "No mentor with a maths background",
                "follow_up": "Psychologist support",
                "user_id": self.curator.id,
            }
        )
        wizard.action_confirm()
        self.assertEqual(lonely.unpaired_reason, "No mentor with a maths background")
        self.assertEqual(lonely.activity_ids.summary, "Psychologist support")
        self.assertEqual(lonely.activity_ids.user_id, self.curator)

    def test_coverage_of_program(self):
        self._mentee("Unpaired Teacher")
        pair = self._pair(self.mentor, self.mentee)
        self._approve(pair)
        # two eligible mentees of the form's categories in the school, one paired
        self.assertAlmostEqual(self.program_teachers.coverage, 50.0)

    def test_duplicate_person_is_flagged(self):
        twin = self._partner("Ivan Sidorov")
        self.assertIn(twin, self.mentee.duplicate_partner_ids)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self.env["mentorship.mentee"].create(
                {"partner_id": self.mentee.partner_id.id, "company_id": self.school.id}
            )
