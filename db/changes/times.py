"""Normalizers for a programme's times of day ("09:30") and the order of items in a list."""

from __future__ import annotations

import re
from datetime import datetime, time
from typing import Any

from sqlalchemy.orm import Session

from db.changes.fields import FieldInvalid, Normalizer, clean_text
from db.store.translation import QT_TRANSLATE_NOOP, translate

# 9:30, 09:30, 0930, 9.30, 9h30, 9:30:00 — and a spreadsheet's time cell (a datetime.time).
_TIME = re.compile(r"^(\d{1,2})(?:[:.hH]?(\d{2}))?(?::(\d{2}))?$")


def a_time(label: str = QT_TRANSLATE_NOOP("Validation", "The time")) -> Normalizer:
    """A time of day, stored as "HH:MM" (24-hour), the way a programme prints it."""

    def normalize(_s: Session, value: Any, _row: dict[str, Any]) -> str | None:
        if isinstance(value, datetime):
            value = value.time()
        if isinstance(value, time):
            return f"{value.hour:02d}:{value.minute:02d}"
        cleaned = clean_text(value)
        if cleaned is None:
            return None
        found = _TIME.match(cleaned.replace(" ", ""))
        hours = int(found.group(1)) if found else 99
        minutes = int(found.group(2) or 0) if found else 99
        if not found or hours > 23 or minutes > 59:
            raise FieldInvalid(translate(
                "Validation", "{label} “{value}” is not a time of day; write it as 09:30 or "
                              "14:00.").format(label=translate("Validation", label),
                                                value=cleaned))
        return f"{hours:02d}:{minutes:02d}"

    return normalize


def order_number() -> Normalizer:
    """Where a record stands in its list (0 first); a blank is 0."""

    def normalize(_s: Session, value: Any, _row: dict[str, Any]) -> int:
        if value in (None, ""):
            return 0
        if isinstance(value, float) and value.is_integer():  # a spreadsheet's number cell
            value = int(value)
        text = str(value).strip()
        if not text.isdigit():
            raise FieldInvalid(translate(
                "Validation", "The position “{value}” is not a whole number of 0 or more.")
                .format(value=value))
        return int(text)

    return normalize
