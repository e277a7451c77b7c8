"""Declarative base, shared column types and the record mixin every aggregate uses."""

from __future__ import annotations

import random
import secrets
import threading
import time
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Integer, MetaData, String
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column
from sqlalchemy.types import TypeDecorator

# A fixed naming convention keeps constraint names identical on SQLite and PostgreSQL,
# so batch migrations can find and alter them later.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


# A name's sort key (db/models/folding.py sort_key): compared byte by byte on both databases,
# so Latin names and Chinese names in pinyin interleave the same way everywhere.
SortKey = String(900).with_variant(String(900, collation="C"), "postgresql")


_last_id = [0, 0]  # (milliseconds, sequence) of the last id made in this process
_id_lock = threading.Lock()
_random = random.Random(secrets.randbits(128))


def new_ids(count: int) -> list[str]:
    """`count` UUIDs in the version-7 layout: 48 bits of milliseconds, a 12-bit sequence, 62
    random bits. Ids made later sort later, so inserts append to the primary-key index instead
    of landing all over it (bulk imports of 100k rows into a large database depend on it)."""
    with _id_lock:
        ms = time.time_ns() // 1_000_000
        last_ms, seq = _last_id
        if ms > last_ms:
            seq = -1
        else:
            ms = last_ms
        first = seq + 1
        end = first + count
        _last_id[0], _last_id[1] = ms + (end - 1) // 0x1000, (end - 1) % 0x1000
    ids = []
    for step in range(first, end):
        number = ((ms + (step >> 12)) << 80) | (0x7 << 76) | ((step & 0xFFF) << 64) | (
            0x2 << 62) | _random.getrandbits(62)
        text = f"{number:032x}"
        ids.append(f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}")
    return ids


def new_id() -> str:
    with _id_lock:
        ms = time.time_ns() // 1_000_000
        last_ms, seq = _last_id
        if ms > last_ms:
            seq = 0
        else:
            ms, seq = (last_ms, seq + 1) if seq < 0xFFF else (last_ms + 1, 0)
        _last_id[0], _last_id[1] = ms, seq
    text = f"{(ms << 80) | (0x7 << 76) | (seq << 64) | (0x2 << 62) | _random.getrandbits(62):032x}"
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores naive UTC, always hands back an aware UTC datetime."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are ambiguous; pass an aware UTC datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):  # raw SQLite text written by bulk loaders
            value = datetime.fromisoformat(value)
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


IdColumn = String(36)


class Record:
    """Columns every record carries: a UUID that survives export and merge, timestamps,
    an optimistic-locking version and a soft-delete marker."""

    id: Mapped[str] = mapped_column(IdColumn, primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        # SQLAlchemy bumps `version` on every UPDATE and refuses one whose WHERE clause
        # no longer matches: the guard against silent overwrites on a shared server.
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]
