"""Every term the installed addons show has its Russian translation in ru.po."""

import re
from pathlib import Path

from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import PoFileReader, TranslationModuleReader

ROOT = Path(__file__).resolve().parent.parent
# demo records written in Russian need no Russian translation
CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)
ADDONS = ["mentorship_core", "mentorship_school", "mentorship_portal", "mentorship_reports"]


@tagged("post_install", "-at_install")
class TestTranslationsComplete(TransactionCase):
    def test_every_term_translated_to_russian(self):
        for addon in ADDONS:
            with self.subTest(addon=addon):
                terms = {
                    source
                    for module, _type, _name, _res_id, source, _value, _comments in TranslationModuleReader(
                        self.env.cr, modules=[addon]
                    )
                    if module == addon and not CYRILLIC.search(source)
                }
                # read as Odoo loads it: merged with the addon's .pot, whose
                # stale template would drop the newer terms
                loaded = PoFileReader(str(ROOT / addon / "i18n" / "ru.po"))
                translated = {row["src"] for row in loaded if row["value"].strip()}
                self.assertFalse(terms - translated, f"{addon}/i18n/ru.po lacks Russian for these terms")

    def test_reader_sees_the_core_terms(self):
        """Guards the test above against an empty reader."""
        terms = {row[4] for row in TranslationModuleReader(self.env.cr, modules=["mentorship_core"])}
        self.assertIn("Mentorship", terms)
        self.assertIn("Teacher – teacher", terms)

    def test_file_names_of_documents_are_terms(self):
        """The names of the addons' reports and of their files are English
        terms too."""
        reports = self.env["ir.actions.report"].browse(
            self.env["ir.model.data"]
            .search([("module", "in", ADDONS), ("model", "=", "ir.actions.report")])
            .mapped("res_id")
        )
        self.assertTrue(reports.filtered("print_report_name"))
        for report in reports.with_context(lang="en_US"):
            self.assertNotRegex(f"{report.name} {report.print_report_name or ''}", CYRILLIC)
