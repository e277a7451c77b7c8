"""The change history of one record: who changed which field, when and from where."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from db.changes.recording import from_json
from db.models import ChangeLog
from db.store.engine import Database


@dataclass(frozen=True)
class ChangeRecord:
    id: str
    at: datetime
    entity: str
    entity_id: str
    field: str
    old: Any
    new: Any
    version: int
    who: str | None
    source: str
    source_detail: str | None
    batch_id: str | None


def history(db: Database, record_id: str, *, limit: int = 500) -> list[ChangeRecord]:
    """Newest first."""
    with db.reading() as session:
        rows = session.execute(
            select(ChangeLog).where(ChangeLog.entity_id == record_id)
            .order_by(ChangeLog.at.desc(), ChangeLog.version.desc()).limit(limit)
        ).scalars().all()
        return [
            ChangeRecord(r.id, r.at, r.entity, r.entity_id, r.field, from_json(r.old),
                         from_json(r.new), r.version, r.who, r.source, r.source_detail, r.batch_id)
            for r in rows
        ]


def latest_change(db: Database) -> datetime | None:
    """When anything was last changed (the newest change-log entry): cheap, from the index, for
    windows that poll a shared server to refresh when colleagues change data."""
    from sqlalchemy import func

    with db.reading() as session:
        return session.execute(select(func.max(ChangeLog.at))).scalar_one_or_none()
