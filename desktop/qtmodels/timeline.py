"""A paged list whose rows may open to show rows of their own beneath them: a record's
timeline, where a visit is one row that opens to its meetings. The list's own rows are a
PagedTableModel's (read a page at a time on the database worker, the count learnt first);
an opened row's children (which came with its page) are shown as rows under it.

A table, not a tree: a tree view lays out every row on each reload — a Python call or three
per row, a tenth of a second for a party with ten thousand interactions — where a table
only asks for the rows on screen. Rows are numbered as shown ("view rows"); `top` numbers
are the paged list's own."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
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
DEPTH_ROLE = int(Qt.ItemDataRole.UserRole) + 10  # 0: a row of the list, 1: a row it opened to
BRANCH_ROLE = int(Qt.ItemDataRole.UserRole) + 11  # None: nothing to open, else True when open


class OpeningPagedModel(QAbstractTableModel):
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
        self.opened: dict[int, tuple[Any, ...]] = {}  # an open top row → its children
        self.open_tops: list[int] = []  # the open top rows, in order
        self.rows.modelAboutToBeReset.connect(self.beginResetModel)
        self.rows.modelReset.connect(self._reset)
        self.rows.dataChanged.connect(self._rows_arrived)
        self.rows.arrived.connect(self.arrived)

    # -- the paged list ----------------------------------------------------------------------
    @property
    def total(self) -> int:
        """The list's own rows (the children shown are not counted)."""
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

    @property
    def reloading(self) -> bool:
        return self.rows.reloading

    def reload(self, near: int | None = None) -> None:
        self.rows.reload(None if near is None else self.locate(near)[0])

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.rows.sort(column, order)

    def sort_column(self) -> int:
        return self.rows.sort_column()

    def _reset(self) -> None:
        self.opened.clear()
        self.open_tops.clear()
        self.endResetModel()

    # -- view rows and top rows ----------------------------------------------------------------
    def locate(self, row: int) -> tuple[int, int | None]:
        """The top row a view row shows, and which of its children (None: the row itself)."""
        shift = 0
        for top in self.open_tops:
            at = top + shift
            if row <= at:
                break
            count = len(self.opened[top])
            if row <= at + count:
                return top, row - at - 1
            shift += count
        return row - shift, None

    def view_row(self, top: int) -> int:
        before = bisect.bisect_left(self.open_tops, top)
        return top + sum(len(self.opened[t]) for t in self.open_tops[:before])

    def record(self, row: int) -> Any | None:
        """What a view row shows: a record of the list (its page is asked for when not
        here) or one of an open record's children."""
        top, child = self.locate(row)
        if child is None:
            return self.rows.record(top)
        return self.opened[top][child]

    def row_of(self, record_id: str) -> int | None:
        """The view row of a record of the list, in the pages read."""
        top = self.rows.row_of(record_id)
        return None if top is None else self.view_row(top)

    # -- opening and closing ---------------------------------------------------------------------
    def can_open(self, row: int) -> bool:
        top, child = self.locate(row)
        return child is None and bool(self._children(self.rows.record(top)))

    def is_open(self, row: int) -> bool:
        top, child = self.locate(row)
        return child is None and top in self.opened

    def open_row(self, row: int) -> bool:
        """Show the children of the record on view row `row` under it; False when it has
        none (or its page is not here yet)."""
        top, child = self.locate(row)
        kids = self._children(self.rows.record(top)) if child is None else ()
        if not kids or top in self.opened:
            return bool(kids)
        self.beginInsertRows(QModelIndex(), row + 1, row + len(kids))
        self.opened[top] = kids
        bisect.insort(self.open_tops, top)
        self.endInsertRows()
        self._changed(row, row)
        return True

    def close_row(self, row: int) -> None:
        top, child = self.locate(row)
        if child is not None or top not in self.opened:
            return
        count = len(self.opened[top])
        self.beginRemoveRows(QModelIndex(), row + 1, row + count)
        del self.opened[top]
        self.open_tops.remove(top)
        self.endRemoveRows()
        self._changed(row, row)

    def _children(self, record: Any | None) -> tuple[Any, ...]:
        return tuple(self.children_of(record)) if record is not None else ()

    def _changed(self, first: int, last: int) -> None:
        self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))

    def _rows_arrived(self, first: QModelIndex, last: QModelIndex) -> None:
        """A page came in: its rows (and the children shown under them) changed."""
        if first.isValid() and last.isValid():
            end = self.view_row(last.row()) + len(self.opened.get(last.row(), ()))
            self._changed(self.view_row(first.row()), end)

    # -- Qt model interface ------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return self.rows.total + sum(len(kids) for kids in self.opened.values())

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self.rows.headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.column() < len(self.columns):
            return None
        role = int(role)
        if not self.opened and role not in (DEPTH_ROLE, BRANCH_ROLE):
            return self.rows.data(self.rows.index(index.row(), index.column()), role)
        top, child = self.locate(index.row())
        if role == DEPTH_ROLE:
            return 0 if child is None else 1
        if role == BRANCH_ROLE:
            if child is not None or index.column() != 0:
                return None
            record = self.rows.pages.get(top // self.rows.page_size)
            found = record[top % self.rows.page_size] if record is not None and \
                top % self.rows.page_size < len(record) else None
            return (top in self.opened) if self._children(found) else None
        if child is None:
            return self.rows.data(self.rows.index(top, index.column()), role)
        kid = self.opened[top][child]
        if role == int(Qt.ItemDataRole.FontRole):
            if self.bold is not None and self.bold(kid):
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == RECORD_ROLE:
            return kid
        return column_data(self.columns[index.column()], kid, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
