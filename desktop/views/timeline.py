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

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QKeyEvent, QMouseEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOption,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from db.changes.recording import Page
from db.models.vocabulary import (
    EVENT_MECHANISMS,
    INTERACTION_KINDS,
    MEMBER_ROLES,
    VISIT_STATUSES,
)
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
from desktop.qtmodels.paged import Column, Reader
from desktop.qtmodels.timeline import BRANCH_ROLE, DEPTH_ROLE, OpeningPagedModel
from desktop.widgets.record_table import RecordTable

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
    record: Any = (item.interaction or item.visit or item.event) \
        if isinstance(item, TimelineEntry) else item
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
    if item.event is not None:
        term = EVENT_MECHANISMS.get(item.event.mechanism)
        return term.label() if term else str(item.event.mechanism)
    return kind_label(item.interaction.kind)


def what_icon(item: Any) -> QIcon:
    if isinstance(item, VisitMeeting):
        return kind_icon(item.kind)
    if item.visit is not None:
        return icon(VISIT_ICONS.get(item.visit.direction, "plane-takeoff"))
    if item.event is not None:
        return icon("globe")
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
    if item.event is not None:
        return str(item.event.name)
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
    if item.event is not None:
        country = country_names.get(item.event.country or "", item.event.country or "")
        found = ", ".join(part for part in (item.event.city, country) if part)
        return found or (translate("TimelineTab", "Online") if item.event.online else "")
    return where(item.interaction, country_names)


def meetings_of(item: Any) -> tuple[VisitMeeting, ...]:
    return item.visit.meetings if isinstance(item, TimelineEntry) and item.visit else ()


def faded(item: Any) -> QColor | None:
    """A cancelled visit is shown, greyed."""
    if isinstance(item, TimelineEntry) and item.visit and item.visit.status == "cancelled":
        return QPalette().color(QPalette.ColorRole.PlaceholderText)
    return None


class BranchDelegate(QStyledItemDelegate):
    """The first column of a timeline row: an arrow for a row that opens (a visit), drawn in
    a gutter as a tree's would be, and the rows it opened to indented beneath it."""

    GUTTER = 18

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        depth = int(index.data(DEPTH_ROLE) or 0)
        full = QStyleOptionViewItem(option)
        self.initStyleOption(full, index)
        full.text, full.icon = "", QIcon()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, full, painter, widget)
        shifted = QStyleOptionViewItem(option)
        shifted.rect = option.rect.adjusted(self.GUTTER * (1 + depth), 0, 0, 0)
        super().paint(painter, shifted, index)
        branch = index.data(BRANCH_ROLE)
        if branch is not None:
            arrow = QStyleOption()
            arrow.rect = QRect(option.rect.left(), option.rect.top(),
                               self.GUTTER, option.rect.height())
            arrow.palette = option.palette
            arrow.state = (QStyle.StateFlag.State_Children | QStyle.StateFlag.State_Item
                           | QStyle.StateFlag.State_Enabled
                           | (QStyle.StateFlag.State_Open if branch
                              else QStyle.StateFlag.State_None))
            style.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorBranch, arrow, painter,
                                widget)

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + self.GUTTER * (1 + int(index.data(DEPTH_ROLE) or 0)),
                     hint.height())


