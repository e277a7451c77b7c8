"""Text tables (.csv, .tsv, .txt): which encoding the bytes are in, which character separates
the fields, and the rows. Used by `db.exchange.reading.readers`; every value read is a str or None.

Encoding, in order: a byte-order mark (UTF-8, UTF-16, UTF-32); UTF-16 without a mark (NUL in
every other byte — checked before UTF-8, which accepts NUL bytes); strict UTF-8, or UTF-8 with
a few damaged bytes among many good characters (the damaged cells are then pointed at); then a
legacy encoding a colleague's Excel writes with "Save as CSV". A general-purpose detector alone
misjudges short files — a one-line "Ñuñoa" or "Fianna Fáil" came out as Chinese — so
`_legacy_encoding` first decides between double-byte Chinese and a single-byte alphabet from how the
non-ASCII bytes sit among the ASCII ones, and charset-normalizer then chooses within that
family: GB18030 or Big5 (traditional characters: Taiwan, Hong Kong), or cp1252 or the code page
of another alphabet (Cyrillic, Greek, Hebrew, Arabic). The import wizard shows the choice and
lets the user change it."""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections import Counter
from collections.abc import Callable, Iterable
from itertools import chain
from typing import Any

DELIMITERS = (",", ";", "\t", "|")
SAMPLE = 64 * 1024
CHUNK = 1 << 20
CANCEL_EVERY = 4096

