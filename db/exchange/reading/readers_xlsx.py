"""What calamine does not tell about an .xlsx/.xlsm sheet, found by one streaming pass over its
XML before calamine parses it:

- cells holding an error (#DIV/0!, #N/A…): python-calamine returns them as empty strings;
- formulas without a saved value (files written by scripts and never opened in a spreadsheet
  program): calamine leaves them out altogether;
- how far the cells reach: calamine makes a dense grid from A1 to the farthest cell with a
  value, so one stray value at XFD1048576 would ask for seventeen billion cells. The pass finds
  the last row and the farthest column cheaply; when they are alarming, `content_extent` looks
  at the cells holding something (a far cell with formatting only is nothing to calamine) and
  the reader refuses a sheet that is really spread out before calamine sees it.

The pass is a few `bytes` searches per megabyte (C speed); a regular expression runs only on
the parts of the XML that hold a formula or an error, and the per-cell Python work is only for
the cells found. Cells without an `r` attribute (allowed, rarely written) send the sheet through
a slower ElementTree pass instead.

Also here: what a zip package is (xlsx, xlsm, xlsb, ods, or a Word document…), where each
sheet's XML is in it (relationships written with backslashes, odd letter case, absolute or
relative targets by various producers), and turning UTF-16 XML parts into UTF-8, which calamine
does not read."""

from __future__ import annotations

import io
import posixpath
import re
import xml.etree.ElementTree as ET  # types only; parsing goes through defusedxml
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from db.exchange.reading import xml_guards
from db.exchange.workbook import column_letter
from db.store.translation import QT_TRANSLATE_NOOP, translate

CHUNK = 1 << 18  # small enough that the searches over a chunk run in cache
LONG_ROW = 1 << 20  # a row still growing past this has its cells checked as it grows
METADATA_LIMIT = 32 << 20
# What is wrong with a cell, as the import reports it (translated when a cell is found).
NO_SAVED_VALUE = QT_TRANSLATE_NOOP("Reading", "The cell holds a formula with no saved value; "
                                              "open the file in a spreadsheet program, save it, "
                                              "and import again.")
SOME_ERROR = QT_TRANSLATE_NOOP("Reading", "The cell holds an error.")

_ROOT_TAG = re.compile(rb"<([\w.-]+:)?(worksheet|dialogsheet|macrosheet|chartsheet)\b")
_QUOTE = re.compile(rb"""xmlns(?::[\w.-]+)?\s*=\s*(["'])""")
_REF = re.compile(rb"""\sr\s*=\s*["']([A-Za-z]+)(\d+)["']""")  # "AAAA1" too
_TYPE = re.compile(rb"""\st\s*=\s*["'](\w+)["']""")
_ROW_NUMBER = re.compile(rb"""\sr\s*=\s*["'](\d+)["']""")
# A value or a piece of text with something in it, in any namespace prefix.
VALUE_TEXT = re.compile(rb"<(?:[\w.-]+:)?(?:v|t)(?:\s[^>]*)?>[^<]")


class ScanFailed(ValueError):
    """The sheet XML is not well-formed where the pass had to parse it."""


def error_message(code: str) -> str:
    if code:
        return translate("Reading", "The cell holds the error {code}.").format(code=code)
    return translate("Reading", SOME_ERROR)


def column_number(letters: str) -> int:
    number = 0
    for char in letters.upper():
        number = number * 26 + ord(char) - 64
    return number


column_letters = column_letter


@dataclass
class SheetScan:
    last_row: int = 0          # 1-based number of the last row (element or cell reference)
    last_column: int = 26      # the farthest column found; 26 (Z) when no cell lies beyond Z
    loose_width: int = 0       # columns cells without a reference may reach past last_column
    problems: dict[tuple[int, int], str] = field(default_factory=dict)  # 0-based (row, col)


# ---------------------------------------------------------------------------------------------
# The package: where each sheet's XML is.

def member_names(book: zipfile.ZipFile) -> dict[str, str]:
    """Normalized name (forward slashes, lower case, no leading slash) → name in the zip."""
    return {info.filename.replace("\\", "/").lstrip("/").lower(): info.filename
            for info in book.infolist()}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _small_xml(book: zipfile.ZipFile, member: str) -> ET.Element:
    """A package's bookkeeping part (relationships, content types, the workbook), parsed; one
    of hundreds of megabytes is not bookkeeping but a trap."""
    if book.getinfo(member).file_size > METADATA_LIMIT:
        raise ValueError(f"{member} is too large")
    root: ET.Element = SafeET.fromstring(book.read(member))
    return root


