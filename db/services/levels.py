"""An organization's relationship level over time. Each change is kept with the day it took
effect and why; the organization's `level` is always the one in effect today (the latest change
not in the future), kept in step by every write here. A level set on the organization's form
is a change effective today. Lists ask for the level as of any date (`level_on`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import CompoundSelect, and_, exists, func, select
from sqlalchemy.orm import Session, aliased

from db.changes import recording, registry
from db.changes.recording import Actor
from db.changes.registry_levels import LEVEL_CHANGE
from db.models import ChangeLog, LevelChange, Organization
from db.store.engine import Database

SCHEMA = LEVEL_CHANGE.schema


@dataclass(frozen=True)
class LevelRecord:
    id: str
    organization_id: str
    level: str
    effective: date
    reason: str | None
    version: int
    who: str | None = None  # who recorded it, from the history


def _records(session: Session, rows: Sequence[LevelChange]) -> list[LevelRecord]:

    who: dict[str, str | None] = {}
    if rows:
        who = dict(session.execute(select(ChangeLog.entity_id, ChangeLog.who).where(
            ChangeLog.entity == SCHEMA.entity, ChangeLog.field == "created",
            ChangeLog.entity_id.in_([r.id for r in rows]))).all())
    return [LevelRecord(r.id, r.organization_id, r.level, r.effective, r.reason, r.version,
                        who.get(r.id)) for r in rows]


def history_in(session: Session, organization_id: str) -> list[LevelRecord]:
    rows = list(session.execute(select(LevelChange).where(
        LevelChange.organization_id == organization_id, LevelChange.deleted_at.is_(None))
        .order_by(LevelChange.effective.desc(), LevelChange.created_at.desc())).scalars())
    return _records(session, rows)


def level_history(db: Database, organization_id: str) -> list[LevelRecord]:
    """The organization's level changes, the latest first."""
    with db.reading() as session:
        return history_in(session, organization_id)


def in_effect(session: Session, organization_id: str, day: date | None = None) -> str | None:
    """The level in effect on `day` (today): the latest change on or before it."""
    return session.execute(select(LevelChange.level).where(
        LevelChange.organization_id == organization_id, LevelChange.deleted_at.is_(None),
        LevelChange.effective <= (day or date.today()))
        .order_by(LevelChange.effective.desc(), LevelChange.created_at.desc())
        .limit(1)).scalar_one_or_none()


def sync_level(session: Session, organization_id: str, actor: Actor) -> None:
    """Bring the organization's own level in step with its history (today's level)."""
    has_history = session.execute(select(LevelChange.id).where(
        LevelChange.organization_id == organization_id,
        LevelChange.deleted_at.is_(None)).limit(1)).first() is not None
    if not has_history:
        return
    wanted = in_effect(session, organization_id)
    current = session.execute(select(Organization.level).where(
        Organization.id == organization_id)).scalar_one_or_none()
    if wanted != current:
        recording.update(session, registry.ORGANIZATION.schema, organization_id,
                         {"level": wanted}, actor, expected_version=None)


def change_level(db: Database, organization_id: str, level: str, *,
                 effective: date | str | None = None, reason: str | None = None,
                 actor: Actor | None = None) -> LevelRecord:
    """The relationship moved to `level` on `effective` (today) because of `reason`; a change
    already recorded for that day is corrected instead."""
    actor = actor or Actor()
    with db.transaction() as session:
        values = {"organization_id": organization_id, "level": level,
                  "effective": effective or date.today(), "reason": reason}
        day = recording.validate(session, SCHEMA, {"effective": values["effective"]},
                                 current={}, record_id="")["effective"]
        same_day = session.execute(select(LevelChange).where(
            LevelChange.organization_id == organization_id, LevelChange.effective == day,
            LevelChange.deleted_at.is_(None))).scalar_one_or_none()
        if same_day is not None:
            row, _ = recording.update(session, SCHEMA, same_day.id,
                                      {"level": level, "reason": reason}, actor,
                                      expected_version=None)
        else:
            row = recording.create(session, SCHEMA, values, actor)
        sync_level(session, organization_id, actor)
        return _records(session, [row])[0]


def record_level_set(session: Session, organization_id: str, level: str | None,
                     actor: Actor) -> None:
    """A level set on the organization's form (or by an import): a change effective today —
    or today's change corrected, when there is one."""
    if level is None:
        return
    today = date.today()
    found = session.execute(select(LevelChange).where(
        LevelChange.organization_id == organization_id, LevelChange.effective == today,
        LevelChange.deleted_at.is_(None))).scalar_one_or_none()
    if found is not None:
        if found.level != level:
            recording.update(session, SCHEMA, found.id, {"level": level}, actor,
                             expected_version=None)
        return
    if in_effect(session, organization_id, today) != level:
        recording.create(session, SCHEMA, {"organization_id": organization_id,
                                           "level": level, "effective": today}, actor)


def update_level_change(db: Database, change_id: str, changes: Mapping[str, Any], *,
                        expected_version: int | None, actor: Actor | None = None
                        ) -> LevelRecord:
    actor = actor or Actor()
    with db.transaction() as session:
        row, _ = recording.update(session, SCHEMA, change_id, changes, actor,
                                  expected_version=expected_version)
        sync_level(session, row.organization_id, actor)
        return _records(session, [row])[0]


def remove_level_change(db: Database, change_id: str, *, expected_version: int | None = None,
                        actor: Actor | None = None) -> None:
    actor = actor or Actor()
    with db.transaction() as session:
        row = recording.soft_delete(session, SCHEMA, change_id, actor,
                                    expected_version=expected_version)
        sync_level(session, row.organization_id, actor)


def level_on(levels: Sequence[str], day: date) -> CompoundSelect[Any]:
    """Ids of the organizations whose level on `day` is one of `levels`: the latest change on
    or before the day; an organization with no history at all counts with its own level."""
    later = aliased(LevelChange)
    latest = (select(LevelChange.organization_id).where(
        LevelChange.deleted_at.is_(None), LevelChange.effective <= day,
        LevelChange.level.in_(levels),
        ~exists(select(later.id).where(
            later.organization_id == LevelChange.organization_id,
            later.deleted_at.is_(None), later.effective <= day,
            later.effective > LevelChange.effective))))
    no_history = select(Organization.id).where(
        Organization.level.in_(levels),
        ~exists(select(LevelChange.id).where(
            and_(LevelChange.organization_id == Organization.id,
                 LevelChange.deleted_at.is_(None)))))
    return latest.union(no_history)


def count_changes(session: Session) -> int:
    return int(session.execute(select(func.count()).select_from(LevelChange).where(
        LevelChange.deleted_at.is_(None))).scalar_one())
