"""The visits list: every delegation received and sent, the latest first, filtered by words
in the title, direction, status and year. Pages come from the database as the user scrolls,
sorted there; Enter or a double click opens a visit's window."""

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
from db.models.vocabulary import VISIT_DIRECTIONS, VISIT_STATUSES, Term
from db.services.pages import countries
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
from desktop.context import AppContext
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.icons import icon
from desktop.messages import messages
from desktop.naming import chinese, display_name
from desktop.qtmodels.paged import Column, PagedTableModel, Reader
from desktop.readable import date_text
from desktop.widgets.record_table import RecordTable

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


def term_label(vocabulary: dict[str, Term], code: str) -> str:
    term = vocabulary.get(code)
    return term.label() if term else code


def dates_text(record: VisitRecord) -> str:
    if record.end and record.end != record.start:
        return f"{record.start.isoformat()} – {record.end.isoformat()}"
    return record.start.isoformat()


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


class VisitsView(QWidget):
    title = "Visits"
    icon_name = "plane-takeoff"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.db = context.database
        self.stale = False
        self._read_preference()

        self.query = QLineEdit()
        self.query.setObjectName("visits_query")
        self.query.setPlaceholderText(translate("VisitsView", "Filter by title…"))
        self.query.setToolTip(translate("VisitsView", "Words in the title"))
        self.query.setClearButtonEnabled(True)
        self.query.setMinimumWidth(120)
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
        self._fill_years()
        self.clear_button = QPushButton(icon("x"), translate("VisitsView", "Clear"))
        self.clear_button.setToolTip(translate("VisitsView", "Clear the filters"))
        self.clear_button.clicked.connect(self.clear_filters)
        self.count = QLabel()
        self.count.setObjectName("visits_count")
        self.new_button = QPushButton(icon("plus"), translate("VisitsView", "New visit…"))
        self.new_button.setObjectName("new_visit")
        self.new_button.setToolTip(translate("VisitsView", "Prepare a new visit (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_record)
        self.new_button.setEnabled(not self.db.read_only)

        self.model = PagedTableModel(COLUMNS, self._reader, query=context.query,
                                     default_sort="start", default_descending=True)
        self.keep: set[str] = set()  # the visits selected when the reload was asked for
        self.model.arrived.connect(self._arrived)
        self.table = RecordTable(self.model, multi=True, handles_delete=True)
        self.table.setObjectName("visits_table")
        metrics = self.table.fontMetrics()
        # The title takes the room the others leave; those are as wide as their usual text.
        def widest(vocabulary: dict[str, Term]) -> int:
            return max(metrics.horizontalAdvance(t.label()) for t in vocabulary.values()) + 16

        self.table.set_widths(320, widest(VISIT_DIRECTIONS), widest(VISIT_STATUSES),
                              metrics.horizontalAdvance("2024-12-31 – 2024-12-31") + 16, 100,
                              150, 150, metrics.horizontalAdvance("Programme items") + 16,
                              stretch=0)
        self.table.enable_sorting()
        self.table.set_placeholder(translate(
            "VisitsView", "No visits match these filters. New visit… prepares one; an inbound "
                          "or outbound visit recorded as an interaction can be turned into one "
                          "from its window."))
        self.table.opened.connect(lambda row: self.context.open_visit(row.id))
        self.table.delete_requested.connect(self.delete_selected)

        bar = QHBoxLayout()
        bar.addWidget(self.new_button)
        bar.addWidget(self.query, 1)
        bar.addWidget(self.direction)
        bar.addWidget(self.status)
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
        for box in (self.direction, self.status, self.year):
            box.currentIndexChanged.connect(lambda _i: self.reload())
        context.changed.connect(self._on_changed)
        self.reload()

    # -- data ------------------------------------------------------------------------------
    def _fill_years(self) -> None:
        current = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem(translate("VisitsView", "Every year"), None)
        for year in visit_years(self.db):
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(max(self.year.findData(current), 0))
        self.year.blockSignals(False)

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

    def reload(self) -> None:
        self.timer.stop()
        self.stale = False
        self.keep = {row.id for row in self.table.selected_records()}
        self.model.reload(near=self.table.currentIndex().row())

    def _arrived(self) -> None:
        total = self.model.total
        self.count.setText(translate("VisitsView", "1 visit") if total == 1 else
                           translate("VisitsView", "{n:,} visits").format(n=total))
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
        if entity in ("visit", "programme item", "organization", "*"):
            if entity in ("visit", "*"):
                self._fill_years()
            if self.isVisible():
                self.reload()
            else:
                self.stale = True  # reloaded when shown: a hidden list costs nothing

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.reload()

    def clear_filters(self) -> None:
        for widget in (self.query, self.direction, self.status, self.year):
            widget.blockSignals(True)
        self.query.clear()
        for box in (self.direction, self.status, self.year):
            box.setCurrentIndex(0)
        for widget in (self.query, self.direction, self.status, self.year):
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
    def selected(self) -> list[VisitRow]:
        return [row for row in self.table.selected_records() if isinstance(row, VisitRow)]

    def open_selected(self) -> None:
        for row in self.selected()[:10]:
            self.context.open_visit(row.id)

    def new_record(self) -> None:
        if not self.db.read_only:
            self.context.open_visit(None)

    def delete_selected(self) -> None:
        rows = self.selected()
        if not rows or self.db.read_only:
            return
        if len(rows) == 1:
            title = translate("VisitsView", "Delete visit")
            question = translate(
                "VisitsView", "Delete “{title}” with its delegations, programme and gifts? You "
                              "can undo this with Ctrl+Z.").format(title=rows[0].record.title)
        else:
            title = translate("VisitsView", "Delete visits")
            question = translate(
                "VisitsView", "Delete {n} visits with their delegations, programmes and gifts? "
                              "You can undo this with Ctrl+Z.").format(n=len(rows))
        if not messages.confirm(self, title, question, yes=translate("VisitsView", "Delete")):
            return
        db, actor, stack = self.db, self.context.actor(), self.context.undo_stack
        if len(rows) > 1:
            stack.beginMacro(translate("VisitsView", "Delete {n} visits").format(n=len(rows)))
        try:
            for row in rows:
                record_id, version = row.id, [row.record.version]

                def delete(record_id: str = record_id, version: list[int] = version) -> None:
                    # the version seen in the list guards the first delete only: a redo
                    # after an undo deletes the restored record
                    delete_visit(db, record_id, actor=actor,
                                 expected_version=version.pop() if version else None)

                restore = partial(restore_visit, db, record_id, actor=actor)
                if not self.context.delete(self, "visit", record_id, f"“{row.record.title}”",
                                           delete, restore):
                    break
        finally:
            if len(rows) > 1:
                stack.endMacro()
