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

SINGULAR = {"tags": "tag", "topics": "topic", "organizations": "organization",
            "people": "person", "positions": "position", "interactions": "interaction",
            "followups": "follow-up"}


def add_commands(sub: Any) -> None:
    """The arguments of the two commands (sub: the parser's subparsers)."""
    merge = sub.add_parser("merge", help="merge another Liaison database (a travel copy, a "
                                         "colleague's file, a server) into this one")
    merge.add_argument("other", help="the other copy: a file or a postgresql+psycopg:// URL")
    merge.add_argument("--dry-run", action="store_true", help="show what would change; "
                                                              "write nothing")
    merge.add_argument("--json", action="store_true", help="print one JSON object")
    merge.add_argument("--resolve", choices=["here", "there"],
                       help="settle every conflict by keeping this copy's value (here) or "
                            "taking the other's (there); default: leave them open")
    travel = sub.add_parser("export-travel-copy",
                            help="write a complete copy of the database for another laptop")
    travel.add_argument("out", help="the new .sqlite3 file")


def _short(value: Any) -> str:
    if value in (None, "", [], ()):
        return "empty"
    text = "; ".join(map(str, value)) if isinstance(value, list | tuple) else str(value)
    return f"“{text}”" if len(text) <= 60 else f"“{text[:59]}…”"


def cmd_merge(args: argparse.Namespace, out: TextIO, err: TextIO, open_db: Any,
              progress: Any) -> int:
    from db.changes.recording import Actor
    from db.merge import apply_merge, merge_plan, plan_json

    db = open_db(args)
    started = datetime.now(UTC)
    shown = progress(err)
    plan = merge_plan(db, args.other, progress=lambda stage, done, total: shown.show(stage))
    shown.end()
    result = None
    open_conflicts = () if args.resolve else plan.conflicts
    if plan.errors:
        outcome = (f"{len(plan.errors)} problem(s) found in {plan.other}; nothing was "
                   "written.")
        code = 1
    elif args.dry_run:
        outcome = (f"Dry run of the merge from {plan.other}: {plan.summary()}; "
                   f"{len(plan.history)} changes to copy into the history; nothing was "
                   "written.")
        code = 1 if open_conflicts else 0
    else:
        result = apply_merge(db, plan, Actor(), prefer=args.resolve)
        open_conflicts = result.open_conflicts
        seconds = (datetime.now(UTC) - started).total_seconds()
        if result.batch_id is None:
            outcome = f"{plan.other}: nothing to merge ({plan.summary()})."
        else:
            outcome = (f"Merged {plan.other} into {db.describe()} in {seconds:.1f} s: "
                       f"{plan.summary(result.counts)}; {result.history_copied} changes "
                       "copied into the "
                       f"history. Undo with: liaison undo-merge {result.batch_id}")
        code = 1 if open_conflicts else 0
    if open_conflicts and not plan.errors:
        outcome += (f" {len(open_conflicts)} record(s) in conflict were left open: this copy "
                    "kept its values; settle them with --resolve here|there, or make the "
                    "values agree, and merge again.")
    if args.json:
        return json_report(plan_json(plan, result), outcome, code, out, err)
    for problem in plan.errors[:50]:
        print(f"{SINGULAR[problem.kind]} {problem.id}: {problem.message}", file=err)
    for record in open_conflicts[:50]:
        for f in record.conflicts:
            print(f"conflict: {SINGULAR[record.kind]} “{record.name}” ({record.id}): "
                  f"{f.field} is {_short(f.here)} here and {_short(f.there)} in "
                  f"{plan.other}", file=err)
    return closing(outcome, code, out, err)


def cmd_export_travel_copy(args: argparse.Namespace, out: TextIO, err: TextIO,
                           open_db: Any) -> int:
    from db.merge.travel import export_travel_copy

    target = Path(args.out).expanduser().resolve()
    if target.exists():  # before opening the database: a wrong path fails at once
        raise LiaisonError(f"{target} already exists; choose a new file name for the travel "
                           "copy.")
    db = open_db(args)
    copy = export_travel_copy(db, target)
    print(f"Wrote a travel copy of {db.describe()} to {copy.path}. Bring it back with: "
          f"liaison merge {copy.path}", file=out)
    return 0