def _relationships(book: zipfile.ZipFile, names: dict[str, str],
                   part: str) -> list[tuple[str, str, str]]:
    """(id, type, target part) of each internal relationship of `part` ("" for the package)."""
    folder, base = posixpath.split(part)
    rels = names.get(posixpath.join(folder, "_rels", base + ".rels").lower())
    if rels is None:
        return []
    found = []
    for element in _small_xml(book, rels).iter():
        if _local(element.tag) == "Relationship" and element.get("TargetMode") != "External":
            target = (element.get("Target") or "").replace("\\", "/")
            resolved = (target.lstrip("/") if target.startswith("/")
                        else posixpath.join(folder, target))
            found.append((element.get("Id") or "", element.get("Type") or "",
                          posixpath.normpath(resolved).lower()))
    return found


def main_part(book: zipfile.ZipFile, names: dict[str, str]) -> str | None:
    """The package's main part (the workbook), normalized as in `member_names`."""
    relationships = _relationships(book, names, "")
    for _, kind, target in relationships:
        if kind.endswith("/officeDocument"):
            return target
    return next((target for _, _, target in relationships
                 if posixpath.basename(target) in ("workbook.xml", "workbook.bin")), None)


def main_content_type(book: zipfile.ZipFile, names: dict[str, str]) -> str:
    """The content type [Content_Types].xml gives the main part, in lower case ("" if none)."""
    member = names.get("[content_types].xml")
    if member is None:
        return ""
    overrides, defaults = {}, {}
    for element in _small_xml(book, member).iter():
        content_type = (element.get("ContentType") or "").lower()
        if _local(element.tag) == "Override":
            part = (element.get("PartName") or "").replace("\\", "/").lstrip("/").lower()
            overrides[part] = content_type
        elif _local(element.tag) == "Default":
            defaults[(element.get("Extension") or "").lower()] = content_type
    main = main_part(book, names)
    if main is not None:
        return overrides.get(main) or defaults.get(posixpath.splitext(main)[1][1:], "")
    return next((value for value in overrides.values() if ".main" in value), "")


OOXML_TYPES = (  # the main part's content type → format, or what the package is instead
    ("ms-excel.sheet.binary.macroenabled.main", "xlsb"),
    ("ms-excel.sheet.macroenabled.main", "xlsm"),
    ("ms-excel.template.macroenabled.main", "xlsm"),
    ("ms-excel.addin.macroenabled.main", "xlsm"),
    ("spreadsheetml.sheet.main", "xlsx"),
    ("spreadsheetml.template.main", "xlsx"),
    ("wordprocessingml.", QT_TRANSLATE_NOOP("Reading", "a Word document")),
    ("presentationml.", QT_TRANSLATE_NOOP("Reading", "a PowerPoint presentation")),
)
NUMBERS = "an Apple Numbers document"  # a code: readers.py says what to do with one


def package_kind(book: zipfile.ZipFile, names: dict[str, str]) -> str:
    """"xlsx", "xlsm", "xlsb" or "ods"; otherwise what the package is instead ("a Word
    document"…, in English, marked for the catalog), or "" when nothing says."""
    if "mimetype" in names:
        mimetype = book.read(names["mimetype"])[:100].decode("ascii", "replace")
        if "opendocument.spreadsheet" in mimetype:
            return "ods"
        if "opendocument" in mimetype:
            return QT_TRANSLATE_NOOP("Reading", "an OpenDocument file of another kind")
    if "[content_types].xml" in names:
        content_type = main_content_type(book, names)
        for known, kind in OOXML_TYPES:
            if known in content_type:
                return kind
    if "content.xml" in names:
        return "ods"
    if "index/document.iwa" in names:
        return NUMBERS
    if any(member.endswith("workbook.bin") for member in names):
        return "xlsb"
    if any(member.endswith("workbook.xml") for member in names):
        return "xlsx"
    return ""


