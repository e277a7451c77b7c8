"""Undoable changes other than deletions (ending a position, marking a follow-up done): the
change is made first, with its errors shown; the command pushed afterwards only remembers how
to take it back and to make it again."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from desktop.context import AppContext


class ChangeCommand(QUndoCommand):
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


def push_change(context: AppContext, entity: str, record_id: str, text: str,
                apply: Callable[[], object], revert: Callable[[], object]) -> None:
    """Record a change already made (and announced) so Ctrl+Z can take it back."""
    context.undo_stack.push(ChangeCommand(context, entity, record_id, text, apply, revert))
