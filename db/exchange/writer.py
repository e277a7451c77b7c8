"""Write the Liaison workbook (.xlsx) of a whole database.

openpyxl's write-only mode streams rows to disk and still supports everything the format needs
(frozen header, autofilter, column widths and hidden columns, data validations, hidden sheets),
so it is used throughout. The file is written next to its destination under a temporary name and
renamed at the end: a cancel, an error or a crash leaves no half-written workbook behind."""

from __future__ import annotations

import contextlib
import itertools
import os
import tempfile
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from db import __version__
from db.engine import Database
from db.errors import LiaisonError
from db.exchange import rows as data
from db.exchange.workbook import (
    COUNTRY_LIST,
    DEFAULT_WIDTH,
    FOLLOWUP_STATUS_LIST,
    FORMAT_NAME,
    FORMAT_VERSION,
    GENDER_LIST,
    ID_WIDTH,
    INTERACTION_KIND_LIST,
    LEVEL_LIST,
    LISTS_SHEET,
    MAX_CELL_CHARS,
    NOT_PLAIN,
    ORGANIZATION_KIND_LIST,
    README_SHEET,
    REV_COLUMN,
    SHEETS,
    STATUS_LIST,
    CellTooLong,
    SheetSpec,
    check_length,
    encode_xstring,
    fingerprint,
    is_formula_like,
)
from db.models import Meta
from db.vocabulary import (
    FOLLOWUP_STATUSES,
    GENDERS,
    INTERACTION_KINDS,
    ORGANIZATION_KINDS,
    POLITICAL_STATUSES,
    RELATIONSHIP_LEVELS,
)

PROGRESS_EVERY = 2_000
_not_plain = NOT_PLAIN.search
DATE_FORMAT = "yyyy-mm-dd"


@dataclass(frozen=True)
class ExportProgress:
    stage: str  # the sheet being written, then "saving" and "done"
    done: int
    total: int


