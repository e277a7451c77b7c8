"""The follow-ups list: open commitments by due date, overdue ones in red with a warning
sign; filter by owner and organization; mark done (Ctrl+Z takes it back), open the
interaction or organization a commitment belongs to, add one, delete one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.changes.recording import Page
from db.models.vocabulary import FOLLOWUP_STATUSES
from db.search.names import NameHit
from db.services.followups import (
    FollowUpFilter,
    FollowUpRecord,
    delete_followup,
    list_followups,
    restore_followup,
)
from db.services.timeline import followup_owners, record_names
from desktop.context import AppContext
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.icons import icon
from desktop.messages import messages
from desktop.naming import display_name
from desktop.qtmodels.paged import Column, PagedTableModel, Reader
from desktop.readable import date_text
from desktop.views.followup_actions import mark_done
from desktop.widgets.list_state import ListScreen
from desktop.widgets.record_picker import RecordPicker
from desktop.widgets.record_table import RecordTable

OVERDUE = QColor("#b3261e")
FINISHED = QColor("#6b6b6b")
OPEN_STATUSES = ("open", "in_progress")


@dataclass(frozen=True)
class FollowUpRow:
    record: FollowUpRecord
    organization: str

    @property
    def id(self) -> str:
        return self.record.id

    def is_overdue(self) -> bool:
        return self.record.is_overdue()


def status_label(status: str) -> str:
    term = FOLLOWUP_STATUSES.get(status)
    return term.label() if term else status


def status_cell(status: str) -> str:
    """In the table the status in the interface's language, as in every list."""
    return status_label(status)


def color(row: FollowUpRow) -> QColor | None:
    if row.is_overdue():
        return OVERDUE
    return FINISHED if row.record.status not in OPEN_STATUSES else None


def due_tooltip(row: FollowUpRow) -> str | None:
    due = row.record.due
    if due is None:
        return translate("FollowUpsView", "No due date")
    if row.is_overdue():
        days = (date.today() - due).days
        return (translate("FollowUpsView", "Overdue since {date} (1 day)") if days == 1 else
                translate("FollowUpsView", "Overdue since {date} ({days} days)")
                ).format(date=date_text(due), days=days)
    if row.record.completed_on:
        return translate("FollowUpsView", "Done on {date}").format(
            date=date_text(row.record.completed_on))
    return None


COLUMNS = [
    Column("due", QT_TRANSLATE_NOOP("Columns", "Due"),
           lambda r: r.record.due or translate("FollowUpsView", "no date"), tooltip=due_tooltip,
           icon=lambda r: icon("triangle-alert", OVERDUE.name()) if r.is_overdue() else None,
           foreground=color),
    Column("description", QT_TRANSLATE_NOOP("Columns", "Commitment"),
           lambda r: r.record.description.replace("\n", " "),
           tooltip=lambda r: r.record.description, foreground=color),
    Column("owner", QT_TRANSLATE_NOOP("Columns", "Owner"), lambda r: r.record.owner or "",
           foreground=color),
    Column("organization", QT_TRANSLATE_NOOP("Columns", "Organization"),
           lambda r: r.organization, foreground=color),
    Column("interaction", QT_TRANSLATE_NOOP("Columns", "From interaction"),
           lambda r: r.record.interaction_title or "", foreground=color),
    Column("status", QT_TRANSLATE_NOOP("Columns", "Status"),
           lambda r: status_cell(r.record.status), foreground=color,
           tooltip=lambda r: status_label(r.record.status),
           icon=lambda r: icon("check") if r.record.status == "done" else None),
]


