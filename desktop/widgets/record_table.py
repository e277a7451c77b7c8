"""The table every record screen uses: whole rows selected, no row numbers, Enter or a
double-click opens the record, and Delete asks to delete it when the screen allows that."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.qtmodels.paged import RECORD_ROLE


class RecordTable(QTableView):
    opened = Signal(object)  # the record under the activated row
    delete_requested = Signal()

    def __init__(self, model: QAbstractItemModel, parent: QWidget | None = None, *,
                 multi: bool = False, handles_delete: bool = False) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.handles_delete = handles_delete
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

    def set_widths(self, *widths: int) -> None:
        for column, width in enumerate(widths):
            self.setColumnWidth(column, width)

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
        index = self.model().index(row, 0)
        if index.isValid():
            self.setCurrentIndex(index)
            self.selectRow(row)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.handles_delete and event.key() == Qt.Key.Key_Delete:
            self.delete_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)
