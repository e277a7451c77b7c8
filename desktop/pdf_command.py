"""`liaison export OUT.pdf --visit ID`: a visit's briefing pack as a PDF, from the command line.

The PDF is laid out by Qt (desktop/briefing.py), so the console entry point (desktop/entry.py)
hands this one command here instead of to db's command line, which stays free of Qt; Qt runs
on its offscreen platform unless QT_QPA_PLATFORM says otherwise, so no display is needed. The
database opens as db's command line opens it (--db, LIAISON_DB, LIAISON_PASSPHRASE or asked
for on a terminal), and the pack speaks the environment's language, as the command line does.

Exit codes as db's command line: 0 done; 1 the work could not be done (one sentence on
stderr, no traceback); 2 a usage error. Qt is imported only when the command runs, so asking
whether a command line is this one (`wanted`) loads none of it."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Sequence
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any, TextIO

from db.cli.main import Parser
from db.store.errors import LiaisonError
from db.store.translation import set_language, system_language, translate


def build_parser(add_help: bool = True) -> Parser:
    parser = Parser(prog="liaison", add_help=add_help)
    parser.add_argument("--db", metavar="PATH|URL", help=translate(
        "CommandLine", "SQLite file or postgresql+psycopg:// URL (default: $LIAISON_DB, else "
                       "the local database in your data folder)"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    export = sub.add_parser("export", add_help=add_help, help=translate(
        "Briefing", "write a visit's briefing pack as a PDF"))
    export.add_argument("out", nargs=None if add_help else "?", help=translate(
        "Briefing", "the .pdf file to write"))
    export.add_argument("--visit", metavar="ID", required=add_help, help=translate(
        "Briefing", "the visit whose programme and counterparts' profiles the pack holds"))
    return parser


def wanted(argv: Sequence[str]) -> bool:
    """Whether the command line asks for a PDF: `export` to a .pdf file, or with --visit."""
    try:
        with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
            args, _ = build_parser(add_help=False).parse_known_args(list(argv))
    except SystemExit:
        return False
    if args.command != "export":
        return False
    return str(args.out or "").lower().endswith(".pdf") or args.visit is not None


def main(argv: Sequence[str], out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    set_language(system_language())  # before the parser: its help is in the user's language
    try:
        with redirect_stdout(out), redirect_stderr(err):
            args = build_parser().parse_args(list(argv))
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    database: Any = None
    try:
        target = _destination(args.out)
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _application()
        database = _open(args.db)
        return _export(database, args.visit.strip(), target, out, err)
    except LiaisonError as exc:
        print(exc.message, file=err)
        return 1
    except (InterruptedError, KeyboardInterrupt):
        print(translate("CommandLine", "Cancelled; nothing was written."), file=err)
        return 1
    except Exception as exc:  # this command's one top-level boundary, as db's command line
        from db.cli.main import _report_bug
        from db.store.engine import explain

        problem = explain(exc)
        if problem is not None:
            print(problem.message, file=err)
            return 1
        return _report_bug(exc, list(argv), err)
    finally:
        if database is not None:
            database.close()


def _destination(out: str) -> Path:
    """Where the PDF goes, checked before any work: one sentence when it cannot go there."""
    target = Path(out).expanduser().resolve()
    if target.suffix.lower() != ".pdf":
        raise LiaisonError(translate("Briefing", "The briefing pack must be a .pdf file (got "
                                                 "“{name}”).").format(name=target.name))
    if not target.parent.is_dir():
        raise LiaisonError(translate("Export", "The folder {folder} does not exist; create it or "
                                               "choose another.").format(folder=target.parent))
    if target.is_dir():
        raise LiaisonError(translate("Briefing", "{file} is a folder; give a file name ending "
                                                 "in .pdf.").format(file=target))
    if not os.access(target.parent, os.W_OK | os.X_OK):
        raise LiaisonError(translate("Export", "Liaison cannot write in the folder {folder} (no "
                                               "permission).").format(folder=target.parent))
    return target


def _application() -> None:
    """Qt's application (the one running already, in tests), speaking the environment's
    language: the pack's labels, dates and db's labels alike."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication

    if QCoreApplication.instance() is None:
        app = QGuiApplication(["liaison"])
        app.setApplicationName("Liaison")
        app.setOrganizationName("Liaison")
    from desktop import i18n

    i18n.install(system_language())


def _open(target: str | None) -> Any:
    """The database, opened as db's command line opens it (db/cli/main.py)."""
    from db.cli.passphrases import with_passphrase
    from db.seed.opening import open_database
    from db.store.engine import is_default_target, resolve_url, sqlite_path_of

    return with_passphrase(
        sqlite_path_of(resolve_url(target)), "LIAISON_PASSPHRASE",
        lambda secret: open_database(target, create=is_default_target(target),
                                     passphrase=secret))


def _export(database: Any, visit_id: str, target: Path, out: TextIO, err: TextIO) -> int:
    from db.services.briefing import briefing_of
    from desktop.briefing import write_pdf

    briefing = briefing_of(database, visit_id)
    warning = write_pdf(briefing, target)
    if warning:
        print(warning, file=err)
    count = len(briefing.profiles)
    text = (translate("Briefing", "Wrote the briefing pack of “{title}” (programme and 1 "
                                  "profile) to {file}.") if count == 1 else
            translate("Briefing", "Wrote the briefing pack of “{title}” (programme and "
                                  "{count:,} profiles) to {file}."))
    print(text.format(title=briefing.visit.title, count=count, file=target), file=out)
    out.flush()
    return 0

