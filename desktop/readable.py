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
from desktop.i18n import QT_TRANSLATE_NOOP, translate

EMPTY = "—"
FIELD_LABELS: Mapping[str, str] = {  # translated where shown: field_label
    "name": QT_TRANSLATE_NOOP("Fields", "Name"),
    "name_en": QT_TRANSLATE_NOOP("Fields", "English name"),
    "name_zh": QT_TRANSLATE_NOOP("Fields", "Chinese name"),
    "aliases": QT_TRANSLATE_NOOP("Fields", "Aliases"),
    "abbreviation": QT_TRANSLATE_NOOP("Fields", "Abbreviation"),
    "kind": QT_TRANSLATE_NOOP("Fields", "Kind"),
    "country": QT_TRANSLATE_NOOP("Fields", "Country"),
    "status": QT_TRANSLATE_NOOP("Fields", "Political status"),
    "ideology": QT_TRANSLATE_NOOP("Fields", "Ideology"),
    "founded": QT_TRANSLATE_NOOP("Fields", "Founded"),
    "website": QT_TRANSLATE_NOOP("Fields", "Website"),
    "email": QT_TRANSLATE_NOOP("Fields", "Email"),
    "phone": QT_TRANSLATE_NOOP("Fields", "Phone"),
    "level": QT_TRANSLATE_NOOP("Fields", "Relationship level"),
    "notes": QT_TRANSLATE_NOOP("Fields", "Notes"),
    "tags": QT_TRANSLATE_NOOP("Fields", "Tags"),
    "title": QT_TRANSLATE_NOOP("Fields", "Title"),
    "gender": QT_TRANSLATE_NOOP("Fields", "Gender"),
    "nationality": QT_TRANSLATE_NOOP("Fields", "Nationality"),
    "emails": QT_TRANSLATE_NOOP("Fields", "Emails"),
    "phones": QT_TRANSLATE_NOOP("Fields", "Phones"),
    "languages": QT_TRANSLATE_NOOP("Fields", "Languages"),
    "role": QT_TRANSLATE_NOOP("Fields", "Role"),
    "start": QT_TRANSLATE_NOOP("Fields", "Start"),
    "end": QT_TRANSLATE_NOOP("Fields", "End"),
    "person_id": QT_TRANSLATE_NOOP("Fields", "Person"),
    "organization_id": QT_TRANSLATE_NOOP("Fields", "Organization"),
    "created": QT_TRANSLATE_NOOP("Fields", "Created"),
    "deleted": QT_TRANSLATE_NOOP("Fields", "Deleted"),
    "restored": QT_TRANSLATE_NOOP("Fields", "Restored"),
}
# What field_label calls the other logged fields (their key, capitalized), marked so the
# catalog has them: interactions', follow-ups' and tags' fields, and the relations.
OTHER_FIELD_LABELS = (
    QT_TRANSLATE_NOOP("Fields", "City"), QT_TRANSLATE_NOOP("Fields", "Platform"),
    QT_TRANSLATE_NOOP("Fields", "Summary"), QT_TRANSLATE_NOOP("Fields", "Outcomes"),
    QT_TRANSLATE_NOOP("Fields", "Participants"), QT_TRANSLATE_NOOP("Fields", "Topics"),
    QT_TRANSLATE_NOOP("Fields", "Countries"), QT_TRANSLATE_NOOP("Fields", "Description"),
    QT_TRANSLATE_NOOP("Fields", "Due"), QT_TRANSLATE_NOOP("Fields", "Owner"),
    QT_TRANSLATE_NOOP("Fields", "Interaction id"), QT_TRANSLATE_NOOP("Fields", "Completed on"),
    QT_TRANSLATE_NOOP("Fields", "Removed"), QT_TRANSLATE_NOOP("Fields", "Color"),
    QT_TRANSLATE_NOOP("Fields", "Key"),
)
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
    """A field's label in the interface's language; a field without one is named after its
    key ("completed_on" → “Completed on”), looked up too (OTHER_FIELD_LABELS)."""
    return translate("Fields", FIELD_LABELS.get(field, field.replace("_", " ").capitalize()))


def _key_label(key: str) -> str:
    """A field inside a logged record: its label, or — in English, or when there is no
    translation — the key itself, as it always was."""
    if key in FIELD_LABELS:
        return translate("Fields", FIELD_LABELS[key])
    english = key.replace("_", " ").capitalize()
    shown = translate("Fields", english)
    return shown if shown != english else key


def readable(value: Any, field: str = "",
             vocabularies: Mapping[str, Mapping[str, Term]] = VOCABULARIES) -> str:
    """A logged value in words: lists joined with “; ”, nothing as “—”, codes as labels."""
    if value is None or value == "" or value == [] or value == {}:
        return EMPTY
    if isinstance(value, Mapping):
        return "; ".join(translate("Readable", "{field}: {value}").format(
            field=_key_label(k), value=readable(v, k, vocabularies))
            for k, v in value.items() if v not in (None, "", [], {}))
    if isinstance(value, list | tuple):
        return "; ".join(readable(item, field, vocabularies) for item in value)
    if isinstance(value, bool):
        return translate("Readable", "yes") if value else translate("Readable", "no")
    if isinstance(value, datetime):
        return local_time(value)
    if isinstance(value, date):
        return date_text(value)
    terms = vocabularies.get(field)
    if terms is not None and isinstance(value, str) and value in terms:
        return terms[value].label()
    return str(value)
