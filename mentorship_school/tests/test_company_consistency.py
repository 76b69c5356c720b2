"""Records of a school link only to the pupils, teachers, pairs and partners
of that school (or shared ones): no crossover between the schools of a
department."""

from datetime import date

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from odoo.addons.mentorship_core.tests.common import MentorshipRolesCase

from .common import import_marks

CROSSOVER = "company inconsistencies"


@tagged("post_install", "-at_install")
class TestCompanyConsistency(MentorshipRolesCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_municipality()
        cls.pupil_a = cls._pupil("Pupil of School A", "A-1", cls.school)
        cls.pupil_b = cls._pupil("Pupil of School B", "B-1", cls.school_b)
        cls.teacher_b = cls.env["hr.employee"].create({"name": "Teacher of School B", "company_id": cls.school_b.id})
        cls.period = cls.env["mentorship.school.period"].create(
            {"name": "Test quarter", "date_start": date(2025, 9, 1), "date_end": date(2025, 10, 31)}
        )
        cls.maths = cls.env.ref("mentorship_school.subject_mathematics")
        cls.physics = cls.env.ref("mentorship_school.subject_physics")

    @classmethod
    def _pupil(cls, name, code, company):
        return (
            cls.env["res.partner"]
            .with_company(company)
            .create({"name": name, "mentorship_is_pupil": True, "mentorship_pupil_code": code})
        )

    def test_marks_results_and_achievements_stay_in_the_pupils_school(self):
        mark = {"period_id": self.period.id, "subject_id": self.maths.id, "average": 4.5, "company_id": self.school.id}
        exam = {"exam": "oge", "subject_id": self.maths.id, "date": date(2026, 5, 20), "company_id": self.school.id}
        achievement = {"name": "Maths olympiad", "date": date(2026, 2, 1), "company_id": self.school.id}
        for model, values in (
            ("mentorship.school.mark", mark),
            ("mentorship.school.exam.result", exam),
            ("mentorship.school.achievement", achievement),
        ):
            with self.subTest(model=model):
                Model = self._as("coordinator", model)
                with self.assertRefused(CROSSOVER, UserError):
                    Model.create({**values, "partner_id": self.pupil_b.id})
                record = Model.create({**values, "partner_id": self.pupil_a.id})
                with self.assertRefused(CROSSOVER, UserError):
                    record.company_id = self.school_b
                self.assertEqual(record.company_id, self.school)
        for model, values in (("mentorship.school.mark", mark), ("mentorship.school.exam.result", exam)):
            with self.subTest(model=model, field="teacher_id"), self.assertRefused(CROSSOVER, UserError):
                self._as("coordinator", model).create(
                    {
                        **values,
                        "partner_id": self.pupil_a.id,
                        "subject_id": self.physics.id,
                        "teacher_id": self.teacher_b.id,
                    }
                )

    def _as_department(self, model):
        """The coordinator working in the department, with its schools allowed."""
        return self._as("coordinator", model).with_context(
            allowed_company_ids=[self.department.id, self.school.id, self.school_b.id]
        )

    def test_imported_marks_belong_to_each_pupils_school(self):
        """The department imports for its schools: each mark lands in its
        pupil's school, where that school's curator sees it, and only there."""
        content = (
            "pupil_code;period;subject;average\nA-1;Test quarter;Mathematics;4,5\nB-1;Test quarter;Mathematics;3\n"
        )
        mark_import = import_marks(self, self._as_department("res.partner").env, content.encode())
        self.assertEqual((mark_import.state, mark_import.rows_created), ("done", 2))
        marks = self.env["mentorship.school.mark"].search([("period_id", "=", self.period.id)])
        self.assertEqual(
            {(mark.partner_id, mark.company_id) for mark in marks},
            {(self.pupil_a, self.school), (self.pupil_b, self.school_b)},
        )
        domain = [("period_id", "=", self.period.id)]
        self.assertEqual(self._as("curator", "mentorship.school.mark").search(domain).partner_id, self.pupil_a)
        self.assertEqual(self._as("curator_b", "mentorship.school.mark").search(domain).partner_id, self.pupil_b)
        self.assertEqual(mark_import.company_id, self.department)
        self.assertEqual(self._as_department("mentorship.school.mark").search_count(domain), 2)

    def test_a_school_imports_marks_of_its_own_pupils_only(self):
        """A curator's file naming the other school's pupil: an unknown pupil
        for them, and nothing written, not even the own pupil's mark."""
        content = (
            "pupil_code;period;subject;average\nA-1;Test quarter;Mathematics;4,5\nB-1;Test quarter;Mathematics;3\n"
        )
        mark_import = import_marks(self, self._as("curator"), content.encode())
        self.assertEqual((mark_import.state, mark_import.rows_bad), ("failed", 1))
        self.assertIn("Row 3: unknown pupil code 'B-1'", mark_import.result)
        self.assertFalse(self.env["mentorship.school.mark"].search([("period_id", "=", self.period.id)]))

    def test_records_created_without_an_organisation_take_the_pupils_school(self):
        """Through base import or XML-RPC as the department: the pupil's school."""
        values = {
            "mentorship.school.mark": {"period_id": self.period.id, "subject_id": self.maths.id, "average": 4},
            "mentorship.school.exam.result": {"exam": "oge", "subject_id": self.maths.id, "date": date(2026, 5, 20)},
            "mentorship.school.achievement": {"name": "Maths olympiad", "date": date(2026, 2, 1)},
        }
        for model, vals in values.items():
            with self.subTest(model=model):
                record = self._as_department(model).create({**vals, "partner_id": self.pupil_b.id})
                self.assertEqual(record.company_id, self.school_b)

    def test_agreements_and_employers_of_another_school_are_refused(self):
        plant_b = self.env["res.partner"].create(
            {"name": "Plant of B", "is_company": True, "company_id": self.school_b.id}
        )
        plant = self.env["res.partner"].create({"name": "Shared Plant", "is_company": True})
        Agreement = self._as("curator", "mentorship.partnership.agreement")
        values = {"number": "1/2026", "date_start": date(2026, 1, 1), "company_id": self.school.id}
        with self.assertRefused(CROSSOVER, UserError):
            Agreement.create({**values, "partner_id": plant_b.id})
        self.assertEqual(Agreement.create({**values, "partner_id": plant.id}).partner_id, plant)
        mentor = self._as("curator", "mentorship.mentor").browse(self.staff_mentor.id)
        with self.assertRefused(CROSSOVER, UserError):
            mentor.employer_partner_id = plant_b
        mentor.employer_partner_id = plant
        self.assertEqual(self.staff_mentor.employer_partner_id, plant)

    def test_a_school_nominates_only_its_own_pairs(self):
        contest = self.env["mentorship.contest"].create({"name": "Best Pair 2026", "nomination": "best_pair"})
        contest.action_open_nominations()
        Entry = self._as("coordinator", "mentorship.contest.entry")
        with self.assertRefused(f"{CROSSOVER}|nominates its own", UserError):
            Entry.create({"contest_id": contest.id, "pair_id": self.staff_pair.id, "company_id": self.school_b.id})
        entry = Entry.create({"contest_id": contest.id, "pair_id": self.pair_b.id, "company_id": self.school_b.id})
        self.assertEqual(contest.entry_ids, entry)
