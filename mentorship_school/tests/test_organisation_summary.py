"""The coordinator's screen of the organisations of the department."""

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.mentorship_core.tests.common import MentorshipRolesCase

FIGURES = [
    "mentor_count",
    "mentee_count",
    "pair_forming_count",
    "pair_running_count",
    "pair_completed_count",
    "pair_dissolved_count",
    "coverage",
]


@tagged("post_install", "-at_install")
class TestOrganisationSummary(MentorshipRolesCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_municipality()
        # school A: two running pairs, one still forming (other_pair), one completed, one dissolved
        cls._approve(cls.staff_pair | cls.pupil_pair)
        cls.pupil_pair.action_start_work()
        completed = cls._pair(cls._mentor("Completed Mentor"), cls._mentee("Completed Mentee"))
        cls._approve(completed)
        completed.action_start_work()
        completed.action_complete()
        cls._pair(cls._mentor("Dissolved Mentor"), cls._mentee("Dissolved Mentee"))._dissolve("Moved away")
        cls._mentee("Candidate Mentee").state = "candidate"
        cls._mentee("Archived Mentee").state = "archived"

    def _figures(self, summaries):
        return {summary.company_id: [summary[name] for name in FIGURES] for summary in summaries}

    def test_counts_of_every_organisation_of_the_coordinator(self):
        summaries = self._as("coordinator", "mentorship.organisation.summary").search([])
        self.assertEqual(summaries.company_id, self.department | self.school | self.school_b, "department first")
        self.assertEqual(
            self._figures(summaries),
            {
                self.department: [0, 0, 0, 0, 0, 0, 0.0],
                # 5 mentors; 6 mentees (the archived one left), 2 of the 5 active ones in a running pair
                self.school: [5, 6, 1, 2, 1, 1, 40.0],
                self.school_b: [1, 1, 1, 0, 0, 0, 0.0],
            },
        )
        self.assertEqual(summaries[1].parent_id, self.department)

    def test_the_coordinator_opens_the_list_and_the_form(self):
        action = self._as("coordinator")["ir.actions.act_window"]._for_xml_id(
            "mentorship_school.mentorship_organisation_summary_action"
        )
        Summary = self._as("coordinator", "mentorship.organisation.summary")
        views = Summary.get_views([(False, "list"), (False, "form"), (False, "search")])
        fields = views["models"]["mentorship.organisation.summary"]["fields"]
        result = Summary.web_search_read(
            action.get("domain") or [], {name: {} for name in fields if name in Summary._fields}
        )
        row = next(record for record in result["records"] if record["company_id"] == self.school.id)
        self.assertEqual((row["pair_running_count"], row["coverage"]), (2, 40.0))
        groups = Summary.web_read_group([], ["parent_id"], ["__count"])["groups"]
        self.assertIn((self.department.id, 2), [(g["parent_id"][0], g["__count"]) for g in groups if g["parent_id"]])

    def test_counts_whatever_organisations_are_selected(self):
        """The screen shows all the coordinator's organisations even when the
        company switcher selects one of them."""
        env = self.env(user=self.coordinator, context={"allowed_company_ids": self.school.ids})
        summaries = env["mentorship.organisation.summary"].search([])
        self.assertEqual(self._figures(summaries)[self.school_b], [1, 1, 1, 0, 0, 0, 0.0])

    def test_figures_take_the_same_queries_for_one_or_all_organisations(self):
        summaries = self._as("coordinator", "mentorship.organisation.summary").search([])

        def queries(records):
            records.invalidate_recordset()
            before = self.cr.sql_log_count
            records.mapped("coverage")
            return self.cr.sql_log_count - before

        self.assertEqual(queries(summaries[1]), queries(summaries))
        self.assertLessEqual(queries(summaries), 5)

    def test_curators_have_no_such_screen(self):
        with mute_logger("odoo.addons.base.models.ir_model"), self.assertRaises(AccessError):
            self._as("curator", "mentorship.organisation.summary").search([])
        menu = self.env.ref("mentorship_school.menu_mentorship_organisation_summary")
        for role, visible in (("curator", False), ("coordinator", True)):
            with self.subTest(role=role):
                visible_menus = self._as(role, "ir.ui.menu")._visible_menu_ids()
                self.assertEqual(menu.id in visible_menus, visible)
