"""A visit's forms — its Profile, a member of a delegation, a gift — and the kind of field the
common form lacks: an organization or a person picked from the register (the host, the
guest, a member), found by any name as the user types, shown by its name in the preferred
script, cleared with one click."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from db.models.vocabulary import (
    GIFT_DIRECTIONS,
    MEMBER_ROLES,
    VISIT_DIRECTIONS,
    VISIT_SIDES,
    VISIT_STATUSES,
)
from db.search.names import NameHit
from db.services.reference import CountryInfo
from db.services.timeline import record_names
from db.store.engine import Database
from desktop.i18n import QT_TRANSLATE_NOOP, mark, translate
from desktop.icons import icon
from desktop.naming import display_name
from desktop.widgets.form import FieldSpec, RecordForm
from desktop.widgets.record_picker import RecordPicker

VISIT_FIELDS = [  # the form translates the labels and placeholders ("Fields")
    FieldSpec("title", QT_TRANSLATE_NOOP("Fields", "Title"), required=True),
    FieldSpec("direction", QT_TRANSLATE_NOOP("Fields", "Direction"), "choice",
              choices=VISIT_DIRECTIONS, required=True),
    FieldSpec("status", QT_TRANSLATE_NOOP("Fields", "Status"), "choice",
              choices=VISIT_STATUSES),
    FieldSpec("start", QT_TRANSLATE_NOOP("Fields", "Start date"), "date", required=True),
    FieldSpec("end", QT_TRANSLATE_NOOP("Fields", "End date"), "date"),
    FieldSpec("country", QT_TRANSLATE_NOOP("Fields", "Country"), "country"),
    FieldSpec("host_id", QT_TRANSLATE_NOOP("Fields", "Host"), "organization"),
    FieldSpec("guest_id", QT_TRANSLATE_NOOP("Fields", "Guest"), "organization"),
    FieldSpec("purpose", QT_TRANSLATE_NOOP("Fields", "Purpose"), "multiline"),
    FieldSpec("outcomes", QT_TRANSLATE_NOOP("Fields", "Outcomes"), "multiline"),
    FieldSpec("notes", QT_TRANSLATE_NOOP("Fields", "Notes"), "multiline"),
]
MEMBER_FIELDS = [
    FieldSpec("person_id", QT_TRANSLATE_NOOP("Fields", "Person"), "person"),
    FieldSpec("organization_id", QT_TRANSLATE_NOOP("Fields", "Organization"), "organization",
              placeholder=QT_TRANSLATE_NOOP("Fields", "the person's current one if empty")),
    FieldSpec("side", QT_TRANSLATE_NOOP("Fields", "Side"), "choice", choices=VISIT_SIDES,
              required=True),
    FieldSpec("role", QT_TRANSLATE_NOOP("Fields", "Role"), "choice", choices=MEMBER_ROLES,
              required=True),
    FieldSpec("title", mark.translate("Fields", "Title", "a person's"),
              placeholder=QT_TRANSLATE_NOOP("Fields", "at the time of the visit; the "
                                                      "current one if empty"),
              note="a person's"),
]
GIFT_FIELDS = [
    FieldSpec("direction", QT_TRANSLATE_NOOP("Fields", "Given or received"), "choice",
              choices=GIFT_DIRECTIONS, required=True),
    FieldSpec("description", QT_TRANSLATE_NOOP("Fields", "Description"), "multiline",
              required=True),
    FieldSpec("person_id", QT_TRANSLATE_NOOP("Fields", "Person"), "person"),
    FieldSpec("organization_id", QT_TRANSLATE_NOOP("Fields", "Organization"), "organization"),
    FieldSpec("notes", QT_TRANSLATE_NOOP("Fields", "Notes"), "multiline"),
]
CHOSEN_KINDS = ("organization", "person")


class ChosenRecord(QWidget):
    """One organization (or person) of the register, or none: the chosen one's name, a picker
    to choose another and a button that clears it."""

    changed = Signal()

    def __init__(self, database: Database, preference: str, kind: str = "organization",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.preference = preference
        self.kind = kind
        self.chosen: str | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.name = QLabel()
        self.name.setObjectName("chosen")
        self.name.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.picker = RecordPicker(database, kinds=("person",) if kind == "person"
                                   else ("organization",))
        self.picker.setPlaceholderText(translate("VisitPage", "Find a person…") if kind == "person"
                                       else translate("VisitPage", "Find an organization…"))
        self.picker.picked.connect(self._picked)
        self.clear_button = QToolButton()
        self.clear_button.setObjectName("clear")
        self.clear_button.setIcon(icon("x"))
        self.clear_button.setToolTip(translate("VisitPage", "Nobody") if kind == "person"
                                     else translate("VisitPage", "No organization"))
        self.clear_button.clicked.connect(lambda: self.choose(None))
        layout.addWidget(self.name, 3)
        layout.addWidget(self.picker, 2)
        layout.addWidget(self.clear_button)
        self.setFocusProxy(self.picker)
        self._show()

    def _picked(self, hit: NameHit) -> None:
        self.chosen = hit.id
        self.name.setText(display_name(hit, self.preference) or hit.name)
        self._show()
        self.changed.emit()

    def choose(self, organization_id: str | None, name: str | None = None) -> None:
        """Show `organization_id` (its name read when not given); says `changed`."""
        self.set_value(organization_id, name)
        self.changed.emit()

    def set_value(self, organization_id: str | None, name: str | None = None) -> None:
        self.chosen = organization_id or None
        if self.chosen and name is None:
            found = record_names(self.database, [self.chosen], [self.chosen]).get(self.chosen)
            name = display_name(found, self.preference) if found else self.chosen
        self.name.setText(name or "")
        self._show()

    def _show(self) -> None:
        if self.chosen:
            self.name.setStyleSheet("")
        else:
            self.name.setText(translate("VisitPage", "none"))
            self.name.setStyleSheet("color: #777777;")
        self.clear_button.setEnabled(bool(self.chosen))

    def value(self) -> str | None:
        return self.chosen


class VisitForm(RecordForm):
    """The common form with organization and person fields (`kind` "organization" or
    "person") besides."""

    def __init__(self, specs: Sequence[FieldSpec], countries: Sequence[CountryInfo],
                 database: Database, preference: str, parent: QWidget | None = None) -> None:
        self.database = database
        self.preference = preference
        super().__init__(specs, countries, parent)

    def _make(self, spec: FieldSpec, countries: Sequence[CountryInfo]) -> QWidget:
        if spec.kind in CHOSEN_KINDS:
            field = ChosenRecord(self.database, self.preference, spec.kind)
            if spec.placeholder:
                field.picker.setPlaceholderText(translate("Fields", spec.placeholder))
            field.changed.connect(self.changed)
            return field
        return super()._make(spec, countries)

    def value(self, key: str) -> Any:
        widget = self.widgets[key]
        if isinstance(widget, ChosenRecord):
            return widget.value()
        return super().value(key)

    def set_values(self, values: Mapping[str, Any]) -> None:
        chosen_keys = {spec.key for spec in self.specs if spec.kind in CHOSEN_KINDS}
        wanted = [values.get(key) for key in chosen_keys]
        names = record_names(self.database, wanted, wanted)
        for key in chosen_keys:
            widget = self.widgets[key]
            assert isinstance(widget, ChosenRecord)
            chosen = values.get(key)
            found = names.get(chosen or "")
            widget.set_value(chosen, display_name(found, self.preference) if found else None)
        super().set_values({k: v for k, v in values.items() if k not in chosen_keys})
