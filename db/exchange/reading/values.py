"""Turning the cells of a colleague's spreadsheet into the values Liaison's fields expect.

Spreadsheets hold dates as real date cells (either epoch; the reader converts them), as text
in a dozen formats, or as numbers; phone numbers and codes arrive as floats. These helpers read
them without guessing silently: a date such as 03/04/2024 is ambiguous unless the user said
which comes first, and the message says so."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Any, Literal

from db.changes.fields import FieldInvalid
from db.store.translation import QT_TRANSLATE_NOOP, translate

DayOrder = Literal["dayfirst", "monthfirst"] | None

MONTHS = {
    name: number
    for number, names in enumerate((
        ("january", "jan", "janvier", "janv", "enero", "ene", "januar", "janeiro"),
        ("february", "feb", "février", "fevrier", "févr", "febrero", "februar", "fevereiro"),
        ("march", "mar", "mars", "marzo", "märz", "marz", "março", "marco"),
        ("april", "apr", "avril", "avr", "abril", "abr"),
        ("may", "mai", "mayo", "maio"),
        ("june", "jun", "juin", "junio", "juni", "junho"),
        ("july", "jul", "juillet", "juil", "julio", "juli", "julho"),
        ("august", "aug", "août", "aout", "agosto", "ago"),
        ("september", "sep", "sept", "septembre", "septiembre", "setiembre", "set", "setembro"),
        ("october", "oct", "octobre", "octubre", "oktober", "okt", "outubro", "out"),
        ("november", "nov", "novembre", "noviembre", "novembro"),
        ("december", "dec", "décembre", "decembre", "déc", "diciembre", "dic", "dezember",
         "dez", "dezembro"),
    ), start=1)
    for name in names
}

_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_NUMERIC = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$")
_CJK = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$")
_DAY_MONTH_NAME = re.compile(r"^(\d{1,2})(?:st|nd|rd|th|er|º|°)?\.?\s+(?:de\s+)?([^\W\d_]+)\.?,?\s+(?:de\s+)?(\d{4})$")
_MONTH_NAME_DAY = re.compile(r"^([^\W\d_]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


# The months, as the message about an ambiguous date names them ("3 April or 4 March").
MONTH_NAMES = (QT_TRANSLATE_NOOP("Reading", "January"), QT_TRANSLATE_NOOP("Reading", "February"),
               QT_TRANSLATE_NOOP("Reading", "March"), QT_TRANSLATE_NOOP("Reading", "April"),
               QT_TRANSLATE_NOOP("Reading", "May"), QT_TRANSLATE_NOOP("Reading", "June"),
               QT_TRANSLATE_NOOP("Reading", "July"), QT_TRANSLATE_NOOP("Reading", "August"),
               QT_TRANSLATE_NOOP("Reading", "September"),
               QT_TRANSLATE_NOOP("Reading", "October"),
               QT_TRANSLATE_NOOP("Reading", "November"),
               QT_TRANSLATE_NOOP("Reading", "December"))


class AmbiguousDate(FieldInvalid):
    """Day and month could be either way round and the user has not said which comes first."""


def _make(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise FieldInvalid(translate("Reading", "“{value}” is not a real date.").format(
            value=text)) from None


def _year(text: str) -> int:
    number = int(text)
    if len(text) == 2:  # 24 → 2024, 87 → 1987: within a century of today
        pivot = date.today().year % 100 + 10
        number += 2000 if number <= pivot else 1900
    return number


def day_order_evidence(text: str) -> DayOrder:
    """For a numeric date such as 27/06/2024: the order it proves (a part above 12), if any."""
    match = _NUMERIC.match(text.strip())
    if not match:
        return None
    first, second = int(match.group(1)), int(match.group(2))
    if first > 12 >= second:
        return "dayfirst"
    if second > 12 >= first:
        return "monthfirst"
    return None


def parse_date(value: Any, order: DayOrder = None,
               label: str = QT_TRANSLATE_NOOP("Validation", "The date")) -> date | None:
    """A date from a date cell or text in a common format; None for an empty cell. `label`
    names the date in messages: English, marked with QT_TRANSLATE_NOOP("Validation", ...)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool | time | timedelta):
        raise FieldInvalid(translate("Reading", "{label} “{value}” is not a date.").format(
            label=translate("Validation", label), value=value))
    if isinstance(value, int | float):
        raise FieldInvalid(translate(
            "Reading", "{label} is the number {value:g}, not a date; format the column as dates "
                       "or write them as YYYY-MM-DD.").format(
            label=translate("Validation", label), value=value))
    text = " ".join(str(value).split())
    if not text:
        return None
    if match := _ISO.match(text):
        return _make(int(match.group(1)), int(match.group(2)), int(match.group(3)), text)
    if match := _CJK.match(text):
        return _make(int(match.group(1)), int(match.group(2)), int(match.group(3)), text)
    if match := _COMPACT.match(text):
        return _make(int(match.group(1)), int(match.group(2)), int(match.group(3)), text)
    if match := _NUMERIC.match(text):
        first, second, year = int(match.group(1)), int(match.group(2)), _year(match.group(3))
        evidence = day_order_evidence(text)
        if evidence == "dayfirst" or (evidence is None and first == second):
            return _make(year, second, first, text)
        if evidence == "monthfirst":
            return _make(year, first, second, text)
        if order is None:
            raise AmbiguousDate(translate(
                "Reading", "{label} “{value}” could be {one} or {other}; say whether the day or "
                           "the month comes first.").format(
                label=translate("Validation", label), value=text,
                one=_day_and_month(first, second), other=_day_and_month(second, first)))
        if order == "dayfirst":
            return _make(year, second, first, text)
        return _make(year, first, second, text)
    lowered = text.casefold()
    if match := _DAY_MONTH_NAME.match(lowered):
        month = MONTHS.get(match.group(2).rstrip("."))
        if month:
            return _make(int(match.group(3)), month, int(match.group(1)), text)
    if match := _MONTH_NAME_DAY.match(lowered):
        month = MONTHS.get(match.group(1).rstrip("."))
        if month:
            return _make(int(match.group(3)), month, int(match.group(2)), text)
    raise FieldInvalid(translate(
        "Reading", "{label} “{value}” is not a date Liaison can read; write it as YYYY-MM-DD "
                   "(for example 2024-06-27).").format(label=translate("Validation", label),
                                                       value=text))


def _day_and_month(day: int, month: int) -> str:
    """“3 April”, in the current language (a month beyond 12 is shown as its number)."""
    name = translate("Reading", MONTH_NAMES[month - 1]) if 1 <= month <= 12 else str(month)
    return translate("Reading", "{day} {month}").format(day=day, month=name)


def as_text(value: Any) -> Any:
    """A cell headed for a text field: whole floats lose their “.0” (phone numbers, codes and
    years typed into number cells), dates become ISO text; text stays exactly as it is."""
    if value is None or value.__class__ is str:
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def as_year(value: Any) -> Any:
    """A founding year from a number, a date cell or text."""
    if isinstance(value, datetime | date):
        return value.year
    return as_text(value)
