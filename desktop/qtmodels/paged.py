"""A table model that keeps only a window of rows: it learns the total from the database and
fetches pages on demand as the view scrolls. Sorting and filtering happen in SQL (the reader
gets the sort key); nothing here sorts or filters rows in Python.

The pages are read on the database worker (AppContext.query): a reload keeps the rows shown
until the new ones arrive, then swaps them in at once and says so (`arrived`); a page the
user scrolls to shows empty cells for the moment it takes to read. A reload's answer that a
newer reload overtook is dropped."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QIcon

from db.changes.recording import Page
from desktop.i18n import translate
from desktop.jobs.worker import Answer

Index = QModelIndex | QPersistentModelIndex
# Reads one page — (offset, limit, sort key, descending) — on the worker thread. It must not
# touch a widget: a view makes one for what its filters say when it reloads (`reader_for`).
Reader = Callable[[int, int, str | None, bool], Page[Any]]
# Runs a read on the database worker and hands its result to a callback on the UI thread;
# returns what can be waited on (AppContext.query), or None when it answered at once.
Query = Callable[[Callable[[], Any], Callable[[Any], None]], Answer | None]
# How long a reload waits for its rows before letting the window paint without them: a
# fast read then shows at once, with no flash of empty or stale rows.
RELOAD_WAIT_S = 0.05
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


def run_here(work: Callable[[], Any], done: Callable[[Any], None]) -> None:
    """A Query that reads at once on this thread (a model used without an open window)."""
    done(work())
    return None


class PagedTableModel(QAbstractTableModel):
    arrived = Signal()  # a reload's rows are in: the view updates its count and selection

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

    def __init__(self, columns: Sequence[Column], reader_for: Callable[[], Reader], *,
                 query: Query = run_here, page_size: int = 64, max_pages: int = 30,
                 default_sort: str | None = None, default_descending: bool = False) -> None:
        super().__init__()
        self.columns = list(columns)
        self.reader_for = reader_for
        self.reader: Reader | None = None  # the reader of the last reload
        self.query = query
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
        self.generation = 0  # counts reloads: an answer for an older one is dropped
        self.reloading = False  # a reload was asked for and its rows are not in yet
        self.requested: set[int] = set()  # pages asked of the worker, not yet arrived

    # -- loading ---------------------------------------------------------------------------
    def reload(self, near: int | None = None) -> None:
        """Read the first page again (after a filter, sort or data change) — and, given
        `near` (the row the user was on), the pages around it, so that after a refresh the
        selection can stay where the user scrolled, not only on the first page."""
        self.loaded = True
        self.reloading = True
        self.generation += 1
        generation = self.generation
        reader = self.reader_for()  # on this thread: the reader snapshots the filters
        sort, descending, size = self.sort_key, self.descending, self.page_size

        def read() -> tuple[int, dict[int, tuple[Any, ...]]]:
            first = reader(0, size, sort, descending)
            total = max(first.total, len(first.items))
            pages = {0: first.items}
            if near is not None and 0 <= near < total:
                middle = near // size
                for number in (middle, middle - 1, middle + 1):  # it may have moved a page
                    if 0 < number * size < total and number not in pages:
                        pages[number] = reader(number * size, size, sort, descending).items
            return total, pages

        answer = self.query(read, lambda result: self._reloaded(generation, reader, *result))
        if answer is not None:
            answer.wait(RELOAD_WAIT_S)

    def _reloaded(self, generation: int, reader: Reader, total: int,
                  pages: dict[int, tuple[Any, ...]]) -> None:
        if generation != self.generation:
            return  # a newer reload is on its way
        self.beginResetModel()
        self.reader = reader
        self.reloading = False
        self.requested.clear()
        self.pages.clear()
        self.texts.clear()
        self.total = total
        for number, items in pages.items():
            self._store(number, items)
        self.endResetModel()
        self.arrived.emit()

    def _request(self, number: int) -> None:
        """Ask the worker for one page the view needs; it shows when it arrives."""
        reader = self.reader
        if self.reloading or reader is None or number in self.requested:
            return  # the reload brings new rows anyway
        self.requested.add(number)
        generation = self.generation
        sort, descending, size = self.sort_key, self.descending, self.page_size
        self.query(lambda: reader(number * size, size, sort, descending).items,
                   lambda items: self._page_arrived(generation, number, items))

    def _page_arrived(self, generation: int, number: int, items: tuple[Any, ...]) -> None:
        if generation != self.generation or self.reloading:
            return
        self.requested.discard(number)
        self._store(number, items)
        first = number * self.page_size
        last = min(first + len(items), self.total) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0),
                                  self.index(last, len(self.columns) - 1))

    def _store(self, number: int, items: tuple[Any, ...]) -> None:
        self.pages[number] = items
        self.texts[number] = [tuple(as_text(c.value(r)) for c in self.columns) for r in items]
        while len(self.pages) > self.max_pages:
            evicted, _ = self.pages.popitem(last=False)
            self.texts.pop(evicted, None)

    def _page(self, number: int) -> tuple[Any, ...] | None:
        """A page if it is here (else it is asked for and None returned)."""
        page = self.pages.get(number)
        if page is None:
            self._request(number)
        else:
            self.pages.move_to_end(number)
        return page

    def text(self, row: int, column: int) -> str:
        number, offset = divmod(row, self.page_size)
        texts = self.texts.get(number)
        if texts is None:
            self._request(number)
            return ""
        return texts[offset][column] if offset < len(texts) else ""

    def record(self, row: int) -> Any | None:
        """The record on `row` if its page is here (a page not yet read is asked for)."""
        if not 0 <= row < self.total:
            return None
        page = self._page(row // self.page_size)
        offset = row % self.page_size
        return page[offset] if page is not None and offset < len(page) else None

    def row_of(self, record_id: str) -> int | None:
        """The row of a record in the pages read (a reload reads those around where the
        user was: see `reload`)."""
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
