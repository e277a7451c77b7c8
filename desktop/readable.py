"""Logged and stored values in the user's words: field names as labels, codes as their
vocabulary's label, lists joined with “; ”, nothing as “—”, times in local time. Shared by the
History tab and the conflict dialog, which both show a field's value before and after."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import QDate, QLocale

from db.models.vocabulary import (
    FOLLOWUP_STATUSES,
    GENDERS,
    INTERACTION_KINDS,
    ORGANIZATION_KINDS,
    POLITICAL_STATUSES,
    RELATIONSHIP_LEVELS,
    Term,
)

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
INTERACTION_VOCABULARIES: Mapping[str, Mapping[str, Term]] = {"kind": INTERACTION_KINDS}
FOLLOWUP_VOCABULARIES: Mapping[str, Mapping[str, Term]] = {"status": FOLLOWUP_STATUSES}


def date_text(day: date | None) -> str:
    """A date in the interface's language: “4 December 2026”, “2026年12月4日” (the locale
    desktop/i18n.py set); nothing as “—”."""
    if day is None:
        return EMPTY
    locale = QLocale()
    if locale.language() == QLocale.Language.Chinese:
        return f"{day.year}年{day.month}月{day.day}日"
    return locale.toString(QDate(day.year, day.month, day.day), "d MMMM yyyy")


def local_time(moment: datetime) -> str:
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone().strftime("%Y-%m-%d %H:%M")


def local_time_of_utc_text(text: str) -> str:
    """“2024-05-01 10:00 UTC” (how the change log's times travel in messages) in local time;
    anything else as it is."""
    try:
        moment = datetime.strptime(text.strip(), "%Y-%m-%d %H:%M UTC").replace(tzinfo=UTC)
    except ValueError:
        return text
    return local_time(moment)


def field_label(field: str) -> str:
    return FIELD_LABELS.get(field, field.replace("_", " ").capitalize())


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
