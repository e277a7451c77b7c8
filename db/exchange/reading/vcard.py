"""Contact cards (.vcf, vCard 2.1, 3.0 and 4.0, as phones and mail programs export them) read
as one sheet of people — a header row the import's mapping recognises and a row per card — so
the wizard, the plan, the review and undo treat them like any list of people.

The reader works line by line rather than through vobject: real exports break strict parsers.
Android and Outlook write vCard 2.1 quoted-printable values whose soft line breaks continue on
unindented lines; Outlook, Lotus Notes and Apple fold certificates and photos in ways vobject
refuses; and one damaged card must not cost the others. So lines are unfolded (RFC 6350's
space or tab continuation; 2.1's quoted-printable `=` at the line end; unindented base64
lines), group prefixes (`item1.EMAIL`) set aside, values decoded (quoted-printable, base64,
CHARSET= or the file's encoding) and unescaped. PHOTO, LOGO, SOUND, KEY and every property
the import has no field for are skipped however long they are, without being kept in memory.

What a card gives: FN (or N) as the name, with alternatives (ALTID, a second FN, an iPhone's
phonetic name) as the Chinese name, English name or aliases (see `_names`); NICKNAME as aliases; the first
ORG component as the organization; TITLE, ROLE; every EMAIL and TEL, one per line of their
cell as the import splits lists; NOTE; GENDER. A line that cannot be read, a card without
END:VCARD and a card for an organization or a group become warnings naming the line."""

from __future__ import annotations

import base64
import binascii
import codecs
import contextlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from db.exchange.reading import readers_csv
from db.exchange.reading.read_types import ReadWarning, Table, UnreadableFile
from db.models.folding import has_han, has_latin
from db.store.translation import translate

SHEET = "Contacts"
# The columns of the sheet, as mapping.SYNONYMS knows them for people. Like the Liaison
# workbook's column names they are fixed, not translated: a saved mapping profile and the
# header synonyms must find them whatever the interface language.
COLUMNS = (("name", "Name"), ("name_en", "English name"), ("name_zh", "Chinese name"),
           ("aliases", "Aliases"), ("title", "Job title"), ("gender", "Gender"),
           ("organization", "Organization"), ("role", "Role"), ("emails", "Emails"),
           ("phones", "Phones"), ("notes", "Notes"))
# Joins the items of a list cell (e-mails, phones, aliases): the import splits on new lines.
LIST_JOIN = "\n"
CANCEL_EVERY = 4096
MAX_LINE_WARNINGS = 20
SHOWN_TEXT = 60

# The properties read; everything else is skipped as it is met.
_READ = frozenset({"FN", "N", "NICKNAME", "ORG", "TITLE", "ROLE", "EMAIL", "TEL", "NOTE",
                   "GENDER", "X-GENDER", "KIND", "X-ABSHOWAS", "AGENT", "VERSION", "BEGIN",
                   "END", "X-PHONETIC-FIRST-NAME", "X-PHONETIC-LAST-NAME"})
_PICTURES = frozenset({"PHOTO", "LOGO"})
_NAME = re.compile(rb"^(?:[A-Za-z0-9_-]+\.)?([A-Za-z0-9_-]+)$")
_BASE64_LINE = re.compile(rb"^[A-Za-z0-9+/=]+$")
_BOUNDARY = frozenset({b"BEGIN:VCARD", b"END:VCARD"})
_ESCAPED = re.compile(r"\\([\\,;:\"nN])")  # \" : Apple and Google write it
_GENDERS = {"M": "male", "F": "female", "O": "other", "N": None, "U": None}
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
    first = text.lstrip("\ufeff \t\r\n").split("\n", 1)[0]
    return first.strip().casefold() == "begin:vcard"


@dataclass
class _Property:
    line: int
    name: str
    params: dict[str, list[str]]
    raw: bytes

    def param(self, key: str) -> str:
        values = self.params.get(key)
        return values[0].upper() if values else ""


@dataclass
class _Card:
    line: int
    version: str = ""
    properties: list[_Property] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)  # (line, text read)
    pictures: bool = False
    agent: bool = False  # the last property was an AGENT whose card follows (2.1)


