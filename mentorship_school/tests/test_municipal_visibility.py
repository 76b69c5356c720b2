"""Several schools of one education department: what each curator, the
coordinator and a mentor shared by two schools see and may do."""

from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.mentorship_core.tests.common import MentorshipRolesCase


@tagged("post_install", "-at_install")
class TestMunicipalVisibility(MentorshipRolesCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_municipality()
        cls.shared_mentor = cls._mentor("Shared Mentor", capacity=2)
        cls.pupil_a = (
            cls.env["res.partner"]
            .with_company(cls.school)
            .create(
                {"name": "Pupil of School A", "mentorship_is_pupil": True, "mentorship_birthdate": date(2012, 1, 1)}
            )
        )

    def test_curators_never_see_pupils_of_another_school(self):
        self.assertEqual(self.pupil_a.company_id, self.school)
        partners_b = self._as("curator_b", "res.partner")
        self.assertFalse(partners_b.search([("id", "=", self.pupil_a.id)]))
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            partners_b.browse(self.pupil_a.id).read(["name"])
        self.assertTrue(self._as("curator", "res.partner").search([("id", "=", self.pupil_a.id)]))
        self.assertTrue(self._as("coordinator", "res.partner").search([("id", "=", self.pupil_a.id)]))

    def test_mentor_of_school_a_mentors_in_school_b_once_shared(self):
        mentee_b = self._mentee("Teacher of School B", company=self.school_b)
        Pair = self._as("curator_b", "mentorship.pair")
        values = {
            "program_id": self.program_b.id,
            "mentor_id": self.shared_mentor.id,
            "mentee_ids": [Command.set(mentee_b.ids)],
            "stage_id": self.stage["matching"].id,
        }
        with self.assertRefused("has not shared them with Test School No. 2"):
            self.env["mentorship.pair"].create(values)
        self.shared_mentor.shared_company_ids = self.school_b
        mentors_b = self._as("curator_b", "mentorship.mentor")
        self.assertEqual(mentors_b.search([("id", "=", self.shared_mentor.id)]), self.shared_mentor)
        pair_b = Pair.create(values)
        self._approve(pair_b)
        self.assertEqual(pair_b.state, "approved")
        # capacity 2 counts both schools: one mentee in A fills it, a second one in A is refused
        pair_a = self._pair(self.shared_mentor, self._mentee("Teacher of School A"))
        self._approve(pair_a)
        self.assertEqual(self.shared_mentor.running_mentee_count, 2)
        third = self._pair(self.shared_mentor, self._mentee("Another Teacher of School A"))
        with self.assertRefused("takes 2 mentee"):
            self._approve(third)
        # each curator sees only the pairs of their own school
        self.assertEqual(self._as("curator", "mentorship.pair").search([]) & (pair_a | pair_b), pair_a)
        self.assertEqual(Pair.search([]), self.pair_b | pair_b)
        coordinator_pairs = self._as("coordinator", "mentorship.pair")
        self.assertEqual(coordinator_pairs.search([("mentor_id", "=", self.shared_mentor.id)]), pair_a | pair_b | third)

    def test_coordinator_sees_every_school_of_the_department(self):
        pairs = self._as("coordinator", "mentorship.pair").search([])
        self.assertEqual(set(pairs.company_id.ids), {self.school.id, self.school_b.id})
        self.assertEqual(pairs, self.staff_pair | self.pupil_pair | self.other_pair | self.pair_b)
        with self.assertRaises(ValidationError):
            self._pair(
                self._mentor("Mentor A2"), self._mentee("Mentee B2", company=self.school_b), program=self.program_b
            )
