"""The Follow-ups tab of an organization's page: what was promised to or by this party, by due
date, overdue ones in red with a warning icon; mark one done (Ctrl+Z takes it back)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from db.changes.recording import Page
from db.models.vocabulary import FOLLOWUP_STATUSES
from db.services.followups import FollowUpRecord, list_followups
from desktop.context import AppContext
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.icons import icon
from desktop.qtmodels.paged import Column, PagedTableModel, Reader
from desktop.views.followup_actions import mark_done
from desktop.widgets.record_table import RecordTable

OVERDUE = QColor("#b3261e")


# (one, several) of each unit, largest last: how long something is overdue
SPANS = (
    (1, 60, QT_TRANSLATE_NOOP("FollowUpsTab", "1 day overdue"),
     QT_TRANSLATE_NOOP("FollowUpsTab", "{n} days overdue")),
    (30, 730, QT_TRANSLATE_NOOP("FollowUpsTab", "1 month overdue"),
     QT_TRANSLATE_NOOP("FollowUpsTab", "{n} months overdue")),
    (365, None, QT_TRANSLATE_NOOP("FollowUpsTab", "1 year overdue"),
     QT_TRANSLATE_NOOP("FollowUpsTab", "{n} years overdue")),
)


def overdue_span(days: int) -> str:
    """Roughly how long overdue, in the largest unit that reads naturally."""
    for size, limit, one, several in SPANS:
        if limit is None or days < limit:
            count = max(1, round(days / size))
            return (translate("FollowUpsTab", one) if count == 1 else
                    translate("FollowUpsTab", several).format(n=count))
    raise AssertionError("unreachable")


def due_text(record: FollowUpRecord, today: date | None = None) -> str:
    if record.due is None:
        return translate("FollowUpsTab", "no date")
    if record.is_overdue(today):
        overdue = overdue_span(((today or date.today()) - record.due).days)
        return f"{record.due.isoformat()} · {overdue}"
    return record.due.isoformat()


def status_label(status: str) -> str:
    term = FOLLOWUP_STATUSES.get(status)
    return term.label() if term else status


COLUMNS = [
    Column("due", QT_TRANSLATE_NOOP("Columns", "Due"), due_text,
           icon=lambda r: icon("triangle-alert", OVERDUE.name()) if r.is_overdue() else None,
           foreground=lambda r: OVERDUE if r.is_overdue() else None),
    Column("description", QT_TRANSLATE_NOOP("Columns", "Commitment"),
           lambda r: r.description.replace("\n", " "), tooltip=lambda r: r.description),
    Column("status", QT_TRANSLATE_NOOP("Columns", "Status"), lambda r: status_label(r.status)),
    Column("owner", QT_TRANSLATE_NOOP("Columns", "Owner"), lambda r: r.owner or ""),
    Column("interaction", QT_TRANSLATE_NOOP("Columns", "From interaction"),
           lambda r: r.interaction_title or ""),
]


class FollowUpsTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.organization_id: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        row = QHBoxLayout()
        self.done_button = QPushButton(icon("check"), translate("FollowUpsTab", "&Mark done"))
        self.done_button.setObjectName("mark_done")
        self.done_button.clicked.connect(self.mark_done)
        self.open_button = QPushButton(icon("external-link"),
                                       translate("FollowUpsTab", "Open &interaction"))
        self.show_all = QCheckBox(translate("FollowUpsTab", "Show &done and cancelled"))
        self.show_all.setObjectName("show_all_followups")
        self.show_all.toggled.connect(lambda _on: self.reload())
        self.summary = QLabel()
        self.summary.setObjectName("followup_summary")
        for widget in (self.done_button, self.open_button, self.show_all):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.summary)
        layout.addLayout(row)
        self.model = PagedTableModel(COLUMNS, self._reader, query=context.query, page_size=100)
        self.model.arrived.connect(self._enable)
        self.table = RecordTable(self.model)
        self.table.setObjectName("followups")
        self.table.set_widths(230, 420, 100, 130, 300, stretch=1)
        self.table.set_placeholder(translate("FollowUpsTab",
                                             "No open follow-ups for this organization."))
        self.table.opened.connect(self.open)
        self.open_button.clicked.connect(lambda: self.open(self.table.current_record()))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        layout.addWidget(self.table, 1)
        self._enable()

    def set_owner(self, organization_id: str) -> None:
        self.organization_id = organization_id

    def _reader(self) -> Reader:
        """Reads pages of this organization's follow-ups (on the worker thread)."""
        database, organization_id = self.context.database, self.organization_id
        open_only = not self.show_all.isChecked()

        def read(offset: int, limit: int, _sort: str | None, _descending: bool) -> Page[Any]:
            if organization_id is None:
                return Page((), 0, offset, limit)
            return list_followups(database, open_only=open_only,
                                  organization_id=organization_id, offset=offset, limit=limit)
        return read

    def reload(self) -> None:
        self.model.reload()
        organization_id = self.organization_id
        if organization_id is None:
            return
        database = self.context.database

        def count() -> tuple[int, int]:
            overdue = list_followups(database, organization_id=organization_id,
                                     overdue_only=True, limit=1).total
            return list_followups(database, organization_id=organization_id,
                                  limit=1).total, overdue

        self.context.query(count, lambda counts: self._summarize(*counts))

    def _summarize(self, open_count: int, overdue: int) -> None:
        self.summary.setText(
            translate("FollowUpsTab", "{open} open, {overdue} overdue").format(
                open=open_count, overdue=overdue) if overdue else
            translate("FollowUpsTab", "{open} open").format(open=open_count))

    def _enable(self) -> None:
        record = self.table.current_record()
        self.done_button.setEnabled(record is not None and record.status in ("open", "in_progress"))
        self.open_button.setEnabled(record is not None and record.interaction_id is not None)

    def open(self, record: FollowUpRecord | None) -> None:
        if record is not None and record.interaction_id:
            self.context.open_interaction(record.interaction_id)

    def mark_done(self) -> None:
        record = self.table.current_record()
        if record is None or record.status not in ("open", "in_progress"):
            return
        if mark_done(self, self.context, record,
                     translate("FollowUpsTab", "Mark follow-up done")) in ("done", "cancelled"):
            self.reload()