class VCardFile:
    """The cards of one file. `encoding` is the file's: the one the user chose or the one
    recognised; a value with its own CHARSET= is read in that."""

    def __init__(self, data: bytes, encoding: str | None = None) -> None:
        found = encoding or readers_csv.detect_encoding(data)
        self.encoding = "utf-8" if found == "utf-8-sig" else found
        if self.encoding.startswith(("utf-16", "utf-32")):
            data = readers_csv.decode(data, self.encoding).encode("utf-8")
            self._defaults: tuple[str, ...] = ("utf-8",)
        elif encoding is not None:
            self._defaults = (encoding, "utf-8")
        else:  # UTF-8 first: a value in a legacy code page is rarely valid UTF-8
            self._defaults = ("utf-8", self.encoding)
        self._data = data.removeprefix(codecs.BOM_UTF8)

    def read(self, file_name: str, limit: int | None = None,
             check_cancel: Callable[[], None] = lambda: None) -> Table:
        """The sheet: a header row and a row per card (at most `limit` rows in all)."""
        reader = _Reader(self, check_cancel)
        rows: list[dict[str, Any]] = []
        warnings: list[ReadWarning] = []
        pictures = 0
        truncated = False
        for card in reader.cards():
            values = self._row(card, warnings)
            if values is None:
                continue
            if limit is not None and len(rows) + 1 >= limit:
                truncated = True
                break
            rows.append(values)
            pictures += card.pictures
            warnings.extend(ReadWarning(len(rows) + 1, _unreadable(line, text))
                            for line, text in card.problems)
        warnings = reader.notes + warnings
        if reader.unshown:
            warnings.append(ReadWarning(None, (translate(
                "Reading", "1 more line of the file could not be read and was ignored.")
                if reader.unshown == 1 else translate(
                "Reading", "{count:,} more lines of the file could not be read and were "
                           "ignored.")).format(count=reader.unshown)))
        if pictures:
            warnings.append(ReadWarning(None, (translate(
                "Reading", "The photo on 1 card was left out: Liaison does not keep pictures of "
                           "people.") if pictures == 1 else translate(
                "Reading", "The photos on {count:,} cards were left out: Liaison does not keep "
                           "pictures of people.")).format(count=pictures)))
        if not rows and not truncated:
            reason = next((w.message for w in warnings), None)
            raise UnreadableFile((translate(
                "Reading", "“{name}” holds no contact card Liaison can import: {reason}")
                if reason else translate(
                "Reading", "“{name}” holds no contact cards, so there is nothing to import."))
                .format(name=file_name, reason=reason))
        return Table(SHEET, _table(rows), truncated, tuple(warnings))

    # -- one card -------------------------------------------------------------------------

    def _row(self, card: _Card, warnings: list[ReadWarning]) -> dict[str, Any] | None:
        """The card's cells by field; None (with a warning) for a card that is not a person."""
        text: dict[str, list[str]] = {}
        parts: dict[str, list[list[str]]] = {}
        for prop in card.properties:
            if prop.name in ("N", "ORG", "GENDER"):
                parts.setdefault(prop.name, []).append(
                    [_unescape(p).strip() for p in _split(self._decode(prop), ";")])
            elif prop.name == "NICKNAME":
                text.setdefault("NICKNAME", []).extend(
                    _unescape(p).strip() for p in _split(self._decode(prop), ","))
            elif prop.name == "TEL":
                text.setdefault("TEL", []).append(_phone(_unescape(self._decode(prop))))
            else:
                text.setdefault(prop.name, []).append(_unescape(self._decode(prop)).strip())
        first = {name: next((v for v in values if v), None) for name, values in text.items()}
        forms = [v for v in text.get("FN", []) if v]
        if not forms:
            forms = [full for n in parts.get("N", []) if (full := _name_from_n(n))]
        organization = next((p[0] for p in parts.get("ORG", []) if p and p[0]), None)
        kind = (first.get("KIND") or "").casefold()
        if (first.get("X-ABSHOWAS") or "").upper() == "COMPANY" and not parts.get("N", [[""]])[0][0]:
            kind = "org"
        if kind not in ("", "individual"):
            shown = forms[0] if forms else organization or ""
            warnings.append(ReadWarning(None, (translate(
                "Reading", "Line {line}: “{name}” is the card of an organization, not a person, "
                           "so it was not imported.") if kind in ("org", "organization")
                else translate(
                "Reading", "Line {line}: “{name}” is marked as “{kind}”, not a person, so it was "
                           "not imported.")).format(line=card.line, name=shown, kind=kind)))
            return None
        phonetic = " ".join(p for p in (first.get("X-PHONETIC-LAST-NAME"),
                                         first.get("X-PHONETIC-FIRST-NAME")) if p)
        name, name_en, name_zh, others = _names(forms, phonetic)
        gender: str | None = next((p[0] for p in parts.get("GENDER", []) if p and p[0]),
                                  first.get("X-GENDER"))
        if gender and gender.upper() in _GENDERS:
            gender = _GENDERS[gender.upper()]
        return {"name": name, "name_en": name_en, "name_zh": name_zh,
                "aliases": _joined([*others, *text.get("NICKNAME", [])]),
                "title": first.get("TITLE"), "gender": gender, "organization": organization,
                "role": first.get("ROLE"), "emails": _joined(text.get("EMAIL", [])),
                "phones": _joined(text.get("TEL", [])),
                "notes": "\n".join(v for v in text.get("NOTE", []) if v) or None}

    def _decode(self, prop: _Property) -> str:
        raw = prop.raw
        encoding = prop.param("ENCODING")
        if encoding in ("QUOTED-PRINTABLE", "QP"):
            raw = binascii.a2b_qp(raw)
        elif encoding in ("B", "BASE64"):
            with contextlib.suppress(binascii.Error, ValueError):
                raw = base64.b64decode(raw + b"=" * (-len(raw) % 4))
        charset = prop.param("CHARSET").lower()
        candidates = [_CHARSETS.get(charset, charset)] if charset else []
        for name in dict.fromkeys([*candidates, *self._defaults]):
            try:
                text = raw.decode(name)
                break
            except (UnicodeDecodeError, LookupError):
                continue
        else:
            text = raw.decode(self._defaults[0], errors="replace")
        return text.replace("\r\n", "\n").replace("\r", "\n")


