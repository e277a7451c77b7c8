"""Reading any spreadsheet a user brings: Excel (.xlsx, .xlsm, .xlsb, .xls) and OpenDocument
(.ods) through calamine, text tables (.csv, .tsv) through `readers_csv`. The format is decided
from the file's content, not its name, so a renamed file is read for what it is.

Every file that cannot be read raises `UnreadableFile`, whose message is one sentence naming the
file and saying what to do — never a traceback or a library's words. Values come back as
calamine gives them (whole numbers from Excel stay floats; dates are `date` or `datetime`), with
empty cells as None and unusable cells (errors, formulas never calculated) as `CellError`, so
the import can point at them by sheet, row and column."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from db.exchange.reading import readers_csv, readers_xlsx
from db.exchange.reading.read_types import (
    KIND_NAMES,
    SAVE_AGAIN,
    CellError,
    PasswordProtected,
    ReadCancelled,
    SheetInfo,
    Table,
    UnreadableFile,
    damaged,
    is_panic,
    not_spreadsheet,
    password_protected,
)

__all__ = ["CellError", "ReadCancelled", "SheetInfo", "SourceFile", "Table", "UnreadableFile",
           "open_source"]

MAX_FILE_MB = 200
MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024
MAX_UNPACKED_BYTES = 1024**3           # what a zip may unpack to
MAX_RATIO, RATIO_FROM = 500, 20 << 20  # a part this large compressed this much is a zip bomb
MAX_REENCODED_BYTES = 100 << 20        # UTF-16 packages are re-encoded in memory
MAX_CELLS = 25_000_000                 # calamine lays a sheet out densely from A1
EXCEL_ROWS = 1_048_576
CANCEL_EVERY = 4096

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OTHER_FORMATS = {b"%PDF": "a PDF document", b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image",
                 b"GIF8": "a GIF image", b"Rar!": "a RAR archive", b"7z\xbc\xaf": "a 7-Zip archive",
                 b"\x1f\x8b": "a gzip archive", b"{\\rtf": "an RTF document"}
# The extensions calamine picks its reader by; any other name is read from memory.
CALAMINE_SUFFIXES = {"xlsx": (".xlsx", ".xlsm"), "xlsm": (".xlsx", ".xlsm"), "xlsb": (".xlsb",),
                     "xls": (".xls",), "ods": (".ods",)}
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods", ".csv", ".tsv")
# ---------------------------------------------------------------------------------------------
# Opening: what is this file?

def open_source(path: str | Path) -> SourceFile:
    """Open a spreadsheet for reading, deciding its format from its content."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise UnreadableFile(f"“{name}” is a folder, not a spreadsheet file.")
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise UnreadableFile(f"“{name}” was not found; it may have been moved or "
                             "deleted.") from None
    except PermissionError:
        raise UnreadableFile(f"Liaison is not allowed to read “{name}”.") from None
    except OSError as exc:
        raise UnreadableFile(f"“{name}” could not be read ({exc.strerror or 'the system refused'}"
                             ").") from None
    if size == 0:
        raise UnreadableFile(f"“{name}” is empty (0 bytes), so it holds no spreadsheet.")
    if size > MAX_FILE_BYTES:
        raise UnreadableFile(f"“{name}” is {size / 2**20:,.0f} MB, larger than the "
                             f"{MAX_FILE_MB} MB Liaison imports; split it into smaller files "
                             "and import them one at a time.")
    if head.startswith(ZIP_MAGIC):
        return _open_package(path)
    if head.startswith(OLE2_MAGIC):
        return _open_ole2(path)
    for magic, what in OTHER_FORMATS.items():
        if head.startswith(magic):
            raise not_spreadsheet(name, what)
    return _open_text(path)


def _open_package(path: Path) -> SourceFile:
    name = path.name
    try:
        package = zipfile.ZipFile(path)
        infos = package.infolist()
    except Exception:  # BadZipFile, truncated files, unsupported zip features: all damage
        raise UnreadableFile(f"“{name}” is damaged or incomplete (perhaps a download that did "
                             "not finish), so it cannot be unpacked; ask for a fresh "
                             "copy.") from None
    try:
        kind = _package_kind(package, infos, name)
        if kind in ("xlsx", "xlsm") and readers_xlsx.utf16_parts(package):
            if sum(info.file_size for info in infos) > MAX_REENCODED_BYTES:
                raise damaged(name, kind)
            data = readers_xlsx.as_utf8_package(package)
            package.close()
            package = zipfile.ZipFile(io.BytesIO(data))
            return SourceFile._workbook(path, kind, io.BytesIO(data), package)
        if kind not in ("xlsx", "xlsm"):  # no XML of ours to look at: calamine alone
            package.close()
            return SourceFile._workbook(path, kind, None, None)
        return SourceFile._workbook(path, kind, None, package)
    except UnreadableFile:
        package.close()
        raise
    except Exception:  # a part that cannot be unpacked or parsed
        package.close()
        raise UnreadableFile(f"“{name}” is damaged, so it cannot be unpacked; ask for a fresh "
                             "copy.") from None


