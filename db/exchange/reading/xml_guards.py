"""What a hostile workbook's XML is refused for before (or instead of) calamine's own words.

Cells longer than any spreadsheet program writes. Excel keeps at most 32,767 characters in a
cell; a file holding a cell of 100 MB is damaged or made to exhaust memory, and calamine would
build that text (and Python a copy of it) before anyone could look at it. Excel's limit is the
line drawn: the text is refused, not cut short. The check runs where the XML already streams
by: over each sheet in `readers_xlsx`'s pass (`check_cells`, for inline strings and values),
and over the shared strings before calamine opens the workbook (`check_shared_strings`). It is a
few `bytes.rfind` calls per 32 KB (C speed): an item — a cell, a shared string — is only
measured when the next one does not start within 32,767 bytes of it, which in real files is a
handful of long notes at most.

Where cells really lie, for the check of how far a sheet reaches before calamine lays it out
densely (`readers_xlsx.scan_sheet`): a cell's reference, not its row element, gives its row
(`rows_beyond`: "AZ279010" inside <row r="138"> made calamine ask for 146 GB and abort the
program); a cell without a reference lies after the cell before it (`loose_width`,
`parsed_extent`), which no search of references sees.

Entities declared in a DTD (`declares_entities`): no spreadsheet program writes them, and they
are how XML bombs ("billion laughs") and external-entity tricks work. calamine and defusedxml
refuse to expand them; this only finds them when the reading has failed, to say why."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET  # types only; parsing goes through defusedxml
import zipfile
from collections.abc import Callable
from typing import IO

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

LONG_TEXT = 32_767           # Excel's limit for the text of one cell
MAX_ITEM_BYTES = 8 << 20     # the markup of one cell or shared string: 32,767 runs of rich text
CHUNK = 1 << 18

_SST_ROOT = re.compile(rb"<([\w.-]+:)?sst\b")
_TEXT = re.compile(rb"<(?:[\w.-]+:)?(?:t|v)(?:\s[^>]*)?>([^<]*)")
_ENTITY = re.compile(rb"&[^;&<]{1,12};")
_REF = re.compile(rb"""\sr\s*=\s*["']([A-Za-z]{1,3}\d+)["']""")
_AFTER_NAME = (b" ", b"\t", b"\r", b"\n", b">", b"/")
_CELL = re.compile(r"([A-Za-z]+)(\d+)")
# Enough bytes of one text run to hold more than LONG_TEXT characters, however written
# ("&#1114111;" is ten bytes for one character).
_PIECE = 10 * LONG_TEXT + 16


class LongCell(Exception):
    """An item whose text passes LONG_TEXT characters (`text`), or whose markup passes
    MAX_ITEM_BYTES; `reference` is the cell's ("B7"), "" for a shared string."""

    def __init__(self, reference: str, *, text: bool) -> None:
        super().__init__(reference)
        self.reference = reference
        self.text = text


def rows_beyond(row: int, quote: bytes) -> re.Pattern[bytes]:
    """Cell references whose row lies past `row` (numbers sort by their count of digits, then
    by digits); the closing quote makes the number whole."""
    digits = str(row).encode()
    choices = [rb"[1-9]\d{%d,}" % len(digits)]
    for index, digit in enumerate(digits):
        if digit != ord("9"):
            choices.append(digits[:index] + b"[%c-9]" % (digit + 1)
                           + rb"\d" * (len(digits) - index - 1))
    q = re.escape(quote)
    return re.compile(b"r=" + q + rb"[A-Za-z]+(" + b"|".join(choices) + b")" + q)


def loose_width(segment: bytes, cell_start: bytes, row_start: bytes) -> int:
    """How many columns the cells without a reference in `segment` (whole rows) may reach
    past the referenced ones: calamine puts such a cell after the one before it, so at most a
    column for each four bytes of the longest row ("<c/>"). 0 when every cell has its `r`."""
    loose = re.compile(re.escape(cell_start) + rb"(?=[\s>/])(?![^>]*\sr\s*=)")
    if loose.search(segment) is None:
        return 0
    return max(map(len, segment.split(row_start))) // 4


def parsed_extent(stream: IO[bytes], check_cancel: Callable[[], None]) -> tuple[int, int]:
    """The last row and column holding a value or formula, placing cells as calamine does: by
    their reference, or after the cell (and row) before. The slow way, by parsing: only for a
    sheet with cells without a reference that could reach far."""
    rows = columns = row = column = cell_row = 0
    try:
        for event, element in SafeET.iterparse(stream, events=("start", "end")):
            name = element.tag.rsplit("}", 1)[-1]
            if event == "start":
                if name == "row":
                    number = element.get("r") or ""
                    row, column = (int(number) if number.isdigit() else row + 1), 0
                elif name == "c":
                    found = _CELL.fullmatch(element.get("r") or "")
                    column = _column(found.group(1)) if found else column + 1
                    cell_row = int(found.group(2)) if found else row
                continue
            if name == "c":
                if any(child.tag.rsplit("}", 1)[-1] in ("v", "is", "f") for child in element):
                    rows, columns = max(rows, cell_row), max(columns, column)
                element.clear()
            elif name == "row":
                element.clear()
                if row % 4096 == 0:
                    check_cancel()
    except (ET.ParseError, DefusedXmlException) as exc:
        raise ValueError(str(exc)) from exc  # damage, as the callers take it
    return rows, columns


def _column(letters: str) -> int:
    number = 0
    for char in letters.upper():
        number = number * 26 + ord(char) - 64
    return number


def declares_entities(package: zipfile.ZipFile) -> bool:
    """Whether an XML part of the package declares entities before its root element."""
    for info in package.infolist():
        if info.filename.lower().endswith((".xml", ".rels")) and info.file_size:
            with package.open(info) as stream:
                if b"<!ENTITY" in stream.read(CHUNK):
                    return True
    return False


def check_cells(data: bytes | bytearray, marker: bytes, begin: int = 0,
                end: int | None = None) -> int:
    """Raise LongCell for a cell of data[:end] (sheet XML; `marker` is "<c" with the sheet's
    namespace prefix) that is too long. `begin` is where checking resumes (a cell start, or 0);
    the start of the last cell is returned, for checking the rest of a row still growing."""
    return _check(data, marker, begin, len(data) if end is None else end, cells=True)


def check_shared_strings(open_part: Callable[[], IO[bytes]]) -> None:
    """Raise LongCell for a shared string that is too long, reading the part as it streams."""
    with open_part() as stream:
        head = stream.read(CHUNK)
        root = _SST_ROOT.search(head)
        if root is None:
            return  # not shared strings this check understands: calamine decides
        marker = b"<" + (root.group(1) or b"") + b"si"
        buffer = bytearray(head)
        start = 0
        while True:
            start = _check(buffer, marker, start, len(buffer), cells=False)
            chunk = stream.read(CHUNK)
            if not chunk:
                return
            del buffer[:start]  # keep the last item, which may go on in the next chunk
            start = 0
            buffer += chunk


def _check(data: bytes | bytearray, marker: bytes, begin: int, end: int, *,
           cells: bool) -> int:
    position = begin
    while position + LONG_TEXT < end:
        following = _last_start(data, marker, position + 1, position + LONG_TEXT)
        if following < 0:  # the item at `position` runs on past LONG_TEXT bytes: measure it
            following = _next_start(data, marker, position + LONG_TEXT, end)
            item_end = end if following < 0 else following
            if item_end - position > MAX_ITEM_BYTES or _text_longer(data, position, item_end):
                raise LongCell(_reference(data, position) if cells else "",
                               text=item_end - position <= MAX_ITEM_BYTES)
            if following < 0:
                break
        position = following
    return position


def _is_start(data: bytes | bytearray, position: int, marker: bytes) -> bool:
    after = position + len(marker)
    return bytes(data[after:after + 1]) in _AFTER_NAME


def _last_start(data: bytes | bytearray, marker: bytes, low: int, high: int) -> int:
    """The last item start in data[low:high + 1], or -1."""
    position = data.rfind(marker, low, high + len(marker))
    while position >= 0 and not _is_start(data, position, marker):
        position = data.rfind(marker, low, position)
    return position


def _next_start(data: bytes | bytearray, marker: bytes, low: int, end: int) -> int:
    position = data.find(marker, low, end)
    while position >= 0 and not _is_start(data, position, marker):
        position = data.find(marker, position + 1, end)
    return position


def _text_longer(data: bytes | bytearray, start: int, end: int) -> bool:
    """Whether the text runs (<t>, <v>) in data[start:end] hold more than LONG_TEXT
    characters, counting a character reference or an entity as the one character it is."""
    total = 0
    for match in _TEXT.finditer(data, start, end):
        low, high = match.span(1)
        piece = bytes(data[low:min(high, low + _PIECE)])
        total += len(_ENTITY.sub(b"&", piece).decode("utf-8", errors="replace"))
        if total > LONG_TEXT:
            return True
    return False


def _reference(data: bytes | bytearray, start: int) -> str:
    tag_end = data.find(b">", start)
    found = _REF.search(data, start, tag_end if tag_end >= 0 else start + 200)
    return found.group(1).decode("ascii").upper() if found else ""
