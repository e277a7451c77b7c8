"""The visits list: every delegation received and sent, the latest first, filtered by words
in the title, direction, status and year. Pages come from the database as the user scrolls,
sorted there; Enter or a double click opens a visit's window."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from PySide6.QtWidgets import QComboBox, QWidget

from db.changes.recording import Page
from db.models.vocabulary import VISIT_DIRECTIONS, VISIT_STATUSES, Term
from db.services.timeline import RecordNames, record_names
from db.services.visits import (
    VisitFilter,
    VisitRecord,
    delete_visit,
    list_visits,
    programme_counts,
    restore_visit,
    visit_years,
)
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

DIRECTION_ICONS = {"inbound": "plane-landing", "outbound": "plane-takeoff"}


@dataclass(frozen=True)
class VisitRow:
    """One line of the list: the visit plus what is shown for it in the user's script."""

    record: VisitRecord
    country: str
    host: str
    guest: str
    items: int

    @property
    def id(self) -> str:
        return self.record.id


COLUMNS = [
    Column("title", QT_TRANSLATE_NOOP("Columns", "Title"), lambda r: r.record.title, "title",
           icon=lambda r: icon(DIRECTION_ICONS.get(r.record.direction, "circle-dot")),
           tooltip=lambda r: r.record.title + (f"\n\n{r.record.purpose}"
                                               if r.record.purpose else "")),
    Column("direction", QT_TRANSLATE_NOOP("Columns", "Direction"),
           lambda r: term_label(VISIT_DIRECTIONS, r.record.direction), "direction"),
    Column("status", QT_TRANSLATE_NOOP("Columns", "Status"),
           lambda r: term_label(VISIT_STATUSES, r.record.status), "status"),
    Column("start", QT_TRANSLATE_NOOP("Columns", "Dates"), lambda r: dates_text(r.record),
           "start", tooltip=lambda r: (f"{date_text(r.record.start)} – "
                                       f"{date_text(r.record.last_day)}")),
    Column("country", QT_TRANSLATE_NOOP("Columns", "Country"), lambda r: r.country, "country"),
    Column("host", QT_TRANSLATE_NOOP("Columns", "Host"), lambda r: r.host),
    Column("guest", QT_TRANSLATE_NOOP("Columns", "Guest"), lambda r: r.guest),
    Column("items", QT_TRANSLATE_NOOP("Columns", "Programme items"), lambda r: r.items,
           align_right=True),
]


def visit_row(record: VisitRecord, names: dict[str, RecordNames], counts: dict[str, int], *,
              preference: str, country_names: dict[str, str]) -> VisitRow:
    """One row of the list, names in the preferred script (runs on the worker thread)."""
    def name(record_id: str | None, stored: str | None) -> str:
        found = names.get(record_id or "")
        return display_name(found, preference) if found else stored or ""

    return VisitRow(record, country_names.get(record.country or "", record.country or ""),
                    name(record.host_id, record.host_name),
                    name(record.guest_id, record.guest_name), counts.get(record.id, 0))


