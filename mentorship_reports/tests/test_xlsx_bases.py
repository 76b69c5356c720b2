from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from .xlsx_common import XlsxReportCase


@tagged("post_install", "-at_install")
class TestXlsxBases(XlsxReportCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mentor_b = cls.pair_b.mentor_id
        cls.mentee_b = cls.pair_b.mentee_ids

    def test_mentor_base_of_a_curator(self):
        mentors = self.staff_mentor | self.pupil_mentor
        self.pupil_mentor.partner_id.write({"mentorship_is_minor": True, "phone": "+7 900 000-00-00"})
        workbook = self._render("mentor_base_xlsx", mentors | self.mentor_b)
        self.assertEqual(workbook.sheetnames, ["Mentors"])
        sheet = workbook["Mentors"]
        self.assertTitled(sheet, "Test School No. 1", "Base of Mentors", "A5:L7")
        self.assertEqual(
            self._header(sheet),
            [
                "Full Name",
                "Organisation",
                "Category",
                "Competencies",
                "Status",
                "Capacity",
                "Current Mentees",
                "Free Capacity",
                "Trained",
                "Consent Given",
                "Email",
                "Phone",
            ],
        )
        rows = self._rows(sheet)
        # school B's mentor, slipped into the ids, is not exported
        self.assertEqual([row[0] for row in rows], [*mentors.mapped("display_name"), "Total"])
        staff, pupil, total = rows
        self.assertEqual(
            staff[:10],
            (
                self.staff_mentor.display_name,
                "Test School No. 1",
                self.cat_teacher.name,
                None,
                "Active",
                3,
                0,
                3,
                "Yes",
                "Yes",
            ),
        )
        self.assertEqual(staff[10], self.staff_mentor.email)
        # a minor mentor's contacts stay out of the file
        self.assertTrue(self.pupil_mentor.email)
        self.assertEqual(pupil[10:], (None, None))
        self.assertEqual(total[5:8], ("=SUBTOTAL(9,F6:F7)", "=SUBTOTAL(9,G6:G7)", "=SUBTOTAL(9,H6:H7)"))
        cached = self._rows(self._render("mentor_base_xlsx", mentors, data_only=True)["Mentors"])[-1]
        self.assertEqual(cached[5:8], (4, 0, 4))
        self.assertEqual(sheet["F6"].number_format, "0")

    def test_mentee_base_of_a_curator(self):
        self.teacher_mentee.difficulty_tag_ids = self.env["mentorship.tag"].create(
            [{"name": "Lesson planning test"}, {"name": "Classroom test"}]
        )
        workbook = self._render("mentee_base_xlsx", self.teacher_mentee | self.mentee_b | self.pupil_mentee)
        sheet = workbook["Mentees"]
        self.assertTitled(sheet, "Test School No. 1", "Base of Mentees", "A5:J7")
        self.assertEqual(
            self._header(sheet),
            [
                "Full Name",
                "Organisation",
                "Class",
                "Category",
                "Identified Difficulties",
                "Minor",
                "In a Pair",
                "Consent Given",
                "Status",
                "Preferred Format",
            ],
        )
        teacher, pupil = self._rows(sheet)
        self.assertEqual(
            teacher,
            (
                "Young Teacher",
                "Test School No. 1",
                None,
                self.cat_young_teacher.name,
                "Lesson planning test, Classroom test",
                "No",
                "Yes",
                "Yes",
                "Active",
                "In person",
            ),
        )
        self.assertEqual(pupil[0], self.pupil_mentee.display_name)
        self.assertEqual(pupil[5], "Yes")

    def test_nothing_readable_is_refused(self):
        """School B's mentees only, or nothing: no file at all."""
        for mentees in (self.mentee_b, self.env["mentorship.mentee"]):
            with self.subTest(mentees=mentees), self.assertRaisesRegex(UserError, "nothing to export"):
                self._render("mentee_base_xlsx", mentees)
        self.assertEqual(
            self._rows(self._render("mentee_base_xlsx", self.mentee_b, role="curator_b")["Mentees"])[0][0], "B Mentee"
        )

    def test_coordinator_titles_a_file_of_two_schools_with_own_organisation(self):
        sheet = self._render("mentee_base_xlsx", self.teacher_mentee | self.mentee_b, role="coordinator")["Mentees"]
        self.assertEqual(sheet["A1"].value, self.coordinator.company_id.name)
        self.assertEqual({row[1] for row in self._rows(sheet)}, {"Test School No. 1", "Test School No. 2"})


@tagged("post_install", "-at_install")
class TestXlsxBasesInRussian(XlsxReportCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_russian()

    def test_headers_sheet_and_title_in_russian(self):
        workbook = self._render("mentee_base_xlsx", self.teacher_mentee, lang="ru_RU")
        self.assertEqual(workbook.sheetnames, ["Наставляемые"])
        sheet = workbook["Наставляемые"]
        self.assertEqual(sheet["A2"].value, "База наставляемых")
        self.assertRegex(sheet["A3"].value, r"^Выгружено \d+ [а-я]+ \d{4} г\.$")
        header = self._header(sheet)
        self.assertEqual(header[0], "ФИО")
        self.assertEqual(header[1], "Организация")
        self.assertEqual(self._rows(sheet)[0][5:9], ("Нет", "Да", "Да", "Активно"))


@tagged("post_install", "-at_install")
class TestXlsxButtons(XlsxReportCase, TransactionCase):
    def _list(self, role, model):
        views = self._as(role, model).get_views([(False, "list")], {"toolbar": True})["views"]["list"]
        return views["arch"], [action["id"] for action in views["toolbar"].get("print", [])]

    def test_curator_prints_and_exports_from_the_lists(self):
        for model, report in (
            ("mentorship.mentor", "mentor_base_xlsx"),
            ("mentorship.mentee", "mentee_base_xlsx"),
            ("mentorship.pair", "pair_summary_xlsx"),
            ("mentorship.pair", "pair_meetings_xlsx"),
            ("mentorship.contest", "contest_results_xlsx"),
        ):
            action = self.env.ref(f"mentorship_reports.action_report_{report}")
            with self.subTest(report=report):
                arch, printable = self._list("curator", model)
                self.assertIn(action.id, printable)
                self.assertIn(f'name="{action.id}"', arch)

    def test_hr_officer_reading_mentors_gets_no_export(self):
        arch, printable = self._list("hr_officer", "mentorship.mentor")
        action = self.env.ref("mentorship_reports.action_report_mentor_base_xlsx")
        self.assertNotIn(action.id, printable)
        self.assertNotIn(f'name="{action.id}"', arch)
