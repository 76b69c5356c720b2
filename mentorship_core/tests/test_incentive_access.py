"""Who sees what of the incentives, across two schools: amounts, wages and
batches only for HR officers (and the director, who has that group);
curators propose without them; a mentor sees their own, never others'; the
coordinator sees totals by school."""

from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .common_incentive import OCTOBER, IncentiveCase

NO_INCENTIVES = ("employee", "portal_mentee", "portal_mentor", "parent")
HR_ONLY_FIELDS = ("amount", "wage", "amount_before_cap", "personnel_number")


@tagged("post_install", "-at_install")
class TestIncentiveAccess(IncentiveCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_incentives()
        # another staff mentor of school A, and school B with its own rule and batch
        cls.other_mentor = cls.other_pair.mentor_id
        cls.other_mentor.employee_id = cls.env["hr.employee"].create(
            {"name": "Other Mentor", "company_id": cls.school.id, "wage": 40000.0}
        )
        cls._approve(cls.other_pair | cls.pair_b)
        (cls.other_pair | cls.pair_b).action_start_work()
        cls.pair_b.mentor_id.employee_id = cls.env["hr.employee"].create(
            {"name": "B Mentor", "company_id": cls.school_b.id}
        )
        cls.rule = cls._rule("Monthly payment", amount=3000.0)
        cls.rule_b = cls._rule("School B payment", amount=2000.0, company=cls.school_b)
        cls._meetings(cls.staff_pair, [6])
        cls._meetings(cls.other_pair, [7])
        cls._meetings(cls.pair_b, [8])
        generated = cls._generate()["created"] | cls._generate(company=cls.school_b)["created"]
        generated.action_propose()
        generated._approve("45-k", date(2025, 11, 5))
        cls.own = generated.filtered(lambda incentive: incentive.mentor_id == cls.staff_mentor)
        cls.others = generated.filtered(lambda incentive: incentive.mentor_id == cls.other_mentor)
        cls.incentive_b = generated.filtered(lambda incentive: incentive.company_id == cls.school_b)
        cls.own_draft = cls.env["mentorship.incentive"].create(
            {
                "mentor_id": cls.staff_mentor.id,
                "company_id": cls.school.id,
                "kind": "thank_you_letter",
                "date_from": OCTOBER[0],
                "date_to": OCTOBER[1],
            }
        )
        Batch = cls.env["mentorship.incentive.batch"]
        cls.batch = Batch.create({"company_id": cls.school.id, "date_from": OCTOBER[0], "date_to": OCTOBER[1]})
        cls.batch_b = Batch.create({"company_id": cls.school_b.id, "date_from": OCTOBER[0], "date_to": OCTOBER[1]})

    def _visible(self, role, model="mentorship.incentive"):
        return self._as(role, model).search([])

    def test_amounts_and_wages_for_hr_officers_only(self):
        for role in ("curator", "coordinator", "staff_mentor"):
            incentives = self._visible(role)
            self.assertTrue(incentives, role)
            for field in HR_ONLY_FIELDS:
                with self.subTest(role=role, field=field), mute_logger("odoo.models"), self.assertRaises(AccessError):
                    incentives.read([field])
            with mute_logger("odoo.models"), self.assertRaises(AccessError):
                self._as(role, "mentorship.incentive").formatted_read_group([], ["company_id"], ["amount:sum"])
            with mute_logger("odoo.models"), self.assertRaises(AccessError):
                self._as(role, "mentorship.incentive").search([("amount", ">", 0)])
        [hr_view] = self._as("hr_officer", "mentorship.incentive").browse(self.own.id).read(list(HR_ONLY_FIELDS))
        self.assertEqual((hr_view["amount"], hr_view["personnel_number"]), (3000.0, "00-0042"))

    def test_curators_propose_without_others_amounts(self):
        curator_view = self._as("curator", "mentorship.incentive").browse((self.own | self.others).ids)
        self.assertEqual(curator_view.mapped("my_amount"), [0.0, 0.0])
        self.assertNotIn("amount", self._as("curator", "mentorship.incentive").fields_get())
        rules = self._visible("curator", "mentorship.incentive.rule")
        self.assertEqual(rules, self.rule)
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            rules.read(["amount"])
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            rules.write({"name": "Paid more"})
        hr_rules = self._visible("hr_officer", "mentorship.incentive.rule")
        hr_rules.write({"amount": 3500.0})
        self.assertEqual(self.rule.amount, 3500.0)

    def test_mentor_sees_own_approved_incentives_never_others(self):
        own_view = self._visible("staff_mentor")
        self.assertEqual(own_view, self.own, "the own draft and the other mentor's payment are hidden")
        self.assertEqual(own_view.my_amount, 3000.0)
        Incentive = self._as("staff_mentor", "mentorship.incentive")
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            Incentive.browse(self.others.id).read(["kind"])
        with mute_logger("odoo.models"), self.assertRaises(UserError):
            own_view.write({"description": "More, please"})
        self.assertFalse(self._as("staff_mentor", "mentorship.incentive.batch").has_access("read"))
        self.assertFalse(self._as("staff_mentor", "mentorship.incentive.generate.wizard").has_access("create"))

    def test_each_school_its_own_incentives_rules_and_batches(self):
        self.assertEqual(self._visible("curator"), self.own | self.others | self.own_draft)
        self.assertEqual(self._visible("curator_b"), self.incentive_b)
        self.assertEqual(self._visible("curator_b", "mentorship.incentive.rule"), self.rule_b)
        self.assertEqual(self._visible("hr_officer"), self.own | self.others | self.own_draft)
        self.assertEqual(self._visible("hr_officer", "mentorship.incentive.batch"), self.batch)
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            self._as("hr_officer", "mentorship.incentive.batch").browse(self.batch_b.id).read(["name"])
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            self._as("hr_officer", "mentorship.incentive").browse(self.incentive_b.id).action_cancel()
        with self.assertRefused("Only the curators and HR officers of Test School No. 1", AccessError):
            self._as("curator_b", "mentorship.incentive.generate.wizard").create(
                {"company_id": self.school.id, "month_number": "10", "year": 2025}
            ).action_generate()

    def test_batches_for_hr_officers_only(self):
        for role in ("curator", "coordinator", "staff_mentor", *NO_INCENTIVES):
            with self.subTest(role=role):
                self.assertFalse(self._as(role, "mentorship.incentive.batch").has_access("read"))
        self.assertTrue(self._as("hr_officer", "mentorship.incentive.batch").has_access("create"))

    def test_no_incentive_for_portal_users_and_plain_employees(self):
        for role in NO_INCENTIVES:
            for model in ("mentorship.incentive", "mentorship.incentive.rule", "mentorship.incentive.analysis"):
                with self.subTest(role=role, model=model):
                    self.assertFalse(self._as(role, model).has_access("read"))

    def test_coordinator_sees_totals_by_school(self):
        Analysis = self._as("coordinator", "mentorship.incentive.analysis")
        totals = {
            company: amount
            for company, amount in Analysis._read_group([("category", "=", "payment")], ["company_id"], ["amount:sum"])
        }
        self.assertEqual(totals, {self.school: 6000.0, self.school_b: 2000.0})
        self.assertFalse(self._as("curator", "mentorship.incentive.analysis").has_access("read"))
        hr_totals = self._as("hr_officer", "mentorship.incentive.analysis")._read_group(
            [], ["company_id"], ["amount:sum"]
        )
        self.assertEqual(hr_totals, [(self.school, 6000.0)])

    def test_director_approves_and_reads_amounts_of_own_school(self):
        proposed = self._as("curator", "mentorship.incentive").create(
            {
                "mentor_id": self.staff_mentor.id,
                "company_id": self.school.id,
                "kind": "thank_you_letter",
                "date_from": OCTOBER[0],
                "date_to": OCTOBER[1],
                "basis": "Regulation, clause 3.4",
            }
        )
        proposed.action_propose()
        director_view = self._as("director", "mentorship.incentive").browse(proposed.id)
        director_view._approve("47-k", date(2025, 11, 6))
        self.assertEqual(
            (proposed.state, proposed.approved_by_id), ("approved", self.users["director"]), "the director signs"
        )
        [amounts] = self._as("director", "mentorship.incentive").browse(self.own.id).read(list(HR_ONLY_FIELDS))
        self.assertEqual(amounts["amount"], 3000.0)
        self.assertEqual(self._visible("director", "mentorship.incentive.batch"), self.batch)
        self.assertNotIn(self.incentive_b, self._visible("director"))
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            self._as("director", "mentorship.incentive").browse(self.incentive_b.id).read(["amount"])
