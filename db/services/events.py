"""Multilateral events — a high-level meeting, a grouping's party forum, a thematic seminar —
each an edition of a series, with its organizer and co-organizers and a programme of sessions
with speakers. Invitations, replies, attendance and delegations are in
db/services/invitations.py; what the office reports of an event in db/services/event_figures.py.
Every write goes through the writer (db/changes): logged, versioned, undoable, and held to the
rules of db/changes/event_checks.py on every path."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, extract, func, or_, select
from sqlalchemy.orm import Session

from db.changes import recording, registry
from db.changes.fields import split_list
from db.changes.recording import Actor, Page
from db.changes.registry_events import EVENT, EVENT_SESSION
from db.models import (
    Event,
    EventSession,
    Invitation,
    Organization,
    Person,
    event_co_organizers,
    session_speakers,
)
from db.services.spans import DaySpan
from db.store.engine import Database
from db.store.errors import Problem, ValidationFailed
from db.store.translation import translate

SCHEMA = EVENT.schema
SESSION_SCHEMA = EVENT_SESSION.schema


@dataclass(frozen=True)
class EventRecord(DaySpan):
    id: str
    name: str
    series: str | None
    edition: int | None
    mechanism: str
    start: date
    end: date | None
    city: str | None
    country: str | None
    online: bool
    organizer_id: str | None
    organizer_name: str | None
    co_organizers: tuple[tuple[str, str], ...]  # (id, name)
    theme: str | None
    notes: str | None
    invitations: int  # live invitations
    created_at: datetime
    updated_at: datetime
    version: int
    deleted_at: datetime | None


@dataclass(frozen=True)
class SessionRecord:
    id: str
    event_id: str
    day: date
    starts: str | None
    ends: str | None
    title: str
    place: str | None
    notes: str | None
    position: int
    speakers: tuple[tuple[str, str], ...]  # (person id, name)
    version: int


@dataclass(frozen=True)
class EventFilter:
    """Which events a list shows; the default is every live one, the latest first."""

    mechanism: str | None = None
    series: str | None = None
    year: int | None = None
    organization_id: str | None = None  # organizer, co-organizer or invited
    text: str | None = None  # in the name, the series or the theme


# -- reading ----------------------------------------------------------------------------------

def _names(session: Session, model: Any, ids: Iterable[str | None]) -> dict[str, str]:
    wanted = {i for i in ids if i}
    if not wanted:
        return {}
    return dict(session.execute(select(model.id, model.name).where(model.id.in_(wanted))).all())


def event_records(session: Session, rows: Sequence[Event]) -> list[EventRecord]:
    ids = [r.id for r in rows]
    co: dict[str, list[str]] = {}
    counts: dict[str, int] = {}
    if ids:
        for event_id, organization_id in session.execute(select(
                event_co_organizers.c.event_id, event_co_organizers.c.organization_id).where(
                event_co_organizers.c.event_id.in_(ids))):
            co.setdefault(event_id, []).append(organization_id)
        counts = dict(session.execute(select(Invitation.event_id, func.count()).where(
            Invitation.event_id.in_(ids), Invitation.deleted_at.is_(None)).group_by(
            Invitation.event_id)).all())
    names = _names(session, Organization, [r.organizer_id for r in rows]
                   + [i for group in co.values() for i in group])
    return [EventRecord(
        id=r.id, name=r.name, series=r.series, edition=r.edition, mechanism=r.mechanism,
        start=r.start, end=r.end, city=r.city, country=r.country_code, online=bool(r.online),
        organizer_id=r.organizer_id, organizer_name=names.get(r.organizer_id or ""),
        co_organizers=tuple(sorted(((i, names.get(i, i)) for i in co.get(r.id, [])),
                                   key=lambda pair: pair[1])),
        theme=r.theme, notes=r.notes, invitations=int(counts.get(r.id, 0)),
        created_at=r.created_at, updated_at=r.updated_at, version=r.version,
        deleted_at=r.deleted_at) for r in rows]


def session_records(session: Session, rows: Sequence[EventSession]) -> list[SessionRecord]:
    ids = [r.id for r in rows]
    speakers: dict[str, list[str]] = {}
    if ids:
        for session_id, person_id in session.execute(select(
                session_speakers.c.session_id, session_speakers.c.person_id).where(
                session_speakers.c.session_id.in_(ids))):
            speakers.setdefault(session_id, []).append(person_id)
    names = _names(session, Person, [p for group in speakers.values() for p in group])
    return [SessionRecord(
        id=r.id, event_id=r.event_id, day=r.day, starts=r.starts, ends=r.ends, title=r.title,
        place=r.place, notes=r.notes, position=r.position,
        speakers=tuple(sorted(((p, names.get(p, p)) for p in speakers.get(r.id, [])),
                              key=lambda pair: pair[1])),
        version=r.version) for r in rows]


def get_event(db: Database, event_id: str, *, include_deleted: bool = False) -> EventRecord:
    with db.reading() as session:
        row = recording.load(session, SCHEMA, event_id, include_deleted=include_deleted)
        return event_records(session, [row])[0]


def filtered(filters: EventFilter) -> Select[Any]:
    statement = select(Event).where(Event.deleted_at.is_(None))
    if filters.mechanism:
        statement = statement.where(Event.mechanism == filters.mechanism)
    if filters.series:
        statement = statement.where(Event.series == filters.series)
    if filters.year:
        statement = statement.where(extract("year", Event.start) == filters.year)
    if filters.organization_id:
        org = filters.organization_id
        statement = statement.where(or_(
            Event.organizer_id == org,
            Event.id.in_(select(event_co_organizers.c.event_id).where(
                event_co_organizers.c.organization_id == org)),
            Event.id.in_(select(Invitation.event_id).where(
                Invitation.organization_id == org, Invitation.deleted_at.is_(None)))))
    if filters.text:
        needle = filters.text.lower()
        statement = statement.where(or_(func.lower(Event.name).contains(needle),
                                        func.lower(Event.series).contains(needle),
                                        func.lower(Event.theme).contains(needle)))
    return statement


def list_events(db: Database, filters: EventFilter | None = None, *, offset: int = 0,
                limit: int = 100) -> Page[EventRecord]:
    """Events, the latest first."""
    statement = filtered(filters or EventFilter())
    with db.reading() as session:
        total = session.execute(select(func.count()).select_from(statement.subquery())).scalar_one()
        rows = list(session.execute(statement.order_by(Event.start.desc(), Event.id.desc())
                                    .offset(offset).limit(limit)).scalars())
        return Page(tuple(event_records(session, rows)), int(total), offset, limit)


def series_names(db: Database) -> list[str]:
    """Every series an event belongs to, for a form's suggestions and a list's filter."""
    with db.reading() as session:
        return sorted((str(name) for name in session.execute(select(Event.series).where(
            Event.deleted_at.is_(None), Event.series.is_not(None)).distinct()).scalars()),
            key=str.casefold)


def editions_of(db: Database, series: str) -> list[EventRecord]:
    """The live events of a series, the first edition first."""
    with db.reading() as session:
        rows = list(session.execute(select(Event).where(
            Event.deleted_at.is_(None), Event.series == series).order_by(
            Event.edition.asc().nulls_last(), Event.start, Event.id)).scalars())
        return event_records(session, rows)


def previous_edition(db: Database, event_id: str) -> EventRecord | None:
    """The edition of the same series held before this one, if the office has it."""
    with db.reading() as session:
        event = recording.load(session, SCHEMA, event_id)
        if not event.series:
            return None
        statement = select(Event).where(Event.deleted_at.is_(None), Event.series == event.series,
                                        Event.id != event.id)
        if event.edition is not None:
            statement = statement.where(or_(Event.edition < event.edition,
                                            Event.edition.is_(None) & (Event.start < event.start)))
        else:
            statement = statement.where(Event.start < event.start)
        row = session.execute(statement.order_by(Event.start.desc(), Event.id.desc())
                              .limit(1)).scalar_one_or_none()
        return event_records(session, [row])[0] if row is not None else None


# -- writing ----------------------------------------------------------------------------------

def _organization_ids(session: Session, value: Any) -> set[str]:
    """Co-organizers given as ids (a list, or text separated by ;): each must exist."""
    wanted = {str(v).strip() for v in (value if isinstance(value, list | tuple | set)
                                       else split_list(value)) if str(v).strip()}
    if not wanted:
        return set()
    found = set(session.execute(select(Organization.id).where(
        Organization.id.in_(wanted), Organization.deleted_at.is_(None))).scalars())
    missing = sorted(wanted - found)
    if missing:
        raise ValidationFailed([Problem("co_organizers", translate(
            "Records", "There is no {noun} with id {id}.").format(
            noun=registry.ORGANIZATION.noun(), id=missing[0]))])
    return found


def _person_ids(session: Session, value: Any) -> set[str]:
    wanted = {str(v).strip() for v in (value if isinstance(value, list | tuple | set)
                                       else split_list(value)) if str(v).strip()}
    if not wanted:
        return set()
    found = set(session.execute(select(Person.id).where(
        Person.id.in_(wanted), Person.deleted_at.is_(None))).scalars())
    missing = sorted(wanted - found)
    if missing:
        raise ValidationFailed([Problem("speakers", translate(
            "Records", "There is no {noun} with id {id}.").format(
            noun=registry.PERSON.noun(), id=missing[0]))])
    return found


def _save_co_organizers(session: Session, row: Event, data: Mapping[str, Any], actor: Actor,
                        *, log: bool) -> None:
    if "co_organizers" not in data:
        return
    wanted = _organization_ids(session, data["co_organizers"])
    wanted.discard(row.organizer_id or "")
    before, after = recording.set_links(session, event_co_organizers.c.event_id,
                                        event_co_organizers.c.organization_id, row.id, wanted)
    if log and before != after:
        recording.touch(session, SCHEMA, row, actor,
                        [("co_organizers", sorted(before), sorted(after))], row.version)


def create_event(db: Database, data: Mapping[str, Any], actor: Actor | None = None,
                 *, record_id: str | None = None) -> EventRecord:
    """`data`: the event's fields and optional `co_organizers` (organization ids)."""
    actor = actor or Actor()
    with db.transaction() as session:
        fields = {k: v for k, v in data.items() if k != "co_organizers"}
        row = recording.create(session, SCHEMA, fields, actor, record_id=record_id)
        _save_co_organizers(session, row, data, actor, log=False)
        return event_records(session, [row])[0]