def _package_kind(package: zipfile.ZipFile, infos: list[zipfile.ZipInfo], name: str) -> str:
    # Sizes as the zip declares them, checked before anything is unpacked (zipfile then stops
    # at the declared size; calamine unpacks with the same limits).
    unpacked = sum(info.file_size for info in infos)
    if unpacked > MAX_UNPACKED_BYTES:
        raise UnreadableFile(f"“{name}” unpacks to {unpacked / 2**20:,.0f} MB, far more than a "
                             "spreadsheet Liaison can import; it may be damaged or made to "
                             "exhaust memory.")
    if any(info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1)
           for info in infos):
        raise UnreadableFile(f"“{name}” holds a part that unpacks to hundreds of times its size, "
                             "as files made to exhaust memory do, so Liaison does not open it.")
    kind = readers_xlsx.package_kind(package, readers_xlsx.member_names(package))
    if kind in KIND_NAMES:
        return kind
    if kind == readers_xlsx.NUMBERS:
        raise UnreadableFile(f"“{name}” is an Apple Numbers document; export it from Numbers as "
                             "Excel (.xlsx) and import that file.")
    if kind:
        raise not_spreadsheet(name, kind)
    inside = [info.filename for info in infos if info.filename.lower().endswith(
        SPREADSHEET_SUFFIXES)]
    if inside and not name.lower().endswith(SPREADSHEET_SUFFIXES):
        raise UnreadableFile(f"“{name}” is a zip archive holding “{inside[0]}”; unpack it and "
                             "import that file.")
    if not infos or all(info.file_size == 0 for info in infos):
        raise UnreadableFile(f"“{name}” is an empty zip archive, not a spreadsheet.")
    raise not_spreadsheet(name, "a zip archive")


def _open_ole2(path: Path) -> SourceFile:
    try:
        return SourceFile._workbook(path, "xls", None, None)
    except PasswordProtected:
        raise
    except UnreadableFile:
        data = path.read_bytes()  # a failure: look at the container's stream names
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise password_protected(path.name) from None
        if "WordDocument".encode("utf-16-le") in data:
            raise not_spreadsheet(path.name, "a Word document") from None
        if "PowerPoint Document".encode("utf-16-le") in data:
            raise not_spreadsheet(path.name, "a PowerPoint presentation") from None
        raise


def _open_text(path: Path) -> SourceFile:
    name = path.name
    data = path.read_bytes()
    start = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html")) or b"<table" in start:
        raise UnreadableFile(f"“{name}” is a web page (HTML) rather than a spreadsheet; "
                             f"{SAVE_AGAIN}.")
    if b"urn:schemas-microsoft-com:office:spreadsheet" in start:
        raise UnreadableFile(f"“{name}” is an Excel 2003 XML spreadsheet, which Liaison does not "
                             f"read; {SAVE_AGAIN}.")
    if start.startswith(b"<?xml"):
        raise not_spreadsheet(name, "an XML file")
    encoding = readers_csv.detect_encoding(data)
    sample = readers_csv.decode(data[: 4 * readers_csv.SAMPLE], encoding)
    if readers_csv.looks_binary(sample):
        raise not_spreadsheet(name)
    sample, declared = readers_csv.split_sep_line(sample)
    default = "\t" if path.suffix.lower() in (".tsv", ".tab") else ","
    delimiter = declared or readers_csv.sniff_delimiter(sample, default)
    return SourceFile._text(path, data, encoding, delimiter)


# ---------------------------------------------------------------------------------------------
# Reading

