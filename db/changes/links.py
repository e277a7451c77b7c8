"""A record's relations in the change log's terms — tags by name, topics and countries by id,
participants as (organization, person, role) triples — read and written the one way every
change set takes them (db/changes/changeset.py)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.changes import recording
from db.changes import rows as rows_path
from db.changes.entity import Entity
from db.changes.recording import Actor
from db.changes.registry import TAG
from db.models import Participation, Tag


def comparable(value: Any) -> str | None:
    """A logged or current value in one form for comparing: empty values alike, lists in any
    order alike, dates as the log writes them."""
    if value in (None, "", [], ()):
        return None
    if isinstance(value, list | tuple | set | frozenset):
        return recording.to_json(sorted(recording.to_json(v) or "" for v in value))
    return recording.to_json(value)


def current(session: Session, entity: Entity, record_id: str, name: str) -> list[Any]:
    """What the relation `name` of the record holds now, as the change log writes it."""
    link = entity.link(name)
    if link is None:
        raise KeyError(name)
    if name == "participants":
        p = Participation
        return sorted(([org, person, role or ""] for org, person, role in session.execute(
            select(p.organization_id, p.person_id, p.role)
            .where(p.interaction_id == record_id, p.deleted_at.is_(None)))), key=str)
    item = link.table.c[link.item]
    if name == "tags":
        return sorted(session.execute(
            select(Tag.name).join(link.table, item == Tag.id)
            .where(link.table.c[link.owner] == record_id, Tag.deleted_at.is_(None))).scalars())
    return sorted(session.execute(
        select(item).where(link.table.c[link.owner] == record_id)).scalars())


def write(session: Session, entity: Entity, obj: Any, name: str, value: Iterable[Any],
          actor: Actor) -> tuple[list[Any], list[Any], set[str]]:
    """Make the relation `name` of `obj` hold `value` (in the change log's terms); returns
    (before, after, organizations and people whose contact figures it touched)."""
    link = entity.link(name)
    if link is None:
        raise KeyError(name)
    before = current(session, entity, obj.id, name)
    touched: set[str] = set()
    if name == "participants":
        wanted = [(org, person, str(role or "")) for org, person, role in value]
        had, has = rows_path.replace_participants(session, obj, wanted)
        touched = {key for triple in (*had, *has) for key in triple[:2] if key}
    else:
        ids = set(_tag_ids(session, value, actor)) if name == "tags" else set(value)
        recording.set_links(session, link.table.c[link.owner], link.table.c[link.item], obj.id,
                            ids)
    return before, current(session, entity, obj.id, name), touched


def _tag_ids(session: Session, names: Iterable[str], actor: Actor) -> list[str]:
    """Ids of the named tags (case-insensitively); a deleted one comes back, a missing one is
    created — under the change set's batch, so undoing it takes them back too."""
    ids = []
    for name in names:
        tag = session.execute(select(Tag).where(func.lower(Tag.name) == name.lower())
                              .order_by(Tag.deleted_at.is_not(None))).scalars().first()
        if tag is None:
            tag = recording.create(session, TAG.schema, {"name": name}, actor)
        elif tag.deleted_at is not None:
            recording.restore(session, TAG.schema, tag.id, actor)
        ids.append(tag.id)
    return ids
