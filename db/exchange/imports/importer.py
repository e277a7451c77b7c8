"""Import: read a file, build the plan (no writes — the dry run), apply it in one transaction as
an ImportBatch, and undo a batch. The wizard and `liaison import` both drive these."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from db.changes.freshness import PlanOutdated, latest_change
from db.changes.undo import UndoResult
from db.exchange.imports import mapping as maps
from db.exchange.imports.apply import (
    ImportCancelled,
    ImportProgress,
    ImportResult,
    apply_plan,
    apply_steps,
)
from db.exchange.imports.foreign import SheetPlanner
from db.exchange.imports.plan import ImportOptions, Note, Plan
from db.exchange.imports.undo import list_batches, undo_import, write_report
from db.exchange.reading.read_types import file_problem
from db.exchange.reading.readers import Table, open_source
from db.exchange.reading.source import SourceFile
from db.exchange.workbook import SHEET_NAMES
from db.store.engine import Database
from db.store.errors import LiaisonError
from db.store.translation import QT_TRANSLATE_NOOP, translate

# What a sheet of each kind must have a column for, and the sentence saying it has none.
NEEDED: dict[str, tuple[set[str], str]] = {
    "organizations": ({"name", "id"}, QT_TRANSLATE_NOOP(
        "Import", "No column of sheet “{sheet}” holds a name for the organizations; say which "
                  "one does (for example --map \"Party=name\").")),
    "people": ({"name", "first_name", "last_name", "id"}, QT_TRANSLATE_NOOP(
        "Import", "No column of sheet “{sheet}” holds a name for the people; say which one does "
                  "(for example --map \"Contact=name\").")),
    "interactions": ({"title", "id"}, QT_TRANSLATE_NOOP(
        "Import", "No column of sheet “{sheet}” holds a title for the interactions; say which "
                  "one does (for example --map \"Subject=title\").")),
    "followups": ({"description", "id"}, QT_TRANSLATE_NOOP(
        "Import", "No column of sheet “{sheet}” holds a description for the followups; say "
                  "which one does (for example --map \"Task=description\").")),
}


def checksum_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def is_liaison_workbook(source: SourceFile) -> bool:
    names = {sheet.name for sheet in source.sheets}
    return "README" in names and bool(names & set(SHEET_NAMES))


@dataclass(frozen=True)
class SheetPreview:
    """What the wizard shows before mapping: the first rows, the detected header and kind."""

    sheet: str
    rows: list[list[Any]]
    header_row: int | None  # 1-based
    kind: str
    mapping: dict[int, str]
    truncated: bool


def preview(source: SourceFile, sheet: str | None, *, header_row: int | None = None,
            kind: str | None = None, limit: int = 200) -> SheetPreview:
    table = source.read(sheet, limit=limit)
    index = header_row - 1 if header_row else maps.detect_header_row(table.rows)
    headers = table.rows[index] if index is not None and index < len(table.rows) else []
    chosen = kind or maps.guess_kind(headers)
    return SheetPreview(table.sheet, table.rows, None if index is None else index + 1, chosen,
                        maps.auto_map(headers, chosen), table.truncated)


def build_plan(db: Database, path: str | Path, options: ImportOptions | None = None, *,
               cancelled: Callable[[], bool] | None = None) -> Plan:
    """Read the file and classify every row. Writes nothing."""
    options = options or ImportOptions()
    file_path = Path(path)
    marker = latest_change(db)  # before anything of the database is read
    with open_source(file_path, options.encoding) as source:
        try:
            checksum = checksum_of(file_path)
        except OSError as exc:  # deleted or locked since it was opened
            raise file_problem(file_path.name, exc) from None
        if options.kind == "workbook" or (options.kind is None and options.sheet is None
                                          and is_liaison_workbook(source)):
            from db.exchange.imports.roundtrip import plan_workbook

            plan = plan_workbook(db, source, options, checksum, cancelled)
            source.check_unchanged()
            return replace(plan, marker=marker)
        table = source.read(options.sheet, cancelled=cancelled)
        fmt = source.format
        source.check_unchanged()  # what was read is the file the checksum is of
    if options.kind == maps.INVITATIONS:
        from db.exchange.imports.invitations import plan_invitations

        return replace(plan_invitations(db, table, options, file_name=file_path.name,
                                        checksum=checksum, fmt=fmt, cancelled=cancelled),
                       marker=marker)
    # The reader's own copy of the sheet is gone now; the plan consumes the table row by row.
    return replace(plan_table(db, table, options, file_name=file_path.name, checksum=checksum,
                              fmt=fmt, cancelled=cancelled, consume=True), marker=marker)


def plan_table(db: Database, table: Table, options: ImportOptions, *, file_name: str,
               checksum: str, fmt: str, cancelled: Callable[[], bool] | None = None,
               consume: bool = False) -> Plan:
    """Plan one sheet's rows. With `consume`, the table's rows are released as they are
    planned (a 100k-row sheet would otherwise be held twice over)."""
    rows = table.rows
    if options.fixes:
        rows = [list(row) for row in rows]
        for (number, column), value in options.fixes.items():
            if 1 <= number <= len(rows):
                row = rows[number - 1]
                row.extend([None] * (column + 1 - len(row)))
                row[column] = value
    if options.header_row is not None:
        if not 1 <= options.header_row <= max(len(rows), 1):
            raise LiaisonError(translate(
                "Import", "Row {row} is beyond the end of sheet “{sheet}” ({count} rows).")
                .format(row=options.header_row, sheet=table.sheet, count=len(rows)))
        header_index: int | None = options.header_row - 1
    else:
        header_index = maps.detect_header_row(rows)
    if header_index is None:
        raise LiaisonError(translate(
            "Import", "Sheet “{sheet}” of {file} has no header row with column names; nothing to "
                      "import.").format(sheet=table.sheet, file=file_name))
    headers = maps.header_texts(rows[header_index])
    kind = options.kind or maps.guess_kind(headers)
    if kind not in maps.KINDS:
        raise LiaisonError(translate(
            "Import", "“{kind}” is not something Liaison imports; choose organizations, people, "
                      "interactions or followups.").format(kind=kind))
    mapping = _mapping(db, headers, kind, options)
    _check_mapping(mapping, kind, table.sheet)
    data: list[tuple[int, Sequence[Any]]] = [
        (number, cells)
        for number, cells in enumerate(rows[header_index + 1:], start=header_index + 2)
        if any(cell not in (None, "") for cell in cells)]
    if consume:
        table.rows.clear()
        rows = []
    if not data:
        raise LiaisonError(translate(
            "Import", "Sheet “{sheet}” of {file} has a header row but no rows below it; nothing "
                      "to import.").format(sheet=table.sheet, file=file_name))
    with db.reading() as session:
        planner = SheetPlanner(session, table.sheet, kind, headers, mapping, options, len(data))
        planned = planner.plan(data, cancelled)
    # What the reader could not carry over (a contact card's unreadable line, its photo).
    read = [Note(table.sheet, w.row, None, w.message) for w in table.warnings]
    return Plan(file_name, checksum, fmt, kind, (table.sheet,), header_index + 1, tuple(headers),
                mapping, options, tuple(planned), tuple(planner.errors),
                (*read, *planner.warnings))


def _mapping(db: Database, headers: list[str], kind: str, options: ImportOptions) -> dict[int, str]:
    if options.mapping is not None:
        mapping = {i: f for i, f in options.mapping.items() if f}
    elif options.profile:
        profile = maps.load_profile(db, options.profile)
        mapping = maps.apply_profile(profile, headers)
    else:
        mapping = maps.auto_map(headers, kind)
    by_header = {maps.normalize_header(h): i for i, h in enumerate(headers)}
    for header, field in options.overrides.items():
        index = by_header.get(maps.normalize_header(header))
        if index is None:
            known = ", ".join(h for h in headers if h) or translate("Import", "none")
            raise LiaisonError(translate(
                "Import", "There is no column “{header}” to map (columns: {columns}).").format(
                header=header, columns=known))
        if field and field not in maps.TARGETS[kind]:
            raise LiaisonError(translate(
                "Import", "“{field}” is not a field of {kind}; choose one of: {fields}.").format(
                field=field, kind=kind, fields=", ".join(maps.TARGETS[kind])))
        mapping = {i: f for i, f in mapping.items() if f != field and i != index}
        if field:
            mapping[index] = field
    return dict(sorted(mapping.items()))


def _check_mapping(mapping: dict[int, str], kind: str, sheet: str) -> None:
    fields = set(mapping.values())
    needed, sentence = NEEDED[kind]
    if not fields & needed:
        raise LiaisonError(translate("Import", sentence).format(sheet=sheet))
    if kind == "interactions" and "start" not in fields and "id" not in fields:
        raise LiaisonError(translate(
            "Import", "No column of sheet “{sheet}” holds the date of the interactions; map one "
                      "(for example --map \"Date=start\").").format(sheet=sheet))


__all__ = ["ImportCancelled", "ImportProgress", "ImportResult", "PlanOutdated", "SheetPreview",
           "UndoResult",
           "apply_plan", "apply_steps", "build_plan", "checksum_of", "is_liaison_workbook",
           "list_batches", "plan_table", "preview", "undo_import", "write_report"]
