"""Each back-office role opens every screen its menus show, without an access
error: the views as the web client loads them (get_views, then the records
with the fields of each view, relations with their display names)."""

from lxml import etree

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.mentorship_core.tests.common import MentorshipRolesCase

BACK_OFFICE_ROLES = ("curator", "coordinator", "staff_mentor", "hr_officer", "director")
RECORD_VIEWS = ("list", "kanban", "calendar", "form")
GROUPED_VIEWS = ("pivot", "graph")


@tagged("post_install", "-at_install")
class TestRoleScreens(MentorshipRolesCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_municipality()
        cls.root_menu = cls.env.ref("mentorship_core.menu_mentorship_root")

    def _menu_actions(self, env):
        """The window actions of the Mentorship menus the user sees."""
        Menu = env["ir.ui.menu"]
        visible = Menu._visible_menu_ids()
        menus = Menu.browse(visible).filtered(
            lambda menu: (
                menu.action
                and menu.parent_path.startswith(self.root_menu.parent_path)
                and all(int(ancestor) in visible for ancestor in menu.parent_path.split("/")[:-1])
            )
        )
        return [(menu, menu.sudo().action) for menu in menus if menu.sudo().action._name == "ir.actions.act_window"]

    @staticmethod
    def _specification(model, arch):
        """The fields the web client reads for ``arch``: each top-level field,
        relations with their display name."""
        spec = {}
        for node in etree.fromstring(arch).iter("field"):
            if any(parent.tag == "field" for parent in node.iterancestors()):
                continue
            field = model._fields.get(node.get("name"))
            if field is None:
                continue
            spec[field.name] = {"fields": {"display_name": {}}} if field.relational else {}
        return spec

    def _open(self, env, action):
        eval_context = {"uid": env.uid, "context": env.context, "allowed_company_ids": env.companies.ids}
        context = {**env.context, **safe_eval(action.context or "{}", eval_context)}
        model = env[action.res_model].with_context(context)
        domain = safe_eval(action.domain or "[]", eval_context)
        modes = [mode for mode in action.view_mode.split(",") if mode in RECORD_VIEWS + GROUPED_VIEWS]
        views = model.get_views([(False, mode) for mode in modes])["views"]
        first = model.browse()
        for mode in modes:
            spec = self._specification(model, views[mode]["arch"])
            if mode in GROUPED_VIEWS:
                model.formatted_read_group(domain, [], ["__count"])
            elif mode == "form":
                if first:
                    first.web_read(spec)
                elif model.has_access("create"):
                    model.onchange({}, [], spec)
            else:
                records = model.web_search_read(domain, spec, limit=20)["records"]
                first = model.browse([records[0]["id"]]) if records else first

    def test_every_menu_opens_for_every_role(self):
        refused = []
        for role in BACK_OFFICE_ROLES:
            env = self._as(role)
            actions = self._menu_actions(env)
            self.assertTrue(actions, f"{role} sees no Mentorship screen")
            for menu, action in actions:
                try:
                    with self.env.cr.savepoint():
                        self._open(env, action)
                except AccessError as error:
                    refused.append(f"{role} › {menu.complete_name}: {error.args[0].splitlines()[0]}")
        self.assertFalse(refused, "\n".join(["Screens that refuse their own role:", *refused]))

    def test_curators_open_the_questionnaires_and_their_answers(self):
        """Monitoring › Questionnaires and Answers open survey's own list and
        form for the curator and the coordinator, with an answer to read;
        a staff mentor has no such menu."""
        survey = self.env.ref("mentorship_core.survey_mentee_satisfaction_teachers")
        answer = survey._create_answer(partner=self.teacher_mentee.partner_id, check_attempts=False)
        answer.mentorship_pair_id = self.staff_pair
        screens = {"mentorship_core.mentorship_survey_action", "mentorship_core.mentorship_survey_user_input_action"}
        for role in ("curator", "coordinator"):
            env = self._as(role)
            actions = {action.xml_id: action for _menu, action in self._menu_actions(env)}
            self.assertLessEqual(screens, set(actions), role)
            for xml_id in screens:
                self._open(env, actions[xml_id])
            self.assertIn(answer, env["survey.user_input"].search([]), role)
        self.assertFalse(screens & {action.xml_id for _menu, action in self._menu_actions(self._as("staff_mentor"))})
