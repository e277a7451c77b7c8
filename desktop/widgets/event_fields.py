"""An event's forms — its Profile, a session of its programme, a delegate — and the fields the
visit's form lacks: a text with suggestions (the series, from the ones the office already
has), a yes/no box (online), and several organizations or people picked from the register
(the co-organizers, a session's speakers), each shown by its name in the preferred script."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.models.vocabulary import EVENT_MECHANISMS, MEMBER_ROLES
from db.search.names import NameHit
from db.services.reference import CountryInfo
from db.services.timeline import record_names
from db.store.engine import Database
from desktop.i18n import QT_TRANSLATE_NOOP, mark, translate
from desktop.icons import icon
from desktop.naming import display_name
from desktop.widgets.form import FieldSpec
from desktop.widgets.record_picker import RecordPicker
from desktop.widgets.visit_fields import VisitForm

EVENT_FIELDS = [  # the form translates the labels and placeholders ("Fields")
    FieldSpec("name", QT_TRANSLATE_NOOP("Fields", "Name"), required=True),
    FieldSpec("series", QT_TRANSLATE_NOOP("Fields", "Series"), "suggest",
              placeholder=QT_TRANSLATE_NOOP("Fields", "the meeting this is an edition of")),
    FieldSpec("edition", QT_TRANSLATE_NOOP("Fields", "Edition"), "year",
              placeholder=QT_TRANSLATE_NOOP("Fields", "3 for the third")),
    FieldSpec("mechanism", QT_TRANSLATE_NOOP("Fields", "Mechanism"), "choice",
              choices=EVENT_MECHANISMS, required=True),
    FieldSpec("start", QT_TRANSLATE_NOOP("Fields", "Start date"), "date", required=True),
    FieldSpec("end", QT_TRANSLATE_NOOP("Fields", "End date"), "date"),
    FieldSpec("city", QT_TRANSLATE_NOOP("Fields", "City")),
    FieldSpec("country", QT_TRANSLATE_NOOP("Fields", "Country"), "country"),
    FieldSpec("online", QT_TRANSLATE_NOOP("Fields", "Online"), "yes/no"),
    FieldSpec("organizer_id", QT_TRANSLATE_NOOP("Fields", "Organizer"), "organization"),
    FieldSpec("co_organizers", QT_TRANSLATE_NOOP("Fields", "Co-organizers"), "organizations"),
    FieldSpec("theme", QT_TRANSLATE_NOOP("Fields", "Theme"), "multiline"),
    FieldSpec("notes", QT_TRANSLATE_NOOP("Fields", "Notes"), "multiline"),
]
SESSION_FIELDS = [
    FieldSpec("day", QT_TRANSLATE_NOOP("Fields", "Day"), "date", required=True),
    FieldSpec("starts", QT_TRANSLATE_NOOP("Fields", "Starts"),
              placeholder=QT_TRANSLATE_NOOP("Fields", "HH:MM")),
    FieldSpec("ends", QT_TRANSLATE_NOOP("Fields", "Ends"),
              placeholder=QT_TRANSLATE_NOOP("Fields", "HH:MM")),
    FieldSpec("title", QT_TRANSLATE_NOOP("Fields", "Title"), required=True),
    FieldSpec("place", QT_TRANSLATE_NOOP("Fields", "Place")),
    FieldSpec("speakers", QT_TRANSLATE_NOOP("Fields", "Speakers"), "people"),
    FieldSpec("notes", QT_TRANSLATE_NOOP("Fields", "Notes"), "multiline"),
]
DELEGATE_FIELDS = [
    FieldSpec("person_id", QT_TRANSLATE_NOOP("Fields", "Person"), "person"),
    FieldSpec("role", QT_TRANSLATE_NOOP("Fields", "Role"), "choice", choices=MEMBER_ROLES,
              required=True),
    FieldSpec("title", mark.translate("Fields", "Title", "a person's"),
              placeholder=QT_TRANSLATE_NOOP("Fields", "at the time of the event; the current "
                                                      "one if empty"),
              note="a person's"),
]
MANY_KINDS = {"organizations": "organization", "people": "person"}


class ChosenRecords(QWidget):
    """Several organizations (or people) of the register: a short list of the chosen ones'
    names, a picker that adds one, and a button that takes the selected one off."""

    changed = Signal()

    def __init__(self, database: Database, preference: str, kind: str = "organization",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.preference = preference
        self.kind = kind
        self.list = QListWidget()
        self.list.setObjectName("chosen_list")
        self.list.setMaximumHeight(4 * self.list.fontMetrics().height() + 12)
        self.picker = RecordPicker(database, kinds=("person",) if kind == "person"
                                     else ("organization",))
        self.picker.setPlaceholderText(translate("EventPage", "Add a person…") if kind == "person"
                                       else translate("EventPage", "Add an organization…"))
        self.picker.picked.connect(self._picked)
        self.remove_button = QToolButton()
        self.remove_button.setObjectName("remove_chosen")
        self.remove_button.setIcon(icon("x"))
        self.remove_button.setToolTip(translate("EventPage", "Take the selected one off"))
        self.remove_button.clicked.connect(self.remove_selected)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.picker, 1)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.list)
        self.setFocusProxy(self.picker)

    def _add(self, record_id: str, name: str) -> None:
        item = QListWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, record_id)
        self.list.addItem(item)

    def _picked(self, hit: NameHit) -> None:
        if hit.id not in self.value():
            self._add(hit.id, display_name(hit, self.preference) or hit.name)
            self.changed.emit()
        self.picker.clear()

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self.changed.emit()

    def set_value(self, ids: Sequence[str] | None) -> None:
        self.list.clear()
        wanted = list(ids or ())
        found = (record_names(self.database, [], wanted) if self.kind == "person"
                 else record_names(self.database, wanted))
        for record_id in wanted:
            name = found.get(record_id)
            self._add(record_id, display_name(name, self.preference) if name else record_id)

    def value(self) -> list[str]:
        return sorted(str(self.list.item(row).data(Qt.ItemDataRole.UserRole))
                      for row in range(self.list.count()))


class EventForm(VisitForm):
    """The visit's form (organizations and people picked from the register) with the
    event's own kinds of field: "suggest", "yes/no", "organizations" and "people"."""

    def __init__(self, specs: Sequence[FieldSpec], countries: Sequence[CountryInfo],
                 database: Database, preference: str, suggestions: Sequence[str] = (),
                 parent: QWidget | None = None) -> None:
        self.suggestions = list(suggestions)
        super().__init__(specs, countries, database, preference, parent)

    def _make(self, spec: FieldSpec, countries: Sequence[CountryInfo]) -> QWidget:
        if spec.kind in MANY_KINDS:
            many = ChosenRecords(self.database, self.preference, MANY_KINDS[spec.kind])
            many.changed.connect(self.changed)
            return many
        if spec.kind == "yes/no":
            box = QCheckBox(translate("EventPage", "held online"))
            box.toggled.connect(self.changed)
            return box
        widget = super()._make(spec, countries)
        if spec.kind == "suggest" and isinstance(widget, QLineEdit):
            completer = QCompleter(self.suggestions, widget)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            widget.setCompleter(completer)
        return widget

    def value(self, key: str) -> Any:
        widget = self.widgets[key]
        if isinstance(widget, ChosenRecords):
            return widget.value()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        return super().value(key)

    def set_values(self, values: Mapping[str, Any]) -> None:
        for spec in self.specs:
            widget = self.widgets[spec.key]
            if isinstance(widget, ChosenRecords | QCheckBox):
                widget.blockSignals(True)
                if isinstance(widget, ChosenRecords):
                    widget.set_value(values.get(spec.key))
                else:
                    widget.setChecked(bool(values.get(spec.key)))
                widget.blockSignals(False)
        super().set_values({k: v for k, v in values.items()
                            if not isinstance(self.widgets.get(k), ChosenRecords | QCheckBox)})
