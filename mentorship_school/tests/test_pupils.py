from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.addons.mentorship_core.tests.common import MentorshipCase


@tagged("post_install", "-at_install")
class TestPupils(MentorshipCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()
        cls.mother = cls._partner("Mother Orlova")

    def _pupil(self, name, birthdate, school_class="7А"):
        return self.env["res.partner"].create(
            {
                "name": name,
                "mentorship_is_pupil": True,
                "mentorship_school_class": school_class,
                "mentorship_birthdate": birthdate,
                "mentorship_guardian_ids": [(6, 0, self.mother.ids)],
            }
        )

    def test_grade_from_class(self):
        self.assertEqual(self._pupil("Seventh", date(2012, 3, 1), "7А").mentorship_grade, 7)
        self.assertEqual(self._pupil("Tenth", date(2009, 3, 1), " 10Б").mentorship_grade, 10)
        self.assertEqual(self._pupil("No class", date(2009, 3, 1), "").mentorship_grade, 0)

    def test_minor_flag_across_the_18th_birthday(self):
        with freeze_time("2026-03-14"):
            pupil = self._pupil("Almost Adult", date(2008, 3, 15), "11А")
            self.assertTrue(pupil.mentorship_is_minor)
            self.env["res.partner"]._cron_mentorship_update_minors()
            self.assertTrue(pupil.mentorship_is_minor, "still 17 the day before the birthday")
            with self.assertRefused("must be signed by one of their parents"):
                self._consent(pupil)
        with freeze_time("2026-03-15"):
            self.env["res.partner"]._cron_mentorship_update_minors()
            self.assertFalse(pupil.mentorship_is_minor)
            self.assertTrue(self._consent(pupil), "an adult signs their own consent")
        born_later = self._pupil("Younger", date(2010, 1, 1))
        born_later.mentorship_birthdate = date(2000, 1, 1)
        self.assertFalse(born_later.mentorship_is_minor)

    def test_parent_and_guardian_consent_through_school_records(self):
        pupil = self._pupil("Pupil Orlov", date(2013, 5, 20))
        self.assertTrue(pupil.mentorship_is_minor)
        mentee = self.env["mentorship.mentee"].create(
            {"partner_id": pupil.id, "category_id": self.cat_pupil.id, "company_id": self.school.id}
        )
        program = self._program(self.env.ref("mentorship_core.form_employer_pupil"), "Employers")
        mother_as_mentor = self._mentor("Mother Orlova", category=self.cat_parent, partner=self.mother)
        with self.assertRefused("cannot be their mentor"):
            self._pair(mother_as_mentor, mentee, program=program)
        stranger = self._mentor("Engineer Petrov", category=self.env.ref("mentorship_core.mentor_category_employer"))
        pair = self._pair(stranger, mentee, program=program)
        with self.assertRefused("signed by a parent or legal guardian"):
            self._approve(pair)
        self._consent(pupil, signer=self.mother)
        self._approve(pair)
        self.assertEqual(pair.state, "approved")

    def test_special_needs_visible_to_curators_only(self):
        pupil = self._pupil("Pupil With Needs", date(2014, 9, 1))
        pupil.mentorship_has_sen = True
        self.assertTrue(pupil.with_user(self.curator).mentorship_has_sen)
        mentor_user = mail_new_test_user(
            self.env, login="school_mentor", groups="mentorship_core.group_mentorship_mentor"
        )
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            pupil.with_user(mentor_user).read(["mentorship_has_sen"])
