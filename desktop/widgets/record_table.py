"""The table every record screen uses: whole rows selected, no row numbers, Enter or a
double-click opens the record, and Delete asks to delete it when the screen allows that."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.qtmodels.paged import RECORD_ROLE


class RecordTable(QTableView):
    opened = Signal(object)  # the record under the activated row
    delete_requested = Signal()

    def __init__(self, model: QAbstractItemModel, parent: QWidget | None = None, *,
                 multi: bool = False, handles_delete: bool = False) -> None:
        super().__init__(parent)
        if model.parent() is None:
            model.setParent(self)  # the model lives as long as its table
        self.setModel(model)
        self.handles_delete = handles_delete
        self.placeholder = ""
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                              else QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setTabKeyNavigation(False)  # Tab leaves the table, as in every form
        self.activated.connect(self._activated)

    def enable_sorting(self) -> None:
        """Header clicks sort through the model (in SQL for paged models); a click on a
        column that cannot be sorted leaves the indicator where it was."""
        model = self.model()
        column = getattr(model, "sort_column", lambda: -1)()
        descending = getattr(model, "descending", False)
        header = self.horizontalHeader()
        header.setSortIndicator(column, Qt.SortOrder.DescendingOrder if descending
                                else Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.sortIndicatorChanged.connect(self.sort_requested)

    def sort_requested(self, column: int, order: Qt.SortOrder) -> None:
        model = self.model()
        columns = getattr(model, "columns", [])
        if 0 <= column < len(columns) and columns[column].sort_key is not None:
            model.sort(column, order)
            return
        current = getattr(model, "sort_column", lambda: -1)()
        header = self.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(current, Qt.SortOrder.DescendingOrder
                                if getattr(model, "descending", False)
                                else Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)

    def set_widths(self, *widths: int, stretch: int | None = None) -> None:
        """Starting widths; `stretch` takes the room left over instead of the last column."""
        for column, width in enumerate(widths):
            self.setColumnWidth(column, width)
        if stretch is not None:
            self.horizontalHeader().setStretchLastSection(False)
            self.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

    def set_placeholder(self, text: str) -> None:
        """What an empty table says instead of showing nothing."""
        self.placeholder = text
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.placeholder and self.model() is not None and self.model().rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            area = self.viewport().rect().adjusted(24, 24, -24, -24)
            painter.drawText(area, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                                       | Qt.TextFlag.TextWordWrap), self.placeholder)
            painter.end()

    def _activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        record = index.data(RECORD_ROLE)
        if record is not None:
            self.opened.emit(record)

    def current_record(self) -> Any | None:
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        index = rows[0] if rows else self.currentIndex()
        return index.data(RECORD_ROLE) if index.isValid() else None

    def selected_records(self) -> list[Any]:
        if self.selectionModel() is None:
            return []
        rows = sorted(self.selectionModel().selectedRows(), key=lambda i: i.row())
        return [r for r in (index.data(RECORD_ROLE) for index in rows) if r is not None]

    def select_row(self, row: int) -> None:
        """Make `row` the current and only selected row. Said to the selection model
        directly: QTableView.selectRow reads the keyboard's modifiers, so with Ctrl held (or
        left over from a key event) it would toggle the row off instead."""
        index = self.model().index(row, 0)
        selection = self.selectionModel()
        if index.isValid() and selection is not None:
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                      | QItemSelectionModel.SelectionFlag.Rows)

    def select_rows(self, rows: list[int]) -> None:
        """Select these rows together (a selection kept across a reload), the first one
        current."""
        selection = self.selectionModel()
        if not rows or selection is None:
            return
        self.select_row(rows[0])
        flags = (QItemSelectionModel.SelectionFlag.Select
                 | QItemSelectionModel.SelectionFlag.Rows)
        for row in rows[1:]:
            index = self.model().index(row, 0)
            if index.isValid():
                selection.select(index, flags)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.handles_delete and event.key() == Qt.Key.Key_Delete:
            self.delete_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)
