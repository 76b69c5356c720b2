from collections import defaultdict

from babel.dates import format_date
from dateutil.relativedelta import relativedelta

from odoo import models
from odoo.tools.misc import babel_locale_parse

from .mentorship_xlsx_common import Column

PAIR = "mentorship.pair"


class MentorshipPairMeetingsXlsx(models.AbstractModel):
    """Held meetings of the selected pairs per month: a row per pair, a
    column per month from the first to the last month with a held meeting,
    counted in one grouped read of the meetings the user may read."""

    _name = "report.mentorship_reports.pair_meetings_xlsx"
    _inherit = "report.mentorship_reports.xlsx_table"
    _description = "Meetings per Pair and Month XLSX"

    def generate_xlsx_report(self, workbook, data, objs):
        pairs = self._readable(objs)
        records = pairs.read(["display_name", "company_id", "program_id"])
        held = defaultdict(dict)
        for pair, month, count in self.env["calendar.event"]._read_group(
            [("mentorship_pair_id", "in", pairs.ids), ("mentorship_is_held", "=", True)],
            ["mentorship_pair_id", "start:month"],
            ["__count"],
        ):
            held[pair.id][month.date()] = count
        months = self._month_range({month for counts in held.values() for month in counts})
        locale = babel_locale_parse(self.env.lang)
        columns = [
            Column(self.env._("Pair or Group"), 40),
            self._field_column(PAIR, "program_id", 40),
            *(Column(format_date(month, "LLLL y", locale=locale).capitalize(), 11, "integer") for month in months),
            Column(self.env._("Total"), 10, "integer"),
        ]
        rows = []
        for record in records:
            by_month = [held[record["id"]].get(month, 0) for month in months]
            rows.append((record["display_name"], record["program_id"][1], *by_month, sum(by_month)))
        self._write_table(
            workbook,
            self.env._("Meetings by Month"),
            self.env._("Held Meetings per Pair and Month"),
            self._organisation_name(record["company_id"] for record in records),
            columns,
            rows,
            total_label=self.env._("Total"),
            frozen_columns=1,
        )

    def _month_range(self, months):
        """Every month from the earliest to the latest of ``months`` (first
        days), so that a month without meetings shows as a column of zeros."""
        if not months:
            return []
        month, last = min(months), max(months)
        result = []
        while month <= last:
            result.append(month)
            month += relativedelta(months=1)
        return result
