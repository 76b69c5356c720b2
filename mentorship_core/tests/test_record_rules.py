from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .common import MentorshipCase


@tagged("post_install", "-at_install")
class TestRecordRules(MentorshipCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()
        cls.school_b = cls.env["res.company"].create({"name": "Test School No. 2"})
        cls.program_b = cls._program(cls.form_teachers, "School B teachers", company=cls.school_b)
        mentor_user = cls._school_user("staff_mentor", "mentorship_core.group_mentorship_mentor")
        cls.mentor_user = mentor_user
        cls.own_mentor = cls._mentor("Staff Mentor", partner=mentor_user.partner_id, capacity=3)
        cls.own_pair = cls._pair(cls.own_mentor, cls._mentee("Own Mentee"))
        cls.other_pair = cls._pair(cls._mentor("Other Mentor"), cls._mentee("Other Mentee"))
        cls.pair_b = cls._pair(
            cls._mentor("B Mentor", company=cls.school_b),
            cls._mentee("B Mentee", company=cls.school_b),
            program=cls.program_b,
        )
        cls.coordinator = cls._school_user(
            "municipal_coordinator", "mentorship_core.group_mentorship_coordinator", cls.school | cls.school_b
        )

    def _as(self, user, companies=None):
        return self.env(user=user, context={"allowed_company_ids": (companies or self.school).ids})

    def _visible_pairs(self, user, companies):
        return self._as(user, companies)["mentorship.pair"].search(
            [("id", "in", (self.own_pair | self.other_pair | self.pair_b).ids)]
        )

    def test_curator_of_school_a_cannot_read_school_b(self):
        self.assertEqual(self._visible_pairs(self.curator, self.school), self.own_pair | self.other_pair)
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            self.pair_b.with_user(self.curator).with_context(allowed_company_ids=self.school.ids).read(["name"])

    def test_mentor_sees_only_own_pairs(self):
        self.assertEqual(self._visible_pairs(self.mentor_user, self.school), self.own_pair)
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            self.other_pair.with_env(self._as(self.mentor_user)).read(["name"])
        mentees = self._as(self.mentor_user)["mentorship.mentee"].search([])
        self.assertEqual(mentees, self.own_pair.mentee_ids)

    def test_coordinator_sees_all_schools(self):
        self.assertEqual(
            self._visible_pairs(self.coordinator, self.school | self.school_b),
            self.own_pair | self.other_pair | self.pair_b,
        )

    def test_hr_officer_reads_mentors_with_their_pairs(self):
        hr_officer = self._school_user("hr_officer_test", "mentorship_core.group_mentorship_hr_officer")
        mentors = self._as(hr_officer)["mentorship.mentor"]
        (values,) = mentors.browse(self.own_mentor.id).web_read(
            {
                "competency_tag_ids": {"fields": {"display_name": {}}},
                "training_ids": {"fields": {"name": {}}},
                "pair_ids": {"fields": {"name": {}, "program_id": {"fields": {"display_name": {}}}, "stage_id": {}}},
                "category_id": {"fields": {"display_name": {}}},
            }
        )
        self.assertEqual([pair["id"] for pair in values["pair_ids"]], self.own_pair.ids)
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            self._as(hr_officer)["mentorship.mentee"].search([])

    def test_mentor_cannot_touch_bases(self):
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            self._as(self.mentor_user)["mentorship.mentor"].create({"partner_id": self.mentor_user.partner_id.id})
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            self._as(self.mentor_user)["mentorship.consent"].search([])
