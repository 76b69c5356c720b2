from datetime import date

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from .common import MentorshipCase


@tagged("post_install", "-at_install")
class TestPairApproval(MentorshipCase, TransactionCase):
    """Approving pairs by order: one note per pair, the order listing its pairs
    on the program, and as many queries for 40 pairs as for 10."""

    # 4 of them compute the health of the pairs now running: plans, answers, requests, the update
    QUERIES = 36

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()
        cls.curator_env = cls.env(user=cls.curator, context={"allowed_company_ids": cls.school.ids})

    def _agreed_pairs(self, count):
        """``count`` pairs in Agreement, each with its own trained mentor, all
        participants with their consents."""
        partners = self.env["res.partner"].create(
            [{"name": f"Approval Person {len(self.program_teachers.pair_ids)}-{index}"} for index in range(2 * count)]
        )
        self.env["mentorship.consent"].create(
            [{"partner_id": partner.id, "signer_partner_id": partner.id, "company_id": self.school.id}
             for partner in partners]
        )  # fmt: skip
        mentors = self.env["mentorship.mentor"].create(
            [
                {"partner_id": partner.id, "category_id": self.cat_teacher.id, "company_id": self.school.id,
                 "is_trained": True}
                for partner in partners[:count]
            ]
        )  # fmt: skip
        mentees = self.env["mentorship.mentee"].create(
            [
                {"partner_id": partner.id, "category_id": self.cat_young_teacher.id, "company_id": self.school.id}
                for partner in partners[count:]
            ]
        )
        pairs = self.env["mentorship.pair"].create(
            [
                {
                    "program_id": self.program_teachers.id,
                    "mentor_id": mentor.id,
                    "mentee_ids": [Command.set(mentee.ids)],
                    "stage_id": self.stage["agreement"].id,
                }
                for mentor, mentee in zip(mentors, mentees, strict=True)
            ]
        )
        self.env.cr.flush()  # records created in the transaction are tracked after the commit only
        self.env.invalidate_all()
        return pairs.with_env(self.curator_env)

    def _approve_counted(self, pairs, number):
        wizard = self.curator_env["mentorship.pair.approve.wizard"].create(
            {"pair_ids": [Command.set(pairs.ids)], "order_number": number, "order_date": date(2025, 9, 15)}
        )
        self.env.invalidate_all()
        with self.assertQueryCount(self.QUERIES):
            wizard.action_approve()

    def test_same_queries_for_10_and_40_pairs(self):
        self._approve(self._agreed_pairs(3), number="1-warm")  # caches of fields, subtypes and rules
        self.env.cr.flush()
        ten, forty = self._agreed_pairs(10), self._agreed_pairs(40)
        self._approve_counted(ten, "10-od")
        self._approve_counted(forty, "40-od")
        self.assertEqual(set((ten | forty).mapped("state")), {"approved"})
        self.assertEqual(set((ten | forty).mapped("order_number")), {"10-od", "40-od"})

    def test_notes_on_pairs_and_order_on_program(self):
        pairs = self._agreed_pairs(3)
        self._approve(pairs, number="45-od", on=date(2025, 10, 1))
        self.env.cr.flush()  # the tracking messages
        for pair in pairs:
            notes = pair.message_ids.filtered(lambda message: "45-od" in message.body)
            self.assertEqual(len(notes), 1, pair.name)
            self.assertIn("10/01/2025", notes.body)
            self.assertTrue(pair.sudo().message_ids.tracking_value_ids, "the stage change is tracked")
        orders = self.program_teachers.message_ids.filtered(lambda message: "45-od" in message.body)
        self.assertEqual(len(orders), 1)
        self.assertIn("3 pair(s)", orders.body)
        for pair in pairs:
            self.assertIn(f"<li>{pair.display_name}</li>", orders.body)

    def test_one_order_message_per_program(self):
        teachers = self._agreed_pairs(2)
        pupils_mentor = self._mentor("Senior Pupil", category=self.cat_pupil_mentor)
        pupil = self._pair(pupils_mentor, self._mentee("Pupil", category=self.cat_pupil), program=self.program_pupils)
        self._approve(teachers | pupil, number="46-od")
        for program, pairs in ((self.program_teachers, teachers), (self.program_pupils, pupil)):
            orders = program.message_ids.filtered(lambda message: "46-od" in message.body)
            self.assertEqual(len(orders), 1)
            self.assertEqual(orders.body.count("<li>"), len(pairs))

    def test_pair_not_in_matching_or_agreement_is_refused(self):
        ready = self._agreed_pairs(2)
        candidate = self._agreed_pairs(1)
        candidate.sudo().stage_id = self.stage["candidate"]
        with self.assertRefused("Only pairs in Matching or Agreement", UserError):
            self._approve(ready | candidate, number="47-od")
        self.assertEqual(set(ready.mapped("state")), {"agreement"})
        self.assertFalse(self.program_teachers.message_ids.filtered(lambda message: "47-od" in message.body))

    def test_approved_pair_is_not_approved_again(self):
        pair = self._agreed_pairs(1)
        self._approve(pair, number="48-od")
        with self.assertRefused("Only pairs in Matching or Agreement", UserError):
            self._approve(pair, number="49-od")
        self.assertEqual(pair.order_number, "48-od")
