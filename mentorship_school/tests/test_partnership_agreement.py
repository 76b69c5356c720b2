from datetime import date

from dateutil.relativedelta import relativedelta
from psycopg2.errors import CheckViolation

from odoo import fields
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.mentorship_core.tests.common import MentorshipCase


@tagged("post_install", "-at_install")
class TestPartnershipAgreement(MentorshipCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()
        cls.plant = cls.env["res.partner"].create({"name": "Machine-Building Plant", "is_company": True})
        cls.today = fields.Date.context_today(cls.env["res.partner"])
        cls.mentor = cls._mentor("Engineer Sokolov", category=cls.env.ref("mentorship_core.mentor_category_employer"))
        cls.mentor.employer_partner_id = cls.plant

    def _agreement(self, start, end, number="7/2026"):
        return self.env["mentorship.partnership.agreement"].create(
            {
                "number": number,
                "partner_id": self.plant.id,
                "date_start": start,
                "date_end": end,
                "company_id": self.school.id,
                "scope": "Engineers mentor pupils choosing a technical career",
            }
        )

    def test_mentor_comes_under_the_agreement_in_force(self):
        expired = self._agreement(date(2020, 9, 1), date(2021, 8, 31), number="3/2020")
        self.assertFalse(expired.is_valid)
        self.assertFalse(self.mentor.agreement_id)
        current = self._agreement(self.today - relativedelta(months=2), self.today + relativedelta(years=1))
        self.mentor.invalidate_recordset(["agreement_id"])
        self.assertTrue(current.is_valid)
        self.assertEqual(self.mentor.agreement_id, current)
        self.assertEqual(current.mentor_ids, self.mentor)
        self.assertEqual(expired.mentor_ids, self.mentor, "the organisation's mentors, whatever the agreement")

    def test_agreement_cannot_end_before_it_starts(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(CheckViolation) as caught, self.cr.savepoint():
            self._agreement(date(2026, 9, 1), date(2026, 1, 1))
        self.assertIn("mentorship_partnership_agreement_dates_ordered", str(caught.exception))
