from datetime import date, datetime, timedelta

from openpyxl.utils import get_column_letter

from odoo.tests import TransactionCase, tagged

from .xlsx_common import XlsxReportCase


@tagged("post_install", "-at_install")
class TestXlsxPairs(XlsxReportCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.staff_pair.write({"date_start": date(2025, 9, 15), "order_number": "12-o", "order_date": date(2025, 9, 10)})
        # held in September (twice) and November 2025, one not held in October
        for when, held in (
            (datetime(2025, 9, 16, 10), True),
            (datetime(2025, 9, 23, 10), True),
            (datetime(2025, 10, 14, 10), False),
            (datetime(2025, 11, 18, 10), True),
        ):
            cls._meeting(cls.staff_pair, when, held)
        cls._meeting(cls.pair_b, datetime(2025, 8, 12, 10), True)

    @classmethod
    def _meeting(cls, pair, when, held):
        return cls.env["calendar.event"].create(
            {
                "name": "Meeting",
                "start": when,
                "stop": when + timedelta(hours=1),
                "mentorship_pair_id": pair.id,
                "mentorship_meeting_type": "regular",
                "mentorship_mentor_confirmed": held,
                "mentorship_mentee_confirmed": held,
            }
        )

    def test_pair_list_and_counts_by_program_and_stage(self):
        pairs = self.staff_pair | self.other_pair | self.pupil_pair
        workbook = self._render("pair_summary_xlsx", pairs | self.pair_b)
        self.assertEqual(workbook.sheetnames, ["Pairs", "Pairs by Stage"])
        listing = workbook["Pairs"]
        self.assertTitled(listing, "Test School No. 1", "Pairs and Groups", "A5:K8")
        self.assertEqual(
            self._header(listing),
            [
                "Program",
                "Mentor",
                "Mentees",
                "Form",
                "Kind",
                "Stage",
                "Start Date",
                "End Date",
                "Order No.",
                "Order Date",
                "Held Meetings",
            ],
        )
        rows = self._rows(listing)
        self.assertEqual(len(rows), 4, "three pairs of school A and the total, school B's pair left out")
        staff = rows[0]
        self.assertEqual(
            staff[:6],
            (
                "Teachers 2025/2026",
                self.staff_mentor.display_name,
                "Young Teacher",
                self.form_teachers.name,
                "Traditional (one to one)",
                self.stage["agreement"].name,
            ),
        )
        # dates are dates of the spreadsheet, shown the Russian way
        self.assertEqual(staff[6], datetime(2025, 9, 15))
        self.assertEqual(listing["G6"].number_format, "dd.mm.yyyy")
        self.assertIsNone(staff[7])
        self.assertEqual(staff[8:], ("12-o", datetime(2025, 9, 10), 3))
        self.assertEqual(rows[-1][0], "Total")
        self.assertEqual(rows[-1][10], "=SUBTOTAL(9,K6:K8)")

        counts = workbook["Pairs by Stage"]
        stages = self.env["mentorship.pair.stage"].search([])
        last_column = get_column_letter(len(stages) + 3)
        self.assertTitled(counts, "Test School No. 1", "Pairs by Program and Stage", f"A5:{last_column}7")
        self.assertEqual(self._header(counts), ["Program", "Organisation", *stages.mapped("name"), "Total"])
        agreement, matching = (list(stages).index(self.stage[state]) + 2 for state in ("agreement", "matching"))
        by_program = {row[0]: row for row in self._rows(counts)}
        self.assertEqual(set(by_program), {"Pupils 2025/2026", "Teachers 2025/2026", "Total"})
        teachers = by_program["Teachers 2025/2026"]
        self.assertEqual((teachers[agreement], teachers[matching], teachers[-1]), (1, 1, 2))
        self.assertEqual(sum(teachers[2:-1]), 2)
        self.assertEqual(by_program["Pupils 2025/2026"][-1], 1)

    def test_held_meetings_per_month(self):
        pairs = self.staff_pair | self.other_pair
        workbook = self._render("pair_meetings_xlsx", pairs | self.pair_b, data_only=True)
        self.assertEqual(workbook.sheetnames, ["Meetings by Month"])
        sheet = workbook["Meetings by Month"]
        # the months from the first to the last held meeting, October without any
        self.assertTitled(sheet, "Test School No. 1", "Held Meetings per Pair and Month", "A5:F7", frozen="B6")
        self.assertEqual(
            self._header(sheet),
            ["Pair or Group", "Program", "September 2025", "October 2025", "November 2025", "Total"],
        )
        self.assertEqual(
            self._rows(sheet),
            [
                (self.staff_pair.display_name, "Teachers 2025/2026", 2, 0, 1, 3),
                (self.other_pair.display_name, "Teachers 2025/2026", 0, 0, 0, 0),
                ("Total", None, 2, 0, 1, 3),
            ],
        )
        self.assertEqual(sheet["C6"].number_format, "0")

    def test_meetings_in_russian(self):
        self._load_russian()
        sheet = self._render("pair_meetings_xlsx", self.staff_pair, lang="ru_RU")["Встречи по месяцам"]
        self.assertEqual(self._header(sheet)[2:], ["Сентябрь 2025", "Октябрь 2025", "Ноябрь 2025", "Итого"])
