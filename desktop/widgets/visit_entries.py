"""The lists of a visit's page that are edited one entry at a time — the people on each side
(members) and the gifts: a table, Add…, Edit… and Remove. An entry is written when its
dialog's OK is pressed, through the visits service; a problem (a member who is also the head,
a person in the visit twice, a gift without a description) shows beside its field in the
dialog, which stays open, and nothing is written. Each write is a step of the page's undo
stack. An event's sessions and a delegation's delegates are lists of the same kind
(desktop/widgets/event_sessions.py), their dialogs on the event's form."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.store.errors import LiaisonError, ValidationFailed
from desktop.context import AppContext
from desktop.errors import show_problem
from desktop.i18n import translate
from desktop.icons import icon
from desktop.messages import messages
from desktop.qtmodels.paged import Column
from desktop.qtmodels.records import RecordListModel
from desktop.undo import push_change
from desktop.widgets.form import FieldSpec
from desktop.widgets.record_table import RecordTable
from desktop.widgets.visit_fields import VisitForm


@dataclass(frozen=True)
class ShownRecord:
    """An entry as its list shows it: the record, and (in the subclasses) its names in the
    preferred script."""

    record: Any

    @property
    def id(self) -> str:
        return str(self.record.id)

    @property
    def version(self) -> int:
        return int(self.record.version)


@dataclass(frozen=True)
class EntryKind:
    """What one list of a visit holds and how the visits service reads and writes it. The
    texts are translated ("VisitPage") and whole sentences; {name} is an entry's label."""

    entity: str  # the change notice's name
    columns: Sequence[Column]
    fields: Sequence[FieldSpec]
    read: Callable[[str], Sequence[Any]]  # visit id → entries
    add: Callable[[str, dict[str, Any]], Any]  # visit id, values → entry
    update: Callable[[str, dict[str, Any], int | None], Any]  # id, changes, version → entry
    remove: Callable[[str], object]
    restore: Callable[[str], object]
    values: Callable[[Any], dict[str, Any]]  # an entry's values in the form
    label: Callable[[Any], str]
    defaults: Mapping[str, Any]
    add_text: str  # the Add button
    placeholder: str  # the empty table
    add_title: str  # the dialog's title when adding; edit_title when editing
    edit_title: str
    added: str  # the undo steps
    changed: str
    removed: str
    remove_question: str


class EntryDialog(QDialog):
    """One entry's form. OK writes it (`write` raises ValidationFailed with the problems,
    shown beside their fields, and the dialog stays open)."""

    form_type: type[VisitForm] = VisitForm
    form_width = 660

    def __init__(self, parent: QWidget, context: AppContext, kind: EntryKind, title: str,
                 values: Mapping[str, Any], write: Callable[[dict[str, Any]], Any]) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.write = write
        self.written: Any = None
        self.form = self.form_type(kind.fields, (), context.database,
                                   context.name_preference())
        self.form.setObjectName("entry_form")
        self.form.set_values(values)
        self.form.setMinimumWidth(self.form_width)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.form.widgets[kind.fields[0].key].setFocus()

    def accept(self) -> None:
        try:
            self.written = self.write(self.form.values())
        except ValidationFailed as exc:
            self.form.show_problems(exc.problems)
            return
        except LiaisonError as exc:
            show_problem(self, exc)
            return
        super().accept()


