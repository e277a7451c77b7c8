"""The `liaison` command line (no Qt here). The console entry point in `desktop` hands every
command to `main`; with no command it opens the app instead. The commands with a module of
their own (storage, imports, merging, batches) add their arguments from there, and run there.

Exit codes: 0 done; 1 the work found errors (and wrote nothing); 2 usage error.
Errors go to stderr as one clear sentence, never a traceback."""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from contextlib import redirect_stderr, redirect_stdout
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NoReturn, TextIO

from db import __version__
from db.cli.progress import Progress, stage_text
from db.store.errors import LiaisonError
from db.store.translation import QT_TRANSLATE_NOOP, set_language, system_language, translate

# The figures `liaison stats` counts, as its table names them.
STAT_NAMES = {
    "organizations": QT_TRANSLATE_NOOP("CommandLine", "organizations"),
    "people": QT_TRANSLATE_NOOP("CommandLine", "people"),
    "affiliations": QT_TRANSLATE_NOOP("CommandLine", "affiliations"),
    "interactions": QT_TRANSLATE_NOOP("CommandLine", "interactions"),
    "participations": QT_TRANSLATE_NOOP("CommandLine", "participations"),
    "followups": QT_TRANSLATE_NOOP("CommandLine", "followups"),
    "topics": QT_TRANSLATE_NOOP("CommandLine", "topics"),
    "tags": QT_TRANSLATE_NOOP("CommandLine", "tags"),
    "import_batches": QT_TRANSLATE_NOOP("CommandLine", "import batches"),
}


class Parser(argparse.ArgumentParser):
    """argparse's parser, with its own words (help, section titles) in the current language."""

    def __init__(self, **kwargs: Any) -> None:
        add_help = kwargs.pop("add_help", True)
        super().__init__(add_help=False, **kwargs)
        if self._positionals.title == "positional arguments":
            self._positionals.title = translate("CommandLine", "positional arguments")
        if self._optionals.title == "options":
            self._optionals.title = translate("CommandLine", "options")
        if add_help:  # where argparse puts it, with the same words in English
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help=translate("CommandLine", "show this help message and exit"))

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"liaison: {message}\n")


