"""Every text the addons show is an English term with its Russian translation
in ru.po, never Russian written in the code."""

import ast
import re
from pathlib import Path

from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import PoFileReader, TranslationModuleReader

ROOT = Path(__file__).resolve().parent.parent
# demo records written in Russian need no Russian translation
CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)
ADDONS = ["mentorship_core", "mentorship_school", "mentorship_portal", "mentorship_reports"]
# the Russian that Python code of the addons may hold: language data, not texts to translate
RUSSIAN_DATA = {
    # the year of a Russian date, «23 ноября 2026 г.», after babel's month in the genitive:
    # format_date_ru writes the Russian date whatever the user's language
    ("mentorship_core/tools.py", " г."),
    # a date left blank to write by hand, in the same Russian form
    ("mentorship_reports/report/mentorship_document.py", "«___» ____________ 20___ г."),
    # the Russian headers of the marks file of a school information system, read in the
    # file whatever the user's language (README, Importing marks from the school information system)
    ("mentorship_school/models/mentorship_school_mark_import.py", "код ученика"),
    ("mentorship_school/models/mentorship_school_mark_import.py", "период"),
    ("mentorship_school/models/mentorship_school_mark_import.py", "предмет"),
    ("mentorship_school/models/mentorship_school_mark_import.py", "средний балл"),
}


def _docstrings(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            docstring = node.body[0] if node.body else None
            if isinstance(docstring, ast.Expr) and isinstance(docstring.value, ast.Constant):
                yield docstring.value


def test_no_russian_texts_in_python():
    """The strings of the addons' Python code (docstrings and tests aside)
    hold no Russian but RUSSIAN_DATA: a text a user reads is a term."""
    found = set()
    for addon in ADDONS:
        for path in (ROOT / addon).rglob("*.py"):
            if "tests" in path.relative_to(ROOT).parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
            docstrings = set(map(id, _docstrings(tree)))
            found |= {
                (path.relative_to(ROOT).as_posix(), node.value)
                for node in ast.walk(tree)
                if isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in docstrings
                and CYRILLIC.search(node.value)
            }
    assert not found - RUSSIAN_DATA, f"make these English terms, their Russian in ru.po: {sorted(found - RUSSIAN_DATA)}"
    assert not RUSSIAN_DATA - found, f"the code no longer holds these: {sorted(RUSSIAN_DATA - found)}"


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
