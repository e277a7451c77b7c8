"""The first rows of a sheet as the import wizard shows them: the spreadsheet's own row numbers
and column letters, the header row highlighted, the rows above it (titles, blank lines)
greyed out, and unreadable cells (#N/A, formulas never calculated) marked."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from db.exchange.reading.readers import CellError
from db.exchange.workbook import column_letter
from desktop.qtmodels.paged import Index

HEADER_BACKGROUND = QColor("#dbeafe")
ERROR_COLOUR = QColor("#b42318")
SHOWN_CHARS = 120  # a long note is cut in a grid cell; the tooltip has it whole


column_letters = column_letter


def cell_text(value: Any, limit: int | None = SHOWN_CHARS) -> str:
    """A cell as the user typed it: whole numbers without “.0”, dates without midnight."""
    if value is None:
        return ""
    if isinstance(value, CellError):
        return "⚠ " + value.message
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    elif isinstance(value, datetime):
        text = (value.date().isoformat() if value.time() == time()
                else value.strftime("%Y-%m-%d %H:%M"))
    elif isinstance(value, date):
        text = value.isoformat()
    else:
        text = str(value)
    text = " ".join(text.split())  # one line in a grid cell
    if limit is not None and len(text) > limit:
        text = text[:limit - 1] + "…"
    return text


class PreviewModel(QAbstractTableModel):
    def __init__(self, rows: Sequence[Sequence[Any]] = (), header_row: int | None = None) -> None:
        super().__init__()
        self.rows: list[Sequence[Any]] = list(rows)
        self.width = max((len(row) for row in self.rows), default=0)
        self.header_row = header_row  # 1-based, as the spreadsheet numbers rows

    def set_rows(self, rows: Sequence[Sequence[Any]], header_row: int | None) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.width = max((len(row) for row in self.rows), default=0)
        self.header_row = header_row
        self.endResetModel()

    def set_header_row(self, header_row: int | None) -> None:
        self.header_row = header_row
        if self.rows and self.width:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, self.width - 1))
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(self.rows) - 1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.width

    def value(self, row: int, column: int) -> Any:
        cells = self.rows[row]
        return cells[column] if column < len(cells) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        value = self.value(index.row(), index.column())
        number = index.row() + 1
        role = int(role)
        if role == int(Qt.ItemDataRole.DisplayRole):
            return cell_text(value)
        if role == int(Qt.ItemDataRole.ToolTipRole):
            text = cell_text(value, None)
            return text if len(text) > 30 or isinstance(value, CellError) else None
        if role == int(Qt.ItemDataRole.FontRole) and number == self.header_row:
            font = QFont()
            font.setBold(True)
            return font
        if role == int(Qt.ItemDataRole.BackgroundRole) and number == self.header_row:
            return QBrush(HEADER_BACKGROUND)
        if role == int(Qt.ItemDataRole.ForegroundRole):
            if isinstance(value, CellError):
                return QBrush(ERROR_COLOUR)
            if number == self.header_row:
                return QBrush(QColor("#0b2a5b"))
            if self.header_row is not None and number < self.header_row:
                return QApplication.palette().brush(QPalette.ColorGroup.Disabled,
                                                    QPalette.ColorRole.Text)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:
                return column_letters(section + 1)
            return str(section + 1)
        if (role == Qt.ItemDataRole.FontRole and orientation == Qt.Orientation.Vertical
                and section + 1 == self.header_row):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
