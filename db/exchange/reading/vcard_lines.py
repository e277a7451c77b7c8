"""The line layer of contact cards (.vcf): a file's bytes → cards, each a list of the properties
the import reads, with the lines that could not be read. `vcard.VCardFile` turns the cards into
rows of people.

The reader works line by line rather than through vobject: real exports break strict parsers.
Android and Outlook write vCard 2.1 quoted-printable values whose soft line breaks continue on
unindented lines; Outlook, Lotus Notes and Apple fold certificates and photos in ways vobject
refuses; and one damaged card must not cost the others. So lines are unfolded (RFC 6350's
space or tab continuation; 2.1's quoted-printable `=` at the line end; unindented base64
lines), group prefixes (`item1.EMAIL`) set aside, values decoded (quoted-printable, base64,
CHARSET= or the file's encoding) and unescaped. PHOTO, LOGO, SOUND, KEY and every property
the import has no field for are skipped however long they are, without being kept in memory."""

from __future__ import annotations

import base64
import binascii
import codecs
import contextlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from db.exchange.reading.read_types import ReadWarning
from db.store.translation import translate

CANCEL_EVERY = 4096
MAX_LINE_WARNINGS = 20
SHOWN_TEXT = 60

# The properties read; everything else is skipped as it is met.
_READ = frozenset({"FN", "N", "NICKNAME", "ORG", "TITLE", "ROLE", "EMAIL", "TEL", "NOTE",
                   "GENDER", "X-GENDER", "KIND", "X-ABSHOWAS", "AGENT", "VERSION", "BEGIN",
                   "END", "X-PHONETIC-FIRST-NAME", "X-PHONETIC-LAST-NAME"})
_PICTURES = frozenset({"PHOTO", "LOGO"})
_WORDS = frozenset({"BEGIN", "END", "VERSION", "AGENT"})  # whose value `cards` looks at
_NAME = re.compile(rb"^(?:[A-Za-z0-9_-]+\.)?([A-Za-z0-9_-]+)$")
_BASE64_LINE = re.compile(rb"^[A-Za-z0-9+/=]+$")
_BREAK = re.compile(rb"\r\n|\r|\n")
# Lines that continue a property: folded (a space or tab, then something not blank) or, after
# ENCODING=B, unindented base64. A skipped property's continuation lines are passed over by a
# search for the first line feed that no continuation follows: a photo's 700,000 lines in C.
# The search starts with a literal (fast); a lone CR as a line break in the run sends it to
# the careful pattern, which knows all three breaks.
_FOLD = rb"[ \t][ \t\x0b\x0c]*[^ \t\x0b\x0c\r\n]"
_BASE64 = rb"[A-Za-z0-9+/=]+(?:\r|\n)"
_LONE_CR = re.compile(rb"\r(?!\n)")
_CONTINUATION = {False: re.compile(_FOLD), True: re.compile(rb"(?:" + _FOLD + rb"|" + _BASE64 + rb")")}
_RUN_END = {binary: (re.compile(rb"\n(?!" + follows + rb")"),
                     re.compile(rb"(?:\r\n|\r(?!\n)|\n)(?!" + follows + rb")"))
            for binary, follows in ((False, _FOLD), (True, _FOLD + rb"|" + _BASE64))}
_BOUNDARY = frozenset({b"BEGIN:VCARD", b"END:VCARD"})
_ESCAPED = re.compile(r"\\([\\,;:\"nN])")  # \" : Apple and Google write it
# CHARSET= names as old phones write them, read by the codec that covers them.
_CHARSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
             "iso-8859-1": "cp1252", "latin1": "cp1252", "big5-hkscs": "big5hkscs"}
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))


def is_vcard(data: bytes) -> bool:
    """A text file whose first non-blank line is BEGIN:VCARD (any case, encoding or BOM)."""
    head = data[:2048]
    for bom, name in _BOMS:
        if head.startswith(bom):
            text = head[len(bom):].decode(name, errors="replace")
            break
    else:
        if head.count(0) > len(head) // 4:  # UTF-16 or UTF-32 without a mark
            even = head[0::2].count(0) < head[1::2].count(0)
            text = head.decode("utf-16-le" if even else "utf-16-be", errors="replace")
            text = text.replace("\x00", "")
        else:
            text = head.decode("latin-1")
    lines = text.lstrip("\ufeff \t\r\n").splitlines()  # LF, CRLF or an old Mac's CR
    return bool(lines) and lines[0].strip().casefold() == "begin:vcard"


@dataclass
class Property:
    line: int
    name: str
    params: dict[str, list[str]]
    raw: bytes

    def param(self, key: str) -> str:
        values = self.params.get(key)
        return values[0].upper() if values else ""


@dataclass
class Card:
    line: int
    version: str = ""
    properties: list[Property] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)  # (line, text read)
    pictures: bool = False
    agent: bool = False  # the last property was an AGENT whose card follows (2.1)


