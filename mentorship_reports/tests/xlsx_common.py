import io

from openpyxl import load_workbook

from odoo import fields

from odoo.addons.mentorship_core.tests.common import MentorshipRolesCase
from odoo.addons.mentorship_core.tools import format_date_ru


class XlsxReportCase(MentorshipRolesCase):
    """Renders the spreadsheets through their report actions as a role of
    the two schools' fixtures and reads them back as a spreadsheet would."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_municipality()

    @classmethod
    def _load_russian(cls):
        cls.env["res.lang"]._activate_lang("ru_RU")
        addons = ["mentorship_core", "mentorship_school", "mentorship_reports"]
        cls.env["ir.module.module"].search([("name", "in", addons)])._update_translations(["ru_RU"])

    def _render(self, report, records, role="curator", lang="en_US", data_only=False):
        """The workbook of the report ``mentorship_reports.action_report_<report>``
        for ``records``, rendered as ``role``; with ``data_only`` the formulas
        read as the values cached in the file."""
        reports = self._as(role, "ir.actions.report").with_context(lang=lang)
        content, file_type = reports._render_xlsx(f"mentorship_reports.action_report_{report}", records.ids, {})
        self.assertEqual(file_type, "xlsx")
        return load_workbook(io.BytesIO(content), data_only=data_only)

    def _rows(self, sheet):
        """The values of the data rows, the header row left out."""
        return [row for row in sheet.iter_rows(min_row=6, values_only=True)]

    def _header(self, sheet):
        return [cell.value for cell in sheet[5]]

    def assertTitled(self, sheet, organisation, title, autofilter, frozen="A6"):
        """The organisation, the title and the date of export above the
        header on row 5, frozen, with the autofilter over the table."""
        today = fields.Date.context_today(self._as("curator", "res.users"))
        self.assertEqual(sheet["A1"].value, organisation)
        self.assertEqual(sheet["A2"].value, title)
        self.assertEqual(sheet["A3"].value, f"Exported on {format_date_ru(today)}")
        self.assertEqual(sheet.freeze_panes, frozen)
        self.assertEqual(sheet.auto_filter.ref, autofilter)