def check_destination(path: Path) -> None:
    """One clear sentence, before any work, when the file cannot be written there."""
    folder = path.parent
    if path.suffix.lower() != ".xlsx":
        raise LiaisonError(f"The export file must end in .xlsx (got “{path.name}”).")
    if not folder.is_dir():
        raise LiaisonError(f"The folder {folder} does not exist; create it or choose another.")
    if path.is_dir():
        raise LiaisonError(f"{path} is a folder; give a file name ending in .xlsx.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise LiaisonError(f"Liaison cannot write in the folder {folder} (no permission).")


def _lists(countries: list[tuple[str, str]]) -> dict[str, list[str]]:
    return {
        COUNTRY_LIST: [code for code, _ in countries],
        ORGANIZATION_KIND_LIST: list(ORGANIZATION_KINDS),
        STATUS_LIST: list(POLITICAL_STATUSES),
        LEVEL_LIST: list(RELATIONSHIP_LEVELS),
        INTERACTION_KIND_LIST: list(INTERACTION_KINDS),
        GENDER_LIST: list(GENDERS),
        FOLLOWUP_STATUS_LIST: list(FOLLOWUP_STATUSES),
    }


def _readme_lines(db: Database, database_id: str, exported: datetime,
                  counts: dict[str, int]) -> list[tuple[str, str]]:
    sheets = ", ".join(f"{name} ({n:,} rows)" for name, n in counts.items())
    return [
        ("What this is", f"A {FORMAT_NAME} (format {FORMAT_VERSION}): the records of a Liaison "
                         "database, one sheet per kind of record."),
        ("Exported (UTC)", exported.strftime("%Y-%m-%d %H:%M:%S")),
        ("From database", db.describe()),
        ("Database id", database_id),
        ("Liaison version", __version__),
        ("Sheets", sheets),
        ("How to edit", "Change values in place, add rows at the bottom (leave id empty), use "
                        "the dropdowns for kinds, statuses, levels and countries, type dates as "
                        "dates. Lists (aliases, tags, topics, emails, phones, languages) are "
                        "separated by “;”. An empty cell never clears data on import."),
        ("Bring it back", "Import this file into Liaison (liaison import FILE, or File › Import "
                          "in the app). Every row is compared with the database: unchanged, "
                          "changed here, changed in the database since export, or both."),
        ("Do not touch", f"the id columns (id, person_id, organization_id, interaction_id, "
                         f"participant_ids), the hidden {REV_COLUMN} column and the hidden "
                         f"{LISTS_SHEET} sheet: they tie each row to its record. Do not rename "
                         "sheets or headers. To delete a record, do it in Liaison."),
        ("Participants", "participants is for reading (“Name [role]; …”); participant_ids "
                         "(“organization:ID:role; person:ID:role”) is what an import uses."),
    ]


def write_workbook(db: Database, path: str | os.PathLike[str],
                   cancelled: Callable[[], bool] | None = None, *,
                   sheets: Collection[str] | None = None,
                   limit: int | None = None) -> Iterator[ExportProgress]:
    """Export every live record to a Liaison workbook at `path`, yielding progress.

    `sheets` (names of data sheets) and `limit` (rows per sheet) narrow the export; they are
    for the benchmark and leave out records, so such a file is not a whole export."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.datavalidation import DataValidation

    target = Path(path).expanduser().resolve()
    check_destination(target)

    def check_cancel() -> None:
        if cancelled is not None and cancelled():
            raise InterruptedError("The export was cancelled; no file was written.")

    handle, temp_name = _temporary(target)
    wb: Any = None
    try:
        with db.reading() as session:
            meta = session.get(Meta, "database_id")
            database_id = meta.value if meta is not None else "(none)"
            specs = [spec for spec in SHEETS if sheets is None or spec.name in sheets]
            counts = {spec.name: data.count(session, spec) for spec in specs}
            if limit is not None:
                counts = {name: min(n, limit) for name, n in counts.items()}
            countries = data.countries(session)
            names = data.Names(session)
            total = sum(counts.values())
            exported = datetime.now(UTC)

            wb = Workbook(write_only=True)
            bold = Font(bold=True)

            readme = wb.create_sheet(README_SHEET)
            readme.column_dimensions["A"].width = 18
            readme.column_dimensions["B"].width = 110
            title = WriteOnlyCell(readme, value=FORMAT_NAME)
            title.font = Font(bold=True, size=14)
            readme.append([title])
            readme.append([])
            wrap = Alignment(wrap_text=True, vertical="top")
            for label, text in _readme_lines(db, database_id, exported, counts):
                key = WriteOnlyCell(readme, value=label)
                key.font = bold
                key.alignment = Alignment(vertical="top")
                value = _text_cell(WriteOnlyCell, readme, text)
                value.alignment = wrap
                readme.append([key, value])

            lists = _lists(countries)
            list_columns = {name: get_column_letter(i) for i, name in enumerate(lists, 1)}
            done = 0
            for spec in specs:
                ws = wb.create_sheet(spec.name)
                n = counts[spec.name]
                last_row = max(n + 1, 2)
                _layout(ws, spec, last_row)
                for column, list_name in spec.lists.items():
                    letter = get_column_letter(spec.columns.index(column) + 1)
                    size = len(lists[list_name]) + 1
                    col = list_columns[list_name]
                    rule = DataValidation(type="list", allow_blank=True,
                                          formula1=f"{LISTS_SHEET}!${col}$2:${col}${size}",
                                          errorStyle="warning", showErrorMessage=True,
                                          errorTitle=column, error=f"Choose a {column} from "
                                                                   "the list.")
                    rule.add(f"{letter}2:{letter}1048576")
                    ws.data_validations.append(rule)
                header = []
                for name in spec.headers:
                    cell = WriteOnlyCell(ws, value=name)
                    cell.font = bold
                    header.append(cell)
                ws.append(header)
                yield ExportProgress(spec.name, done, total)
                rows = data.READERS[spec.name](session, names)
                if limit is not None:
                    rows = itertools.islice(rows, limit)
                for row_number, (values, version) in enumerate(rows, start=2):
                    cells = _cells(WriteOnlyCell, ws, spec, values, row_number)
                    cells.append(fingerprint(values, version))
                    ws.append(cells)
                    done += 1
                    if done % PROGRESS_EVERY == 0:
                        check_cancel()
                        yield ExportProgress(spec.name, done, total)
                check_cancel()

            sheet = wb.create_sheet(LISTS_SHEET)
            sheet.sheet_state = "hidden"
            sheet.append([*lists, "country_name"])
            country_names = dict(countries)
            longest = max(len(v) for v in lists.values())
            for i in range(longest):
                sheet.append([v[i] if i < len(v) else None for v in lists.values()]
                             + [country_names[lists[COUNTRY_LIST][i]]
                                if i < len(lists[COUNTRY_LIST]) else None])
        yield ExportProgress("saving", done, total)
        with os.fdopen(handle, "wb") as stream:
            handle = -1
            wb.save(stream)
        check_cancel()
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp_name, 0o666 & ~umask)  # mkstemp's 0600 is not what a saved file gets
        os.replace(temp_name, target)
    except BaseException:
        if wb is not None:
            _discard(wb)
        if handle != -1:
            os.close(handle)
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    yield ExportProgress("done", done, total)


def _discard(wb: Any) -> None:
    """Close an unsaved write-only workbook's sheets and remove their temporary files."""
    for ws in wb.worksheets:
        with contextlib.suppress(Exception):
            ws.close()
        writer = getattr(ws, "_writer", None)
        if writer is not None:
            with contextlib.suppress(Exception):
                writer.cleanup()


def get_column_letter(index: int) -> str:
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _temporary(target: Path) -> tuple[int, str]:
    try:
        return tempfile.mkstemp(prefix=f".{target.stem}.", suffix=".xlsx.part",
                                dir=target.parent)
    except OSError as exc:
        raise LiaisonError(f"Liaison cannot write in the folder {target.parent} "
                           f"({exc.strerror or exc}).") from exc


def _layout(ws: Any, spec: SheetSpec, last_row: int) -> None:
    for i, name in enumerate(spec.headers, start=1):
        dims = ws.column_dimensions[get_column_letter(i)]
        if name == REV_COLUMN:
            dims.width = 18
            dims.hidden = True
        elif name in spec.id_columns or name.endswith("_id"):
            dims.width = ID_WIDTH
        else:
            dims.width = spec.widths.get(name, DEFAULT_WIDTH)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(spec.headers))}{last_row}"


