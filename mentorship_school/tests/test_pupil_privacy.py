"""Personal data of pupils (class, date of birth, parents, code, needs) is
for curators of the pupil's school; a staff mentor reads it only on the
profiles of their own mentees."""

from datetime import date

from lxml import etree

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.mentorship_core.tests.common import MentorshipRolesCase

PERSONAL_FIELDS = [
    "mentorship_birthdate",
    "mentorship_school_class",
    "mentorship_grade",
    "mentorship_pupil_code",
    "mentorship_has_sen",
    "mentorship_guardian_ids",
]


@tagged("post_install", "-at_install")
class TestPupilPrivacy(MentorshipRolesCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_municipality()
        cls.mother = cls._partner("Mother Lebedeva")
        # the staff mentor's own pupil, in a "teacher – pupil" pair
        cls.own_mentee = cls._pupil_mentee("Own Pupil", "7А", date(2013, 4, 2), cls.mother, "A-0001")
        cls.own_pair = cls._pair(
            cls.staff_mentor,
            cls.own_mentee,
            program=cls._program(cls.env.ref("mentorship_core.form_teacher_pupil"), "Teachers and pupils"),
        )
        # another mentor's mentee in the same school, and a pupil of school B
        cls.pupil_mentee.partner_id.write(
            {"mentorship_is_pupil": True, "mentorship_school_class": "6Б", "mentorship_birthdate": date(2014, 1, 9)}
        )
        cls.mentee_b = cls._pupil_mentee(
            "Pupil of School B", "8В", date(2012, 6, 1), cls._partner("Father Gromov"), "B-0001", cls.school_b
        )

    @classmethod
    def _pupil_mentee(cls, name, school_class, birthdate, parent, code, company=None):
        company = company or cls.school
        pupil = (
            cls.env["res.partner"]
            .with_company(company)
            .create(
                {
                    "name": name,
                    "mentorship_is_pupil": True,
                    "mentorship_school_class": school_class,
                    "mentorship_birthdate": birthdate,
                    "mentorship_pupil_code": code,
                    "mentorship_guardian_ids": [Command.set(parent.ids)],
                }
            )
        )
        cls._consent(pupil, signer=parent, company_id=company.id)
        return cls.env["mentorship.mentee"].create(
            {"partner_id": pupil.id, "category_id": cls.cat_pupil.id, "company_id": company.id, "state": "active"}
        )

    def test_staff_mentor_reads_own_mentee_through_the_profile(self):
        Mentee = self._as("staff_mentor", "mentorship.mentee")
        self.assertEqual(Mentee.search([("partner_id.mentorship_is_pupil", "=", True)]), self.own_mentee)
        (values,) = Mentee.browse(self.own_mentee.id).read(["school_class", "birthdate", "guardian_ids", "is_minor"])
        self.assertEqual(values["school_class"], "7А")
        self.assertEqual(values["birthdate"], date(2013, 4, 2))
        self.assertEqual(values["guardian_ids"], self.mother.ids)
        self.assertTrue(values["is_minor"], "the minor flag stays readable: consents depend on it")
        # the mentee form opens for the mentor with every field it shows
        arch = etree.fromstring(Mentee.get_views([(False, "form")])["views"]["form"]["arch"])
        shown = {node.get("name") for node in arch.iter("field")} & set(Mentee._fields)
        self.assertIn("school_class", shown)
        self.assertNotIn("marks_average_before", shown, "the dynamics stay with the curators")
        spec = {name: {} for name in shown} | {"guardian_ids": {"fields": {"display_name": {}}}}
        (values,) = Mentee.browse(self.own_mentee.id).web_read(spec)
        self.assertEqual(values["guardian_ids"], [{"id": self.mother.id, "display_name": "Mother Lebedeva"}])

    def test_staff_mentor_reads_no_pupil_data_on_contacts(self):
        Partner = self._as("staff_mentor", "res.partner")
        for pupil in self.own_mentee.partner_id | self.pupil_mentee.partner_id:
            for field in PERSONAL_FIELDS:
                with (
                    self.subTest(pupil=pupil.name, field=field),
                    mute_logger("odoo.models"),
                    self.assertRaises(AccessError),
                ):
                    Partner.browse(pupil.id).read([field])
        self.assertEqual(list(Partner.fields_get([*PERSONAL_FIELDS, "mentorship_is_minor"])), ["mentorship_is_minor"])
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            Partner.search([("mentorship_school_class", "=", "6Б")])

    def test_staff_mentor_cannot_open_other_mentees(self):
        Mentee = self._as("staff_mentor", "mentorship.mentee")
        for mentee in self.pupil_mentee | self.mentee_b:
            with self.subTest(mentee=mentee.display_name), mute_logger("odoo.models"), self.assertRaises(AccessError):
                Mentee.browse(mentee.id).read(["school_class", "birthdate", "guardian_ids"])

    def test_curators_read_the_pupils_of_their_own_school(self):
        pupils_a = self.own_mentee.partner_id | self.pupil_mentee.partner_id
        curator_partners = self._as("curator", "res.partner")
        self.assertEqual(
            curator_partners.search([("mentorship_school_class", "!=", False)]) & (pupils_a | self.mentee_b.partner_id),
            pupils_a,
        )
        self.assertEqual(
            curator_partners.browse(pupils_a.ids).mapped("mentorship_school_class"), ["7А", "6Б"], "in both pairs"
        )
        self.assertEqual(
            self._as("curator", "mentorship.mentee").browse(self.pupil_mentee.id).guardian_ids,
            self.users["parent"].partner_id,
        )
        Partner_b = self._as("curator_b", "res.partner")
        self.assertEqual(Partner_b.search([("mentorship_school_class", "!=", False)]), self.mentee_b.partner_id)
        for pupil in pupils_a:
            with self.subTest(pupil=pupil.name), mute_logger("odoo.models"), self.assertRaises(AccessError):
                Partner_b.browse(pupil.id).read(["mentorship_birthdate"])
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            self._as("curator_b", "mentorship.mentee").browse(self.own_mentee.id).read(["birthdate"])

    def test_other_roles_read_no_pupil_data(self):
        for role in ("employee", "hr_officer", "portal_mentor", "parent"):
            with self.subTest(role=role), mute_logger("odoo.models"), self.assertRaises(AccessError):
                self._as(role, "res.partner").browse(self.pupil_mentee.partner_id.id).read(["mentorship_birthdate"])
