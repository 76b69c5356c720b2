"""The school's people have forms of their own: a pupil's, a parent's and an
outside mentor's, none of Odoo's business contact fields, opened from the
pupils' and parents' menus and from the mentee and mentor forms."""

from datetime import date

from lxml import etree

from odoo import Command
from odoo.tests import Form, TransactionCase, tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.mentorship_core.tests.common import MentorshipRolesCase

BUSINESS_FIELDS = ("company_type", "vat", "website", "category_id", "user_id", "property_payment_term_id")


@tagged("post_install", "-at_install")
class TestPersonForms(MentorshipRolesCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_municipality()

    def _fields_of(self, view_xmlid, model="res.partner"):
        arch = self.env[model].get_view(self.env.ref(view_xmlid).id, "form")["arch"]
        fields = {}
        for node in etree.fromstring(arch).iter("field"):
            fields.setdefault(node.get("name"), node)  # the form's own, before its lists' columns
        return fields

    def test_person_forms_have_no_business_fields(self):
        forms = {
            "mentorship_core.res_partner_view_form_person": ("name", "email", "phone", "mentorship_is_minor"),
            "mentorship_school.res_partner_view_form_pupil": (
                "name",
                "mentorship_school_class",
                "mentorship_birthdate",
                "mentorship_is_minor",
                "mentorship_has_sen",
                "mentorship_guardian_ids",
                "email",
                "phone",
                "mentorship_mark_ids",
            ),
            "mentorship_school.res_partner_view_form_parent": ("name", "mentorship_ward_ids", "email", "phone"),
            "mentorship_school.res_partner_view_form_external_mentor": ("name", "parent_id", "function", "email"),
        }
        for xmlid, expected in forms.items():
            with self.subTest(form=xmlid):
                fields = self._fields_of(xmlid)
                self.assertFalse(set(BUSINESS_FIELDS) & set(fields))
                self.assertLessEqual(set(expected), set(fields))
                self.assertEqual(fields["name"].get("string"), "Full Name")

    def test_menus_open_the_people_forms(self):
        for action, form in (
            ("mentorship_school.res_partner_pupil_action", "mentorship_school.res_partner_view_form_pupil"),
            ("mentorship_school.res_partner_parent_action", "mentorship_school.res_partner_view_form_parent"),
        ):
            with self.subTest(action=action):
                views = self.env.ref(action).view_ids
                self.assertEqual(views.filtered(lambda view: view.view_mode == "form").view_id, self.env.ref(form))
        pupil_list = self.env.ref("mentorship_school.res_partner_view_list_pupil")
        name = etree.fromstring(self.env["res.partner"].get_view(pupil_list.id, "list")["arch"]).find(
            ".//field[@name='name']"
        )
        self.assertEqual(name.get("string"), "Full Name", "the pupils' list heads its names «ФИО», not «Название»")

    def test_parents_menu_lists_the_parents_of_the_users_pupils(self):
        mother = self.users["parent"].partner_id
        pupil_b = self.env["res.partner"].create(
            {"name": "Pupil of B", "mentorship_is_pupil": True, "company_id": self.school_b.id}
        )
        father_b = self.env["res.partner"].create(
            {"name": "Father in B", "mentorship_ward_ids": [Command.set(pupil_b.ids)]}
        )
        action = self.env.ref("mentorship_school.res_partner_parent_action")
        curator = self.users["curator"]
        domain = safe_eval(action.domain, {"allowed_company_ids": self._user_companies(curator).ids})
        parents = self._as("curator", "res.partner").search(domain)
        self.assertIn(mother, parents)
        self.assertNotIn(father_b, parents, "a parent of another school's pupil is not the curator's")

    def test_curator_registers_a_pupil_and_a_parent_in_their_forms(self):
        partners = self._as("curator", "res.partner")
        with Form(
            partners.with_context(default_mentorship_is_pupil=True, default_is_company=False),
            view="mentorship_school.res_partner_view_form_pupil",
        ) as pupil_form:
            pupil_form.name = "Petrov Ivan Sergeevich"
            pupil_form.mentorship_school_class = "7A"
            pupil_form.mentorship_birthdate = date(2013, 4, 2)
            pupil_form.email = "ivan.petrov@family.test"
        pupil = pupil_form.record
        self.assertRecordValues(
            pupil.sudo(),
            [
                {
                    "mentorship_is_pupil": True,
                    "mentorship_is_minor": True,
                    "company_id": self.school.id,
                    "is_company": False,
                }
            ],
        )
        with Form(partners, view="mentorship_school.res_partner_view_form_parent") as parent_form:
            parent_form.name = "Petrova Anna Viktorovna"
            parent_form.phone = "+7 900 000-00-00"
            parent_form.mentorship_ward_ids.add(pupil)
        self.assertEqual(pupil.sudo().mentorship_guardian_ids, parent_form.record)

    def test_curator_registers_an_outside_mentor_with_organisation_and_position(self):
        partners = self._as("curator", "res.partner")
        employer = partners.create({"name": "Rostelecom branch", "is_company": True})
        with Form(partners, view="mentorship_school.res_partner_view_form_external_mentor") as mentor_form:
            mentor_form.name = "Orlov Pavel Andreevich"
            mentor_form.parent_id = employer
            mentor_form.function = "Network engineer"
        self.assertRecordValues(
            mentor_form.record, [{"parent_id": employer.id, "function": "Network engineer", "is_company": False}]
        )

    def test_profiles_tell_which_form_their_person_opens(self):
        """Before the person is chosen, the category tells whether a pupil's
        form opens; afterwards, the person does."""
        mentees = self._as("curator", "mentorship.mentee")
        self.assertTrue(mentees.new({"category_id": self.cat_pupil.id}).is_pupil)
        self.assertFalse(mentees.new({"category_id": self.cat_young_teacher.id}).is_pupil)
        self.pupil_mentee.partner_id.mentorship_is_pupil = True
        self.assertTrue(self.pupil_mentee.is_pupil)
        self.assertFalse(self.teacher_mentee.is_pupil)
        mentors = self._as("curator", "mentorship.mentor")
        self.assertTrue(mentors.new({"category_id": self.cat_pupil_mentor.id}).is_pupil)
        self.assertFalse(mentors.new({"category_id": self.cat_teacher.id}).is_pupil)
        self.assertFalse(self.staff_mentor.is_pupil)
        for model, form in (
            ("mentorship.mentee", "mentorship_core.mentorship_mentee_view_form"),
            ("mentorship.mentor", "mentorship_core.mentorship_mentor_view_form"),
        ):
            with self.subTest(model=model):
                context = self._fields_of(form, model)["partner_id"].get("context")
                self.assertIn("mentorship_school.res_partner_view_form_pupil' if is_pupil", context)
