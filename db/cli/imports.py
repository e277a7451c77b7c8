"""`liaison import` (the command-line contract of DESIGN.md)."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import Any, TextIO

from db.cli.report import closing, json_report
from db.store.errors import LiaisonError


def _options(args: argparse.Namespace) -> Any:
    from db.exchange.imports.plan import POLICIES, ImportOptions

    if args.dayfirst and args.monthfirst:
        raise LiaisonError("Choose either --dayfirst or --monthfirst, not both.")
    policy = args.on_duplicate or "skip"
    if policy not in POLICIES:
        raise LiaisonError(f"--on-duplicate takes skip, update or fill, not “{policy}”.")
    overrides: dict[str, str | None] = {}
    for item in args.map:
        header, sep, field = item.rpartition("=")
        if not sep or not header.strip():
            raise LiaisonError(f"--map takes \"Column=field\" (an empty field ignores the "
                               f"column), not “{item}”.")
        overrides[header.strip()] = field.strip() or None
    header_row = None
    if args.header_row is not None:
        try:
            header_row = int(args.header_row)
        except ValueError:
            raise LiaisonError(f"--header-row takes a row number, not “{args.header_row}”.") from None
        if header_row < 1:
            raise LiaisonError("--header-row counts from 1, the first row of the sheet.")
    return ImportOptions(
        kind=getattr(args, "as") or None, sheet=args.sheet, header_row=header_row,
        overrides=overrides, profile=args.profile,
        day_order="dayfirst" if args.dayfirst else "monthfirst" if args.monthfirst else None,
        on_duplicate=policy, skip_invalid=args.skip_invalid,
        conflict_default=getattr(args, "on_conflict", None),
        apply_deletions=bool(getattr(args, "apply_deletions", False)))


def cmd_import(args: argparse.Namespace, out: TextIO, err: TextIO, open_db: Any,
               progress: Any) -> int:
    from db.exchange.imports.importer import apply_plan, build_plan
    from db.exchange.imports.plan import plan_json

    options = _options(args)
    db = open_db(args)
    started = datetime.now(UTC)
    plan = build_plan(db, args.file, options)
    batch_id = None
    if plan.errors and not options.skip_invalid:
        outcome = (f"{len(plan.errors)} problem(s) found in {plan.file_name}; nothing was "
                   "written (fix them, or use --skip-invalid to import the other rows).")
        code = 1
    elif args.dry_run:
        outcome = f"Dry run of {plan.file_name}: would write {plan.summary()}; nothing was written."
        code = 0
    elif not plan.writes:
        outcome = f"{plan.file_name}: nothing to write ({plan.summary()})."
        code = 0
    else:
        shown = progress(err)
        result = apply_plan(db, plan, progress=lambda stage, done, total: shown.show(
            f"{stage}: {done:,} of {total:,}"))
        shown.end()
        batch_id = result.batch_id
        seconds = (datetime.now(UTC) - started).total_seconds()
        outcome = (f"Imported {plan.file_name} in {seconds:.1f} s: {plan.summary()}. "
                   f"Undo with: liaison undo-import {batch_id}")
        code = 0
    if args.json:
        return json_report(plan_json(plan, batch_id), outcome, code, out, err)
    for note in plan.errors[:50]:
        print(_where(note) + note.message, file=err)
    if len(plan.errors) > 50:
        print(f"… and {len(plan.errors) - 50} more problems.", file=err)
    for note in plan.warnings[:20]:
        print("warning: " + _where(note) + note.message, file=err)
    for row in plan.conflicts[:20]:
        for conflict in row.conflicts:
            print(f"conflict: {row.sheet} row {row.row}, {conflict.field}: exported "
                  f"{conflict.exported!r}, file {conflict.file!r}, Liaison "
                  f"{conflict.database!r}", file=err)
    if plan.conflicts:
        print(f"{len(plan.conflicts)} row(s) have fields changed both in the file and in "
              "Liaison; they were left as they are (choose with --on-conflict file|database).",
              file=err)
    deletions = plan.deletions
    if deletions and not plan.options.apply_deletions:
        print(f"{len(deletions)} record(s) are no longer in the file; they were not deleted "
              "(use --apply-deletions to delete them).", file=err)
    return closing(outcome, code, out, err)


def _where(note: Any) -> str:
    parts = [note.sheet]
    if note.row:
        parts.append(f"row {note.row}")
    if note.column:
        parts.append(f"column “{note.column}”")
    return ", ".join(parts) + ": "
