from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestInstall(TransactionCase):
    def test_installed_with_oca_report_engines(self):
        module = self.env["ir.module.module"].search([("name", "=", "mentorship_reports")])
        self.assertEqual(module.state, "installed")
        dependencies = module.dependencies_id.depend_id
        self.assertEqual(
            set(dependencies.mapped("name")),
            {"mentorship_core", "mentorship_school", "report_xlsx", "report_py3o", "spreadsheet_dashboard"},
        )
        self.assertEqual(set(dependencies.mapped("state")), {"installed"})

    def test_report_types_available(self):
        """The OCA engines register their report types on ir.actions.report."""
        report_types = dict(self.env["ir.actions.report"]._fields["report_type"].selection)
        self.assertIn("xlsx", report_types)
        self.assertIn("py3o", report_types)
