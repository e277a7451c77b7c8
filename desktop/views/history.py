"""The History tab of a record page: every change from the ChangeLog, newest first — when (in
local time), who, which field, before and after in readable words, and where it came from
(the screen, an import, a merge, the starter register)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtWidgets import QWidget

from db.engine import Database
from db.services.history import ChangeRecord, history
from db.vocabulary import (
    GENDERS,
    ORGANIZATION_KINDS,
    POLITICAL_STATUSES,
    RELATIONSHIP_LEVELS,
    SOURCES,
    Term,
)
from desktop.qtmodels.paged import Column
from desktop.qtmodels.records import RecordListModel
from desktop.widgets.record_table import RecordTable

EMPTY = "—"
FIELD_LABELS: Mapping[str, str] = {
    "name": "Name", "name_en": "English name", "name_zh": "Chinese name", "aliases": "Aliases",
    "abbreviation": "Abbreviation", "kind": "Kind", "country": "Country",
    "status": "Political status", "ideology": "Ideology", "founded": "Founded",
    "website": "Website", "email": "Email", "phone": "Phone", "level": "Relationship level",
    "notes": "Notes", "tags": "Tags", "title": "Title", "gender": "Gender",
    "nationality": "Nationality", "emails": "Emails", "phones": "Phones",
    "languages": "Languages", "role": "Role", "start": "Start", "end": "End",
    "person_id": "Person", "organization_id": "Organization",
    "created": "Created", "deleted": "Deleted", "restored": "Restored",
}
VOCABULARIES: Mapping[str, Mapping[str, Term]] = {
    "kind": ORGANIZATION_KINDS, "status": POLITICAL_STATUSES, "level": RELATIONSHIP_LEVELS,
    "gender": GENDERS,
}


def local_time(moment: datetime) -> str:
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone().strftime("%Y-%m-%d %H:%M")


def readable(value: Any, field: str = "",
             vocabularies: Mapping[str, Mapping[str, Term]] = VOCABULARIES) -> str:
    """A logged value in words: lists joined with “; ”, nothing as “—”, codes as labels."""
    if value is None or value == "" or value == [] or value == {}:
        return EMPTY
    if isinstance(value, Mapping):
        return "; ".join(f"{FIELD_LABELS.get(k, k)}: {readable(v, k, vocabularies)}"
                         for k, v in value.items() if v not in (None, "", [], {}))
    if isinstance(value, list | tuple):
        return "; ".join(readable(item, field, vocabularies) for item in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return local_time(value)
    if isinstance(value, date):
        return value.isoformat()
    terms = vocabularies.get(field)
    if terms is not None and isinstance(value, str) and value in terms:
        return terms[value].en
    return str(value)


def change_values(change: ChangeRecord) -> tuple[str, str]:
    """(before, after) for the table; creations list what was entered, deletions say so."""
    if change.field == "created":
        return EMPTY, readable(change.new)
    if change.field == "deleted":
        return EMPTY, "deleted"
    if change.field == "restored":
        return "deleted", "restored"
    return readable(change.old, change.field), readable(change.new, change.field)


def source_text(change: ChangeRecord) -> str:
    term = SOURCES.get(change.source)
    text = term.en if term is not None else change.source
    return f"{text} — {change.source_detail}" if change.source_detail else text


def _full(change: ChangeRecord) -> str:
    before, after = change_values(change)
    return f"{FIELD_LABELS.get(change.field, change.field)}\nBefore: {before}\nAfter: {after}"


COLUMNS = (
    Column("at", "When", lambda c: local_time(c.at)),
    Column("who", "Who", lambda c: c.who or EMPTY),
    Column("field", "What", lambda c: FIELD_LABELS.get(c.field, c.field.replace("_", " "))),
    Column("old", "Before", lambda c: change_values(c)[0], tooltip=_full),
    Column("new", "After", lambda c: change_values(c)[1], tooltip=_full),
    Column("source", "Source", source_text),
)


class HistoryTable(RecordTable):
    """The ChangeLog of one record; call load(id) once the record exists, reload() after a
    change notice."""

    def __init__(self, database: Database, record_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        self.changes = RecordListModel(COLUMNS)
        super().__init__(self.changes, parent)
        self.setObjectName("history")
        self.database = database
        self.record_id = record_id
        self.set_widths(130, 110, 130, 240, 260, 230, stretch=4)
        self.set_placeholder("No changes recorded yet. Records loaded as demo data keep no "
                             "history until they are first edited.")
        if record_id is not None:
            self.reload()

    def load(self, record_id: str) -> None:
        self.record_id = record_id
        self.reload()

    def reload(self) -> None:
        self.changes.set_records(history(self.database, self.record_id)
                                 if self.record_id else [])
