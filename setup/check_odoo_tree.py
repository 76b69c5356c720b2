"""Check that a directory holds a usable Odoo 19.0 source tree for this project.

Usage: check_odoo_tree.py ODOO_SRC PROJECT_ROOT

Reads the manifests of the project's addons, follows their dependencies through
the tree and checks that every data file those manifests name exists. Exits 1
with a message naming what is missing; changes nothing.
"""

import ast
import sys
from pathlib import Path

# Addons that come from PyPI wheels (setup/requirements.txt), not from Odoo.
OCA_ADDONS = {"report_xlsx", "report_py3o", "queue_job"}
# Addons Odoo loads at start whatever the dependencies say.
SERVER_WIDE = {"base", "web"}
MANIFEST_FILE_KEYS = ("data", "demo")


def fail(message):
    print(f"[setup] Odoo tree check failed: {message}", file=sys.stderr)
    print(
        "[setup] Point ODOO_SRC at an unpacked Odoo 19.0 Community source tree "
        "(the folder with odoo-bin, odoo/ and addons/), e.g. "
        "ODOO_SRC=/opt/odoo/19.0 ./setup/test.sh",
        file=sys.stderr,
    )
    sys.exit(1)


def read_manifest(path):
    return ast.literal_eval(path.read_text(encoding="utf-8"))


def check_release(src):
    release = src / "odoo" / "release.py"
    if not (src / "odoo-bin").is_file() or not release.is_file():
        fail(f"{src} has no odoo-bin or odoo/release.py: it is not an Odoo source tree")
    namespace = {}
    exec(compile(release.read_text(encoding="utf-8"), str(release), "exec"), namespace)  # noqa: S102
    if tuple(namespace["version_info"][:2]) != (19, 0):
        fail(f"{src} holds Odoo {namespace['serie']}, not 19.0")
    if not (src / "requirements.txt").is_file():
        fail(f"{src}/requirements.txt is missing")


def needed_addons(src, root):
    """The dependency closure of the project's addons, as {name: addon_dir}."""
    search = [root, src / "addons", src / "odoo" / "addons"]
    todo = [p.parent.name for p in root.glob("mentorship_*/__manifest__.py")]
    todo += sorted(SERVER_WIDE)
    found = {}
    while todo:
        name = todo.pop()
        if name in found or name in OCA_ADDONS:
            continue
        addon_dir = next((d / name for d in search if (d / name / "__manifest__.py").is_file()), None)
        if addon_dir is None:
            fail(f"addon '{name}' is missing from {src}/addons and {src}/odoo/addons")
        found[name] = addon_dir
        todo += read_manifest(addon_dir / "__manifest__.py").get("depends", [])
    return found


def main():
    src, root = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    if not src.is_dir():
        fail(f"{src} does not exist")
    check_release(src)
    addons = needed_addons(src, root)
    missing = [
        f"{addon_dir}/{name}"
        for addon_dir in addons.values()
        if not addon_dir.is_relative_to(root)
        for key in MANIFEST_FILE_KEYS
        for name in read_manifest(addon_dir / "__manifest__.py").get(key, [])
        if not (addon_dir / name).is_file()
    ]
    if missing:
        fail("files named by the manifests are missing:\n  " + "\n  ".join(missing))
    print(f"[setup] Odoo tree {src}: 19.0, {len(addons)} needed addons complete")


if __name__ == "__main__":
    main()
