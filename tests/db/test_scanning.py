"""Exports read SQLite through a memory map (Database.reading(scanning=True)); the pooled
connection goes back to plain reads afterwards, even when the reading failed."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from db.store.engine import SCAN_MMAP_BYTES, Database


def mmap_size(session: object) -> int:
    return int(session.execute(text("PRAGMA mmap_size")).scalar_one())  # type: ignore[attr-defined]


def test_scanning_maps_the_file_only_meanwhile(sqlite_db: Database) -> None:
    with sqlite_db.reading(scanning=True) as session:
        assert mmap_size(session) == SCAN_MMAP_BYTES
    with sqlite_db.reading() as session:
        assert mmap_size(session) == 0
    with pytest.raises(ZeroDivisionError), sqlite_db.reading(scanning=True) as session:
        session.execute(text("SELECT 1"))
        1 / 0  # noqa: B018
    with sqlite_db.reading() as session:
        assert mmap_size(session) == 0
