"""Reading any spreadsheet a user brings: Excel (.xlsx, .xlsm, .xlsb, .xls) and OpenDocument
(.ods) through calamine, text tables (.csv, .tsv) through `readers_csv`, contact cards (.vcf)
as one sheet of people through `vcard`. The format is decided
from the file's content, not its name, so a renamed file is read for what it is.

Every file that cannot be read raises `UnreadableFile`, whose message is one sentence naming the
file and saying what to do — never a traceback or a library's words. Values come back as
calamine gives them (whole numbers from Excel stay floats; dates are `date` or `datetime`), with
empty cells as None and unusable cells (errors, formulas never calculated) as `CellError`, so
the import can point at them by sheet, row and column."""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from db.exchange.reading import readers_csv, readers_xlsx, vcard
from db.exchange.reading.read_types import (
    KIND_NAMES,
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
from db.store.translation import QT_TRANSLATE_NOOP, translate

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
OTHER_FORMATS = {b"%PDF": QT_TRANSLATE_NOOP("Reading", "a PDF document"),
                 b"\x89PNG": QT_TRANSLATE_NOOP("Reading", "a PNG image"),
                 b"\xff\xd8\xff": QT_TRANSLATE_NOOP("Reading", "a JPEG image"),
                 b"GIF8": QT_TRANSLATE_NOOP("Reading", "a GIF image"),
                 b"Rar!": QT_TRANSLATE_NOOP("Reading", "a RAR archive"),
                 b"7z\xbc\xaf": QT_TRANSLATE_NOOP("Reading", "a 7-Zip archive"),
                 b"\x1f\x8b": QT_TRANSLATE_NOOP("Reading", "a gzip archive"),
                 b"{\\rtf": QT_TRANSLATE_NOOP("Reading", "an RTF document")}
# The extensions calamine picks its reader by; any other name is read from memory.
CALAMINE_SUFFIXES = {"xlsx": (".xlsx", ".xlsm"), "xlsm": (".xlsx", ".xlsm"), "xlsb": (".xlsb",),
                     "xls": (".xls",), "ods": (".ods",)}
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods", ".csv", ".tsv")
# ---------------------------------------------------------------------------------------------
# Opening: what is this file?

def open_source(path: str | Path, encoding: str | None = None) -> SourceFile:
    """Open a spreadsheet for reading, deciding its format from its content. `encoding`
    reads a text table in that encoding instead of the one Liaison recognises."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise UnreadableFile(translate(
                "Reading", "“{name}” is a folder, not a spreadsheet file.").format(name=name))
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise UnreadableFile(translate(
            "Reading", "“{name}” was not found; it may have been moved or deleted.").format(
            name=name)) from None
    except PermissionError:
        raise UnreadableFile(translate("Reading", "Liaison is not allowed to read “{name}”.")
                             .format(name=name)) from None
    except OSError as exc:
        raise UnreadableFile(translate("Reading", "“{name}” could not be read ({reason}).").format(
            name=name, reason=exc.strerror or translate("Reading", "the system refused"))
        ) from None
    if size == 0:
        raise UnreadableFile(translate(
            "Reading", "“{name}” is empty (0 bytes), so it holds no spreadsheet.").format(
            name=name))
    if size > MAX_FILE_BYTES:
        raise UnreadableFile(translate(
            "Reading", "“{name}” is {size:,.0f} MB, larger than the {limit} MB Liaison imports; "
                       "split it into smaller files and import them one at a time.").format(
            name=name, size=size / 2**20, limit=MAX_FILE_MB))
    if head.startswith(ZIP_MAGIC):
        return _open_package(path)
    if head.startswith(OLE2_MAGIC):
        return _open_ole2(path)
    for magic, what in OTHER_FORMATS.items():
        if head.startswith(magic):
            raise not_spreadsheet(name, what)
    return _open_text(path, encoding)


def _open_package(path: Path) -> SourceFile:
    name = path.name
    try:
        package = zipfile.ZipFile(path)
        infos = package.infolist()
    except Exception:  # BadZipFile, truncated files, unsupported zip features: all damage
        raise UnreadableFile(translate(
            "Reading", "“{name}” is damaged or incomplete (perhaps a download that did not "
                       "finish), so it cannot be unpacked; ask for a fresh copy.").format(
            name=name)) from None
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
        raise UnreadableFile(translate(
            "Reading", "“{name}” is damaged, so it cannot be unpacked; ask for a fresh copy.")
            .format(name=name)) from None


def _package_kind(package: zipfile.ZipFile, infos: list[zipfile.ZipInfo], name: str) -> str:
    # Sizes as the zip declares them, checked before anything is unpacked (zipfile then stops
    # at the declared size; calamine unpacks with the same limits).
    unpacked = sum(info.file_size for info in infos)
    if unpacked > MAX_UNPACKED_BYTES:
        raise UnreadableFile(translate(
            "Reading", "“{name}” unpacks to {size:,.0f} MB, far more than a spreadsheet Liaison "
                       "can import; it may be damaged or made to exhaust memory.").format(
            name=name, size=unpacked / 2**20))
    if any(info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1)
           for info in infos):
        raise UnreadableFile(translate(
            "Reading", "“{name}” holds a part that unpacks to hundreds of times its size, as "
                       "files made to exhaust memory do, so Liaison does not open it.").format(
            name=name))
    kind = readers_xlsx.package_kind(package, readers_xlsx.member_names(package))
    if kind in KIND_NAMES:
        return kind
    if kind == readers_xlsx.NUMBERS:
        raise UnreadableFile(translate(
            "Reading", "“{name}” is an Apple Numbers document; export it from Numbers as Excel "
                       "(.xlsx) and import that file.").format(name=name))
    if kind:
        raise not_spreadsheet(name, kind)
    inside = [info.filename for info in infos if info.filename.lower().endswith(
        SPREADSHEET_SUFFIXES)]
    if inside and not name.lower().endswith(SPREADSHEET_SUFFIXES):
        raise UnreadableFile(translate(
            "Reading", "“{name}” is a zip archive holding “{inside}”; unpack it and import that "
                       "file.").format(name=name, inside=inside[0]))
    if not infos or all(info.file_size == 0 for info in infos):
        raise UnreadableFile(translate(
            "Reading", "“{name}” is an empty zip archive, not a spreadsheet.").format(name=name))
    raise not_spreadsheet(name, QT_TRANSLATE_NOOP("Reading", "a zip archive"))


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
            raise not_spreadsheet(path.name, QT_TRANSLATE_NOOP("Reading", "a Word document")
                                  ) from None
        if "PowerPoint Document".encode("utf-16-le") in data:
            raise not_spreadsheet(path.name, QT_TRANSLATE_NOOP(
                "Reading", "a PowerPoint presentation")) from None
        raise


def _open_text(path: Path, encoding: str | None = None) -> SourceFile:
    name = path.name
    data = path.read_bytes()
    if encoding is not None:
        try:
            encoding = codecs.lookup(encoding).name
        except LookupError:
            raise UnreadableFile(translate(
                "Reading", "“{encoding}” is not an encoding Liaison knows; try UTF-8, GB18030 "
                           "or Big5.").format(encoding=encoding)) from None
    if vcard.is_vcard(data):  # contact cards: one sheet of people
        cards = vcard.VCardFile(data, encoding)
        source = SourceFile(path, "vcf", (SheetInfo(vcard.SHEET, False),),
                            encoding=cards.encoding)
        source._cards = cards
        return source
    start = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html")) or b"<table" in start:
        raise UnreadableFile(translate(
            "Reading", "“{name}” is a web page (HTML) rather than a spreadsheet; open it in a "
                       "spreadsheet program, save it as .xlsx, and import that copy.").format(
            name=name))
    if b"urn:schemas-microsoft-com:office:spreadsheet" in start:
        raise UnreadableFile(translate(
            "Reading", "“{name}” is an Excel 2003 XML spreadsheet, which Liaison does not read; "
                       "open it in a spreadsheet program, save it as .xlsx, and import that "
                       "copy.").format(name=name))
    if start.startswith(b"<?xml"):
        raise not_spreadsheet(name, QT_TRANSLATE_NOOP("Reading", "an XML file"))
    if encoding is None:
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
    format: str  # "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" | "csv" | "tsv" | "vcf"
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
        assert self._data is not None and self.encoding and self.delimiter
        text, _ = readers_csv.split_sep_line(readers_csv.decode(self._data, self.encoding))
        try:
            return readers_csv.read_rows(text, self.delimiter, limit, check_cancel)
        except csv.Error as exc:
            line = getattr(exc, "line", 0)
            text = (translate("Reading", "“{name}” could not be read at line {line}: a field runs "
                                         "on for more than 131,072 characters, which usually "
                                         "means a quotation mark is never closed.")
                    if "field larger" in str(exc)
                    else translate("Reading", "“{name}” could not be read at line {line}: the "
                                              "text is not laid out as a table."))
            raise UnreadableFile(text.format(name=self.path.name, line=line)) from None

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
            if not isinstance(exc, Exception) and not is_panic(exc):
                raise
            raise self._sheet_damaged(name) from None
        self._sheet = (name, sheet)
        return sheet

    def _sheet_damaged(self, name: str) -> UnreadableFile:
        return UnreadableFile(translate(
            "Reading", "Sheet “{sheet}” in “{name}” could not be read: the file may be damaged; "
                       "open it in a spreadsheet program, save it as .xlsx, and import that "
                       "copy.").format(sheet=name, name=self.path.name))


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