def _text_cell(cell_type: Any, ws: Any, text: str) -> Any:
    cell = cell_type(ws, value=encode_xstring(text))
    cell.data_type = "s"  # never a formula, whatever the text starts with
    if is_formula_like(text):
        cell.quotePrefix = True  # and typed-over text stays text in Excel too
    return cell


def _cells(cell_type: Any, ws: Any, spec: SheetSpec, values: list[Any],
           row_number: int) -> list[Any]:
    """A row's cells: plain values wherever openpyxl writes them exactly as `_cell` would (short
    text that needs no escape or quote prefix, None, int, date: openpyxl gives a date the same
    yyyy-mm-dd format), a styled cell from `_cell` otherwise."""
    cells: list[Any] = []
    for i, value in enumerate(values):
        kind = value.__class__
        if kind is str:
            if len(value) <= MAX_CELL_CHARS and _not_plain(value) is None:
                cells.append(value)
                continue
        elif value is None or kind is int or kind is date:
            cells.append(value)
            continue
        cells.append(_cell(cell_type, ws, spec, i, value, row_number))
    return cells


def _cell(cell_type: Any, ws: Any, spec: SheetSpec, index: int, value: Any,
          row_number: int) -> Any:
    if value is None or isinstance(value, int):
        return value
    if isinstance(value, date):
        cell = cell_type(ws, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    text = str(value)
    try:
        check_length(text)
    except CellTooLong as exc:
        column = spec.columns[index]
        raise LiaisonError(
            f"The {column} of row {row_number} on the {spec.name} sheet is {exc.length:,} "
            f"characters long, more than a spreadsheet cell can hold (32,767); shorten it "
            "and export again.") from None
    if is_formula_like(text) or encode_xstring(text) != text:
        return _text_cell(cell_type, ws, text)
    return text