class SourceFile:
    """An open spreadsheet. `read` a sheet as a Table; close it (or use `with`)."""

    path: Path
    format: str  # "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" | "csv" | "tsv"
    sheets: tuple[SheetInfo, ...]
    encoding: str | None
    delimiter: str | None

    def __init__(self, path: Path, format: str, sheets: tuple[SheetInfo, ...], *,
                 encoding: str | None = None, delimiter: str | None = None) -> None:
        self.path = path
        self.format = format
        self.sheets = sheets
        self.encoding = encoding
        self.delimiter = delimiter
        self._book: Any = None
        self._package: zipfile.ZipFile | None = None
        self._parts: dict[str, str] = {}
        self._scans: dict[str, readers_xlsx.SheetScan] = {}
        self._sheet: tuple[str, Any] | None = None  # the last calamine sheet parsed
        self._data: bytes | None = None
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
        except Exception as exc:
            raise damaged(name, kind) from exc
        except BaseException as exc:
            if not is_panic(exc):
                raise
            raise damaged(name, kind) from None
        chart = python_calamine.SheetTypeEnum.ChartSheet
        visible = python_calamine.SheetVisibleEnum.Visible
        sheets = tuple(SheetInfo(meta.name, meta.visible != visible) for meta in metadata
                       if meta.typ != chart)
        if not sheets:
            book.close()
            what = "only charts" if metadata else "no sheets"
            raise UnreadableFile(f"“{name}” contains {what}, so there is nothing to import.")
        source = cls(path, kind, sheets)
        source._book = book
        source._package = package
        if package is not None:
            try:
                source._parts = readers_xlsx.sheet_parts(package)
            except Exception:  # calamine found the sheets; without their XML no extra checks
                source._parts = {}
        return source

    @classmethod
    def _text(cls, path: Path, data: bytes, encoding: str, delimiter: str) -> SourceFile:
        source = cls(path, "tsv" if delimiter == "\t" else "csv",
                     (SheetInfo(path.stem, False),), encoding=encoding, delimiter=delimiter)
        source._data = data
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
        self._data = None
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
        if self._data is not None:
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
        listed = (", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0])
        if len(names) > 12:
            listed = ", ".join(names[:10]) + f" and {len(names) - 10} more"
        raise UnreadableFile(f"“{self.path.name}” has no sheet named “{sheet}”; its sheets are "
                             f"{listed}.")

    def _read_text(self, limit: int | None,
                   check_cancel: Callable[[], None]) -> tuple[list[list[Any]], bool]:
        assert self._data is not None and self.encoding and self.delimiter
        text, _ = readers_csv.split_sep_line(readers_csv.decode(self._data, self.encoding))
        try:
            return readers_csv.read_rows(text, self.delimiter, limit, check_cancel)
        except csv.Error as exc:
            line = getattr(exc, "line", 0)
            reason = ("a field runs on for more than 131,072 characters, which usually means a "
                      "quotation mark is never closed" if "field larger" in str(exc)
                      else "the text is not laid out as a table")
            raise UnreadableFile(f"“{self.path.name}” could not be read at line {line}: "
                                 f"{reason}.") from None

    def _read_sheet(self, name: str, limit: int | None,
                    check_cancel: Callable[[], None]) -> tuple[list[list[Any]], bool]:
        scan = self._scan(name, check_cancel)
        if scan is not None and (scan.last_column > 26 or scan.last_row > EXCEL_ROWS) and (
                scan.last_row * scan.last_column > MAX_CELLS):
            # Calamine would lay out every cell up to there: make sure it is not just formatting.
            self._check_extent(name, *self._content_extent(name, check_cancel))
        sheet = self._calamine_sheet(name)
        end = sheet.end
        height, width = (end[0] + 1, end[1] + 1) if end is not None else (0, 0)
        self._check_extent(name, height, width)
        problems = scan.problems if scan is not None else {}
        if not height and not problems and scan is not None and readers_xlsx.has_values(
                self._opener(name)):
            raise UnreadableFile(f"Liaison could not read the cells of sheet “{name}” in "
                                 f"“{self.path.name}”; {SAVE_AGAIN}.")
        check_cancel()
        rows: list[list[Any]] = []
        if height:
            try:
                rows = sheet.to_python(skip_empty_area=False, nrows=limit)
            except BaseException as exc:
                if not isinstance(exc, Exception) and not is_panic(exc):
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
        except Exception:
            raise damaged(self.path.name, self.format) from None
        self._scans[name] = scan
        return scan

    def _opener(self, name: str) -> Callable[[], IO[bytes]]:
        package, part = self._package, self._parts[name]
        assert package is not None
        return lambda: package.open(part)

    def _content_extent(self, name: str, check_cancel: Callable[[], None]) -> tuple[int, int]:
        try:
            return readers_xlsx.content_extent(self._opener(name), check_cancel)
        except ReadCancelled:
            raise
        except Exception:
            raise damaged(self.path.name, self.format) from None

    def _check_extent(self, name: str, rows: int, columns: int) -> None:
        if rows * columns > MAX_CELLS:
            corner = f"{readers_xlsx.column_letters(columns)}{rows}"
            raise UnreadableFile(
                f"Sheet “{name}” in “{self.path.name}” has cells spread from A1 to {corner}, "
                f"more than the {MAX_CELLS // 1_000_000} million cells Liaison imports from one "
                "sheet; delete the stray cells far below or to the right of your data, save, "
                "and import again.")

    def _calamine_sheet(self, name: str) -> Any:
        if self._sheet is not None and self._sheet[0] == name:
            return self._sheet[1]
        self._sheet = None  # let the previous sheet's cells go before parsing the next
        try:
            sheet = self._book.get_sheet_by_name(name)
        except BaseException as exc:
            if not isinstance(exc, Exception) and not is_panic(exc):
                raise
            raise self._sheet_damaged(name) from None
        self._sheet = (name, sheet)
        return sheet

    def _sheet_damaged(self, name: str) -> UnreadableFile:
        return UnreadableFile(f"Sheet “{name}” in “{self.path.name}” could not be read: the "
                              f"file may be damaged; {SAVE_AGAIN}.")


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
