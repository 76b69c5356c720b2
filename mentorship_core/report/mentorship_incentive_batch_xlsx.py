import math

from xlsxwriter.utility import xl_range

from odoo import fields, models

from ..tools import format_date_ru

COLUMN_WIDTHS = (16, 34, 15, 12, 9, 60)
BASIS_COLUMN = 5
LINE_HEIGHT = 15
A4 = 9
AMOUNT_COLUMN = 3
HEADER_ROW = 4  # below the organisation, the title, the date of export and a blank row


class MentorshipIncentiveBatchXlsx(models.AbstractModel):
    """The payroll file of a batch, one sheet per batch: the organisation,
    the title with the period and the date of export, then the table (a
    header row, a row per payment in the columns the CSV file has too) and
    its total."""

    _name = "report.mentorship_core.incentive_batch_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Payroll Batch XLSX File"

    def generate_xlsx_report(self, workbook, data, objs):
        header_format = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
        amount_format = workbook.add_format({"num_format": "0.00", "valign": "top"})
        text_format = workbook.add_format({"text_wrap": True, "valign": "top"})
        total_text_format = workbook.add_format({"bold": True, "top": 2})
        total_amount_format = workbook.add_format({"bold": True, "top": 2, "num_format": "0.00"})
        for batch in objs:
            sheet = workbook.add_worksheet(batch.name.replace("/", "-"))
            # printed on A4 landscape, one page wide, the header on every page
            sheet.set_paper(A4)
            sheet.set_landscape()
            sheet.fit_to_pages(1, 0)
            sheet.repeat_rows(HEADER_ROW)
            for column, width in enumerate(COLUMN_WIDTHS):
                sheet.set_column(column, column, width)
            sheet.write_string(0, 0, batch.company_id.name, workbook.add_format({"bold": True, "font_size": 14}))
            sheet.write_string(1, 0, batch._export_title(), workbook.add_format({"bold": True, "font_size": 12}))
            sheet.write_string(
                2, 0, self.env._("Exported on %(date)s", date=format_date_ru(fields.Date.context_today(self)))
            )
            sheet.write_row(HEADER_ROW, 0, batch._export_header(), header_format)
            rows = batch._export_rows()
            for row_index, row in enumerate(rows, start=HEADER_ROW + 1):
                # spreadsheets do not grow a row for wrapped text written by a program
                lines = math.ceil(len(row[BASIS_COLUMN]) / (COLUMN_WIDTHS[BASIS_COLUMN] - 5)) or 1
                sheet.set_row(row_index, LINE_HEIGHT * lines)
                for column, value in enumerate(row):
                    if column == AMOUNT_COLUMN:
                        sheet.write_number(row_index, column, value, amount_format)
                    else:
                        sheet.write_string(row_index, column, value, text_format)
            last_row = HEADER_ROW + len(rows)
            sheet.autofilter(HEADER_ROW, 0, last_row, len(COLUMN_WIDTHS) - 1)
            # the total follows the autofilter: SUBTOTAL sums the rows shown
            total_row = last_row + 1
            sheet.write_string(total_row, 1, self.env._("Total"), total_text_format)
            sheet.write_formula(
                total_row,
                AMOUNT_COLUMN,
                f"=SUBTOTAL(9,{xl_range(HEADER_ROW + 1, AMOUNT_COLUMN, max(last_row, HEADER_ROW + 1), AMOUNT_COLUMN)})",
                total_amount_format,
                sum(row[AMOUNT_COLUMN] for row in rows),
            )
            sheet.freeze_panes(HEADER_ROW + 1, 0)
