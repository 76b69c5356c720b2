from odoo.tests import TransactionCase, tagged

from .common import MentorshipCase


@tagged("post_install", "-at_install")
class TestDuplicates(MentorshipCase, TransactionCase):
    """Possible duplicates of mentors and mentees: the same name or e-mail,
    case aside, among the active contacts; one query for a whole page."""

    QUERIES = 4

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()
        cls.mentees = cls.env["mentorship.mentee"]
        for index in range(6):
            cls.mentees |= cls._mentee(f"Duplicate Test Mentee {index}")

    def _duplicates_counted(self, mentees):
        self.env.invalidate_all()
        with self.assertQueryCount(self.QUERIES):
            mentees.mapped("duplicate_partner_ids")

    def test_same_name_and_same_email_found(self):
        first, second = self.mentees[:2]
        by_name = self._partner(first.partner_id.name.upper())
        by_email = self.env["res.partner"].create({"name": "Other Name", "email": second.email.upper()})
        archived = self.env["res.partner"].create({"name": first.partner_id.name, "active": False})
        self.assertEqual(first.duplicate_partner_ids, by_name)
        self.assertEqual(second.duplicate_partner_ids, by_email)
        self.assertFalse(self.mentees[2].duplicate_partner_ids)
        self.assertNotIn(archived, first.duplicate_partner_ids)
        self.env.invalidate_all()
        self.assertNotIn(archived, first.with_context(active_test=False).duplicate_partner_ids)
        self.assertNotIn(first.partner_id, first.duplicate_partner_ids)

    def test_five_duplicates_at_most(self):
        twins = self.env["res.partner"].create([{"name": self.mentees[0].partner_id.name} for _index in range(7)])
        self.assertEqual(len(self.mentees[0].duplicate_partner_ids), 5)
        self.assertLessEqual(self.mentees[0].duplicate_partner_ids, twins)

    def test_same_queries_for_two_and_six_profiles(self):
        for mentee in self.mentees:
            self._partner(mentee.partner_id.name)
        self.mentees.mapped("duplicate_partner_ids")  # warm-up: access rules are cached
        self._duplicates_counted(self.mentees[:2])
        self._duplicates_counted(self.mentees)
        for mentee in self.mentees:
            self.assertEqual(len(mentee.duplicate_partner_ids), 1)

    def test_only_contacts_the_user_may_read(self):
        other_school = self.env["res.company"].create({"name": "Other School"})
        mentee = self.mentees[0].with_user(self.curator).with_context(allowed_company_ids=self.school.ids)
        hidden = self.env["res.partner"].create(
            {"name": mentee.partner_id.name, "company_id": other_school.id, "partner_share": True}
        )
        self.assertIn(hidden, self.mentees[0].duplicate_partner_ids)
        self.env.invalidate_all()
        self.assertNotIn(hidden, mentee.duplicate_partner_ids)