def decode(prop: Property, defaults: tuple[str, ...]) -> str:
    """A property's value as text: quoted-printable or base64 undone, read in its own
    CHARSET= or else in the first of `defaults` that reads it."""
    raw = prop.raw
    encoding = prop.param("ENCODING")
    if encoding in ("QUOTED-PRINTABLE", "QP"):
        raw = binascii.a2b_qp(raw)
    elif encoding in ("B", "BASE64"):
        with contextlib.suppress(binascii.Error, ValueError):
            raw = base64.b64decode(raw + b"=" * (-len(raw) % 4))
    charset = prop.param("CHARSET").lower()
    candidates = [_CHARSETS.get(charset, charset)] if charset else []
    for name in dict.fromkeys([*candidates, *defaults]):
        try:
            text = raw.decode(name)
            break
        except (LookupError, ValueError):  # not that encoding; a name with a NUL is a ValueError
            continue
    else:
        text = raw.decode(defaults[0], errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


class CardReader:
    """Turns the file's lines into cards; what it cannot read goes to `notes` (outside any
    card) or to the card's `problems`, at most MAX_LINE_WARNINGS lines shown in all."""

    def __init__(self, data: bytes, defaults: tuple[str, ...],
                 check_cancel: Callable[[], None]) -> None:
        self.data = data
        self.defaults = defaults  # the encodings a value without CHARSET= is read in
        self.check_cancel = check_cancel
        self.notes: list[ReadWarning] = []
        self.shown = 0
        self.unshown = 0

    def problem(self, card: Card | None, line: int, text: bytes) -> None:
        if self.shown >= MAX_LINE_WARNINGS:
            self.unshown += 1
            return
        self.shown += 1
        shown = text[:8 * SHOWN_TEXT].decode("utf-8", errors="replace").strip().replace(
            "\x00", "\ufffd")  # a photo's line may be 50 MB: not all of it
        if len(shown) > SHOWN_TEXT or len(text) > 8 * SHOWN_TEXT:
            shown = shown[:SHOWN_TEXT] + "…"
        if card is not None:
            card.problems.append((line, shown))
        else:
            self.notes.append(ReadWarning(None, translate(
                "Reading", "Line {line} of the file is outside any contact card and was "
                           "ignored: “{text}”.").format(line=line, text=shown)))

    def dropped(self, card: Card) -> None:
        name = next((unescape(decode(p, self.defaults)).strip()
                     for p in card.properties if p.name == "FN" and p.raw.strip()), "")
        self.notes.append(ReadWarning(None, (translate(
            "Reading", "Line {line}: the contact card of “{name}” that begins here has no "
                       "END:VCARD line, so it was not imported.") if name else translate(
            "Reading", "Line {line}: the contact card that begins here has no END:VCARD line, "
                       "so it was not imported.")).format(line=card.line, name=name)))

    def cards(self) -> Iterator[Card]:
        card: Card | None = None
        nested = 0  # inside a card an AGENT property holds (2.1)
        outside = False  # a line outside any card was reported since the last card
        for number, name, params, line in self._lines():
            if b"\x00" in line:  # a NUL: damage to this line (the file is no UTF-16 by now)
                name = None
            if name is None:  # not a property line
                if card is None and outside:
                    continue
                outside = card is None
                self.problem(card, number, line)
                continue
            # Only the short values are looked at here: a photo's line may be 50 MB long.
            value = _value(line) if name in _WORDS else b""
            word = value.strip().upper()
            if name == "BEGIN" and word == b"VCARD":
                if card is not None and card.agent:
                    nested += 1
                elif nested == 0:
                    if card is not None:
                        self.dropped(card)
                    card, outside = Card(number), False
            elif name == "END" and word == b"VCARD":
                if nested:
                    nested -= 1
                elif card is not None:
                    yield card
                    card = None
                elif not outside:
                    outside = True
                    self.problem(None, number, line)
            elif card is None:
                if not outside:
                    outside = True
                    self.problem(None, number, line)
            elif nested:
                continue
            elif name == "VERSION":
                card.version = value.strip().decode("ascii", errors="replace")
            elif name in _PICTURES:
                card.pictures = True
            elif name in _READ:
                card.properties.append(Property(number, name, params, _value(line)))
                card.agent = name == "AGENT" and not value.strip()
        if card is not None:
            self.dropped(card)

    def _lines(self) -> Iterator[tuple[int, str | None, dict[str, list[str]], bytes]]:
        """(line number, property name or None when the line is not one, parameters, the
        unfolded line — only its first physical line for a property that is not read)."""
        lines = _Lines(self.data)
        version = ""
        checked = 0
        while lines.following is not None:
            if lines.number >= checked:
                self.check_cancel()
                checked = lines.number + CANCEL_EVERY
            first = lines.take()
            number = lines.number
            if not first.strip():
                continue
            if first[:1] in b" \t":  # a continuation left over (after a blank line)
                if _BASE64_LINE.match(first.strip()):
                    continue
                first = first.lstrip()
            name, params = _head(first)
            keep = name is None or name in _READ
            quoted = "QUOTED-PRINTABLE" in params.get("ENCODING", ()) or \
                "QP" in params.get("ENCODING", ())
            binary = bool({"B", "BASE64"} & set(params.get("ENCODING", ())))
            pieces = [first]
            last = first
            if not keep and not quoted:
                lines.skip(binary)
            while lines.following is not None:
                following = lines.following
                if quoted and last.endswith(b"=") and \
                        following.strip().upper() not in _BOUNDARY:
                    if keep:
                        pieces[-1] = pieces[-1][:-1]
                    piece = following
                elif following[:1] in b" \t" and following.strip():
                    piece = following if version == "2.1" else following[1:]
                elif binary and following and _BASE64_LINE.match(following):
                    piece = following
                else:
                    break
                lines.take()
                last = piece
                if keep:
                    pieces.append(piece)
            line = b"".join(pieces) if len(pieces) > 1 else first
            if name is None and len(pieces) > 1:  # the colon came after a fold
                name, params = _head(line)
            if name == "VERSION":
                version = line.partition(b":")[2].strip().decode("ascii", errors="replace")
            elif name == "BEGIN":
                version = ""
            yield number, name, params, line


class _Lines:
    """The file's lines as bytes.splitlines cuts them (at LF, CR and CRLF), one at a time with a
    look at the next: a 50 MB photo folded into 700,000 lines is never listed whole."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._breaks = _BREAK.finditer(data)
        self._start = 0
        self._following_start = 0
        self.number = 0  # lines taken
        self.following: bytes | None = self._next()

    def skip(self, binary: bool) -> None:
        """Takes at once the lines from `following` on that continue a property (folded, or
        base64 when `binary`): up to the first line break that no continuation follows. A run
        that goes on to the end of the file is left to `take`."""
        data, start = self._data, self._following_start
        if self.following is None or not _CONTINUATION[binary].match(data, start):
            return
        line_feed, any_break = _RUN_END[binary]
        found = line_feed.search(data, start)
        if found is None or _LONE_CR.search(data, start, found.end()):
            found = any_break.search(data, start)
            if found is None:
                return
        end = found.end()
        self.number += (data.count(b"\n", start, end) + data.count(b"\r", start, end)
                        - data.count(b"\r\n", start, end))
        self._start = end
        self._breaks = _BREAK.finditer(data, end)
        self.following = self._next()

    def _next(self) -> bytes | None:
        self._following_start = self._start
        found = next(self._breaks, None)
        if found is None:
            line = self._data[self._start:] if self._start < len(self._data) else None
            self._start = len(self._data)
            return line
        line = self._data[self._start:found.start()]
        self._start = found.end()
        return line

    def take(self) -> bytes:
        line = self.following
        assert line is not None
        self.following = self._next()
        self.number += 1
        return line


def _head(line: bytes) -> tuple[str | None, dict[str, list[str]]]:
    """The property name (group set aside, upper case) and parameters of a line; None for a
    line that is not a property."""
    colon = line.find(b":")
    if colon < 0:
        return None, {}
    head = line[:colon]
    if b'"' in head:  # a quoted parameter value may hold a colon or a semicolon
        quoted = False
        for position, byte in enumerate(line):
            if byte == 0x22:
                quoted = not quoted
            elif byte == 0x3A and not quoted:
                head = line[:position]
                break
    items = split(head.decode("latin-1"), ";", escapes=False)
    match = _NAME.match(items[0].strip().encode("latin-1"))
    if match is None:
        return None, {}
    params: dict[str, list[str]] = {}
    for item in items[1:]:
        key, equals, values = item.partition("=")
        if not equals:  # vCard 2.1: TEL;CELL;PREF, PHOTO;BASE64
            key, values = ("ENCODING" if key.strip().upper() in (
                "QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT") else "TYPE"), key
        params.setdefault(key.strip().upper(), []).extend(
            value.strip().strip('"').upper() if key.strip().upper() == "ENCODING"
            else value.strip().strip('"') for value in values.split(","))
    return match.group(1).decode("ascii").upper(), params


def _value(line: bytes) -> bytes:
    """The value of an unfolded property line (after the first colon outside quotes)."""
    head = line.partition(b":")[0]
    if b'"' in head:
        quoted = False
        for position, byte in enumerate(line):
            if byte == 0x22:
                quoted = not quoted
            elif byte == 0x3A and not quoted:
                return line[position + 1:]
    return line[len(head) + 1:]


def split(text: str, separator: str, *, escapes: bool = True) -> list[str]:
    """Split at the separators a backslash does not escape (or a double quote encloses, in
    parameters), keeping the escapes for `_unescape`."""
    parts: list[str] = []
    current: list[str] = []
    quoted = False
    index = 0
    while index < len(text):
        char = text[index]
        if escapes and char == "\\" and index + 1 < len(text):
            current.append(text[index:index + 2])
            index += 2
            continue
        if not escapes and char == '"':
            quoted = not quoted
        if char == separator and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
        index += 1
    parts.append("".join(current))
    return parts


def unescape(text: str) -> str:
    return _ESCAPED.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)

