"""The delegation an invitation brought: its delegates (head, deputy, members, interpreters,
staff) with their titles at the time, each added, edited or removed from its own dialog with
problems beside the field (a head from another organization, a second head, someone twice)
and nothing written then. The steps go on the event page's undo stack."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop.context import AppContext
from desktop.i18n import translate
from desktop.widgets.event_sessions import EventEntriesTab, delegate_kind


class DelegationDialog(QDialog):
    def __init__(self, parent: QWidget, context: AppContext, invitation_id: str, invitee: str,
                 undo_stack: QUndoStack) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("EventPage", "Delegation of {name}").format(name=invitee))
        # context.stack_for() looks for the window's undo stack: this dialog's steps belong
        # to the event page's.
        self.undo_stack = undo_stack
        self.entries = EventEntriesTab(context, delegate_kind(context))
        self.entries.table.setObjectName("delegates_table")
        self.entries.table.set_widths(110, 260, 260)
        self.entries.set_visit(invitation_id)
        self.entries.reload()
        heading = QLabel(translate("EventPage", "Who came for {name}: the head of the "
                                                "delegation comes from the organization "
                                                "invited.").format(name=invitee))
        heading.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.entries, 1)
        layout.addWidget(buttons)
        self.resize(720, 420)
