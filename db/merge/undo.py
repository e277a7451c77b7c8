"""Undoing a merge: the values it replaced come back, the records it created go, and so do
the change-log rows it copied — so merging the same copy again brings the same changes again.
Undo is local: the other copy is not touched."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, delete, select
from sqlalchemy.orm import Session

from db.changes import rows as rows_path
from db.changes.batches import UndoResult, batch_to_undo
from db.changes.recording import Actor
from db.merge.apply import LINK_TABLES, Writer
from db.merge.read import TAG_TABLES
from db.merge.records import MERGE_SOURCE, SPEC_OF, FieldMerge, RecordMerge, Spec
from db.models import (
    Affiliation,
    ChangeLog,
    FollowUp,
    ImportBatch,
    Participation,
    country_tags,
    interaction_topics,
)
from db.models.base import UTCDateTime, utcnow
from db.store.engine import Database

MergeUndo = UndoResult  # what undoing a merge did


# Who may still point to a record the merge created (after the merge's own records are gone).
REFERRERS: dict[str, tuple[Any, ...]] = {
    "organization": (Participation.organization_id, Affiliation.organization_id,
                     FollowUp.organization_id),
    "person": (Participation.person_id, Affiliation.person_id, FollowUp.person_id),
    "interaction": (FollowUp.interaction_id,),
    "tag": (*(table.c.tag_id for table, _c in TAG_TABLES.values()), country_tags.c.tag_id),
    "topic": (interaction_topics.c.topic_id,),
}


def undo_merge(db: Database, batch_id: str, actor: Actor | None = None) -> MergeUndo:
    """Take a merge back in one transaction: records it changed get their earlier values and
    records it created are removed — unless they were changed again since (they are kept and
    said so) — and the change-log rows it copied go, so merging the same copy again brings
    the same changes again. The other copy is not affected."""
    base = actor or Actor()
    kept: list[str] = []
    restored = removed = 0
    with db.transaction() as session:
        batch = batch_to_undo(session, batch_id, "merge")
        writer = Writer(session, Actor(base.who, MERGE_SOURCE,
                                        f"undo of the merge from {batch.file_name}", batch.id))
        data = json.loads(batch.undo_data or "{}")
        keep_history: set[str] = set()
        for item in reversed(data.get("updated", [])):
            spec = SPEC_OF[item["entity"]]
            obj = session.get(spec.model, item["id"])
            if obj is None or obj.version != item["version"]:
                kept.append(f"{spec.entity} {item['id']} was changed after the merge; its "
                            "newer values were kept")
                keep_history.add(item["id"])
                continue
            writes = [(FieldMerge(name, None, None, "apply"), _stored(spec, name, value))
                      for name, value in item["before"].items()]
            writer.update(spec, RecordMerge(spec.entity, spec.kind, obj.id, obj.id, "update",
                                            version=obj.version), writes)
            restored += 1
        for item in reversed(data.get("created", [])):
            spec = SPEC_OF[item["entity"]]
            obj = session.get(spec.model, item["id"])
            if obj is None:
                continue
            if obj.version != item["version"] or _referred_to(session, spec, obj.id):
                kept.append(f"{spec.entity} {item['id']} was changed or linked to after the "
                            "merge; it was kept")
                keep_history.add(item["id"])
                continue
            _remove(session, writer, spec, obj)
            removed += 1
        copied = [key for entity_id, keys in data.get("log", {}).items()
                  if entity_id not in keep_history for key in keys]
        for start in range(0, len(copied), 500):
            rows_path.execute(session, delete(ChangeLog).where(
                ChangeLog.id.in_(copied[start:start + 500])))
        writer.finish()
        batch.status = "undone"
        batch.undone_at = utcnow()
        rows_path.flush(session)
    return MergeUndo(batch_id, removed, restored, tuple(kept))


def _stored(spec: Spec, name: str, value: Any) -> Any:
    """A value from the undo data (JSON) back in the form the column holds."""
    if value is None:
        return None
    if name == "deleted":
        return datetime.fromisoformat(value)
    if name == "participants":
        return {(org, person): role for org, person, role in value}
    if name in spec.links:
        return frozenset(value)
    kind = spec.model.__mapper__.attrs[spec.schema.attribute(name)].columns[0].type
    if isinstance(kind, UTCDateTime):
        return datetime.fromisoformat(value)
    if isinstance(kind, Date):
        return date.fromisoformat(value)
    return value


def _referred_to(session: Session, spec: Spec, record_id: str) -> bool:
    return any(session.execute(select(column).where(column == record_id).limit(1)).first()
               for column in REFERRERS.get(spec.entity, ()))


def _remove(session: Session, writer: Writer, spec: Spec, obj: Any) -> None:
    if "tags" in spec.links:
        table, column = TAG_TABLES[spec.entity]
        rows_path.execute(session, table.delete().where(table.c[column] == obj.id))
    for name in ("topics", "countries"):
        if name in spec.links:
            owner, _item = LINK_TABLES[name]
            rows_path.execute(session, owner.table.delete().where(owner == obj.id))
    if spec.entity == "interaction":
        writer._touch_participants(obj.id)
        rows_path.execute(session, delete(Participation).where(
            Participation.interaction_id == obj.id))
    writer.organizations.discard(obj.id)
    writer.people.discard(obj.id)
    rows_path.execute(session, delete(spec.model).where(spec.model.id == obj.id)
                      .execution_options(synchronize_session=False))
    session.expunge(obj)


def list_merges(db: Database, limit: int = 50) -> list[dict[str, Any]]:
    """The latest merges, newest first: what a screen offers to undo."""
    with db.reading() as session:
        rows = session.execute(select(ImportBatch).where(ImportBatch.kind == "merge")
                               .order_by(ImportBatch.created_at.desc()).limit(limit)).scalars()
        return [{"id": b.id, "other": b.file_name, "at": b.created_at, "who": b.who,
                 "status": b.status, "counts": b.counts} for b in rows]
