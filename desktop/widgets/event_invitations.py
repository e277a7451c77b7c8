"""An event's Invitations tab: who was invited, by whom and when, the reply, the attendance
and the delegation each brought, filtered by reply, attendance, region and words. The reply
and the attendance are set in place (a combo box in the cell) or for every selected row at
once (Reply ▸, Attendance ▸), all or none; Invite… adds organizations and people picked from
the register, several at once; Delegation… edits the delegates of the selected invitation;
Record attendance… for someone picked from the register asks, when they were not invited,
whether to add the invitation. Every write is a step of the page's undo stack; a refused one
says why above the list and writes nothing. The list is read on the database worker."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.models.vocabulary import ATTENDANCE, INVITATION_REPLIES, Term
from db.services import invitations, pages
from db.services.events import EventRecord
from db.services.invitations import InvitationFilter, InvitationRecord, NotInvited
from db.services.timeline import record_names
from db.store.errors import LiaisonError, Problem, ValidationFailed
from desktop.context import AppContext
from desktop.errors import show_problem
from desktop.i18n import translate
from desktop.icons import icon
from desktop.jobs.worker import Answer
from desktop.messages import messages
from desktop.naming import chinese, display_name, region_names
from desktop.qtmodels.invitations import InvitationDelegate, InvitationRow, InvitationsModel
from desktop.undo import push_change
from desktop.widgets.event_delegation import DelegationDialog
from desktop.widgets.event_invite import AttendanceDialog, InviteDialog
from desktop.widgets.record_table import RecordTable

Opened = TypeVar("Opened", InviteDialog, AttendanceDialog, DelegationDialog)


def read_rows(context: AppContext, event_id: str, filters: InvitationFilter
              ) -> list[InvitationRow]:
    """Every invitation the filters let through, names in the preferred script (on the
    worker thread)."""
    db, preference = context.database, context.name_preference()
    records: list[InvitationRecord] = []
    while True:
        page = invitations.list_invitations(db, event_id, filters, offset=len(records),
                                            limit=500, names=preference)
        records.extend(page.items)
        if not page.items or len(records) >= page.total:
            break
    names = record_names(db, [r.organization_id for r in records],
                         [r.person_id for r in records])
    wanted = chinese(preference)
    countries = {c.code: (c.name_zh if wanted and c.name_zh else c.name_en)
                 for c in pages.countries(db)}

    def name(record: InvitationRecord) -> str:
        found = names.get(record.organization_id or record.person_id or "")
        return display_name(found, preference) if found else record.invitee

    return [InvitationRow(r, name(r), countries.get(r.country or "", r.country or ""))
            for r in records]


def _choices(box: QComboBox, everything: str, vocabulary: Mapping[str, Term]) -> None:
    box.addItem(everything, None)
    for term in vocabulary.values():
        box.addItem(term.label(), term.code)


class InvitationsTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.db = context.database
        self.event_record: EventRecord | None = None
        self.answer: Answer | None = None
        self.dialog: Any = None
        editable = not self.db.read_only

        self.query = QLineEdit()
        self.query.setObjectName("invitations_query")
        self.query.setPlaceholderText(translate("EventPage", "Filter by name…"))
        self.query.setClearButtonEnabled(True)
        self.reply_filter = QComboBox()
        self.reply_filter.setObjectName("filter_reply")
        _choices(self.reply_filter, translate("EventPage", "Any reply"), INVITATION_REPLIES)
        self.attendance_filter = QComboBox()
        self.attendance_filter.setObjectName("filter_attendance")
        _choices(self.attendance_filter, translate("EventPage", "Any attendance"), ATTENDANCE)
        self.region_filter = QComboBox()
        self.region_filter.setObjectName("filter_region")
        self.region_filter.addItem(translate("EventPage", "Every region"), None)
        shown = region_names(pages.countries(self.db), context.name_preference())
        for region in sorted(shown):
            self.region_filter.addItem(shown[region], region)
        self.count = QLabel()
        self.count.setObjectName("invitations_count")

        self.invite_button = QPushButton(icon("plus"), translate("EventPage", "Invite…"))
        self.invite_button.setObjectName("invite")
        self.invite_button.setToolTip(translate(
            "EventPage", "Invite organizations and people from the register, several at once"))
        self.invite_button.clicked.connect(lambda _checked=False: self.invite())
        self.reply_button = self._menu_button(
            translate("EventPage", "Reply"), "mail", INVITATION_REPLIES, "reply",
            translate("EventPage", "Set the reply of the selected invitations"))
        self.attendance_button = self._menu_button(
            translate("EventPage", "Attendance"), "list-checks", ATTENDANCE, "attendance",
            translate("EventPage", "Set the attendance of the selected invitations"))
        self.delegation_button = QPushButton(icon("users"), translate("EventPage",
                                                                      "Delegation…"))
        self.delegation_button.setObjectName("delegation")
        self.delegation_button.setToolTip(translate(
            "EventPage", "The people the selected invitation brought (Enter)"))
        self.delegation_button.clicked.connect(lambda _checked=False: self.edit_delegation())
        self.record_button = QPushButton(icon("check"), translate("EventPage",
                                                                       "Record attendance…"))
        self.record_button.setObjectName("record_attendance")
        self.record_button.setToolTip(translate(
            "EventPage", "Someone came (or did not): pick them from the register"))
        self.record_button.clicked.connect(lambda _checked=False: self.record_attendance())
        self.remove_button = QPushButton(icon("trash-2"), translate("EventPage", "Remove"))
        self.remove_button.setObjectName("remove_invitations")
        self.remove_button.setToolTip(translate(
            "EventPage", "Remove the selected invitations (Del); Ctrl+Z brings them back"))
        self.remove_button.clicked.connect(lambda _checked=False: self.remove_selected())
        self.invite_button.setEnabled(editable)
        self.record_button.setEnabled(editable)

        self.problems = QLabel()
        self.problems.setObjectName("invitation_problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b3261e;")
        self.problems.hide()

        self.model = InvitationsModel(editable=editable)
        self.model.change_requested.connect(self._cell_edited)
        self.table = RecordTable(self.model, multi=True, handles_delete=True)
        self.table.setObjectName("invitations_table")
        self.table.setItemDelegate(InvitationDelegate(self.table))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.SelectedClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        metrics = self.table.fontMetrics()

        def widest(vocabulary: Mapping[str, Term], *more: str) -> int:
            return max(metrics.horizontalAdvance(t) for t in
                       [*(v.label() for v in vocabulary.values()), *more]) + 34

        dated = metrics.horizontalAdvance("30 September 2026") + 16
        self.table.set_widths(300, 120, 120, dated, widest(INVITATION_REPLIES), dated,
                              widest(ATTENDANCE), 200, stretch=0)
        self.table.set_placeholder(translate(
            "EventPage", "Nobody is invited yet, or nobody matches these filters. Invite… "
                         "adds organizations and people from the register; a colleague's "
                         "list of 250 parties comes in through File ▸ Import."))
        self.table.opened.connect(lambda _row: self.edit_delegation())
        self.table.delete_requested.connect(self.remove_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())

        filters = QHBoxLayout()
        filters.addWidget(self.query, 1)
        for box in (self.reply_filter, self.attendance_filter, self.region_filter):
            filters.addWidget(box)
        filters.addWidget(self.count)
        actions = QHBoxLayout()
        for button in (self.invite_button, self.reply_button, self.attendance_button,
                       self.delegation_button, self.record_button, self.remove_button):
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(actions)
        layout.addLayout(filters)
        layout.addWidget(self.problems)
        layout.addWidget(self.table, 1)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(200)
        self.timer.timeout.connect(self.reload)
        self.query.textChanged.connect(lambda _t: self.timer.start())
        for box in (self.reply_filter, self.attendance_filter, self.region_filter):
            box.currentIndexChanged.connect(lambda _i: self.reload())
        self._enable()

    def _menu_button(self, text: str, icon_name: str, vocabulary: Mapping[str, Term],
                     field: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName(f"set_{field}")
        button.setText(text)
        button.setIcon(icon(icon_name))
        button.setToolTip(tip)
        button.setToolButtonStyle(button.toolButtonStyle().ToolButtonTextBesideIcon)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        for term in vocabulary.values():
            action = QAction(term.label(), menu)
            action.triggered.connect(
                lambda _checked=False, code=term.code: self.set_selected(field, code))
            menu.addAction(action)
        button.setMenu(menu)
        return button

    # -- reading ---------------------------------------------------------------------------
    def set_event(self, event: EventRecord) -> None:
        self.event_record = event

    def refresh(self) -> None:
        self.reload()

    def current_filter(self) -> InvitationFilter:
        return InvitationFilter(reply=self.reply_filter.currentData(),
                                attendance=self.attendance_filter.currentData(),
                                region=self.region_filter.currentData(),
                                text=self.query.text().strip() or None)

    def reload(self) -> Answer | None:
        self.timer.stop()
        if self.event_record is None:
            return None
        context, event_id, shown = self.context, self.event_record.id, self.current_filter()

        def arrived(rows: list[InvitationRow]) -> None:
            if answer is self.answer:
                self._arrived(rows)

        answer = context.query(lambda: read_rows(context, event_id, shown), arrived)
        self.answer = answer
        return answer

    def _arrived(self, rows: list[InvitationRow]) -> None:
        keep = {row.id for row in self.selected()}
        self.model.set_rows(rows)
        total = len(rows)
        self.count.setText(translate("EventPage", "1 invitation") if total == 1 else
                           translate("EventPage", "{n:,} invitations").format(n=total))
        found = (self.model.row_of(record_id) for record_id in keep)
        self.table.select_rows(sorted(number for number in found if number is not None))
        self._enable()

    def selected(self) -> list[InvitationRow]:
        return [r for r in self.table.selected_records() if isinstance(r, InvitationRow)]

    def _enable(self) -> None:
        chosen = bool(self.selected())
        editable = not self.db.read_only
        for widget in (self.reply_button, self.attendance_button, self.remove_button):
            widget.setEnabled(chosen and editable)
        self.delegation_button.setEnabled(len(self.selected()) == 1)

    # -- writing ---------------------------------------------------------------------------
    def _show_problems(self, problems: list[Problem]) -> None:
        self.problems.setText("\n".join(p.message for p in problems))
        self.problems.setVisible(bool(problems))

    def _done(self, text: str, apply: Callable[[], object], revert: Callable[[], object],
              record_id: str = "") -> None:
        self._show_problems([])
        self.context.notify("invitation", record_id)
        push_change(self.context, self, "invitation", record_id, text, apply, revert)
        self.reload()

    def _cell_edited(self, invitation_id: str, field: str, code: str) -> None:
        """A combo box in a cell: the whole selection when the edited row is in it."""
        chosen = [r for r in self.selected()]
        rows = chosen if any(r.id == invitation_id for r in chosen) else [
            r for r in (self.model.record(n) for n in range(self.model.rowCount()))
            if r is not None and r.id == invitation_id]
        self.set_rows(rows, field, code)

    def set_selected(self, field: str, code: str) -> bool:
        return self.set_rows(self.selected(), field, code)

    def set_rows(self, rows: list[InvitationRow], field: str, code: str) -> bool:
        """The reply (dated today) or the attendance of these invitations, all or none."""
        if self.db.read_only:
            return False
        rows = [r for r in rows if getattr(r.record, field) != code]
        if not rows:
            return False
        changes: dict[str, dict[str, Any]] = {}
        before: dict[str, dict[str, Any]] = {}
        for row in rows:
            if field == "reply":
                changes[row.id] = {"reply": code,
                                   "replied_on": date.today() if code != "none" else None}
                before[row.id] = {"reply": row.record.reply,
                                  "replied_on": row.record.replied_on}
            else:
                changes[row.id] = {"attendance": code}
                before[row.id] = {"attendance": row.record.attendance}
        db, actor = self.db, self.context.actor
        try:
            invitations.update_invitations(db, changes, actor())
        except ValidationFailed as exc:
            self._show_problems(list(exc.problems))
            return False
        except LiaisonError as exc:
            show_problem(self, exc)
            return False
        vocabulary = INVITATION_REPLIES if field == "reply" else ATTENDANCE
        label = vocabulary[code].label() if code in vocabulary else code
        if len(rows) == 1:
            text = translate("EventPage", "{name}: {value}").format(name=rows[0].invitee,
                                                                   value=label)
        else:
            text = translate("EventPage", "{n} invitations: {value}").format(n=len(rows),
                                                                             value=label)
        self._done(text, lambda: invitations.update_invitations(db, changes, actor()),
                   lambda: invitations.update_invitations(db, before, actor()),
                   rows[0].id if len(rows) == 1 else "")
        return True

    def invite(self) -> InviteDialog | None:
        if self.event_record is None or self.db.read_only:
            return None
        db, actor, event_id = self.db, self.context.actor, self.event_record.id

        def write(values: dict[str, Any]) -> Any:
            common = {k: values[k] for k in ("invited_by", "invited_on") if values[k]}
            rows = ([{"organization_id": o, **common} for o in values["organizations"]]
                    + [{"person_id": p, **common} for p in values["people"]])
            if not rows:
                raise ValidationFailed([Problem("organizations", translate(
                    "EventPage", "Pick at least one organization or person to invite."))])
            made = invitations.invite_many(db, event_id, rows, actor())
            ids = [r.id for r in made]
            text = (translate("EventPage", "Invite {name}").format(name=made[0].invitee)
                    if len(made) == 1 else
                    translate("EventPage", "Invite {n} organizations and people").format(
                        n=len(made)))
            self._done(text, lambda: invitations.restore_invitations(db, ids, actor()),
                       lambda: invitations.remove_invitations(db, ids, actor()))
            return made

        return self._open(InviteDialog(self, self.context, write))

    def record_attendance(self) -> AttendanceDialog | None:
        if self.event_record is None or self.db.read_only:
            return None
        db, actor, event_id = self.db, self.context.actor, self.event_record.id

        def write(values: dict[str, Any]) -> Any:
            who = {"organization_id": values["organization_id"],
                   "person_id": values["person_id"]}
            if not any(who.values()):
                raise ValidationFailed([Problem("organization_id", translate(
                    "EventPage", "Pick the organization or the person who came."))])
            attendance = values["attendance"]
            before = invitations.invitation_for(db, event_id, **who)
            try:
                saved = invitations.record_attendance(db, event_id, attendance, **who,
                                                      actor=actor())
            except NotInvited as exc:
                if not messages.confirm(self, translate("EventPage", "Not invited"), exc.message,
                                        yes=translate("EventPage", "Add the invitation")):
                    return None
                saved = invitations.record_attendance(db, event_id, attendance, **who,
                                                      invite=True, actor=actor())
            label = ATTENDANCE[attendance].label()
            text = translate("EventPage", "{name}: {value}").format(name=saved.invitee,
                                                                   value=label)
            if before is None:
                ids = [saved.id]
                self._done(text, lambda: invitations.restore_invitations(db, ids, actor()),
                           lambda: invitations.remove_invitations(db, ids, actor()), saved.id)
            else:
                was = {saved.id: {"attendance": before.attendance}}
                now = {saved.id: {"attendance": attendance}}
                self._done(text, lambda: invitations.update_invitations(db, now, actor()),
                           lambda: invitations.update_invitations(db, was, actor()), saved.id)
            return saved

        return self._open(AttendanceDialog(self, self.context, write))

    def edit_delegation(self) -> DelegationDialog | None:
        rows = self.selected()
        if len(rows) != 1:
            return None
        stack = self.context.stack_for(self)
        dialog = DelegationDialog(self, self.context, rows[0].id, rows[0].invitee, stack)
        dialog.entries.add_button.setEnabled(not self.db.read_only)
        return self._open(dialog)

    def _open(self, dialog: Opened) -> Opened:
        """Not modal to the whole app: tests and the user alike answer it while the page
        stays put."""
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()
        return dialog

    def _closed(self, dialog: QWidget) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
        self.reload()

    def remove_selected(self) -> bool:
        rows = self.selected()
        if not rows or self.db.read_only:
            return False
        question = (translate("EventPage", "Remove the invitation of {name}? Ctrl+Z brings it "
                                           "back.").format(name=rows[0].invitee)
                    if len(rows) == 1 else
                    translate("EventPage", "Remove {n} invitations? Ctrl+Z brings them back.")
                    .format(n=len(rows)))
        if not messages.confirm(self, translate("EventPage", "Remove"), question,
                                yes=translate("EventPage", "Remove")):
            return False
        db, actor, ids = self.db, self.context.actor, [r.id for r in rows]
        try:
            invitations.remove_invitations(db, ids, actor())
        except LiaisonError as exc:
            show_problem(self, exc)
            return False
        text = (translate("EventPage", "Remove the invitation of {name}").format(
            name=rows[0].invitee) if len(rows) == 1 else
            translate("EventPage", "Remove {n} invitations").format(n=len(rows)))
        self._done(text, lambda: invitations.remove_invitations(db, ids, actor()),
                   lambda: invitations.restore_invitations(db, ids, actor()))
        return True
