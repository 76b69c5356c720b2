from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from odoo.addons.mentorship_core.tests.common_monitoring import MonitoringCase

from .xlsx_common import XlsxReportCase

DECEMBER = (date(2025, 12, 1), date(2025, 12, 31))
TITLE = "Municipal Monitoring by Organisation and Form"


@tagged("post_install", "-at_install")
class TestXlsxMonitoring(MonitoringCase, TransactionCase):
    """The municipal monitoring table of the department's autumn and December
    campaigns, and of school A's own, checked cell by cell against the stored
    indicators."""

    # the spreadsheet helpers of the other tables; their fixture is this one's
    _render = XlsxReportCase._render
    _rows = XlsxReportCase._rows
    _header = XlsxReportCase._header
    _load_russian = classmethod(XlsxReportCase._load_russian.__func__)
    assertTitled = XlsxReportCase.assertTitled

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_monitoring()
        cls._held_meetings()
        cls._plans()
        # a pupil: the school's indicators count his olympiads
        cls.pupil_mentee.partner_id.mentorship_is_pupil = True
        cls.autumn = cls._campaign(name="Autumn 2025")
        cls.december = cls._campaign(name="December 2025", period=DECEMBER)
        cls.school_campaign = cls._campaign(company=cls.school, name="School A, autumn 2025")
        (cls.autumn | cls.december | cls.school_campaign).action_send()

    def _answer_and_close(self):
        self._respond(self.autumn, self.staff_mentor.partner_id, self.mentor_survey, 10, ("continue",))
        self._respond(self.autumn, self.young_teacher, self.mentee_survey, 5, ("continue", "become_mentor"))
        self._respond(self.autumn, self.mentee_b, self.mentee_survey, 0)
        self._respond(self.december, self.mentee_b, self.mentee_survey, 10, ("continue",))
        self._respond(self.school_campaign, self.young_teacher, self.mentee_survey, 6)
        for campaign in self.autumn | self.december | self.school_campaign:
            self._close(campaign)

    @staticmethod
    def _stored(campaign, level, company, form=None):
        return {
            row.indicator: row.value
            for row in campaign.indicator_ids
            if row.level == level and row.company_id == company and row.form_id == (form or row.form_id.browse())
        }

    def test_coordinator_gets_both_periods_side_by_side(self):
        self._answer_and_close()
        workbook = self._render("monitoring_xlsx", self.december | self.autumn, role="coordinator", data_only=True)
        self.assertEqual(workbook.sheetnames, ["Monitoring"])
        sheet = workbook["Monitoring"]
        header = self._header(sheet)
        self.assertEqual(header[:2], ["Organisation", "Form"])
        # a column per indicator and campaign, the earlier campaign first
        self.assertEqual(
            header[2:6],
            [
                "Participants — Autumn 2025",
                "Participants — December 2025",
                "Pairs and Groups — Autumn 2025",
                "Pairs and Groups — December 2025",
            ],
        )
        self.assertIn("Mentors' Satisfaction (%) — Autumn 2025", header)
        last = sheet.cell(row=5, column=len(header)).column_letter
        self.assertTitled(sheet, self.department.name, TITLE, f"A5:{last}8", frozen="C6")
        rows = self._rows(sheet)
        # a row per school and form, school B's teachers after school A's two forms, then the total
        self.assertEqual(
            [row[:2] for row in rows],
            [
                (self.school.name, self.form_pupils.name),
                (self.school.name, self.form_teachers.name),
                (self.school_b.name, self.form_teachers.name),
                ("Total", None),
            ],
        )
        labels = dict(self.env["mentorship.monitoring.indicator"]._fields["indicator"].selection)
        checked = 0
        for (school, form), row in zip(
            ((self.school, self.form_pupils), (self.school, self.form_teachers), (self.school_b, self.form_teachers)),
            rows,
            strict=False,
        ):
            for campaign in self.autumn | self.december:
                for key, value in self._stored(campaign, "form", school, form).items():
                    self.assertAlmostEqual(row[header.index(f"{labels[key]} — {campaign.name}")], value, places=4)
                    checked += 1
        self.assertGreater(checked, 40)
        total = dict(zip(header, rows[-1], strict=True))
        department = self._stored(self.autumn, "organisation", self.department)
        # counts summed by SUBTOTAL, averages weighted as the department's figures
        self.assertEqual((total["Pairs and Groups — Autumn 2025"], department["pairs"]), (3, 3))
        self.assertEqual(total["Held Meetings — Autumn 2025"], 7)
        self.assertEqual(total["Mentees' Satisfaction (%) — Autumn 2025"], 25.0)
        self.assertAlmostEqual(total["Held Meetings per Month — Autumn 2025"], department["meetings_per_month"])
        self.assertEqual(total["Mentees' Satisfaction (%) — December 2025"], 100.0)
        formulas = self._rows(self._render("monitoring_xlsx", self.autumn, role="coordinator")["Monitoring"])[-1]
        self.assertIn("=SUBTOTAL(9,D6:D8)", formulas)
        self.assertEqual(sheet["E6"].number_format, "0")
        self.assertEqual(
            sheet.cell(row=6, column=header.index("Plan Progress (%) — Autumn 2025") + 1).number_format, "0.00"
        )
        # the school indicators of mentorship_school are columns too
        self.assertIn("Olympiads Since the Mentorship Began — Autumn 2025", header)

    def test_curator_gets_their_school_only(self):
        self._answer_and_close()
        sheet = self._render("monitoring_xlsx", self.school_campaign | self.autumn)["Monitoring"]
        self.assertTitled(sheet, self.school.name, TITLE, sheet.auto_filter.ref, frozen="C6")
        header = self._header(sheet)
        self.assertEqual(header[2], "Participants", "one campaign: the indicators alone")
        rows = self._rows(sheet)
        self.assertEqual({row[0] for row in rows}, {self.school.name, "Total"})
        teachers = dict(zip(header, rows[1], strict=True))
        self.assertEqual(teachers["Form"], self.form_teachers.name)
        self.assertEqual(teachers["Mentees' Satisfaction (%)"], 60.0)
        with self.assertRaisesRegex(UserError, "nothing to export"):
            self._render("monitoring_xlsx", self.autumn)

    def test_staff_mentor_is_refused(self):
        self._answer_and_close()
        # no right on campaigns: nothing of them is read
        with self.assertRaisesRegex(UserError, "nothing to export"):
            self._render("monitoring_xlsx", self.school_campaign, role="staff_mentor")
        with self.assertRaises(AccessError):
            self._as("staff_mentor", "mentorship.monitoring.indicator").search([])

    def test_open_campaign_is_refused(self):
        with self.assertRaisesRegex(UserError, "is not closed"):
            self._render("monitoring_xlsx", self.autumn, role="coordinator")

    def test_russian_headers(self):
        self._answer_and_close()
        self._load_russian()
        sheet = self._render("monitoring_xlsx", self.autumn, role="coordinator", lang="ru_RU")["Мониторинг"]
        self.assertEqual(sheet["A2"].value, "Муниципальный мониторинг по организациям и формам")
        header = self._header(sheet)
        self.assertEqual(header[:4], ["Организация", "Форма", "Участники", "Пары и группы"])
        self.assertIn("Удовлетворённость наставников (%)", header)
        self.assertEqual(self._rows(sheet)[-1][0], "Итого")
