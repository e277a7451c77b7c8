"""The change history of one record: who changed which field, when and from where."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

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


def merged_ids(session: Session, record_id: str) -> list[str]:
    """The record and every record merged into it (through any chain of merges): the
    survivor's history holds theirs."""
    from db.models import Organization, Person

    found, frontier = [record_id], [record_id]
    while frontier:
        more: list[str] = []
        for model in (Organization, Person):
            more += [str(i) for i in session.execute(select(model.id).where(
                model.merged_into.in_(frontier))).scalars() if i not in found]
        found += more
        frontier = more
    return found


def history(db: Database, record_id: str, *, limit: int = 500) -> list[ChangeRecord]:
    """Newest first; a record's history holds the records merged into it."""
    with db.reading() as session:
        rows = session.execute(
            select(ChangeLog).where(ChangeLog.entity_id.in_(merged_ids(session, record_id)))
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
