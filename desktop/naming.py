"""Which of a record's names to show: the user picks a preferred script in Settings
(original, English or Chinese); the others stand in when it is empty."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from db.services.reference import CountryInfo
from db.store.translation import CHINESE, language

ORDERS = {
    "original": ("name", "name_en", "name_zh"),
    "en": ("name_en", "name", "name_zh"),
    "zh": ("name_zh", "name", "name_en"),
}


class Named(Protocol):
    """Any record with the three names: read-only, so frozen dataclasses and named tuples fit."""

    @property
    def name(self) -> str: ...
    @property
    def name_en(self) -> str | None: ...
    @property
    def name_zh(self) -> str | None: ...


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


def chinese(preference: str) -> bool:
    """Whether names Liaison itself keeps (countries, regions, tags) show in Chinese: in a
    Chinese interface, or when Chinese names are preferred."""
    return preference == "zh" or language() == CHINESE


def country_names(countries: Sequence[CountryInfo], preference: str) -> dict[str, str]:
    """Code → the country's name in the user's language or preferred script (English when
    there is no Chinese name)."""
    wanted = chinese(preference)
    return {c.code: (c.name_zh if wanted and c.name_zh else c.name_en) for c in countries}


def region_names(countries: Sequence[CountryInfo], preference: str) -> dict[str, str]:
    """English region → the region's name as shown (in Chinese when `chinese`)."""
    wanted = chinese(preference)
    return {c.region: (c.region_zh if wanted and c.region_zh else c.region)
            for c in countries if c.region}


def tag_label(tag: Any, preference: str) -> str:
    """A tag's name as shown: its Chinese name in Chinese, when it has one."""
    return str(tag.name_zh) if chinese(preference) and getattr(tag, "name_zh", None) \
        else str(tag.name)


def distinct(names: Sequence[str]) -> list[str]:
    """Names without repeats (a record's original and English names are often the same)."""
    seen: list[str] = []
    for name in names:
        if name and name not in seen:
            seen.append(name)
    return seen
