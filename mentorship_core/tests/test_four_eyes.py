"""Four eyes on money: nobody approves, reverses or exports a payment to
themselves, whatever other roles they hold, through the wizards or the model
methods every other path (XML-RPC, other addons) calls."""

from datetime import date

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from .common_incentive import IncentiveCase

HR_GROUP = "mentorship_core.group_mentorship_hr_officer"
DIRECTOR_GROUP = "mentorship_core.group_mentorship_director"


@tagged("post_install", "-at_install")
class TestFourEyes(IncentiveCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_incentives()
        cls._rule("Monthly payment", amount=3000.0)
        cls._meetings(cls.staff_pair, [6])
        cls.payment = cls._generate()["created"]
        cls.payment.action_propose()
        # the staff mentor is also the school's HR officer: a person with two hats
        cls.two_hats = cls.users["staff_mentor"]
        cls.two_hats.group_ids = [Command.link(cls.env.ref(HR_GROUP).id)]

    def _approve_as(self, user):
        wizard = self._as(user, "mentorship.incentive.approve.wizard").create(
            {"incentive_ids": [Command.set(self.payment.ids)], "order_number": "45-k", "order_date": date(2025, 11, 5)}
        )
        return wizard.action_approve()

    def test_hr_officer_who_mentors_cannot_approve_own_payment(self):
        self.assertEqual(self.payment.mentor_user_id, self.two_hats)
        with self.assertRefused(
            "Nobody approves, reverses or exports a payment to themselves.*goes to Test Staff Mentor. "
            "It is for .*Test Hr Officer",
            UserError,
        ):
            self._approve_as(self.two_hats)
        # the model method the wizard calls, as XML-RPC would reach it through any other path
        with self.assertRefused("Nobody approves", UserError):
            self._as(self.two_hats, "mentorship.incentive").browse(self.payment.id)._approve("45-k", date(2025, 11, 5))
        self.assertRecordValues(self.payment, [{"state": "proposed", "approved_by_id": False, "order_number": False}])
        self._approve_as(self.users["hr_officer"])
        self.assertRecordValues(self.payment, [{"state": "approved", "approved_by_id": self.users["hr_officer"].id}])

    def test_director_who_mentors_cannot_approve_own_payment(self):
        director = self.users["director"]
        # the director is the employee the payment goes to
        self.employee.user_id = director
        self.assertEqual(self.payment.mentor_user_id, director)
        with self.assertRefused("Nobody approves.*goes to Test School Director", UserError):
            self._approve_as(director)
        self.assertEqual(self.payment.state, "proposed")
        self._approve_as(self.users["hr_officer"])
        self.assertEqual(self.payment.state, "approved")

    def test_no_other_approver_names_the_way_out(self):
        self.users["hr_officer"].group_ids = [Command.unlink(self.env.ref(HR_GROUP).id)]
        self.users["director"].group_ids = [Command.unlink(self.env.ref(DIRECTOR_GROUP).id)]
        with self.assertRefused("has no other HR officer or director; an administrator", UserError):
            self._approve_as(self.two_hats)

    def test_reversal_and_export_of_own_payment_refused(self):
        self._approve_as(self.users["hr_officer"])
        Batch = self._as(self.two_hats, "mentorship.incentive.batch")
        batch = Batch.create(
            {"company_id": self.school.id, "date_from": date(2025, 10, 1), "date_to": date(2025, 10, 31)}
        )
        batch.action_collect()
        self.assertEqual(batch.line_ids, self.payment)
        with self.assertRefused("Nobody approves, reverses or exports", UserError):
            batch.action_export()
        self.assertEqual((batch.state, self.payment.state, batch.xlsx_file_id.id), ("draft", "approved", False))
        batch.with_user(self.users["hr_officer"]).action_export()
        self.assertEqual(self.payment.state, "exported")
        own = self._as(self.two_hats, "mentorship.incentive").browse(self.payment.id)
        with self.assertRefused("Nobody approves, reverses or exports", UserError):
            self._as(self.two_hats, "mentorship.incentive.reverse.wizard").create(
                {"incentive_id": own.id, "reason": "Wrong month"}
            ).action_reverse()
        self.assertFalse(self.payment.reversal_ids)
        reversal = self._as("hr_officer", "mentorship.incentive").browse(self.payment.id)._reverse("Wrong month")
        self.assertEqual(reversal.sudo().approved_by_id, self.users["hr_officer"])
