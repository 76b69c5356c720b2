"""The ODT templates shipped in mentorship_reports are what
setup/build_report_templates.py makes: a layout changed in the script and not
rebuilt, or an ODT edited by hand and not in the script, fails here."""

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "mentorship_reports" / "report" / "templates"


def test_shipped_templates_are_built_by_the_script(tmp_path):
    subprocess.run([sys.executable, str(ROOT / "setup" / "build_report_templates.py"), str(tmp_path)], check=True)
    built = sorted(path.name for path in tmp_path.glob("*.odt"))
    assert built == sorted(path.name for path in SHIPPED.glob("*.odt"))
    assert len(built) == 10
    for name in built:
        with zipfile.ZipFile(tmp_path / name) as fresh, zipfile.ZipFile(SHIPPED / name) as shipped:
            assert fresh.namelist()[0] == "mimetype", "an ODT starts with its mimetype"
            for member in fresh.namelist():
                assert fresh.read(member) == shipped.read(member), f"{name}: {member} differs, rebuild the templates"