def sheet_parts(book: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → zip member holding its XML (sheets whose part cannot be found are left out)."""
    names = member_names(book)
    workbook = main_part(book, names) or "xl/workbook.xml"
    if workbook not in names:
        return {}
    targets = {rid: target for rid, _, target in _relationships(book, names, workbook)}
    parts = {}
    for element in _small_xml(book, names[workbook]).iter():
        if _local(element.tag) != "sheet":
            continue
        rid = next((value for key, value in element.attrib.items() if _local(key) == "id"), "")
        target = targets.get(rid)
        if element.get("name") is not None and target in names:
            parts[element.get("name") or ""] = names[target]
    return parts


def utf16_parts(book: zipfile.ZipFile) -> bool:
    for info in book.infolist():
        if info.filename.endswith((".xml", ".rels")) and info.file_size >= 2:
            with book.open(info) as handle:
                if handle.read(2) in (b"\xff\xfe", b"\xfe\xff"):
                    return True
    return False


def as_utf8_package(book: zipfile.ZipFile) -> bytes:
    """The same package with every UTF-16 XML part re-encoded as UTF-8."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in book.infolist():
            data = book.read(info)
            if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
                text = data.decode("utf-16")
                text = re.sub(r"""^(<\?xml[^>]*encoding=)["']utf-16["']""", r'\1"UTF-8"', text,
                              count=1, flags=re.IGNORECASE)
                data = text.encode("utf-8")
            copy.writestr(info.filename, data)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# The pass over one sheet.

_ANY = b"[A-Za-z]"


def _after(letter: str) -> bytes:
    """A character class for the letters after `letter`, in either case."""
    following = chr(ord(letter) + 1)
    return b"[%s-Z%s-z]" % (following.encode(), following.lower().encode())


class _Needles:
    """The byte strings and patterns of one sheet's dialect: its namespace prefix and quote."""

    def __init__(self, prefix: bytes, quote: bytes) -> None:
        p = re.escape(prefix)
        self.quote = quote
        self.row_start = b"<" + prefix + b"row"
        self.row_end = b"</" + prefix + b"row>"
        self.cell_start = b"<" + prefix + b"c"
        self.cell_end = b"</" + prefix + b"c>"
        self.formula = b"<" + prefix + b"f"
        self.value_start = b"<" + prefix + b"v"
        self.error = b"t=" + quote + b"e" + quote
        # A formula that is the cell's last child, or followed by an empty <v>: no saved value.
        self.no_value = re.compile(
            b"<" + p + rb"f\b[^>]*?(?:/>|>[^<]*</" + p + rb"f>)\s*(?:<" + p + rb"v\s*/>\s*|<"
            + p + rb"v>\s*</" + p + rb"v>\s*)?</" + p + rb"c>")
        self.value = re.compile(b"<" + p + rb"v>([^<]*)</" + p + rb"v>")
        self.prefix = p

    def content_cell(self) -> re.Pattern[bytes]:
        p = self.prefix
        return re.compile(b"<" + p + rb"c\b[^>]*?" + _REF.pattern + rb"[^>]*(?<!/)>\s*<" + p
                          + rb"(?:f|v|is)\b")

    def beyond(self, column: int) -> re.Pattern[bytes]:
        """Cell references whose column lies past `column` (columns sort by length, then by
        letters). The literal start lets the regular expression engine skip ahead fast."""
        letters = column_letters(column).upper()
        choices = [_ANY + b"{%d,}" % (len(letters) + 1)]  # "AAAA1" too: calamine reads it
        for index, letter in enumerate(letters):
            if letter != "Z":
                same = b"".join(b"[%s%s]" % (c.encode(), c.lower().encode())
                                for c in letters[:index])
                choices.append(same + _after(letter) + _ANY * (len(letters) - index - 1))
        alternatives = b"|".join(choices) or b"(?!)"
        # r="…" ends only cell references in practice (any attribute named "r" or "…r" with a
        # value of two letters and a digit would merely make the check look closer).
        return re.compile(b"r=" + re.escape(self.quote) + b"(" + alternatives + rb")\d")


def _segments(stream: IO[bytes]) -> Iterator[tuple[_Needles, bytes]]:
    """The sheet XML in pieces that end between rows, with the sheet's dialect. Each row
    boundary is looked for in what was just read (a long row costs no second look), and each
    piece's cells are checked for text longer than a cell holds (`xml_guards`), a row still
    growing every megabyte, so a 100 MB cell is refused after its first megabyte."""
    head = stream.read(CHUNK)
    root = _ROOT_TAG.search(head)
    quote = _QUOTE.search(head, root.end()) if root else None
    if root is None or quote is None:
        return  # not a worksheet this pass understands: calamine alone decides
    needles = _Needles(root.group(1) or b"", quote.group(1))
    next_row = needles.row_start + b" "
    buffer = bytearray(head)  # grows in place: a row longer than a chunk costs no copies
    searched = checked = 0  # no row boundary before `searched`; cells before `checked` are fine
    while True:
        chunk = stream.read(CHUNK)
        buffer += chunk
        if chunk:
            # After the last row that ends, or before the last row that starts (rows written
            # as <row …/> have no end tag).
            low = max(0, searched - len(next_row))
            ended = buffer.rfind(needles.row_end, low)
            cut = max(ended + len(needles.row_end) if ended >= 0 else -1,
                      buffer.rfind(next_row, low))
            searched = len(buffer)
            if cut <= 0:  # no row boundary yet: read on
                if len(buffer) - checked > LONG_ROW:
                    checked = xml_guards.check_cells(buffer, needles.cell_start, checked)
                continue
        else:
            cut = len(buffer)
        xml_guards.check_cells(buffer, needles.cell_start, min(checked, cut), cut)
        yield needles, bytes(memoryview(buffer)[:cut])
        del buffer[:cut]
        searched, checked = len(buffer), max(0, checked - cut)
        if not chunk:
            return


def scan_sheet(open_part: Callable[[], IO[bytes]], check_cancel: Callable[[], None]) -> SheetScan:
    scan = SheetScan()
    complete = True
    wide: re.Pattern[bytes] | None = None
    with open_part() as stream:
        for needles, segment in _segments(stream):
            complete = _scan_segment(segment, needles, scan) and complete
            wide = wide or needles.beyond(scan.last_column)
            match = wide.search(segment)
            while match:
                scan.last_column = max(scan.last_column, column_number(match.group(1).decode()))
                wide = needles.beyond(scan.last_column)
                match = wide.search(segment, match.end())
            tall = xml_guards.rows_beyond(scan.last_row, needles.quote)
            match = tall.search(segment)
            while match:  # a cell whose reference lies below its row element
                scan.last_row = int(match.group(1))
                tall = xml_guards.rows_beyond(scan.last_row, needles.quote)
                match = tall.search(segment, match.end())
            scan.loose_width = max(scan.loose_width, xml_guards.loose_width(
                segment, needles.cell_start, needles.row_start))
            check_cancel()
    if not complete:
        with open_part() as stream:
            scan.problems = _parse_problems(stream, check_cancel)
    return scan


def content_extent(open_part: Callable[[], IO[bytes]], check_cancel: Callable[[], None],
                   loose: bool = False) -> tuple[int, int]:
    """The last row and column holding a value or formula (cells with a style only, which
    calamine leaves out, do not count). Slower than `scan_sheet`: used when its bounds are
    alarming, to tell a sheet truly spread out from one formatted far away. A sheet with
    cells without a reference (`loose`) is parsed, to place them as calamine does."""
    if loose:
        with open_part() as stream:
            return xml_guards.parsed_extent(stream, check_cancel)
    rows = columns = 0
    pattern: re.Pattern[bytes] | None = None
    with open_part() as stream:
        for needles, segment in _segments(stream):
            pattern = pattern or needles.content_cell()
            for match in pattern.finditer(segment):
                rows = max(rows, int(match.group(2)))
                columns = max(columns, column_number(match.group(1).decode()))
            check_cancel()
    return rows, columns


def has_values(open_part: Callable[[], IO[bytes]]) -> bool:
    """Whether any cell of the sheet holds a value or text (for a sheet calamine found empty)."""
    with open_part() as stream:
        tail = b""
        while chunk := stream.read(CHUNK):
            if VALUE_TEXT.search(tail + chunk):
                return True
            tail = chunk[-64:]
    return False


def _scan_segment(segment: bytes, needles: _Needles, scan: SheetScan) -> bool:
    """Update `scan` from whole rows of XML; False when a problem cell has no reference."""
    _find_last_row(segment, needles, scan)
    complete = True
    if needles.formula in segment:
        for match in needles.no_value.finditer(segment):
            cell = _cell_tag(segment, segment.rfind(b"<", 0, match.start()), needles)
            if cell is None:
                continue
            kind = _TYPE.search(cell)
            if kind and kind.group(1) == b"str" and needles.value_start in match.group():
                continue  # the saved value is an empty string
            complete = _record(scan, cell, translate("Reading", NO_SAVED_VALUE),
                               replace=True) and complete
    position = segment.find(needles.error)
    while position >= 0:
        start = segment.rfind(b"<", 0, position)
        cell = _cell_tag(segment, start, needles)
        if cell is not None:
            end = start + len(cell)
            close = segment.find(needles.cell_end, end)
            value = (needles.value.search(segment, end, close)
                     if close >= 0 and not cell.endswith(b"/>") else None)
            code = value.group(1).decode("utf-8", "replace").strip() if value else ""
            complete = _record(scan, cell, error_message(code), replace=bool(code)) and complete
        position = segment.find(needles.error, position + 1)
    return complete


def _find_last_row(segment: bytes, needles: _Needles, scan: SheetScan) -> None:
    size = len(needles.row_start)
    last = segment.rfind(needles.row_start)
    while last >= 0 and segment[last + size:last + size + 1] not in (b" ", b">", b"/", b"\t",
                                                                      b"\n", b"\r"):
        last = segment.rfind(needles.row_start, 0, last)  # <rowBreaks> and the like
    if last < 0:
        return
    number = _ROW_NUMBER.search(segment[last:segment.find(b">", last) + 1])
    if number:
        scan.last_row = max(scan.last_row, int(number.group(1)))
    else:  # rows numbered by their position: count them
        scan.last_row += (segment.count(needles.row_start + b">")
                          + segment.count(needles.row_start + b" "))


def _cell_tag(segment: bytes, start: int, needles: _Needles) -> bytes | None:
    """The start tag of the cell element beginning at `start`, if it is one."""
    if start < 0 or not segment.startswith(needles.cell_start, start):
        return None
    after = segment[start + len(needles.cell_start):start + len(needles.cell_start) + 1]
    if not (after.isspace() or after in (b">", b"/")):
        return None
    return segment[start:segment.find(b">", start) + 1]


def _record(scan: SheetScan, cell: bytes, message: str, *, replace: bool) -> bool:
    reference = _REF.search(cell)
    if reference is None:
        return False
    key = (int(reference.group(2)) - 1, column_number(reference.group(1).decode()) - 1)
    if replace or key not in scan.problems:
        scan.problems[key] = message
    return True


def _parse_problems(stream: IO[bytes], check_cancel: Callable[[], None]) -> dict[
        tuple[int, int], str]:
    """The slow way, for sheets whose problem cells carry no reference: parse the XML and
    count rows and cells as a spreadsheet program does."""
    problems: dict[tuple[int, int], str] = {}
    row = column = 0
    try:
        for event, element in SafeET.iterparse(stream, events=("start", "end")):
            name = _local(element.tag)
            if event == "start":
                if name == "row":
                    number = element.get("r") or ""
                    row, column = (int(number) if number.isdigit() else row + 1), 0
                elif name == "c":
                    reference = re.fullmatch(r"([A-Za-z]{1,3})(\d+)", element.get("r") or "")
                    column = column_number(reference.group(1)) if reference else column + 1
                continue
            if name == "c":
                message = _problem_of(element)
                if message:
                    problems[(row - 1, column - 1)] = message
                element.clear()
            elif name == "row":
                element.clear()
                if row % 4096 == 0:
                    check_cancel()
    except (ET.ParseError, DefusedXmlException) as exc:
        raise ScanFailed(str(exc)) from exc
    return problems


def _problem_of(cell: ET.Element) -> str | None:
    children = {_local(child.tag): child for child in cell}
    value = children.get("v")
    text = (value.text or "").strip() if value is not None else ""
    kind = cell.get("t")
    if kind == "e" and text:
        return error_message(text)
    if "f" in children and not text and not (kind == "str" and value is not None):
        return translate("Reading", NO_SAVED_VALUE)
    if kind == "e":
        return translate("Reading", SOME_ERROR)
    return None
