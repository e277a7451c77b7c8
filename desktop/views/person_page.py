"""A person's own window: names, title and current positions in the header; tabs for the
Profile (editable; phones shown in international format, stored in E.164 by the service),
Positions over time, Interactions attended, and History.

Opened with context.open_person(id), or with no id for a new person. `initial` pre-fills the
form with any profile field ({"name": "…", "nationality": "KE"}); with "organization_id" it
also creates the person's first position there when the person is saved, in the same
transaction — "role", "start" and "end" pre-fill that position and "organization_name" names
the organization in the form (the People tab of an organization page opens it this way)."""

from __future__ import annotations

import html
from typing import Any

import phonenumbers
from PySide6.QtWidgets import QGroupBox, QToolBar, QVBoxLayout, QWidget

from db.services import pages, people
from db.services.affiliations import list_affiliations
from db.services.people import PersonRecord
from db.services.similarity import SimilarRecord, find_similar
from db.store.errors import ValidationFailed
from desktop.context import AppContext
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.naming import display_name, distinct, other_names
from desktop.readable import date_text
from desktop.views.history import HistoryTab
from desktop.views.positions import PositionsTab
from desktop.views.record_events import EventsTab
from desktop.views.record_page import RecordPage
from desktop.views.record_saving import present
from desktop.views.timeline import TimelineTab, record_interaction_action
from desktop.widgets.form import FieldSpec, RecordForm
from desktop.widgets.record_fields import PERSON_FIELDS as FIELDS

POSITION_FIELDS = [
    FieldSpec("role", QT_TRANSLATE_NOOP("Fields", "Role"),
              placeholder=QT_TRANSLATE_NOOP("Fields", "e.g. International Secretary")),
    FieldSpec("start", QT_TRANSLATE_NOOP("Fields", "From"), kind="date"),
    FieldSpec("end", QT_TRANSLATE_NOOP("Fields", "Until"), kind="date"),
]


def international(number: str) -> str:
    """+254712345678 → +254 712 345678; anything unreadable is shown as stored."""
    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        return number
    return str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL))


