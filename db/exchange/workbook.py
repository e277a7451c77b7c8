"""The Liaison workbook format: sheet names, the columns of each sheet (the field names of
DESIGN.md), which columns carry dates, dropdown lists or ids, and how text is stored so that it
round-trips exactly and no spreadsheet program evaluates it.

Shared by the writer now and the reader (import) later; no openpyxl here."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

FORMAT_NAME = "Liaison workbook"
FORMAT_VERSION = 1

README_SHEET = "README"
LISTS_SHEET = "_lists"
REV_COLUMN = "_rev"

# Excel refuses more characters than this in one cell.
MAX_CELL_CHARS = 32_767

# Names of the dropdown lists kept on the hidden _lists sheet.
COUNTRY_LIST = "country"
ORGANIZATION_KIND_LIST = "organization_kind"
STATUS_LIST = "status"
LEVEL_LIST = "level"
INTERACTION_KIND_LIST = "interaction_kind"
GENDER_LIST = "gender"
FOLLOWUP_STATUS_LIST = "followup_status"
VISIT_DIRECTION_LIST = "visit_direction"
VISIT_STATUS_LIST = "visit_status"
SIDE_LIST = "side"
MEMBER_ROLE_LIST = "member_role"
PROGRAMME_KIND_LIST = "programme_kind"
GIFT_DIRECTION_LIST = "gift_direction"
MECHANISM_LIST = "mechanism"
REPLY_LIST = "reply"
ATTENDANCE_LIST = "attendance"
YES_NO_LIST = "yes_no"


@dataclass(frozen=True)
class SheetSpec:
    """One data sheet: its columns in order (`_rev` is appended by the writer), the columns
    holding dates, ids the user must not edit, and the dropdown list behind some columns."""

    name: str
    columns: tuple[str, ...]
    dates: frozenset[str] = frozenset()
    id_columns: frozenset[str] = frozenset()
    lists: dict[str, str] = field(default_factory=dict)
    widths: dict[str, int] = field(default_factory=dict)

    @property
    def headers(self) -> tuple[str, ...]:
        return (*self.columns, REV_COLUMN)


_NAME_WIDTHS = {"name": 36, "name_en": 30, "name_zh": 20, "aliases": 24}
_LONG = 50

ORGANIZATIONS = SheetSpec(
    name="organizations",
    columns=("id", "name", "name_en", "name_zh", "aliases", "abbreviation", "kind", "country",
             "status", "ideology", "founded", "website", "email", "phone", "level", "notes",
             "tags"),
    id_columns=frozenset({"id"}),
    lists={"kind": ORGANIZATION_KIND_LIST, "country": COUNTRY_LIST, "status": STATUS_LIST,
           "level": LEVEL_LIST},
    widths={**_NAME_WIDTHS, "abbreviation": 14, "kind": 18, "country": 9, "status": 16,
            "ideology": 24, "founded": 11, "website": 28, "email": 26, "phone": 18, "level": 12,
            "notes": _LONG, "tags": 20},
)

# An organization's relationship level over time: each change, the day it took effect and why
# (the organization's own `level` is the one in effect today). After the organizations, which
# it names by id with the name beside it.
LEVELS = SheetSpec(
    name="levels",
    columns=("id", "organization_id", "organization", "level", "effective", "reason"),
    dates=frozenset({"effective"}),
    id_columns=frozenset({"id", "organization_id"}),
    lists={"level": LEVEL_LIST},
    widths={"organization": 36, "level": 12, "effective": 12, "reason": _LONG},
)

PEOPLE = SheetSpec(
    name="people",
    columns=("id", "name", "name_en", "name_zh", "aliases", "title", "gender", "nationality",
             "emails", "phones", "languages", "notes", "tags", "birth_year"),
    id_columns=frozenset({"id"}),
    lists={"gender": GENDER_LIST, "nationality": COUNTRY_LIST},
    widths={**_NAME_WIDTHS, "title": 28, "gender": 9, "nationality": 11, "emails": 28,
            "phones": 20, "languages": 12, "notes": _LONG, "tags": 20, "birth_year": 11},
)

POSITIONS = SheetSpec(
    name="positions",
    columns=("id", "person_id", "person", "organization_id", "organization", "role", "start",
             "end", "leader"),
    dates=frozenset({"start", "end"}),
    id_columns=frozenset({"id", "person_id", "organization_id"}),
    lists={"leader": YES_NO_LIST},
    widths={"person": 30, "organization": 36, "role": 28, "start": 12, "end": 12,
            "leader": 9},
)

INTERACTIONS = SheetSpec(
    name="interactions",
    columns=("id", "kind", "title", "start", "end", "city", "country", "platform", "topics",
             "participants", "participant_ids", "summary", "outcomes", "notes", "tags"),
    dates=frozenset({"start", "end"}),
    id_columns=frozenset({"id", "participant_ids"}),
    lists={"kind": INTERACTION_KIND_LIST, "country": COUNTRY_LIST},
    widths={"kind": 18, "title": 40, "start": 12, "end": 12, "city": 16, "country": 9,
            "platform": 24, "topics": 24, "participants": 40, "participant_ids": 30,
            "summary": _LONG, "outcomes": _LONG, "notes": _LONG, "tags": 20},
)

FOLLOWUPS = SheetSpec(
    name="followups",
    columns=("id", "description", "due", "status", "owner", "organization_id", "organization",
             "interaction_id", "interaction"),
    dates=frozenset({"due"}),
    id_columns=frozenset({"id", "organization_id", "interaction_id"}),
    lists={"status": FOLLOWUP_STATUS_LIST},
    widths={"description": _LONG, "due": 12, "status": 12, "owner": 20, "organization": 36,
            "interaction": 40},
)

# A visit and what belongs to it. The sheets after `visits` name their visit by id, with its
# title beside it (as `followups` name their organization), so that a row may also point at a
# visit added to the visits sheet of the same file by its title.
VISITS = SheetSpec(
    name="visits",
    columns=("id", "title", "direction", "status", "start", "end", "country", "host_id", "host",
             "guest_id", "guest", "purpose", "outcomes", "notes"),
    dates=frozenset({"start", "end"}),
    id_columns=frozenset({"id", "host_id", "guest_id"}),
    lists={"direction": VISIT_DIRECTION_LIST, "status": VISIT_STATUS_LIST,
           "country": COUNTRY_LIST},
    widths={"title": 40, "direction": 11, "status": 11, "start": 12, "end": 12, "country": 9,
            "host": 36, "guest": 36, "purpose": _LONG, "outcomes": _LONG, "notes": _LONG},
)

MEMBERS = SheetSpec(
    name="members",
    columns=("id", "visit_id", "visit", "person_id", "person", "organization_id",
             "organization", "side", "role", "title"),
    id_columns=frozenset({"id", "visit_id", "person_id", "organization_id"}),
    lists={"side": SIDE_LIST, "role": MEMBER_ROLE_LIST},
    widths={"visit": 40, "person": 30, "organization": 36, "side": 9, "role": 12,
            "title": 28},
)

PROGRAMME = SheetSpec(
    name="programme",
    columns=("id", "visit_id", "visit", "day", "starts", "ends", "kind", "title", "city",
             "place", "interaction_id", "interaction", "notes", "position"),
    dates=frozenset({"day"}),
    id_columns=frozenset({"id", "visit_id", "interaction_id"}),
    lists={"kind": PROGRAMME_KIND_LIST},
    widths={"visit": 40, "day": 12, "starts": 8, "ends": 8, "kind": 12, "title": 40,
            "city": 16, "place": 24, "interaction": 40, "notes": _LONG, "position": 9},
)

GIFTS = SheetSpec(
    name="gifts",
    columns=("id", "visit_id", "visit", "direction", "description", "person_id", "person",
             "organization_id", "organization", "notes"),
    id_columns=frozenset({"id", "visit_id", "person_id", "organization_id"}),
    lists={"direction": GIFT_DIRECTION_LIST},
    widths={"visit": 40, "direction": 11, "description": 40, "person": 30,
            "organization": 36, "notes": _LONG},
)

VISIT_SHEETS: tuple[SheetSpec, ...] = (VISITS, MEMBERS, PROGRAMME, GIFTS)

# A multilateral event and what belongs to it, after the visits and in the same manner: the
# sheets after `events` name their event (or invitation) by id with a readable name beside it.
# Lists of records (co_organizers, speakers) are readable names separated by ";", as the
# interactions' topics are.
EVENTS = SheetSpec(
    name="events",
    columns=("id", "name", "series", "edition", "mechanism", "start", "end", "city", "country",
             "online", "organizer_id", "organizer", "co_organizers", "theme", "notes"),
    dates=frozenset({"start", "end"}),
    id_columns=frozenset({"id", "organizer_id"}),
    lists={"mechanism": MECHANISM_LIST, "country": COUNTRY_LIST, "online": YES_NO_LIST},
    widths={"name": 44, "series": 30, "edition": 8, "mechanism": 18, "start": 12, "end": 12,
            "city": 16, "country": 9, "online": 8, "organizer": 36, "co_organizers": 40,
            "theme": _LONG, "notes": _LONG},
)

SESSIONS = SheetSpec(
    name="sessions",
    columns=("id", "event_id", "event", "day", "starts", "ends", "title", "place", "speakers",
             "notes", "position"),
    dates=frozenset({"day"}),
    id_columns=frozenset({"id", "event_id"}),
    widths={"event": 40, "day": 12, "starts": 8, "ends": 8, "title": 40, "place": 24,
            "speakers": 40, "notes": _LONG, "position": 9},
)

INVITATIONS = SheetSpec(
    name="invitations",
    columns=("id", "event_id", "event", "organization_id", "organization", "person_id",
             "person", "invited_by", "invited_on", "reply", "replied_on", "attendance",
             "delegation_size", "notes"),
    dates=frozenset({"invited_on", "replied_on"}),
    id_columns=frozenset({"id", "event_id", "organization_id", "person_id"}),
    lists={"reply": REPLY_LIST, "attendance": ATTENDANCE_LIST},
    widths={"event": 40, "organization": 36, "person": 30, "invited_by": 20,
            "invited_on": 12, "reply": 15, "replied_on": 12, "attendance": 12,
            "delegation_size": 9, "notes": _LONG},
)

DELEGATES = SheetSpec(
    name="delegates",
    columns=("id", "invitation_id", "invitation", "person_id", "person", "role", "title"),
    id_columns=frozenset({"id", "invitation_id", "person_id"}),
    lists={"role": MEMBER_ROLE_LIST},
    widths={"invitation": 50, "person": 30, "role": 12, "title": 28},
)

EVENT_SHEETS: tuple[SheetSpec, ...] = (EVENTS, SESSIONS, INVITATIONS, DELEGATES)
# In the order an import reads them: what later sheets point at comes first.
SHEETS: tuple[SheetSpec, ...] = (ORGANIZATIONS, LEVELS, PEOPLE, POSITIONS, INTERACTIONS, FOLLOWUPS,
                                 *VISIT_SHEETS, *EVENT_SHEETS)
SHEET_NAMES = {spec.name: spec for spec in SHEETS}

ID_WIDTH = 38
DEFAULT_WIDTH = 16

# ---------------------------------------------------------------------------------------------
# Text that round-trips.
#
# A spreadsheet program treats typed text beginning with one of these as a formula (or runs it on
# re-entry): such cells are written as explicit text with the "quote prefix" flag set.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# OOXML strings (ST_Xstring) cannot carry a carriage return (XML turns it into a line feed) or
# control characters; they are written as _xHHHH_, and a literal "_xHHHH_" in the text is
# escaped as "_x005F_xHHHH_". Excel and calamine decode this; openpyxl's reader does not, so
# anything reading with openpyxl must call `decode_xstring`.
_NEEDS_ESCAPE = re.compile(r"[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


# Text matching this needs more than a plain string cell (a quote prefix or _xHHHH_ escapes);
# the writer's fast path keeps every other string as it is.
NOT_PLAIN = re.compile(r"^[=+\-@\t\r]|" + _NEEDS_ESCAPE.pattern)


def column_letter(number: int) -> str:
    """1 → A, 27 → AA: the letters a spreadsheet shows above column `number`."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def _escape(match: re.Match[str]) -> str:
    char = match.group(0)
    return "_x005F_" if char == "_" else f"_x{ord(char):04X}_"


