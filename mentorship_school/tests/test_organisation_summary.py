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
                # the department counts its two schools: 2 of the 6 active mentees in a running pair
                self.department: [6, 7, 2, 2, 1, 1, 33.3],
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


@tagged("post_install", "-at_install")
class TestOrganisationRollUp(MentorshipRolesCase, TransactionCase):
    """Region → department → two schools: each level counts what is below it,
    among the organisations the user works in."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_municipality()
        Company = cls.env["res.company"]
        cls.region = Company.create({"name": "Test Region"})
        cls.district = Company.create({"name": "Test District Department", "parent_id": cls.region.id})
        cls.school_c = Company.create({"name": "Test School No. 3", "parent_id": cls.district.id})
        cls.school_d = Company.create({"name": "Test School No. 4", "parent_id": cls.district.id})
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=(cls.school_c | cls.school_d).ids))
        program_c = cls._program(cls.form_teachers, "School 3 teachers", company=cls.school_c)
        program_d = cls._program(cls.form_teachers, "School 4 teachers", company=cls.school_d)
        # school 3: a running pair and a mentee waiting; school 4: a pair forming and its mentee
        running = cls._pair(
            cls._mentor("C Mentor", company=cls.school_c), cls._mentee("C Mentee", company=cls.school_c), program_c
        )
        cls._approve(running)
        cls._mentee("C Waiting Mentee", company=cls.school_c)
        cls._pair(
            cls._mentor("D Mentor", company=cls.school_d),
            cls._mentee("D Mentee", company=cls.school_d),
            program_d,
        )
        # the department's own mentor (a methodologist), in no pair
        cls._mentor("District Methodologist", company=cls.district)
        cls.regional = cls._school_user(
            "test_regional_coordinator",
            "mentorship_core.group_mentorship_coordinator",
            cls.region | cls.district | cls.school_c | cls.school_d,
        )
        # a coordinator of the district who does not work in school 4
        cls.partial = cls._school_user(
            "test_partial_coordinator",
            "mentorship_core.group_mentorship_coordinator",
            cls.district | cls.school_c,
        )

    def _figures(self, user):
        summaries = self._as(user, "mentorship.organisation.summary").search([])
        return {summary.company_id: [summary[name] for name in FIGURES] for summary in summaries}

    def test_three_levels_roll_up(self):
        self.assertEqual(
            self._figures(self.regional),
            {
                # mentors 3, mentees 3 (all active), 1 forming, 1 running: 1 of 3 mentees covered (33.3 %)
                self.region: [3, 3, 1, 1, 0, 0, 33.3],
                self.district: [3, 3, 1, 1, 0, 0, 33.3],
                self.school_c: [1, 2, 0, 1, 0, 0, 50.0],
                self.school_d: [1, 1, 1, 0, 0, 0, 0.0],
            },
        )

    def test_a_coordinator_sees_the_figures_of_the_organisations_they_work_in(self):
        """The district's row of a coordinator who does not work in school 4
        counts the district and school 3 only; the region, where they do not
        work, is no row of theirs."""
        self.assertEqual(
            self._figures(self.partial),
            {
                self.district: [2, 2, 0, 1, 0, 0, 50.0],
                self.school_c: [1, 2, 0, 1, 0, 0, 50.0],
            },
        )

    def test_the_municipality_of_another_department_stays_apart(self):
        """The department of the roles case is no part of the region: its
        coordinator's figures do not move."""
        figures = self._figures(self.coordinator)
        self.assertEqual(set(figures), {self.department, self.school, self.school_b})
        self.assertEqual(figures[self.department][:4], [4, 4, 4, 0])

    def test_rolling_up_takes_the_same_queries_for_one_or_all_levels(self):
        summaries = self._as(self.regional, "mentorship.organisation.summary").search([])

        def queries(records):
            records.invalidate_recordset()
            before = self.cr.sql_log_count
            records.mapped("coverage")
            return self.cr.sql_log_count - before

        self.assertEqual(len(summaries), 4)
        self.assertEqual(queries(summaries[-1]), queries(summaries))
        self.assertLessEqual(queries(summaries), 5)
