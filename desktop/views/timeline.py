"""A record's timeline: the interactions an organization took part in (or a person attended)
and the visits it was part of, newest first. A visit is one row — its dates as a range, the
other side, the country — that opens to its meetings; the meetings are not listed again on
their own. Rows come page by page from the database, so a party with twenty thousand
interactions opens as fast as one with two. Enter or a double-click opens the interaction,
the visit, or the meeting under the cursor."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from db.changes.recording import Page
from db.models.vocabulary import INTERACTION_KINDS, VISIT_STATUSES
from db.services.interactions import InteractionRecord, ParticipantRecord
from db.services.timeline import record_names
from db.services.visit_timeline import (
    Side,
    TimelineEntry,
    TimelinePage,
    VisitEntry,
    VisitMeeting,
    list_timeline,
)
from desktop.context import AppContext
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.icons import icon, kind_icon
from desktop.naming import display_name
from desktop.qtmodels.paged import RECORD_ROLE, Column, Reader
from desktop.qtmodels.timeline import PagedTreeModel

VISIT_ICONS = {"inbound": "plane-landing", "outbound": "plane-takeoff"}
VISIT_KINDS = {"inbound": QT_TRANSLATE_NOOP("TimelineTab", "Visit: inbound"),
               "outbound": QT_TRANSLATE_NOOP("TimelineTab", "Visit: outbound")}


def other_participants(participants: Iterable[ParticipantRecord], owner_id: str | None,
                       names: Mapping[str, str] | None = None) -> str:
    """Everyone but the page's own record, in the user's preferred script when known."""
    names = names or {}
    return "; ".join(names.get(p.organization_id or p.person_id or "", p.name)
                     for p in participants
                     if owner_id is None or owner_id not in (p.organization_id, p.person_id))


def span(start: date, end: date | None) -> str:
    if end is None or end == start:
        return start.isoformat()
    if end.year == start.year:
        return f"{start.isoformat()} – {end.strftime('%m-%d')}"
    return f"{start.isoformat()} – {end.isoformat()}"


def when(item: Any) -> str:
    if isinstance(item, VisitMeeting):
        return f"{item.day.isoformat()} {item.starts}" if item.starts else item.day.isoformat()
    record: Any = (item.interaction or item.visit) if isinstance(item, TimelineEntry) else item
    return span(record.start, record.end)


def kind_label(kind: str) -> str:
    term = INTERACTION_KINDS.get(kind)
    return term.label() if term else kind


def what(item: Any) -> str:
    if isinstance(item, VisitMeeting):
        return kind_label(item.kind)
    if item.visit is not None:
        source = VISIT_KINDS.get(item.visit.direction)
        return translate("TimelineTab", source) if source else str(item.visit.direction)
    return kind_label(item.interaction.kind)


def what_icon(item: Any) -> QIcon:
    if isinstance(item, VisitMeeting):
        return kind_icon(item.kind)
    if item.visit is not None:
        return icon(VISIT_ICONS.get(item.visit.direction, "plane-takeoff"))
    return kind_icon(item.interaction.kind)


def status_label(visit: VisitEntry) -> str:
    term = VISIT_STATUSES.get(visit.status)
    return term.label() if term else visit.status


def title(item: Any) -> str:
    if isinstance(item, VisitMeeting):
        return item.title
    if item.visit is not None:
        if item.visit.status == "done":
            return str(item.visit.title)
        return translate("TimelineTab", "{title} ({status})").format(
            title=item.visit.title, status=status_label(item.visit).lower())
    return str(item.interaction.title)


def visit_sides(visit: VisitEntry, owner_id: str | None, names: Mapping[str, str]) -> str:
    """The host and the guest organizations, but the page's own record."""
    sides = [(i, n) for i, n in ((visit.host_id, visit.host_name),
                                 (visit.guest_id, visit.guest_name)) if i and i != owner_id]
    return "; ".join(names.get(i, n or "") for i, n in sides if i)


def where(record: InteractionRecord, country_names: Mapping[str, str]) -> str:
    country = country_names.get(record.country or "", record.country or "")
    return ", ".join(part for part in (record.city, country) if part)


def place(item: Any, country_names: Mapping[str, str]) -> str:
    if isinstance(item, VisitMeeting):
        return item.city or ""
    if item.visit is not None:
        country = item.visit.country or ""
        return country_names.get(country, country)
    return where(item.interaction, country_names)


def meetings_of(item: Any) -> tuple[VisitMeeting, ...]:
    return item.visit.meetings if isinstance(item, TimelineEntry) and item.visit else ()


def faded(item: Any) -> QColor | None:
    """A cancelled visit is shown, greyed."""
    if isinstance(item, TimelineEntry) and item.visit and item.visit.status == "cancelled":
        return QPalette().color(QPalette.ColorRole.PlaceholderText)
    return None


