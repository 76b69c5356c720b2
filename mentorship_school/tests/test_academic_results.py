import base64
import io
from datetime import date

import xlsxwriter

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from odoo.addons.mentorship_core.tests.common import MentorshipCase

HEADER = "pupil_code;period;subject;average"


@tagged("post_install", "-at_install")
class TestAcademicResults(MentorshipCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()
        Period = cls.env["mentorship.school.period"]
        cls.periods = Period.create(
            [
                {"name": "Q1", "date_start": date(2025, 9, 1), "date_end": date(2025, 10, 31)},
                {"name": "Q2", "date_start": date(2025, 11, 1), "date_end": date(2025, 12, 31)},
                {"name": "Q3", "date_start": date(2026, 1, 1), "date_end": date(2026, 3, 31)},
                {"name": "Q4", "date_start": date(2026, 4, 1), "date_end": date(2026, 5, 31)},
            ]
        )
        cls.maths = cls.env.ref("mentorship_school.subject_mathematics")
        cls.physics = cls.env.ref("mentorship_school.subject_physics")

    def _pupil_mentee(self, name, code):
        mentee = self._mentee(name, category=self.cat_pupil)
        mentee.partner_id.write({"mentorship_is_pupil": True, "mentorship_pupil_code": code})
        return mentee

    def _marks(self, pupil, averages):
        """averages: {(period index, subject): average}"""
        self.env["mentorship.school.mark"].create(
            [
                {"partner_id": pupil.id, "period_id": self.periods[index].id, "subject_id": subject.id, "average": avg}
                for (index, subject), avg in averages.items()
            ]
        )

    def test_dynamics_computed_by_hand(self):
        mentee = self._pupil_mentee("Pupil Dynamics", "P-1")
        pupil = mentee.partner_id
        # before the start (Q1, Q2): maths 3.0 & physics 3.4 -> 3.2; Q2 maths 3.6 -> period averages 3.2 and 3.6
        # since the start (Q3, Q4): Q3 4.0 & 4.4 -> 4.2; Q4 4.6
        self._marks(
            pupil,
            {
                (0, self.maths): 3.0,
                (0, self.physics): 3.4,
                (1, self.maths): 3.6,
                (2, self.maths): 4.0,
                (2, self.physics): 4.4,
                (3, self.maths): 4.6,
            },
        )
        Achievement = self.env["mentorship.school.achievement"]
        Achievement.create(
            [
                {"partner_id": pupil.id, "name": "School maths olympiad", "date": date(2025, 10, 15)},
                {"partner_id": pupil.id, "name": "Municipal maths olympiad", "date": date(2026, 2, 10)},
                {"partner_id": pupil.id, "name": "Regional physics olympiad", "date": date(2026, 3, 20)},
                {"partner_id": pupil.id, "name": "Robot project", "kind": "project", "date": date(2026, 4, 1)},
            ]
        )
        pupil_mentor = self._mentor("Senior Pupil", category=self.cat_pupil_mentor)
        pair = self._pair(pupil_mentor, mentee, program=self.program_pupils, date_start=date(2026, 1, 10))
        self.assertFalse(mentee.mentorship_start_date, "no dynamics before the pair is approved")
        self._approve(pair)
        mentee.invalidate_recordset()
        self.assertEqual(mentee.mentorship_start_date, date(2026, 1, 10))
        self.assertAlmostEqual(mentee.marks_average_before, (3.2 + 3.6) / 2)
        self.assertAlmostEqual(mentee.marks_average_since, (4.2 + 4.6) / 2)
        self.assertAlmostEqual(mentee.marks_change, 1.0)
        self.assertEqual((mentee.olympiads_before, mentee.olympiads_since), (1, 2))

    def test_teacher_pupils_exam_pass_rate(self):
        teacher = self.env["hr.employee"].create({"name": "Young Maths Teacher", "company_id": self.school.id})
        mentee = self._mentee("Young Maths Teacher")
        mentee.employee_id = teacher
        pair = self._pair(self._mentor("Senior Teacher"), mentee, date_start=date(2026, 1, 10))
        self._approve(pair)
        pupils = self.env["res.partner"].create([{"name": f"Exam Pupil {i}"} for i in range(5)])
        results = [
            (date(2025, 5, 20), [True, False, False, True]),  # before: 2 of 4
            (date(2026, 5, 20), [True, True, True, False, True]),  # since: 4 of 5
        ]
        self.env["mentorship.school.exam.result"].create(
            [
                {
                    "partner_id": pupils[i].id,
                    "exam": "oge",
                    "subject_id": self.maths.id,
                    "date": day,
                    "passed": passed,
                    "teacher_id": teacher.id,
                    "score": 20,
                }
                for day, outcomes in results
                for i, passed in enumerate(outcomes)
            ]
        )
        self.assertAlmostEqual(mentee.pupils_exam_pass_before, 50.0)
        self.assertAlmostEqual(mentee.pupils_exam_pass_since, 80.0)

    def _import(self, content, filename="marks.csv"):
        wizard = self.env["mentorship.school.mark.import.wizard"].create(
            {"file": base64.b64encode(content), "filename": filename}
        )
        return wizard.action_import()

    def test_import_2000_rows_with_bad_rows_writes_nothing(self):
        pupils = self.env["res.partner"].create(
            [{"name": f"Imported Pupil {i}", "mentorship_pupil_code": f"C{i:04d}"} for i in range(500)]
        )
        lines = [HEADER]
        for i in range(2000):
            lines.append(f"C{i % 500:04d};Q{i // 500 + 1};Mathematics;{3 + (i % 20) / 10:.1f}".replace(".", ","))
        bad = {
            12: "C9999;Q1;Mathematics;4",  # unknown pupil
            345: "C0345;Q9;Mathematics;4",  # unknown period
            999: "C0499;Q2;Basket weaving;4",  # unknown subject
            1500: "C0001;Q4;Mathematics;7",  # mark out of range
            1777: "C0277;Q4;Mathematics;four",  # not a number
        }
        for index, line in bad.items():
            lines[index + 1] = line
        lines[1901] = lines[1900]  # a duplicate of the row above
        with self.assertRefused(r"(?s)6 bad rows.*Row 14: unknown pupil code 'C9999'", UserError) as refused:
            self._import("\n".join(lines).encode())
        text = str(refused.exception)
        for row, reason in [
            (347, "unknown period 'Q9'"),
            (1001, "unknown subject 'Basket weaving'"),
            (1502, "the average mark '7' is not a number from 1 to 5"),
            (1779, "the average mark 'four'"),
            (1902, "the same pupil, period and subject as row 1901"),
        ]:
            self.assertIn(f"Row {row}: {reason}", text)
        self.assertFalse(self.env["mentorship.school.mark"].search_count([("partner_id", "in", pupils.ids)]))

    def test_import_good_file_creates_and_updates(self):
        self.env["res.partner"].create({"name": "Known Pupil", "mentorship_pupil_code": "K-1"})
        self._import(f"{HEADER}\nK-1;Q1;Mathematics;3,5\nK-1;Q2;Physics;4.25".encode())
        marks = self.env["mentorship.school.mark"].search([("partner_id.mentorship_pupil_code", "=", "K-1")])
        self.assertEqual(sorted(marks.mapped("average")), [3.5, 4.25])
        buffer = io.BytesIO()
        workbook = xlsxwriter.Workbook(buffer)
        sheet = workbook.add_worksheet()
        sheet.write_row(0, 0, ["Код ученика", "Период", "Предмет", "Средний балл"])
        sheet.write_row(1, 0, ["K-1", "Q1", "mathematics", 4.0])
        workbook.close()
        self._import(buffer.getvalue(), filename="marks.xlsx")
        marks.invalidate_recordset()
        self.assertEqual(sorted(marks.mapped("average")), [4.0, 4.25], "the Q1 mark is updated, not doubled")

    def test_import_refuses_a_file_without_the_columns(self):
        with self.assertRefused("column pupil_code / код ученика is missing", UserError):
            self._import(b"name;mark\nIvan;5")
        with self.assertRefused("The file is empty", UserError):
            self._import(b"")