class FollowUpsView(ListScreen, QWidget):
    table: RecordTable
    title = "Follow-ups"
    icon_name = "list-checks"
    export_kind = "followups"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.db = context.database
        self.organization_id: str | None = None
        self.stale = False
        self.owner = QComboBox()
        self.owner.setObjectName("filter_owner")
        self.owner.setMinimumContentsLength(14)
        self.owner.setToolTip(translate("FollowUpsView", "Whose commitments"))
        self.organization = RecordPicker(self.db, kinds=("organization",))
        self.organization.setObjectName("filter_organization")
        self.organization.setPlaceholderText(translate("FollowUpsView", "Filter by organization…"))
        self.organization.picked.connect(self.filter_organization)
        self.organization_label = QLabel()
        self.organization_label.setObjectName("organization_filter_label")
        self.clear_organization = QToolButton()
        self.clear_organization.setObjectName("clear_organization")
        self.clear_organization.setIcon(icon("x"))
        self.clear_organization.setToolTip(translate("FollowUpsView",
                                                     "Show every organization's follow-ups"))
        self.clear_organization.clicked.connect(lambda: self.filter_organization(None))
        self.show_done = QCheckBox(translate("FollowUpsView", "Show done and cancelled"))
        self.show_done.setObjectName("show_done")
        self.count = QLabel()
        self.count.setObjectName("followups_count")

        self.model = PagedTableModel(COLUMNS, self._reader, query=context.query, page_size=200)
        self.keep: str | None = None  # the follow-up selected when the reload was asked for
        self.overdue = 0
        self.model.arrived.connect(self._arrived)
        self.table = RecordTable(self.model, handles_delete=True)
        self.table.setObjectName("followups_table")
        metrics = self.table.fontMetrics()
        self.table.set_widths(metrics.horizontalAdvance("2024-12-31") + 40, 320, 100, 210, 260,
                              metrics.horizontalAdvance(status_cell("in_progress")) + 40,
                              stretch=1)
        self.table.set_placeholder(translate(
            "FollowUpsView", "No open follow-ups. Commitments recorded with an interaction, or "
                             "added with New, appear here by due date."))
        self.table.opened.connect(lambda _row: self.open_interaction())
        self.table.delete_requested.connect(self.delete_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())

        self.new_button = QPushButton(icon("plus"), translate("FollowUpsView", "New…"))
        self.new_button.setToolTip(translate("FollowUpsView", "Add a follow-up (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_record)
        self.done_button = QPushButton(icon("check"), translate("FollowUpsView", "Mark done"))
        self.done_button.setObjectName("mark_done")
        self.done_button.setToolTip(translate(
            "FollowUpsView", "Mark the selected commitment done (Ctrl+Z takes it back)"))
        self.done_button.clicked.connect(self.mark_done)
        self.interaction_button = QPushButton(icon("calendar-days"),
                                              translate("FollowUpsView", "Open interaction"))
        self.interaction_button.setObjectName("open_interaction")
        self.interaction_button.clicked.connect(self.open_interaction)
        self.organization_button = QPushButton(icon("building-2"),
                                               translate("FollowUpsView", "Open organization"))
        self.organization_button.setObjectName("open_organization")
        self.organization_button.clicked.connect(self.open_organization)
        self.delete_button = QPushButton(icon("trash-2"), translate("FollowUpsView", "Delete"))
        self.delete_button.clicked.connect(self.delete_selected)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(translate("FollowUpsView", "Owner:")))
        filters.addWidget(self.owner)
        filters.addWidget(self.organization, 2)
        filters.addWidget(self.organization_label)
        filters.addWidget(self.clear_organization)
        filters.addWidget(self.show_done)
        filters.addStretch(1)
        filters.addWidget(self.count)
        actions = QHBoxLayout()
        for button in (self.new_button, self.done_button, self.interaction_button,
                       self.organization_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch(1)
        self.export = self.export_button()
        actions.addWidget(self.export)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)

        self._fill_owners()
        self.filter_organization(None, reload=False)
        self.owner.currentIndexChanged.connect(lambda _i: self.reload())
        self.show_done.toggled.connect(lambda _on: self.reload())
        context.changed.connect(self._on_changed)
        self.reload()

    # -- data ------------------------------------------------------------------------------
    def _fill_owners(self) -> None:
        current = self.owner.currentData()
        self.owner.blockSignals(True)
        self.owner.clear()
        self.owner.addItem(translate("FollowUpsView", "Everyone"), None)
        for owner in followup_owners(self.db):
            self.owner.addItem(owner, owner)
        self.owner.setCurrentIndex(max(self.owner.findData(current), 0))
        self.owner.blockSignals(False)

    def current_filter(self) -> FollowUpFilter:
        return FollowUpFilter(open_only=not self.show_done.isChecked(),
                              owner=self.owner.currentData(), organization_id=self.organization_id)

    def _reader(self) -> Reader:
        """Reads pages of what the filters say now (on the worker thread)."""
        database, shown = self.db, self.current_filter()
        preference = self.context.name_preference()

        def read(offset: int, limit: int, _sort: str | None, _descending: bool
                 ) -> Page[FollowUpRow]:
            page = list_followups(database, open_only=shown.open_only, owner=shown.owner,
                                  organization_id=shown.organization_id, offset=offset,
                                  limit=limit)
            names = record_names(database, [r.organization_id for r in page.items])
            rows = tuple(FollowUpRow(r, display_name(names[r.organization_id], preference)
                                     if r.organization_id in names
                                     else r.organization_name or "")
                         for r in page.items)
            return Page(rows, page.total, offset, limit)
        return read

    def reload(self) -> None:
        self.stale = False
        selected = self.selected()
        self.keep = selected.id if selected is not None else None
        database, shown = self.db, self.current_filter()

        def count_overdue() -> int:
            return list_followups(database, overdue_only=True, owner=shown.owner,
                                  organization_id=shown.organization_id, limit=1).total

        self.context.query(count_overdue, self._counted)
        self.model.reload(near=self.table.currentIndex().row())

    def _counted(self, overdue: int) -> None:
        self.overdue = overdue
        if not self.model.reloading:
            self._show_count()

    def _show_count(self) -> None:
        """The count line, from the rows and the overdue count (each may arrive first)."""
        total, overdue = self.model.total, self.overdue
        if self.show_done.isChecked():
            count = (translate("FollowUpsView", "1 follow-up") if total == 1 else
                     translate("FollowUpsView", "{n:,} follow-ups").format(n=total))
        else:
            count = translate("FollowUpsView", "{n:,} open").format(n=total)
        self.count.setText(translate("FollowUpsView", "{count} · {n:,} overdue").format(
            count=count, n=overdue) if overdue else count)

    def _arrived(self) -> None:
        self._show_count()
        keep, self.keep = self.keep, None
        if keep is not None:
            number = self.model.row_of(keep)
            if number is not None:
                self.table.select_row(number)
        self._enable()

    def _on_changed(self, entity: str, _record_id: str) -> None:
        if entity not in ("followup", "interaction", "organization", "*"):
            return
        if self.isVisible():
            self._fill_owners()
            self.reload()
        else:
            self.stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self._fill_owners()
            self.reload()

    def filter_organization(self, hit: NameHit | None, *, reload: bool = True) -> None:
        self.organization_id = hit.id if hit is not None else None
        if hit is not None:
            self.organization_label.setText(display_name(hit, self.context.name_preference()))
        self.organization_label.setVisible(hit is not None)
        self.clear_organization.setVisible(hit is not None)
        self.organization.setVisible(hit is None)
        if reload:
            self.reload()

    # -- actions ---------------------------------------------------------------------------
    def selected(self) -> FollowUpRow | None:
        row = self.table.current_record()
        return row if isinstance(row, FollowUpRow) else None

    def _enable(self) -> None:
        row = self.selected()
        self.done_button.setEnabled(row is not None and row.record.status in OPEN_STATUSES)
        self.interaction_button.setEnabled(row is not None and row.record.interaction_id is not None)
        self.organization_button.setEnabled(row is not None
                                            and row.record.organization_id is not None)
        self.delete_button.setEnabled(row is not None)

    def mark_done(self) -> None:
        row = self.selected()
        if row is None or row.record.status not in OPEN_STATUSES:
            return
        outcome = mark_done(self, self.context, row.record,
                            translate("FollowUpsView", "Mark follow-up done"))
        if outcome in ("cancelled", "refused"):
            self.reload()

    def open_interaction(self) -> None:
        row = self.selected()
        if row is not None and row.record.interaction_id:
            self.context.open_interaction(row.record.interaction_id)
        elif row is not None and row.record.organization_id:
            self.context.open_organization(row.record.organization_id)

    def open_organization(self) -> None:
        row = self.selected()
        if row is not None and row.record.organization_id:
            self.context.open_organization(row.record.organization_id)

    def new_record(self) -> QWidget:
        from desktop.dialogs.followup import FollowUpDialog

        dialog = FollowUpDialog(self.context, self, organization_id=self.organization_id)
        dialog.open()
        return dialog

    def delete_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        text = row.record.description.splitlines()[0][:80]
        if not messages.confirm(
                self, translate("FollowUpsView", "Delete follow-up"),
                translate("FollowUpsView", "Delete the follow-up “{text}”? You can undo this "
                                           "with Ctrl+Z.").format(text=text),
                yes=translate("FollowUpsView", "Delete")):
            return
        db, actor, record_id = self.db, self.context.actor(), row.id
        self.context.delete(self, "followup", record_id,
                            translate("FollowUpsView", "follow-up “{text}”").format(text=text),
                            lambda: delete_followup(db, record_id, actor=actor),
                            lambda: restore_followup(db, record_id, actor=actor))

    def focus_filter(self) -> None:
        self.organization.setFocus()
