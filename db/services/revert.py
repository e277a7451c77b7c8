"""Reverting one change from a record's history: the field goes back to the value it had before
that change, through the same write path as any edit (validated, versioned, logged), so the
revert itself appears in the history and can be reverted in turn.

A change is only reverted while it is still in effect: if the field was changed again since,
the user is told what it holds now and which later change to revert first — nothing later is
overwritten silently."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from db.changes import recording
from db.changes.recording import Actor, from_json, to_json
from db.models import ChangeLog
from db.services import affiliations, followups, interactions, organizations, people, tags, topics
from db.store.engine import Database
from db.store.errors import LiaisonError, NotFound

TAG_OWNERS = {"organization": "organization", "person": "person", "interaction": "interaction"}


@dataclass(frozen=True)
class Entity:
    schema: recording.Schema
    update: Callable[..., Any]
    delete: Callable[..., Any]
    restore: Callable[..., Any]


ENTITIES: Mapping[str, Entity] = {
    "organization": Entity(organizations.SCHEMA, organizations.update_organization,
                           organizations.delete_organization, organizations.restore_organization),
    "person": Entity(people.SCHEMA, people.update_person, people.delete_person,
                     people.restore_person),
    "interaction": Entity(interactions.SCHEMA, interactions.update_interaction,
                          interactions.delete_interaction, interactions.restore_interaction),
    "affiliation": Entity(affiliations.SCHEMA, affiliations.update_affiliation,
                          affiliations.delete_affiliation, affiliations.restore_affiliation),
    "follow-up": Entity(followups.SCHEMA, followups.update_followup, followups.delete_followup,
                        followups.restore_followup),
    "tag": Entity(tags.SCHEMA, tags.update_tag, tags.delete_tag, tags.restore_tag),
    "topic": Entity(topics.SCHEMA, topics.update_topic, topics.delete_topic,
                    topics.restore_topic),
}


@dataclass(frozen=True)
class Reverted:
    entity: str
    entity_id: str
    field: str
    value: Any  # what the field holds now (the value before the reverted change)


def _comparable(value: Any) -> str | None:
    if value in (None, "", [], ()):
        return None
    if isinstance(value, list | tuple | set | frozenset):
        return to_json(sorted(to_json(v) or "" for v in value))
    return to_json(value)


def _current(session: Session, entity: str, record_id: str, field: str) -> tuple[Any, Any]:
    """(the record, the field's current value in the change log's terms)."""
    spec = ENTITIES[entity]
    obj = recording.load(session, spec.schema, record_id, include_deleted=True)
    if field == "tags" and entity in TAG_OWNERS:
        return obj, list(tags.tag_names(session, TAG_OWNERS[entity], record_id))
    if field == "topics" and entity == "interaction":
        from sqlalchemy import select

        from db.models import interaction_topics

        return obj, sorted(session.execute(
            select(interaction_topics.c.topic_id)
            .where(interaction_topics.c.interaction_id == record_id)).scalars())
    if field == "participants" and entity == "interaction":
        from sqlalchemy import select

        from db.models import Participation

        p = Participation
        return obj, [list(row) for row in session.execute(
            select(p.organization_id, p.person_id, p.role)
            .where(p.interaction_id == record_id, p.deleted_at.is_(None)))]
    if field not in spec.schema.fields:
        raise LiaisonError(f"Changes to “{field}” cannot be reverted from the history.")
    return obj, from_json(to_json(getattr(obj, spec.schema.attribute(field))))


def _as_input(field: str, value: Any) -> Any:
    """A logged value in the form the service's update takes."""
    if field == "participants":
        return [{"organization_id": org, "person_id": person, "role": role}
                for org, person, role in value or []]
    return value


def revert_change(db: Database, change_id: str, actor: Actor | None = None) -> Reverted:
    """Put the field a logged change touched back to its earlier value (or take back a
    creation, deletion or restoration)."""
    with db.reading() as session:
        change = session.get(ChangeLog, change_id)
        if change is None:
            raise NotFound("That change is no longer in the history.")
        entity, record_id, field = change.entity, change.entity_id, change.field
        when, by = change.at, change.who or "someone"
        if entity not in ENTITIES:
            raise LiaisonError(f"Changes to a {entity} cannot be reverted from the history.")
        old, new = from_json(change.old), from_json(change.new)
        obj, current = (recording.load(session, ENTITIES[entity].schema, record_id,
                                       include_deleted=True), None) \
            if field in ("created", "deleted", "restored") else \
            _current(session, entity, record_id, field)
        version, deleted = obj.version, obj.deleted_at is not None
    spec = ENTITIES[entity]
    actor = actor or Actor()
    actor = Actor(actor.who, actor.source, f"revert of the change of {when:%Y-%m-%d %H:%M} "
                  f"UTC by {by}", None)
    noun = spec.schema.entity
    if field in ("created", "restored"):
        if deleted:
            raise LiaisonError(f"This {noun} is already deleted.")
        spec.delete(db, record_id, expected_version=version, actor=actor)
        return Reverted(entity, record_id, field, None)
    if field == "deleted":
        if not deleted:
            raise LiaisonError(f"This {noun} is not deleted any more.")
        spec.restore(db, record_id, actor=actor)
        return Reverted(entity, record_id, field, None)
    if deleted:
        raise LiaisonError(f"This {noun} is deleted; restore it before reverting its changes.")
    if _comparable(current) != _comparable(new):
        raise LiaisonError(f"“{field}” was changed again after this change; revert the later "
                           "change first.")
    spec.update(db, record_id, {field: _as_input(field, old)}, expected_version=version,
                actor=actor)
    return Reverted(entity, record_id, field, old)
