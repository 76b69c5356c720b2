from datetime import date

from odoo.tests import TransactionCase, tagged

from odoo.addons.mentorship_core.tools import (
    decline_name,
    format_amount_ru,
    format_date_ru,
    short_name,
    short_name_declined,
)


@tagged("post_install", "-at_install")
class TestRussianFormats(TransactionCase):
    """Dates and names as a Russian order or letter writes them."""

    def test_date_in_words_with_genitive_month(self):
        self.assertEqual(format_date_ru(date(2026, 11, 23)), "23 ноября 2026 г.")
        self.assertEqual(format_date_ru(date(2027, 3, 1)), "1 марта 2027 г.")
        self.assertEqual(format_date_ru(False), "")

    def test_amount_with_spaces_and_comma_in_any_language(self):
        self.assertEqual(format_amount_ru(14950), "14\u00a0950,00")
        self.assertEqual(format_amount_ru(1234567.891), "1\u00a0234\u00a0567,89")
        self.assertEqual(format_amount_ru(0.5), "0,50")

    def test_short_name_keeps_surname_and_initials(self):
        self.assertEqual(short_name("Иванова Ирина Ивановна"), "Иванова И. И.")
        self.assertEqual(short_name("Петров Пётр"), "Петров П.")
        self.assertEqual(short_name("Гимназия"), "Гимназия")
        self.assertEqual(short_name(False), "")

    def test_names_decline_by_gender(self):
        self.assertEqual(decline_name("Соколова Ирина Викторовна", "dative"), "Соколовой Ирине Викторовне")
        self.assertEqual(decline_name("Морозов Андрей Николаевич", "dative"), "Морозову Андрею Николаевичу")
        self.assertEqual(decline_name("Морозов Андрей Николаевич", "genitive"), "Морозова Андрея Николаевича")
        self.assertEqual(decline_name("Морозов Андрей Николаевич", "nominative"), "Морозов Андрей Николаевич")
        self.assertEqual(short_name_declined("Крылова Наталья Андреевна", "genitive"), "Крыловой Н. А.")
        self.assertEqual(decline_name("", "dative"), "")
