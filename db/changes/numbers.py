"""Normalizers for whole numbers (an edition, a delegation's size, a birth year) and yes/no
fields (an event held online, a position that leads its party), as typed in a form or found in
a spreadsheet's cell."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from db.changes.fields import FieldInvalid, Normalizer, clean_text
from db.store.translation import QT_TRANSLATE_NOOP, translate

# What a spreadsheet or a colleague writes for yes and no, in English and Chinese.
YES = frozenset({"yes", "y", "true", "1", "x", "✓", "✔", "是", "对", "有"})
NO = frozenset({"no", "n", "false", "0", "否", "不", "无", "-"})


def _whole(value: Any, label: str) -> int | None:
    if value is None or isinstance(value, bool):
        return None if value is None else int(value)
    if isinstance(value, float):
        if not value.is_integer():
            raise FieldInvalid(translate(
                "Validation", "{label} “{value}” is not a whole number.").format(
                label=translate("Validation", label), value=value))
        return int(value)
    if isinstance(value, int):
        return value
    cleaned = clean_text(value)
    if cleaned is None:
        return None
    text = cleaned.replace(",", "").replace(" ", "")
    if text.endswith(".0"):
        text = text[:-2]
    if not text.lstrip("-").isdigit():
        raise FieldInvalid(translate(
            "Validation", "{label} “{value}” is not a whole number.").format(
            label=translate("Validation", label), value=cleaned))
    return int(text)


def whole_number(label: str, *, minimum: int = 0, maximum: int | None = None) -> Normalizer:
    """A whole number of at least `minimum` (and at most `maximum`), or nothing."""

    def normalize(_s: Session, value: Any, _row: dict[str, Any]) -> int | None:
        number = _whole(value, label)
        if number is None:
            return None
        if number < minimum or (maximum is not None and number > maximum):
            text = (translate("Validation", "{label} must be between {low} and {high}.")
                    if maximum is not None else
                    translate("Validation", "{label} must be {low} or more."))
            raise FieldInvalid(text.format(label=translate("Validation", label), low=minimum,
                                           high=maximum))
        return number

    return normalize


def birth_year(label: str = QT_TRANSLATE_NOOP("Validation", "The birth year")) -> Normalizer:
    """A year of birth: a four-digit year, not in the future (a full date gives its year)."""

    def normalize(_s: Session, value: Any, _row: dict[str, Any]) -> int | None:
        if isinstance(value, date):
            value = value.year
        number = _whole(value, label)
        if number is None:
            return None
        this_year = date.today().year
        if number > this_year:
            raise FieldInvalid(translate(
                "Validation", "{label} {year} is in the future.").format(
                label=translate("Validation", label), year=number))
        if number < 1900:
            raise FieldInvalid(translate(
                "Validation", "{label} {year} is before 1900; write the year of birth with "
                              "four digits.").format(label=translate("Validation", label),
                                                     year=number))
        return number

    return normalize


def yes_no(label: str) -> Normalizer:
    """Yes or no; a blank is no."""

    def normalize(_s: Session, value: Any, _row: dict[str, Any]) -> bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, int | float) and value in (0, 1):
            return bool(value)
        cleaned = clean_text(value)
        if cleaned is None:
            return False
        word = cleaned.lower()
        if word in YES:
            return True
        if word in NO:
            return False
        raise FieldInvalid(translate(
            "Validation", "{label} “{value}” is neither yes nor no.").format(
            label=translate("Validation", label), value=cleaned))

    return normalize