def update_event(db: Database, event_id: str, changes: Mapping[str, Any], *,
                 expected_version: int | None, actor: Actor | None = None) -> EventRecord:
    actor = actor or Actor()
    with db.transaction() as session:
        fields = {k: v for k, v in changes.items() if k != "co_organizers"}
        row, _ = recording.update(session, SCHEMA, event_id, fields, actor,
                                  expected_version=expected_version)
        _save_co_organizers(session, row, changes, actor, log=True)
        return event_records(session, [row])[0]


def delete_event(db: Database, event_id: str, *, expected_version: int | None = None,
                 actor: Actor | None = None) -> None:
    """To the deleted records; its sessions and invitations stay with it, to come back
    with it."""
    with db.transaction() as session:
        recording.soft_delete(session, SCHEMA, event_id, actor or Actor(),
                              expected_version=expected_version)


def restore_event(db: Database, event_id: str, actor: Actor | None = None) -> EventRecord:
    with db.transaction() as session:
        return event_records(session, [recording.restore(session, SCHEMA, event_id,
                                                         actor or Actor())])[0]


# -- the programme of sessions ----------------------------------------------------------------

def sessions_of(session: Session, event_id: str) -> list[SessionRecord]:
    rows = list(session.execute(select(EventSession).where(
        EventSession.event_id == event_id, EventSession.deleted_at.is_(None)).order_by(
        EventSession.day, EventSession.position, EventSession.starts, EventSession.id))
        .scalars())
    return session_records(session, rows)


