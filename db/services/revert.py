"""Reverting one change from a record's history: the field goes back to the value it had before
that change, as a change set of one change applied by the writer (validated, versioned,
logged, one batch of kind "revert"), so the revert itself appears in the history and can be
reverted in turn.

A change is only reverted while it is still in effect: if the field was changed again since,
the user is told to revert the later change first — nothing later is overwritten silently."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from db.changes.changeset import DELETED, RESTORED, Change, ChangeSet, apply
from db.changes.recording import Actor, from_json
from db.changes.registry import BY_NAME
from db.models import ChangeLog
from db.store.engine import Database
from db.store.errors import LiaisonError, NotFound, record_noun
from db.store.translation import translate

# What the history screen offers to revert: every aggregate of the registry, and which of
# them carry tags.
ENTITIES = BY_NAME
TAG_OWNERS = frozenset(name for name, entity in BY_NAME.items() if entity.link("tags"))


@dataclass(frozen=True)
class Reverted:
    entity: str
    entity_id: str
    field: str
    value: Any  # what the field holds now (the value before the reverted change)


def revert_change(db: Database, change_id: str, actor: Actor | None = None) -> Reverted:
    """Put the field a logged change touched back to its earlier value (or take back a
    creation, deletion or restoration)."""
    actor = actor or Actor()
    with db.transaction() as session:
        change = session.get(ChangeLog, change_id)
        if change is None:
            raise NotFound(translate("Undo", "That change is no longer in the history."))
        entity, record_id, field = change.entity, change.entity_id, change.field
        if entity not in BY_NAME:
            raise LiaisonError(translate(
                "Undo", "Changes to a {noun} cannot be reverted from the history."
            ).format(noun=record_noun(entity)))
        spec = BY_NAME[entity]
        obj = session.get(spec.model, record_id)
        noun = record_noun(spec.schema.entity)
        if obj is None:
            raise NotFound(translate("Records", "There is no {noun} with id {id}.")
                           .format(noun=noun, id=record_id))
        deleted = obj.deleted_at is not None
        old = from_json(change.old)
        if field in ("created", RESTORED):
            if deleted:
                raise LiaisonError(translate("Undo", "This {noun} is already deleted.")
                                   .format(noun=noun))
            wanted = Change(entity, record_id, DELETED)
        elif field == DELETED:
            if not deleted:
                raise LiaisonError(translate("Undo", "This {noun} is not deleted any more.")
                                   .format(noun=noun))
            wanted = Change(entity, record_id, RESTORED)
        elif deleted:
            raise LiaisonError(translate(
                "Undo", "This {noun} is deleted; restore it before reverting its changes."
            ).format(noun=noun))
        elif field not in spec.schema.fields and spec.link(field) is None:
            raise LiaisonError(translate(
                "Undo", "Changes to “{field}” cannot be reverted from the history."
            ).format(field=field))
        else:
            wanted = Change(entity, record_id, field, from_json(change.new), old)
        # The title is stored with the revert's batch and change-log rows: in English.
        title = (f"revert of the change of {change.at:%Y-%m-%d %H:%M} UTC by "
                 f"{change.who or 'someone'}")
        result = apply(session, ChangeSet("revert", title, (wanted,),
                                          since=translate("Undo", "this change")), actor)
        if result.kept:
            raise LiaisonError(translate(
                "Undo", "“{field}” was changed again after this change; revert the later "
                        "change first."
            ).format(field=field))
    value = None if field in ("created", DELETED, RESTORED) else old
    return Reverted(entity, record_id, field, value)
