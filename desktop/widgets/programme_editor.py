"""The Programme tab of a visit's page: every day of the visit, from its first to its last,
with its date, weekday and cities, and its items in order — time, kind, title, place and the
participants of a meeting — edited in place:

- Add item… (Ins), Edit… (Enter or a double-click), Delete (Del);
- Move up / Move down within the day (Ctrl+Up / Ctrl+Down; past the first or last item, to
  the day before or after), Move to day…, or drag an item to its new place;
- Copy day… onto another day of the visit;
- Open meeting: the interaction that records talks, a meeting or a briefing.

Every write goes through db.services.programme and is a step of the window's undo stack
(desktop/widgets/programme_undo.py); `changed` is emitted after each. The programme is read
on the database worker, and read again when a change notice concerns it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from db.services import programme
from db.services.programme import ItemRecord, ProgrammeDay, VisitDetails
from db.store.errors import LiaisonError, NotFound
from desktop.context import AppContext
from desktop.errors import show_problem
from desktop.i18n import translate
from desktop.messages import messages
from desktop.qtmodels.programme import ProgrammeModel, day_text
from desktop.widgets.programme_actions import ProgrammeActions, programme_tree
from desktop.widgets.programme_days import DayDialog
from desktop.widgets.programme_item import ItemDialog
from desktop.widgets.programme_undo import (
    ENTITY,
    DayCopy,
    ProgrammeCommand,
    Removal,
    added,
    removed,
)

Dialog = TypeVar("Dialog", ItemDialog, DayDialog)
# The change notices that may change what the programme shows.
WATCHED = frozenset({"*", ENTITY, "visit", "visit member", "interaction", "organization",
                     "person"})


class ProgrammeEditor(QWidget):
    changed = Signal()  # after every write (and every undo or redo of one)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.visit_id: str | None = None
        self.details: VisitDetails | None = None
        self.dialog: QDialog | None = None  # the item or day dialog that is open
        self.keep: str | date | None = None  # what to select once the programme is shown
        self.stale = False
        self.asked = 0  # the newest read; older answers are dropped
        self.editable = not context.database.read_only

        self.model = ProgrammeModel(self, context.name_preference())
        self.model.editable = self.editable
        self.model.move_requested.connect(self._dropped, Qt.ConnectionType.QueuedConnection)
        self.tree = programme_tree(self.model, self.editable)
        self.tree.doubleClicked.connect(self._opened)

        self.note = QLabel()
        self.note.setObjectName("programme_note")
        self.note.setStyleSheet("color: #777777;")
        self.note.hide()
        self.controls = ProgrammeActions(self, self.tree)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(self.controls.buttons())
        layout.addWidget(self.note)
        layout.addWidget(self.tree, 1)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._enable())
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)  # notices that come together make one read
        self.timer.timeout.connect(self.reload)
        context.changed.connect(self._on_changed)
        self._enable()

    def _enable(self) -> None:
        self.controls.enable(self.current_item(), self.current_day(),
                            self.editable and self.details is not None,
                            len(self.model.days) > 1)

    # -- reading ---------------------------------------------------------------------------
    def show_visit(self, visit_id: str) -> None:
        """Show (and edit) this visit's programme, read on the database worker."""
        if visit_id != self.visit_id:
            self.visit_id = visit_id
            self.keep = None
        self.reload()

    def reload(self) -> None:
        self.timer.stop()
        if self.visit_id is None:
            return
        self.stale = False
        self.asked += 1
        asked, database, visit_id = self.asked, self.context.database, self.visit_id
        if self.keep is None:
            item, day = self.current_item(), self.current_day()
            self.keep = item.id if item is not None else day.day if day is not None else None
        self.context.query(lambda: programme.visit_details(database, visit_id),
                           lambda details: self._arrived(asked, details),
                           lambda exc: self._failed(asked, exc))

    def _arrived(self, asked: int, details: VisitDetails) -> None:
        if not shiboken6.isValid(self):
            return  # its window was closed while the programme was read
        if asked != self.asked or details.visit.id != self.visit_id:
            return  # a newer read is on its way
        self.details = details
        self.model.names = self.context.name_preference()  # as Settings has it now
        self.model.set_days(details.days)
        for number in range(self.model.rowCount()):
            self.tree.setFirstColumnSpanned(number, QModelIndex(), True)
        self.tree.expandAll()
        self.note.hide()
        keep, self.keep = self.keep, None
        found = (self.model.item_index(keep) if isinstance(keep, str) else
                 self.model.day_index(keep) if isinstance(keep, date) else QModelIndex())
        if found.isValid():
            self.tree.selectionModel().setCurrentIndex(
                found, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.tree.scrollTo(found)
        self._enable()

    def _failed(self, asked: int, exc: BaseException) -> None:
        if not shiboken6.isValid(self) or asked != self.asked:
            return
        if isinstance(exc, NotFound):
            self.details = None
            self.model.set_days([])
            self.note.setText(translate("ProgrammeEditor", "This visit has been deleted."))
            self.note.show()
            self._enable()
            return
        if isinstance(exc, LiaisonError):
            show_problem(self, exc)
            return
        raise exc

    def _on_changed(self, entity: str, _record_id: str) -> None:
        if self.visit_id is None or entity not in WATCHED:
            return
        if self.isVisible():
            self.timer.start()
        else:
            self.stale = True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Delete with no item chosen (a day's row) means nothing here; passed on, it would
        reach the visit's page, where it deletes the whole visit."""
        if event.key() == Qt.Key.Key_Delete:
            event.accept()
            return
        super().keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.reload()

    # -- what is selected ------------------------------------------------------------------
    def current_item(self) -> ItemRecord | None:
        return self.model.item_at(self.tree.currentIndex())

    def current_day(self) -> ProgrammeDay | None:
        return self.model.day_at(self.tree.currentIndex())

    def select_item(self, item_id: str) -> None:
        index = self.model.item_index(item_id)
        self.tree.setCurrentIndex(index)

    def select_day(self, day: date) -> None:
        self.tree.setCurrentIndex(self.model.day_index(day))

    def _opened(self, index: QModelIndex) -> None:
        if self.model.item_at(index) is not None:
            self.edit_selected()
        else:
            day = self.model.day_at(index)
            self.add_item(day.day if day is not None else None)

    # -- after a write ---------------------------------------------------------------------
    def _written(self, record_id: str, keep: str | date | None = None) -> None:
        """Announce a write (the notice reads the programme again) and say `changed`."""
        self.keep = keep if keep is not None else record_id
        self.context.notify(ENTITY, record_id)
        self.changed.emit()

    def _push(self, text: str, record_id: str, apply: Callable[[], object],
              revert: Callable[[], object]) -> None:
        self.context.stack_for(self).push(ProgrammeCommand(
            self.context, text, record_id, apply, revert, self._undone))

    def _undone(self) -> None:
        self.changed.emit()

    # -- adding and editing ----------------------------------------------------------------
    def _open(self, dialog: Dialog) -> Dialog:
        """Not modal to the whole app: the user (and the tests) answer it while the page
        stays put."""
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def add_item(self, day: date | None = None) -> ItemDialog | None:
        details, visit_id = self.details, self.visit_id
        if details is None or visit_id is None or not self.editable:
            return None
        if day is None:
            current = self.current_day()
            day = current.day if current is not None else details.visit.start
        shown = next((d for d in details.days if d.day == day), None)
        city = shown.cities[-1] if shown is not None and shown.cities else None
        database = self.context.database

        def write(data: dict[str, Any], participants: list[dict[str, str]] | None
                  ) -> ItemRecord:
            values = {k: v for k, v in data.items() if v not in (None, "")}
            item = programme.add_item(database, visit_id, values, self.context.actor(),
                                      participants=participants)
            self.context.stack_for(self).push(added(
                self.context, item.id, translate("ProgrammeEditor", "Add “{title}” to the "
                                                                    "programme")
                .format(title=item.title), self._undone))
            self._written(item.id)
            return item

        return self._open(ItemDialog(
            self, self.context, details, translate("ProgrammeEditor", "Add a programme item"),
            {"kind": "meeting", "day": day, "city": city}, write))

    def edit_selected(self) -> ItemDialog | None:
        item, details = self.current_item(), self.details
        if item is None or details is None or not self.editable:
            return None
        database = self.context.database

        def write(data: dict[str, Any], _participants: list[dict[str, str]] | None
                  ) -> ItemRecord:
            before = dialog.form.loaded
            changes = {k: v for k, v in data.items() if before.get(k) != v}
            if not changes:
                return item
            saved = programme.update_item(database, item.id, changes,
                                          expected_version=item.version,
                                          actor=self.context.actor())
            undo = {k: before.get(k) for k in changes}
            self._push(translate("ProgrammeEditor", "Edit “{title}”").format(title=saved.title),
                       saved.id,
                       lambda: programme.update_item(database, saved.id, changes,
                                                     expected_version=None,
                                                     actor=self.context.actor()),
                       lambda: programme.update_item(database, saved.id, undo,
                                                     expected_version=None,
                                                     actor=self.context.actor()))
            self._written(saved.id)
            return saved

        values = {"kind": item.kind, "title": item.title, "day": item.day,
                  "starts": item.starts, "ends": item.ends, "city": item.city,
                  "place": item.place, "notes": item.notes}
        dialog = ItemDialog(self, self.context, details,
                            translate("ProgrammeEditor", "Edit a programme item"), values,
                            write, item=item, open_meeting=self._open_interaction)
        return self._open(dialog)

    def delete_selected(self) -> bool:
        item = self.current_item()
        if item is None or not self.editable:
            return False
        question = (translate("ProgrammeEditor", "Delete “{title}” and the record of its "
                                                 "meeting from the programme? Ctrl+Z brings "
                                                 "them back.")
                    if item.interaction_id else
                    translate("ProgrammeEditor", "Delete “{title}” from the programme? Ctrl+Z "
                                                 "brings it back."))
        if not messages.confirm(self, translate("ProgrammeEditor", "Delete programme item"),
                                question.format(title=item.title),
                                yes=translate("ProgrammeEditor", "Delete")):
            return False
        removal = Removal(self.context, item.id)
        try:
            removal.remove()
        except LiaisonError as exc:
            show_problem(self, exc)
            return False
        self.context.stack_for(self).push(removed(
            self.context, removal,
            translate("ProgrammeEditor", "Delete “{title}”").format(title=item.title),
            self._undone))
        self._written(item.id, keep=item.day)
        return True

    # -- moving ----------------------------------------------------------------------------
    def move_selected(self, step: int) -> bool:
        """One place up (-1) or down (+1); past the first or last place of its day, to the
        end of the day before or the start of the day after."""
        item = self.current_item()
        place = self.model.place_of(item.id) if item is not None else None
        if item is None or place is None:
            return False
        number, position = place
        days = self.model.days
        target = position + step
        if 0 <= target < len(days[number].items):
            return self.move_item(item.id, days[number].day, target)
        if step < 0 and number > 0:
            return self.move_item(item.id, days[number - 1].day, len(days[number - 1].items))
        if step > 0 and number + 1 < len(days):
            return self.move_item(item.id, days[number + 1].day, 0)
        return False

    def move_item(self, item_id: str, day: date, index: int | None = None) -> bool:
        """Put an item on `day` at `index` among its items (at the end when None)."""
        place = self.model.place_of(item_id)
        target = next((d for d in self.model.days if d.day == day), None)
        if place is None or target is None or not self.editable:
            return False
        number, position = place
        source = self.model.days[number]
        item = source.items[position]
        others = [i for i in target.items if i.id != item_id]
        index = len(others) if index is None else max(0, min(index, len(others)))
        if source.day == day and position == index:
            return False
        database = self.context.database
        try:
            programme.move_item(database, item_id, day, index, self.context.actor())
        except LiaisonError as exc:
            show_problem(self, exc)
            return False
        self._push(translate("ProgrammeEditor", "Move “{title}”").format(title=item.title),
                   item_id,
                   lambda: programme.move_item(database, item_id, day, index,
                                               self.context.actor()),
                   lambda: programme.move_item(database, item_id, source.day, position,
                                               self.context.actor()))
        self._written(item_id)
        return True

    def _dropped(self, item_id: str, day: date, index: int) -> None:
        self.move_item(item_id, day, index)

    def ask_move_to_day(self) -> DayDialog | None:
        item = self.current_item()
        if item is None or not self.editable:
            return None
        dialog = DayDialog(self, translate("ProgrammeEditor", "Move to day"),
                           translate("ProgrammeEditor", "Move “{title}” to the end of:")
                           .format(title=item.title), self.model.days, item.day)
        dialog.accepted.connect(lambda: self._move_chosen(item.id, dialog.chosen()))
        return self._open(dialog)

    def _move_chosen(self, item_id: str, day: date | None) -> None:
        if day is not None:
            self.move_item(item_id, day)

    # -- copying a day ---------------------------------------------------------------------
    def ask_copy_day(self) -> DayDialog | None:
        day = self.current_day()
        if day is None or not self.editable:
            return None
        after = next((d.day for d in self.model.days if d.day > day.day), None)
        number = self.model.days.index(day) + 1
        dialog = DayDialog(self, translate("ProgrammeEditor", "Copy day"),
                           translate("ProgrammeEditor", "Copy the items of day {number} "
                                                        "({day}) onto:").format(
                               number=number, day=day_text(day.day)),
                           self.model.days, after, skip=day.day)
        dialog.accepted.connect(lambda: self._copy_chosen(day.day, dialog.chosen()))
        return self._open(dialog)

    def _copy_chosen(self, source: date, target: date | None) -> None:
        if target is not None:
            self.copy_day(source, target)

    def copy_day(self, source: date, target: date) -> bool:
        """Copy the items of `source` after those of `target` (meetings as new meetings with
        the same participants)."""
        if self.visit_id is None or source == target or not self.editable:
            return False
        shown = next((d for d in self.model.days if d.day == target), None)
        before = {i.id for i in shown.items} if shown is not None else set()
        try:
            copy = DayCopy.make(self.context, self.visit_id, source, target, before)
        except LiaisonError as exc:
            show_problem(self, exc)
            return False
        self._push(translate("ProgrammeEditor", "Copy {source} onto {target}").format(
            source=source.isoformat(), target=target.isoformat()), self.visit_id,
            copy.again, copy.take_back)
        self._written(self.visit_id, keep=target)
        return True

    # -- the meeting -----------------------------------------------------------------------
    def open_meeting(self) -> QWidget | None:
        item = self.current_item()
        if item is None or not item.interaction_id:
            return None
        return self._open_interaction(item.interaction_id)

    def _open_interaction(self, interaction_id: str) -> QWidget:
        return self.context.open_interaction(interaction_id)

