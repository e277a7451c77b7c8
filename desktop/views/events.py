"""The events list: every multilateral meeting the office took part in or organized — a
high-level meeting, a grouping's party forum, a seminar — the latest first, filtered by
mechanism, series, year and words in the name, series or theme. Pages come from the database
as the user scrolls, sorted there; Enter or a double click opens an event's window."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from PySide6.QtWidgets import QComboBox, QWidget

from db.changes.recording import Page
from db.models.vocabulary import EVENT_MECHANISMS
from db.services.event_figures import event_years
from db.services.events import (
    EventFilter,
    EventRecord,
    delete_event,
    list_events_sorted,
    restore_event,
    series_names,
)
from db.services.timeline import RecordNames, record_names
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.icons import icon
from desktop.naming import display_name
from desktop.qtmodels.paged import Column, Reader
from desktop.readable import date_text
from desktop.views.record_list import (
    DeleteRecord,
    RecordListView,
    RestoreRecord,
    dates_text,
    term_label,
)


@dataclass(frozen=True)
class EventRow:
    """One line of the list: the event plus what is shown for it in the user's script."""

    record: EventRecord
    place: str
    organizer: str

    @property
    def id(self) -> str:
        return self.record.id


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


class EventsView(RecordListView[EventRow]):
    title = "Events"
    icon_name = "landmark"
    plural = "events"
    entity = "event"
    row_type = EventRow
    columns = COLUMNS
    watched = ("event", "invitation", "organization", "*")
    refilled = ("event", "*")

    # -- the bar and the table -------------------------------------------------------------
    def query_texts(self) -> tuple[str, str]:
        return (translate("EventsView", "Filter by name…"),
                translate("EventsView", "Words in the name, the series or the theme"))

    def new_texts(self) -> tuple[str, str]:
        return (translate("EventsView", "New event…"),
                translate("EventsView", "Set up a new event (Ctrl+N)"))

    def make_filters(self) -> list[QWidget]:
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
        self.fill_choices()
        return [self.mechanism, self.series, self.year]

    def size_columns(self) -> None:
        metrics = self.table.fontMetrics()

        def widest(*texts: str) -> int:
            return max(metrics.horizontalAdvance(t) for t in texts) + 24

        self.table.set_widths(
            300, 190, widest(*(t.label() for t in EVENT_MECHANISMS.values())),
            widest("2024-12-31 – 2024-12-31"), 130, 150,
            widest(translate("Columns", "Invitations")) + 12, stretch=0)

    def placeholder(self) -> str:
        return translate("EventsView", "No events match these filters. New event… sets one "
                                       "up: its invitation list, replies, attendance and "
                                       "sessions follow on its page.")

    def count_text(self, total: int) -> str:
        return (translate("EventsView", "1 event") if total == 1 else
                translate("EventsView", "{n:,} events").format(n=total))

    # -- data ------------------------------------------------------------------------------
    def fill_choices(self) -> None:
        self.refill(self.year, translate("EventsView", "Every year"),
                    [(str(y), y) for y in reversed(event_years(self.db))])
        self.refill(self.series, translate("EventsView", "Every series"),
                    [(s, s) for s in series_names(self.db)])

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

    # -- actions ---------------------------------------------------------------------------
    def open_record(self, record_id: str | None) -> None:
        self.context.open_event(record_id)

    def delete_texts(self, rows: Sequence[EventRow]) -> tuple[str, str]:
        if len(rows) == 1:
            return (translate("EventsView", "Delete event"), translate(
                "EventsView", "Delete “{name}” with its invitations and sessions? You can "
                              "undo this with Ctrl+Z.").format(name=rows[0].record.name))
        return (translate("EventsView", "Delete events"), translate(
            "EventsView", "Delete {n} events with their invitations and sessions? You can "
                          "undo this with Ctrl+Z.").format(n=len(rows)))

    def delete_step_text(self, count: int) -> str:
        return translate("EventsView", "Delete {n} events").format(n=count)

    def row_label(self, row: EventRow) -> str:
        return f"“{row.record.name}”"

    def services(self) -> tuple[DeleteRecord, RestoreRecord]:
        return delete_event, restore_event
