import base64
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from .common import DocumentCase


@tagged("post_install", "-at_install")
class TestPairOrder(DocumentCase, TransactionCase):
    """The order «Об утверждении наставнических пар/групп» comes out of the
    approval itself, one for the pairs approved together."""

    def _approve_and_print(self, pairs, number, output_format="pdf"):
        wizard = self._as("curator", "mentorship.pair.approve.wizard").create(
            {
                "pair_ids": [Command.set(pairs.ids)],
                "order_number": number,
                "order_date": date(2026, 11, 23),
                "print_order": True,
                "order_format": output_format,
            }
        )
        action = wizard.action_approve()
        return self.env[action["res_model"]].browse(action["res_id"])

    def test_approval_gives_the_order_with_its_pairs(self):
        pairs = self.staff_pair | self.pupil_pair
        printed = self._approve_and_print(pairs, "45-о")
        self.assertEqual(set(pairs.mapped("state")), {"approved"})
        self.assertEqual(printed.document_name, "Order Approving Pairs and Groups.pdf")
        text = self._pdf_text(base64.b64decode(printed.document))
        for expected in (
            "Test School No. 1",
            "ПРИКАЗ",
            "23 ноября 2026 г.",
            "№ 45-о",
            "г. Бийск",
            "Об утверждении наставнических пар/групп",
            "Утвердить наставнические пары/группы в количестве 2 согласно приложению",
            "возложить на куратора Соколову И. В.",
            "Директор _______________ Максимова Е. А.",
            "Приложение к приказу от 23 ноября 2026 г. № 45-о",
            "1 Test Portal Mentor Test Portal Mentee Pupil – pupil Pupils 2025/2026",
            "2 Test Staff Mentor Young Teacher Teacher – teacher Teachers 2025/2026",
        ):
            self.assertIn(expected, text)

    def test_one_pair_prints_the_whole_order(self):
        """Printed from any one of its pairs, the order lists all of them
        and nothing of another order."""
        self._approve(self.staff_pair | self.pupil_pair, number="45-о", on=date(2026, 11, 23))
        self._approve(self.other_pair, number="46-о", on=date(2026, 11, 23))
        content = self._print("curator", self.pupil_pair, "order_pairs", "odt")
        rows = self._odt_content(content).findall(".//{*}table-row")
        table_text = [" ".join(text.strip() for text in row.itertext() if text.strip()) for row in rows]
        self.assertEqual(len(rows), 1 + 2, "the header and the order's two pairs")
        self.assertTrue(table_text[1].startswith("1 Test Portal Mentor Test Portal Mentee"), table_text[1])
        self.assertTrue(table_text[2].startswith("2 Test Staff Mentor Young Teacher"), table_text[2])
        self.assertNotIn("Other Mentor", self._odt_text(content))

    def test_docx_of_the_order(self):
        self._approve(self.staff_pair, number="47-о", on=date(2026, 11, 23))
        text = self._docx_text(self._print("curator", self.staff_pair, "order_pairs", "docx"))
        self.assertIn("Об утверждении наставнических пар/групп", text)
        self.assertIn("Staff Mentor", text)

    def test_refused_for_pairs_without_one_order(self):
        with self.assertRaisesRegex(UserError, "approved by an order"):
            self._print("curator", self.staff_pair, "order_pairs")
        self._approve(self.staff_pair, number="1-о")
        self._approve(self.pupil_pair, number="2-о")
        with self.assertRaisesRegex(UserError, "different orders"):
            self._print("curator", self.staff_pair | self.pupil_pair, "order_pairs")

    def test_order_of_the_other_school_is_not_printed(self):
        self._approve(self.pair_b, number="9-о")
        with self.assertRaises(AccessError):
            self._print("curator", self.pair_b, "order_pairs")

    def test_approval_without_printing_returns_to_the_pipeline(self):
        wizard = self._as("curator", "mentorship.pair.approve.wizard").create(
            {"pair_ids": [Command.set(self.staff_pair.ids)], "order_number": "3-о", "order_date": date(2026, 11, 23)}
        )
        self.assertEqual(wizard.action_approve(), {"type": "ir.actions.act_window_close"})
