from collections import Counter

from odoo import models

from .mentorship_xlsx_common import Column

PAIR = "mentorship.pair"


class MentorshipPairSummaryXlsx(models.AbstractModel):
    """The selected pairs by program and stage: a sheet listing them and a
    sheet counting them per program (rows) and pipeline stage (columns)."""

    _name = "report.mentorship_reports.pair_summary_xlsx"
    _inherit = "report.mentorship_reports.xlsx_table"
    _description = "Pairs by Program and Stage XLSX"

    def generate_xlsx_report(self, workbook, data, objs):
        pairs = self._readable(objs)
        records = pairs.read(
            [
                "company_id",
                "program_id",
                "form_id",
                "mentor_id",
                "mentee_ids",
                "kind",
                "stage_id",
                "date_start",
                "date_end",
                "order_number",
                "order_date",
                "held_meeting_count",
            ]
        )
        organisation = self._organisation_name(record["company_id"] for record in records)
        self._write_pair_list(workbook, records, organisation)
        self._write_stage_counts(workbook, records, organisation)

    def _write_pair_list(self, workbook, records, organisation):
        mentee_names = self._many2many_names(records, "mentee_ids", "mentorship.mentee")
        kinds = self._selection_labels(PAIR, "kind")
        column = self._field_column
        columns = [
            column(PAIR, "program_id", 40),
            column(PAIR, "mentor_id", 30),
            column(PAIR, "mentee_ids", 34),
            column(PAIR, "form_id", 22),
            column(PAIR, "kind", 20),
            column(PAIR, "stage_id", 16),
            column(PAIR, "date_start", 12, "date"),
            column(PAIR, "date_end", 12, "date"),
            column(PAIR, "order_number", 10),
            column(PAIR, "order_date", 12, "date"),
            column(PAIR, "held_meeting_count", 11, "integer"),
        ]
        rows = [
            (
                record["program_id"][1],
                record["mentor_id"] and record["mentor_id"][1],
                ", ".join(mentee_names[id_] for id_ in record["mentee_ids"]),
                record["form_id"] and record["form_id"][1],
                kinds[record["kind"]],
                record["stage_id"][1],
                record["date_start"],
                record["date_end"],
                record["order_number"],
                record["order_date"],
                record["held_meeting_count"],
            )
            for record in records
        ]
        self._write_table(
            workbook,
            self.env._("Pairs"),
            self.env._("Pairs and Groups"),
            organisation,
            columns,
            rows,
            total_label=self.env._("Total"),
        )

    def _write_stage_counts(self, workbook, records, organisation):
        """Every stage of the pipeline is a column, empty or not, so that the
        sheets of two exports compare column by column."""
        stages = self.env["mentorship.pair.stage"].search([])
        counts = Counter((record["program_id"], record["stage_id"][0]) for record in records)
        programs = {record["program_id"]: record["company_id"] for record in records}
        columns = [
            self._field_column(PAIR, "program_id", 40),
            self._field_column(PAIR, "company_id", 28),
            *(Column(stage.name, 12, "integer") for stage in stages),
            Column(self.env._("Total"), 10, "integer"),
        ]
        rows = []
        for program, company in sorted(programs.items(), key=lambda item: item[0][1]):
            by_stage = [counts[program, stage.id] for stage in stages]
            rows.append((program[1], company and company[1], *by_stage, sum(by_stage)))
        self._write_table(
            workbook,
            self.env._("Pairs by Stage"),
            self.env._("Pairs by Program and Stage"),
            organisation,
            columns,
            rows,
            total_label=self.env._("Total"),
        )
