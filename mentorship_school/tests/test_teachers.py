from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import Form, TransactionCase, tagged

from odoo.addons.mentorship_core.tests.common import MentorshipCase


@tagged("post_install", "-at_install")
class TestTeachers(MentorshipCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()
        cls.today = fields.Date.context_today(cls.env["hr.employee"])

    def _teacher(self, name, years_teaching, age, **values):
        return self.env["hr.employee"].create(
            {
                "name": name,
                "company_id": self.school.id,
                "mentorship_teaching_since": self.today - relativedelta(years=years_teaching, days=1),
                "birthday": self.today - relativedelta(years=age, days=1),
                **values,
            }
        )

    def test_young_specialist(self):
        young = self._teacher("Young Teacher", 2, 25)
        experienced = self._teacher("Experienced Teacher", 12, 40)
        late_starter = self._teacher("Late Starter", 1, 40)
        self.assertEqual(young.mentorship_experience_years, 2)
        self.assertEqual(experienced.mentorship_experience_years, 12)
        self.assertTrue(young.mentorship_is_young_specialist)
        self.assertFalse(experienced.mentorship_is_young_specialist)
        self.assertFalse(late_starter.mentorship_is_young_specialist, "over the age limit of 35")
        Employee = self.env["hr.employee"]
        teachers = young | experienced | late_starter
        self.assertEqual(teachers & Employee.search([("mentorship_is_young_specialist", "=", True)]), young)
        self.assertEqual(
            teachers & Employee.search([("mentorship_is_young_specialist", "=", False)]), experienced | late_starter
        )
        self.env["ir.config_parameter"].set_param("mentorship_school.young_specialist_max_age", 45)
        teachers.invalidate_recordset(["mentorship_is_young_specialist"])
        self.assertTrue(late_starter.mentorship_is_young_specialist)

    def test_position_change_taken_from_contract_history(self):
        teacher = self._teacher("Moved Teacher", 10, 45)
        self.assertFalse(teacher.mentorship_position_changed_on)
        teacher.version_ids.date_version = self.today - relativedelta(years=5)
        deputy = self.env["hr.job"].create({"name": "Deputy head", "company_id": self.school.id})
        changed_on = self.today - relativedelta(months=2)
        teacher.create_version({"date_version": changed_on, "job_id": deputy.id})
        self.assertEqual(teacher.mentorship_position_changed_on, changed_on)
        self.assertIn("changed school or position", teacher._mentorship_needs_mentor())

    def test_yearly_refresh_turns_teachers_into_mentees(self):
        young = self._teacher("Young Teacher", 1, 24)
        returned = self._teacher("Returned Teacher", 15, 50, mentorship_returned_to_profession=True)
        self._teacher("Settled Teacher", 20, 48)
        already = self._teacher("Already Mentee", 1, 26)
        self.env["mentorship.mentee"].create(
            {"partner_id": already.work_contact_id.id, "employee_id": already.id, "company_id": self.school.id}
        )
        wizard_form = Form(self.env["mentorship.teacher.refresh.wizard"].with_company(self.school))
        wizard = wizard_form.save()
        proposed = {line.employee_id: line for line in wizard.line_ids}
        self.assertEqual(set(proposed), {young, returned})
        self.assertEqual(proposed[young].category_id, self.cat_young_teacher)
        self.assertEqual(
            proposed[returned].category_id, self.env.ref("mentorship_core.mentee_category_teacher_changed")
        )
        self.assertIn("returned to the profession", proposed[returned].reason)
        proposed[returned].selected = False
        action = wizard.action_create_mentees()
        mentees = self.env["mentorship.mentee"].search(action["domain"])
        self.assertEqual(mentees.employee_id, young)
        self.assertEqual(mentees.partner_id, young.work_contact_id)
        self.assertEqual(mentees.company_id, self.school)
        again = self.env["mentorship.teacher.refresh.wizard"].with_company(self.school).create({})
        self.assertEqual(again.line_ids.employee_id, returned, "the young teacher is a mentee now")

    def test_curator_refreshes_without_hr_rights(self):
        young = self._teacher("Young Teacher", 1, 24)
        curator_env = self.env(user=self.curator, context={"allowed_company_ids": self.school.ids})
        teachers = curator_env["hr.employee"].web_search_read(
            [("mentorship_teaching_since", "!=", False)],
            {"name": {}, "mentorship_experience_years": {}, "mentorship_is_young_specialist": {}},
        )
        self.assertEqual([record["id"] for record in teachers["records"]], young.ids)
        views = curator_env["hr.employee"].get_views(
            [
                (self.env.ref("mentorship_school.hr_employee_view_list_teacher").id, "list"),
                (self.env.ref("mentorship_school.hr_employee_view_form_teacher").id, "form"),
            ]
        )
        used_fields = views["models"]["hr.employee"]["fields"]
        (values,) = curator_env["hr.employee"].browse(young.id).web_read({name: {} for name in used_fields})
        self.assertTrue(values["mentorship_is_young_specialist"])
        wizard = curator_env["mentorship.teacher.refresh.wizard"].create({})
        self.assertEqual(wizard.line_ids.employee_id, young)
        wizard.action_create_mentees()
        self.assertEqual(young.mentorship_mentee_ids.partner_id, young.work_contact_id)

    def test_employees_read_colleagues_without_teacher_data(self):
        """Odoo's own rule (hr's TestSelfAccessPreferences): an employee
        without HR rights reads the public profiles of all employees."""
        teacher = self._teacher("Young Teacher", 1, 24)
        employee = self._school_user("plain_employee", "base.group_user")
        employees = (
            self.env["hr.employee"].with_user(employee).with_context(allowed_company_ids=self.school.ids).search([])
        )
        self.assertIn(teacher, employees)
        values = {name for record in employees.read([]) for name in record}
        self.assertFalse({name for name in values if name.startswith("mentorship_")})
        hr_user = self._school_user("hr_user", "hr.group_hr_user")
        self.assertEqual(
            teacher.with_user(hr_user).with_context(allowed_company_ids=self.school.ids).mentorship_experience_years, 1
        )

    def test_refresh_without_selection_is_refused(self):
        self._teacher("Young Teacher", 1, 24)
        wizard = self.env["mentorship.teacher.refresh.wizard"].with_company(self.school).create({})
        wizard.line_ids.selected = False
        with self.assertRefused("Select at least one teacher", UserError):
            wizard.action_create_mentees()
        self.assertFalse(self.env["mentorship.mentee"].search([("employee_id.name", "=", "Young Teacher")]))
