"""The four addons as a product: manifests, translations, icons."""

import ast
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
ADDONS = ["mentorship_core", "mentorship_school", "mentorship_portal", "mentorship_reports"]


def manifest(addon):
    return ast.literal_eval((ROOT / addon / "__manifest__.py").read_text(encoding="utf-8"))


@pytest.mark.parametrize("addon", ADDONS)
def test_manifest(addon):
    data = manifest(addon)
    assert data["version"] == "19.0.1.0.0"
    assert data["license"] == "LGPL-3"
    assert data["category"] == "Education/Mentorship"
    assert data["author"] and data["website"].startswith("https://")
    assert data.get("application", False) == (addon == "mentorship_core")
    assert (ROOT / addon / "static" / "description" / "icon.png").is_file()


@pytest.mark.parametrize("addon", ADDONS)
def test_russian_po_has_no_empty_translation(addon):
    po = polib.pofile(str(ROOT / addon / "i18n" / "ru.po"))
    assert po.metadata["Language"] == "ru"
    empty = [entry.msgid for entry in po if not entry.msgstr.strip() and not entry.obsolete]
    assert not empty, f"{addon}/i18n/ru.po leaves these untranslated: {empty}"
    fuzzy = [entry.msgid for entry in po if "fuzzy" in entry.flags]
    assert not fuzzy, f"{addon}/i18n/ru.po has fuzzy translations: {fuzzy}"
