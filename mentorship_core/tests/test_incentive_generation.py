"""The generation of the incentives of a month from the accrual rules, on
hand-made evidence: each rule kind, one-sided meetings, caps, idempotency."""

from datetime import date, datetime

from odoo import Command
from odoo.tests import TransactionCase, tagged

from .common_incentive import NOVEMBER, OCTOBER, IncentiveCase


@tagged("post_install", "-at_install")
class TestIncentiveGeneration(IncentiveCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_incentives()

    # --- fixed sum per pair with held meetings --------------------------------

    def test_fixed_sum_for_pairs_with_enough_held_meetings(self):
        rule = self._rule("Monthly payment", amount=3000.0, min_meetings=2)
        held = self._meetings(self.staff_pair, [6, 20])
        self._meetings(self.staff_pair, [27], mentee=False)  # one side only
        self._meetings(self.staff_pair, [3], month=11)  # another month
        result = self._generate()
        incentive = self._incentives(rule_id=rule.id)
        self.assertEqual(result["created"], incentive)
        self.assertRecordValues(
            incentive,
            [
                {
                    "mentor_id": self.staff_mentor.id,
                    "employee_id": self.employee.id,
                    "personnel_number": "00-0042",
                    "kind": "stimulating",
                    "state": "draft",
                    "amount": 3000.0,
                    "accrual_code": "STIM-01",
                    "basis": "Regulation on remuneration, clause 5.2",
                    "date_from": date(2025, 10, 1),
                    "date_to": date(2025, 10, 31),
                    "held_meeting_count": 2,
                    "mentee_count": 1,
                    "program_id": self.program_teachers.id,
                }
            ],
        )
        self.assertEqual(incentive.meeting_ids, held)
        self.assertEqual(incentive.pair_ids, self.staff_pair)
        self.assertIn("2 held meeting(s) in 1 pair(s)", incentive.evidence_summary)

    def test_meeting_confirmed_by_one_side_does_not_count(self):
        rule = self._rule("Monthly payment", amount=3000.0, min_meetings=2)
        self._meetings(self.staff_pair, [6])
        one_sided = self._meetings(self.staff_pair, [13], mentor=False) | self._meetings(
            self.staff_pair, [20], mentee=False
        )
        self._generate()
        self.assertFalse(self._incentives(rule_id=rule.id), "one held meeting of two required")
        one_sided[0].mentorship_mentor_confirmed = True
        self._generate()
        self.assertEqual(self._incentives(rule_id=rule.id).held_meeting_count, 2)

    def test_payments_only_to_staff_mentors_recognitions_to_all(self):
        payment = self._rule("Monthly payment", amount=3000.0)
        letter = self._rule("Monthly thanks", kind="thank_you_letter", accrual_code=False)
        self._meetings(self.staff_pair, [6])
        self._meetings(self.pupil_pair, [7])
        self._generate()
        self.assertEqual(self._incentives(rule_id=payment.id).mentor_id, self.staff_mentor)
        letters = self._incentives(rule_id=letter.id)
        self.assertEqual(letters.mentor_id, self.staff_mentor | self.pupil_mentor)
        self.assertEqual(set(letters.mapped("category")), {"recognition"})
        self.assertEqual(letters.mapped("amount"), [0.0, 0.0])

    def test_pairs_of_another_school_are_not_generated(self):
        self._rule("Monthly payment", amount=3000.0)
        self._approve(self.pair_b)
        self.pair_b.action_start_work()
        self._meetings(self.pair_b, [6])
        self._generate()
        self.assertFalse(self._incentives(company_id=self.school.id))
        self.assertFalse(self._incentives(company_id=self.school_b.id), "school B has no rules")

    # --- percentage of the wage per mentee ------------------------------------

    def test_wage_percentage_per_mentee_from_the_version_in_force(self):
        rule = self._rule("Percentage", rule_type="wage_percent", wage_percent=10.0)
        second = self._pair(self.staff_mentor, self._mentee("Second Young Teacher"))
        self._approve(second)
        second.action_start_work()
        self._meetings(self.staff_pair, [6])
        self._meetings(second, [8])
        self._generate()
        incentive = self._incentives(rule_id=rule.id)
        self.assertRecordValues(
            incentive, [{"wage": 50000.0, "mentee_count": 2, "amount": 10000.0, "is_capped": False}]
        )
        self.assertEqual(incentive.pair_ids, self.staff_pair | second)
        # December has the new version of the contract
        self._meetings(self.staff_pair, [3], month=12)
        self._generate((date(2025, 12, 1), date(2025, 12, 31)))
        self.assertRecordValues(
            self._incentives((date(2025, 12, 1),), rule_id=rule.id), [{"wage": 60000.0, "amount": 6000.0}]
        )

    def test_wage_percentage_capped_by_the_rule(self):
        rule = self._rule("Percentage", rule_type="wage_percent", wage_percent=20.0, max_amount=8000.0)
        self._meetings(self.staff_pair, [6])
        self._generate()
        self.assertRecordValues(
            self._incentives(rule_id=rule.id), [{"amount": 8000.0, "amount_before_cap": 10000.0, "is_capped": True}]
        )

    def test_no_wage_no_percentage(self):
        rule = self._rule("Percentage", rule_type="wage_percent", wage_percent=20.0)
        self.employee.version_ids.write({"wage": 0.0})
        self._meetings(self.staff_pair, [6])
        self._generate()
        self.assertFalse(self._incentives(rule_id=rule.id))

    # --- completed plan with satisfaction -------------------------------------

    def test_completed_plan_with_satisfaction_paid_once(self):
        survey, question = self._scored_survey()
        rule = self._rule(
            "Completed plan", rule_type="plan_completed", amount=5000.0, survey_id=survey.id, min_satisfaction=80.0
        )
        self._done_plan(self.staff_pair)
        self._answer(survey, question, self.teacher_mentee.partner_id, 9)
        # the mentor's own answer does not count
        self._answer(survey, question, self.staff_mentor.partner_id, 0)
        self._generate()
        incentive = self._incentives(rule_id=rule.id)
        self.assertRecordValues(incentive, [{"amount": 5000.0, "satisfaction": 90.0, "plan_progress": 100.0}])
        self.assertIn("satisfaction 90%", incentive.evidence_summary)
        self._generate(NOVEMBER)
        self.assertFalse(self._incentives(NOVEMBER, rule_id=rule.id), "a one-off sum is paid once")
        self._generate()
        self.assertEqual(self._incentives(rule_id=rule.id), incentive, "its own period is updated, not doubled")

    def test_completed_plan_below_satisfaction_or_unanswered(self):
        survey, question = self._scored_survey()
        rule = self._rule(
            "Completed plan", rule_type="plan_completed", amount=5000.0, survey_id=survey.id, min_satisfaction=80.0
        )
        self._done_plan(self.staff_pair)
        self._generate()
        self.assertFalse(self._incentives(rule_id=rule.id), "no answer, no satisfaction")
        self._answer(survey, question, self.teacher_mentee.partner_id, 7)
        self._generate()
        self.assertFalse(self._incentives(rule_id=rule.id), "70% is below 80%")

    def test_plan_not_done_or_ending_later_is_not_paid(self):
        rule = self._rule("Completed plan", rule_type="plan_completed", amount=5000.0)
        plan = self._done_plan(self.staff_pair, end=date(2025, 11, 15))
        self._generate()
        self.assertFalse(self._incentives(rule_id=rule.id), "the plan ends in November")
        self._generate(NOVEMBER)
        self.assertTrue(self._incentives(NOVEMBER, rule_id=rule.id))
        plan.state = "active"
        self._generate(NOVEMBER)
        self.assertFalse(self._incentives(NOVEMBER, rule_id=rule.id), "the draft follows the evidence")

    # --- caps -----------------------------------------------------------------

    def test_cap_per_employee_reduces_the_later_rules(self):
        first = self._rule("Monthly payment", amount=6000.0, sequence=1)
        second = self._rule("Percentage", rule_type="wage_percent", wage_percent=16.0, sequence=2)
        self._rule("Cap", rule_type="cap", max_amount=10000.0, kind=False, accrual_code=False)
        self._meetings(self.staff_pair, [6])
        self._generate()
        self.assertRecordValues(
            self._incentives(rule_id=first.id), [{"amount": 6000.0, "is_capped": False, "amount_before_cap": 0.0}]
        )
        self.assertRecordValues(
            self._incentives(rule_id=second.id), [{"amount": 4000.0, "is_capped": True, "amount_before_cap": 8000.0}]
        )

    def test_cap_counts_the_other_payments_of_the_period(self):
        rule = self._rule("Monthly payment", amount=6000.0)
        self._rule("Cap", rule_type="cap", max_amount=10000.0, kind=False, accrual_code=False)
        manual = self.env["mentorship.incentive"].create(
            {
                "mentor_id": self.staff_mentor.id,
                "company_id": self.school.id,
                "kind": "compensatory",
                "accrual_code": "COMP-02",
                "amount": 9000.0,
                "date_from": OCTOBER[0],
                "date_to": OCTOBER[1],
                "basis": "Collective agreement, clause 3",
            }
        )
        self._meetings(self.staff_pair, [6])
        self._generate()
        self.assertRecordValues(self._incentives(rule_id=rule.id), [{"amount": 1000.0, "is_capped": True}])
        manual.amount = 10000.0
        self._generate()
        self.assertFalse(self._incentives(rule_id=rule.id), "nothing is left under the cap")

    # --- idempotency ----------------------------------------------------------

    def test_second_run_creates_nothing_and_changes_nothing(self):
        self._rule("Monthly payment", amount=3000.0)
        self._rule("Monthly thanks", kind="thank_you_letter", accrual_code=False)
        self._meetings(self.staff_pair, [6])
        self._meetings(self.pupil_pair, [7])
        first = self._generate()
        self.assertEqual(len(first["created"]), 3)
        messages = first["created"].message_ids
        second = self._generate()
        self.assertEqual((len(second["created"]), len(second["updated"]), second["deleted"]), (0, 0, 0))
        self.assertEqual(self._incentives(), first["created"])
        self.assertEqual(first["created"].message_ids, messages, "nothing written, nothing tracked")

    def test_changed_evidence_updates_drafts_never_approved_ones(self):
        rule = self._rule("Monthly payment", amount=3000.0)
        letter = self._rule("Monthly thanks", kind="thank_you_letter", accrual_code=False)
        pupil = self._mentee("Another Young Teacher")
        group = self._pair(self.staff_mentor, self.teacher_mentee | pupil, kind="group")
        self._approve(group)
        group.action_start_work()
        self._meetings(self.staff_pair, [6])
        self._generate()
        payment = self._incentives(rule_id=rule.id)
        thanks = self._incentives(rule_id=letter.id)
        thanks.action_propose()
        thanks._approve("15-k", date(2025, 11, 5))
        # a second pair of the mentor holds a meeting: the draft follows, the approved letter does not
        self._meetings(group, [9])
        result = self._generate()
        self.assertEqual(result["updated"], payment)
        self.assertEqual(result["untouched"], 1)
        self.assertRecordValues(payment, [{"amount": 6000.0, "held_meeting_count": 2}])
        self.assertEqual(thanks.pair_ids, self.staff_pair)
        self.assertEqual(thanks.state, "approved")
        # the evidence is gone: the draft goes, the approved letter stays
        self.env["calendar.event"].search([("mentorship_pair_id", "in", (self.staff_pair | group).ids)]).unlink()
        result = self._generate()
        self.assertEqual(result["deleted"], 1)
        self.assertFalse(payment.exists())
        self.assertTrue(thanks.exists())

    def test_cancelled_incentive_is_not_generated_again(self):
        rule = self._rule("Monthly payment", amount=3000.0)
        self._meetings(self.staff_pair, [6])
        self._generate()
        incentive = self._incentives(rule_id=rule.id)
        incentive.action_cancel()
        self._generate()
        self.assertEqual(self._incentives(rule_id=rule.id), incentive)
        self.assertEqual(incentive.state, "cancelled")

    def test_wizard_generates_and_shows_the_evidence(self):
        self._rule("Monthly payment", amount=3000.0)
        self._meetings(self.staff_pair, [6, 13])
        wizard = self._as("curator", "mentorship.incentive.generate.wizard").create(
            {"company_id": self.school.id, "month_number": "10", "year": 2025}
        )
        self.assertEqual((wizard.date_from, wizard.date_to), OCTOBER)
        action = wizard.action_generate()
        self.assertEqual(action["res_id"], wizard.id)
        self.assertEqual((wizard.state, wizard.created_count), ("done", 1))
        self.assertEqual(wizard.incentive_ids.evidence_summary, "2 held meeting(s) in 1 pair(s)")
        self.assertEqual(wizard.incentive_ids.create_uid, self.curator)
        wizard_again = wizard.copy({"state": "setup"})
        wizard_again.action_generate()
        self.assertEqual((wizard_again.created_count, wizard_again.updated_count), (0, 0))

    def test_wizard_month_is_picked_as_a_month_of_a_year(self):
        Wizard = self._as("curator", "mentorship.incentive.generate.wizard")
        count = Wizard.search_count([])
        wizard = Wizard.create({"company_id": self.school.id, "month_number": "2", "year": 2024})
        self.assertRecordValues(
            wizard,
            [
                {
                    "month": date(2024, 2, 1),
                    "month_name": "February 2024",
                    "date_from": date(2024, 2, 1),
                    "date_to": date(2024, 2, 29),
                }
            ],
        )
        for year in (0, 1999, 20250):
            with self.subTest(year=year), self.assertRefused("Choose a month of a year from 2000 to 2100"):
                Wizard.create({"company_id": self.school.id, "month_number": "10", "year": year})
        with self.assertRaises(ValueError):
            Wizard.create({"company_id": self.school.id, "month_number": "13", "year": 2025})
        self.assertEqual(Wizard.search_count([]), count + 1, "nothing half-written")

    def test_wizard_counts_add_up_to_the_listed_rows(self):
        payment = self._rule("Monthly payment", amount=3000.0)
        thanks = self._rule("Monthly thanks", kind="thank_you_letter", accrual_code=False)
        percent = self._rule("Percentage", rule_type="wage_percent", wage_percent=10.0, accrual_code="STIM-02")
        self._meetings(self.staff_pair, [6])
        self._meetings(self.pupil_pair, [7])
        self._generate()
        self.assertTrue(self._incentives(rule_id=percent.id))
        # a new rule gives two certificates, the payment rises, the staff mentor's letter stays as it is,
        # the pupil's letter is proposed and the percentage no longer qualifies
        self._rule("Certificate", kind="certificate", accrual_code=False)
        payment.amount = 3500.0
        self._incentives(rule_id=thanks.id, mentor_id=self.pupil_mentor.id).action_propose()
        self.employee.version_ids.write({"wage": 0.0})
        manual = self.env["mentorship.incentive"].create(
            {
                "mentor_id": self.pupil_mentor.id,
                "company_id": self.school.id,
                "kind": "certificate",
                "date_from": OCTOBER[0],
                "date_to": OCTOBER[1],
            }
        )
        wizard = self._as("curator", "mentorship.incentive.generate.wizard").create(
            {"company_id": self.school.id, "month_number": "10", "year": 2025}
        )
        wizard.action_generate()
        self.assertRecordValues(
            wizard,
            [{"created_count": 2, "updated_count": 1, "unchanged_count": 1, "untouched_count": 1, "deleted_count": 1}],
        )
        self.assertEqual(len(wizard.incentive_ids), 5, "created + updated + unchanged + kept, as the list shows")
        self.assertNotIn(manual, wizard.incentive_ids, "an incentive made by hand is not the rules'")
        self.assertEqual(wizard.action_view_incentives()["domain"], wizard._generated_domain())

    def test_period_follows_the_users_time_zone(self):
        rule = self._rule("Monthly payment", amount=3000.0)
        # 1 November, 01:30 in Moscow is still 31 October in UTC
        self._meeting(self.staff_pair, datetime(2025, 10, 31, 22, 30))
        self.env.user.tz = "Europe/Moscow"
        self._generate()
        self.assertFalse(self._incentives(rule_id=rule.id))
        self._generate(NOVEMBER)
        self.assertTrue(self._incentives(NOVEMBER, rule_id=rule.id))

    def test_rule_parameters_are_checked(self):
        Rule = self.env["mentorship.incentive.rule"]
        with self.assertRefused("needs its fixed sum"):
            self._rule("No sum")
        with self.assertRefused("accrual code"):
            self._rule("No code", amount=100.0, accrual_code=False)
        with self.assertRefused("percentage above zero"):
            self._rule("No percentage", rule_type="wage_percent")
        with self.assertRefused("needs the cap sum"):
            self._rule("No cap", rule_type="cap")
        with self.assertRefused("needs the satisfaction survey"):
            self._rule("No survey", rule_type="plan_completed", amount=100.0, min_satisfaction=80.0)
        with self.assertRefused("cannot be empty"):
            self._rule("   ", amount=100.0)
        self.assertFalse(Rule.search([("company_id", "=", self.school.id)]))

    def test_group_pair_counts_each_mentee_once(self):
        rule = self._rule("Percentage", rule_type="wage_percent", wage_percent=5.0)
        group = self._pair(
            self.staff_mentor, self._mentee("Group Mentee 1") | self._mentee("Group Mentee 2"), kind="group"
        )
        self._approve(group)
        group.action_start_work()
        group.write({"mentee_ids": [Command.link(self.teacher_mentee.id)]})
        self._meetings(group, [6])
        self._meetings(self.staff_pair, [7])
        self._generate()
        self.assertRecordValues(self._incentives(rule_id=rule.id), [{"mentee_count": 3, "amount": 7500.0}])
