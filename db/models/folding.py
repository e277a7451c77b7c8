"""Folding names for matching: case, width and accents set aside, so a name typed in any
script finds the record (the `search_text` column of organizations and people)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Any


def fold(text: str) -> str:
    """Case-, width- and accent-insensitive form used to match names typed in any script."""
    if text.isascii():  # nothing to decompose: the common case, and a hot path of imports
        return " ".join(text.lower().replace(".", " ").replace(",", " ").split())
    text = unicodedata.normalize("NFKC", text).casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.replace(".", " ").replace(",", " ").split())


def search_text_for(values: Iterable[Any]) -> str:
    """Every name of a record, folded, one per line: what list filters and search match."""
    names: list[str] = []
    for value in values:
        for name in (value if isinstance(value, list | tuple) else [value]):
            if name:
                folded = fold(str(name))
                if folded and folded not in names:
                    names.append(folded)
    return "\n".join(names)
