"""An open spreadsheet, as `readers.open_source` gives it: a `SourceFile` reads one sheet at a
time — a workbook's through calamine (with `readers_xlsx`'s checks of the XML beside it), a text
table's as it streams from the file (`text_stream`, `readers_csv`), contact cards through
`vcard` — and lets the file go on `close`. A file deleted or rewritten after it was opened is
said to be so, not blamed as damage.

Values come back as calamine gives them (whole numbers from Excel stay floats; dates are `date`
or `datetime`), with empty cells as None and unusable cells (errors, formulas never calculated)
as `CellError`, so the import can point at them by sheet, row and column; trailing empty rows
and columns are trimmed. A sheet that cannot be read raises `UnreadableFile`."""

from __future__ import annotations

import csv
import os
import zipfile
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from db.exchange.reading import readers_csv, readers_xlsx, text_stream, vcard, xml_guards
from db.exchange.reading.read_types import (
    DAMAGE,
    CellError,
    ReadCancelled,
    SheetInfo,
    Table,
    UnreadableFile,
    changed_while_read,
    damaged,
    declares_entities,
    file_problem,
    is_panic,
    not_found,
    nul_character,
    password_protected,
)
from db.store.translation import translate

MAX_CELLS = 25_000_000                 # calamine lays a sheet out densely from A1
EXCEL_ROWS = 1_048_576
CANCEL_EVERY = 4096
# The extensions calamine picks its reader by; any other name is read from memory.
CALAMINE_SUFFIXES = {"xlsx": (".xlsx", ".xlsm"), "xlsm": (".xlsx", ".xlsm"), "xlsb": (".xlsb",),
                     "xls": (".xls",), "ods": (".ods",)}


Stamp = tuple[int, int, int]  # size, modification time (ns), inode: the file as it was opened


def stamp_of(stat: os.stat_result) -> Stamp:
    return stat.st_size, stat.st_mtime_ns, stat.st_ino


def is_damage(exc: BaseException) -> bool:
    """calamine's own errors, what a damaged file makes the parsers raise (DAMAGE), or a panic
    inside calamine: the file's fault. Anything else is a bug, and is not hidden."""
    import python_calamine

    return isinstance(exc, (python_calamine.CalamineError, *DAMAGE)) or is_panic(exc)