def build_parser() -> Parser:
    parser = Parser(prog="liaison", description=translate(
        "CommandLine", "Liaison: relationship manager for an international liaison office."))
    parser.add_argument("--db", metavar="PATH|URL", help=translate(
        "CommandLine", "SQLite file or postgresql+psycopg:// URL (default: $LIAISON_DB, else "
                       "the local database in your data folder)"))
    parser.add_argument("--version", action="version", version=f"liaison {__version__}",
                        help=translate("CommandLine", "show program's version number and exit"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    from db.cli.batches import add_commands as add_batch_commands
    from db.cli.calendar import add_commands as add_calendar_commands
    from db.cli.duplicates import add_commands as add_duplicate_commands
    from db.cli.exports import add_commands as add_export_commands
    from db.cli.imports import add_commands as add_import_commands
    from db.cli.merging import add_commands as add_merge_commands
    from db.cli.passphrases import add_commands as add_passphrase_commands
    from db.cli.server import add_commands as add_server_commands
    from db.cli.storage import add_commands as add_storage_commands
    from db.cli.storage import add_init_command

    add_init_command(sub)  # init
    demo = sub.add_parser("demo", help=translate(
        "CommandLine", "fill an empty database with generated demo data"))
    demo.add_argument("--size", choices=["small", "medium", "large"], default="small")
    demo.add_argument("--seed", type=int, default=1)
    sub.add_parser("starter", help=translate(
        "CommandLine", "load the starter register of world parties (Party Facts)"))
    stats = sub.add_parser("stats", help=translate(
        "CommandLine", "counts, coverage, overdue and dormant figures"))
    stats.add_argument("--json", action="store_true",
                       help=translate("CommandLine", "print one JSON object"))
    stats.add_argument("--events", action="store_true", help=translate(
        "CommandLine", "the multilateral events' figures: each year, each event, each series"))
    sub.add_parser("check", help=translate("CommandLine", "check the database's integrity"))
    search = sub.add_parser("search", help=translate(
        "CommandLine", "find organizations and people by any name"))
    search.add_argument("query")
    search.add_argument("--limit", type=int, default=20)
    search.add_argument("--json", action="store_true")
    add_storage_commands(sub)  # backup, backups, save-copy, restore
    add_passphrase_commands(sub)  # encrypt, decrypt
    add_server_commands(sub)  # server-setup
    add_export_commands(sub)  # export
    add_import_commands(sub)  # import
    add_merge_commands(sub)  # merge, export-travel-copy
    add_batch_commands(sub)  # batches, undo, undo-import, undo-merge
    add_calendar_commands(sub)  # calendar
    add_duplicate_commands(sub)  # duplicates, merge-records
    return parser


def has_command(argv: Sequence[str]) -> bool:
    """True when the arguments name a command (or ask for help or the version). A malformed
    command line counts too: `main` then explains it and exits with 2."""
    if any(arg in ("-h", "--help", "--version") for arg in argv):
        return True
    try:
        with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
            args, _ = build_parser().parse_known_args(list(argv))
    except SystemExit:
        return True
    return args.command is not None


# Only these make a database where none is; any other command given a path where no database
# is says so and leaves no file behind (a mistyped --db must not become a new empty database).
CREATING = frozenset({"init", "starter", "demo"})


def _open(args: argparse.Namespace) -> Any:
    from db.cli.passphrases import with_passphrase
    from db.seed.opening import open_database
    from db.store.engine import is_default_target, resolve_url, sqlite_path_of

    create = is_default_target(args.db) or args.command in CREATING
    database = with_passphrase(
        sqlite_path_of(resolve_url(args.db)), "LIAISON_PASSPHRASE",
        lambda secret: open_database(args.db, create=create, passphrase=secret))
    args.opened = database  # closed by `main` when the command is done
    return database


def cmd_storage(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """init, backup, save-copy and restore."""
    from db.cli.storage import cmd_storage as run

    return run(args, out, err, _open)


def cmd_passphrase(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """encrypt and decrypt."""
    from db.cli.passphrases import COMMANDS as PASSPHRASE_COMMANDS

    return PASSPHRASE_COMMANDS[args.command](args, out, err, _open)


def cmd_server_setup(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from db.cli.server import cmd_server_setup as run

    return run(args, out, err, _open)


def cmd_demo(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from db.seed.demo import generate_demo

    db = _open(args)
    progress = Progress(err)
    started = datetime.now(UTC)
    for step in generate_demo(db, args.size, args.seed):
        progress.show(translate("CommandLine", "{stage}: {done:,} of {total:,}").format(
            stage=stage_text(step.stage), done=step.done, total=step.total))
    progress.end()
    seconds = (datetime.now(UTC) - started).total_seconds()
    print(translate("CommandLine", "Loaded {size} demo data (seed {seed}) into {database} in "
                                   "{seconds:.1f} s.").format(
        size=args.size, seed=args.seed, database=db.describe(), seconds=seconds), file=out)
    return 0


def cmd_starter(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from db.seed.starter import ATTRIBUTION, run_starter

    db = _open(args)
    result = run_starter(db)
    print(translate("CommandLine", "Starter register: {added} parties added, {present} already "
                                   "present. {attribution}").format(
        added=result.created, present=result.already_present, attribution=ATTRIBUTION),
        file=out)
    return 0


def cmd_stats(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from db.cli.events import events_json, print_events
    from db.services.stats import database_stats

    db = _open(args)
    if args.events and not args.json:
        print_events(db, out)
        return 0
    stats = database_stats(db)
    if args.json:
        json.dump({"database": db.describe(), **stats.as_dict(), "events": events_json(db)}, out,
                  ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    print(translate("CommandLine", "Database: {database}").format(database=db.describe()),
          file=out)
    for name, count in stats.counts.items():
        known = STAT_NAMES.get(name)
        label = translate("CommandLine", known) if known else name.replace("_", " ")
        print(f"  {label:<16}{count:>10,}", file=out)
    print("  " + translate("CommandLine", "countries covered {covered} of {known}; regions: "
                                          "{regions}").format(
        covered=stats.countries_covered, known=stats.countries_known,
        regions=", ".join(stats.regions_covered) or translate("CommandLine", "none")), file=out)
    print("  " + translate("CommandLine", "open follow-ups {open:,} ({overdue:,} overdue); "
                                          "dormant organizations {dormant:,}").format(
        open=stats.followups_open, overdue=stats.followups_overdue,
        dormant=stats.dormant_organizations), file=out)
    return 0


def cmd_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from db.services.check import check_database

    db = _open(args)
    findings = check_database(db)
    for finding in findings:
        print(f"{finding.check}: {finding.message}", file=err)
    if findings:
        print(translate("CommandLine", "{count} problem(s) found in {database}.").format(
            count=len(findings), database=db.describe()), file=err)
        return 1
    print(translate("CommandLine", "{database}: no problems found.").format(
        database=db.describe()), file=out)
    return 0


def cmd_search(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from db.search.names import search_names
    from db.store.errors import record_noun
    from db.store.translation import CHINESE, language

    db = _open(args)
    # The search box's ranking (db/search/names.py): exact names and abbreviations first,
    # the office's own partners before parties it never dealt with.
    name_hits = search_names(db, args.query, limit=max(1, args.limit))
    if args.json:
        hits: list[dict[str, Any]] = []
        for name_hit in name_hits:
            found: dict[str, Any] = {"kind": name_hit.kind, "id": name_hit.id,
                                     "name": name_hit.name}
            if name_hit.kind == "organization":
                found["abbreviation"] = name_hit.abbreviation
            else:
                found["title"] = name_hit.detail
            found.update(country=name_hit.country, name_zh=name_hit.name_zh,
                         matched=name_hit.matched)
            hits.append(found)
        json.dump({"query": args.query, "results": hits}, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    chinese = language() == CHINESE
    for name_hit in name_hits:
        # The name in the reader's script first and the other beside it, as the search box.
        first, second = name_hit.name, name_hit.name_zh
        if chinese and name_hit.name_zh:
            first, second = name_hit.name_zh, name_hit.name
        label = first if not second or second == first else f"{first} ({second})"
        columns = [record_noun(name_hit.kind), label,
                   name_hit.abbreviation or name_hit.detail or "", name_hit.country_name or "",
                   name_hit.id]
        print("  ".join(column for column in columns if column), file=out)
    if not name_hits:
        print(translate("CommandLine", "Nothing matches “{query}”.").format(query=args.query),
              file=err)
    return 0


def cmd_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from db.cli.exports import cmd_export as run

    return run(args, out, err, _open)


def cmd_import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from db.cli.imports import cmd_import as run

    return run(args, out, err, _open, Progress)


def cmd_merge(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from db.cli.merging import cmd_merge as run

    return run(args, out, err, _open, Progress)


def cmd_batches(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from db.cli.batches import cmd_batches as run

    return run(args, out, err, _open)


def cmd_undo(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from db.cli.batches import cmd_undo as run

    return run(args, out, err, _open)


def cmd_calendar(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from db.cli.calendar import cmd_calendar as run

    return run(args, out, err, _open)


def cmd_duplicates(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from db.cli.duplicates import cmd_duplicates as run

    return run(args, out, err, _open, Progress)


def cmd_merge_records(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from db.cli.duplicates import cmd_merge_records as run

    return run(args, out, err, _open)


def cmd_export_travel_copy(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from db.cli.merging import cmd_export_travel_copy as run

    return run(args, out, err, _open)


COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO, TextIO], int]] = {
    "init": cmd_storage, "demo": cmd_demo, "starter": cmd_starter, "stats": cmd_stats,
    "check": cmd_check, "search": cmd_search, "backup": cmd_storage, "save-copy": cmd_storage,
    "restore": cmd_storage, "backups": cmd_storage, "export": cmd_export,
    "encrypt": cmd_passphrase, "decrypt": cmd_passphrase, "server-setup": cmd_server_setup,
    "import": cmd_import, "merge": cmd_merge, "export-travel-copy": cmd_export_travel_copy,
    "batches": cmd_batches, "undo": cmd_undo, "undo-import": cmd_undo, "undo-merge": cmd_undo,
    "calendar": cmd_calendar, "duplicates": cmd_duplicates, "merge-records": cmd_merge_records,
}


def crash_log_path() -> Path:
    from platformdirs import user_log_path

    return user_log_path("Liaison", appauthor=False) / "crash.log"


def main(argv: Sequence[str] | None = None, out: TextIO | None = None,
         err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    set_language(system_language())  # before the parser: its help is in the user's language
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        # argparse writes help and usage errors to sys.stdout/sys.stderr: send them to ours.
        with redirect_stdout(out), redirect_stderr(err):
            args = parser.parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    if args.command is None:
        parser.print_help(err)
        return 2
    try:
        code = COMMANDS[args.command](args, out, err)
        out.flush()  # a closed pipe shows up here, not at interpreter exit
        return code
    except LiaisonError as exc:
        print(exc.message, file=err)
        return 1
    except BrokenPipeError:  # the reader went away (`liaison search … | head -1`): stop quietly
        _discard_output(out)
        return 1
    except (InterruptedError, KeyboardInterrupt):
        print(translate("CommandLine", "Cancelled; nothing was written."), file=err)
        return 1
    except Exception as exc:  # the command line's one top-level boundary
        from db.store.engine import explain

        problem = explain(exc)  # busy, read-only, disk full… wherever in a command it happened
        if problem is not None:
            print(problem.message, file=err)
            return 1
        return _report_bug(exc, argv, err)
    finally:
        opened = getattr(args, "opened", None)
        if opened is not None:
            opened.close()


def _discard_output(out: TextIO) -> None:
    """Point a closed stdout at the null device, so the final flush does not fail again."""
    try:
        fd = out.fileno()
    except (AttributeError, OSError, ValueError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)


def _report_bug(exc: Exception, argv: Sequence[str], err: TextIO) -> int:
    """A bug: keep the report in the crash log (no login name, home folder or password in
    it), give the user one line."""
    from db.store.privacy import scrub

    path = crash_log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as log:
            log.write(scrub(f"\n--- {datetime.now(UTC).isoformat()} liaison "
                            f"{' '.join(argv)}\n"))
            log.write(scrub("".join(traceback.format_exception(exc))))
        logged: Path | None = path
    except OSError:
        logged = None
    detail = scrub(" ".join(str(exc).split()))
    if len(detail) > 300:
        detail = detail[:297] + "…"
    text = (translate("CommandLine", "Liaison hit an unexpected error: {error}: {detail} "
                                     "(details in {file}).") if logged is not None
            else translate("CommandLine", "Liaison hit an unexpected error: {error}: {detail}."))
    print(text.format(error=type(exc).__name__, detail=detail, file=logged), file=err)
    return 1
