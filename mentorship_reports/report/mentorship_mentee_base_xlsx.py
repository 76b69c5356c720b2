from odoo import models

from .mentorship_xlsx_common import Column

MENTEE = "mentorship.mentee"


class MentorshipMenteeBaseXlsx(models.AbstractModel):
    """The base of mentees: one row per selected mentee, read in one pass
    for a whole municipality. No contacts: most mentees are pupils, and the
    file travels further than the back office."""

    _name = "report.mentorship_reports.mentee_base_xlsx"
    _inherit = "report.mentorship_reports.xlsx_table"
    _description = "Base of Mentees XLSX"

    def generate_xlsx_report(self, workbook, data, objs):
        mentees = self._readable(objs)
        records = mentees.read(
            [
                "display_name",
                "company_id",
                "school_class",
                "category_id",
                "difficulty_tag_ids",
                "is_minor",
                "has_pair",
                "has_valid_consent",
                "state",
                "preferred_format",
            ]
        )
        tag_names = self._many2many_names(records, "difficulty_tag_ids", "mentorship.tag")
        states = self._selection_labels(MENTEE, "state")
        formats = self._selection_labels(MENTEE, "preferred_format")
        column = self._field_column
        columns = [
            Column(self.env._("Full Name"), 34),
            column(MENTEE, "company_id", 28),
            column(MENTEE, "school_class", 8),
            column(MENTEE, "category_id", 30),
            column(MENTEE, "difficulty_tag_ids", 34),
            column(MENTEE, "is_minor", 11),
            column(MENTEE, "has_pair", 11),
            column(MENTEE, "has_valid_consent", 11),
            column(MENTEE, "state", 12),
            column(MENTEE, "preferred_format", 16),
        ]
        rows = [
            (
                record["display_name"],
                record["company_id"] and record["company_id"][1],
                record["school_class"],
                record["category_id"] and record["category_id"][1],
                ", ".join(tag_names[tag] for tag in record["difficulty_tag_ids"]),
                self._yes_no(record["is_minor"]),
                self._yes_no(record["has_pair"]),
                self._yes_no(record["has_valid_consent"]),
                states[record["state"]],
                formats.get(record["preferred_format"], ""),
            )
            for record in records
        ]
        self._write_table(
            workbook,
            self.env._("Mentees"),
            self.env._("Base of Mentees"),
            self._organisation_name(record["company_id"] for record in records),
            columns,
            rows,
        )
