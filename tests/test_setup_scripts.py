"""setup/ refuses a wrong or broken Odoo tree before touching anything."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHECK = ROOT / "setup" / "check_odoo_tree.py"
ODOO_SRC = Path(os.environ.get("ODOO_SRC", "/opt/odoo/19.0"))
PROTECTED = [ROOT / ".odoo.conf", ROOT / ".venv" / ".mentorship-stamp"]


def make_tree(tmp_path, version="19, 0", broken_addon=None):
    """A tree of symlinks to the real Odoo, optionally of another version or
    with one addon's data files missing."""
    tree = tmp_path / "odoo-src"
    (tree / "odoo").mkdir(parents=True)
    for name in ("odoo-bin", "requirements.txt"):
        (tree / name).symlink_to(ODOO_SRC / name)
    release = (ODOO_SRC / "odoo" / "release.py").read_text(encoding="utf-8")
    release = release.replace("version_info = (19, 0,", f"version_info = ({version},")
    (tree / "odoo" / "release.py").write_text(release, encoding="utf-8")
    (tree / "odoo" / "addons").symlink_to(ODOO_SRC / "odoo" / "addons")
    (tree / "addons").mkdir()
    for addon in (ODOO_SRC / "addons").iterdir():
        if addon.name == broken_addon:
            (tree / "addons" / addon.name).mkdir()
            shutil.copy(addon / "__manifest__.py", tree / "addons" / addon.name)
        else:
            (tree / "addons" / addon.name).symlink_to(addon)
    return tree


def run_check(tree):
    return subprocess.run(
        [sys.executable, str(CHECK), str(tree), str(ROOT)], capture_output=True, text=True, check=False
    )


def test_real_tree_passes():
    result = run_check(ODOO_SRC)
    assert result.returncode == 0, result.stderr
    assert "19.0" in result.stdout


def test_wrong_version_is_refused(tmp_path):
    result = run_check(make_tree(tmp_path, version="18, 0"))
    assert result.returncode == 1
    assert "holds Odoo 18.0, not 19.0" in result.stderr
    assert "ODOO_SRC" in result.stderr


def test_missing_data_files_are_named(tmp_path):
    result = run_check(make_tree(tmp_path, broken_addon="survey"))
    assert result.returncode == 1
    assert "survey/views/survey_survey_views.xml" in result.stderr


def test_not_a_tree_is_refused(tmp_path):
    result = run_check(tmp_path)
    assert result.returncode == 1
    assert "not an Odoo source tree" in result.stderr


@pytest.mark.parametrize("script", ["run.sh", "test.sh", "test_odoo.sh"])
def test_scripts_stop_before_changing_anything(tmp_path, script):
    before = {path: path.stat().st_mtime_ns for path in PROTECTED if path.exists()}
    result = subprocess.run(
        [str(ROOT / "setup" / script)],
        env={**os.environ, "ODOO_SRC": str(make_tree(tmp_path, version="17, 0"))},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "holds Odoo 17.0, not 19.0" in result.stderr
    assert "PostgreSQL" not in result.stdout and "Python:" not in result.stdout
    assert {path: path.stat().st_mtime_ns for path in PROTECTED if path.exists()} == before