class _Reader:
    """Turns the file's lines into cards; what it cannot read goes to `notes` (outside any
    card) or to the card's `problems`, at most MAX_LINE_WARNINGS lines shown in all."""

    def __init__(self, source: VCardFile, check_cancel: Callable[[], None]) -> None:
        self.source = source
        self.data = source._data
        self.check_cancel = check_cancel
        self.notes: list[ReadWarning] = []
        self.shown = 0
        self.unshown = 0

    def problem(self, card: _Card | None, line: int, text: bytes) -> None:
        if self.shown >= MAX_LINE_WARNINGS:
            self.unshown += 1
            return
        self.shown += 1
        shown = text.decode("utf-8", errors="replace").strip()
        if len(shown) > SHOWN_TEXT:
            shown = shown[:SHOWN_TEXT] + "…"
        if card is not None:
            card.problems.append((line, shown))
        else:
            self.notes.append(ReadWarning(None, translate(
                "Reading", "Line {line} of the file is outside any contact card and was "
                           "ignored: “{text}”.").format(line=line, text=shown)))

    def dropped(self, card: _Card) -> None:
        name = next((_unescape(self.source._decode(p)).strip()
                     for p in card.properties if p.name == "FN" and p.raw.strip()), "")
        self.notes.append(ReadWarning(None, (translate(
            "Reading", "Line {line}: the contact card of “{name}” that begins here has no "
                       "END:VCARD line, so it was not imported.") if name else translate(
            "Reading", "Line {line}: the contact card that begins here has no END:VCARD line, "
                       "so it was not imported.")).format(line=card.line, name=name)))

    def cards(self) -> Iterator[_Card]:
        card: _Card | None = None
        nested = 0  # inside a card an AGENT property holds (2.1)
        outside = False  # a line outside any card was reported since the last card
        for number, name, params, line in self._lines():
            if name is None:  # not a property line
                if card is None and outside:
                    continue
                outside = card is None
                self.problem(card, number, line)
                continue
            _head, _sep, value = line.partition(b":")
            word = value.strip().upper()
            if name == "BEGIN" and word == b"VCARD":
                if card is not None and card.agent:
                    nested += 1
                elif nested == 0:
                    if card is not None:
                        self.dropped(card)
                    card, outside = _Card(number), False
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
                card.properties.append(_Property(number, name, params, _value(line)))
                card.agent = name == "AGENT" and not value.strip()
        if card is not None:
            self.dropped(card)

    def _lines(self) -> Iterator[tuple[int, str | None, dict[str, list[str]], bytes]]:
        """(line number, property name or None when the line is not one, parameters, the
        unfolded line — only its first physical line for a property that is not read)."""
        lines = self.data.splitlines()
        index, count = 0, len(lines)
        version = ""
        checked = 0
        while index < count:
            if index >= checked:
                self.check_cancel()
                checked = index + CANCEL_EVERY
            first = lines[index]
            number = index + 1
            index += 1
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
            while index < count:
                following = lines[index]
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
                index += 1
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
    items = _split(head.decode("latin-1"), ";", escapes=False)
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


