"""A paged list whose rows may open to children: a record's timeline, where a visit is one
row that opens to its meetings. The top-level rows are a PagedTableModel's (read a page at a
time on the database worker, the count learnt first), and a row's children come with its
page — so a timeline of twenty thousand entries still reads only the pages shown.

A page read after the view first drew its rows gives them their children then: they are
announced as inserted rows, so the view's expander appears as the page arrives. The children
once announced stay (a few per visit) when the page itself is dropped from the cache, so a
row never loses its children while it is open."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from desktop.qtmodels.paged import (
    RECORD_ROLE,
    Column,
    PagedTableModel,
    Query,
    Reader,
    column_data,
    run_here,
)

Index = QModelIndex | QPersistentModelIndex
TOP = 0  # a top-level row's internal id; a child's is its parent's row + 1


class PagedTreeModel(QAbstractItemModel):
    arrived = Signal()  # a reload's rows are in (as PagedTableModel.arrived)

    def __init__(self, columns: Sequence[Column], reader_for: Callable[[], Reader],
                 children_of: Callable[[Any], Sequence[Any]], *, query: Query = run_here,
                 page_size: int = 100, default_sort: str | None = None,
                 default_descending: bool = False,
                 bold: Callable[[Any], bool] | None = None) -> None:
        super().__init__()
        self.columns = list(columns)
        self.children_of = children_of
        self.bold = bold
        self.rows = PagedTableModel(columns, reader_for, query=query, page_size=page_size,
                                    default_sort=default_sort,
                                    default_descending=default_descending)
        self.rows.setParent(self)
        self.shown: dict[int, tuple[Any, ...]] = {}  # a top-level row → its children shown
        self.rows.modelAboutToBeReset.connect(self.beginResetModel)
        self.rows.modelReset.connect(self._reset)
        self.rows.dataChanged.connect(self._rows_arrived)
        self.rows.arrived.connect(self.arrived)

    # -- what the paged rows say -------------------------------------------------------------
    @property
    def total(self) -> int:
        return self.rows.total

    @property
    def page_size(self) -> int:
        return self.rows.page_size

    @property
    def pages(self) -> Any:
        return self.rows.pages

    @property
    def descending(self) -> bool:
        return self.rows.descending

    @property
    def loaded(self) -> bool:
        return self.rows.loaded

    def reload(self, near: int | None = None) -> None:
        self.rows.reload(near)

    def record(self, row: int) -> Any | None:
        """The top-level record on `row` (its page is asked for when not here)."""
        return self.rows.record(row)

    def row_of(self, record_id: str) -> int | None:
        return self.rows.row_of(record_id)

    def children_at(self, row: int) -> tuple[Any, ...]:
        return self.shown.get(row, ())

    def record_at(self, index: Index) -> Any | None:
        if not index.isValid():
            return None
        parent = index.internalId()
        if parent == TOP:
            return self.rows.record(index.row())
        kids = self.shown.get(parent - 1, ())
        return kids[index.row()] if index.row() < len(kids) else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.rows.sort(column, order)

    def sort_column(self) -> int:
        return self.rows.sort_column()

    def loaded_record(self, row: int) -> Any | None:
        """The record on `row` if its page is here, without asking for it."""
        page = self.rows.pages.get(row // self.rows.page_size)
        offset = row % self.rows.page_size
        return page[offset] if page is not None and offset < len(page) else None

    def _kids(self, record: Any | None) -> tuple[Any, ...]:
        return tuple(self.children_of(record)) if record is not None else ()

    def _reset(self) -> None:
        self.shown = {}
        for number, page in self.rows.pages.items():
            for offset, record in enumerate(page):
                kids = self._kids(record)
                if kids:
                    self.shown[number * self.rows.page_size + offset] = kids
        self.endResetModel()

    def _rows_arrived(self, first: QModelIndex, last: QModelIndex) -> None:
        """A page came in: its rows' texts, and the children of those that have some."""
        if not first.isValid() or not last.isValid():
            return
        self.dataChanged.emit(self.index(first.row(), 0),
                              self.index(last.row(), len(self.columns) - 1))
        for row in range(first.row(), last.row() + 1):
            kids, had = self._kids(self.loaded_record(row)), self.shown.get(row, ())
            if kids == had:
                continue
            parent = self.index(row, 0)
            if kids and len(kids) == len(had):
                self.shown[row] = kids
                self.dataChanged.emit(self.index(0, 0, parent),
                                      self.index(len(kids) - 1, len(self.columns) - 1, parent))
                continue
            if had:
                self.beginRemoveRows(parent, 0, len(had) - 1)
                del self.shown[row]
                self.endRemoveRows()
            if kids:
                self.beginInsertRows(parent, 0, len(kids) - 1)
                self.shown[row] = kids
                self.endInsertRows()

    # -- Qt model interface ------------------------------------------------------------------
    def index(self, row: int, column: int,
              parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not 0 <= column < len(self.columns) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, TOP) if row < self.rows.total \
                else QModelIndex()
        if parent.internalId() != TOP or parent.column() != 0:
            return QModelIndex()
        if row < len(self.shown.get(parent.row(), ())):
            return self.createIndex(row, column, parent.row() + 1)
        return QModelIndex()

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == TOP:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, TOP)

    def sibling(self, row: int, column: int, index: Index) -> QModelIndex:
        return self.index(row, column, self.parent(index))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return self.rows.total
        if parent.internalId() == TOP and parent.column() == 0:
            return len(self.shown.get(parent.row(), ()))
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.columns)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self.rows.headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.column() < len(self.columns):
            return None
        parent = index.internalId()
        if parent == TOP:
            return self.rows.data(self.rows.index(index.row(), index.column()), role)
        record = self.record_at(index)
        if record is None:
            return None
        if int(role) == int(Qt.ItemDataRole.FontRole):
            if self.bold is not None and self.bold(record):
                font = QFont()
                font.setBold(True)
                return font
            return None
        if int(role) == RECORD_ROLE:
            return record
        return column_data(self.columns[index.column()], record, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
