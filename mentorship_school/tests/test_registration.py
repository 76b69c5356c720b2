"""A curator registers the people of their school without Contacts
administration: pupils with their parents, teachers and external mentors."""

from datetime import date

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.mentorship_core.tests.common import MentorshipRolesCase


@tagged("post_install", "-at_install")
class TestRegistration(MentorshipRolesCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_municipality()

    def test_curator_registers_a_pupil_with_parents_and_a_mentee_profile(self):
        env = self._as("curator")
        self.assertFalse(self.users["curator"].has_group("base.group_partner_manager"))
        mother = env["res.partner"].create({"name": "Anna Petrova", "email": "anna.petrova@family.test"})
        pupil = env["res.partner"].create(
            {
                "name": "Ivan Petrov",
                "mentorship_is_pupil": True,
                "mentorship_birthdate": date(2013, 4, 2),
                "mentorship_school_class": "7A",
                "mentorship_has_sen": True,
                "mentorship_guardian_ids": [Command.set(mother.ids)],
            }
        )
        self.assertEqual(pupil.company_id, self.school)
        self.assertTrue(pupil.mentorship_is_minor)
        self.assertEqual(pupil.mentorship_grade, 7)
        mentee = env["mentorship.mentee"].create({"partner_id": pupil.id, "category_id": self.cat_pupil.id})
        self.assertEqual(mentee.company_id, self.school)
        pupil.mentorship_school_class = "7B"
        self.assertEqual(pupil.mentorship_grade, 7)

    def test_curator_registers_an_external_mentor(self):
        env = self._as("curator")
        employer = env["res.partner"].create({"name": "Rostelecom branch", "is_company": True})
        person = env["res.partner"].create({"name": "Pavel Orlov", "parent_id": employer.id})
        mentor = env["mentorship.mentor"].create(
            {"partner_id": person.id, "employer_partner_id": employer.id, "company_id": self.school.id}
        )
        self.assertEqual(mentor.partner_id.name, "Pavel Orlov")

    def test_curator_never_edits_a_staff_user_or_another_school(self):
        pupil_b = self._as("curator_b", "res.partner").create({"name": "Pupil of B", "mentorship_is_pupil": True})
        self.assertEqual(pupil_b.company_id, self.school_b)
        partners = self._as("curator", "res.partner")
        for partner in (self.users["hr_officer"].partner_id, pupil_b):
            with self.subTest(partner=partner.name), mute_logger("odoo.models"), self.assertRaises(AccessError):
                partners.browse(partner.id).write({"email": "hijack@evil.test"})
        self.assertNotEqual(self.users["hr_officer"].partner_id.email, "hijack@evil.test")
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            partners.browse(pupil_b.id).unlink()

    def test_staff_mentor_registers_nobody(self):
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            self._as("staff_mentor", "res.partner").create({"name": "Someone"})