def encode_xstring(text: str) -> str:
    return _NEEDS_ESCAPE.sub(_escape, text)


def decode_xstring(text: str) -> str:
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)


class CellTooLong(ValueError):
    def __init__(self, length: int) -> None:
        super().__init__(length)
        self.length = length


def check_length(text: str) -> None:
    if len(text) > MAX_CELL_CHARS:
        raise CellTooLong(len(text))


# ---------------------------------------------------------------------------------------------
# Values and fingerprints.

LIST_SEPARATOR = "; "


def join_list(items: Any) -> str | None:
    values = [str(item) for item in items or () if item not in (None, "")]
    return LIST_SEPARATOR.join(values) or None


def canonical(value: Any) -> str:
    """The text of one value in a row's fingerprint; the same on export and on import."""
    if value is None:
        return ""
    if value.__class__ is str:
        return value
    if isinstance(value, date):
        return value.isoformat()[:10]
    return str(value)


# Between the values in a row's fingerprint text: the ASCII unit separator, which no one types.
FIELD_SEPARATOR = "\x1f"


def row_text(values: list[Any] | tuple[Any, ...], version: int) -> str:
    """What a row's fingerprint is computed from: the canonical text of each value and the
    record's version, joined by FIELD_SEPARATOR — or, in the rare row where a value holds
    that character itself, the JSON list of the same texts (which holds none, so the two
    forms never meet and different rows never give the same text)."""
    # canonical(), with its two commonest cases inline: this runs for every exported row
    parts = ["" if v is None else v if v.__class__ is str else canonical(v) for v in values]
    parts.append(str(version))
    text = FIELD_SEPARATOR.join(parts)
    if text.count(FIELD_SEPARATOR) != len(values):
        return json.dumps(parts, ensure_ascii=False)
    return text


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def fingerprint(values: list[Any] | tuple[Any, ...], version: int) -> str:
    """The `_rev` of a row: its exported values and the record's version, hashed. The one
    definition, used on export and on import; it changes whenever a value or the version
    does."""
    return digest(row_text(values, version))


