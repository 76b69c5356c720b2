from collections import defaultdict

from odoo import models

from .mentorship_xlsx_common import Column

ENTRY = "mentorship.contest.entry"
MARK = "mentorship.contest.mark"


class MentorshipContestResultsXlsx(models.AbstractModel):
    """The results of the selected contests: a sheet of nominees with their
    average score, place and win, and a sheet of the jury marks when the
    user may read some (a jury member their own, a coordinator all once
    the marking is closed).
    Both list only what the user may read: a school's curator sees the
    school's nominees, placed among themselves."""

    _name = "report.mentorship_reports.contest_results_xlsx"
    _inherit = "report.mentorship_reports.xlsx_table"
    _description = "Contest Results XLSX"

    def generate_xlsx_report(self, workbook, data, objs):
        contests = self._readable(objs)
        entries_by_contest = defaultdict(list)
        for entry in self.env[ENTRY].search_read(
            [("contest_id", "in", contests.ids)],
            ["contest_id", "display_name", "company_id", "average_score", "rank", "is_winner"],
            order="average_score desc, id",
        ):
            entries_by_contest[entry["contest_id"][0]].append(entry)
        nominations = self._selection_labels("mentorship.contest", "nomination")
        column = self._field_column
        columns = [
            column(ENTRY, "contest_id", 30),
            column(ENTRY, "nomination", 20),
            Column(self.env._("Nominee"), 40),
            column(ENTRY, "company_id", 28),
            column(ENTRY, "average_score", 12, "decimal"),
            Column(self.env._("Place"), 8, "integer"),
            column(ENTRY, "is_winner", 11),
        ]
        rows = []
        for contest in contests:
            # the place among all the contest's nominees, those the user may not read included
            rows.extend(
                (
                    contest.name,
                    nominations[contest.nomination],
                    entry["display_name"],
                    entry["company_id"][1],
                    entry["average_score"],
                    entry["rank"] or None,
                    self._yes_no(entry["is_winner"]),
                )
                for entry in entries_by_contest[contest.id]
            )
        organisation = self.env.company.name
        self._write_table(workbook, self.env._("Nominees"), self.env._("Contest Results"), organisation, columns, rows)
        self._write_jury_marks(workbook, contests, organisation)

    def _write_jury_marks(self, workbook, contests, organisation):
        Mark = self.env[MARK]
        if not Mark.has_access("read"):
            return
        marks = Mark.search_read(
            [("entry_id.contest_id", "in", contests.ids)],
            ["entry_id", "jury_user_id", "criterion_id", "score", "comment"],
            order="entry_id, jury_user_id, criterion_sequence, criterion_id",
        )
        if not marks:
            return
        entries = self.env[ENTRY].browse({mark["entry_id"][0] for mark in marks})
        contest_names = {entry["id"]: entry["contest_id"][1] for entry in entries.read(["contest_id"])}
        columns = [
            self._field_column(ENTRY, "contest_id", 30),
            Column(self.env._("Nominee"), 40),
            self._field_column(MARK, "jury_user_id", 28),
            self._field_column(MARK, "criterion_id", 36),
            self._field_column(MARK, "score", 10, "decimal"),
            self._field_column(MARK, "comment", 50),
        ]
        rows = [
            (
                contest_names[mark["entry_id"][0]],
                mark["entry_id"][1],
                mark["jury_user_id"][1],
                mark["criterion_id"][1],
                mark["score"],
                mark["comment"],
            )
            for mark in marks
        ]
        self._write_table(workbook, self.env._("Jury Marks"), self.env._("Jury Marks"), organisation, columns, rows)
