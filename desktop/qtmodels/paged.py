"""A table model that keeps only a window of rows: it learns the total from the database and
fetches pages on demand as the view scrolls. Sorting and filtering happen in SQL (the fetch
function gets the sort key); nothing here sorts or filters rows in Python."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon

from db.changes.recording import Page
from desktop.i18n import translate

Index = QModelIndex | QPersistentModelIndex
Fetch = Callable[[int, int, str | None, bool], Page[Any]]
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # marked with QT_TRANSLATE_NOOP("Columns", ...); the models translate it
    value: Callable[[Any], Any]
    sort_key: str | None = None  # the service's sort name; None: not sortable
    icon: Callable[[Any], QIcon | None] | None = None
    tooltip: Callable[[Any], str | None] | None = None
    foreground: Callable[[Any], Any] | None = None
    align_right: bool = False
    # Qt's disambiguation, where one English title means two things ("Title": an
    # interaction's or a person's); marked with QT_TRANSLATE_NOOP3("Columns", title, note).
    note: str | None = None


def as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    return str(value)


def column_data(column: Column, record: Any, role: int) -> Any:
    """What a column shows of a record in a given role: shared by the paged and the whole-list
    models so both answer the same way."""
    role = int(role)
    if role == int(Qt.ItemDataRole.DisplayRole):
        return as_text(column.value(record))
    if role == int(Qt.ItemDataRole.DecorationRole):
        return column.icon(record) if column.icon is not None else None
    if role == int(Qt.ItemDataRole.ForegroundRole):
        return column.foreground(record) if column.foreground is not None else None
    if role == int(Qt.ItemDataRole.TextAlignmentRole):
        return (int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column.align_right else None)
    if role == int(Qt.ItemDataRole.ToolTipRole):
        if column.tooltip is not None:
            return column.tooltip(record)
        text = as_text(column.value(record))
        return text if len(text) > 30 else None
    if role == SORT_ROLE:
        return column.value(record)
    if role == RECORD_ROLE:
        return record
    return None


def column_header(columns: Sequence[Column], section: int, orientation: Qt.Orientation,
                  role: int) -> Any:
    if (orientation == Qt.Orientation.Horizontal and 0 <= section < len(columns)
            and role == Qt.ItemDataRole.DisplayRole):
        return translate("Columns", columns[section].title, columns[section].note)
    return None


class PagedTableModel(QAbstractTableModel):
    # Painting asks data() for a dozen roles per cell; answering the common ones from plain
    # ints and a text cache keeps a repaint of a full screen near Qt's own cost.
    DISPLAY = int(Qt.ItemDataRole.DisplayRole)
    DECORATION = int(Qt.ItemDataRole.DecorationRole)
    FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
    ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
    TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
    RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    ROLES = frozenset(int(r) for r in (
        Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.TextAlignmentRole, SORT_ROLE, RECORD_ROLE))

    def __init__(self, columns: Sequence[Column], fetch: Fetch, *, page_size: int = 64,
                 max_pages: int = 30, default_sort: str | None = None,
                 default_descending: bool = False) -> None:
        super().__init__()
        self.columns = list(columns)
        self.fetch = fetch
        self.page_size = page_size
        self.max_pages = max_pages
        self.sort_key = default_sort
        self.descending = default_descending
        self.total = 0
        self.loaded = False
        self.pages: OrderedDict[int, tuple[Any, ...]] = OrderedDict()
        # Display text per page, computed once when the page arrives: painting asks for it
        # many times per cell, and a filter keystroke repaints every visible cell.
        self.texts: dict[int, list[tuple[str, ...]]] = {}

    # -- loading ---------------------------------------------------------------------------
    def reload(self) -> None:
        """Fetch the first page again (after a filter, sort or data change)."""
        self.loaded = True
        self.beginResetModel()
        self.pages.clear()
        self.texts.clear()
        first = self.fetch(0, self.page_size, self.sort_key, self.descending)
        self.total = max(first.total, len(first.items))
        self._store(0, first.items)
        self.endResetModel()

    def _store(self, number: int, items: tuple[Any, ...]) -> None:
        self.pages[number] = items
        self.texts[number] = [tuple(as_text(c.value(r)) for c in self.columns) for r in items]
        while len(self.pages) > self.max_pages:
            evicted, _ = self.pages.popitem(last=False)
            self.texts.pop(evicted, None)

    def _page(self, number: int) -> tuple[Any, ...]:
        page = self.pages.get(number)
        if page is None:
            page = self.fetch(number * self.page_size, self.page_size, self.sort_key,
                              self.descending).items
            self._store(number, page)
        else:
            self.pages.move_to_end(number)
        return page

    def text(self, row: int, column: int) -> str:
        number, offset = divmod(row, self.page_size)
        if number not in self.texts:
            self._page(number)
        texts = self.texts.get(number, [])
        return texts[offset][column] if offset < len(texts) else ""

    def record(self, row: int) -> Any | None:
        if not 0 <= row < self.total:
            return None
        page = self._page(row // self.page_size)
        offset = row % self.page_size
        return page[offset] if offset < len(page) else None

    def row_of(self, record_id: str, near: int | None = None) -> int | None:
        """The row of a loaded record, if it is in a page already fetched — or, given `near`
        (where it was before a reload), in the pages around that row, fetched for it: after
        a refresh the selection stays where the user scrolled, not only on the first page."""
        found = self._loaded_row(record_id)
        if found is not None or near is None or not 0 <= near < self.total:
            return found
        middle = near // self.page_size
        for number in (middle, middle - 1, middle + 1):  # it may have moved past a page edge
            if 0 <= number * self.page_size < self.total and number not in self.pages:
                self._page(number)
        return self._loaded_row(record_id)

    def _loaded_row(self, record_id: str) -> int | None:
        for number, page in self.pages.items():
            for offset, item in enumerate(page):
                if getattr(item, "id", None) == record_id:
                    return number * self.page_size + offset
        return None

    # -- Qt model interface ----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return translate("Columns", self.columns[section].title,
                                 self.columns[section].note)
            if role == Qt.ItemDataRole.ToolTipRole and self.columns[section].sort_key is None:
                return translate("Columns", "This column cannot be sorted")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        role = int(role)
        column_number = index.column()
        if role == self.DISPLAY:
            row = index.row()
            texts = self.texts.get(row // self.page_size)
            if texts is not None:
                offset = row % self.page_size
                if offset < len(texts) and 0 <= column_number < len(self.columns):
                    return texts[offset][column_number]
            return self.text(row, column_number) if index.isValid() else None
        if role not in self.ROLES or not 0 <= column_number < len(self.columns):
            return None
        column = self.columns[column_number]
        if role == self.ALIGNMENT:
            return self.RIGHT if column.align_right else None
        if role == self.DECORATION and column.icon is None:
            return None
        if role == self.FOREGROUND and column.foreground is None:
            return None
        record = self.record(index.row()) if index.isValid() else None
        return None if record is None else column_data(column, record, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        key = self.columns[column].sort_key
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self.sort_key and descending == self.descending and self.loaded:
            return  # the view re-announces its sort indicator; the rows are already in order
        self.sort_key = key
        self.descending = descending
        if self.loaded:  # before the first load the view is still being set up: just remember
            self.reload()

    def sort_column(self) -> int:
        for number, column in enumerate(self.columns):
            if column.sort_key == self.sort_key:
                return number
        return -1
