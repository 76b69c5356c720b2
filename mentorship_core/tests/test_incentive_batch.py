"""Payroll batches: the export read back cell by cell, exported once, locked
lines, and a correction as a reversal in the next batch."""

import csv
import io
from datetime import date

import openpyxl

from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .common_incentive import NOVEMBER, OCTOBER, IncentiveCase

HEADER = ["Personnel Number", "Full Name", "Accrual Code", "Amount", "Period", "Basis"]
XLSX_HEADER_ROW = 5  # openpyxl counts from 1: the organisation, the title, the date of export, a blank row


@tagged("post_install", "-at_install")
class TestIncentiveBatch(IncentiveCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_incentives()
        cls._rule("Monthly payment", amount=3000.0)
        cls._rule("Percentage", rule_type="wage_percent", wage_percent=5.5, accrual_code="STIM-02")
        cls._meetings(cls.staff_pair, [6])
        payments = cls._generate()["created"]
        payments.action_propose()
        cls.hr_env = cls.env(user=cls.users["hr_officer"], context={"allowed_company_ids": cls.school.ids})
        payments.with_env(cls.hr_env)._approve("45-k", date(2025, 11, 5))
        cls.payments = payments.sorted("amount")
        cls.Batch = cls.hr_env["mentorship.incentive.batch"]

    def _batch(self, period=OCTOBER):
        batch = self.Batch.create({"company_id": self.school.id, "date_from": period[0], "date_to": period[1]})
        batch.action_collect()
        return batch

    def _expected_rows(self):
        basis = "Regulation on remuneration, clause 5.2; order No. 45-k of 11/05/2025"
        return [
            ["00-0042", "Staff Mentor", "STIM-01", 3000.0, "10.2025", basis],
            ["00-0042", "Staff Mentor", "STIM-02", 2750.0, "10.2025", basis],
        ]

    def _xlsx_sheet(self, batch):
        return openpyxl.load_workbook(io.BytesIO(batch.xlsx_file_id.raw)).active

    def _xlsx_rows(self, batch):
        """The table of the file: its header and its payments, without the
        title above it and the total below it."""
        rows = [list(row) for row in self._xlsx_sheet(batch).iter_rows(min_row=XLSX_HEADER_ROW, values_only=True)]
        return rows[:-1]

    def _csv_rows(self, batch):
        text = batch.csv_file_id.raw.decode("utf-8-sig")
        return list(csv.reader(io.StringIO(text), delimiter=";"))

    def test_export_read_back_cell_by_cell(self):
        batch = self._batch()
        self.assertEqual(batch.line_ids, self.payments)
        self.assertEqual(batch.amount_total, 5750.0)
        self.assertTrue(batch.action_export())
        self.assertRecordValues(batch, [{"state": "exported", "exported_by_id": self.users["hr_officer"].id}])
        self.assertTrue(batch.exported_date)
        self.assertEqual(set(self.payments.mapped("state")), {"exported"})
        self.assertEqual(self._xlsx_rows(batch), [HEADER, *self._expected_rows()])
        self.assertEqual(
            self._csv_rows(batch),
            [HEADER, *[[*row[:3], f"{row[3]:.2f}", *row[4:]] for row in self._expected_rows()]],
        )
        message = batch.message_ids[0]
        self.assertEqual(message.attachment_ids, batch.xlsx_file_id | batch.csv_file_id)
        self.assertIn("Exported 2 payment(s)", message.body)
        self.assertEqual(batch.action_download_csv()["url"], f"/web/content/{batch.csv_file_id.id}?download=true")

    def test_xlsx_has_a_title_and_a_total(self):
        batch = self._batch()
        batch.action_export()
        sheet = self._xlsx_sheet(batch)
        self.assertEqual(sheet["A1"].value, self.school.name)
        self.assertEqual(
            sheet["A2"].value, f"Incentive payments to mentors for October 2025, payroll batch {batch.name}"
        )
        self.assertTrue(sheet["A3"].value.startswith("Exported on "))
        self.assertEqual([cell.value for cell in sheet[XLSX_HEADER_ROW]], HEADER)
        # two payments in rows 6 and 7, then their total, a formula that follows the filter
        self.assertEqual((sheet["B8"].value, sheet["D8"].value), ("Total", "=SUBTOTAL(9,D6:D7)"))
        self.assertEqual(sheet.auto_filter.ref, "A5:F7")
        cached = openpyxl.load_workbook(io.BytesIO(batch.xlsx_file_id.raw), data_only=True).active
        self.assertEqual(cached["D8"].value, 5750.0, "the total is there before the spreadsheet recalculates")
        self.assertEqual(sheet.max_row, 8, "nothing below the total")

    def test_exporting_twice_is_refused(self):
        batch = self._batch()
        batch.action_export()
        files = batch.xlsx_file_id | batch.csv_file_id
        with self.assertRefused("was exported on .* by Test Hr Officer", UserError):
            batch.action_export()
        self.assertEqual(batch.xlsx_file_id | batch.csv_file_id, files)
        with self.assertRefused("cannot be changed", UserError):
            batch.date_to = date(2025, 12, 31)
        with self.assertRefused("cannot be deleted", UserError):
            batch.unlink()

    def test_exported_line_is_locked_and_corrected_by_a_reversal(self):
        batch = self._batch()
        batch.action_export()
        batch.action_mark_paid()
        self.assertEqual(set(self.payments.mapped("state")), {"paid"})
        original = self.payments[-1].with_env(self.hr_env)
        with self.assertRefused("can no longer be changed", UserError):
            original.amount = 2000.0
        with self.assertRefused("Only a draft incentive can be deleted", UserError):
            original.unlink()
        with self.assertRefused("cannot be cancelled in its state", UserError):
            original.action_cancel()
        wizard = self.hr_env["mentorship.incentive.reverse.wizard"]
        wizard = wizard.create({"incentive_id": original.id, "reason": "The pair did not work in October"})
        reversal = self.env["mentorship.incentive"].browse(wizard.action_reverse()["res_id"])
        self.assertRecordValues(
            reversal,
            [
                {
                    "reversed_incentive_id": original.id,
                    "amount": -3000.0,
                    "state": "approved",
                    "date_from": OCTOBER[0],
                    "accrual_code": "STIM-01",
                    "personnel_number": "00-0042",
                    "rule_id": False,
                }
            ],
        )
        self.assertEqual(original.amount, 3000.0)
        with self.assertRefused("already reversed", UserError):
            original._reverse("Twice")
        next_batch = self._batch(NOVEMBER)
        self.assertEqual(next_batch.line_ids, reversal)
        next_batch.action_export()
        basis = (
            "Regulation on remuneration, clause 5.2; order No. 45-k of 11/05/2025; reversal of the payment "
            f"exported in {batch.name}: The pair did not work in October"
        )
        expected = ["00-0042", "Staff Mentor", "STIM-01", -3000.0, "10.2025", basis]
        self.assertEqual(self._xlsx_rows(next_batch), [HEADER, expected])
        self.assertEqual(self._csv_rows(next_batch)[1], [*expected[:3], "-3000.00", *expected[4:]])

    def test_chatter_in_the_language_of_the_hr_officer_whatever_the_callers(self):
        """The demo data and other programs call the steps in their own
        language; the chatter is the HR officer's."""
        self.env["res.lang"]._activate_lang("ru_RU")
        self.env["ir.module.module"].search([("name", "=", "mentorship_core")])._update_translations(["ru_RU"])
        self.env.registry.clear_cache("stable")  # the labels of the fields, cached before their Russian came
        self.users["hr_officer"].lang = "ru_RU"
        self.env.cr.precommit.run()  # the approval's tracking, done before
        before = self.payments[0].message_ids
        batch = self._batch().with_context(lang="en_US")
        batch.action_export()
        payment = self.payments[0].with_env(self.hr_env).with_context(lang="en_US")
        payment._reverse("Ошибка в табеле")
        self.env.cr.precommit.run()  # the tracking is written at commit
        payment = self.payments[0]
        payment.invalidate_recordset(["message_ids"])
        states = (payment.message_ids - before).tracking_value_ids.filtered(
            lambda value: value.field_id.name == "state"
        )
        self.assertEqual(states.mapped("new_value_char"), ["Выгружено"])
        bodies = " ".join((payment.message_ids - before).mapped("body"))
        self.assertIn("Сторнировано строкой Сторно:", bodies)
        self.assertNotIn("Reversed by", bodies)

    def test_reversal_only_of_exported_payments_by_hr(self):
        payment = self.payments[0]
        with self.assertRefused("cannot be reversed in its state", UserError):
            payment.with_env(self.hr_env)._reverse("Not exported yet")
        batch = self._batch()
        batch.action_export()
        for role in ("curator", "coordinator", "staff_mentor"):
            with self.subTest(role=role), mute_logger("odoo.models"), self.assertRaises(AccessError):
                self._as(role, "mentorship.incentive").browse(payment.id)._reverse("Not mine to reverse")
        self.assertFalse(payment.reversal_ids)

    def test_batch_takes_payments_of_its_school_only_once(self):
        batch = self._batch()
        other = self._batch()
        self.assertFalse(other.line_ids, "a payment is in one batch")
        with self.assertRefused("no payments to export", UserError):
            other.action_export()
        self.payments[0].with_env(self.hr_env).action_remove_from_batch()
        self.assertEqual(batch.line_ids, self.payments[1])
        with self.assertRefused("is in the payroll batch", UserError):
            self.payments[1].with_env(self.hr_env).action_cancel()
        batch.action_export()
        with self.assertRefused("stays there", UserError):
            self.payments[1].with_env(self.hr_env).action_remove_from_batch()

    def test_recognitions_and_unapproved_payments_stay_out(self):
        self.env["mentorship.incentive"].create(
            {
                "mentor_id": self.staff_mentor.id,
                "company_id": self.school.id,
                "kind": "compensatory",
                "accrual_code": "COMP-02",
                "amount": 500.0,
                "date_from": OCTOBER[0],
                "date_to": OCTOBER[1],
            }
        )
        batch = self._batch()
        self.assertEqual(batch.line_ids, self.payments)