class VisitsView(RecordListView[VisitRow]):
    title = "Visits"
    icon_name = "plane-takeoff"
    plural = "visits"
    entity = "visit"
    row_type = VisitRow
    columns = COLUMNS
    watched = ("visit", "programme item", "organization", "*")
    refilled = ("visit", "*")

    # -- the bar and the table -------------------------------------------------------------
    def query_texts(self) -> tuple[str, str]:
        return (translate("VisitsView", "Filter by title…"),
                translate("VisitsView", "Words in the title"))

    def new_texts(self) -> tuple[str, str]:
        return (translate("VisitsView", "New visit…"),
                translate("VisitsView", "Prepare a new visit (Ctrl+N)"))

    def make_filters(self) -> list[QWidget]:
        self.direction = QComboBox()
        self.direction.setObjectName("filter_direction")
        self.direction.addItem(translate("VisitsView", "Received and sent"), None)
        for code, term in VISIT_DIRECTIONS.items():
            self.direction.addItem(icon(DIRECTION_ICONS.get(code, "circle-dot")), term.label(),
                                   code)
        self.status = QComboBox()
        self.status.setObjectName("filter_status")
        self.status.addItem(translate("VisitsView", "Any status"), None)
        for code, term in VISIT_STATUSES.items():
            self.status.addItem(term.label(), code)
        self.year = QComboBox()
        self.year.setObjectName("filter_year")
        self.year.setToolTip(translate("VisitsView", "Visits under way in this year"))
        self.fill_choices()
        return [self.direction, self.status, self.year]

    def size_columns(self) -> None:
        # The title takes the room the others leave; those are as wide as their usual text.
        metrics = self.table.fontMetrics()

        def widest(vocabulary: dict[str, Term]) -> int:
            return max(metrics.horizontalAdvance(t.label()) for t in vocabulary.values()) + 16

        self.table.set_widths(320, widest(VISIT_DIRECTIONS), widest(VISIT_STATUSES),
                              metrics.horizontalAdvance("2024-12-31 – 2024-12-31") + 16, 100,
                              150, 150, metrics.horizontalAdvance("Programme items") + 16,
                              stretch=0)

    def placeholder(self) -> str:
        return translate("VisitsView", "No visits match these filters. New visit… prepares "
                                       "one; an inbound or outbound visit recorded as an "
                                       "interaction can be turned into one from its window.")

    def count_text(self, total: int) -> str:
        return (translate("VisitsView", "1 visit") if total == 1 else
                translate("VisitsView", "{n:,} visits").format(n=total))

    # -- data ------------------------------------------------------------------------------
    def fill_choices(self) -> None:
        self.refill(self.year, translate("VisitsView", "Every year"),
                    [(str(year), year) for year in visit_years(self.db)])

    def current_filter(self) -> VisitFilter:
        return VisitFilter(direction=self.direction.currentData(),
                           status=self.status.currentData(),
                           text=self.query.text().strip() or None,
                           year=self.year.currentData())

    def _reader(self) -> Reader:
        """Reads pages of what the filters say now (on the worker thread)."""
        database, shown = self.db, self.current_filter()
        make_row = partial(visit_row, preference=self.preference,
                           country_names=dict(self.country_names))

        def read(offset: int, limit: int, sort: str | None, descending: bool
                 ) -> Page[VisitRow]:
            page = list_visits(database, shown, offset=offset, limit=limit, sort=sort,
                               descending=descending)
            names = record_names(database, [i for r in page.items
                                            for i in (r.host_id, r.guest_id)])
            counts = programme_counts(database, [r.id for r in page.items])
            return Page(tuple(make_row(r, names, counts) for r in page.items), page.total,
                        offset, limit)
        return read

    # -- actions ---------------------------------------------------------------------------
    def open_record(self, record_id: str | None) -> None:
        self.context.open_visit(record_id)

    def delete_texts(self, rows: Sequence[VisitRow]) -> tuple[str, str]:
        if len(rows) == 1:
            return (translate("VisitsView", "Delete visit"), translate(
                "VisitsView", "Delete “{title}” with its delegations, programme and gifts? You "
                              "can undo this with Ctrl+Z.").format(title=rows[0].record.title))
        return (translate("VisitsView", "Delete visits"), translate(
            "VisitsView", "Delete {n} visits with their delegations, programmes and gifts? "
                          "You can undo this with Ctrl+Z.").format(n=len(rows)))

    def delete_step_text(self, count: int) -> str:
        return translate("VisitsView", "Delete {n} visits").format(n=count)

    def row_label(self, row: VisitRow) -> str:
        return f"“{row.record.title}”"

    def services(self) -> tuple[DeleteRecord, RestoreRecord]:
        return delete_visit, restore_visit
