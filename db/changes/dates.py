"""Dates as people write them, for every date field and for import: ISO, 27/06/2024 (never a
silent day/month swap: 03/04/2024 asks which comes first), 27 June 2024 and its French, Spanish,
German and Portuguese forms, 2024年6月27日, 20240627, and date cells. A founding date keeps the
precision it was given: a year ("1912"), a month ("1912-01") or a day ("1912-01-08"), stored as
that ISO text so it sorts. Each refusal says exactly what is wrong: text that is no date, a date
that does not exist (“February 1993 has 28 days”), an implausible year."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, time, timedelta
from typing import Any, Literal

from sqlalchemy.orm import Session

from db.changes.fields import FieldInvalid, Normalizer
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


class Unreadable(FieldInvalid):
    """Text in none of the forms Liaison reads as a date."""


def _make(year: int, month: int, day: int, text: str, label: str) -> date:
    """The date, or a message that says what is impossible about it."""
    if not 1 <= month <= 12:
        raise FieldInvalid(_no_month(text, month, label))
    if not 1 <= year <= 9999:
        raise FieldInvalid(translate(
            "Reading", "{label} “{value}” is not a real date: {year} is not a year.").format(
            label=translate("Validation", label), value=text, year=year))
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise FieldInvalid(translate(
            "Reading", "{label} “{value}” is not a real date: {month} {year} has {days} days."
        ).format(label=translate("Validation", label), value=text,
                 month=translate("Reading", MONTH_NAMES[month - 1]), year=year, days=days))
    return date(year, month, day)


def _no_month(text: str, month: int, label: str) -> str:
    return translate(
        "Reading", "{label} “{value}” is not a real date: there is no month {month}.").format(
        label=translate("Validation", label), value=text, month=month)


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
        return _make(int(match.group(1)), int(match.group(2)), int(match.group(3)), text, label)
    if match := _CJK.match(text):
        return _make(int(match.group(1)), int(match.group(2)), int(match.group(3)), text, label)
    if match := _COMPACT.match(text):
        return _make(int(match.group(1)), int(match.group(2)), int(match.group(3)), text, label)
    if match := _NUMERIC.match(text):
        first, second, year = int(match.group(1)), int(match.group(2)), _year(match.group(3))
        if first > 12 and second > 12:  # neither can be the month
            raise FieldInvalid(_no_month(text, second, label))
        evidence = day_order_evidence(text)
        if evidence == "dayfirst" or (evidence is None and first == second):
            return _make(year, second, first, text, label)
        if evidence == "monthfirst":
            return _make(year, first, second, text, label)
        if order is None:
            raise AmbiguousDate(translate(
                "Reading", "{label} “{value}” could be {one} or {other}; say whether the day or "
                           "the month comes first.").format(
                label=translate("Validation", label), value=text,
                one=_day_and_month(first, second), other=_day_and_month(second, first)))
        if order == "dayfirst":
            return _make(year, second, first, text, label)
        return _make(year, first, second, text, label)
    lowered = text.casefold()
    if match := _DAY_MONTH_NAME.match(lowered):
        month = MONTHS.get(match.group(2).rstrip("."))
        if month:
            return _make(int(match.group(3)), month, int(match.group(1)), text, label)
    if match := _MONTH_NAME_DAY.match(lowered):
        month = MONTHS.get(match.group(1).rstrip("."))
        if month:
            return _make(int(match.group(3)), month, int(match.group(2)), text, label)
    raise Unreadable(translate(
        "Reading", "{label} “{value}” is not a date Liaison can read; write it as YYYY-MM-DD "
                   "(for example 2024-06-27).").format(label=translate("Validation", label),
                                                       value=text))


def _day_and_month(day: int, month: int) -> str:
    """“3 April”, in the current language (a month beyond 12 is shown as its number)."""
    name = translate("Reading", MONTH_NAMES[month - 1]) if 1 <= month <= 12 else str(month)
    return translate("Reading", "{day} {month}").format(day=day, month=name)




# -- a founding date: a year, a month or a day --------------------------------------------------

_YEAR = re.compile(r"^(\d{4})\s*年?$")
_YEAR_MONTH = re.compile(r"^(\d{4})(?:[-/.]|\s*年\s*)(\d{1,2})\s*月?$")
_MONTH_NAME_YEAR = re.compile(r"^([^\W\d_]+)\.?,?\s+(?:de\s+)?(\d{4})$")


def _plausible(year: int, text: str, label: str) -> None:
    if not 1000 <= year <= date.today().year + 1:
        raise FieldInvalid(translate("Validation", "{label} {year} is not a plausible year.")
                           .format(label=translate("Validation", label), year=text))


def parse_founding(value: Any, order: DayOrder = None,
                   label: str = QT_TRANSLATE_NOOP("Validation", "The founding date")) -> str | None:
    """A date at the precision it was written, as ISO text: "1912" for a year (or a number),
    "1912-01" for a month ("January 1912", "1912年1月"), "1912-01-08" for a day (a date cell
    or any form parse_date reads). None for an empty value."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise FieldInvalid(translate("Reading", "{label} “{value}” is not a date.").format(
            label=translate("Validation", label), value=value))
    if isinstance(value, int | float):
        if float(value).is_integer():
            _plausible(int(value), str(int(value)), label)
            return str(int(value))
        raise FieldInvalid(translate(
            "Validation", "{label} must be a year such as 1921 or a date, not “{value}”."
        ).format(label=translate("Validation", label), value=value))
    if isinstance(value, datetime | date):
        cell = value.date() if isinstance(value, datetime) else value
        _plausible(cell.year, str(cell.year), label)
        return cell.isoformat()
    text = " ".join(str(value).split())
    if not text:
        return None
    if text.endswith(".0") and text[:-2].isdigit():  # a year from a number column, as text
        text = text[:-2]
    if match := _YEAR.match(text):
        _plausible(int(match.group(1)), match.group(1), label)
        return match.group(1)
    month_of: tuple[int, int] | None = None
    if match := _YEAR_MONTH.match(text):
        month_of = int(match.group(1)), int(match.group(2))
    elif (match := _MONTH_NAME_YEAR.match(text.casefold())) and \
            (month := MONTHS.get(match.group(1).rstrip("."))):
        month_of = int(match.group(2)), month
    if month_of is not None:
        year, month = month_of
        if not 1 <= month <= 12:
            raise FieldInvalid(_no_month(text, month, label))
        _plausible(year, str(year), label)
        return f"{year:04d}-{month:02d}"
    try:
        day: date | None = parse_date(text, order, label)
    except Unreadable:
        raise FieldInvalid(translate(
            "Validation", "{label} “{value}” is neither a year nor a date Liaison can read; "
                          "write a year (1921) or a date (1921-07-01).").format(
            label=translate("Validation", label), value=text)) from None
    assert day is not None
    _plausible(day.year, str(day.year), label)
    return day.isoformat()


def a_date(label: str = QT_TRANSLATE_NOOP("Validation", "The date"), *,
           required: bool = False) -> Normalizer:
    """A date field: any form parse_date reads (a numeric date with the day and month both
    12 or under must say which comes first, so it is refused with the two readings)."""
    def normalize(_s: Session, value: Any, _row: dict[str, Any]) -> date | None:
        if value.__class__ is date:
            return value
        found = parse_date(value, None, label)
        if found is None and required:
            raise FieldInvalid(translate("Validation", "{label} is required.")
                               .format(label=translate("Validation", label)))
        return found

    return normalize


def founding(label: str = QT_TRANSLATE_NOOP("Validation", "The founding date")) -> Normalizer:
    """A date that keeps its precision (parse_founding)."""
    def normalize(_s: Session, value: Any, _row: dict[str, Any]) -> str | None:
        return parse_founding(value, None, label)

    return normalize


def founding_cell(value: str | None) -> int | date | str | None:
    """A stored founding date as a spreadsheet holds it: a year as a number, a day as a date
    cell, a month as its ISO text."""
    if not value:
        return None
    if len(value) == 4 and value.isdigit():
        return int(value)
    if len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    return value
