"""A record's timeline: the interactions an organization took part in (or a person attended),
newest first, with their kind, date, title and the other participants. Rows come page by page
from the database, so a party with twenty thousand interactions opens as fast as one with
two. Enter or a double-click opens the interaction."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from db.changes.recording import Page
from db.models.vocabulary import INTERACTION_KINDS
from db.services.interactions import InteractionFilter, InteractionRecord, list_interactions
from db.services.timeline import record_names
from desktop.context import AppContext
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.icons import icon, kind_icon
from desktop.naming import display_name
from desktop.qtmodels.paged import Column, PagedTableModel, Reader
from desktop.widgets.record_table import RecordTable


def other_participants(record: InteractionRecord, owner_id: str | None,
                       names: Mapping[str, str] | None = None) -> str:
    """Everyone but the page's own record, in the user's preferred script when known."""
    names = names or {}
    return "; ".join(names.get(p.organization_id or p.person_id or "", p.name)
                     for p in record.participants
                     if owner_id is None or owner_id not in (p.organization_id, p.person_id))


def when(record: InteractionRecord) -> str:
    if record.end is None or record.end == record.start:
        return record.start.isoformat()
    if record.end.year == record.start.year:
        return f"{record.start.isoformat()} – {record.end.strftime('%m-%d')}"
    return f"{record.start.isoformat()} – {record.end.isoformat()}"


def where(record: InteractionRecord, country_names: Mapping[str, str]) -> str:
    country = country_names.get(record.country or "", record.country or "")
    return ", ".join(part for part in (record.city, country) if part)


def kind_label(kind: str) -> str:
    term = INTERACTION_KINDS.get(kind)
    return term.label() if term else kind


class TimelineTab(QWidget):
    def __init__(self, context: AppContext, side: str, country_names: Mapping[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.side = side  # "organization" or "person"
        self.owner_id: str | None = None
        self.names: dict[str, str] = {}  # participant id → name in the preferred script
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
                   icon=lambda r: kind_icon(r.kind)),
            Column("kind", QT_TRANSLATE_NOOP("Columns", "Kind"), lambda r: kind_label(r.kind)),
            Column("title", QT_TRANSLATE_NOOP("Columns", "Title"), lambda r: r.title),
            Column("with", QT_TRANSLATE_NOOP("Columns", "Other participants"),
                   lambda r: other_participants(r, self.owner_id, self.names)),
            Column("where", QT_TRANSLATE_NOOP("Columns", "Where"),
                   lambda r: where(r, country_names)),
        ]
        self.model = PagedTableModel(columns, self._reader, query=context.query, page_size=100,
                                     default_sort="start", default_descending=True)
        self.keep: str | None = None  # the interaction selected when the reload was asked for
        self.model.arrived.connect(self._arrived)
        self.table = RecordTable(self.model)
        self.table.setObjectName("timeline")
        metrics = self.table.fontMetrics()
        self.table.set_widths(metrics.horizontalAdvance("2024-12-30 – 12-31") + 44,
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

    def _filter(self) -> InteractionFilter:
        if self.side == "organization":
            return InteractionFilter(organization_id=self.owner_id)
        return InteractionFilter(person_id=self.owner_id)

    def _reader(self) -> Reader:
        """Reads pages of this record's interactions (on the worker thread)."""
        database, owner_id, shown = self.context.database, self.owner_id, self._filter()
        preference = self.context.name_preference()
        known = self.names  # filled before a page is handed over, read only after it arrives

        def read(offset: int, limit: int, _sort: str | None, descending: bool) -> Page[Any]:
            if owner_id is None:
                return Page((), 0, offset, limit)
            # The total is counted once, with the first page; later pages skip the count.
            page = list_interactions(database, shown, descending=descending, offset=offset,
                                     limit=limit, with_total=offset == 0)
            if preference != "original":
                parts = [p for record in page.items for p in record.participants]
                found = record_names(database, [p.organization_id for p in parts],
                                     [p.person_id for p in parts])
                known.update((key, display_name(names, preference) or names.name)
                             for key, names in found.items())
            return page
        return read

    def reload(self) -> None:
        selected = self.table.current_record()
        self.keep = selected.id if selected is not None else None
        self.model.reload()

    def _arrived(self) -> None:
        total = self.model.total
        self.count_label.setText(
            translate("TimelineTab", "No interactions yet") if total == 0 else
            translate("TimelineTab", "1 interaction") if total == 1 else
            translate("TimelineTab", "{n:,} interactions").format(n=total))
        keep, self.keep = self.keep, None
        row = self.model.row_of(keep) if keep is not None else None
        if row is not None:
            self.table.select_row(row)
        elif total:
            self.table.select_row(0)

    def open(self, record: InteractionRecord | None) -> None:
        if record is not None:
            self.context.open_interaction(record.id)

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