class TimelineTree(QTreeView):
    """The timeline's rows, visits open to their meetings: whole rows selected, Enter or a
    double-click opens the row's record (a double-click does not fold a visit: the arrow,
    → and ← do), and an empty timeline says so."""

    opened = Signal(object)  # the TimelineEntry or VisitMeeting under the activated row

    def __init__(self, model: PagedTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if model.parent() is None:
            model.setParent(self)
        self.setModel(model)
        self.placeholder = ""
        self.setUniformRowHeights(True)  # a timeline of thousands lays out at once
        self.setExpandsOnDoubleClick(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAllColumnsShowFocus(True)
        header = self.header()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setTabKeyNavigation(False)
        self.activated.connect(self._activated)

    def tree_model(self) -> PagedTreeModel:
        model = self.model()
        assert isinstance(model, PagedTreeModel)
        return model

    def enable_sorting(self) -> None:
        """Header clicks sort (in SQL); a click on a column that cannot be sorted leaves the
        indicator where it was."""
        model = self.tree_model()
        header = self.header()
        header.setSortIndicator(model.sort_column(), Qt.SortOrder.DescendingOrder
                                if model.descending else Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.sortIndicatorChanged.connect(self.sort_requested)

    def sort_requested(self, column: int, order: Qt.SortOrder) -> None:
        model = self.tree_model()
        if 0 <= column < len(model.columns) and model.columns[column].sort_key is not None:
            model.sort(column, order)
            return
        header = self.header()
        header.blockSignals(True)
        header.setSortIndicator(model.sort_column(), Qt.SortOrder.DescendingOrder
                                if model.descending else Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)

    def set_widths(self, *widths: int, stretch: int | None = None) -> None:
        for column, width in enumerate(widths):
            self.setColumnWidth(column, width)
        if stretch is not None:
            self.header().setStretchLastSection(False)
            self.header().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

    def set_placeholder(self, text: str) -> None:
        self.placeholder = text
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.placeholder and self.model() is not None and self.model().rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            area = self.viewport().rect().adjusted(24, 24, -24, -24)
            painter.drawText(area, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                                       | Qt.TextFlag.TextWordWrap), self.placeholder)
            painter.end()

    def _activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        record = index.data(RECORD_ROLE)
        if record is not None:
            self.opened.emit(record)

    def current_record(self) -> Any | None:
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        index = rows[0] if rows else self.currentIndex()
        return index.data(RECORD_ROLE) if index.isValid() else None

    def select_index(self, index: QModelIndex) -> None:
        """Make `index`'s row the current and only selected one (see RecordTable.select_row
        for why not through the view's own selectRow)."""
        selection = self.selectionModel()
        if index.isValid() and selection is not None:
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                      | QItemSelectionModel.SelectionFlag.Rows)

    def select_row(self, row: int, child: int | None = None) -> None:
        """Select a top-level row, or (`child`) one of its meetings."""
        model = self.tree_model()
        index = model.index(row, 0)
        if child is not None:
            index = model.index(child, 0, index)
        self.select_index(index)


class TimelineTab(QWidget):
    def __init__(self, context: AppContext, side: Side, country_names: Mapping[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.side: Side = side
        self.owner_id: str | None = None
        self.names: dict[str, str] = {}  # participant id → name in the preferred script
        self.visit_count = -1  # how many of the rows are visits, as the last reload counted
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        row = QHBoxLayout()
        self.record_button = QPushButton(icon("calendar-plus"),
                                         translate("TimelineTab", "&Record interaction…"))
        self.record_button.setObjectName("record_interaction")
        self.record_button.clicked.connect(self.record_interaction)
        self.open_button = QPushButton(icon("external-link"), translate("TimelineTab", "&Open"))
        self.count_label = QLabel()
        self.count_label.setObjectName("timeline_count")
        row.addWidget(self.record_button)
        row.addWidget(self.open_button)
        row.addStretch(1)
        row.addWidget(self.count_label)
        layout.addLayout(row)
        columns = [
            Column("start", QT_TRANSLATE_NOOP("Columns", "Date"), when, sort_key="start",
                   icon=what_icon),
            Column("kind", QT_TRANSLATE_NOOP("Columns", "Kind"), what),
            Column("title", QT_TRANSLATE_NOOP("Columns", "Title"), title, foreground=faded),
            Column("with", QT_TRANSLATE_NOOP("Columns", "Other participants"), self._with),
            Column("where", QT_TRANSLATE_NOOP("Columns", "Where"),
                   lambda item: place(item, country_names)),
        ]
        self.model = PagedTreeModel(columns, self._reader, meetings_of, query=context.query,
                                    page_size=100, default_sort="start",
                                    default_descending=True,
                                    bold=lambda item: bool(getattr(item, "attended", False)))
        self.keep: str | None = None  # the entry selected when the reload was asked for
        self.expanded: set[str] = set()  # the visits open when the reload was asked for
        self.model.arrived.connect(self._arrived)
        self.table = TimelineTree(self.model)
        self.table.setObjectName("timeline")
        metrics = self.table.fontMetrics()
        indent = self.table.indentation()
        self.table.set_widths(metrics.horizontalAdvance("2024-12-30 – 12-31") + 44 + 2 * indent,
                              metrics.horizontalAdvance("Cooperation project") + 16, 380, 260,
                              120, stretch=2)
        self.table.set_placeholder(translate(
            "TimelineTab", "No interactions recorded yet. “Record interaction…” adds one."))
        self.table.enable_sorting()
        self.table.opened.connect(self.open)
        self.open_button.clicked.connect(lambda: self.open(self.table.current_record()))
        layout.addWidget(self.table, 1)

    def set_owner(self, owner_id: str) -> None:
        self.owner_id = owner_id

    def _with(self, item: Any) -> str:
        if isinstance(item, VisitMeeting):
            return other_participants(item.participants, self.owner_id, self.names)
        if item.visit is not None:
            return visit_sides(item.visit, self.owner_id, self.names)
        return other_participants(item.interaction.participants, self.owner_id, self.names)

    def _reader(self) -> Reader:
        """Reads pages of this record's timeline (on the worker thread)."""
        database, owner_id, side = self.context.database, self.owner_id, self.side
        preference = self.context.name_preference()
        known = self.names  # filled before a page is handed over, read only after it arrives

        def read(offset: int, limit: int, _sort: str | None, descending: bool) -> Page[Any]:
            if owner_id is None:
                return TimelinePage((), 0, offset, limit, 0)
            # The total is counted once, with the first page; later pages skip the count.
            page = list_timeline(database, side, owner_id, descending=descending,
                                 offset=offset, limit=limit, with_total=offset == 0)
            if offset == 0:
                self.visit_count = page.visits
            if preference != "original":
                parts = [p for entry in page.items
                         for p in (entry.interaction.participants if entry.interaction else
                                   [p for m in meetings_of(entry) for p in m.participants])]
                sides = [i for entry in page.items if entry.visit
                         for i in (entry.visit.host_id, entry.visit.guest_id)]
                found = record_names(database, [p.organization_id for p in parts] + sides,
                                     [p.person_id for p in parts])
                known.update((key, display_name(names, preference) or names.name)
                             for key, names in found.items())
            return page
        return read

    def reload(self) -> None:
        selected = self.table.current_record()
        self.keep = selected.id if isinstance(selected, TimelineEntry) else None
        model = self.model
        self.expanded = {entry.id for row in model.shown
                         if self.table.isExpanded(model.index(row, 0))
                         for entry in [model.loaded_record(row)] if entry is not None}
        model.reload()

    def _arrived(self) -> None:
        total, visits = self.model.total, self.visit_count
        alone = total - visits if visits >= 0 else total
        interactions = (translate("TimelineTab", "No interactions yet") if alone == 0 else
                        translate("TimelineTab", "1 interaction") if alone == 1 else
                        translate("TimelineTab", "{n:,} interactions").format(n=alone))
        if visits > 0:
            counted = (translate("TimelineTab", "1 visit") if visits == 1 else
                       translate("TimelineTab", "{n:,} visits").format(n=visits))
            interactions = translate("TimelineTab", "{visits} and {interactions}").format(
                visits=counted, interactions=interactions if alone else
                translate("TimelineTab", "no other interactions"))
        self.count_label.setText(interactions)
        keep, self.keep = self.keep, None
        if self.expanded:  # open again the visits that were open
            for number in list(self.model.shown):
                entry = self.model.loaded_record(number)
                if entry is not None and entry.id in self.expanded:
                    self.table.expand(self.model.index(number, 0))
            self.expanded = set()
        row = self.model.row_of(keep) if keep is not None else None
        if row is not None:
            self.table.select_row(row)
        elif total:
            self.table.select_row(0)

    def open(self, item: Any) -> None:
        if isinstance(item, VisitMeeting):
            self.context.open_interaction(item.id)
        elif isinstance(item, TimelineEntry) and item.visit is not None:
            self.context.open_visit(item.visit.id)
        elif isinstance(item, TimelineEntry):
            self.context.open_interaction(item.id)

    def record_interaction(self) -> None:
        if self.owner_id is None:
            return
        if self.side == "organization":
            self.context.open_interaction(None, organization_ids=[self.owner_id])
        else:
            self.context.open_interaction(None, person_ids=[self.owner_id])


def record_interaction_action(page: QWidget, timeline: TimelineTab, tip: str) -> QAction:
    """The page toolbar's "Record interaction…": starts one with this record taking part."""
    action = QAction(icon("calendar-plus"), translate("TimelineTab", "Record interaction…"), page)
    action.setToolTip(tip)
    action.triggered.connect(lambda: timeline.record_interaction())
    return action
