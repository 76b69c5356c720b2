"""The root conftest.py fails a run on any WARNING or ERROR logged by Odoo."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SAMPLE_TESTS = """
import logging

from odoo.tools import mute_logger


def test_clean():
    logging.getLogger("odoo.sample").info("all good")


def test_warns():
    logging.getLogger("odoo.sample").warning("something is off")


def test_muted_warning_is_accepted():
    with mute_logger("odoo.sample"):
        logging.getLogger("odoo.sample").error("expected and silenced")
"""


def test_logged_warning_fails_only_its_test(tmp_path):
    shutil.copy(ROOT / "conftest.py", tmp_path / "conftest.py")
    (tmp_path / "test_sample.py").write_text(SAMPLE_TESTS, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:odoo", "-q", str(tmp_path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stdout
    summary = result.stdout.strip().splitlines()[-1]
    assert "3 passed" in summary and "1 error" in summary, summary
    assert "ERROR test_sample.py::test_warns" in result.stdout
    assert "WARNING odoo.sample: something is off" in result.stdout
