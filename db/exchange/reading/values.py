"""Turning the cells of a colleague's spreadsheet into the values Liaison's fields expect.

Phone numbers, codes and years arrive as floats, dates as date cells; these helpers turn them
into the text a field expects. Dates themselves are read by db/changes/dates.py, which every
date field shares."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from db.changes.dates import DayOrder, parse_founding
from db.store.translation import QT_TRANSLATE_NOOP


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


def as_founding(value: Any, order: DayOrder = None) -> Any:
    """A founding date from a number (a year), a date cell (a day) or text, at the precision
    it was written."""
    return parse_founding(value, order, QT_TRANSLATE_NOOP("Validation", "The founding date"))
