from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestInstall(TransactionCase):
    def test_installed_with_portal(self):
        module = self.env["ir.module.module"].search([("name", "=", "mentorship_portal")])
        self.assertEqual(module.state, "installed")
        self.assertEqual(set(module.dependencies_id.mapped("name")), {"mentorship_core", "portal"})
        self.assertEqual(module.dependencies_id.depend_id.mapped("state"), ["installed", "installed"])
