from odoo import models

from .mentorship_xlsx_common import Column

MENTOR = "mentorship.mentor"


class MentorshipMentorBaseXlsx(models.AbstractModel):
    """The base of mentors: one row per selected mentor. The curators who
    export it contact the mentors, so e-mail and phone are in, except for
    minors (pupil mentors), who are reached through their parents."""

    _name = "report.mentorship_reports.mentor_base_xlsx"
    _inherit = "report.mentorship_reports.xlsx_table"
    _description = "Base of Mentors XLSX"

    def generate_xlsx_report(self, workbook, data, objs):
        mentors = self._readable(objs)
        records = mentors.read(
            [
                "display_name",
                "company_id",
                "category_id",
                "competency_tag_ids",
                "state",
                "capacity",
                "running_mentee_count",
                "free_capacity",
                "is_trained",
                "has_valid_consent",
                "is_minor",
                "email",
                "phone",
            ]
        )
        tag_names = self._many2many_names(records, "competency_tag_ids", "mentorship.tag")
        states = self._selection_labels(MENTOR, "state")
        column = self._field_column
        columns = [
            Column(self.env._("Full Name"), 34),
            column(MENTOR, "company_id", 28),
            column(MENTOR, "category_id", 24),
            column(MENTOR, "competency_tag_ids", 30),
            column(MENTOR, "state", 12),
            column(MENTOR, "capacity", 11, "integer"),
            column(MENTOR, "running_mentee_count", 11, "integer"),
            column(MENTOR, "free_capacity", 11, "integer"),
            column(MENTOR, "is_trained", 11),
            column(MENTOR, "has_valid_consent", 11),
            column(MENTOR, "email", 28),
            column(MENTOR, "phone", 18),
        ]
        rows = [
            (
                record["display_name"],
                record["company_id"] and record["company_id"][1],
                record["category_id"] and record["category_id"][1],
                ", ".join(tag_names[tag] for tag in record["competency_tag_ids"]),
                states[record["state"]],
                record["capacity"],
                record["running_mentee_count"],
                record["free_capacity"],
                self._yes_no(record["is_trained"]),
                self._yes_no(record["has_valid_consent"]),
                not record["is_minor"] and record["email"],
                not record["is_minor"] and record["phone"],
            )
            for record in records
        ]
        self._write_table(
            workbook,
            self.env._("Mentors"),
            self.env._("Base of Mentors"),
            self._organisation_name(record["company_id"] for record in records),
            columns,
            rows,
            total_label=self.env._("Total"),
        )
