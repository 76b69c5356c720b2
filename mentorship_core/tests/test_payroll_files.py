"""What a payroll register says was sent stays: the XLSX and CSV of an
exported batch are neither deleted nor replaced, by the HR officer who
exported them or anyone else but a database administrator."""

from datetime import date

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from odoo.addons.mail.tools.discuss import Store

from .common_incentive import IncentiveCase


@tagged("post_install", "-at_install")
class TestPayrollFiles(IncentiveCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_incentives()
        cls._rule("Monthly payment", amount=3000.0)
        cls._meetings(cls.staff_pair, [6])
        payment = cls._generate()["created"]
        payment.action_propose()
        hr_env = cls.env(user=cls.users["hr_officer"], context={"allowed_company_ids": cls.school.ids})
        payment.with_env(hr_env)._approve("45-k", date(2025, 11, 5))
        cls.batch = hr_env["mentorship.incentive.batch"].create(
            {"company_id": cls.school.id, "date_from": date(2025, 10, 1), "date_to": date(2025, 10, 31)}
        )
        cls.batch.action_collect()
        cls.batch.action_export()
        cls.files = cls.batch.xlsx_file_id | cls.batch.csv_file_id

    def test_exported_files_are_neither_deleted_nor_replaced(self):
        contents = self.files.mapped("raw")
        for role in ("hr_officer", "director"):
            files = self._as(role, "ir.attachment").browse(self.files.ids)
            for attempt in (
                files.unlink,
                files.sudo().unlink,
                lambda files=files: files[0].write({"raw": b"other figures"}),
                lambda files=files: files[1].sudo().write({"res_id": 0, "res_model": "res.partner"}),
                lambda files=files: files[0].write({"name": "renamed.xlsx"}),
            ):
                with self.subTest(role=role, attempt=attempt), self.assertRefused("kept as it was sent", UserError):
                    attempt()
        self.assertEqual(self.files.exists().mapped("raw"), contents)
        self.assertEqual(self.batch.message_ids[0].attachment_ids, self.files)

    def test_the_chatter_shows_them_as_kept(self):
        self.assertEqual(self.files.mapped("mentorship_is_kept"), [True, True])
        note = self.env["ir.attachment"].create(
            {"name": "note.txt", "raw": b"draft", "res_model": self.batch._name, "res_id": self.batch.id}
        )
        self.assertFalse(note.mentorship_is_kept, "other files of the batch are ordinary")
        # what the chatter receives: the flag on the kept files only, mail's own data for the others
        sent = {row["id"]: row for row in Store().add(self.files | note).get_result()["ir.attachment"]}
        self.assertEqual([sent[file.id].get("mentorship_is_kept") for file in self.files], [True, True])
        self.assertNotIn("mentorship_is_kept", sent[note.id])
        note.with_env(self._as("hr_officer")).unlink()
        self.assertFalse(note.exists())

    def test_a_database_administrator_may(self):
        admin = self.env.ref("base.user_admin")
        admin.write(
            {
                "company_ids": [Command.link(self.school.id)],
                "group_ids": [Command.link(self.env.ref("mentorship_core.group_mentorship_hr_officer").id)],
            }
        )
        self.files[0].with_env(self._as(admin)).unlink()
        self.assertFalse(self.files[0].exists())
