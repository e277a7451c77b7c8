"""One undo for every batch — a screen edit, an import, a merge of copies, the starter
register, a revert — read from the change log: each record the batch created is taken back,
each field and relation it changed gets its earlier value, each deletion or restoration is
reversed. Field by field, nothing changed since the batch is overwritten: what was is kept,
and said so. The undo is itself a batch, recorded in the change log like any change.

A merge's batch also names the change-log rows it copied from the other copy
(`undo_data = {"copied": {record id: [row ids]}}`); they go with the undo, so merging the same
copy again brings the same changes again."""

from __future__ import annotations

import json
from collections import defaultdict

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from db.changes import rows as rows_path
from db.changes.batches import UNDO_OF, describe
from db.changes.changeset import (
    DELETED,
    REMOVED,
    RESTORED,
    Change,
    ChangeResult,
    ChangeSet,
    apply,
    batch_of,
)
from db.changes.recording import Actor, from_json
from db.changes.registry import BY_NAME
from db.models import ChangeLog, ImportBatch
from db.models.base import utcnow
from db.models.vocabulary import SOURCES
from db.store.engine import Database
from db.store.errors import LiaisonError, record_noun
from db.store.translation import translate

UndoResult = ChangeResult  # what undoing a batch did


def _sentence(text: str) -> str:
    """`text` to begin a sentence: its first letter capitalised, the rest (a file name) as
    it is."""
    return text[:1].upper() + text[1:]


def changes_to_undo(session: Session, batch: ImportBatch) -> tuple[Change, ...]:
    """The change set that takes `batch` back, read from its change-log rows."""
    copied = {row for rows in _copied(batch).values() for row in rows}
    records: dict[tuple[str, str], list[ChangeLog]] = defaultdict(list)
    for row in session.execute(select(ChangeLog).where(ChangeLog.batch_id == batch.id)
                               .order_by(ChangeLog.at, ChangeLog.id)).scalars():
        if row.id not in copied:
            records[(row.entity, row.entity_id)].append(row)
    changes: list[Change] = []
    for (entity, record_id), rows in records.items():
        if entity not in BY_NAME:
            raise LiaisonError(translate(
                "Undo", "{what} changed a {noun}, which cannot be undone here; nothing was "
                        "undone."
            ).format(what=_sentence(describe(batch.kind, batch.file_name)),
                     noun=record_noun(entity)))
        if any(row.field == "created" for row in rows):
            changes.append(Change(entity, record_id, REMOVED,
                                  version=max(row.version for row in rows)))
            continue
        states = [row.field for row in rows if row.field in (DELETED, RESTORED)]
        if states and states[0] == states[-1]:  # deleted (or restored) in the end: reverse it
            changes.append(Change(entity, record_id, RESTORED if states[0] == DELETED
                                  else DELETED))
        first: dict[str, ChangeLog] = {}
        last: dict[str, ChangeLog] = {}
        for row in rows:
            if row.field not in (DELETED, RESTORED):
                first.setdefault(row.field, row)
                last[row.field] = row
        changes.extend(Change(entity, record_id, name, from_json(last[name].new),
                              from_json(first[name].old)) for name in first)
    return tuple(changes)


def _copied(batch: ImportBatch) -> dict[str, list[str]]:
    data = json.loads(batch.undo_data or "{}")
    copied: dict[str, list[str]] = data.get("copied", {})
    return copied


def undo_batch(db: Database, batch_id: str, actor: Actor | None = None, *,
               kind: str | None = None) -> ChangeResult:
    """Take a batch back in one transaction (only a batch of `kind`, when given)."""
    actor = actor or Actor()
    with db.transaction() as session:
        batch = session.get(ImportBatch, batch_id.strip()) if kind else \
            batch_of(session, batch_id)
        if kind is not None and (batch is None or batch.kind != kind):
            noun = SOURCES[kind].label().lower() if kind in SOURCES else kind
            raise LiaisonError(translate("Undo", "There is no {kind} with batch id {id}.")
                               .format(kind=noun, id=batch_id))
        assert batch is not None
        what = describe(batch.kind, batch.file_name)
        if batch.status == "undone":
            raise LiaisonError(translate("Undo", "{what} ({id}) was already undone.")
                               .format(what=_sentence(what), id=batch.id))
        if batch.kind == "undo":
            raise LiaisonError(translate(
                "Undo", "{what} ({id}) cannot itself be undone; make those changes again "
                        "instead.").format(what=_sentence(what), id=batch.id))
        # The title is stored with the undo's batch and change-log rows: in English.
        title = UNDO_OF + describe(batch.kind, batch.file_name, stored=True)
        changes = ChangeSet("undo", title, changes_to_undo(session, batch), since=what,
                            source="merge" if batch.kind == "merge" else None)
        result = apply(session, changes, actor)
        copied = [row for record_id, rows in _copied(batch).items()
                  if record_id not in result.kept_ids for row in rows]
        for start in range(0, len(copied), 500):
            rows_path.execute(session, delete(ChangeLog).where(
                ChangeLog.id.in_(copied[start:start + 500])))
        batch.status = "undone"
        batch.undone_at = utcnow()
        rows_path.flush(session)
    return result
