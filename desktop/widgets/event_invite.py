"""The invitation list's dialogs: Invite… (organizations and people picked from the register,
several at once, who invited them and when) and Record attendance… (someone picked from the
register came, or did not). Each writes when OK is pressed through `write`, which raises the
service's ValidationFailed (its problems shown in the dialog, which stays open; nothing is
written) — Record attendance's `write` asks about someone not invited itself."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from db.models.vocabulary import ATTENDANCE
from db.store.errors import LiaisonError, ValidationFailed
from desktop.context import AppContext
from desktop.errors import show_problem
from desktop.i18n import translate
from desktop.widgets.event_fields import ChosenRecords
from desktop.widgets.form import DateField
from desktop.widgets.visit_fields import ChosenRecord


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("problems")
    label.setWordWrap(True)
    label.setStyleSheet("color: #b3261e;")
    label.hide()
    return label


class _WritingDialog(QDialog):
    """OK runs `write` with the dialog's values; problems show above the buttons."""

    def __init__(self, parent: QWidget, title: str, write: Callable[[dict[str, Any]], Any]
                 ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.write = write
        self.written: Any = None
        self.problems = _error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def show_problems(self, messages: list[str]) -> None:
        self.problems.setText("\n".join(messages))
        self.problems.setVisible(bool(messages))

    def accept(self) -> None:
        try:
            self.written = self.write(self.values())
        except ValidationFailed as exc:
            self.show_problems([p.message for p in exc.problems])
            return
        except LiaisonError as exc:
            show_problem(self, exc)
            return
        if self.written is None:
            return  # the user said no to a question: the dialog stays as it was
        super().accept()


class InviteDialog(_WritingDialog):
    def __init__(self, parent: QWidget, context: AppContext,
                 write: Callable[[dict[str, Any]], Any]) -> None:
        super().__init__(parent, translate("EventPage", "Invite"), write)
        db, preference = context.database, context.name_preference()
        self.organizations = ChosenRecords(db, preference, "organization")
        self.organizations.setObjectName("invite_organizations")
        self.people = ChosenRecords(db, preference, "person")
        self.people.setObjectName("invite_people")
        self.invited_by = QLineEdit()
        self.invited_by.setObjectName("invited_by")
        self.invited_by.setPlaceholderText(translate("EventPage", "who sent the invitations"))
        self.invited_on = DateField()
        self.invited_on.setObjectName("invited_on")
        form = QFormLayout()
        form.addRow(translate("EventPage", "Organizations:"), self.organizations)
        form.addRow(translate("EventPage", "People on their own:"), self.people)
        form.addRow(translate("EventPage", "Invited by:"), self.invited_by)
        form.addRow(translate("EventPage", "Invited on:"), self.invited_on)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate(
            "EventPage", "Pick the organizations and the people invited in their own right; "
                         "each becomes one invitation.")))
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.organizations.setFocus()

    def values(self) -> dict[str, Any]:
        return {"organizations": self.organizations.value(), "people": self.people.value(),
                "invited_by": self.invited_by.text().strip() or None,
                "invited_on": self.invited_on.value()}


class AttendanceDialog(_WritingDialog):
    def __init__(self, parent: QWidget, context: AppContext,
                 write: Callable[[dict[str, Any]], Any]) -> None:
        super().__init__(parent, translate("EventPage", "Record attendance"), write)
        db, preference = context.database, context.name_preference()
        self.organization = ChosenRecord(db, preference, "organization")
        self.organization.setObjectName("attendance_organization")
        self.person = ChosenRecord(db, preference, "person")
        self.person.setObjectName("attendance_person")
        self.attendance = QComboBox()
        self.attendance.setObjectName("attendance")
        for term in ATTENDANCE.values():
            if term.code != "unknown":
                self.attendance.addItem(term.label(), term.code)
        form = QFormLayout()
        form.addRow(translate("EventPage", "Organization:"), self.organization)
        form.addRow(translate("EventPage", "Person:"), self.person)
        form.addRow(translate("EventPage", "Attendance:"), self.attendance)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate(
            "EventPage", "Pick the organization that came, or the person (a delegate's "
                         "organization's invitation is found for them).")))
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.organization.setFocus()

    def values(self) -> dict[str, Any]:
        return {"organization_id": self.organization.value(),
                "person_id": self.person.value(),
                "attendance": self.attendance.currentData()}