_BOMS = (  # the UTF-32 LE mark begins with the UTF-16 LE one: longest first
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# A run of bytes >= 0x80. In GBK/GB18030 text each Chinese character is two such bytes and
# Chinese words stand apart from ASCII words; in cp1252 text a run is an accented letter or a
# typographic sign, nearly always one byte, or letters inside an ASCII word ("Größe").
_HIGH_RUN = re.compile(rb"[\x80-\xff]+")
_ASCII_LETTERS = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
# Control characters that a text table does not hold (tab, LF, VT, FF and CR it may).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_UNDEFINED_CP1252 = re.compile(r"[\udc80-\udcff]")
_SEP_LINE = re.compile(r"sep=(.)\r?\n")


def decode(data: bytes, encoding: str) -> str:
    """The text; a stray undecodable byte becomes U+FFFD rather than failing the file."""
    if encoding == "cp1252":
        # cp1252 leaves five bytes undefined; Windows passes them through as C1 controls.
        text = data.decode("cp1252", errors="surrogateescape")
        if _UNDEFINED_CP1252.search(text):
            text = _UNDEFINED_CP1252.sub(lambda m: chr(ord(m.group()) - 0xDC00), text)
        return text
    return data.decode(encoding, errors="replace")


def looks_binary(sample: str) -> bool:
    return "\x00" in sample or len(_CONTROL.findall(sample)) > max(2, len(sample) // 100)


def detect_encoding(data: bytes, rest: Iterable[bytes] = ()) -> str:
    """The encoding of `data`, the file's bytes, or its start when `rest` yields the bytes
    after it (a large file checked as it is read, never held whole)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    utf16 = _utf16_without_bom(data[:SAMPLE])
    if utf16:
        return utf16
    if _is_utf8(data, rest):
        return "utf-8"
    return _legacy_encoding(data[: 4 * SAMPLE])


def _is_utf8(data: bytes, rest: Iterable[bytes]) -> bool:
    """Strict UTF-8, checked a megabyte at a time (no str of the whole file); also a file cut
    inside its last character after UTF-8 characters decoded fine before it (one lone "é" byte
    at the very end is cp1252, not a cut), and UTF-8 with a few damaged bytes among many
    characters that decode (a cp1252 or GB18030 file has few of those): its damaged cells are
    pointed at when it is read."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(data)
    pieces: Iterable[bytes | memoryview] = chain(
        (view[start:start + CHUNK] for start in range(0, len(data), CHUNK)), rest)
    wide = False  # characters beyond ASCII decoded so far
    for piece in chain(pieces, (b"",)):
        try:
            wide = not decoder.decode(piece, not piece).isascii() or wide
        except UnicodeDecodeError as exc:
            if exc.reason == "unexpected end of data" and not piece:
                return wide
            middle = bytes(piece[max(0, exc.start - SAMPLE):exc.start + SAMPLE])
            return _mostly_utf8(data[: 4 * SAMPLE] + b"\n" + middle)
    return True


def _mostly_utf8(sample: bytes) -> bool:
    """At least four characters beyond ASCII that decode as UTF-8 for each byte that does not."""
    text = sample.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - sample.count(b"\xef\xbf\xbd")
    wide = len(text) - len(text.encode("ascii", errors="ignore")) - bad
    return bad > 0 and wide >= 4 * bad + 4


def _utf16_without_bom(sample: bytes) -> str | None:
    zeros = sample.count(0)
    if len(sample) < 4 or not zeros or zeros < len(sample) // 10:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    # A character below U+0100 has its NUL in the high byte: odd offsets in little-endian.
    if even <= zeros // 20:
        return "utf-16-le"
    if odd <= zeros // 20:
        return "utf-16-be"
    return None


# The legacy encodings a colleague's "Save as CSV" writes: Chinese Windows (simplified: GBK,
# of which GB18030 is the superset; traditional: Big5) and the Windows code pages of the
# alphabets partner parties write in.
CHINESE_ENCODINGS = ("gb18030", "big5")
SINGLE_BYTE_ENCODINGS = ("cp1252", "cp1251", "cp1253", "cp1255", "cp1256")


def _legacy_encoding(sample: bytes) -> str:
    """Double-byte Chinese or a single-byte alphabet, from how the non-ASCII bytes sit among
    the ASCII ones; then charset-normalizer picks among that family's encodings. A short
    Latin text fits several code pages equally well: Western (cp1252) wins a tie."""
    from charset_normalizer import from_bytes

    chinese = _looks_double_byte(sample)
    results = list(from_bytes(sample, cp_isolation=[*CHINESE_ENCODINGS, *SINGLE_BYTE_ENCODINGS]))
    if not results:
        return "gb18030" if chinese else "cp1252"
    least = min(match.chaos for match in results)
    tied = [match.encoding for match in results if match.chaos <= least]
    preferred = (*CHINESE_ENCODINGS, "cp1252") if chinese else ("cp1252", *CHINESE_ENCODINGS)
    for encoding in preferred:
        if encoding in tied:
            return encoding
    return tied[0]


def _looks_double_byte(sample: bytes) -> bool:
    try:
        sample.decode("gb18030")
    except UnicodeDecodeError as exc:
        if exc.start < len(sample) - 4:  # not only a character cut at the sample's end
            try:
                sample.decode("big5")
            except UnicodeDecodeError as again:
                if again.start < len(sample) - 4:
                    return False
    chinese = western = 0
    for run in _HIGH_RUN.finditer(sample):
        start, end = run.span()
        inside_word = (start > 0 and sample[start - 1] in _ASCII_LETTERS
                       and end < len(sample) and sample[end] in _ASCII_LETTERS)
        if (end - start) % 2 or inside_word:
            western += 1
        else:
            chinese += 1
    return chinese > western


def split_sep_line(text: str) -> tuple[str, str | None]:
    """Excel's "sep=;" first line names the delimiter and is not part of the table."""
    match = _SEP_LINE.match(text)
    if match and match.group(1) in DELIMITERS:
        return text[match.end():], match.group(1)
    return text, None


def sniff_delimiter(text: str, default: str) -> str:
    """The candidate that splits the first lines into the most consistent number (> 1) of
    fields, then the most fields. csv.Sniffer guesses from character frequencies and fails on
    one-column files and on quoted fields holding other candidates; parsing is sturdier."""
    sample = text[:SAMPLE]
    cut = len(sample) < len(text)
    best: tuple[float, int, int] | None = None
    chosen = default
    for rank, delimiter in enumerate(sorted(DELIMITERS, key=lambda d: d != default)):
        counts = [len(row) for row in csv.reader(io.StringIO(sample, newline=""),
                                                  delimiter=delimiter) if row]
        if cut and len(counts) > 1:
            counts.pop()  # the sample may end inside the last row
        if not counts:
            continue
        width, agreeing = Counter(counts).most_common(1)[0]
        if width < 2:
            continue
        score = (agreeing / len(counts), width, -rank)
        if best is None or score > best:
            best, chosen = score, delimiter
    return chosen


def read_rows(lines: Iterable[str], delimiter: str, limit: int | None,
              check_cancel: Callable[[], None]) -> tuple[list[list[Any]], bool]:
    """The rows of `lines` (each with its line break, as `text_stream.TextLines` gives them),
    empty fields as None, and whether `limit` cut off rows holding something. A csv.Error
    raised here carries the line reached in its `line` attribute."""
    reader = csv.reader(lines, delimiter=delimiter)
    rows: list[list[Any]] = []
    try:
        for number, row in enumerate(reader, start=1):
            if limit is not None and number > limit:
                return rows, any(row) or any(any(more) for more in reader)
            if number % CANCEL_EVERY == 0:
                check_cancel()
            rows.append([field or None for field in row] if "" in row else row)
    except csv.Error as exc:
        exc.line = reader.line_num  # type: ignore[attr-defined]
        raise
    return rows, False
