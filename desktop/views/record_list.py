"""What the lists of events, visits and interactions share: a bar with the words to look for,
the list's own filters, Clear and a count, over a table whose pages come from the database as
the user scrolls, sorted there. Typed words (and dates) wait a moment before the list is read
again, a choice reads it at once, and the rows selected stay selected across the reload.
Enter or a double click opens a record; Delete asks, then deletes the selected records as
one step of the undo stack (Ctrl+Z brings them back). A list told of a change while hidden
is read again when it is shown. Each list gives its columns, filters, reader and sentences
through the hooks of RecordListView."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import partial
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.changes.recording import Actor
from db.models.vocabulary import Term
from db.services.pages import countries
from db.store.engine import Database
from desktop.context import AppContext
from desktop.i18n import translate
from desktop.icons import icon
from desktop.messages import messages
from desktop.naming import chinese
from desktop.qtmodels.paged import Column, PagedTableModel, Reader
from desktop.widgets.form import DateField
from desktop.widgets.list_state import ListState
from desktop.widgets.record_table import RecordTable


class Versioned(Protocol):
    @property
    def version(self) -> int: ...


class ListRow(Protocol):
    """A line of a list: the record's id, and the record, whose version guards its delete."""

    @property
    def id(self) -> str: ...

    @property
    def record(self) -> Versioned: ...


class Spanned(Protocol):
    @property
    def start(self) -> date: ...

    @property
    def end(self) -> date | None: ...


class DeleteRecord(Protocol):
    """A service's delete of one record (delete_event, delete_visit, …)."""

    def __call__(self, db: Database, record_id: str, /, *,
                 expected_version: int | None = None, actor: Actor | None = None) -> object: ...


class RestoreRecord(Protocol):
    """A service's restore of one deleted record (restore_event, restore_visit, …)."""

    def __call__(self, db: Database, record_id: str, /,
                 actor: Actor | None = None) -> object: ...


RowT = TypeVar("RowT", bound=ListRow)


def term_label(vocabulary: dict[str, Term], code: str) -> str:
    term = vocabulary.get(code)
    return term.label() if term else code


def dates_text(record: Spanned) -> str:
    if record.end and record.end != record.start:
        return f"{record.start.isoformat()} – {record.end.isoformat()}"
    return record.start.isoformat()


