"""Undoing a merge: the one undo of db/changes/undo.py, for batches of kind "merge" — the
values it replaced come back, the records it created go, and so do the change-log rows it
copied, so merging the same copy again brings the same changes again. Undo is local: the
other copy is not touched."""

from __future__ import annotations

from db.changes.recording import Actor
from db.changes.undo import UndoResult, undo_batch
from db.store.engine import Database

MergeUndo = UndoResult  # what undoing a merge did


def undo_merge(db: Database, batch_id: str, actor: Actor | None = None) -> MergeUndo:
    """Take a merge back in one transaction; what was changed again since is kept, field by
    field, and said so. The other copy is not affected."""
    return undo_batch(db, batch_id, actor, kind="merge")
