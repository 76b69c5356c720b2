from odoo import models

COLUMN_WIDTHS = (18, 36, 16, 14, 10, 70)
AMOUNT_COLUMN = 3


class MentorshipIncentiveBatchXlsx(models.AbstractModel):
    """The payroll file of a batch, one sheet per batch: a header row, then a
    row per payment, in the columns the CSV file has too."""

    _name = "report.mentorship_core.incentive_batch_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Payroll Batch XLSX File"

    def generate_xlsx_report(self, workbook, data, objs):
        header_format = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
        amount_format = workbook.add_format({"num_format": "0.00"})
        for batch in objs:
            sheet = workbook.add_worksheet(batch.name.replace("/", "-"))
            for column, width in enumerate(COLUMN_WIDTHS):
                sheet.set_column(column, column, width)
            sheet.write_row(0, 0, batch._export_header(), header_format)
            for row_index, row in enumerate(batch._export_rows(), start=1):
                for column, value in enumerate(row):
                    if column == AMOUNT_COLUMN:
                        sheet.write_number(row_index, column, value, amount_format)
                    else:
                        sheet.write_string(row_index, column, value)
            sheet.freeze_panes(1, 0)
