"""The `liaison` console entry point: a command goes to db's command line (no Qt is imported,
so scripted runs start fast); no command opens the app. One command needs Qt: `export` to a
.pdf file (a visit's briefing pack), which desktop/pdf_command.py runs on Qt's offscreen
platform."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from db.cli.main import has_command
    from db.cli.main import main as cli_main
    from desktop import pdf_command

    if pdf_command.wanted(args):
        return pdf_command.main(args)
    if has_command(args):
        return cli_main(args)
    from desktop.app.system_check import explain_missing, missing_packages

    missing = missing_packages()
    if missing:  # Qt would stop the process with its own words; say what to install
        print(explain_missing(missing), file=sys.stderr)
        return 1
    from desktop.app.launch import run_app

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
