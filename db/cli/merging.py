"""`liaison merge` and `liaison export-travel-copy`.

`merge OTHER` applies everything that does not conflict and leaves conflicts open (this copy
keeps its values; the next merge shows them again): exit 0 when nothing is left open, 1 when
conflicts are (or, with --dry-run, would be) left open or when problems block the merge (then
nothing is written). `--resolve here|there` settles every conflict one way."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from db.cli.report import closing, json_report
from db.store.errors import LiaisonError
from db.store.translation import QT_TRANSLATE_NOOP, translate

# One record of each kind, as the lines about problems and conflicts name it.
SINGULAR = {"tags": QT_TRANSLATE_NOOP("CommandLine", "tag"),
            "topics": QT_TRANSLATE_NOOP("CommandLine", "topic"),
            "organizations": QT_TRANSLATE_NOOP("CommandLine", "organization"),
            "people": QT_TRANSLATE_NOOP("CommandLine", "person"),
            "positions": QT_TRANSLATE_NOOP("CommandLine", "position"),
            "interactions": QT_TRANSLATE_NOOP("CommandLine", "interaction"),
            "followups": QT_TRANSLATE_NOOP("CommandLine", "follow-up")}


def singular(kind: str) -> str:
    known = SINGULAR.get(kind)
    return translate("CommandLine", known) if known else kind


def add_commands(sub: Any) -> None:
    """The arguments of the two commands (sub: the parser's subparsers)."""
    merge = sub.add_parser("merge", help=translate(
        "CommandLine", "merge another Liaison database (a travel copy, a colleague's file, a "
                       "server) into this one"))
    merge.add_argument("other", help=translate(
        "CommandLine", "the other copy: a file or a postgresql+psycopg:// URL"))
    merge.add_argument("--dry-run", action="store_true", help=translate(
        "CommandLine", "show what would change; write nothing"))
    merge.add_argument("--json", action="store_true",
                       help=translate("CommandLine", "print one JSON object"))
    merge.add_argument("--resolve", choices=["here", "there"], help=translate(
        "CommandLine", "settle every conflict by keeping this copy's value (here) or taking the "
                       "other's (there); default: leave them open"))
    travel = sub.add_parser("export-travel-copy", help=translate(
        "CommandLine", "write a complete copy of the database for another laptop"))
    travel.add_argument("out", help=translate("CommandLine", "the new .sqlite3 file"))
    protection = travel.add_mutually_exclusive_group(required=True)
    protection.add_argument("--encrypt", action="store_true", help=translate(
        "CommandLine", "encrypt the copy (its passphrase comes from LIAISON_TRAVEL_PASSPHRASE "
                       "or is asked for; a recovery key is printed once)"))
    protection.add_argument("--plain", action="store_true", help=translate(
        "CommandLine", "write the copy unencrypted: anyone who holds the file can read it"))


def _short(value: Any) -> str:
    if value in (None, "", [], ()):
        return translate("CommandLine", "empty")
    text = "; ".join(map(str, value)) if isinstance(value, list | tuple) else str(value)
    return f"“{text}”" if len(text) <= 60 else f"“{text[:59]}…”"


def cmd_merge(args: argparse.Namespace, out: TextIO, err: TextIO, open_db: Any,
              progress: Any) -> int:
    from db.changes.freshness import PlanOutdated
    from db.changes.recording import Actor
    from db.cli.passphrases import unlock_other
    from db.merge import apply_merge, merge_plan, plan_json

    db = open_db(args)
    unlock_other(args.other)
    started = datetime.now(UTC)
    shown = progress(err)
    plan = merge_plan(db, args.other, progress=lambda stage, done, total: shown.show(stage))
    shown.end()
    result = None
    open_conflicts = () if args.resolve else plan.conflicts
    if plan.errors:
        outcome = translate("CommandLine", "{count} problem(s) found in {other}; nothing was "
                                           "written.").format(count=len(plan.errors),
                                                              other=plan.other)
        code = 1
    elif args.dry_run:
        outcome = translate("CommandLine", "Dry run of the merge from {other}: {summary}; "
                                           "{count} changes to copy into the history; nothing "
                                           "was written.").format(
            other=plan.other, summary=plan.summary(), count=len(plan.history))
        code = 1 if open_conflicts else 0
    else:
        try:
            result = apply_merge(db, plan, Actor(), prefer=args.resolve)
        except PlanOutdated:  # another program wrote meanwhile: compare again, once
            print(translate("CommandLine", "This database changed while the merge was being "
                                           "prepared; preparing it again."), file=err)
            plan = merge_plan(db, args.other)
            if plan.errors:
                raise
            result = apply_merge(db, plan, Actor(), prefer=args.resolve)
        open_conflicts = result.open_conflicts
        seconds = (datetime.now(UTC) - started).total_seconds()
        if result.batch_id is None:
            outcome = translate("CommandLine", "{other}: nothing to merge ({summary}).").format(
                other=plan.other, summary=plan.summary())
        else:
            outcome = translate(
                "CommandLine", "Merged {other} into {database} in {seconds:.1f} s: {summary}; "
                               "{count} changes copied into the history. Undo with: liaison "
                               "undo-merge {id}").format(
                other=plan.other, database=db.describe(), seconds=seconds,
                summary=plan.summary(result.counts), count=result.history_copied,
                id=result.batch_id)
        code = 1 if open_conflicts else 0
    if open_conflicts and not plan.errors:
        outcome += " " + translate(
            "CommandLine", "{count} record(s) in conflict were left open: this copy kept its "
                           "values; settle them with --resolve here|there, or make the values "
                           "agree, and merge again.").format(count=len(open_conflicts))
    if args.json:
        return json_report(plan_json(plan, result), outcome, code, out, err)
    for problem in plan.errors[:50]:
        print(translate("CommandLine", "{kind} {id}: {problem}").format(
            kind=singular(problem.kind), id=problem.id, problem=problem.message), file=err)
    for record in open_conflicts[:50]:
        for f in record.conflicts:
            print(translate("CommandLine", "conflict: {kind} “{name}” ({id}): {field} is {here} "
                                           "here and {there} in {other}").format(
                kind=singular(record.kind), name=record.name, id=record.id, field=f.field,
                here=_short(f.here), there=_short(f.there), other=plan.other), file=err)
    return closing(outcome, code, out, err)


def cmd_export_travel_copy(args: argparse.Namespace, out: TextIO, err: TextIO,
                           open_db: Any) -> int:
    from db.merge.travel import export_travel_copy

    target = Path(args.out).expanduser().resolve()
    if target.exists():  # before opening the database: a wrong path fails at once
        raise LiaisonError(translate("Merge", "{file} already exists; choose a new file name "
                                              "for the travel copy.").format(file=target))
    from db.cli.passphrases import new_passphrase, show_recovery

    db = open_db(args)
    passphrase = new_passphrase("LIAISON_TRAVEL_PASSPHRASE") if args.encrypt else None
    copy = export_travel_copy(db, target, passphrase=passphrase)
    print(translate("CommandLine", "Wrote a travel copy of {database} to {file}. Bring it back "
                                   "with: liaison merge {file}").format(
        database=db.describe(), file=copy.path), file=out)
    if copy.recovery is not None:
        show_recovery(copy.recovery, copy.path, out)
    return 0
