from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestInstall(TransactionCase):
    def test_installed_on_top_of_core(self):
        module = self.env["ir.module.module"].search([("name", "=", "mentorship_school")])
        self.assertEqual(module.state, "installed")
        self.assertEqual(module.dependencies_id.mapped("name"), ["mentorship_core", "queue_job"])
