"""The interactions list: every exchange, newest first, filtered by words in the title or
summary, kind, date range and topic. Pages come from the database as the user scrolls; the
total is counted once per reload, never per page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property, partial

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

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
from db.services.reference import TopicInfo
from db.services.timeline import RecordNames, record_names
from db.services.topics import topics
from db.store.translation import CHINESE, language
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.icons import kind_icon
from desktop.naming import chinese, display_name
from desktop.qtmodels.paged import Column, Reader
from desktop.qtmodels.participants import participant_order
from desktop.views.record_list import DeleteRecord, RecordListView, RestoreRecord, dates_text
from desktop.widgets.form import DateField
from desktop.widgets.list_state import ListScreen

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


class InteractionsView(RecordListView[InteractionRow], ListScreen):
    title = "Interactions"
    icon_name = "calendar-days"
    export_kind = "interactions"
    timer: QTimer
    plural = "interactions"
    entity = "interaction"
    row_type = InteractionRow
    columns = COLUMNS
    watched = ("interaction", "organization", "person", "*")

    @cached_property
    def topic_list(self) -> list[TopicInfo]:
        return topics(self.db)

    # -- the bar and the table -------------------------------------------------------------
    def query_texts(self) -> tuple[str, str]:
        return (translate("InteractionsView", "Filter by title or summary…"),
                translate("InteractionsView", "Words in the title or summary"))

    def make_filters(self) -> list[QWidget]:
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
        return [self.kind, QLabel(translate("InteractionsView", "From")), self.start_from,
                QLabel(translate("InteractionsView", "to")), self.start_to, self.topic]

    def bar_end(self) -> list[QWidget]:
        self.export = self.export_button()
        return [self.export]

    def size_columns(self) -> None:
        metrics = self.table.fontMetrics()
        self.table.set_widths(metrics.horizontalAdvance("Cooperation project") + 40,
                              metrics.horizontalAdvance("2024-12-31") + 36, 340, 230, 120, 170,
                              stretch=2)

    def placeholder(self) -> str:
        return translate("InteractionsView", "No interactions match these filters.")

    def count_text(self, total: int) -> str:
        return (translate("InteractionsView", "1 interaction") if total == 1 else
                translate("InteractionsView", "{n:,} interactions").format(n=total))

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
        make_row = partial(interaction_row, preference=self.preference,
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

    def _read_preference(self) -> None:
        """Names, countries and topics as the user's language and preferred script show
        them (again after Settings changed them)."""
        super()._read_preference()
        wanted = chinese(self.preference)
        self.topic_names = {t.name_en: (t.name_zh if wanted and t.name_zh else t.name_en)
                            for t in self.topic_list}

    # -- actions ---------------------------------------------------------------------------
    def open_record(self, record_id: str | None) -> None:
        self.context.open_interaction(record_id)

    def delete_texts(self, rows: Sequence[InteractionRow]) -> tuple[str, str]:
        if len(rows) == 1:
            return (translate("InteractionsView", "Delete interaction"), translate(
                "InteractionsView", "Delete “{title}”? They will no longer show on their "
                                    "participants' timelines. You can undo this with Ctrl+Z."
            ).format(title=rows[0].record.title))
        return (translate("InteractionsView", "Delete interactions"), translate(
            "InteractionsView", "Delete {n} interactions? They will no longer show on their "
                                "participants' timelines. You can undo this with Ctrl+Z."
        ).format(n=len(rows)))

    def delete_step_text(self, count: int) -> str:
        return translate("InteractionsView", "Delete {n} interactions").format(n=count)

    def row_label(self, row: InteractionRow) -> str:
        return f"“{row.record.title}”"

    def services(self) -> tuple[DeleteRecord, RestoreRecord]:
        return delete_interaction, restore_interaction


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