class PersonPage(RecordPage):
    entity = "person"
    noun = "person"
    header_icon = "users"
    header_entities = frozenset({"interaction", "affiliation", "organization"})

    def __init__(self, context: AppContext, person_id: str | None,
                 initial: dict[str, Any] | None = None) -> None:
        self.position_box: QGroupBox | None = None
        self.position_form: RecordForm | None = None
        super().__init__(context, person_id, initial)

    # -- tabs ------------------------------------------------------------------------------
    def profile_extras(self) -> list[QWidget]:
        if self.record_id is not None or not self.initial.get("organization_id"):
            return []
        where = self.initial.get("organization_name")
        self.position_box = QGroupBox(
            translate("PersonPage", "Position at {organization}").format(organization=where)
            if where else translate("PersonPage", "Position at the organization"))
        self.position_box.setObjectName("new_position")
        layout = QVBoxLayout(self.position_box)
        self.position_form = RecordForm(POSITION_FIELDS)
        self.position_form.set_values(self.initial)
        layout.addWidget(self.position_form)
        return [self.position_box]

    def build_tabs(self) -> None:
        self.positions_tab = PositionsTab(self.context, "person")
        self.add_tab(self.positions_tab, translate("PersonPage", "P&ositions"), "building-2",
                     self.positions_tab.reload,
                     ("affiliation", "organization"))
        self.timeline_tab = TimelineTab(self.context, "person", self.country_names)
        self.add_tab(self.timeline_tab, translate("PersonPage", "&Interactions"), "calendar-days",
                     self.timeline_tab.reload, ("interaction", "organization", "person"))
        self.events_tab = EventsTab(self.context, "person")
        self.add_tab(self.events_tab, translate("PersonPage", "E&vents"), "globe",
                     self.events_tab.reload, ("event", "invitation", "delegate"))
        self.history_tab = HistoryTab(self.context)
        self.add_tab(self.history_tab, translate("PersonPage", "&History"), "history",
                     self.history_tab.reload,
                     ("person",))

    def add_toolbar_actions(self, toolbar: QToolBar) -> None:
        self.record_action = record_interaction_action(
            self, self.timeline_tab,
            translate("PersonPage", "Record an interaction this person took part in"))
        toolbar.addSeparator()
        toolbar.addAction(self.record_action)

    def _loaded(self, record: Any) -> None:
        self.positions_tab.set_owner(record.id, self.display_name(record))
        self.timeline_tab.set_owner(record.id)
        self.events_tab.set_owner(record.id)
        self.history_tab.record_id = record.id
        self.record_action.setEnabled(True)
        if self.position_box is not None:
            self.position_box.hide()  # the position is on the Positions tab now
        super()._loaded(record)

    def _start_new(self) -> None:
        super()._start_new()
        self.record_action.setEnabled(False)

    # -- reading and writing ---------------------------------------------------------------
    def field_specs(self) -> list[FieldSpec]:
        return FIELDS

    def fetch(self, record_id: str) -> PersonRecord:
        return people.get_person(self.database, record_id)

    def form_values(self, record: PersonRecord) -> dict[str, Any]:
        values = {spec.key: getattr(record, spec.key) for spec in FIELDS}
        values["phones"] = [international(number) for number in record.phones]
        return values

    def create_record(self, data: dict[str, Any]) -> PersonRecord:
        if self.position_form is None:
            return people.create_person(self.database, data, self.context.actor())
        position = {"organization_id": self.initial["organization_id"],
                    **present(self.position_form.values())}
        try:
            record, _ = pages.create_person_with_position(self.database, data, position,
                                                          self.context.actor())
        except ValidationFailed as exc:
            theirs = [p for p in exc.problems if p.field in self.position_form.widgets]
            self.position_form.show_problems(theirs)
            raise ValidationFailed([p for p in exc.problems if p not in theirs]) from exc
        self.position_form.clear_problems()
        self.context.notify("affiliation", "")
        return record

    def update_record(self, changes: dict[str, Any], version: int) -> PersonRecord:
        assert self.record_id is not None
        return people.update_person(self.database, self.record_id, changes,
                                    expected_version=version, actor=self.context.actor())

    def delete_record(self, record_id: str) -> None:
        people.delete_person(self.database, record_id, actor=self.context.actor())

    def restore_record(self, record_id: str) -> None:
        people.restore_person(self.database, record_id, actor=self.context.actor())

    def find_similar(self, data: dict[str, Any]) -> list[SimilarRecord]:
        names = [data.get("name"), data.get("name_en"), data.get("name_zh"),
                 *data.get("aliases", [])]
        return find_similar(self.database, "person", names, country=data.get("nationality"))

    def open_existing(self, record_id: str) -> None:
        self.context.open_person(record_id)

    # -- header ----------------------------------------------------------------------------
    def display_name(self, record: PersonRecord) -> str:
        return display_name(record, self.context.name_preference()) or record.name

    def header_lines(self, record: PersonRecord) -> tuple[str, str]:
        shown = self.display_name(record)
        names = [n for n in distinct(other_names(record, self.context.name_preference()))
                 if n != shown]
        line = "  ·  ".join(names)
        if record.aliases:
            line += ("   " if line else "") + translate("PersonPage", "also: {names}").format(
                names="; ".join(record.aliases))
        first: list[str] = []
        if record.title:
            first.append(f"<b>{html.escape(record.title)}</b>")
        if record.nationality:
            country = self.country_names.get(record.nationality, record.nationality)
            first.append(f"{html.escape(country)} ({record.nationality})")
        if record.languages:
            first.append(translate("PersonPage", "speaks {languages}").format(
                languages=html.escape(", ".join(record.languages))))
        if record.last_contact:
            first.append(translate("PersonPage", "last contact {date}").format(
                date=date_text(record.last_contact)))
        count = record.interaction_count
        first.append(translate("PersonPage", "1 interaction") if count == 1 else
                     translate("PersonPage", "{n:,} interactions").format(n=count))
        lines = ["  ·  ".join(first)]
        current = list_affiliations(self.database, person_id=record.id, current_only=True)
        if current:
            lines.append(translate("PersonPage", "Now: {positions}").format(
                positions=html.escape("; ".join(
                    translate("PersonPage", "{role}, {organization}").format(
                        role=p.role, organization=p.organization_name)
                    if p.role else p.organization_name for p in current))))
        contact = [*record.emails, *(international(n) for n in record.phones)]
        if contact:
            lines.append(html.escape("  ·  ".join(contact)))
        return line, "<br>".join(lines)
