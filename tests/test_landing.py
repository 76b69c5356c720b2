"""Each mentorship role lands, after login, on its Mentorship screen, and the
coordinator of a department lands in the department with its schools."""

from odoo.tests import HttpCase, tagged

from odoo.addons.mentorship_core.tests.common import MentorshipRolesCase

LANDING_MODELS = {
    "curator": "mentorship.pair",
    "staff_mentor": "mentorship.pair",
    "hr_officer": "mentorship.incentive",
    "director": "mentorship.incentive",
    "coordinator": "mentorship.organisation.summary",
}


@tagged("post_install", "-at_install")
class TestLanding(MentorshipRolesCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_municipality()

    def _land(self, role):
        """Log in as ``role`` in a new browser session and open its home
        action as the web client does; return the action and the active
        companies the web client will use."""
        self.opener.cookies.clear()
        login = self.users[role].login
        self.authenticate(login, login)
        info = self.make_jsonrpc_request("/web/session/get_session_info")
        self.assertTrue(info["home_action_id"], f"{role} has no home action")
        action = self.make_jsonrpc_request("/web/action/run", {"action_id": info["home_action_id"]})
        cids = self.opener.cookies.get("cids")
        return action, [int(cid) for cid in cids.split("-")] if cids else []

    def test_each_role_lands_on_its_mentorship_screen(self):
        for role, model in LANDING_MODELS.items():
            with self.subTest(role=role):
                action, companies = self._land(role)
                self.assertEqual(action["res_model"], model)
                self.assertEqual(companies[0], self.users[role].company_id.id, "the user's own organisation first")

    def test_a_staff_mentor_lands_on_their_running_pairs(self):
        action, _companies = self._land("staff_mentor")
        self.assertEqual(action["views"][0][1], "list")
        self.assertEqual(action["context"], {"search_default_my": 1, "search_default_running": 1})
        curator_action, _companies = self._land("curator")
        self.assertEqual(curator_action["views"][0][1], "kanban", "the curator lands on the pipeline")

    def test_the_coordinator_lands_in_the_department_with_its_schools(self):
        action, companies = self._land("coordinator")
        self.assertEqual(companies[0], self.department.id)
        self.assertCountEqual(companies, (self.department | self.school | self.school_b).ids)
        rows = self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {
                "model": action["res_model"],
                "method": "web_search_read",
                "args": [[]],
                "kwargs": {
                    "specification": {"company_id": {"fields": {"display_name": {}}}, "mentee_count": {}},
                    "context": {"allowed_company_ids": companies},
                },
            },
        )["records"]
        schools = {row["company_id"]["id"]: row for row in rows}
        self.assertIn(self.school.id, schools)
        self.assertIn(self.school_b.id, schools)
        self.assertGreater(schools[self.school_b.id]["mentee_count"], 0, "the other school's mentees are counted")

    def test_a_chosen_company_selection_is_kept(self):
        self.authenticate("test_municipal_coordinator", "test_municipal_coordinator")
        self.opener.cookies.set("cids", str(self.school_b.id))
        self.make_jsonrpc_request("/web/session/get_session_info")
        self.assertEqual(self.opener.cookies.get("cids"), str(self.school_b.id))

    def test_an_employee_without_a_mentorship_role_keeps_odoo_s_landing(self):
        self.opener.cookies.clear()
        self.authenticate("test_plain_employee", "test_plain_employee")
        info = self.make_jsonrpc_request("/web/session/get_session_info")
        self.assertFalse(info["home_action_id"])
        self.assertIsNone(self.opener.cookies.get("cids"))
