"""An event's own window: a header with its dates, mechanism, place and organizers; tabs for
its Profile (editable: name, series and edition, mechanism, dates, city, country, online,
organizer and co-organizers, theme, notes), At a glance (the figures the office reports and
the comparison with the previous edition), the Invitations with replies, attendance and
delegations, the Sessions of its programme and the History. Opened with
context.open_event(id), or with no id for a new event (`initial` pre-fills the form, e.g.
{"name": "…", "series": "…"})."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from db.models.vocabulary import EVENT_MECHANISMS
from db.services import events
from db.services.events import EventRecord
from db.services.similarity import SimilarRecord
from db.services.timeline import record_names
from desktop.context import AppContext
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.naming import display_name
from desktop.readable import date_text
from desktop.views.history import HistoryTab
from desktop.views.record_page import RecordPage
from desktop.widgets.event_fields import EVENT_FIELDS, EventForm
from desktop.widgets.event_glance import GlanceTab
from desktop.widgets.event_invitations import InvitationsTab
from desktop.widgets.event_sessions import SessionsTab
from desktop.widgets.form import FieldSpec, RecordForm

# The sentences of RecordPage that name the kind of record, for an event.
TEXTS: Mapping[str, str] = {
    "delete": QT_TRANSLATE_NOOP("EventPage", "Delete event…"),
    "delete tip": QT_TRANSLATE_NOOP("EventPage", "Delete this event with its invitations and "
                                                 "sessions (Del); Ctrl+Z undoes it"),
    "delete title": QT_TRANSLATE_NOOP("EventPage", "Delete event"),
    "new": QT_TRANSLATE_NOOP("EventPage", "New event"),
    "the new": QT_TRANSLATE_NOOP("EventPage", "The new event"),
    "deleted": QT_TRANSLATE_NOOP("EventPage", "This event has been deleted. Undo (Ctrl+Z) "
                                              "brings it back."),
    "conflict": QT_TRANSLATE_NOOP("EventPage", "{who} changed this event while you were "
                                               "editing it. Your edits are still in the form "
                                               "and were not saved."),
    "changed elsewhere": QT_TRANSLATE_NOOP("EventPage", "This event was changed elsewhere "
                                                        "while you were editing it."),
}


def dates_text(start: Any, end: Any) -> str:
    if end is None or end == start:
        return date_text(start)
    return f"{date_text(start)} – {date_text(end)}"


def edition_text(series: str | None, edition: int | None) -> str:
    if series and edition:
        return translate("EventPage", "{series}, edition {n}").format(series=series, n=edition)
    if edition:
        return translate("EventPage", "Edition {n}").format(n=edition)
    return series or ""


class EventPage(RecordPage):
    entity = "event"
    noun = "event"
    header_icon = "landmark"
    header_entities = frozenset({"organization", "invitation"})

    def __init__(self, context: AppContext, event_id: str | None,
                 initial: dict[str, Any] | None = None) -> None:
        super().__init__(context, event_id, initial)

    def text(self, key: str) -> str:
        return translate("EventPage", TEXTS[key])

    # -- tabs ------------------------------------------------------------------------------
    def build_tabs(self) -> None:
        self.glance = GlanceTab(self.context)
        self.glance.setObjectName("glance")
        self.add_tab(self.glance, translate("EventPage", "At a &glance"), "globe",
                     self._show_glance, ("event", "invitation", "delegate", "person",
                                         "affiliation", "organization"))
        self.invitations = InvitationsTab(self.context)
        self.invitations.setObjectName("invitations")
        self.add_tab(self.invitations, translate("EventPage", "&Invitations"), "users",
                     self.invitations.refresh, ("invitation", "delegate", "organization",
                                               "person"))
        self.sessions = SessionsTab(self.context)
        self.add_tab(self.sessions, translate("EventPage", "&Sessions"), "calendar-days",
                     self.sessions.reload, ("event session", "person"))
        self.history_tab = HistoryTab(self.context)
        self.add_tab(self.history_tab, translate("EventPage", "&History"), "history",
                     self.history_tab.reload, ("event",))

    def _show_glance(self) -> None:
        if self.record_id is not None:
            self.glance.show_event(self.record_id)

    def _loaded(self, record: Any) -> None:
        self.history_tab.table.record_id = record.id
        self.invitations.set_event(record)
        self.sessions.set_visit(record.id)
        self.sessions.first_day = record.start
        super()._loaded(record)

    # -- reading and writing ---------------------------------------------------------------
    def make_form(self) -> RecordForm:
        return EventForm(self.field_specs(), self.countries, self.database,
                         self.context.name_preference(), events.series_names(self.database))

    def field_specs(self) -> list[FieldSpec]:
        return EVENT_FIELDS

    def defaults(self) -> dict[str, Any]:
        return {"mechanism": "high_level_meeting", "online": False}

    def fetch(self, record_id: str) -> EventRecord:
        return events.get_event(self.database, record_id)

    def form_values(self, record: EventRecord) -> dict[str, Any]:
        values = {spec.key: getattr(record, spec.key) for spec in EVENT_FIELDS
                  if spec.key != "co_organizers"}
        values["co_organizers"] = sorted(i for i, _name in record.co_organizers)
        return values

    def create_record(self, data: dict[str, Any]) -> EventRecord:
        return events.create_event(self.database, data, self.context.actor())

    def update_record(self, changes: dict[str, Any], version: int) -> EventRecord:
        assert self.record_id is not None
        return events.update_event(self.database, self.record_id, changes,
                                   expected_version=version, actor=self.context.actor())

    def delete_record(self, record_id: str) -> None:
        events.delete_event(self.database, record_id, actor=self.context.actor())

    def restore_record(self, record_id: str) -> None:
        events.restore_event(self.database, record_id, actor=self.context.actor())

    def find_similar(self, data: dict[str, Any]) -> list[SimilarRecord]:
        return []  # an event is told apart by its dates and series, not by a look-alike name

    def open_existing(self, record_id: str) -> None:
        self.context.open_event(record_id)

    # -- header ----------------------------------------------------------------------------
    def display_name(self, record: EventRecord) -> str:
        return record.name

    def header_lines(self, record: EventRecord) -> tuple[str, str]:
        preference = self.context.name_preference()
        ids = [record.organizer_id, *(i for i, _name in record.co_organizers)]
        names = record_names(self.database, ids)

        def name(record_id: str | None) -> str:
            found = names.get(record_id or "")
            return display_name(found, preference) if found else record_id or ""

        lines = []
        if record.organizer_id:
            lines.append(translate("EventPage", "Organizer: {name}").format(
                name=name(record.organizer_id)))
        if record.co_organizers:
            lines.append(translate("EventPage", "Co-organizers: {names}").format(
                names=", ".join(name(i) for i, _n in record.co_organizers)))
        facts = [f"<b>{html.escape(dates_text(record.start, record.end))}</b>"]
        term = EVENT_MECHANISMS.get(record.mechanism)
        if term:
            facts.append(html.escape(term.label()))
        series = edition_text(record.series, record.edition)
        if series:
            facts.append(html.escape(series))
        place = ", ".join(x for x in (record.city, self.country_names.get(
            record.country or "", record.country or "")) if x)
        if record.online:
            place = (translate("EventPage", "{place} and online").format(place=place) if place
                     else translate("EventPage", "Online"))
        if place:
            facts.append(html.escape(place))
        return "  ·  ".join(lines), "  ·  ".join(facts)
