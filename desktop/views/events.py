"""The events list: every multilateral meeting the office took part in or organized — a
high-level meeting, a grouping's party forum, a seminar — the latest first, filtered by
mechanism, series, year and words in the name, series or theme. Pages come from the database
as the user scrolls, sorted there; Enter or a double click opens an event's window."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QByteArray, QTimer
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

from db.changes.recording import Page
from db.models.vocabulary import EVENT_MECHANISMS, Term
from db.services.event_figures import event_years
from db.services.events import (
    EventFilter,
    EventRecord,
    delete_event,
    list_events_sorted,
    restore_event,
    series_names,
)
from db.services.pages import countries
from db.services.timeline import RecordNames, record_names
from desktop.context import AppContext
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.icons import icon
from desktop.messages import messages
from desktop.naming import chinese, display_name
from desktop.qtmodels.paged import Column, PagedTableModel, Reader
from desktop.readable import date_text
from desktop.widgets.record_table import RecordTable


@dataclass(frozen=True)
class EventRow:
    """One line of the list: the event plus what is shown for it in the user's script."""

    record: EventRecord
    place: str
    organizer: str

    @property
    def id(self) -> str:
        return self.record.id


def term_label(vocabulary: dict[str, Term], code: str) -> str:
    term = vocabulary.get(code)
    return term.label() if term else code


def dates_text(record: EventRecord) -> str:
    if record.end and record.end != record.start:
        return f"{record.start.isoformat()} – {record.end.isoformat()}"
    return record.start.isoformat()


def series_text(record: EventRecord) -> str:
    if record.series and record.edition:
        return translate("EventsView", "{series} · edition {n}").format(series=record.series,
                                                                         n=record.edition)
    if record.edition:
        return translate("EventsView", "edition {n}").format(n=record.edition)
    return record.series or ""


COLUMNS = [
    Column("name", QT_TRANSLATE_NOOP("Columns", "Name"), lambda r: r.record.name, "name",
           icon=lambda r: icon("video" if r.record.online and not r.record.city
                               else "landmark"),
           tooltip=lambda r: r.record.name + (f"\n\n{r.record.theme}" if r.record.theme
                                              else "")),
    Column("series", QT_TRANSLATE_NOOP("Columns", "Series and edition"),
           lambda r: series_text(r.record), "series"),
    Column("mechanism", QT_TRANSLATE_NOOP("Columns", "Mechanism"),
           lambda r: term_label(EVENT_MECHANISMS, r.record.mechanism), "mechanism"),
    Column("start", QT_TRANSLATE_NOOP("Columns", "Dates"), lambda r: dates_text(r.record),
           "start", tooltip=lambda r: (f"{date_text(r.record.start)} – "
                                       f"{date_text(r.record.last_day)}")),
    Column("country", QT_TRANSLATE_NOOP("Columns", "Place"), lambda r: r.place, "country"),
    Column("organizer", QT_TRANSLATE_NOOP("Columns", "Organizer"), lambda r: r.organizer,
           "organizer"),
    Column("invitations", QT_TRANSLATE_NOOP("Columns", "Invitations"),
           lambda r: r.record.invitations, "invitations", align_right=True),
]


def event_row(record: EventRecord, names: dict[str, RecordNames], *, preference: str,
              country_names: dict[str, str]) -> EventRow:
    """One row of the list, names in the preferred script (runs on the worker thread)."""
    found = names.get(record.organizer_id or "")
    organizer = display_name(found, preference) if found else record.organizer_name or ""
    place = ", ".join(x for x in (record.city, country_names.get(record.country or "",
                                                                 record.country or "")) if x)
    if record.online:
        place = (translate("EventsView", "{place} and online").format(place=place) if place
                 else translate("EventsView", "Online"))
    return EventRow(record, place, organizer)


