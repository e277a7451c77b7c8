"""`db` never imports `desktop` or Qt: checked statically by import-linter in `make lint`, and
here at run time in a fresh interpreter that imports every db module."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import db


def test_db_modules_import_without_qt_or_desktop() -> None:
    modules = sorted(m.name for m in pkgutil.walk_packages(db.__path__, "db.")
                     if ".migrations" not in m.name)
    assert "db.services.organizations" in modules and "db.cli.main" in modules
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'desktop'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == ""


def test_cli_commands_do_not_load_qt() -> None:
    script = (
        "import sys\n"
        "from desktop.entry import main\n"
        "main(['--version'])\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert "liaison" in result.stdout + result.stderr
    check = subprocess.run(
        [sys.executable, "-c",
         "import sys\nfrom db.cli.main import has_command\nhas_command(['stats'])\n"
         "import desktop.entry\nprint('PySide6' in sys.modules)"],
        capture_output=True, text=True, check=True)
    assert check.stdout.strip() == "False"
