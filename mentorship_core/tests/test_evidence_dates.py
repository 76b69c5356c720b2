"""Evidence lives inside a pair's life: no meeting is logged before its start
or after its end (or dissolution), generation counts only what lies inside it,
a month is paid once it has begun, and the result says why a pair earned
nothing. The pipeline's order holds on every path, not only in the wizards."""

from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .common_incentive import NOVEMBER, OCTOBER, IncentiveCase


@tagged("post_install", "-at_install")
class TestEvidenceDates(IncentiveCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_incentives()
        cls.rule = cls._rule("Monthly payment", amount=3000.0)

    def test_approval_starts_the_pair_on_the_order_date(self):
        self.assertEqual(self.staff_pair.date_start, date(2025, 9, 15))

    def test_meetings_outside_the_pair_life_are_refused_for_every_role(self):
        self.staff_pair.date_end = date(2025, 10, 31)
        self.staff_pair.action_complete()
        self.assertEqual(self.staff_pair.date_end, date(2025, 10, 31), "completed late, it ended on its end date")
        cases = [
            (datetime(2025, 11, 16, 15), "last day of the pair .* is 10/31/2025: none of its meetings is dated after"),
            (datetime(2025, 9, 1, 15), "first day of the pair .* is 09/15/2025: none of its meetings is dated before"),
        ]
        for role in ("curator", "staff_mentor"):
            Meeting = self._as(role, "calendar.event").with_context(no_mail_to_attendees=True)
            for start, pattern in cases:
                with self.subTest(role=role, start=start), self.assertRefused(pattern):
                    Meeting.create(
                        {
                            "name": "Meeting",
                            "start": start,
                            "stop": start.replace(hour=16),
                            "mentorship_pair_id": self.staff_pair.id,
                        }
                    )
        meeting = self._meeting(self.staff_pair, datetime(2025, 10, 20, 15))
        with self.assertRefused("last day of the pair"):
            meeting.write({"start": datetime(2025, 11, 3, 15), "stop": datetime(2025, 11, 3, 16)})

    def test_generation_counts_only_meetings_inside_the_pair_life(self):
        """The completed pair of the issue: a meeting of 16 November, logged
        before its end was known, is not paid."""
        october = self._meeting(self.staff_pair, datetime(2025, 10, 6, 15))
        self._meeting(self.staff_pair, datetime(2025, 11, 16, 15))
        self.staff_pair.date_end = date(2025, 10, 31)
        self.staff_pair.action_complete()
        self._generate(NOVEMBER)
        self.assertFalse(self._incentives(NOVEMBER), "nothing after the pair's end counts")
        self._generate()
        self.assertEqual(self._incentives().meeting_ids, october)

    def test_dissolved_pair_is_paid_up_to_its_dissolution(self):
        held = self._meeting(self.staff_pair, datetime(2025, 10, 6, 15))
        self._meeting(self.staff_pair, datetime(2025, 10, 24, 15))
        with freeze_time("2025-10-20 12:00:00"):
            self._as("curator", "mentorship.pair.dissolve.wizard").create(
                {"pair_ids": [Command.set(self.staff_pair.ids)], "reason": "The mentee moved to another city"}
            ).action_dissolve()
        self.assertRecordValues(self.staff_pair, [{"state": "dissolved", "date_end": date(2025, 10, 20)}])
        self._generate()
        incentive = self._incentives(mentor_id=self.staff_mentor.id)
        self.assertRecordValues(incentive, [{"amount": 3000.0, "held_meeting_count": 1}])
        self.assertEqual(incentive.meeting_ids, held)
        with self.assertRefused("already finished", UserError):
            self.staff_pair._dissolve("Twice")

    def test_result_says_why_each_pair_earned_nothing(self):
        self._approve(self.other_pair)
        self._meeting(self.other_pair, datetime(2025, 10, 6, 15))
        self._meeting(self.pupil_pair, datetime(2025, 10, 7, 15))
        self._meeting(self.staff_pair, datetime(2025, 10, 8, 15), mentee=False)
        wizard = self._as("curator", "mentorship.incentive.generate.wizard").create(
            {"company_id": self.school.id, "month_number": "10", "year": 2025}
        )
        wizard.action_generate()
        self.assertEqual(wizard.created_count, 0)
        reasons = {line.pair_id: line.reason for line in wizard.unpaid_ids}
        self.assertEqual(
            reasons,
            {
                self.other_pair: "not started: approved by order but not moved to Working",
                self.pupil_pair: "the mentor has no employee record: payments go to staff mentors",
                self.staff_pair: "no meeting in the period confirmed by both sides",
            },
        )
        self.assertNotIn(self.pair_b, reasons, "another school's pair is not this school's business")
        self.rule.min_meetings = 2
        self._meeting(self.staff_pair, datetime(2025, 10, 9, 15))
        unpaid = self._generate()["unpaid"]
        self.assertEqual(unpaid[self.staff_pair.id], ["1 held meeting(s) in the period where Monthly payment needs 2"])

    def test_pair_paid_by_a_kept_incentive_is_not_listed(self):
        meeting = self._meeting(self.staff_pair, datetime(2025, 10, 6, 15))
        self._generate()["created"].action_propose()
        meeting.mentorship_mentee_confirmed = False
        unpaid = self._generate()["unpaid"]
        self.assertEqual(
            unpaid[self.pupil_pair.id], ["the mentor has no employee record: payments go to staff mentors"]
        )
        self.assertNotIn(self.staff_pair.id, unpaid, "its proposed incentive of the month stays and pays it")

    def test_a_month_is_paid_once_it_has_begun(self):
        with freeze_time("2025-12-10 12:00:00"):
            plan_rule = self._rule("Completed plan", rule_type="plan_completed", amount=5000.0)
            plan = self.env["mentorship.plan"].create(
                {
                    "name": "Plan",
                    "pair_id": self.staff_pair.id,
                    "date_start": date(2025, 9, 15),
                    "date_end": date(2025, 12, 31),
                }
            )
            plan.action_done()
            self.assertEqual(plan.date_done, date(2025, 12, 10))
            january = (date(2026, 1, 1), date(2026, 1, 31))
            with self.assertRefused("January 2026 has not begun yet", UserError):
                self._generate(january)
            self.assertFalse(self._incentives(january))
            wizard = self._as("hr_officer", "mentorship.incentive.generate.wizard").create(
                {"company_id": self.school.id, "month_number": "1", "year": 2026}
            )
            with self.assertRefused("has not begun yet", UserError):
                wizard.action_generate()
            self._generate((date(2025, 12, 1), date(2025, 12, 31)))
        december = self._incentives((date(2025, 12, 1), date(2025, 12, 31)), rule_id=plan_rule.id)
        self.assertEqual(december.amount, 5000.0, "the plan completed in December pays in December")
        self._generate(NOVEMBER)
        self.assertFalse(self._incentives(NOVEMBER, rule_id=plan_rule.id), "and in no other month")
        with self.assertRefused("completed between its start and today"):
            plan.date_done = date(2099, 1, 1)

    def test_manual_payment_of_a_month_not_begun_is_not_approved(self):
        today = date.today()
        incentive = self.env["mentorship.incentive"].create(
            {
                "mentor_id": self.staff_mentor.id,
                "company_id": self.school.id,
                "kind": "stimulating",
                "amount": 1000.0,
                "accrual_code": "STIM-01",
                "basis": "Regulation, clause 5.2",
                "date_from": date(today.year + 1, 1, 1),
                "date_to": date(today.year + 1, 1, 31),
            }
        )
        incentive.action_propose()
        with self.assertRefused("a month that has not begun"):
            self._as("hr_officer", "mentorship.incentive").browse(incentive.id)._approve("45-k", today)
        self.assertEqual(incentive.state, "proposed")

    # --- the rules are the model's, whatever the path ---------------------

    def test_generation_checks_who_generates(self):
        self._meeting(self.staff_pair, datetime(2025, 10, 6, 15))
        for role in ("staff_mentor", "employee", "curator_b"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                self._as(role, "mentorship.incentive.generation")._generate(self.school, *OCTOBER)
        self.assertFalse(self._incentives())
        self._as("hr_officer", "mentorship.incentive.generation")._generate(self.school, *OCTOBER)
        self.assertEqual(len(self._incentives()), 1)

    def test_pipeline_order_holds_over_rpc(self):
        pair = self._as("curator", "mentorship.pair").browse(self.staff_pair.id)
        pair._dissolve("The mentor left the school")
        with self.assertRefused("is Dissolved and cannot move to Working", UserError):
            pair.action_start_work()
        with self.assertRefused("is Dissolved and cannot move to Matching", UserError):
            pair.stage_id = self.stage["matching"]
        other = self._as("curator", "mentorship.pair").browse(self.other_pair.id)
        with self.assertRefused("is Matching and cannot move to Completed", UserError):
            other.action_complete()
        with self.assertRefused("is Matching and cannot move to Working", UserError):
            other.action_start_work()
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            self._as("staff_mentor", "mentorship.pair").browse(self.other_pair.id)._approve_by_order(
                "13-o", date.today()
            )
        self.assertEqual(self.other_pair.state, "matching")
        with self.assertRefused("Only pairs in Matching or Agreement can be approved", UserError):
            self._as("curator", "mentorship.pair").browse(self.pupil_pair.id)._approve_by_order("13-o", date.today())
        with self.assertRaises(ValidationError):
            other._approve_by_order(" ", date.today())