class RecordListView(ListState, QWidget, Generic[RowT]):
    plural: str  # "events": the object names of the list's filter, count and table
    entity: str  # "event": the change notice and the undo step of a delete
    row_type: type[RowT]
    columns: Sequence[Column]
    watched: tuple[str, ...]  # the change notices that read the list again
    refilled: tuple[str, ...] = ()  # those that also refill the filters' choices
    table: RecordTable
    timer: QTimer  # a filter change waiting to be applied

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.db = context.database
        self.stale = False
        self._read_preference()

        self.query = QLineEdit()
        self.query.setObjectName(f"{self.plural}_query")
        placeholder, tooltip = self.query_texts()
        self.query.setPlaceholderText(placeholder)
        self.query.setToolTip(tooltip)
        self.query.setClearButtonEnabled(True)
        self.query.setMinimumWidth(120)
        filters = self.make_filters()
        # what Clear sets back: the choices and the dates (the labels between them stay)
        self.filters = [w for w in filters if isinstance(w, QComboBox | DateField)]
        self.clear_button = QPushButton(icon("x"), translate("RecordListView", "Clear"))
        self.clear_button.setToolTip(translate("RecordListView", "Clear the filters"))
        self.clear_button.clicked.connect(self.clear_filters)
        self.count = QLabel()
        self.count.setObjectName(f"{self.plural}_count")
        self.new_button: QPushButton | None = None
        new_texts = self.new_texts()
        if new_texts is not None:
            self.new_button = QPushButton(icon("plus"), new_texts[0])
            self.new_button.setObjectName(f"new_{self.entity}")
            self.new_button.setToolTip(new_texts[1])
            self.new_button.clicked.connect(self.new_record)
            self.new_button.setEnabled(not self.db.read_only)

        self.model = PagedTableModel(self.columns, self._reader, query=context.query,
                                     default_sort="start", default_descending=True)
        self.keep: set[str] = set()  # the records selected when the reload was asked for
        self.model.arrived.connect(self._arrived)
        self.table = RecordTable(self.model, multi=True, handles_delete=True)
        self.table.setObjectName(f"{self.plural}_table")
        self.size_columns()
        self.table.enable_sorting()
        self.table.set_placeholder(self.placeholder())
        self.table.opened.connect(lambda row: self.open_record(row.id))
        self.table.delete_requested.connect(self.delete_selected)

        bar = QHBoxLayout()
        if self.new_button is not None:
            bar.addWidget(self.new_button)
        bar.addWidget(self.query, 1)
        for widget in filters:
            bar.addWidget(widget)
        bar.addWidget(self.clear_button)
        bar.addWidget(self.count)
        for widget in self.bar_end():
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(200)
        self.timer.timeout.connect(self.reload)
        self.query.textChanged.connect(lambda _t: self.timer.start())
        for widget in self.filters:
            if isinstance(widget, DateField):
                widget.changed.connect(self.timer.start)
            else:
                widget.currentIndexChanged.connect(lambda _i: self.reload())
        context.changed.connect(self._on_changed)
        self.reload()

    # -- what each list gives ----------------------------------------------------------------
    def query_texts(self) -> tuple[str, str]:
        """The filter's placeholder and tooltip."""
        raise NotImplementedError

    def new_texts(self) -> tuple[str, str] | None:
        """The New… button's text and tooltip; None for a list without one."""
        return None

    def make_filters(self) -> list[QWidget]:
        """The list's own filters, as the bar shows them after the words."""
        raise NotImplementedError

    def bar_end(self) -> list[QWidget]:
        """What the bar shows after the count."""
        return []

    def fill_choices(self) -> None:
        """Fill the filters' choices that come from the records (years, series)."""

    def size_columns(self) -> None:
        raise NotImplementedError

    def placeholder(self) -> str:
        """What the table says when no record matches."""
        raise NotImplementedError

    def _reader(self) -> Reader:
        """Reads pages of what the filters say now (on the worker thread)."""
        raise NotImplementedError

    def count_text(self, total: int) -> str:
        raise NotImplementedError

    def open_record(self, record_id: str | None) -> None:
        """Open a record's window, or a new record's for None."""
        raise NotImplementedError

    def delete_texts(self, rows: Sequence[RowT]) -> tuple[str, str]:
        """The title and question asking to delete these rows' records."""
        raise NotImplementedError

    def delete_step_text(self, count: int) -> str:
        """The undo step deleting several records."""
        raise NotImplementedError

    def row_label(self, row: RowT) -> str:
        """A record in its own undo step: “its name”."""
        raise NotImplementedError

    def services(self) -> tuple[DeleteRecord, RestoreRecord]:
        """The service's delete and restore of one record."""
        raise NotImplementedError

    # -- data ------------------------------------------------------------------------------
    @staticmethod
    def refill(box: QComboBox, everything: str, values: Sequence[tuple[str, object]]) -> None:
        """Fill a choice from the records, keeping what was chosen if it is still there."""
        current = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(everything, None)
        for text, value in values:
            box.addItem(text, value)
        box.setCurrentIndex(max(box.findData(current), 0))
        box.blockSignals(False)

    def reload(self) -> None:
        self.timer.stop()
        self.stale = False
        self.keep = {row.id for row in self.table.selected_records()}
        self.model.reload(near=self.table.currentIndex().row())

    def _arrived(self) -> None:
        self.count.setText(self.count_text(self.model.total))
        keep, self.keep = self.keep, set()
        found = (self.model.row_of(record_id) for record_id in keep)
        self.table.select_rows(sorted(number for number in found if number is not None))

    def _read_preference(self) -> None:
        """Names and countries in the user's preferred script (again after Settings changed
        it)."""
        self.preference = self.context.name_preference()
        wanted = chinese(self.preference)
        self.country_names = {c.code: (c.name_zh if wanted and c.name_zh else c.name_en)
                              for c in countries(self.db)}

    def _on_changed(self, entity: str, _record_id: str) -> None:
        if entity == "*":
            self._read_preference()
        if entity in self.watched:
            if entity in self.refilled:
                self.fill_choices()
            if self.isVisible():
                self.reload()
            else:
                self.stale = True  # reloaded when shown: a hidden list costs nothing

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.reload()

    def clear_filters(self) -> None:
        widgets = (self.query, *self.filters)
        for widget in widgets:
            widget.blockSignals(True)
        self.query.clear()
        for widget in self.filters:
            if isinstance(widget, DateField):
                widget.set_value(None)
            else:
                widget.setCurrentIndex(0)
        for widget in widgets:
            widget.blockSignals(False)
        self.reload()

    # -- actions ---------------------------------------------------------------------------
    def selected(self) -> list[RowT]:
        return [row for row in self.table.selected_records() if isinstance(row, self.row_type)]

    def open_selected(self) -> None:
        for row in self.selected()[:10]:
            self.open_record(row.id)

    def new_record(self) -> None:
        if not self.db.read_only:  # nothing new, nothing deleted on a read-only one
            self.open_record(None)

    def delete_selected(self) -> None:
        rows = self.selected()
        if not rows or self.db.read_only:
            return
        title, question = self.delete_texts(rows)
        if not messages.confirm(self, title, question,
                                yes=translate("RecordListView", "Delete")):
            return
        db, actor, stack = self.db, self.context.actor(), self.context.undo_stack
        remove, restore_record = self.services()
        if len(rows) > 1:
            stack.beginMacro(self.delete_step_text(len(rows)))
        try:
            for row in rows:
                record_id, version = row.id, [row.record.version]

                def delete(record_id: str = record_id, version: list[int] = version) -> None:
                    # the version seen in the list guards the first delete only: a redo
                    # after an undo deletes the restored record
                    remove(db, record_id, actor=actor,
                           expected_version=version.pop() if version else None)

                restore = partial(restore_record, db, record_id, actor=actor)
                if not self.context.delete(self, self.entity, record_id, self.row_label(row),
                                           delete, restore):
                    break
        finally:
            if len(rows) > 1:
                stack.endMacro()
