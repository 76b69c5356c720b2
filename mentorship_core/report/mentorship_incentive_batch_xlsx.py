import math

from odoo import models

COLUMN_WIDTHS = (16, 34, 15, 12, 9, 60)
BASIS_COLUMN = 5
LINE_HEIGHT = 15
A4 = 9
AMOUNT_COLUMN = 3


class MentorshipIncentiveBatchXlsx(models.AbstractModel):
    """The payroll file of a batch, one sheet per batch: a header row, then a
    row per payment, in the columns the CSV file has too."""

    _name = "report.mentorship_core.incentive_batch_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Payroll Batch XLSX File"

    def generate_xlsx_report(self, workbook, data, objs):
        header_format = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
        amount_format = workbook.add_format({"num_format": "0.00", "valign": "top"})
        text_format = workbook.add_format({"text_wrap": True, "valign": "top"})
        for batch in objs:
            sheet = workbook.add_worksheet(batch.name.replace("/", "-"))
            # printed on A4 landscape, one page wide, the header on every page
            sheet.set_paper(A4)
            sheet.set_landscape()
            sheet.fit_to_pages(1, 0)
            sheet.repeat_rows(0)
            for column, width in enumerate(COLUMN_WIDTHS):
                sheet.set_column(column, column, width)
            sheet.write_row(0, 0, batch._export_header(), header_format)
            for row_index, row in enumerate(batch._export_rows(), start=1):
                # spreadsheets do not grow a row for wrapped text written by a program
                lines = math.ceil(len(row[BASIS_COLUMN]) / (COLUMN_WIDTHS[BASIS_COLUMN] - 5)) or 1
                sheet.set_row(row_index, LINE_HEIGHT * lines)
                for column, value in enumerate(row):
                    if column == AMOUNT_COLUMN:
                        sheet.write_number(row_index, column, value, amount_format)
                    else:
                        sheet.write_string(row_index, column, value, text_format)
            sheet.freeze_panes(1, 0)