class EntriesTab(QWidget):
    dialog_type: type[EntryDialog] = EntryDialog

    def __init__(self, context: AppContext, kind: EntryKind,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.kind = kind
        self.visit_id: str | None = None
        self.dialog: EntryDialog | None = None
        self.model = RecordListModel(kind.columns)
        self.table = RecordTable(self.model, self, handles_delete=True)
        self.table.setObjectName(f"{kind.entity.replace(' ', '_')}_table")
        self.table.set_placeholder(translate("VisitPage", kind.placeholder))
        self.table.opened.connect(lambda _entry: self.edit_selected())
        self.table.delete_requested.connect(self.remove_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        editable = not context.database.read_only
        self.add_button = QPushButton(icon("plus"), translate("VisitPage", kind.add_text))
        self.add_button.setObjectName("add")
        self.add_button.clicked.connect(lambda _checked=False: self.add())
        self.add_button.setEnabled(editable)
        self.edit_button = QPushButton(icon("pencil"), translate("VisitPage", "Edit…"))
        self.edit_button.setObjectName("edit")
        self.edit_button.clicked.connect(lambda _checked=False: self.edit_selected())
        self.remove_button = QPushButton(icon("trash-2"), translate("VisitPage", "Remove"))
        self.remove_button.setObjectName("remove")
        self.remove_button.setToolTip(translate("VisitPage", "Remove the selected entry (Del); "
                                                             "Ctrl+Z brings it back"))
        self.remove_button.clicked.connect(lambda _checked=False: self.remove_selected())
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self._enable()

    def set_visit(self, visit_id: str) -> None:
        self.visit_id = visit_id

    def reload(self) -> None:
        if self.visit_id is None:
            return
        selected = self.table.current_record()
        try:
            self.model.set_records(list(self.kind.read(self.visit_id)))
        except LiaisonError as exc:
            show_problem(self, exc)
            return
        row = self.model.row_of(selected.id) if selected is not None else None
        if row is not None:
            self.table.select_row(row)
        self._enable()

    def _enable(self) -> None:
        chosen = self.table.current_record() is not None
        editable = not self.context.database.read_only
        self.edit_button.setEnabled(chosen and editable)
        self.remove_button.setEnabled(chosen and editable)

    # -- writing ---------------------------------------------------------------------------
    def _open(self, title: str, values: Mapping[str, Any],
              write: Callable[[dict[str, Any]], Any]) -> EntryDialog:
        """Open the entry's dialog (not modal to the whole app: tests and the user alike
        answer it while the page stays put)."""
        dialog = self.dialog_type(self, self.context, self.kind, translate("VisitPage", title),
                                  values, write)
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _closed(self, dialog: EntryDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def add(self, values: Mapping[str, Any] | None = None) -> EntryDialog | None:
        if self.visit_id is None or self.context.database.read_only:
            return None
        visit_id, kind = self.visit_id, self.kind

        def write(data: dict[str, Any]) -> Any:
            entry = kind.add(visit_id, {k: v for k, v in data.items() if v not in (None, "")})
            self._announce(entry.id)
            push_change(self.context, self, kind.entity, entry.id,
                        translate("VisitPage", kind.added).format(name=kind.label(entry)),
                        lambda: kind.restore(entry.id), lambda: kind.remove(entry.id))
            return entry

        return self._open(self.kind.add_title, {**self.kind.defaults, **(values or {})}, write)

    def edit_selected(self) -> EntryDialog | None:
        entry = self.table.current_record()
        if entry is None or self.context.database.read_only:
            return None
        kind, before = self.kind, self.kind.values(entry)

        def write(data: dict[str, Any]) -> Any:
            changes = {k: v for k, v in data.items() if before.get(k) != v}
            if not changes:
                return entry
            saved = kind.update(entry.id, changes, entry.version)
            self._announce(saved.id)
            undo = {k: before.get(k) for k in changes}
            push_change(self.context, self, kind.entity, saved.id,
                        translate("VisitPage", kind.changed).format(name=kind.label(saved)),
                        lambda: kind.update(saved.id, changes, None),
                        lambda: kind.update(saved.id, undo, None))
            return saved

        return self._open(self.kind.edit_title, before, write)

    def remove_selected(self) -> bool:
        entry = self.table.current_record()
        if entry is None or self.context.database.read_only:
            return False
        kind, name = self.kind, self.kind.label(entry)
        if not messages.confirm(self, translate("VisitPage", "Remove"),
                                translate("VisitPage", kind.remove_question).format(name=name),
                                yes=translate("VisitPage", "Remove")):
            return False
        done = self.context.delete(self, kind.entity, entry.id,
                                   translate("VisitPage", kind.removed).format(name=name),
                                   lambda: kind.remove(entry.id), lambda: kind.restore(entry.id))
        if done:
            self.reload()
        return done

    def _announce(self, entry_id: str) -> None:
        self.context.notify(self.kind.entity, entry_id)
        self.reload()
