"""A table model over a short list of records that is loaded whole (a person's positions, a
record's history, duplicate candidates). Long lists use PagedTableModel instead; both take the
same Column specs, so a screen can switch between them without rewriting its columns."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from desktop.qtmodels.paged import Column, Index, column_data, column_header


class RecordListModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], records: Sequence[Any] = ()) -> None:
        super().__init__()
        self.columns = list(columns)
        self.records: list[Any] = list(records)

    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self.records = list(records)
        self.endResetModel()

    def record(self, row: int) -> Any | None:
        return self.records[row] if 0 <= row < len(self.records) else None

    def row_of(self, record_id: str) -> int | None:
        for row, item in enumerate(self.records):
            if getattr(item, "id", None) == record_id:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return column_header(self.columns, section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.column() < len(self.columns):
            return None
        record = self.record(index.row())
        return None if record is None else column_data(self.columns[index.column()], record, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