# A whole row at once: its fingerprint text passes these checks only when every value in it is
# plain (see NOT_PLAIN) and short enough. Character-class and literal searches, unlike
# NOT_PLAIN's alternation, run at C speed over the row's text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1e\ufffe\uffff]")  # as _NEEDS_ESCAPE, but the separator
_FORMULA_AFTER_SEPARATOR = re.compile(FIELD_SEPARATOR + r"[=+\-@\t\r]")


def plain_row(text: str, width: int) -> bool:
    """True when `text`, the row_text of `width` values, shows that each value can be
    written as it is: no value too long for a cell, formula-like, or in need of _xHHHH_
    escapes. False may be a false alarm (then each value is looked at on its own)."""
    return (len(text) <= MAX_CELL_CHARS
            and text.count(FIELD_SEPARATOR) == width  # the joined form, not the JSON one
            and not text.startswith(FORMULA_STARTS)
            and "_x" not in text
            and _CONTROL.search(text) is None
            and _FORMULA_AFTER_SEPARATOR.search(text) is None)


def participant_text(name: str | None, role: str) -> str:
    return f"{name or '?'} [{role}]"


def participant_id(kind: str, record_id: str, role: str) -> str:
    return f"{kind}:{record_id}:{role}"


# An invitation as the delegates sheet names it: who was invited, and to what.
INVITATION_SEPARATOR = " — "


def invitation_text(invitee: str | None, event: str | None) -> str:
    return f"{invitee or '?'}{INVITATION_SEPARATOR}{event or '?'}"


def yes_no_text(value: bool | None) -> str:
    return "yes" if value else "no"
