"""The follow-ups of one interaction being edited: those already saved (which can be marked
done) and new commitments that are written when the interaction is saved."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from db.models.vocabulary import FOLLOWUP_STATUSES
from db.services.followups import FollowUpRecord
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.icons import icon
from desktop.qtmodels.rows import RowsTableModel

Index = QModelIndex | QPersistentModelIndex
OVERDUE_COLOR = QColor("#b3261e")


@dataclass(frozen=True)
class FollowUpDraft:
    description: str
    due: date | None = None
    owner: str | None = None
    organization_id: str | None = None
    organization_name: str | None = None
    record: FollowUpRecord | None = None  # None: new, written on save
    mark_done: bool = False  # an open saved follow-up the user marked done, written on save

    @property
    def is_new(self) -> bool:
        return self.record is None

    @property
    def is_pending(self) -> bool:
        return self.is_new or self.mark_done

    def data(self, interaction_id: str | None = None) -> dict[str, Any]:
        """The values create_followup takes."""
        values: dict[str, Any] = {"description": self.description, "due": self.due,
                                  "owner": self.owner, "organization_id": self.organization_id}
        if interaction_id is not None:
            values["interaction_id"] = interaction_id
        return values

    def status_text(self) -> str:
        if self.is_new:
            return translate("FollowUpDrafts", "New — saved with the interaction")
        if self.mark_done:
            return translate("FollowUpDrafts", "Done (when saved)")
        assert self.record is not None
        term = FOLLOWUP_STATUSES.get(self.record.status)
        return term.label() if term else self.record.status

    def is_overdue(self) -> bool:
        return self.record is not None and not self.mark_done and self.record.is_overdue()

    @classmethod
    def of(cls, record: FollowUpRecord, organization_name: str | None = None) -> FollowUpDraft:
        return cls(record.description, record.due, record.owner, record.organization_id,
                   organization_name or record.organization_name, record)


class FollowUpDraftsModel(RowsTableModel[FollowUpDraft]):
    DESCRIPTION, DUE, OWNER, ORGANIZATION, STATUS = range(5)
    HEADERS = (QT_TRANSLATE_NOOP("Columns", "Commitment"), QT_TRANSLATE_NOOP("Columns", "Due"),
               QT_TRANSLATE_NOOP("Columns", "Owner"), QT_TRANSLATE_NOOP("Columns", "Organization"),
               QT_TRANSLATE_NOOP("Columns", "Status"))

    def __init__(self, parent: Any = None) -> None:
        super().__init__()
        self.setParent(parent)

    def set_rows(self, rows: Sequence[FollowUpDraft]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def add(self, draft: FollowUpDraft) -> int:
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
        self.rows.append(draft)
        self.endInsertRows()
        return len(self.rows) - 1

    def remove_new(self, numbers: Sequence[int]) -> None:
        """Forget new rows (saved follow-ups are deleted from the Follow-ups list instead)."""
        for number in sorted(set(numbers), reverse=True):
            if 0 <= number < len(self.rows) and self.rows[number].is_new:
                self.beginRemoveRows(QModelIndex(), number, number)
                del self.rows[number]
                self.endRemoveRows()

    def toggle_done(self, number: int) -> bool:
        """Mark an open saved follow-up done (or take that back) — written on save."""
        if not 0 <= number < len(self.rows):
            return False
        row = self.rows[number]
        if row.record is None or row.record.status in ("done", "cancelled"):
            return False
        self.replace(number, replace(row, mark_done=not row.mark_done))
        return True

    def replace(self, number: int, draft: FollowUpDraft) -> None:
        self.rows[number] = draft
        self.dataChanged.emit(self.index(number, 0), self.index(number, len(self.HEADERS) - 1))

    def pending(self) -> list[FollowUpDraft]:
        return [row for row in self.rows if row.is_pending]

    def new_rows(self) -> list[FollowUpDraft]:
        return [row for row in self.rows if row.is_new]

    # -- Qt model interface ----------------------------------------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        header = super().headerData(section, orientation, role)
        return translate("Columns", header) if isinstance(header, str) else header

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (row.description, row.due.isoformat() if row.due else "", row.owner or "",
                      row.organization_name or "", row.status_text())
            return values[column] if 0 <= column < len(values) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.DUE and row.is_overdue() and row.due is not None:
                # ISO, as in the Due column beside it
                return translate("FollowUpDrafts", "Overdue since {date}").format(
                    date=row.due.isoformat())
            if column == self.DESCRIPTION:
                return row.description
        if role == Qt.ItemDataRole.ForegroundRole and row.is_overdue():
            return OVERDUE_COLOR
        if role == Qt.ItemDataRole.DecorationRole:
            if column == self.DUE and row.is_overdue():
                return icon("triangle-alert", OVERDUE_COLOR.name())
            if column == self.STATUS and (row.mark_done or (
                    row.record is not None and row.record.status == "done")):
                return icon("check")
            if column == self.STATUS and row.is_new:
                return icon("plus")
        if role == Qt.ItemDataRole.FontRole and row.is_pending:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
