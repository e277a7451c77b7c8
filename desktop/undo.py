"""Undo where the user expects it. Each record window has its own stack with that record's
changes (a position ended, a follow-up marked done, a change reverted from its history); the
main window's stack holds the list-level actions (deletions, imports, merges of copies). One
QUndoGroup (AppContext.undo_group) follows the active window, so Edit ▸ Undo and Ctrl+Z act
on that window's stack and say what they will undo.

Every command is pushed after its change was made (its errors shown): it only remembers how
to take the change back and to make it again."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication, QWidget

from db.services.history import history
from db.services.revert import Reverted, revert_change
from db.store.errors import LiaisonError
from desktop.errors import show_problem
from desktop.i18n import translate

if TYPE_CHECKING:
    from desktop.context import AppContext

LIFECYCLE = frozenset({"created", "deleted", "restored"})


class ChangeCommand(QUndoCommand):
    """A change other than a deletion (ending a position, marking a follow-up done)."""

    def __init__(self, context: AppContext, entity: str, record_id: str, text: str,
                 apply: Callable[[], object], revert: Callable[[], object]) -> None:
        super().__init__(text)
        self.context = context
        self.entity = entity
        self.record_id = record_id
        self.apply = apply
        self.revert = revert
        self.done_once = False

    def redo(self) -> None:
        if self.done_once:
            self.apply()
            self.context.notify(self.entity, self.record_id)
        self.done_once = True

    def undo(self) -> None:
        self.revert()
        self.context.notify(self.entity, self.record_id)


class DeleteCommand(ChangeCommand):
    """A soft delete that Ctrl+Z restores (and Ctrl+Shift+Z deletes again)."""

    def __init__(self, context: AppContext, entity: str, record_id: str, label: str,
                 delete: Callable[[], object], restore: Callable[[], object]) -> None:
        super().__init__(context, entity, record_id,
                         translate("Context", "Delete {record}").format(record=label),
                         delete, restore)

    def redo(self) -> None:
        if self.done_once:
            self.apply()
        self.done_once = True
        self.context.notify(self.entity, self.record_id)


class RevertCommand(QUndoCommand):
    """A revert from a record's history, already made. Undo takes it back by reverting the
    change the revert logged, and redo by reverting the change that undo logged — each step
    through the same service and its checks, so a field someone changed again meanwhile is
    never overwritten (the user is told, and the step leaves the stack)."""

    def __init__(self, context: AppContext, reverted: Reverted, text: str) -> None:
        super().__init__(text)
        self.context = context
        self.reverted = reverted
        self.fields = LIFECYCLE if reverted.field in LIFECYCLE else frozenset({reverted.field})
        self.logged = self._just_logged()
        self.done_once = False

    def _just_logged(self) -> str | None:
        """The id of the change log row the last step wrote: the record's newest revert of
        the field by this officer (a colleague's later change is never the one taken back)."""
        who = self.context.actor().who
        return next((c.id for c in history(self.context.database, self.reverted.entity_id)
                     if c.field in self.fields and c.who == who
                     and (c.source_detail or "").startswith("revert of")), None)

    def _take_back(self) -> None:
        try:
            if self.logged is None:
                raise LiaisonError(translate("Context", "That change is no longer in the history."))
            revert_change(self.context.database, self.logged, self.context.actor())
        except LiaisonError as exc:
            self.setObsolete(True)  # nothing to take back any more: drop it from the stack
            show_problem(QApplication.activeWindow(), exc)
            return
        self.logged = self._just_logged()
        self.context.notify(self.context.notice_entity(self.reverted.entity),
                            self.reverted.entity_id)

    def redo(self) -> None:
        if self.done_once:
            self._take_back()
        self.done_once = True

    def undo(self) -> None:
        self._take_back()


class BatchCommand(QUndoCommand):
    """An import or a merge of copies, already applied as one batch. Undo takes the batch
    back through the engine's undo (`take_back` starts that as a background job with its
    progress window); an undone batch cannot be made again, so the step then leaves the
    stack (import the file again instead)."""

    def __init__(self, text: str, take_back: Callable[[], object]) -> None:
        super().__init__(text)
        self.take_back = take_back

    def redo(self) -> None:
        pass  # the batch was applied before the step was pushed

    def undo(self) -> None:
        self.setObsolete(True)
        self.take_back()


def push_change(context: AppContext, where: QWidget | None, entity: str, record_id: str,
                text: str, apply: Callable[[], object], revert: Callable[[], object]) -> None:
    """Record a change already made (and announced) on the undo stack of `where`'s window."""
    context.stack_for(where).push(ChangeCommand(context, entity, record_id, text, apply, revert))
