"""The Events tab of an organization's or a person's page: the multilateral events it was
invited to — the reply, whether it came, and for a person the delegation and role — the latest
first. Enter or a double-click opens the event."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from db.models.vocabulary import ATTENDANCE, EVENT_MECHANISMS, INVITATION_REPLIES, MEMBER_ROLES
from db.services.event_participation import EventPart, events_of
from desktop.context import AppContext
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.icons import icon
from desktop.qtmodels.paged import Column
from desktop.qtmodels.records import RecordListModel
from desktop.readable import date_text
from desktop.widgets.record_table import RecordTable


def _term(vocabulary: Mapping[str, object], key: str | None) -> str:
    term = vocabulary.get(key or "")
    label = getattr(term, "label", None)
    return str(label()) if callable(label) else (key or "")


def when(part: EventPart) -> str:
    if part.end is None or part.end == part.start:
        return date_text(part.start)
    return f"{date_text(part.start)} – {date_text(part.end)}"


def edition(part: EventPart) -> str:
    if part.series and part.edition:
        return translate("EventsTab", "{series}, edition {n}").format(series=part.series,
                                                                      n=part.edition)
    return part.series or ""


def part_columns(side: str) -> list[Column]:
    columns = [
        Column("start", QT_TRANSLATE_NOOP("Columns", "Dates"), when,
               icon=lambda _p: icon("globe")),
        Column("name", QT_TRANSLATE_NOOP("Columns", "Event"), lambda p: p.name,
               tooltip=lambda p: p.name),
        Column("series", QT_TRANSLATE_NOOP("Columns", "Series"), edition),
        Column("mechanism", QT_TRANSLATE_NOOP("Columns", "Mechanism"),
               lambda p: _term(EVENT_MECHANISMS, p.mechanism)),
        Column("reply", QT_TRANSLATE_NOOP("Columns", "Reply"),
               lambda p: _term(INVITATION_REPLIES, p.reply)),
        Column("attendance", QT_TRANSLATE_NOOP("Columns", "Attendance"),
               lambda p: _term(ATTENDANCE, p.attendance)),
    ]
    if side == "person":
        columns.append(Column("role", QT_TRANSLATE_NOOP("Columns", "In the delegation of"),
                              lambda p: ", ".join(part for part in (
                                  p.invitee, _term(MEMBER_ROLES, p.role) if p.role else "")
                                  if part)))
    return columns


class EventsTab(QWidget):
    def __init__(self, context: AppContext, side: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.side = side  # "organization" or "person"
        self.owner_id: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        row = QHBoxLayout()
        self.open_button = QPushButton(icon("external-link"),
                                       translate("EventsTab", "&Open event"))
        self.summary = QLabel()
        self.summary.setObjectName("events_summary")
        row.addWidget(self.open_button)
        row.addStretch(1)
        row.addWidget(self.summary)
        layout.addLayout(row)
        self.model = RecordListModel(part_columns(side))
        self.table = RecordTable(self.model)
        self.table.setObjectName("record_events")
        self.table.set_widths(200, 340, 220, 170, 150, 120, stretch=1)
        self.table.set_placeholder(
            translate("EventsTab", "Not invited to any event yet.") if side == "organization"
            else translate("EventsTab", "Not part of any event yet."))
        self.table.opened.connect(self.open)
        self.open_button.clicked.connect(lambda: self.open(self.table.current_record()))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        layout.addWidget(self.table, 1)
        self._enable()

    def set_owner(self, owner_id: str) -> None:
        self.owner_id = owner_id

    def reload(self) -> None:
        owner = self.owner_id
        if owner is None:
            return
        database = self.context.database
        key = "organization_id" if self.side == "organization" else "person_id"
        self.context.query(lambda: events_of(database, **{key: owner}), self._show)

    def _show(self, parts: list[EventPart]) -> None:
        self.model.set_records(parts)
        attended = sum(part.attended for part in parts)
        self.summary.setText(translate("EventsTab", "invited to {n}, attended {a}").format(
            n=len(parts), a=attended))
        self._enable()

    def _enable(self) -> None:
        self.open_button.setEnabled(self.table.current_record() is not None)

    def open(self, part: EventPart | None) -> None:
        if part is not None:
            self.context.open_event(part.event_id)
