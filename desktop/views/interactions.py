"""The interactions list: every exchange, newest first, filtered by words in the title or
summary, kind, date range and topic. Pages come from the database as the user scrolls; the
total is counted once per reload, never per page."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from functools import partial

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

from db.changes.dates import parse_date as read_date
from db.changes.fields import FieldInvalid
from db.changes.recording import Page
from db.models.vocabulary import INTERACTION_KINDS, PARTICIPATION_ROLES
from db.services.interactions import (
    InteractionFilter,
    InteractionRecord,
    delete_interaction,
    list_interactions,
    restore_interaction,
)
from db.services.pages import countries
from db.services.timeline import RecordNames, record_names
from db.services.topics import topics
from db.store.translation import CHINESE, language
from desktop.context import AppContext
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.icons import icon, kind_icon
from desktop.messages import messages
from desktop.naming import chinese, display_name
from desktop.qtmodels.paged import Column, PagedTableModel, Reader
from desktop.qtmodels.participants import participant_order
from desktop.widgets.form import DateField
from desktop.widgets.list_state import ListScreen
from desktop.widgets.record_table import RecordTable

SHOWN_PARTICIPANTS = 3


@dataclass(frozen=True)
class InteractionRow:
    """One line of the list: the record plus what is shown for it in the user's script."""

    record: InteractionRecord
    participants: str
    participants_detail: str
    country: str
    topics: str

    @property
    def id(self) -> str:
        return self.record.id


def kind_label(kind: str) -> str:
    term = INTERACTION_KINDS.get(kind)
    return term.label() if term else kind


def kind_cell(kind: str) -> str:
    """In the table the kind in the interface's language, as in every list."""
    return kind_label(kind)


def dates_text(record: InteractionRecord) -> str:
    if record.end and record.end != record.start:
        return f"{record.start.isoformat()} – {record.end.isoformat()}"
    return record.start.isoformat()


COLUMNS = [
    Column("kind", QT_TRANSLATE_NOOP("Columns", "Kind"), lambda r: kind_cell(r.record.kind),
           icon=lambda r: kind_icon(r.record.kind), tooltip=lambda r: kind_label(r.record.kind)),
    Column("start", QT_TRANSLATE_NOOP("Columns", "Date"), lambda r: r.record.start, "start",
           tooltip=lambda r: dates_text(r.record)),
    Column("title", QT_TRANSLATE_NOOP("Columns", "Title"), lambda r: r.record.title,
           tooltip=lambda r: r.record.title + (f"\n\n{r.record.summary}" if r.record.summary else "")),
    Column("participants", QT_TRANSLATE_NOOP("Columns", "Participants"), lambda r: r.participants,
           tooltip=lambda r: r.participants_detail or None),
    Column("country", QT_TRANSLATE_NOOP("Columns", "Country"), lambda r: r.country),
    Column("topics", QT_TRANSLATE_NOOP("Columns", "Topics"), lambda r: r.topics),
]


def parse_date(field: DateField) -> date | None:
    """The date typed in a filter field; a half-typed or wrong one is marked, not used."""
    try:
        value = read_date(field.value())
    except FieldInvalid as exc:
        field.edit.setStyleSheet("border: 1px solid #b3261e;")
        field.edit.setToolTip(exc.message)
        return None
    field.edit.setStyleSheet("")
    field.edit.setToolTip("")
    return value


