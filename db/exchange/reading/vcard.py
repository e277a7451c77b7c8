"""Contact cards (.vcf, vCard 2.1, 3.0 and 4.0, as phones and mail programs export them) read
as one sheet of people — a header row the import's mapping recognises and a row per card — so
the wizard, the plan, the review and undo treat them like any list of people.

The file is read line by line into cards by `vcard_lines` (unfolding, decoding, unescaping,
skipping what the import has no field for); this module maps each card to a row.

What a card gives: FN (or N) as the name, with alternatives (ALTID, a second FN, an iPhone's
phonetic name) as the Chinese name, English name or aliases (see `_names`); NICKNAME as aliases; the first
ORG component as the organization; TITLE, ROLE; every EMAIL and TEL, one per line of their
cell as the import splits lists; NOTE; GENDER. A line that cannot be read, a card without
END:VCARD and a card for an organization or a group become warnings naming the line."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from typing import Any

from db.exchange.reading import readers_csv
from db.exchange.reading.read_types import ReadWarning, Table, UnreadableFile
from db.exchange.reading.vcard_lines import Card, CardReader, Property, decode, split, unescape
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
_GENDERS = {"M": "male", "F": "female", "O": "other", "N": None, "U": None}


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
        reader = CardReader(self._data, self._defaults, check_cancel)
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

    def _row(self, card: Card, warnings: list[ReadWarning]) -> dict[str, Any] | None:
        """The card's cells by field; None (with a warning) for a card that is not a person."""
        text: dict[str, list[str]] = {}
        parts: dict[str, list[list[str]]] = {}
        for prop in card.properties:
            if prop.name in ("N", "ORG", "GENDER"):
                parts.setdefault(prop.name, []).append(
                    [unescape(p).strip() for p in split(self._decode(prop), ";")])
            elif prop.name == "NICKNAME":
                text.setdefault("NICKNAME", []).extend(
                    unescape(p).strip() for p in split(self._decode(prop), ","))
            elif prop.name == "TEL":
                text.setdefault("TEL", []).append(_phone(unescape(self._decode(prop))))
            else:
                text.setdefault(prop.name, []).append(unescape(self._decode(prop)).strip())
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

    def _decode(self, prop: Property) -> str:
        return decode(prop, self._defaults)


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
