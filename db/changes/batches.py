"""Import and merge batches: the one place that finds a batch to undo and says why it cannot."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from db.models import ImportBatch
from db.store.errors import LiaisonError


@dataclass(frozen=True)
class UndoResult:
    """What undoing an import or a merge did."""

    batch_id: str
    removed: int  # records the batch created, now gone
    restored: int  # records the batch changed, back to their earlier values
    kept: tuple[str, ...]  # what could not be undone, in the user's words


_WHAT = {"import": "The import of", "merge": "The merge from"}


def batch_to_undo(session: Session, batch_id: str, kind: str) -> ImportBatch:
    """The applied batch of this kind ("import" or "merge"), or one clear sentence why not."""
    batch = session.get(ImportBatch, batch_id.strip())
    if batch is None or batch.kind != kind:
        raise LiaisonError(f"There is no {kind} with batch id {batch_id}.")
    if batch.status == "undone":
        raise LiaisonError(f"{_WHAT[kind]} {batch.file_name} ({batch.id}) was already undone.")
    return batch