def list_sessions(db: Database, event_id: str) -> list[SessionRecord]:
    with db.reading() as session:
        return sessions_of(session, event_id)


def _save_speakers(session: Session, row: EventSession, data: Mapping[str, Any], actor: Actor,
                   *, log: bool) -> None:
    if "speakers" not in data:
        return
    before, after = recording.set_links(session, session_speakers.c.session_id,
                                        session_speakers.c.person_id, row.id,
                                        _person_ids(session, data["speakers"]))
    if log and before != after:
        recording.touch(session, SESSION_SCHEMA, row, actor,
                        [("speakers", sorted(before), sorted(after))], row.version)


def add_session(db: Database, event_id: str, data: Mapping[str, Any],
                actor: Actor | None = None) -> SessionRecord:
    """A session on one of the event's days; `data` may hold `speakers` (person ids)."""
    actor = actor or Actor()
    with db.transaction() as session:
        values = {"event_id": event_id, **{k: v for k, v in data.items() if k != "speakers"}}
        if "position" not in values:
            values["position"] = session.execute(select(func.count()).select_from(
                EventSession).where(EventSession.event_id == event_id)).scalar_one()
        row = recording.create(session, SESSION_SCHEMA, values, actor)
        _save_speakers(session, row, data, actor, log=False)
        return session_records(session, [row])[0]


