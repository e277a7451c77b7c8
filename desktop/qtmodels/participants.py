"""The participants of one interaction being edited: organizations and people, each with a
role. Rows only ever come from records the user picked, so an unknown participant cannot be
typed in; the role is chosen from PARTICIPATION_ROLES through a combo box in each row."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from db.models.vocabulary import PARTICIPATION_ROLES
from desktop.i18n import QT_TRANSLATE_NOOP, mark, translate
from desktop.icons import icon
from desktop.naming import display_name
from desktop.qtmodels.rows import RowsTableModel

Index = QModelIndex | QPersistentModelIndex
RECORD_KIND_ICONS = {"organization": "building-2", "person": "users"}
DEFAULT_ROLE = "participant"


@dataclass(frozen=True)
class ParticipantRow:
    kind: Literal["organization", "person"]
    id: str
    name: str
    name_en: str | None = None
    name_zh: str | None = None
    abbreviation: str | None = None
    detail: str | None = None  # country, kind of organization or a person's title
    role: str = DEFAULT_ROLE

    @property
    def names(self) -> list[str]:
        return [n for n in (self.name, self.name_en, self.name_zh, self.abbreviation) if n]


ROLE_ORDER = {code: number for number, code in enumerate(PARTICIPATION_ROLES)}


def participant_order(role: str, kind: str, name: str) -> tuple[int, int, str]:
    """Organizations before people (parties are what officers scan for), hosts and heads
    of delegation before the others, then by name."""
    return (0 if kind == "organization" else 1, ROLE_ORDER.get(role, len(ROLE_ORDER)),
            name.casefold())


def role_label(code: str) -> str:
    term = PARTICIPATION_ROLES.get(code)
    return term.label() if term else code


class ParticipantsModel(RowsTableModel[ParticipantRow]):
    NAME, ROLE = 0, 1
    HEADERS = (QT_TRANSLATE_NOOP("Columns", "Organization or person"),
               mark.translate("Columns", "Role", "a participant's"))
    NOTES = (None, "a participant's")

    def __init__(self, preference: str = "original", parent: Any = None) -> None:
        super().__init__()
        self.setParent(parent)
        self.preference = preference

    # -- contents --------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[ParticipantRow]) -> None:
        """Show these participants, the most prominent first (added ones go at the end)."""
        self.beginResetModel()
        self.rows = sorted(rows, key=lambda r: participant_order(r.role, r.kind, r.name))
        self.endResetModel()

    def row_of(self, kind: str, record_id: str) -> int | None:
        for number, row in enumerate(self.rows):
            if row.kind == kind and row.id == record_id:
                return number
        return None

    def add(self, row: ParticipantRow) -> int:
        """Append a participant; one already listed is not added twice. Returns its row."""
        existing = self.row_of(row.kind, row.id)
        if existing is not None:
            return existing
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
        self.rows.append(row)
        self.endInsertRows()
        return len(self.rows) - 1

    def remove(self, numbers: Sequence[int]) -> None:
        for number in sorted(set(numbers), reverse=True):
            if 0 <= number < len(self.rows):
                self.beginRemoveRows(QModelIndex(), number, number)
                del self.rows[number]
                self.endRemoveRows()

    def set_role(self, number: int, role: str) -> bool:
        return self.setData(self.index(number, self.ROLE), role, Qt.ItemDataRole.EditRole)

    def wanted(self) -> list[dict[str, str]]:
        """The participants as the interactions service takes them."""
        return [{f"{row.kind}_id": row.id, "role": row.role} for row in self.rows]

    def key(self) -> list[tuple[str, str, str]]:
        """What decides whether the participants changed (order does not matter)."""
        return sorted((row.kind, row.id, row.role) for row in self.rows)

    def organizations(self) -> list[ParticipantRow]:
        return [row for row in self.rows if row.kind == "organization"]

    def display(self, row: ParticipantRow) -> str:
        return display_name(row, self.preference)

    # -- Qt model interface ----------------------------------------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        header = super().headerData(section, orientation, role)
        if not isinstance(header, str):
            return header
        note = self.NOTES[section] if orientation == Qt.Orientation.Horizontal \
            and 0 <= section < len(self.NOTES) else None
        return translate("Columns", header, note)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if index.column() == self.NAME:
            if role == Qt.ItemDataRole.DisplayRole:
                name = self.display(row)
                if row.abbreviation and row.abbreviation != name:
                    name += f" ({row.abbreviation})"
                return name
            if role == Qt.ItemDataRole.DecorationRole:
                return icon(RECORD_KIND_ICONS[row.kind])
            if role == Qt.ItemDataRole.ToolTipRole:
                names = " · ".join(row.names)
                lines = [translate("Participants", "Organization: {names}").format(names=names)
                         if row.kind == "organization" else
                         translate("Participants", "Person: {names}").format(names=names)]
                if row.detail:
                    lines.append(row.detail)
                return "\n".join(lines)
        elif index.column() == self.ROLE:
            if role == Qt.ItemDataRole.DisplayRole:
                return role_label(row.role)
            if role == Qt.ItemDataRole.EditRole:
                return row.role
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (not index.isValid() or index.column() != self.ROLE
                or role != Qt.ItemDataRole.EditRole or value not in PARTICIPATION_ROLES):
            return False
        number = index.row()
        if self.rows[number].role != value:
            self.rows[number] = replace(self.rows[number], role=str(value))
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole,
                                                 Qt.ItemDataRole.EditRole])
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.ROLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags


class RoleDelegate(QStyledItemDelegate):
    """A combo box of participation roles that writes the chosen role at once."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        box = QComboBox(parent)
        box.setObjectName("participant_role")
        box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        box.installEventFilter(self)
        for code in PARTICIPATION_ROLES:
            box.addItem(role_label(code), code)
        box.currentIndexChanged.connect(lambda _i, b=box: self.commitData.emit(b))
        return box

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Scrolling the form over a row must not change its role: the wheel only turns a
        combo box the user has clicked into."""
        if (event.type() == QEvent.Type.Wheel and isinstance(watched, QComboBox)
                and not watched.hasFocus()):
            event.ignore()
            return True
        return super().eventFilter(watched, event)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            number = editor.findData(index.data(Qt.ItemDataRole.EditRole))
            if number >= 0 and number != editor.currentIndex():
                editor.blockSignals(True)
                editor.setCurrentIndex(number)
                editor.blockSignals(False)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
