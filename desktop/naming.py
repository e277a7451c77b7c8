"""Which of a record's names to show: the user picks a preferred script in Settings
(original, English or Chinese); the others stand in when it is empty."""

from __future__ import annotations

from typing import Protocol

ORDERS = {
    "original": ("name", "name_en", "name_zh"),
    "en": ("name_en", "name", "name_zh"),
    "zh": ("name_zh", "name", "name_en"),
}


class Named(Protocol):
    name: str
    name_en: str | None
    name_zh: str | None


def display_name(record: Named, preference: str = "original") -> str:
    for attribute in ORDERS.get(preference, ORDERS["original"]):
        value = getattr(record, attribute, None)
        if value:
            return str(value)
    return ""


def other_names(record: Named, preference: str = "original") -> list[str]:
    shown = display_name(record, preference)
    names = [getattr(record, a, None) for a in ORDERS["original"]]
    return [n for n in names if n and n != shown]