def _split(text: str, separator: str, *, escapes: bool = True) -> list[str]:
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


def _unescape(text: str) -> str:
    return _ESCAPED.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


def _phone(value: str) -> str:
    """A TEL value as a number: a tel: URI (vCard 4.0) loses its scheme and parameters but
    keeps an extension; a semicolon would split the list cell."""
    text = value.strip()
    if text.casefold().startswith("tel:"):
        number, _sep, rest = text[4:].partition(";")
        extension = next((p[4:] for p in rest.split(";") if p.casefold().startswith("ext=")),
                         None)
        text = f"{number} ext. {extension}" if extension else number
    return text.replace(";", " ").strip()


def _name_from_n(parts: list[str]) -> str:
    """A name from N (family; given; additional; prefix; suffix): Chinese family name first
    and without a space, other names given name first; honorifics stay out."""
    family, given, additional = [*parts, "", "", ""][:3]
    if has_han(family + given) and not has_latin(family + given):
        return family + given
    return " ".join(p for p in (given, additional, family) if p)


def _names(forms: list[str], phonetic: str) -> tuple[str | None, str | None, str | None,
                                                     list[str]]:
    """(name, English name, Chinese name, other names) from a card's names in the order
    written, as foreign.py's rule for a Chinese name column has it: a Chinese-script form is
    the Chinese name, and the name only when the card has no form in another script (an
    ALTID "Nguyen Van Minh" beside 阮文明 is the name). A name in another script than Latin
    gets the first Latin form — or the phonetic reading a phone keeps for a Chinese name — as
    its English name; the rest are aliases. The Chinese name is left empty when it is the
    card's one name, so the import's own rule decides."""
    unique = list({form.casefold(): form for form in reversed(forms)}.values())[::-1]
    if not unique:
        return None, None, None, []
    chinese = next((f for f in unique if has_han(f) and not has_latin(f)), None)
    name = next((f for f in unique if f != chinese), unique[0])
    english = None
    if not has_latin(name) or has_han(name):
        english = next((f for f in unique if f != name and has_latin(f) and not has_han(f)),
                       None)
        if english is None and name == chinese and has_latin(phonetic):
            english = phonetic
    if name == chinese and english is None and len(unique) == 1:
        chinese = None
    others = [f for f in unique if f not in (name, english, chinese)]
    return name, english, chinese, others


def _joined(items: list[str]) -> str | None:
    return LIST_JOIN.join(dict.fromkeys(i for i in items if i)) or None


def _table(rows: list[dict[str, Any]]) -> list[list[Any]]:
    """The header and the rows. The Chinese name column is there only when a card has a
    Chinese name beside another (its presence tells the import the names are sorted out);
    a card with one Chinese name then fills it too, as the import's rule would."""
    chinese = any(row["name_zh"] for row in rows)
    if chinese:
        for row in rows:
            name = row["name"]
            if not row["name_zh"] and name and has_han(name) and not has_latin(name):
                row["name_zh"] = name
    columns = [(key, header) for key, header in COLUMNS if key != "name_zh" or chinese]
    return [[header for _key, header in columns],
            *([row[key] for key, _header in columns] for row in rows)]


def _unreadable(line: int, text: str) -> str:
    return translate("Reading", "Line {line} of the file is not a vCard line and was ignored: "
                                "“{text}”.").format(line=line, text=text)