class EventsView(QWidget):
    title = "Events"
    icon_name = "landmark"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.db = context.database
        self.stale = False
        self._read_preference()

        self.query = QLineEdit()
        self.query.setObjectName("events_query")
        self.query.setPlaceholderText(translate("EventsView", "Filter by name…"))
        self.query.setToolTip(translate("EventsView", "Words in the name, the series or the "
                                                      "theme"))
        self.query.setClearButtonEnabled(True)
        self.query.setMinimumWidth(120)
        self.mechanism = QComboBox()
        self.mechanism.setObjectName("filter_mechanism")
        self.mechanism.addItem(translate("EventsView", "Every mechanism"), None)
        for code, term in EVENT_MECHANISMS.items():
            self.mechanism.addItem(term.label(), code)
        self.series = QComboBox()
        self.series.setObjectName("filter_series")
        self.series.setMaximumWidth(260)
        self.year = QComboBox()
        self.year.setObjectName("filter_year")
        self.year.setToolTip(translate("EventsView", "Events that begin in this year"))
        self._fill_choices()
        self.clear_button = QPushButton(icon("x"), translate("EventsView", "Clear"))
        self.clear_button.setToolTip(translate("EventsView", "Clear the filters"))
        self.clear_button.clicked.connect(self.clear_filters)
        self.count = QLabel()
        self.count.setObjectName("events_count")
        self.new_button = QPushButton(icon("plus"), translate("EventsView", "New event…"))
        self.new_button.setObjectName("new_event")
        self.new_button.setToolTip(translate("EventsView", "Set up a new event (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_record)
        self.new_button.setEnabled(not self.db.read_only)

        self.model = PagedTableModel(COLUMNS, self._reader, query=context.query,
                                     default_sort="start", default_descending=True)
        self.keep: set[str] = set()  # the events selected when the reload was asked for
        self.model.arrived.connect(self._arrived)
        self.table = RecordTable(self.model, multi=True, handles_delete=True)
        self.table.setObjectName("events_table")
        metrics = self.table.fontMetrics()

        def widest(*texts: str) -> int:
            return max(metrics.horizontalAdvance(t) for t in texts) + 24

        self.table.set_widths(
            300, 190, widest(*(t.label() for t in EVENT_MECHANISMS.values())),
            widest("2024-12-31 – 2024-12-31"), 130, 150,
            widest(translate("Columns", "Invitations")) + 12, stretch=0)
        self.table.enable_sorting()
        self.table.set_placeholder(translate(
            "EventsView", "No events match these filters. New event… sets one up: its "
                          "invitation list, replies, attendance and sessions follow on its "
                          "page."))
        self.table.opened.connect(lambda row: self.context.open_event(row.id))
        self.table.delete_requested.connect(self.delete_selected)

        bar = QHBoxLayout()
        bar.addWidget(self.new_button)
        bar.addWidget(self.query, 1)
        bar.addWidget(self.mechanism)
        bar.addWidget(self.series)
        bar.addWidget(self.year)
        bar.addWidget(self.clear_button)
        bar.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(200)
        self.timer.timeout.connect(self.reload)
        self.query.textChanged.connect(lambda _t: self.timer.start())
        for box in (self.mechanism, self.series, self.year):
            box.currentIndexChanged.connect(lambda _i: self.reload())
        context.changed.connect(self._on_changed)
        self.reload()

    # -- data ------------------------------------------------------------------------------
    def _fill_choices(self) -> None:
        for box, everything, values in (
                (self.year, translate("EventsView", "Every year"),
                 [(str(y), y) for y in reversed(event_years(self.db))]),
                (self.series, translate("EventsView", "Every series"),
                 [(s, s) for s in series_names(self.db)])):
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(everything, None)
            for text, value in values:
                box.addItem(text, value)
            box.setCurrentIndex(max(box.findData(current), 0))
            box.blockSignals(False)

    def current_filter(self) -> EventFilter:
        return EventFilter(mechanism=self.mechanism.currentData(),
                           series=self.series.currentData(),
                           text=self.query.text().strip() or None,
                           year=self.year.currentData())

    def _reader(self) -> Reader:
        """Reads pages of what the filters say now (on the worker thread)."""
        database, shown = self.db, self.current_filter()
        make_row = partial(event_row, preference=self.preference,
                           country_names=dict(self.country_names))

        def read(offset: int, limit: int, sort: str | None, descending: bool
                 ) -> Page[EventRow]:
            page = list_events_sorted(database, shown, offset=offset, limit=limit, sort=sort,
                                      descending=descending)
            names = record_names(database, [r.organizer_id for r in page.items])
            return Page(tuple(make_row(r, names) for r in page.items), page.total, offset,
                        limit)
        return read

    def reload(self) -> None:
        self.timer.stop()
        self.stale = False
        self.keep = {row.id for row in self.table.selected_records()}
        self.model.reload(near=self.table.currentIndex().row())

    def _arrived(self) -> None:
        total = self.model.total
        self.count.setText(translate("EventsView", "1 event") if total == 1 else
                           translate("EventsView", "{n:,} events").format(n=total))
        keep, self.keep = self.keep, set()
        found = (self.model.row_of(record_id) for record_id in keep)
        self.table.select_rows(sorted(number for number in found if number is not None))

    def _read_preference(self) -> None:
        self.preference = self.context.name_preference()
        wanted = chinese(self.preference)
        self.country_names = {c.code: (c.name_zh if wanted and c.name_zh else c.name_en)
                              for c in countries(self.db)}

    def _on_changed(self, entity: str, _record_id: str) -> None:
        if entity == "*":
            self._read_preference()
        if entity in ("event", "invitation", "organization", "*"):
            if entity in ("event", "*"):
                self._fill_choices()
            if self.isVisible():
                self.reload()
            else:
                self.stale = True  # reloaded when shown: a hidden list costs nothing

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.reload()

    def clear_filters(self) -> None:
        for widget in (self.query, self.mechanism, self.series, self.year):
            widget.blockSignals(True)
        self.query.clear()
        for box in (self.mechanism, self.series, self.year):
            box.setCurrentIndex(0)
        for widget in (self.query, self.mechanism, self.series, self.year):
            widget.blockSignals(False)
        self.reload()

    # -- what the main window asks of a screen -----------------------------------------------
    def focus_filter(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    def save_state(self) -> dict[str, Any]:
        return {"header": self.table.horizontalHeader().saveState()}

    def restore_state(self, state: dict[str, Any]) -> None:
        if isinstance(state.get("header"), QByteArray):
            self.table.horizontalHeader().restoreState(state["header"])

    # -- actions ---------------------------------------------------------------------------
    def selected(self) -> list[EventRow]:
        return [row for row in self.table.selected_records() if isinstance(row, EventRow)]

    def open_selected(self) -> None:
        for row in self.selected()[:10]:
            self.context.open_event(row.id)

    def new_record(self) -> None:
        if not self.db.read_only:
            self.context.open_event(None)

    def delete_selected(self) -> None:
        rows = self.selected()
        if not rows or self.db.read_only:
            return
        if len(rows) == 1:
            title = translate("EventsView", "Delete event")
            question = translate(
                "EventsView", "Delete “{name}” with its invitations and sessions? You can "
                              "undo this with Ctrl+Z.").format(name=rows[0].record.name)
        else:
            title = translate("EventsView", "Delete events")
            question = translate(
                "EventsView", "Delete {n} events with their invitations and sessions? You "
                              "can undo this with Ctrl+Z.").format(n=len(rows))
        if not messages.confirm(self, title, question, yes=translate("EventsView", "Delete")):
            return
        db, actor, stack = self.db, self.context.actor(), self.context.undo_stack
        if len(rows) > 1:
            stack.beginMacro(translate("EventsView", "Delete {n} events").format(n=len(rows)))
        try:
            for row in rows:
                record_id, version = row.id, [row.record.version]

                def delete(record_id: str = record_id, version: list[int] = version) -> None:
                    # the version seen in the list guards the first delete only
                    delete_event(db, record_id, actor=actor,
                                 expected_version=version.pop() if version else None)

                restore = partial(restore_event, db, record_id, actor=actor)
                if not self.context.delete(self, "event", record_id, f"“{row.record.name}”",
                                           delete, restore):
                    break
        finally:
            if len(rows) > 1:
                stack.endMacro()
