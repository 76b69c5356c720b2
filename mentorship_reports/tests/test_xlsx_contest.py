from odoo import Command
from odoo.tests import TransactionCase, tagged

from odoo.addons.mentorship_school.tests.common import give_marks

from .xlsx_common import XlsxReportCase


@tagged("post_install", "-at_install")
class TestXlsxContest(XlsxReportCase, TransactionCase):
    """A contest judged by school A's curator and the coordinator: school A
    nominates two mentors, school B one."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contest = cls.env["mentorship.contest"].create(
            {
                "name": "Mentor of the Year 2026",
                "nomination": "mentor_of_year",
                "jury_user_ids": [Command.set([cls.coordinator.id, cls.users["curator_b"].id])],
                "criterion_ids": [Command.create({"name": "Results", "max_score": 10})],
            }
        )
        cls.contest.action_open_nominations()
        Entry = cls.env["mentorship.contest.entry"]
        cls.entry_staff = Entry.create(
            {"contest_id": cls.contest.id, "mentor_id": cls.staff_mentor.id, "company_id": cls.school.id}
        )
        cls.entry_pupil = Entry.create(
            {"contest_id": cls.contest.id, "mentor_id": cls.pupil_mentor.id, "company_id": cls.school.id}
        )
        cls.entry_b = Entry.create(
            {"contest_id": cls.contest.id, "mentor_id": cls.pair_b.mentor_id.id, "company_id": cls.school_b.id}
        )
        cls.contest.action_start_judging()
        for entry, scores in ((cls.entry_staff, (8, 9)), (cls.entry_pupil, (7, 7)), (cls.entry_b, (9, 8))):
            for jury, score in zip((cls.coordinator, cls.users["curator_b"]), scores, strict=True):
                give_marks(entry, jury, score)
                entry.mark_ids.filtered(lambda mark, jury=jury: mark.jury_user_id == jury).comment = f"{score} of 10"
        cls.contest.action_close_marking()
        cls.contest.action_close()

    def test_coordinator_sees_all_nominees_and_marks(self):
        workbook = self._render("contest_results_xlsx", self.contest, role="coordinator")
        self.assertEqual(workbook.sheetnames, ["Nominees", "Jury Marks"])
        nominees = workbook["Nominees"]
        self.assertTitled(nominees, self.coordinator.company_id.name, "Contest Results", "A5:G8")
        self.assertEqual(
            self._header(nominees),
            ["Contest", "Nomination", "Nominee", "Nominated by", "Average Score", "Place", "Winner"],
        )
        # equal averages share the first place, both win
        self.assertEqual(
            [row[2:] for row in self._rows(nominees)],
            [
                (self.entry_staff.display_name, "Test School No. 1", 8.5, 1, "Yes"),
                (self.entry_b.display_name, "Test School No. 2", 8.5, 1, "Yes"),
                (self.entry_pupil.display_name, "Test School No. 1", 7.0, 3, "No"),
            ],
        )
        self.assertEqual(self._rows(nominees)[0][:2], ("Mentor of the Year 2026", "Mentor of the Year"))
        self.assertEqual(nominees["E6"].number_format, "0.00")
        marks = workbook["Jury Marks"]
        self.assertEqual(self._header(marks), ["Contest", "Nominee", "Jury Member", "Criterion", "Mark", "Comment"])
        self.assertEqual(len(self._rows(marks)), 6)
        self.assertEqual(self._rows(marks)[0][3:], ("Results", 8.0, "8 of 10"))
        self.assertEqual(marks["E6"].number_format, "0.00")

    def test_school_curator_sees_own_nominees_and_no_marks(self):
        """School A's curator is not on the jury: neither school B's nominee
        nor the marks of others are in the file."""
        workbook = self._render("contest_results_xlsx", self.contest)
        self.assertEqual(workbook.sheetnames, ["Nominees"])
        rows = self._rows(workbook["Nominees"])
        self.assertEqual([row[2] for row in rows], [self.entry_staff.display_name, self.entry_pupil.display_name])
        # the place among all the contest's nominees, school B's included
        self.assertEqual([row[5] for row in rows], [1, 3])

    def test_jury_member_sees_own_marks_only(self):
        workbook = self._render("contest_results_xlsx", self.contest, role="curator_b")
        self.assertEqual(len(self._rows(workbook["Nominees"])), 3)
        marks = self._rows(workbook["Jury Marks"])
        self.assertEqual({row[2] for row in marks}, {self.users["curator_b"].name})
        self.assertEqual(len(marks), 3)
