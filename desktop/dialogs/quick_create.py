"""A participant the interaction editor cannot find, created on the spot: a small form with
the few fields that identify an organization (name, abbreviation, kind, country) or a person
(name, title, nationality), over the editor, which keeps everything typed in it. Likely
duplicates are offered first, as in a record window; choosing one adds it instead.

`create_participant` is what the editor calls; tests drive the dialog through `exec`."""

from __future__ import annotations

from typing import Any, Literal

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from db.models.vocabulary import ORGANIZATION_KINDS
from db.services import organizations, pages, people
from db.services.similarity import find_similar
from db.store.errors import LiaisonError, ValidationFailed
from desktop.context import AppContext
from desktop.dialogs import similar
from desktop.errors import show_problem
from desktop.i18n import translate
from desktop.naming import country_names
from desktop.qtmodels.participants import ParticipantRow
from desktop.widgets.form import FieldSpec, RecordForm
from desktop.widgets.record_fields import ORGANIZATION_FIELDS, PERSON_FIELDS

Kind = Literal["organization", "person"]
# The fields of the full record forms that the short one shows, in this order.
SHORT_FIELDS: dict[Kind, tuple[str, ...]] = {
    "organization": ("name", "abbreviation", "kind", "country"),
    "person": ("name", "title", "nationality"),
}


def short_specs(kind: Kind) -> list[FieldSpec]:
    fields = ORGANIZATION_FIELDS if kind == "organization" else PERSON_FIELDS
    by_key = {spec.key: spec for spec in fields}
    return [by_key[key] for key in SHORT_FIELDS[kind]]


def participant_row(kind: Kind, record: Any, country_name: dict[str, str]) -> ParticipantRow:
    """The editor's row for a record just made or chosen (the same detail a search hit has)."""
    if kind == "organization":
        vocabulary = ORGANIZATION_KINDS.get(record.kind or "")
        detail = [vocabulary.label() if vocabulary else record.kind,
                  country_name.get(record.country or "", record.country)]
        return ParticipantRow("organization", record.id, record.name, record.name_en,
                              record.name_zh, record.abbreviation,
                              ", ".join(x for x in detail if x) or None)
    detail = [record.title, country_name.get(record.nationality or "", record.nationality)]
    return ParticipantRow("person", record.id, record.name, record.name_en, record.name_zh,
                          None, ", ".join(x for x in detail if x) or None)


class QuickCreateDialog(QDialog):
    def __init__(self, context: AppContext, kind: Kind, name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.kind = context, kind
        self.database = context.database
        self.row: ParticipantRow | None = None  # what to add, once created or chosen
        countries = pages.countries(self.database)
        self.country_name = country_names(countries, context.name_preference())
        self.setWindowTitle(translate("QuickCreate", "New organization") if kind == "organization"
                            else translate("QuickCreate", "New person"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(translate(
            "QuickCreate", "Liaison has no organization of that name. Create it here and it "
                           "joins the interaction; the rest of its profile can wait.")
            if kind == "organization" else translate(
            "QuickCreate", "Liaison has no person of that name. Create them here and they join "
                           "the interaction; the rest of their profile can wait."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.form = RecordForm(short_specs(kind), countries)
        self.form.setObjectName("quick_create_form")
        self.form.set_values({"name": name, **({"kind": "party"} if kind == "organization"
                                               else {})})
        layout.addWidget(self.form)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button: QPushButton = box.addButton(
            translate("QuickCreate", "&Create and add"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setObjectName("create")
        self.create_button.setDefault(True)
        box.accepted.connect(self.create_record)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.form.widgets["name"].setFocus()

    def create_record(self) -> bool:
        """Create the record (or take the existing one the user chose instead) and close;
        False, with the problems shown on the form, when it cannot be made as filled in."""
        data = {k: v for k, v in self.form.values().items() if v not in (None, "", [])}
        names = [data.get("name")]
        country = data.get("country") if self.kind == "organization" else data.get("nationality")
        candidates = find_similar(self.database, self.kind, names, country=country,
                                  abbreviation=data.get("abbreviation"))
        try:
            if candidates:
                choice = similar.ask_about_similar(self, candidates, self.country_name)
                existing = similar.opened_id(choice)
                if existing is not None:
                    record = (organizations.get_organization(self.database, existing)
                              if self.kind == "organization"
                              else people.get_person(self.database, existing))
                    self.row = participant_row(self.kind, record, self.country_name)
                    self.accept()
                    return True
                if choice != similar.CREATE:
                    return False
            if self.kind == "organization":
                record = organizations.create_organization(self.database, data,
                                                           self.context.actor())
            else:
                record = people.create_person(self.database, data, self.context.actor())
        except ValidationFailed as exc:
            self.form.show_problems(exc.problems)
            return False
        except LiaisonError as exc:  # NotFound too: the chosen record was deleted meanwhile
            show_problem(self, exc)
            return False
        self.context.notify(self.kind, record.id)
        self.row = participant_row(self.kind, record, self.country_name)
        self.accept()
        return True


def create_participant(context: AppContext, kind: Kind, name: str,
                       parent: QWidget | None) -> ParticipantRow | None:
    """Ask for the new organization or person; its row for the editor, or None if cancelled."""
    dialog = QuickCreateDialog(context, kind, name, parent)
    try:
        return dialog.row if dialog.exec() else None
    finally:
        dialog.deleteLater()
