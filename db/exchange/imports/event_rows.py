"""The events, sessions, invitations and delegates sheets of the Liaison workbook, planned
row by row as the visit sheets are (visit_rows.py): a session or an invitation names its event
by id, or by name for an event added in the same file; a delegate names its invitation by id,
or as “invitee — event”; the organizer, invitees, speakers and delegates are found by id or
by name among the records in Liaison and those new in the file. The rules reading other
records are checked over the whole plan afterwards (event_plan.py)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.changes.fields import clean_text
from db.changes.recording import Schema
from db.exchange.imports.cells import EVENT_PARTS
from db.exchange.imports.classify import Pending
from db.exchange.imports.matching import Match
from db.exchange.imports.plan import ImportOptions
from db.exchange.imports.visit_rows import VisitSheetPlanner, _as_given
from db.exchange.workbook import INVITATION_SEPARATOR, invitation_text
from db.models import (
    Event,
    EventSession,
    Invitation,
    Organization,
    Person,
    event_co_organizers,
    session_speakers,
)
from db.models.folding import fold
from db.store.errors import record_noun
from db.store.translation import translate

# The sheets of an event, by the registry's word for each kind (its `kind`).
EVENT_KINDS = {entity.kind: entity for entity in EVENT_PARTS}
_REFERENCES = frozenset({"event_id", "organizer_id", "organization_id", "person_id",
                         "invitation_id"})
# The list columns naming records: the event's co-organizers, a session's speakers.
LINKED = {"co_organizers": (event_co_organizers.c.event_id,
                            event_co_organizers.c.organization_id),
          "speakers": (session_speakers.c.session_id, session_speakers.c.person_id)}
_READABLE = {"event_id": "event", "organizer_id": "organizer", "invitation_id": "invitation"}
_LIST_SPLIT = re.compile(r"[;；\n]")


def _trusting(schema: Schema) -> Schema:
    return replace(schema, fields={name: _as_given if name in _REFERENCES else normalizer
                                   for name, normalizer in schema.fields.items()})


class TitleIndex:
    """Records a row may name: by id and by folded name (one renamed in the file answers to
    both its names)."""

    def __init__(self, rows: Sequence[tuple[str, str]] = ()) -> None:
        self.titles: dict[str, set[str]] = defaultdict(set)
        self.by_title: dict[str, set[str]] = defaultdict(set)
        self.shown: dict[str, str] = {}
        for record_id, title in rows:
            self.add(record_id, title)

    def add(self, record_id: str, title: str) -> None:
        folded = fold(title)
        self.titles[record_id].add(folded)
        self.by_title[folded].add(record_id)
        self.shown[record_id] = title

    def knows(self, record_id: str) -> bool:
        return record_id in self.titles

    def named(self, record_id: str, title: str) -> bool:
        return fold(title) in self.titles.get(record_id, ())

    def find(self, title: str) -> list[str]:
        return sorted(self.by_title.get(fold(title), ()))


def _events(session: Session) -> TitleIndex:
    return TitleIndex([(key, name) for key, name in session.execute(
        select(Event.id, Event.name).where(Event.deleted_at.is_(None)))])


def _invitations(session: Session, events: TitleIndex) -> TitleIndex:
    organizations = {key: name for key, name in session.execute(
        select(Organization.id, Organization.name))}
    people = {key: name for key, name in session.execute(select(Person.id, Person.name))}
    rows = []
    for key, event_id, organization_id, person_id in session.execute(
            select(Invitation.id, Invitation.event_id, Invitation.organization_id,
                   Invitation.person_id).where(Invitation.deleted_at.is_(None))):
        invitee = organizations.get(organization_id) if organization_id else \
            people.get(person_id or "")
        if event_id in events.shown:
            rows.append((key, invitation_text(invitee, events.shown[event_id])))
    return TitleIndex(rows)


class EventSheetPlanner(VisitSheetPlanner):
    """The event sheets' part of the workbook's sheet planner."""

    def __init__(self, session: Session, sheet: str, kind: str, headers: Sequence[str],
                 mapping: dict[int, str], options: ImportOptions, data_rows: int) -> None:
        super().__init__(session, sheet, kind, headers, mapping, options, data_rows)
        if kind in EVENT_KINDS:
            self.schema = _trusting(self.schema)
        self._events: TitleIndex | None = None
        self._invitations: TitleIndex | None = None

    @property
    def events(self) -> TitleIndex:
        if self._events is None:
            self._events = _events(self.session)
        return self._events

    @property
    def invitations(self) -> TitleIndex:
        if self._invitations is None:
            self._invitations = _invitations(self.session, self.events)
        return self._invitations

    def share_indexes(self, other: Any) -> None:
        super().share_indexes(other)
        if isinstance(other, EventSheetPlanner):
            self._events = other._events
            self._invitations = other._invitations

    # -- references -------------------------------------------------------------------------
    def _titled_ref(self, number: int, data: dict[str, Any], id_field: str, name_field: str,
                    index: TitleIndex, noun: str) -> str | None:
        """The record a row belongs to: its id, unless the name beside it names another; by
        name alone for one added in this file. None (reported) when there is none."""
        given = str(data.get(id_field) or "").strip().lower()
        title = clean_text(data.get(name_field))
        if given and index.knows(given) and (not title or index.named(given, title)):
            return given
        if given and not title:
            self.error(number, id_field, translate(
                "Records", "There is no {noun} with id {id}.").format(
                noun=record_noun(noun), id=given))
            return None
        if not title:
            self.error(number, name_field, translate(
                "Import", "Name the {noun} this row belongs to: its id in {id_column}, or its "
                          "name in {name_column}.").format(
                noun=record_noun(noun), id_column=id_field, name_column=name_field))
            return None
        found = index.find(title)
        if len(found) == 1:
            return found[0]
        if found:
            self.error(number, name_field, translate(
                "Import", "“{name}” matches several records ({records}); use the id.").format(
                name=title, records="; ".join(found[:4])))
        elif noun == "event":
            self.error(number, name_field, translate(
                "Import", "“{name}” is not an event in Liaison or on the events sheet of this "
                          "file.").format(name=title))
        else:
            self.error(number, name_field, translate(
                "Import", "“{name}” is not an invitation in Liaison or on the invitations "
                          "sheet of this file (write it as “invitee — event”).").format(
                name=title))
        return None

    def _listed(self, number: int, data: dict[str, Any], name: str,
                kind: str) -> list[str] | None:
        """A list column of readable names (co_organizers, speakers) as ids, sorted; None
        (reported) when a name finds no single record."""
        cell = clean_text(data.get(name))
        found: list[str] = []
        for item in (" ".join(part.split()) for part in _LIST_SPLIT.split(cell or "")):
            if not item:
                continue
            hit = self.resolve(item, None, (kind,))
            if isinstance(hit, Match):
                if hit.ambiguous:
                    problem = translate("Import", "“{name}” matches several records "
                                                  "({records}); use the full name.")
                elif kind == "organization":
                    problem = translate("Import", "“{name}” is not an organization in Liaison.")
                else:
                    problem = translate("Import", "“{name}” is not a person in Liaison.")
                self.error(number, name, problem.format(
                    name=item, records=self.describe(hit, kind) if hit.ambiguous else ""))
                return None
            if hit[1] not in found:
                found.append(hit[1])
        return sorted(found)

    def _links_of(self, number: int, data: dict[str, Any], name: str,
                  kind: str) -> dict[str, list[str]] | None:
        if name not in data:
            return {}
        ids = self._listed(number, data, name, kind)
        return None if ids is None else {name: ids}

    def _with_readable(self, present: frozenset[str]) -> frozenset[str]:
        present = super()._with_readable(present)
        extra = {name for name, column in _READABLE.items()
                 if column in present and name in self.schema.fields}
        return present | extra if extra - present else present

    # -- the sheets -------------------------------------------------------------------------
    def _plan_events(self, number: int, cells: Sequence[Any]) -> Pending | None:
        data, ok = self.cells(number, cells)
        own = self._own(data)
        organizer = self._by_id_or_name(number, data, "organizer_id", "organizer",
                                        "organization")
        links = self._links_of(number, data, "co_organizers", "organization")
        if organizer is False or links is None:
            return None
        own["organizer_id"] = organizer or None
        values = self.validate(number, own)
        if values is None or not ok:
            return None
        pending = self._pending(number, data, values)
        pending.links = links
        if not pending.skip:
            self.events.add(pending.id, values["name"])
        return pending

    def _plan_sessions(self, number: int, cells: Sequence[Any]) -> Pending | None:
        data, ok = self.cells(number, cells)
        own = self._own(data)
        event = self._titled_ref(number, data, "event_id", "event", self.events, "event")
        links = self._links_of(number, data, "speakers", "person")
        if event is None or links is None:
            return None
        own["event_id"] = event
        values = self.validate(number, own)
        if values is None or not ok:
            return None
        pending = self._pending(number, data, values)
        pending.links = links
        if data.get("position") not in (None, ""):
            return pending
        if pending.matched:  # no place given: the session stays where it is
            pending.present = pending.present - {"position"}
        else:
            day: date = values["day"]
            values["position"] = self._place(("sessions", event, day), EventSession,
                                             EventSession.event_id == event,
                                             EventSession.day == day)
        return pending

    def _plan_invitations(self, number: int, cells: Sequence[Any]) -> Pending | None:
        data, ok = self.cells(number, cells)
        own = self._own(data)
        event = self._titled_ref(number, data, "event_id", "event", self.events, "event")
        if event is None or not self._people_refs(number, data, own):
            return None
        own["event_id"] = event
        values = self.validate(number, own)
        if values is None or not ok:
            return None
        pending = self._pending(number, data, values)
        if not pending.skip:
            invitee = (self.organizations.names.get(values.get("organization_id") or "")
                       or self.people.names.get(values.get("person_id") or ""))
            self.invitations.add(pending.id, invitation_text(invitee,
                                                             self.events.shown.get(event)))
        return pending

    def _plan_delegates(self, number: int, cells: Sequence[Any]) -> Pending | None:
        data, ok = self.cells(number, cells)
        own = self._own(data)
        invitation = self._titled_ref(number, data, "invitation_id", "invitation",
                                      self.invitations, "invitation")
        person = self._by_id_or_name(number, data, "person_id", "person", "person")
        if invitation is None or person is False:
            return None
        own["invitation_id"], own["person_id"] = invitation, person or None
        values = self.validate(number, own)
        if values is None or not ok:
            return None
        return self._pending(number, data, values)

    # -- what the matched records hold now ----------------------------------------------------
    def _current(self, matched: list[Pending]) -> dict[str, tuple[dict[str, Any], int]]:
        result = super()._current(matched)
        name = {"event": "co_organizers", "event session": "speakers"}.get(self.entity)
        if name is None:
            return result
        owner, linked = LINKED[name]
        ids = sorted(result)
        for record_id in ids:
            result[record_id][0][name] = []
        for start in range(0, len(ids), 500):
            for key, other in self.session.execute(select(owner, linked).where(
                    owner.in_(ids[start:start + 500]))):
                result[key][0][name].append(other)
        for record_id in ids:
            result[record_id][0][name].sort()
        return result


__all__ = ["EVENT_KINDS", "INVITATION_SEPARATOR", "LINKED", "EventSheetPlanner", "TitleIndex"]
