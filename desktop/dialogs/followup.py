"""A small dialog to add a follow-up that did not come out of a recorded interaction: what
was promised, by when, who keeps it, and which organization it concerns."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.search.names import NameHit
from db.services.followups import FollowUpRecord, create_followup
from db.services.timeline import followup_owners, record_names
from db.store.errors import LiaisonError, ValidationFailed
from desktop import settings
from desktop.context import AppContext
from desktop.errors import show_problem
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.icons import icon
from desktop.messages import messages
from desktop.naming import display_name
from desktop.widgets.form import FieldSpec, RecordForm
from desktop.widgets.participants_editor import error_label, show_error
from desktop.widgets.record_picker import RecordPicker

FIELDS = (  # the form translates the labels ("Fields")
    FieldSpec("description", QT_TRANSLATE_NOOP("Fields", "Commitment"), "multiline",
              required=True),
    FieldSpec("due", QT_TRANSLATE_NOOP("Fields", "Due date"), "date"),
    FieldSpec("owner", QT_TRANSLATE_NOOP("Fields", "Owner")),
)


class FollowUpDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None, *,
                 organization_id: str | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.saved: FollowUpRecord | None = None
        self.organization_id: str | None = None
        self.setWindowTitle(translate("FollowUpDialog", "New follow-up"))
        self.setWindowIcon(icon("list-checks"))
        self.form = RecordForm(FIELDS)
        self.form.set_values({"owner": settings.officer_name()})
        owner = self.form.widgets["owner"]
        assert isinstance(owner, QLineEdit)
        completer = QCompleter(followup_owners(context.database), owner)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        owner.setCompleter(completer)
        self.picker = RecordPicker(context.database, kinds=("organization",))
        self.picker.setObjectName("followup_organization_picker")
        self.picker.setPlaceholderText(translate("FollowUpDialog", "Type a party's name or "
                                                                   "abbreviation, then Enter"))
        self.picker.picked.connect(self.choose)
        self.chosen = QLabel(translate("FollowUpDialog", "No organization"))
        self.chosen.setObjectName("followup_organization")
        self.clear_button = QToolButton()
        self.clear_button.setIcon(icon("x"))
        self.clear_button.setToolTip(translate("FollowUpDialog", "No organization"))
        self.clear_button.clicked.connect(lambda: self.set_organization(None))
        self.organization_error = error_label("error_organization_id")
        chosen_row = QHBoxLayout()
        chosen_row.addWidget(QLabel(translate("FollowUpDialog", "Concerns:")))
        chosen_row.addWidget(self.chosen, 1)
        chosen_row.addWidget(self.clear_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(QLabel(translate("FollowUpDialog", "Organization (optional):")))
        layout.addWidget(self.picker)
        layout.addLayout(chosen_row)
        layout.addWidget(self.organization_error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(520, 380)
        self.set_organization(organization_id)
        self.form.widgets["description"].setFocus()

    def choose(self, hit: NameHit) -> None:
        self.set_organization(hit.id)

    def set_organization(self, organization_id: str | None) -> None:
        self.organization_id = organization_id
        names = record_names(self.context.database, [organization_id]) if organization_id else {}
        found = names.get(organization_id or "")
        self.chosen.setText(display_name(found, self.context.name_preference())
                            if found else translate("FollowUpDialog", "No organization"))
        self.clear_button.setEnabled(found is not None)
        show_error(self.organization_error, [])

    def is_dirty(self) -> bool:
        return self.form.is_dirty()

    def save(self) -> None:
        data = {**self.form.values(), "organization_id": self.organization_id}
        try:
            self.saved = create_followup(self.context.database, data, self.context.actor())
        except ValidationFailed as exc:
            self.form.show_problems([p for p in exc.problems if p.field != "organization_id"])
            show_error(self.organization_error,
                       [p for p in exc.problems if p.field == "organization_id"])
            return
        except LiaisonError as exc:
            show_problem(self, exc)
            return
        self.context.notify("followup", self.saved.id)
        self.accept()

    def reject(self) -> None:
        if self.saved is None and self.is_dirty():
            answer = messages.save_discard_cancel(self, translate("FollowUpDialog",
                                                                  "This follow-up"))
            if answer == "cancel":
                return
            if answer == "save":
                self.save()
                return
        super().reject()
