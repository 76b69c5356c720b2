from odoo.tests import TransactionCase, tagged

from .common import MentorshipRolesCase


@tagged("post_install", "-at_install")
class TestSecurityGroups(MentorshipRolesCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_municipality()
        cls.root_menu = cls.env.ref("mentorship_core.menu_mentorship_root")

    def test_module_installed(self):
        module = self.env["ir.module.module"].search([("name", "=", "mentorship_core")])
        self.assertEqual(module.state, "installed")
        self.assertEqual(module.latest_version, "19.0.1.0.0")
        self.assertTrue(module.application)

    def test_groups_share_the_mentorship_category(self):
        category = self.env.ref("mentorship_core.module_category_mentorship")
        groups = self.env["res.groups"].search([("privilege_id.category_id", "=", category.id)])
        self.assertEqual(
            set(groups.get_external_id().values()),
            {
                "mentorship_core.group_mentorship_mentor",
                "mentorship_core.group_mentorship_curator",
                "mentorship_core.group_mentorship_coordinator",
                "mentorship_core.group_mentorship_hr_officer",
                "mentorship_core.group_mentorship_director",
            },
        )

    def test_director_is_curator_and_hr_officer_not_coordinator(self):
        director = self.users["director"]
        self.assertTrue(director.has_group("mentorship_core.group_mentorship_hr_officer"))
        self.assertTrue(director.has_group("mentorship_core.group_mentorship_curator"))
        self.assertFalse(director.has_group("mentorship_core.group_mentorship_coordinator"))
        self.assertFalse(self.users["hr_officer"].has_group("mentorship_core.group_mentorship_director"))

    def test_coordinator_implies_curator_and_mentor(self):
        coordinator = self.users["coordinator"]
        self.assertTrue(coordinator.has_group("mentorship_core.group_mentorship_curator"))
        self.assertTrue(coordinator.has_group("mentorship_core.group_mentorship_mentor"))
        self.assertFalse(coordinator.has_group("mentorship_core.group_mentorship_hr_officer"))
        curator = self.users["curator"]
        self.assertTrue(curator.has_group("mentorship_core.group_mentorship_mentor"))
        self.assertFalse(curator.has_group("mentorship_core.group_mentorship_coordinator"))

    def test_mentorship_groups_are_internal(self):
        for key in ("staff_mentor", "curator", "coordinator", "hr_officer"):
            self.assertTrue(self.users[key]._is_internal(), key)

    def test_top_menu_visible_to_mentorship_groups_only(self):
        Menu = self.env["ir.ui.menu"]
        for key in ("staff_mentor", "curator", "coordinator", "hr_officer"):
            visible = Menu.with_user(self.users[key])._visible_menu_ids()
            self.assertIn(self.root_menu.id, visible, f"{key} should see the Mentorship menu")
        visible = Menu.with_user(self.users["employee"])._visible_menu_ids()
        self.assertNotIn(self.root_menu.id, visible, "a plain employee should not see the Mentorship menu")
        self.assertFalse(Menu.with_user(self.users["portal_mentee"]).has_access("read"))

    def test_only_curators_edit_forms(self):
        Form = self.env["mentorship.form"]
        self.assertTrue(Form.with_user(self.users["staff_mentor"]).has_access("read"))
        self.assertFalse(Form.with_user(self.users["staff_mentor"]).has_access("create"))
        self.assertTrue(Form.with_user(self.users["curator"]).has_access("create"))
