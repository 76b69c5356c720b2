"""Every mentorship user lands in Mentorship after login: the web client
opens the first app of the user's menu, and Mentorship comes before Discuss."""

from odoo.tests import TransactionCase, tagged

from .common import MentorshipRolesCase


@tagged("post_install", "-at_install")
class TestLanding(MentorshipRolesCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_municipality()

    def _first_app(self, role):
        menus = self._as(role, "ir.ui.menu").load_menus(debug=False)
        return self.env["ir.ui.menu"].browse(menus["root"]["children"][0])

    def test_each_role_lands_in_mentorship(self):
        mentorship = self.env.ref("mentorship_core.menu_mentorship_root")
        for role in ("curator", "coordinator", "staff_mentor", "hr_officer", "director"):
            with self.subTest(role=role):
                self.assertEqual(self._first_app(role), mentorship)

    def test_a_plain_employee_keeps_odoo_s_first_app(self):
        self.assertNotEqual(self._first_app("employee"), self.env.ref("mentorship_core.menu_mentorship_root"))
