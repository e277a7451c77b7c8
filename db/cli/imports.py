"""`liaison import` (the command-line contract of DESIGN.md)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any, TextIO

from db.cli.report import closing, json_report
from db.store.errors import LiaisonError
from db.store.translation import translate


def add_commands(sub: Any) -> None:
    """The arguments of `import` (sub: the parser's subparsers)."""
    imp = sub.add_parser("import", help=translate(
        "CommandLine", "import a spreadsheet (.xlsx, .xls, .ods, .csv, .tsv) or contact cards "
                       "(.vcf)"))
    imp.add_argument("file")
    imp.add_argument("--sheet", help=translate(
        "CommandLine", "the sheet to read (default: the first visible one)"))
    imp.add_argument("--encoding", help=translate(
        "CommandLine", "a text table's encoding, e.g. gb18030, big5, cp1252 (default: "
                       "recognised from the bytes)"))
    imp.add_argument("--header-row", metavar="N",
                     help=translate("CommandLine", "the row holding the column names"))
    imp.add_argument("--as", choices=["organizations", "people", "interactions", "followups",
                                      "workbook"],
                     help=translate("CommandLine", "what the rows are (default: guessed)"))
    imp.add_argument("--invitations-for", metavar="EVENT_ID", help=translate(
        "CommandLine", "the rows are parties (or people) invited to this event: one invitation "
                       "per row, the party and its leader matched or added"))
    imp.add_argument("--profile", help=translate("CommandLine", "a saved column-mapping profile"))
    imp.add_argument("--on-duplicate", choices=["skip", "update", "fill"], help=translate(
        "CommandLine", "rows matching an existing record: skip (default), update, or fill "
                       "blanks only"))
    imp.add_argument("--map", action="append", default=[], metavar="Column=field",
                     help=translate("CommandLine", "map a column to a field (repeatable; empty "
                                                   "field ignores it)"))
    imp.add_argument("--on-conflict", choices=["file", "database"], help=translate(
        "CommandLine", "Liaison workbooks: for fields changed both in the file and in the "
                       "database since export, take the file's or keep the database's value "
                       "(default: leave them open and apply the rest)"))
    imp.add_argument("--apply-deletions", action="store_true", help=translate(
        "CommandLine", "Liaison workbooks: delete the records whose rows were removed from the "
                       "file (default: only propose it)"))
    for flag in ("--dayfirst", "--monthfirst", "--skip-invalid", "--dry-run", "--json"):
        imp.add_argument(flag, action="store_true")


def _options(args: argparse.Namespace) -> Any:
    from db.exchange.imports.plan import POLICIES, ImportOptions

    if args.dayfirst and args.monthfirst:
        raise LiaisonError(translate("CommandLine",
                                     "Choose either --dayfirst or --monthfirst, not both."))
    policy = args.on_duplicate or "skip"
    if policy not in POLICIES:
        raise LiaisonError(translate(
            "CommandLine", "--on-duplicate takes skip, update or fill, not “{value}”.").format(
            value=policy))
    overrides: dict[str, str | None] = {}
    for item in args.map:
        header, sep, field = item.rpartition("=")
        if not sep or not header.strip():
            raise LiaisonError(translate(
                "CommandLine", "--map takes \"Column=field\" (an empty field ignores the "
                               "column), not “{value}”.").format(value=item))
        overrides[header.strip()] = field.strip() or None
    header_row = None
    if args.header_row is not None:
        try:
            header_row = int(args.header_row)
        except ValueError:
            raise LiaisonError(translate(
                "CommandLine", "--header-row takes a row number, not “{value}”.").format(
                value=args.header_row)) from None
        if header_row < 1:
            raise LiaisonError(translate(
                "CommandLine", "--header-row counts from 1, the first row of the sheet."))
    kind = getattr(args, "as") or None
    event_id = getattr(args, "invitations_for", None)
    if event_id is not None:
        if kind is not None:
            raise LiaisonError(translate(
                "CommandLine", "--invitations-for says what the rows are; leave out --as."))
        kind = "invitations"
    return ImportOptions(
        kind=kind, event_id=event_id, sheet=args.sheet, header_row=header_row,
        overrides=overrides, profile=args.profile,
        day_order="dayfirst" if args.dayfirst else "monthfirst" if args.monthfirst else None,
        on_duplicate=policy, skip_invalid=args.skip_invalid,
        conflict_default=getattr(args, "on_conflict", None),
        apply_deletions=bool(getattr(args, "apply_deletions", False)),
        encoding=getattr(args, "encoding", None) or None)


def with_workbook_password(file: str, attempt: Callable[[], Any]) -> Any:
    """Run `attempt` (reading `file`); a password-protected workbook opens with
    LIAISON_WORKBOOK_PASSWORD, or with the password asked on a terminal (three tries)."""
    import os

    from db.cli import passphrases
    from db.exchange.reading.read_types import PasswordProtected, WrongPassword
    from db.exchange.reading.readers import remember_password

    given = os.environ.get("LIAISON_WORKBOOK_PASSWORD")
    if given:
        remember_password(file, given)
    try:
        return attempt()
    except PasswordProtected as exc:
        if given or not passphrases.on_terminal():
            if isinstance(exc, WrongPassword):
                raise
            raise LiaisonError(exc.message + " " + translate(
                "CommandLine", "Set {variable}, or run this on a terminal to be asked.").format(
                variable="LIAISON_WORKBOOK_PASSWORD")) from None
        problem: LiaisonError = exc
    for _ in range(passphrases.TRIES):
        remember_password(file, passphrases.ask(translate(
            "CommandLine", "Password of {file}: ").format(file=Path(file).name)))
        try:
            return attempt()
        except WrongPassword as exc:
            print(exc.message, file=sys.stderr)
            problem = exc
    raise problem


def _show(shown: Any, line: str, stage: str, done: int, total: int) -> None:
    shown.show(line.format(stage=stage, done=done, total=total))


def cmd_import(args: argparse.Namespace, out: TextIO, err: TextIO, open_db: Any,
               progress: Any) -> int:
    from db.exchange.imports.importer import PlanOutdated, apply_plan, build_plan
    from db.exchange.imports.plan import plan_json, policy_preview

    options = _options(args)
    db = open_db(args)
    started = datetime.now(UTC)
    plan = with_workbook_password(args.file, lambda: build_plan(db, args.file, options))
    for attempt in (1, 2):
        batch_id = None
        if plan.errors and not options.skip_invalid:
            outcome = translate(
                "CommandLine", "{count} problem(s) found in {file}; nothing was written (fix "
                               "them, or use --skip-invalid to import the other rows).").format(
                count=len(plan.errors), file=plan.file_name)
            code = 1
        elif args.dry_run:
            outcome = translate("CommandLine", "Dry run of {file}: would write {summary}; "
                                               "nothing was written.").format(
                file=plan.file_name, summary=plan.summary())
            code = 0
        elif not plan.writes:
            outcome = translate("CommandLine", "{file}: nothing to write ({summary}).").format(
                file=plan.file_name, summary=plan.summary())
            code = 0
        else:
            shown = progress(err)
            line = translate("CommandLine", "{stage}: {done:,} of {total:,}")
            try:
                result = apply_plan(db, plan, progress=partial(_show, shown, line))
            except PlanOutdated:
                if attempt == 2:
                    raise
                # Another program wrote meanwhile: plan again against what is there now.
                shown.end()
                print(translate("CommandLine", "The database changed while the import was "
                                               "being prepared; preparing it again."), file=err)
                plan = with_workbook_password(args.file,
                                              lambda: build_plan(db, args.file, options))
                continue
            shown.end()
            batch_id = result.batch_id
            seconds = (datetime.now(UTC) - started).total_seconds()
            outcome = translate("CommandLine", "Imported {file} in {seconds:.1f} s: {summary}. "
                                               "Undo with: liaison undo-import {id}").format(
                file=plan.file_name, seconds=seconds, summary=plan.summary(), id=batch_id)
            code = 0
        break
    if args.json:
        return json_report(plan_json(plan, batch_id), outcome, code, out, err)
    for note in plan.errors[:50]:
        print(_located(note), file=err)
    if len(plan.errors) > 50:
        print(translate("CommandLine", "… and {count} more problems.").format(
            count=len(plan.errors) - 50), file=err)
    for note in plan.warnings[:20]:
        print(translate("CommandLine", "warning: {problem}").format(problem=_located(note)),
              file=err)
    for row in plan.conflicts[:20]:
        for conflict in row.conflicts:
            print(translate("CommandLine", "conflict: {sheet} row {row}, {field}: exported "
                                           "{exported}, file {file}, Liaison {database}").format(
                sheet=row.sheet, row=row.row, field=conflict.field,
                exported=repr(conflict.exported), file=repr(conflict.file),
                database=repr(conflict.database)), file=err)
    if plan.conflicts:
        print(translate("CommandLine", "{count} row(s) have fields changed both in the file and "
                                       "in Liaison; they were left as they are (choose with "
                                       "--on-conflict file|database).").format(
            count=len(plan.conflicts)), file=err)
    deletions = plan.deletions
    if deletions and not plan.options.apply_deletions:
        print(translate("CommandLine", "{count} record(s) are no longer in the file; they were "
                                       "not deleted (use --apply-deletions to delete them).")
              .format(count=len(deletions)), file=err)
    preview = policy_preview(plan)
    if preview is not None and preview.offers:
        print(_policy_hint(preview), file=err)
    return closing(outcome, code, out, err)


def _policy_hint(preview: Any) -> str:
    """What --on-duplicate update or fill would change in the rows skipped as duplicates."""
    def fields(counted: Any) -> str:
        return ", ".join(f"{name} ({count:,})" for name, count in counted)

    hint = translate(
        "CommandLine", "{count:,} row(s) match records already in Liaison and hold something "
                       "new; they were skipped. --on-duplicate update would change {update:,} "
                       "of them: {update_fields}.").format(
        count=preview.skipped, update=preview.update_rows,
        update_fields=fields(preview.update_fields))
    if preview.fill_rows:
        hint += " " + translate(
            "CommandLine", "--on-duplicate fill would fill blanks in {fill:,}: {fill_fields}."
        ).format(fill=preview.fill_rows, fill_fields=fields(preview.fill_fields))
    return hint


def _located(note: Any) -> str:
    """A problem of the plan with where it is: "people, row 4, column “Email”: …"."""
    if note.row and note.column:
        text = translate("CommandLine", "{sheet}, row {row}, column “{column}”: {message}")
    elif note.row:
        text = translate("CommandLine", "{sheet}, row {row}: {message}")
    elif note.column:
        text = translate("CommandLine", "{sheet}, column “{column}”: {message}")
    else:
        text = translate("CommandLine", "{sheet}: {message}")
    return text.format(sheet=note.sheet, row=note.row, column=note.column, message=note.message)