def update_session(db: Database, session_id: str, changes: Mapping[str, Any], *,
                   expected_version: int | None, actor: Actor | None = None) -> SessionRecord:
    actor = actor or Actor()
    with db.transaction() as session:
        row, _ = recording.update(session, SESSION_SCHEMA, session_id,
                                  {k: v for k, v in changes.items() if k != "speakers"}, actor,
                                  expected_version=expected_version)
        _save_speakers(session, row, changes, actor, log=True)
        return session_records(session, [row])[0]


def remove_session(db: Database, session_id: str, *, expected_version: int | None = None,
                   actor: Actor | None = None) -> None:
    with db.transaction() as session:
        recording.soft_delete(session, SESSION_SCHEMA, session_id, actor or Actor(),
                              expected_version=expected_version)


# -- the events list ----------------------------------------------------------------------------

def _invitation_count() -> Any:
    return (select(func.count()).select_from(Invitation).where(
        Invitation.event_id == Event.id, Invitation.deleted_at.is_(None))
        .correlate(Event).scalar_subquery())


SORTS: dict[str, Any] = {
    "name": func.lower(Event.name),
    "series": func.lower(Event.series),
    "mechanism": Event.mechanism,
    "start": Event.start,
    "country": Event.country_code,
    "organizer": select(Organization.name).where(Organization.id == Event.organizer_id)
    .correlate(Event).scalar_subquery(),
}


def list_events_sorted(db: Database, filters: EventFilter | None = None, *, offset: int = 0,
                       limit: int = 100, sort: str | None = None,
                       descending: bool = True) -> Page[EventRecord]:
    """Events sorted in the database by `sort` (one of SORTS, or "invitations"); the latest
    first within equal keys. A series sorts edition by edition."""
    statement = filtered(filters or EventFilter())
    key = _invitation_count() if sort == "invitations" else SORTS.get(sort or "start",
                                                                         Event.start)
    order = [key.desc().nulls_last() if descending else key.asc().nulls_last()]
    if sort == "series":
        order.append(Event.edition.desc() if descending else Event.edition.asc())
    if sort not in (None, "start"):
        order.append(Event.start.desc())
    order.append(Event.id.desc() if descending else Event.id.asc())
    with db.reading() as session:
        total = session.execute(select(func.count()).select_from(statement.subquery())).scalar_one()
        rows = list(session.execute(statement.order_by(*order).offset(offset).limit(limit))
                    .scalars())
        return Page(tuple(event_records(session, rows)), int(total), offset, limit)


def restore_session(db: Database, session_id: str, actor: Actor | None = None) -> SessionRecord:
    """A removed session back in the programme (undo)."""
    with db.transaction() as session:
        return session_records(session, [recording.restore(session, SESSION_SCHEMA, session_id,
                                                           actor or Actor())])[0]