class InteractionsView(ListScreen, QWidget):
    table: RecordTable
    timer: QTimer  # a filter change waiting to be applied
    title = "Interactions"
    icon_name = "calendar-days"
    export_kind = "interactions"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.db = context.database
        self.topic_list = topics(self.db)
        self._read_preference()
        self.stale = False

        self.query = QLineEdit()
        self.query.setObjectName("interactions_query")
        self.query.setPlaceholderText(translate("InteractionsView", "Filter by title or summary…"))
        self.query.setToolTip(translate("InteractionsView", "Words in the title or summary"))
        self.query.setClearButtonEnabled(True)
        self.query.setMinimumWidth(120)
        self.kind = QComboBox()
        self.kind.setObjectName("filter_kind")
        self.kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kind.setMinimumContentsLength(10)
        self.kind.addItem(translate("InteractionsView", "All kinds"), None)
        for code in INTERACTION_KINDS:
            self.kind.addItem(kind_icon(code), kind_label(code), code)
        self.start_from = DateField()
        self.start_from.setObjectName("filter_from")
        self.start_from.edit.setToolTip(translate("InteractionsView",
                                                  "From this date (YYYY-MM-DD)"))
        date_width = self.fontMetrics().horizontalAdvance("2024-12-31") + 16
        self.start_from.edit.setMinimumWidth(date_width)
        self.start_to = DateField()
        self.start_to.setObjectName("filter_to")
        self.start_to.edit.setToolTip(translate("InteractionsView", "Up to this date (YYYY-MM-DD)"))
        self.start_to.edit.setMinimumWidth(date_width)
        self.topic = QComboBox()
        self.topic.setObjectName("filter_topic")
        self.topic.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.topic.setMinimumContentsLength(10)
        self.topic.addItem(translate("InteractionsView", "All topics"), None)
        for topic in self.topic_list:
            # a topic in the interface's language, as the vocabulary's terms
            self.topic.addItem(topic.name_zh if language() == CHINESE and topic.name_zh
                               else topic.name_en, topic.key)
        self.clear_button = QPushButton(icon("x"), translate("InteractionsView", "Clear"))
        self.clear_button.setToolTip(translate("InteractionsView", "Clear the filters"))
        self.clear_button.clicked.connect(self.clear_filters)
        self.count = QLabel()
        self.count.setObjectName("interactions_count")

        self.model = PagedTableModel(COLUMNS, self._reader, query=context.query,
                                     default_sort="start", default_descending=True)
        self.keep: set[str] = set()  # the interactions selected when the reload was asked for
        self.model.arrived.connect(self._arrived)
        self.table = RecordTable(self.model, multi=True, handles_delete=True)
        self.table.setObjectName("interactions_table")
        metrics = self.table.fontMetrics()
        self.table.set_widths(metrics.horizontalAdvance("Cooperation project") + 40,
                              metrics.horizontalAdvance("2024-12-31") + 36, 340, 230, 120, 170,
                              stretch=2)
        self.table.enable_sorting()
        self.table.set_placeholder(translate("InteractionsView",
                                             "No interactions match these filters."))
        self.table.opened.connect(lambda row: self.context.open_interaction(row.id))
        self.table.delete_requested.connect(self.delete_selected)

        bar = QHBoxLayout()
        bar.addWidget(self.query, 1)
        bar.addWidget(self.kind)
        bar.addWidget(QLabel(translate("InteractionsView", "From")))
        bar.addWidget(self.start_from)
        bar.addWidget(QLabel(translate("InteractionsView", "to")))
        bar.addWidget(self.start_to)
        bar.addWidget(self.topic)
        bar.addWidget(self.clear_button)
        bar.addWidget(self.count)
        self.export = self.export_button()
        bar.addWidget(self.export)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(200)
        self.timer.timeout.connect(self.reload)
        self.query.textChanged.connect(lambda _t: self.timer.start())
        for field in (self.start_from, self.start_to):
            field.changed.connect(self.timer.start)
        for box in (self.kind, self.topic):
            box.currentIndexChanged.connect(lambda _i: self.reload())
        context.changed.connect(self._on_changed)
        self.reload()

    # -- data ------------------------------------------------------------------------------
    def current_filter(self) -> InteractionFilter:
        kind = self.kind.currentData()
        return InteractionFilter(query=self.query.text().strip() or None,
                                 kinds=(kind,) if kind else (), topic=self.topic.currentData(),
                                 start_from=parse_date(self.start_from),
                                 start_to=parse_date(self.start_to))

    def _reader(self) -> Reader:
        """Reads pages of what the filters say now (on the worker thread)."""
        database, shown = self.db, self.current_filter()
        make_row = functools.partial(interaction_row, preference=self.preference,
                                     country_names=dict(self.country_names),
                                     topic_names=dict(self.topic_names))

        def read(offset: int, limit: int, _sort: str | None, descending: bool
                 ) -> Page[InteractionRow]:
            # Only the first page counts the rows: on a million interactions a count costs
            # about 0.1 s, fine once per reload but not for every page the user scrolls to.
            page = list_interactions(database, shown, descending=descending, offset=offset,
                                     limit=limit, with_total=offset == 0)
            parts = [p for record in page.items for p in record.participants]
            names = record_names(database, [p.organization_id for p in parts],
                                 [p.person_id for p in parts])
            return Page(tuple(make_row(record, names) for record in page.items), page.total,
                        offset, limit)
        return read

    def reload(self) -> None:
        self.timer.stop()
        self.stale = False
        self.keep = {row.id for row in self.table.selected_records()}
        self.model.reload(near=self.table.currentIndex().row())

    def _arrived(self) -> None:
        total = self.model.total
        self.count.setText(translate("InteractionsView", "1 interaction") if total == 1 else
                           translate("InteractionsView", "{n:,} interactions").format(n=total))
        keep, self.keep = self.keep, set()
        found = (self.model.row_of(record_id) for record_id in keep)
        self.table.select_rows(sorted(number for number in found if number is not None))

    def _read_preference(self) -> None:
        """Names, countries and topics as the user's language and preferred script show
        them (again after Settings changed them)."""
        self.preference = self.context.name_preference()
        wanted = chinese(self.preference)
        self.country_names = {c.code: (c.name_zh if wanted and c.name_zh else c.name_en)
                              for c in countries(self.db)}
        self.topic_names = {t.name_en: (t.name_zh if wanted and t.name_zh else t.name_en)
                            for t in self.topic_list}

    def _on_changed(self, entity: str, _record_id: str) -> None:
        if entity == "*":
            self._read_preference()
        if entity in ("interaction", "organization", "person", "*"):
            if self.isVisible():
                self.reload()
            else:
                self.stale = True  # reloaded when shown: a hidden list costs nothing

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.reload()

    def clear_filters(self) -> None:
        for widget in (self.query, self.kind, self.topic, self.start_from, self.start_to):
            widget.blockSignals(True)
        self.query.clear()
        self.kind.setCurrentIndex(0)
        self.topic.setCurrentIndex(0)
        self.start_from.set_value(None)
        self.start_to.set_value(None)
        for widget in (self.query, self.kind, self.topic, self.start_from, self.start_to):
            widget.blockSignals(False)
        self.reload()

    # -- actions ---------------------------------------------------------------------------
    def selected(self) -> list[InteractionRow]:
        return [row for row in self.table.selected_records() if isinstance(row, InteractionRow)]

    def open_selected(self) -> None:
        for row in self.selected()[:10]:
            self.context.open_interaction(row.id)

    def new_record(self) -> None:
        self.context.open_interaction(None)

    def delete_selected(self) -> None:
        rows = self.selected()
        if not rows:
            return
        if len(rows) == 1:
            title = translate("InteractionsView", "Delete interaction")
            question = translate(
                "InteractionsView", "Delete “{title}”? They will no longer show on their "
                                    "participants' timelines. You can undo this with Ctrl+Z."
            ).format(title=rows[0].record.title)
        else:
            title = translate("InteractionsView", "Delete interactions")
            question = translate(
                "InteractionsView", "Delete {n} interactions? They will no longer show on their "
                                    "participants' timelines. You can undo this with Ctrl+Z."
            ).format(n=len(rows))
        if not messages.confirm(self, title, question,
                                yes=translate("InteractionsView", "Delete")):
            return
        db, actor, stack = self.db, self.context.actor(), self.context.undo_stack
        if len(rows) > 1:
            stack.beginMacro(translate("InteractionsView", "Delete {n} interactions").format(
                n=len(rows)))
        try:
            for row in rows:
                record_id, version = row.id, [row.record.version]

                def delete(record_id: str = record_id, version: list[int] = version) -> None:
                    # the version seen in the list guards the first delete only: a redo
                    # after an undo deletes the restored record
                    delete_interaction(db, record_id, actor=actor,
                                       expected_version=version.pop() if version else None)

                restore = partial(restore_interaction, db, record_id, actor=actor)
                if not self.context.delete(
                        self, "interaction", record_id, f"“{row.record.title}”", delete, restore):
                    break
        finally:
            if len(rows) > 1:
                stack.endMacro()


def interaction_row(record: InteractionRecord, names: dict[str, RecordNames], *, preference: str,
                    country_names: dict[str, str], topic_names: dict[str, str]
                    ) -> InteractionRow:
    """One row of the list: participants by role, names in the preferred script (runs on
    the worker thread, with the view's names handed over)."""
    shown: list[str] = []
    detail: list[str] = []
    ordered = sorted(record.participants, key=lambda p: participant_order(
        p.role, "organization" if p.organization_id else "person", p.name))
    for part in ordered:
        found = names.get(part.organization_id or part.person_id or "")
        full = display_name(found, preference) if found else part.name
        shown.append(found.abbreviation if found and found.abbreviation else full)
        term = PARTICIPATION_ROLES.get(part.role)
        detail.append(f"{full} — {term.label() if term else part.role}")
    text = ", ".join(shown[:SHOWN_PARTICIPANTS])
    if len(shown) > SHOWN_PARTICIPANTS:
        text += f" +{len(shown) - SHOWN_PARTICIPANTS}"
    return InteractionRow(
        record, text, "\n".join(detail),
        country_names.get(record.country or "", record.country or ""),
        ", ".join(topic_names.get(t, t) for t in record.topics))
