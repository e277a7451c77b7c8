"""An organization's Level tab (issue 18): when the relationship rose or fell and why — a step
chart over the years and a table (effective date, level, reason, recorded by), read on the
database worker. “Change level…” records a change (level, effective date — today unless told
— and reason); an entry can be edited or removed. A problem (two changes on one day, a date
that is no date) shows beside its field in the dialog and nothing is written. Each write is
one step of the page's undo stack, taken back through the engine's undo of its batch and made
again through the levels service."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.changes.dates import parse_date
from db.changes.fields import FieldInvalid
from db.changes.undo import undo_batch
from db.models.vocabulary import RELATIONSHIP_LEVELS
from db.services import levels
from db.services.history import history
from db.services.levels import LevelRecord
from db.store.errors import LiaisonError, NotFound, Problem, ValidationFailed
from desktop.context import AppContext
from desktop.errors import show_problem
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.icons import icon
from desktop.jobs.worker import Answer
from desktop.messages import messages
from desktop.qtmodels.paged import Column
from desktop.qtmodels.records import RecordListModel
from desktop.readable import date_text
from desktop.widgets.form import FieldSpec, RecordForm
from desktop.widgets.level_chart import LevelChart, Step
from desktop.widgets.record_table import RecordTable

ENTITY = "level change"  # the change notice's name

FIELDS = [  # the form translates the labels ("Fields")
    FieldSpec("level", QT_TRANSLATE_NOOP("Fields", "Relationship level"), kind="choice",
              choices=RELATIONSHIP_LEVELS, required=True),
    FieldSpec("effective", QT_TRANSLATE_NOOP("Fields", "Effective from"), kind="date",
              required=True),
    FieldSpec("reason", QT_TRANSLATE_NOOP("Fields", "Reason"), kind="multiline"),
]


def level_label(code: str | None) -> str:
    term = RELATIONSHIP_LEVELS.get(code or "")
    return term.label() if term else (code or "")


COLUMNS = [
    Column("effective", QT_TRANSLATE_NOOP("Columns", "Effective"),
           lambda r: date_text(r.effective)),
    Column("level", QT_TRANSLATE_NOOP("Columns", "Level"), lambda r: level_label(r.level)),
    Column("reason", QT_TRANSLATE_NOOP("Columns", "Reason"),
           lambda r: (r.reason or "").replace("\n", " "), tooltip=lambda r: r.reason or None),
    Column("who", QT_TRANSLATE_NOOP("Columns", "Recorded by"), lambda r: r.who or ""),
]


def last_batch(context: AppContext, record_id: str) -> str:
    """The batch of the newest change this officer made to a level entry: the write just
    made."""
    who = context.actor().who
    for change in history(context.database, record_id, limit=50):
        if change.who == who and change.batch_id:
            return change.batch_id
    raise NotFound(translate("OrganizationLevels", "That change is no longer in the history."))


class LevelCommand(QUndoCommand):
    """A write to the level history, already made: undo takes its batch back; redo makes it
    again (`make` writes and returns the new batch). A step that can no longer be taken (a
    colleague changed the entry meanwhile) is said and leaves the stack."""

    def __init__(self, context: AppContext, text: str, organization_id: str, batch: str,
                 make: Callable[[], str], after: Callable[[], None]) -> None:
        super().__init__(text)
        self.context = context
        self.organization_id = organization_id
        self.batch = batch
        self.make = make
        self.after = after
        self.done_once = False

    def _run(self, step: Callable[[], object]) -> None:
        try:
            step()
        except LiaisonError as exc:
            self.setObsolete(True)
            show_problem(QApplication.activeWindow(), exc)
            return
        self.context.notify(ENTITY, self.organization_id)
        self.context.notify("organization", self.organization_id)
        self.after()

    def redo(self) -> None:
        if self.done_once:
            self._run(self._again)
        self.done_once = True

    def _again(self) -> None:
        self.batch = self.make()

    def undo(self) -> None:
        self._run(lambda: undo_batch(self.context.database, self.batch,
                                     self.context.actor()))


class LevelDialog(QDialog):
    """A level change's form. OK writes it; `write` raises ValidationFailed with the
    problems, shown beside their fields, and the dialog stays open."""

    def __init__(self, parent: QWidget, title: str, values: Mapping[str, Any],
                 write: Callable[[dict[str, Any]], Any]) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.write = write
        self.form = RecordForm(FIELDS)
        self.form.setObjectName("level_form")
        self.form.set_values(values)
        self.form.setMinimumWidth(520)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.form.widgets["level"].setFocus()

    def accept(self) -> None:
        try:
            self.write(self.form.values())
        except ValidationFailed as exc:
            self.form.show_problems(exc.problems)
            return
        except LiaisonError as exc:
            show_problem(self, exc)
            return
        super().accept()


class LevelsTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.organization_id: str | None = None
        self.records: list[LevelRecord] = []
        self.answer: Answer | None = None
        self.dialog: LevelDialog | None = None
        self.chart = LevelChart()
        self.summary = QLabel()
        self.summary.setObjectName("level_summary")
        self.summary.setWordWrap(True)
        self.model = RecordListModel(COLUMNS)
        self.table = RecordTable(self.model, self, handles_delete=True)
        self.table.setObjectName("levels_table")
        self.table.set_widths(150, 150, 420, 140, stretch=2)
        self.table.set_placeholder(translate(
            "OrganizationLevels", "No level recorded yet. Change level… records the level with "
                                  "the day it took effect and why."))
        self.table.opened.connect(lambda _entry: self.edit_selected())
        self.table.delete_requested.connect(self.remove_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        editable = not context.database.read_only
        self.change_button = QPushButton(icon("plus"),
                                         translate("OrganizationLevels", "Change level…"))
        self.change_button.setObjectName("change_level")
        self.change_button.setEnabled(editable)
        self.change_button.clicked.connect(lambda _checked=False: self.change_level())
        self.edit_button = QPushButton(icon("pencil"), translate("OrganizationLevels", "Edit…"))
        self.edit_button.setObjectName("edit")
        self.edit_button.clicked.connect(lambda _checked=False: self.edit_selected())
        self.remove_button = QPushButton(icon("trash-2"),
                                         translate("OrganizationLevels", "Remove"))
        self.remove_button.setObjectName("remove")
        self.remove_button.setToolTip(translate(
            "OrganizationLevels", "Remove the selected entry (Del); Ctrl+Z brings it back"))
        self.remove_button.clicked.connect(lambda _checked=False: self.remove_selected())
        buttons = QHBoxLayout()
        for button in (self.change_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.chart)
        layout.addWidget(self.table, 1)
        self._enable()

    def set_owner(self, organization_id: str) -> None:
        self.organization_id = organization_id

    # -- reading ---------------------------------------------------------------------------
    def reload(self) -> None:
        if self.organization_id is None:
            return
        database, organization_id = self.context.database, self.organization_id

        def arrived(records: list[LevelRecord]) -> None:
            if answer is self.answer:
                self.answer = None
                self.show_records(records)

        answer = self.context.query(lambda: levels.level_history(database, organization_id),
                                    arrived)
        self.answer = answer
        if answer is not None:
            answer.wait(0.05)  # a short history shows at once, without a flash of the old one

    def show_records(self, records: Sequence[LevelRecord]) -> None:
        selected = self.table.current_record()
        self.records = list(records)
        self.model.set_records(self.records)
        today = date.today()
        self.chart.set_steps([Step(r.effective, r.level, r.reason) for r in self.records],
                             today)
        now = next((r for r in self.records if r.effective <= today), None)
        if now is None:
            self.summary.setText("")
        else:
            self.summary.setText(translate(
                "OrganizationLevels", "Today: <b>{level}</b>, since {date}.").format(
                level=level_label(now.level), date=date_text(now.effective)))
        row = self.model.row_of(selected.id) if selected is not None else None
        if row is not None:
            self.table.select_row(row)
        self._enable()

    def _enable(self) -> None:
        chosen = self.table.current_record() is not None
        editable = not self.context.database.read_only
        self.change_button.setEnabled(editable and self.organization_id is not None)
        self.edit_button.setEnabled(chosen and editable)
        self.remove_button.setEnabled(chosen and editable)

    # -- writing ---------------------------------------------------------------------------
    def _open(self, title: str, values: Mapping[str, Any],
              write: Callable[[dict[str, Any]], Any]) -> LevelDialog:
        """The entry's dialog, not modal to the whole app (tests answer it as a user does)."""
        dialog = LevelDialog(self, title, values, write)
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _closed(self, dialog: LevelDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _written(self, text: str, batch: str, make: Callable[[], str]) -> None:
        assert self.organization_id is not None
        self.context.notify(ENTITY, self.organization_id)
        self.context.notify("organization", self.organization_id)
        self.context.stack_for(self).push(LevelCommand(
            self.context, text, self.organization_id, batch, make, self.reload))
        self.reload()

    def _day(self, text: Any) -> date | None:
        """The date typed, or None when it is no date (the service then says why)."""
        try:
            return parse_date(text)
        except FieldInvalid:
            return None

    def _clash(self, day: date | None, but: str | None = None) -> None:
        """Two changes on one day: refused beside the date, nothing written."""
        if day is None or self.organization_id is None:
            return
        found = next((r for r in levels.level_history(self.context.database,
                                                      self.organization_id)
                      if r.effective == day and r.id != but), None)
        if found is not None:
            raise ValidationFailed([Problem("effective", translate(
                "OrganizationLevels", "The level already changed on {date} (to {level}); "
                                      "edit that entry instead.").format(
                date=date_text(day), level=level_label(found.level)))])

    def change_level(self, values: Mapping[str, Any] | None = None) -> LevelDialog | None:
        if self.organization_id is None or self.context.database.read_only:
            return None
        organization_id = self.organization_id
        current = next((r.level for r in self.records if r.effective <= date.today()), None)

        def write(data: dict[str, Any]) -> None:
            self._clash(self._day(data.get("effective")))
            level, effective, reason = data.get("level"), data.get("effective"), \
                data.get("reason")
            if not level:
                raise ValidationFailed([Problem("level", translate(
                    "OrganizationLevels", "Choose the level the relationship moved to."))])

            def make() -> str:
                record = levels.change_level(self.context.database, organization_id, level,
                                             effective=effective, reason=reason,
                                             actor=self.context.actor())
                return last_batch(self.context, record.id)

            batch = make()
            self._written(translate("OrganizationLevels", "Change the level to {level}").format(
                level=level_label(level)), batch, make)

        return self._open(translate("OrganizationLevels", "Change the relationship level"),
                          {"level": current, "effective": date.today(), **(values or {})},
                          write)

    def edit_selected(self) -> LevelDialog | None:
        entry = self.table.current_record()
        if not isinstance(entry, LevelRecord) or self.context.database.read_only:
            return None
        before = {"level": entry.level, "effective": entry.effective.isoformat(),
                  "reason": entry.reason}

        def write(data: dict[str, Any]) -> None:
            changes = {k: v for k, v in data.items() if before.get(k) != v}
            if not changes:
                return
            if "effective" in changes:
                self._clash(self._day(changes["effective"]), but=entry.id)
            versions = iter([entry.version])

            def make() -> str:
                levels.update_level_change(self.context.database, entry.id, changes,
                                           expected_version=next(versions, None),
                                           actor=self.context.actor())
                return last_batch(self.context, entry.id)

            batch = make()
            self._written(translate("OrganizationLevels", "Edit the level change of {date}")
                          .format(date=date_text(entry.effective)), batch, make)

        return self._open(translate("OrganizationLevels", "Edit a level change"), before, write)

    def remove_selected(self) -> bool:
        entry = self.table.current_record()
        if not isinstance(entry, LevelRecord) or self.context.database.read_only:
            return False
        if not messages.confirm(
                self, translate("OrganizationLevels", "Remove"),
                translate("OrganizationLevels", "Remove the change to {level} of {date} from "
                                                "the history? Ctrl+Z brings it back.").format(
                    level=level_label(entry.level), date=date_text(entry.effective)),
                yes=translate("OrganizationLevels", "Remove")):
            return False

        def make() -> str:
            levels.remove_level_change(self.context.database, entry.id,
                                       actor=self.context.actor())
            return last_batch(self.context, entry.id)

        try:
            batch = make()
        except LiaisonError as exc:
            show_problem(self, exc)
            return False
        self._written(translate("OrganizationLevels", "Remove the level change of {date}")
                      .format(date=date_text(entry.effective)), batch, make)
        return True
