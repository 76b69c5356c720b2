import base64
import codecs
import contextlib
import io
from datetime import date, datetime
from unittest.mock import patch

import psycopg2
import xlsxwriter
from python_calamine import CalamineWorkbook

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import file_open, mute_logger

from odoo.addons.mentorship_core.tests.common import MentorshipCase
from odoo.addons.queue_job.controllers.main import RunJobController
from odoo.addons.queue_job.exception import FailedJobError, RetryableJobError
from odoo.addons.queue_job.job import Job

from .common import import_marks, run_job, upload_marks

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
        return import_marks(self, self.env, content, filename)

    def _marks_of(self, pupils):
        return self.env["mentorship.school.mark"].search([("partner_id", "in", pupils.ids)])

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
            1999: "C0499;Q4;Mathematics;",  # no mark on the very last row
        }
        for index, line in bad.items():
            lines[index + 1] = line
        lines[1901] = lines[1900]  # a duplicate of the row above
        mark_import = self._import("\n".join(lines).encode())
        self.assertEqual(
            (mark_import.state, mark_import.rows_total, mark_import.rows_bad, mark_import.rows_created),
            ("failed", 2000, 7, 0),
        )
        self.assertRegex(
            mark_import.result, r"^The file was not imported: 7 bad rows.\nRow 14: unknown pupil code 'C9999'"
        )
        for row, reason in [
            (347, "unknown period 'Q9'"),
            (1001, "unknown subject 'Basket weaving'"),
            (1502, "the average mark '7' is not a number from 1 to 5"),
            (1779, "the average mark 'four'"),
            (1902, "the same pupil, period and subject as row 1901"),
            (2001, "the average mark '' is not a number"),
        ]:
            self.assertIn(f"Row {row}: {reason}", mark_import.result)
        self.assertFalse(self._marks_of(pupils))

    def test_import_good_file_creates_and_updates(self):
        pupil = self.env["res.partner"].create({"name": "Known Pupil", "mentorship_pupil_code": "K-1"})
        mark_import = self._import(f"{HEADER}\nK-1;Q1;Mathematics;3,5\nK-1;Q2;Physics;4.25".encode())
        self.assertEqual(
            (mark_import.state, mark_import.progress, mark_import.rows_created, mark_import.rows_updated),
            ("done", 100, 2, 0),
        )
        self.assertEqual(sorted(self._marks_of(pupil).mapped("average")), [3.5, 4.25])
        buffer = io.BytesIO()
        workbook = xlsxwriter.Workbook(buffer)
        sheet = workbook.add_worksheet()
        sheet.write_row(0, 0, ["Код ученика", "Период", "Предмет", "Средний балл"])
        sheet.write_row(1, 0, ["K-1", "Q1", "mathematics", 4.0])
        sheet.write_row(2, 0, ["K-1", "Q2", "Physics", 4.25])
        workbook.close()
        mark_import = self._import(buffer.getvalue(), filename="marks.xlsx")
        self.assertEqual(
            (mark_import.state, mark_import.rows_created, mark_import.rows_updated, mark_import.rows_unchanged),
            ("done", 0, 1, 1),
        )
        self.assertEqual(
            sorted(self._marks_of(pupil).mapped("average")), [4.0, 4.25], "the Q1 mark is updated, not doubled"
        )

    def test_the_template_imports_with_its_russian_headers(self):
        """The template offered in the wizard has the Russian headers of a
        school information system's marks file, and imports as it is."""
        with file_open("mentorship_school/static/import/mentorship_school_marks_template.xlsx", "rb") as template:
            content = template.read()
        header = next(CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_index(0).iter_rows())
        self.assertEqual(header, ["Код ученика", "Период", "Предмет", "Средний балл"])
        # the template's example pupil has a code of the demo school: that pupil, or one made for the test
        Partner = self.env["res.partner"]
        pupil = Partner.search([("mentorship_pupil_code", "=", "55-0001")]) or Partner.create(
            {"name": "Template Pupil", "mentorship_pupil_code": "55-0001"}
        )
        # the period of the template's example row (the demo data may have it already)
        Period = self.env["mentorship.school.period"]
        if not Period.search_count([("name", "=", "1 четверть 2026/2027")]):
            Period.create(
                {"name": "1 четверть 2026/2027", "date_start": date(2026, 9, 1), "date_end": date(2026, 10, 31)}
            )
        self.maths.name = "Математика"
        mark_import = self._import(content, filename="marks.xlsx")
        self.assertEqual((mark_import.state, mark_import.rows_created), ("done", 1), mark_import.result)
        self.assertEqual(self._marks_of(pupil).mapped("average"), [4.25])

    def test_import_refuses_a_file_without_the_columns(self):
        for content, filename, reason in [
            (b"name;mark\nIvan;5", "marks.csv", "The column pupil_code / код ученика is missing from the file."),
            (codecs.BOM_UTF8, "marks.csv", "The file is empty."),  # Excel's CSV UTF-8 of an empty sheet
            (b"not a spreadsheet", "marks.xlsx", "The file is not an XLSX workbook: "),
        ]:
            with self.subTest(filename=filename, content=content):
                mark_import = self._import(content, filename)
                self.assertEqual(mark_import.state, "failed")
                self.assertTrue(mark_import.result.startswith(reason), mark_import.result)

    def test_a_failure_while_writing_leaves_nothing_half_written(self):
        """A database error in the third batch of 10,000 marks: the first two
        batches are not kept either."""
        pupils = self.env["res.partner"].create(
            [{"name": f"Pupil {i}", "mentorship_pupil_code": f"F{i:05d}"} for i in range(6250)]
        )
        rows = [f"F{i:05d};{period.name};Mathematics;4" for period in self.periods for i in range(6250)]
        rows[22_222] = rows[22_222].replace(";4", ";4,44")
        self.env.cr.execute(
            """
            CREATE FUNCTION mentorship_test_refuse_mark() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN RAISE EXCEPTION 'disk full'; END $$;
            CREATE TRIGGER refuse_mark BEFORE INSERT ON mentorship_school_mark
               FOR EACH ROW WHEN (NEW.average = 4.44) EXECUTE FUNCTION mentorship_test_refuse_mark();
            """
        )
        with mute_logger("odoo.sql_db"):
            mark_import = self._import("\n".join([HEADER, *rows]).encode())
        self.assertEqual(mark_import.state, "failed")
        self.assertIn("disk full", mark_import.result)
        self.assertFalse(self._marks_of(pupils))

    def _russian(self):
        """The environment of a user working in Russian, the subjects' Russian names loaded."""
        self.env["res.lang"]._activate_lang("ru_RU")
        self.env["ir.module.module"].search([("name", "=", "mentorship_school")])._update_translations(["ru_RU"])
        return self.env(context=dict(self.env.context, lang="ru_RU"))

    def test_import_a_windows_1251_file_from_russian_excel(self):
        """Excel in Russian saves CSV in Windows-1251: its Russian headers,
        period and subjects are read as they are."""
        russian = self._russian()
        pupil = self.env["res.partner"].create({"name": "Windows Pupil", "mentorship_pupil_code": "W-1"})
        self.env["mentorship.school.period"].create(
            {"name": "1 четверть 2024/2025", "date_start": date(2024, 9, 1), "date_end": date(2024, 10, 31)}
        )
        content = (
            "код ученика;период;предмет;средний балл\r\n"
            "W-1;1 четверть 2024/2025;Математика;4,5\r\n"
            "W-1;1 четверть 2024/2025;Русский язык;3,75\r\n"
        ).encode("cp1251")
        mark_import = import_marks(self, russian, content)
        self.assertEqual((mark_import.state, mark_import.rows_created, mark_import.result), ("done", 2, False))
        russian_language = self.env.ref("mentorship_school.subject_russian_language")
        self.assertEqual(
            {(mark.subject_id, mark.average) for mark in self._marks_of(pupil)},
            {(self.maths, 4.5), (russian_language, 3.75)},
        )

    def test_import_refuses_a_file_that_is_no_text(self):
        """A picture chosen by mistake, a text in UTF-16 without its byte
        order mark: the user reads why in Russian."""
        russian = self._russian()
        with file_open("mentorship_school/static/description/icon.png", "rb") as picture:
            png = picture.read()
        utf16 = f"{HEADER}\nK-1;Q1;Mathematics;4".encode("utf-16-le")
        for name, content in (("picture", png), ("UTF-16", utf16)):
            with self.subTest(name):
                mark_import = import_marks(self, russian, content)
                self.assertEqual(mark_import.state, "failed")
                self.assertEqual(
                    mark_import.result,
                    "Не удалось прочитать файл: это не текстовый файл CSV в известной кодировке. "
                    "Сохраните его как CSV (UTF-8 или Windows-1251) или как XLSX и загрузите снова.",
                )

    def test_the_upload_dialog_refuses_an_empty_file(self):
        Wizard = self.env["mentorship.school.mark.import.wizard"]
        for content in (b"", b" \r\n"):
            with self.subTest(content=content):
                wizard = Wizard.create({"file": base64.b64encode(content), "filename": "marks.csv"})
                with self.assertRaisesRegex(UserError, r"^The file is empty\.$"):
                    wizard.action_import()
        self.assertFalse(self.env["mentorship.school.mark.import"].search([]))

    @mute_logger("odoo.addons.queue_job.controllers.main")
    def test_a_cut_connection_is_retried_then_the_import_fails_and_runs_again(self):
        """PostgreSQL cuts the job's connection while it writes the marks (a
        restart, a failover): queue_job runs the job again later by its retry
        pattern; once its five tries are spent the job is failed, and the
        import shows it, with why, and runs again."""
        curator = self.env(user=self.curator, context={"allowed_company_ids": self.school.ids})
        pupil = self.env["res.partner"].create({"name": "Cut Pupil", "mentorship_pupil_code": "CUT-1"})
        mark_import = upload_marks(curator, f"{HEADER}\nCUT-1;Q1;Mathematics;4".encode())
        job = Job.load(curator, mark_import.sudo().job_id.uuid)
        self.assertEqual(job.max_retries, 5)

        def cut_connection(*_args):
            """As the backend of the job's connection is terminated: the query fails, then its rollback."""
            try:
                raise psycopg2.OperationalError(
                    "terminating connection due to administrator command\nserver closed the connection unexpectedly"
                )
            except psycopg2.OperationalError as error:
                raise psycopg2.InterfaceError("cursor already closed") from error

        with patch.object(type(mark_import), "_write_marks", cut_connection), self.enter_registry_test_mode():
            for delay in (30, 30, 300, 300):
                with self.assertRaises(RetryableJobError):
                    job.perform()
                job.postpone()  # as queue_job's runner does, by the job function's retry pattern
                self.assertAlmostEqual((job.eta - datetime.now()).total_seconds(), delay, delta=5)
                self.assertEqual((mark_import.state, mark_import.result), ("running", False))
            # the fifth try, run as the job runner runs it: queue_job fails the job
            # and raises again (suppressed: assertRaises would roll the failure back)
            with contextlib.suppress(FailedJobError):
                RunJobController._runjob(curator, job)
        failed_job = mark_import.sudo().job_id
        self.assertEqual(
            (failed_job.state, failed_job.exc_name), ("failed", "odoo.addons.queue_job.exception.FailedJobError")
        )
        self.assertEqual(mark_import.state, "failed")
        self.assertEqual(
            mark_import.result,
            "The import stopped before it finished and nothing was written (Max. retries (5) reached: "
            "The import was interrupted by the database: terminating connection due to administrator command). "
            "Run it again.",
        )
        self.assertIn(mark_import, curator["mentorship.school.mark.import"].search([("state", "=", "failed")]))
        self.assertFalse(self._marks_of(pupil))

        mark_import.with_env(curator).action_run_again()
        self.assertEqual((mark_import.state, mark_import.progress, mark_import.result), ("running", 0, False))
        self.assertNotEqual(mark_import.sudo().job_id.uuid, job.uuid)
        run_job(self, mark_import)
        self.assertEqual((mark_import.state, mark_import.rows_created, mark_import.result), ("done", 1, False))
        self.assertEqual(self._marks_of(pupil).average, 4)
        with self.assertRaisesRegex(UserError, "Only a failed import can be run again."):
            mark_import.with_env(curator).action_run_again()

    def test_an_import_whose_job_ended_unfinished_is_failed(self):
        """The job runner finds the job dead after too many tries, an
        administrator cancels it, queue_job's autovacuum deletes it: the
        import does not stay in progress."""
        mark_import = upload_marks(self.env, f"{HEADER}\nK-1;Q1;Mathematics;4".encode())
        Import = self.env["mentorship.school.mark.import"]
        self.assertEqual(Import.search([("state", "=", "running")]), mark_import)
        job = mark_import.sudo().job_id
        # as the job runner marks a dead job, in SQL
        self.env.cr.execute(
            "UPDATE queue_job SET state = 'failed', exc_name = 'JobFoundDead', "
            "exc_info = 'Job found dead after too many retries' WHERE id = %s",
            [job.id],
        )
        job.invalidate_recordset()
        self.assertEqual(mark_import.state, "failed")
        self.assertEqual(
            mark_import.result,
            "The import stopped before it finished and nothing was written (JobFoundDead). Run it again.",
        )
        self.assertEqual(Import.search([("state", "=", "failed")]), mark_import)
        self.assertFalse(Import.search([("state", "in", ("running", "done"))]))
        job.button_cancelled()
        self.assertRegex(mark_import.result, r"\(Cancelled by .*\)\. Run it again\.$")
        job.unlink()
        self.assertEqual(
            (mark_import.state, mark_import.result),
            ("failed", "The import stopped before it finished and nothing was written. Run it again."),
        )
        self.assertEqual(Import.search([("state", "=", "failed")]), mark_import)
