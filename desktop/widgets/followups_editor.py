"""Commitments made during an interaction, added inline: description, due date, owner (the
officer by default) and optionally which participating organization it concerns. New rows
and "mark done" are written when the interaction is saved."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.changes.dates import parse_date
from db.services.followups import FollowUpRecord
from db.services.timeline import followup_problems
from db.store.engine import Database
from db.store.errors import Problem
from desktop import settings
from desktop.i18n import translate
from desktop.icons import icon
from desktop.qtmodels.followup_drafts import FollowUpDraft, FollowUpDraftsModel
from desktop.widgets.form import DateField
from desktop.widgets.participants_editor import (
    CompactTable,
    error_label,
    show_error,
    style_table,
)


class FollowUpsEditor(QGroupBox):
    changed = Signal()

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(translate("FollowUpsEditor", "Follow-ups and commitments"), parent)
        self.db = database
        self.description = QLineEdit()
        self.description.setObjectName("followup_description")
        self.description.setPlaceholderText(translate(
            "FollowUpsEditor", "What was promised, e.g. Send the seminar programme"))
        self.description.returnPressed.connect(self.add_typed)
        self.description.textChanged.connect(lambda _t: self.changed.emit())
        self.due = DateField()
        self.due.setObjectName("followup_due")
        self.due.edit.setPlaceholderText(translate("FollowUpsEditor", "Due YYYY-MM-DD"))
        self.due.edit.setToolTip(translate("FollowUpsEditor", "Due date"))
        self.due.edit.returnPressed.connect(self.add_typed)
        self.owner = QLineEdit(settings.officer_name())
        self.owner.setObjectName("followup_owner")
        self.owner.setPlaceholderText(translate("FollowUpsEditor", "Owner"))
        self.owner.setToolTip(translate("FollowUpsEditor", "Who keeps this commitment"))
        self.owner.setMaximumWidth(170)
        self.owner.returnPressed.connect(self.add_typed)
        self.organization = QComboBox()
        self.organization.setObjectName("followup_organization")
        self.organization.setToolTip(translate("FollowUpsEditor",
                                               "Which participating organization it concerns"))
        self.organization.setMinimumContentsLength(16)
        self.organization.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.set_organizations([])
        self.add_button = QPushButton(icon("plus"), translate("FollowUpsEditor", "Add"))
        self.add_button.setObjectName("add_followup")
        self.add_button.setToolTip(translate(
            "FollowUpsEditor", "Add this commitment (Enter); it is saved with the interaction"))
        self.add_button.clicked.connect(self.add_typed)
        self.model = FollowUpDraftsModel(self)
        self.table = CompactTable(3, 2)
        self.table.setObjectName("followups")
        self.table.setModel(self.model)
        style_table(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(FollowUpDraftsModel.DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        for number, width in ((1, 115), (2, 120), (3, 220), (4, 220)):
            self.table.setColumnWidth(number, width)
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.dataChanged,
                       self.model.modelReset):
            signal.connect(lambda *_: self.changed.emit())
        self.mark_done_button = QPushButton(icon("check"),
                                            translate("FollowUpsEditor", "Mark done"))
        self.mark_done_button.setObjectName("mark_done")
        self.mark_done_button.setToolTip(translate(
            "FollowUpsEditor", "Mark the selected commitments done (written on save; click "
                               "again to take it back)"))
        self.mark_done_button.clicked.connect(self.toggle_done)
        self.remove_button = QPushButton(icon("x"), translate("FollowUpsEditor", "Remove new"))
        self.remove_button.setObjectName("remove_followup")
        self.remove_button.setToolTip(translate(
            "FollowUpsEditor", "Forget the selected commitments that are not saved yet"))
        self.remove_button.clicked.connect(self.remove_new)
        self.error = error_label("error_followups")
        add_row = QHBoxLayout()
        add_row.addWidget(self.description, 3)
        add_row.addWidget(self.due)
        add_row.addWidget(self.owner, 1)
        add_row.addWidget(self.organization, 1)
        add_row.addWidget(self.add_button)
        actions = QHBoxLayout()
        actions.addWidget(self.error, 1)
        actions.addStretch()
        actions.addWidget(self.mark_done_button)
        actions.addWidget(self.remove_button)
        column = QVBoxLayout(self)
        column.addLayout(add_row)
        column.addWidget(self.table, 1)
        column.addLayout(actions)

    def focus_chain(self) -> list[QWidget]:
        return [self.description, self.due.edit, self.owner, self.organization, self.add_button,
                self.table, self.mark_done_button, self.remove_button]

    # -- contents --------------------------------------------------------------------------
    def set_organizations(self, organizations: Sequence[tuple[str, str]]) -> None:
        """The participating organizations a commitment can concern: (id, name) pairs."""
        current = self.organization.currentData()
        self.organization.clear()
        self.organization.addItem(translate("FollowUpsEditor", "No organization"), None)
        for organization_id, name in organizations:
            self.organization.addItem(icon("building-2"), name, organization_id)
        self.organization.setCurrentIndex(max(self.organization.findData(current), 0))

    def set_saved(self, records: Sequence[FollowUpRecord], names: dict[str, str],
                  new_rows: Sequence[FollowUpDraft] = ()) -> None:
        self.model.set_rows([*(FollowUpDraft.of(r, names.get(r.organization_id or ""))
                               for r in records), *new_rows])

    def is_dirty(self) -> bool:
        return bool(self.model.pending()) or bool(self.description.text().strip())

    def add_typed(self) -> bool:
        """Put the commitment typed in the add row into the table; problems show below."""
        description = self.description.text().strip()
        data = {"description": description, "due": self.due.value(),
                "owner": self.owner.text().strip() or None,
                "organization_id": self.organization.currentData()}
        problems = followup_problems(self.db, data)
        show_error(self.error, problems)
        if problems:
            (self.due.edit if problems[0].field == "due" else self.description).setFocus()
            return False
        due = data["due"]
        self.model.add(FollowUpDraft(
            description, parse_date(due), data["owner"],
            data["organization_id"],
            self.organization.currentText() if data["organization_id"] else None))
        self.description.clear()
        self.due.set_value(None)
        self.description.setFocus()
        return True

    def _selected(self) -> list[int]:
        return [i.row() for i in self.table.selectionModel().selectedRows()]

    def toggle_done(self) -> None:
        for number in self._selected():
            self.model.toggle_done(number)

    def remove_new(self) -> None:
        self.model.remove_new(self._selected())

    # -- saving ----------------------------------------------------------------------------
    def problems(self) -> tuple[Problem, ...]:
        """Checks what is typed and every new row before anything is written."""
        if self.description.text().strip() and not self.add_typed():
            return (Problem("followups", self.error.text()),)
        for draft in self.model.new_rows():
            found = followup_problems(self.db, draft.data())
            if found:
                show_error(self.error, found)
                return found
        show_error(self.error, [])
        return ()
