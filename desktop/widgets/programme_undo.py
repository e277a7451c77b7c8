"""The programme editor's steps on the visit window's undo stack. Each write was made (its
problems shown) before its step is pushed; the step only knows how to take it back and make
it again, through the programme service and the engine's undo of a batch:

- an item added: undo removes it (with its meeting); redo takes that removal back;
- an item deleted: undo takes the removal back (item and meeting as they were); redo removes
  it again;
- an item edited: undo writes the earlier values, redo the new ones;
- an item moved: undo puts it back at its day and place, redo moves it again;
- a day copied: undo takes the copy's batch back (every copied item and meeting); redo
  copies the day again.

When a step can no longer be taken (a colleague removed the item meanwhile), the user is told
why and the step leaves the stack."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication

from db.changes.undo import undo_batch
from db.services import programme
from db.services.history import history
from db.store.engine import Database
from db.store.errors import LiaisonError, NotFound
from desktop.context import AppContext
from desktop.errors import show_problem
from desktop.i18n import translate

ENTITY = "programme item"  # the change notice's name


def batch_of(database: Database, record_id: str, field: str, who: str) -> str:
    """The batch of the newest change of `field` (“created”, “deleted”…) that `who` made to
    a record: the write just made."""
    for change in history(database, record_id, limit=50):
        if change.field == field and change.who == who and change.batch_id:
            return change.batch_id
    raise NotFound(translate("ProgrammeEditor", "That change is no longer in the history."))


class ProgrammeCommand(QUndoCommand):
    """A step whose first redo is the write already made."""

    def __init__(self, context: AppContext, text: str, record_id: str,
                 apply: Callable[[], object], revert: Callable[[], object],
                 after: Callable[[], None]) -> None:
        super().__init__(text)
        self.context = context
        self.record_id = record_id
        self.apply = apply
        self.revert = revert
        self.after = after  # the editor shows the programme again
        self.done_once = False

    def _run(self, step: Callable[[], object]) -> None:
        try:
            step()
        except LiaisonError as exc:
            self.setObsolete(True)  # nothing left to take back or make again
            show_problem(QApplication.activeWindow(), exc)
            return
        self.context.notify(ENTITY, self.record_id)
        self.after()

    def redo(self) -> None:
        if self.done_once:
            self._run(self.apply)
        self.done_once = True

    def undo(self) -> None:
        self._run(self.revert)


class Removal:
    """Removing an item and taking the removal back, as often as undo and redo ask."""

    def __init__(self, context: AppContext, item_id: str) -> None:
        self.context = context
        self.item_id = item_id
        self.batch: str | None = None

    def remove(self) -> None:
        database, actor = self.context.database, self.context.actor()
        programme.remove_item(database, self.item_id, actor=actor)
        self.batch = batch_of(database, self.item_id, "deleted", actor.who)

    def bring_back(self) -> None:
        if self.batch is None:
            raise NotFound(translate("ProgrammeEditor", "That change is no longer in the "
                                                        "history."))
        undo_batch(self.context.database, self.batch, self.context.actor())
        self.batch = None


def added(context: AppContext, item_id: str, text: str,
          after: Callable[[], None]) -> ProgrammeCommand:
    removal = Removal(context, item_id)
    return ProgrammeCommand(context, text, item_id, removal.bring_back, removal.remove, after)


def removed(context: AppContext, removal: Removal, text: str,
            after: Callable[[], None]) -> ProgrammeCommand:
    """`removal` has removed the item already."""
    return ProgrammeCommand(context, text, removal.item_id, removal.remove,
                            removal.bring_back, after)


class DayCopy:
    """A day copied onto another, taken back as the one batch it was written in."""

    def __init__(self, context: AppContext, visit_id: str, source: date, target: date,
                 batch: str) -> None:
        self.context = context
        self.visit_id = visit_id
        self.source = source
        self.target = target
        self.batch = batch

    @classmethod
    def make(cls, context: AppContext, visit_id: str, source: date, target: date,
             before: set[str]) -> DayCopy:
        """Copy now; `before`: the ids of the target day's items before the copy."""
        database, actor = context.database, context.actor()
        items = programme.copy_day(database, visit_id, source, target, actor)
        new = next(item.id for item in items if item.id not in before)
        return cls(context, visit_id, source, target, batch_of(database, new, "created",
                                                               actor.who))

    def take_back(self) -> None:
        undo_batch(self.context.database, self.batch, self.context.actor())

    def again(self) -> None:
        database, actor = self.context.database, self.context.actor()
        before = {item.id for item in programme.list_items(database, self.visit_id)}
        items = programme.copy_day(database, self.visit_id, self.source, self.target,
                                   actor)
        new = next(item.id for item in items if item.id not in before)
        self.batch = batch_of(database, new, "created", actor.who)
