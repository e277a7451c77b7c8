"""Who took part: a picker that finds organizations and people by any name or abbreviation
(Enter takes the best match), and a table of the picked ones, each with a role combo box."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.models.vocabulary import ORGANIZATION_KINDS
from db.search.names import NameHit
from db.store.engine import Database
from db.store.errors import Problem
from desktop.i18n import translate
from desktop.icons import icon
from desktop.qtmodels.participants import ParticipantRow, ParticipantsModel, RoleDelegate
from desktop.widgets.record_picker import RecordPicker


def error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet("color: #b3261e;")
    label.hide()
    return label


def show_error(label: QLabel, problems: Sequence[Problem]) -> None:
    label.setText(" ".join(p.message for p in problems))
    label.setVisible(bool(problems))


class CompactTable(QTableView):
    """A table that asks for room for a few rows only. Qt gives a group holding a shown
    word-wrapped error label its preferred height as a minimum; a table's default preferred
    height would then squeeze the rest of the form."""

    def __init__(self, rows: int, minimum_rows: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = rows
        self.minimum_rows = minimum_rows

    def _height(self, rows: int) -> int:
        return (self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
                + rows * self.verticalHeader().defaultSectionSize())

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._height(self.rows))

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self._height(self.minimum_rows))


def style_table(table: QTableView) -> None:
    """Whole rows, no row numbers, Tab leaves the table as in every form."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    table.horizontalHeader().setHighlightSections(False)


class ParticipantsEditor(QGroupBox):
    changed = Signal()
    # "organization" or "person", and the name typed: the user asks to create a participant
    # the picker did not find (the interaction editor answers, see dialogs/quick_create.py)
    create_requested = Signal(str, str)

    def __init__(self, database: Database, preference: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(translate("ParticipantsEditor", "Participants"), parent)
        self.picker = RecordPicker(database)
        self.picker.setObjectName("participant_picker")
        self.picker.setPlaceholderText(translate(
            "ParticipantsEditor", "Add an organization or person: type a name or abbreviation"))
        self.picker.setToolTip(translate(
            "ParticipantsEditor", "Type any name, alias or abbreviation, then press Enter to add "
                                  "the best match, or pick one from the list"))
        self.picker.picked.connect(self.add_hit)
        self.picker.nothing_found.connect(self._found_nothing)
        self.model = ParticipantsModel(preference, self)
        self.table = CompactTable(4, 3)
        self.table.setObjectName("participants")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(ParticipantsModel.ROLE, RoleDelegate(self.table))
        style_table(self.table)
        combo_height = QComboBox().sizeHint().height() + 4
        self.table.verticalHeader().setDefaultSectionSize(
            max(combo_height, self.table.fontMetrics().height() + 10))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ParticipantsModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ParticipantsModel.ROLE, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(ParticipantsModel.ROLE, 200)
        self.model.rowsInserted.connect(lambda *_: self._rows_changed())
        self.model.rowsRemoved.connect(lambda *_: self._rows_changed())
        self.model.modelReset.connect(self._rows_changed)
        self.model.dataChanged.connect(lambda *_: self.changed.emit())
        self.remove_button = QPushButton(icon("x"), translate("ParticipantsEditor", "Remove"))
        self.remove_button.setObjectName("remove_participant")
        self.remove_button.setToolTip(translate("ParticipantsEditor",
                                                "Remove the selected participants (Delete)"))
        self.remove_button.clicked.connect(self.remove_selected)
        remove = QAction(self.table)
        remove.setShortcut(QKeySequence.StandardKey.Delete)
        remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove.triggered.connect(self.remove_selected)
        self.table.addAction(remove)
        self.error = error_label("error_participants")
        self.new_organization = QPushButton(icon("building-2"), "")
        self.new_organization.setObjectName("create_organization")
        self.new_organization.clicked.connect(lambda: self._create("organization"))
        self.new_person = QPushButton(icon("user-plus"), "")
        self.new_person.setObjectName("create_person")
        self.new_person.clicked.connect(lambda: self._create("person"))
        self.not_found = QWidget()  # "no one of that name" and the two ways to make them
        self.not_found.setObjectName("not_found")
        offer = QHBoxLayout(self.not_found)
        offer.setContentsMargins(0, 0, 0, 0)
        offer.addWidget(self.new_organization)
        offer.addWidget(self.new_person)
        offer.addStretch(1)
        self.not_found.hide()
        self.picker.textEdited.connect(lambda _text: self._hide_offer())
        column = QVBoxLayout(self)
        column.addWidget(self.picker)
        column.addWidget(self.not_found)
        column.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.error, 1)
        row.addStretch()
        row.addWidget(self.remove_button)
        column.addLayout(row)
        self.loaded: list[tuple[str, str, str]] = []

    def set_rows(self, rows: Sequence[ParticipantRow]) -> None:
        """Show the participants as saved (or as given to a new interaction)."""
        self.model.set_rows(rows)
        self.loaded = self.model.key()
        show_error(self.error, [])

    def is_dirty(self) -> bool:
        return self.model.key() != self.loaded

    def add_hit(self, hit: NameHit) -> None:
        kind = ORGANIZATION_KINDS.get(hit.detail or "") if hit.kind == "organization" else None
        detail = ", ".join(x for x in (kind.label() if kind else hit.detail,
                                       hit.country_name or hit.country) if x)
        number = self.model.add(ParticipantRow(hit.kind, hit.id, hit.name, hit.name_en,
                                               hit.name_zh, hit.abbreviation, detail or None))
        self.table.selectRow(number)
        self._hide_offer()
        show_error(self.error, [])

    def _found_nothing(self, text: str) -> None:
        """Nothing answers to what was typed: say so, and offer to create it right here."""
        if not text:
            return
        show_error(self.error, [Problem("participants", translate(
            "ParticipantsEditor", "No organization or person is called “{name}”. Create one "
                                  "with the buttons under the search box, or check the "
                                  "spelling.").format(name=text))])
        shown = text if len(text) <= 40 else text[:39] + "…"
        self.new_organization.setText(translate(
            "ParticipantsEditor", "New organization “{name}”…").format(name=shown))
        self.new_person.setText(translate(
            "ParticipantsEditor", "New person “{name}”…").format(name=shown))
        self.not_found.show()

    def _hide_offer(self) -> None:
        if self.not_found.isVisible():
            self.not_found.hide()
            show_error(self.error, [])

    def _create(self, kind: str) -> None:
        self.create_requested.emit(kind, self.picker.text().strip())

    def add_created(self, row: ParticipantRow) -> None:
        """A participant made (or chosen) in the quick-create dialog joins the list."""
        number = self.model.add(row)
        self.table.selectRow(number)
        self.picker.clear()
        self._hide_offer()
        show_error(self.error, [])

    def remove_selected(self) -> None:
        self.model.remove([i.row() for i in self.table.selectionModel().selectedRows()])

    def show_problems(self, problems: Sequence[Problem]) -> None:
        show_error(self.error, problems)

    def _rows_changed(self) -> None:
        for number in range(self.model.rowCount()):
            self.table.openPersistentEditor(self.model.index(number, ParticipantsModel.ROLE))
        self.changed.emit()

