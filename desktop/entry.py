"""The `liaison` console entry point: a command goes to db's command line (no Qt is imported,
so scripted runs start fast); no command opens the app."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from db.cli.main import has_command
    from db.cli.main import main as cli_main

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