class TimelineTable(RecordTable):
    """The timeline's rows: a visit opens to its meetings beneath it — a click on its arrow,
    → or + opens, ← or - closes — and Enter or a double-click opens the row's record."""

    def __init__(self, model: OpeningPagedModel, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        self.setItemDelegateForColumn(0, BranchDelegate(self))

    def timeline_model(self) -> OpeningPagedModel:
        model = self.model()
        assert isinstance(model, OpeningPagedModel)
        return model

    def current_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def set_open(self, row: int, wanted: bool) -> bool:
        model = self.timeline_model()
        if wanted:
            return model.open_row(row)
        model.close_row(row)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        row, model = self.current_row(), self.timeline_model()
        key = event.key()
        if row >= 0 and key in (Qt.Key.Key_Right, Qt.Key.Key_Plus) and model.can_open(row) \
                and not model.is_open(row):
            self.set_open(row, True)
            event.accept()
            return
        if row >= 0 and key in (Qt.Key.Key_Left, Qt.Key.Key_Minus):
            top, child = model.locate(row)
            if child is not None:  # from a meeting, back to its visit
                self.select_row(model.view_row(top))
                event.accept()
                return
            if model.is_open(row):
                self.set_open(row, False)
                event.accept()
                return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and index.column() == 0 and event.button() == Qt.MouseButton.LeftButton \
                and index.data(BRANCH_ROLE) is not None \
                and event.position().x() - self.visualRect(index).left() < BranchDelegate.GUTTER:
            self.set_open(index.row(), not self.timeline_model().is_open(index.row()))
            self.select_row(index.row())
            event.accept()
            return
        super().mousePressEvent(event)


class TimelineTab(QWidget):
    def __init__(self, context: AppContext, side: Side, country_names: Mapping[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.side: Side = side
        self.owner_id: str | None = None
        self.names: dict[str, str] = {}  # participant id → name in the preferred script
        self.visit_count = -1  # how many of the rows are visits, as the last reload counted
        self.event_count = -1  # and how many are events attended
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
        self.model = OpeningPagedModel(columns, self._reader, meetings_of, query=context.query,
                                    page_size=100, default_sort="start",
                                    default_descending=True,
                                    bold=lambda item: bool(getattr(item, "attended", False)))
        self.keep: str | None = None  # the entry selected when the reload was asked for
        self.expanded: set[str] = set()  # the visits open when the reload was asked for
        self.model.arrived.connect(self._arrived)
        self.table = TimelineTable(self.model)
        self.table.setObjectName("timeline")
        metrics = self.table.fontMetrics()
        self.table.set_widths(metrics.horizontalAdvance("2024-12-30 – 12-31") + 44
                              + 2 * BranchDelegate.GUTTER,
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
        if item.event is not None:  # a person's: in whose delegation
            role = MEMBER_ROLES.get(item.event.role or "")
            if self.side == "organization" or role is None:  # invited by name: themselves
                return ""
            return f"{item.event.invitee}, {role.label()}"
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
                self.visit_count, self.event_count = page.visits, page.events
            if preference != "original":
                parts = [p for entry in page.items
                         for p in (entry.interaction.participants if entry.interaction else
                                   [p for m in meetings_of(entry) for p in m.participants])
                         ] if page.items else []
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
        self.expanded = {entry.id for top in model.open_tops
                         for entry in [model.rows.record(top)] if entry is not None}
        model.reload()

    def _arrived(self) -> None:
        total, visits, events = self.model.total, self.visit_count, self.event_count
        alone = total - visits - max(events, 0) if visits >= 0 else total
        interactions = (translate("TimelineTab", "No interactions yet") if alone == 0 else
                        translate("TimelineTab", "1 interaction") if alone == 1 else
                        translate("TimelineTab", "{n:,} interactions").format(n=alone))
        if visits > 0:
            counted = (translate("TimelineTab", "1 visit") if visits == 1 else
                       translate("TimelineTab", "{n:,} visits").format(n=visits))
            interactions = translate("TimelineTab", "{visits} and {interactions}").format(
                visits=counted, interactions=interactions if alone else
                translate("TimelineTab", "no other interactions"))
        if events > 0:
            interactions = translate("TimelineTab", "{entries}; {events} attended").format(
                entries=interactions, events=translate("TimelineTab", "1 event") if events == 1
                else translate("TimelineTab", "{n:,} events").format(n=events))
        self.count_label.setText(interactions)
        keep, self.keep = self.keep, None
        if self.expanded:  # open again the visits that were open (those still read)
            for visit_id in self.expanded:
                found = self.model.row_of(visit_id)
                if found is not None:
                    self.model.open_row(found)
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
        elif isinstance(item, TimelineEntry) and item.event is not None:
            self.context.open_event(item.event.id)
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
