"""Marking a follow-up done, written once for every screen that offers it: the follow-ups
list, an organization's Follow-ups tab, and the interaction editor's commitments (written when
the interaction is saved). A colleague's change made meanwhile is settled with the user field
by field (dialogs.conflict); a step Ctrl+Z can take back goes on the undo stack of the window
where it was made."""

from __future__ import annotations

from typing import Literal

from PySide6.QtWidgets import QWidget

from db.changes.recording import Actor
from db.services.followups import FollowUpRecord, create_followup, update_followup
from db.store.engine import Database
from db.store.errors import ConflictError, LiaisonError
from desktop.context import AppContext
from desktop.dialogs import conflict
from desktop.errors import show_problem
from desktop.qtmodels.followup_drafts import FollowUpDraft, FollowUpDraftsModel
from desktop.undo import push_change

DONE = {"status": "done"}
Outcome = Literal["done", "kept", "cancelled", "refused"]


def write_done(parent: QWidget, database: Database, record: FollowUpRecord,
               actor: Actor) -> FollowUpRecord | None:
    """Write "done" over the version the user saw; when a colleague saved meanwhile, the user
    settles it (conflict.save_followup). The follow-up as saved, or None when the user
    cancelled or it was deleted meanwhile (the user was told). Other refusals raise."""
    try:
        return update_followup(database, record.id, DONE, expected_version=record.version,
                               actor=actor)
    except ConflictError as exc:  # changed by someone else: the user decides
        return conflict.save_followup(parent, database, exc, record, DONE, actor)


def mark_done(parent: QWidget, context: AppContext, record: FollowUpRecord,
              undo_text: str) -> Outcome:
    """Mark one follow-up done from a list or tab, announce it, and (when it really became
    done) push an undo step on the stack of `parent`'s window."""
    database, actor = context.database, context.actor
    try:
        saved = write_done(parent, database, record, actor())
    except LiaisonError as exc:  # the database said no
        show_problem(parent, exc)
        return "refused"
    if saved is None:
        return "cancelled"
    context.notify("followup", record.id)
    if saved.status != "done":  # the colleague's status was taken: no undo step
        return "kept"
    push_change(context, parent, "followup", record.id, undo_text,
                lambda: update_followup(database, record.id, DONE, expected_version=None,
                                        actor=actor()),
                lambda: update_followup(database, record.id,
                                        {"status": record.status, "completed_on": None},
                                        expected_version=None, actor=actor()))
    return "done"


def write_followups(parent: QWidget, database: Database, model: FollowUpDraftsModel,
                    interaction_id: str, actor: Actor) -> tuple[int, list[FollowUpDraft] | None]:
    """The interaction editor's commitments, written with its save: create the new follow-ups
    and mark the chosen ones done. Returns how many were written and, if one failed (the user
    was told why), the new rows still unsaved."""
    written: list[FollowUpDraft] = []
    try:
        for draft in list(model.rows):
            if draft.is_new:
                create_followup(database, draft.data(interaction_id), actor)
                written.append(draft)
            elif draft.mark_done and draft.record is not None:
                if write_done(parent, database, draft.record, actor) is None:
                    continue  # cancelled: left as it is, the rest still saved
                written.append(draft)
    except LiaisonError as exc:
        show_problem(parent, exc)
        return len(written), [d for d in model.new_rows() if all(d is not w for w in written)]
    return len(written), None