class SourceFile:
    """An open spreadsheet. `read` a sheet as a Table; close it (or use `with`)."""

    path: Path
    format: str  # "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" | "csv" | "tsv" | "vcf"
    sheets: tuple[SheetInfo, ...]
    encoding: str | None
    delimiter: str | None
    stamp: Stamp | None  # the file as `open_source` found it

    def __init__(self, path: Path, format: str, sheets: tuple[SheetInfo, ...], *,
                 encoding: str | None = None, delimiter: str | None = None) -> None:
        self.path = path
        self.format = format
        self.sheets = sheets
        self.encoding = encoding
        self.delimiter = delimiter
        self.stamp = None
        self._book: Any = None
        self._package: zipfile.ZipFile | None = None
        self._parts: dict[str, str] = {}
        self._scans: dict[str, readers_xlsx.SheetScan] = {}
        self._sheet: tuple[str, Any] | None = None  # the last calamine sheet parsed
        self._text_table = False
        self._cards: vcard.VCardFile | None = None
        self._closed = False

    # -- construction ----------------------------------------------------------------------

    @classmethod
    def _workbook(cls, path: Path, kind: str, memory: IO[bytes] | None,
                  package: zipfile.ZipFile | None) -> SourceFile:
        import python_calamine

        name = path.name
        try:
            if memory is None and path.suffix in CALAMINE_SUFFIXES[kind]:
                book = python_calamine.CalamineWorkbook.from_path(str(path))
            else:
                with memory or path.open("rb") as handle:
                    book = python_calamine.CalamineWorkbook.from_filelike(handle)
            metadata = list(book.sheets_metadata)
        except python_calamine.PasswordError:
            raise password_protected(name) from None
        except BaseException as exc:
            if not is_damage(exc):
                raise
            if package is not None and _declares_entities(package):
                raise declares_entities(name) from None
            raise damaged(name, kind) from None
        chart = python_calamine.SheetTypeEnum.ChartSheet
        visible = python_calamine.SheetVisibleEnum.Visible
        sheets = tuple(SheetInfo(meta.name, meta.visible != visible) for meta in metadata
                       if meta.typ != chart)
        if not sheets:
            book.close()
            raise UnreadableFile((translate(
                "Reading", "“{name}” contains only charts, so there is nothing to import.")
                if metadata else translate(
                "Reading", "“{name}” contains no sheets, so there is nothing to import.")
            ).format(name=name))
        source = cls(path, kind, sheets)
        source._book = book
        source._package = package
        if package is not None:
            try:
                source._parts = readers_xlsx.sheet_parts(package)
            except DAMAGE:  # calamine found the sheets; without their XML no extra checks
                source._parts = {}
        return source

    @classmethod
    def _text(cls, path: Path, encoding: str, delimiter: str) -> SourceFile:
        source = cls(path, "tsv" if delimiter == "\t" else "csv",
                     (SheetInfo(path.stem, False),), encoding=encoding, delimiter=delimiter)
        source._text_table = True
        return source

    # -- use -------------------------------------------------------------------------------

    def __enter__(self) -> SourceFile:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._sheet = None
        self._cards = None
        if self._book is not None:
            self._book.close()
            self._book = None
        if self._package is not None:
            self._package.close()
            self._package = None

    def read(self, sheet: str | None = None, *, limit: int | None = None,
             cancelled: Callable[[], bool] | None = None) -> Table:
        """The values of one sheet (None: the first visible one). `limit` reads at most that
        many rows, for a preview; `cancelled` is asked every few thousand rows."""
        if self._closed:
            raise ValueError("read() on a closed SourceFile")
        name = self._sheet_name(sheet)

        def check_cancel() -> None:
            if cancelled is not None and cancelled():
                raise ReadCancelled

        check_cancel()
        if self._cards is not None:
            return self._cards.read(self.path.name, limit, check_cancel)
        if self._text_table:
            rows, truncated = self._read_text(limit, check_cancel)
        else:
            rows, truncated = self._read_sheet(name, limit, check_cancel)
        return Table(name, _trimmed(rows), truncated)

    def _sheet_name(self, sheet: str | None) -> str:
        if sheet is None:
            return next((info.name for info in self.sheets if not info.hidden),
                        self.sheets[0].name)
        if any(info.name == sheet for info in self.sheets):
            return sheet
        names = [f"“{info.name}”" for info in self.sheets]
        if len(names) > 12:
            listed = translate("Reading", "{names} and {count} more").format(
                names=", ".join(names[:10]), count=len(names) - 10)
        elif len(names) > 1:
            listed = translate("Reading", "{names} and {last}").format(
                names=", ".join(names[:-1]), last=names[-1])
        else:
            listed = names[0]
        raise UnreadableFile(translate(
            "Reading", "“{name}” has no sheet named “{sheet}”; its sheets are {sheets}.").format(
            name=self.path.name, sheet=sheet, sheets=listed))

    def _read_text(self, limit: int | None,
                   check_cancel: Callable[[], None]) -> tuple[list[list[Any]], bool]:
        """The rows, read from the file as it streams by (`text_stream`)."""
        assert self.encoding and self.delimiter
        name = self.path.name
        try:
            stream = self.path.open("rb")
        except OSError as exc:
            raise file_problem(name, exc) from None
        with stream:
            self._check_unchanged(os.fstat(stream.fileno()))
            lines = text_stream.TextLines(
                stream, self.encoding,
                decode=((lambda chunk: readers_csv.decode(chunk, "cp1252"))
                        if self.encoding == "cp1252" else None),
                skip_first=lambda text: readers_csv.split_sep_line(text)[0])
            try:
                rows, truncated = readers_csv.read_rows(lines, self.delimiter, limit,
                                                        check_cancel)
            except csv.Error as exc:
                line = getattr(exc, "line", 0)
                text = (translate("Reading", "“{name}” could not be read at line {line}: a field "
                                             "runs on for more than 131,072 characters, which "
                                             "usually means a quotation mark is never closed.")
                        if "field larger" in str(exc)
                        else translate("Reading", "“{name}” could not be read at line {line}: "
                                                  "the text is not laid out as a table."))
                raise UnreadableFile(text.format(name=name, line=line)) from None
            except text_stream.LineTooLong as exc:
                raise UnreadableFile(translate(
                    "Reading", "“{name}” could not be read at line {line}: it runs on for more "
                               "than {limit:,} characters, far longer than a row of a table, so "
                               "the file is damaged or not a table; ask for a fresh copy.").format(
                    name=name, line=exc.line, limit=text_stream.MAX_LINE)) from None
            except text_stream.NulCharacter as exc:
                raise nul_character(name, exc.line) from None
            except OSError as exc:
                raise file_problem(name, exc) from None
            self._check_unchanged(os.fstat(stream.fileno()))
        if lines.marked:
            text_stream.undecodable_cells(rows, self.encoding)
        return rows, truncated

    def check_unchanged(self) -> None:
        """Raise UnreadableFile when the file was deleted, replaced or rewritten since it was
        opened: what was read may no longer be the file (a program still writing it)."""
        try:
            stat = self.path.stat()
        except OSError as exc:
            raise file_problem(self.path.name, exc) from None
        self._check_unchanged(stat)

    def _check_unchanged(self, stat: os.stat_result) -> None:
        if self.stamp is not None and stamp_of(stat) != self.stamp:
            raise changed_while_read(self.path.name)

    def _failure(self, error: UnreadableFile) -> UnreadableFile:
        """`error` (damage), unless the file was deleted, replaced or rewritten since it was
        opened (then that is what went wrong, and the file may be fine), or its XML declares
        entities (an XML bomb's way: say so, rather than call it damaged)."""
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return not_found(self.path.name)
        except OSError:
            return error
        if self.stamp is not None and stamp_of(stat) != self.stamp:
            return changed_while_read(self.path.name)
        if self._package is not None and _declares_entities(self._package):
            return declares_entities(self.path.name)
        return error

    def _read_sheet(self, name: str, limit: int | None,
                    check_cancel: Callable[[], None]) -> tuple[list[list[Any]], bool]:
        scan = self._scan(name, check_cancel)
        if scan is not None and (scan.last_column > 26 or scan.last_row > EXCEL_ROWS
                                 or scan.loose_width) and (
                scan.last_row * (scan.last_column + scan.loose_width) > MAX_CELLS):
            # Calamine would lay out every cell up to there: make sure it is not just formatting.
            self._check_extent(name, *self._content_extent(name, check_cancel,
                                                           bool(scan.loose_width)))
        sheet = self._calamine_sheet(name)
        end = sheet.end
        height, width = (end[0] + 1, end[1] + 1) if end is not None else (0, 0)
        self._check_extent(name, height, width)
        problems = scan.problems if scan is not None else {}
        if not height and not problems and scan is not None and readers_xlsx.has_values(
                self._opener(name)):
            raise UnreadableFile(translate(
                "Reading", "Liaison could not read the cells of sheet “{sheet}” in “{name}”; open "
                           "it in a spreadsheet program, save it as .xlsx, and import that copy.")
                .format(sheet=name, name=self.path.name))
        check_cancel()
        rows: list[list[Any]] = []
        if height:
            try:
                rows = sheet.to_python(skip_empty_area=False, nrows=limit)
            except BaseException as exc:
                if not is_damage(exc):
                    raise
                raise self._sheet_damaged(name) from None
        _blanks_to_none(rows, check_cancel)
        last = height
        for (row_index, column), message in problems.items():
            last = max(last, row_index + 1)
            if limit is not None and row_index >= limit:
                continue
            while len(rows) <= row_index:
                rows.append([None] * width)
            if column >= width:
                width = column + 1
                for row in rows:
                    row.extend([None] * (width - len(row)))
            rows[row_index][column] = CellError(message)
        return rows, limit is not None and last > limit

    def _scan(self, name: str, check_cancel: Callable[[], None]) -> readers_xlsx.SheetScan | None:
        if name in self._scans:
            return self._scans[name]
        if self._package is None or name not in self._parts:
            return None
        try:
            scan = readers_xlsx.scan_sheet(self._opener(name), check_cancel)
        except ReadCancelled:
            raise
        except xml_guards.LongCell as exc:
            raise self._long_cell(name, exc) from None
        except DAMAGE:
            raise self._failure(damaged(self.path.name, self.format)) from None
        self._scans[name] = scan
        return scan

    def _opener(self, name: str) -> Callable[[], IO[bytes]]:
        package, part = self._package, self._parts[name]
        assert package is not None
        return lambda: package.open(part)

    def _content_extent(self, name: str, check_cancel: Callable[[], None],
                        loose: bool) -> tuple[int, int]:
        try:
            return readers_xlsx.content_extent(self._opener(name), check_cancel, loose)
        except ReadCancelled:
            raise
        except xml_guards.LongCell as exc:
            raise self._long_cell(name, exc) from None
        except DAMAGE:
            raise self._failure(damaged(self.path.name, self.format)) from None

    def _check_extent(self, name: str, rows: int, columns: int) -> None:
        if rows * columns > MAX_CELLS:
            corner = f"{readers_xlsx.column_letters(columns)}{rows}"
            raise UnreadableFile(translate(
                "Reading", "Sheet “{sheet}” in “{name}” has cells spread from A1 to {corner}, "
                           "more than the {limit} million cells Liaison imports from one sheet; "
                           "delete the stray cells far below or to the right of your data, save, "
                           "and import again.").format(
                sheet=name, name=self.path.name, corner=corner, limit=MAX_CELLS // 1_000_000))

    def _calamine_sheet(self, name: str) -> Any:
        if self._sheet is not None and self._sheet[0] == name:
            return self._sheet[1]
        self._sheet = None  # let the previous sheet's cells go before parsing the next
        try:
            sheet = self._book.get_sheet_by_name(name)
        except BaseException as exc:
            if not is_damage(exc):
                raise
            raise self._sheet_damaged(name) from None
        self._sheet = (name, sheet)
        return sheet

    def _long_cell(self, name: str, found: xml_guards.LongCell) -> UnreadableFile:
        if not found.text:  # markup of megabytes around one cell: no program writes that
            return self._sheet_damaged(name)
        return UnreadableFile((translate(
            "Reading", "Sheet “{sheet}” in “{name}” has a cell ({cell}) holding more than "
                       "{limit:,} characters, Excel's limit for one cell; shorten it in a "
                       "spreadsheet program, save, and import again.") if found.reference
            else translate(
            "Reading", "Sheet “{sheet}” in “{name}” has a cell holding more than {limit:,} "
                       "characters, Excel's limit for one cell; shorten it in a spreadsheet "
                       "program, save, and import again.")).format(
            sheet=name, name=self.path.name, cell=found.reference, limit=xml_guards.LONG_TEXT))

    def _sheet_damaged(self, name: str) -> UnreadableFile:
        return self._failure(UnreadableFile(translate(
            "Reading", "Sheet “{sheet}” in “{name}” could not be read: the file may be damaged; "
                       "open it in a spreadsheet program, save it as .xlsx, and import that "
                       "copy.").format(sheet=name, name=self.path.name)))


def _declares_entities(package: zipfile.ZipFile) -> bool:
    try:
        return xml_guards.declares_entities(package)
    except DAMAGE:
        return False


def _blanks_to_none(rows: list[list[Any]], check_cancel: Callable[[], None]) -> None:
    """calamine gives empty cells (and error cells) as "": make them None. list.index finds
    them at C speed; most rows of a real sheet have a blank or two, few have many."""
    for start in range(0, len(rows), CANCEL_EVERY):
        check_cancel()
        for row in rows[start:start + CANCEL_EVERY]:
            try:
                index = row.index("")
            except ValueError:
                continue
            try:
                while True:
                    row[index] = None
                    index = row.index("", index + 1)
            except ValueError:
                pass


def _trimmed(rows: list[list[Any]]) -> list[list[Any]]:
    """Drop trailing empty rows and columns; pad rows to one width."""
    while rows and rows[-1].count(None) == len(rows[-1]):
        rows.pop()
    if not rows:
        return rows
    width = len(rows[0])
    if all(len(row) == width for row in rows) and any(row[-1] is not None for row in rows):
        return rows
    used = 0
    for row in rows:
        end = len(row)
        while end > used and row[end - 1] is None:
            end -= 1
        used = max(used, end)
    for index, row in enumerate(rows):
        if len(row) > used:
            del row[used:]
        elif len(row) < used:
            rows[index] = row + [None] * (used - len(row))
    return rows
