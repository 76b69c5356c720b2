import math
from typing import NamedTuple

from xlsxwriter.utility import xl_range

from odoo import fields, models
from odoo.exceptions import UserError

from odoo.addons.mentorship_core.tools import format_date_ru

HEADER_ROW = 4  # below the organisation, the title, the date of export and a blank row
A4 = 9
LINE_HEIGHT = 15
STYLES = {
    "text": {"text_wrap": True, "valign": "top"},
    "integer": {"num_format": "0", "valign": "top"},
    "decimal": {"num_format": "0.00", "valign": "top"},
    "date": {"num_format": "dd.mm.yyyy", "valign": "top", "align": "left"},
}


class Column(NamedTuple):
    label: str
    width: int
    style: str = "text"  # a key of STYLES


class MentorshipXlsxTable(models.AbstractModel):
    """What the spreadsheets of the mentorship share: a sheet is a titled
    table (organisation, title, date of export) whose header stays frozen,
    with an autofilter, real numbers and dates, printed on A4 landscape."""

    _name = "report.mentorship_reports.xlsx_table"
    _inherit = "report.report_xlsx.abstract"
    _description = "Mentorship XLSX Table"

    def get_workbook_options(self):
        """Rows are written once and in order, so xlsxwriter keeps only the
        current row in memory: a base of 20,000 mentees stays small."""
        return {"constant_memory": True}

    def _readable(self, records):
        """The records of the selection the user may read, in its order: a
        forged list of ids exports nothing of another organisation."""
        readable = records._filtered_access("read")
        if not readable:
            raise UserError(self.env._("There is nothing to export: select the records to put in the spreadsheet."))
        return readable

    def _field_column(self, model_name, field_name, width, style="text"):
        """A column headed by the field's label in the user's language."""
        field = self.env[model_name]._fields[field_name]
        return Column(field._description_string(self.env), width, style)

    def _selection_labels(self, model_name, field_name):
        field = self.env[model_name]._fields[field_name]
        return dict(field._description_selection(self.env))

    def _many2many_names(self, rows, field_name, comodel_name):
        """{id: name} of the records that the many2many ``field_name`` of
        the ``rows`` (from ``read``) links to, read at once."""
        linked = self.env[comodel_name].browse({id_ for row in rows for id_ in row[field_name]})
        return {row["id"]: row["display_name"] for row in linked.read(["display_name"])}

    def _yes_no(self, value):
        return self.env._("Yes") if value else self.env._("No")

    def _organisation_name(self, companies):
        """The organisation of the records, or the user's when they belong to
        several (a coordinator's export) or to none. ``companies`` are the
        ``(id, name)`` pairs that ``read`` gives for a many2one."""
        distinct = {company for company in companies if company}
        return next(iter(distinct))[1] if len(distinct) == 1 else self.env.company.name

    def _write_table(
        self, workbook, sheet_name, title, organisation, columns, rows, total_label=None, frozen_columns=0
    ):
        """Write ``rows`` (tuples of values, one per column) as a table sheet.
        With ``total_label``, a row below the table sums its number columns
        with SUBTOTAL, which follows the autofilter."""
        sheet = workbook.add_worksheet(sheet_name)
        sheet.set_paper(A4)
        sheet.set_landscape()
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(HEADER_ROW)
        cell_formats = {style: workbook.add_format({"border": 1, **props}) for style, props in STYLES.items()}
        header_format = workbook.add_format(
            {"bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True, "valign": "vcenter"}
        )
        for index, column in enumerate(columns):
            sheet.set_column(index, index, column.width)
        sheet.write_string(0, 0, organisation, workbook.add_format({"bold": True, "font_size": 14}))
        sheet.write_string(1, 0, title, workbook.add_format({"bold": True, "font_size": 12}))
        sheet.write_string(
            2, 0, self.env._("Exported on %(date)s", date=format_date_ru(fields.Date.context_today(self)))
        )
        labels = [column.label for column in columns]
        sheet.set_row(HEADER_ROW, self._row_height(columns, labels))
        sheet.write_row(HEADER_ROW, 0, labels, header_format)
        row_index = HEADER_ROW
        for row_index, row in enumerate(rows, start=HEADER_ROW + 1):
            height = self._row_height(columns, row)
            if height > LINE_HEIGHT:
                sheet.set_row(row_index, height)
            for column_index, (column, value) in enumerate(zip(columns, row, strict=True)):
                cell_format = cell_formats[column.style]
                if value is False or value is None or value == "":
                    sheet.write_blank(row_index, column_index, None, cell_format)
                elif column.style == "date":
                    sheet.write_datetime(row_index, column_index, value, cell_format)
                elif column.style == "text":
                    sheet.write_string(row_index, column_index, value, cell_format)
                else:
                    sheet.write_number(row_index, column_index, value, cell_format)
        sheet.freeze_panes(HEADER_ROW + 1, frozen_columns)
        sheet.autofilter(HEADER_ROW, 0, row_index, len(columns) - 1)
        if total_label and rows:
            self._write_total_row(workbook, sheet, row_index + 1, total_label, columns, rows)
        return sheet

    def _row_height(self, columns, values):
        """The height that shows every line of the wrapped texts: spreadsheets
        do not grow a row for text written by a program."""
        lines = max(
            (
                math.ceil(len(value) / max(column.width - 2, 1))
                for column, value in zip(columns, values, strict=True)
                if isinstance(value, str)
            ),
            default=1,
        )
        return LINE_HEIGHT * max(lines, 1)

    def _write_total_row(self, workbook, sheet, total_row, label, columns, rows):
        total_formats = {
            style: workbook.add_format({**props, "bold": True, "border": 1, "top": 2})
            for style, props in STYLES.items()
        }
        sheet.write_string(total_row, 0, label, total_formats["text"])
        for index, column in enumerate(columns[1:], start=1):
            total_format = total_formats[column.style]
            if column.style not in ("integer", "decimal"):
                sheet.write_blank(total_row, index, None, total_format)
                continue
            cells = xl_range(HEADER_ROW + 1, index, total_row - 1, index)
            total = sum(row[index] or 0 for row in rows)
            sheet.write_formula(total_row, index, f"=SUBTOTAL(9,{cells})", total_format, total)
