"""A record's timeline with its visits: for an organization or a person, the interactions it
took part in that belong to no visit, and the visits it took part in — as the host or the
guest organization, on either side of the visit, or at one of its meetings — each visit one
entry that carries its meetings; and the multilateral events it attended (an organization
whose invitation is marked attended; a person invited by name, or in an attending
delegation). Newest first, a page at a time: one query (UNION ALL of
the two kinds) walks the participant's timeline index, so a party with twenty thousand
interactions opens its first page as fast as one with two."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Final, Literal

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Select,
    exists,
    func,
    literal,
    select,
    union,
    union_all,
)
from sqlalchemy.orm import Session

from db.changes.recording import Page
from db.models import (
    Delegate,
    Event,
    Interaction,
    Invitation,
    Organization,
    Participation,
    Person,
    ProgrammeItem,
    Visit,
    VisitMember,
)
from db.services import interactions
from db.services.event_participation import parts_of_organization, parts_of_person
from db.services.interactions import InteractionRecord, ParticipantRecord
from db.store.engine import Database

Side = Literal["organization", "person"]
INTERACTION: Final = "interaction"
VISIT: Final = "visit"
EVENT: Final = "event"


@dataclass(frozen=True)
class VisitMeeting:
    """A meeting of a visit's programme: the interaction that records it, on its day."""

    id: str  # the interaction's id
    item_id: str  # the programme item's
    kind: str  # the interaction's kind: talks, meeting, briefing
    title: str
    day: date
    starts: str | None  # "09:30"
    city: str | None
    participants: tuple[ParticipantRecord, ...]
    attended: bool  # the timeline's own record took part in it


@dataclass(frozen=True)
class VisitEntry:
    id: str
    title: str
    direction: str  # inbound | outbound
    status: str
    start: date
    end: date | None
    country: str | None
    host_id: str | None
    host_name: str | None
    guest_id: str | None
    guest_name: str | None
    meetings: tuple[VisitMeeting, ...]  # by day and time


@dataclass(frozen=True)
class EventAttendance:
    """A multilateral event the timeline's record attended."""

    id: str  # the event's
    name: str
    mechanism: str
    series: str | None
    edition: int | None
    start: date
    end: date | None
    city: str | None
    country: str | None
    online: bool
    invitee: str  # whose invitation: the organization, or the person on their own
    role: str | None  # a person's role in the delegation


@dataclass(frozen=True)
class TimelineEntry:
    """One line of a timeline: an interaction of no visit, a visit, or an event attended."""

    kind: Literal["interaction", "visit", "event"]
    id: str
    start: date
    interaction: InteractionRecord | None = None
    visit: VisitEntry | None = None
    event: EventAttendance | None = None


def _in_a_visit(interaction_id: Any) -> ColumnElement[bool]:
    """The interaction is a meeting of a live visit's programme (so the visit stands for it)."""
    return exists(select(ProgrammeItem.id).join(Visit, Visit.id == ProgrammeItem.visit_id).where(
        ProgrammeItem.interaction_id == interaction_id, ProgrammeItem.deleted_at.is_(None),
        Visit.deleted_at.is_(None)))


def _interactions_side(side: Side, owner_id: str) -> Select[str, str, date | None]:
    """The owner's interactions that belong to no visit, on the owner's timeline index."""
    column = Participation.organization_id if side == "organization" else Participation.person_id
    return (select(literal(INTERACTION).label("kind"), Participation.interaction_id.label("id"),
                   Participation.start.label("start"))
            .join(Interaction, Interaction.id == Participation.interaction_id)
            .where(column == owner_id, Participation.deleted_at.is_(None),
                   Interaction.deleted_at.is_(None),
                   ~_in_a_visit(Participation.interaction_id)))


def _attended(side: Side, owner_id: str) -> ColumnElement[bool]:
    """The owner took part in the (joined) Interaction. Asked with the interaction's date too,
    which a participation carries (db/services/check.py checks it does): one exact probe of
    the owner's timeline index, whatever statistics the database has."""
    column = Participation.organization_id if side == "organization" else Participation.person_id
    return exists(select(Participation.id).where(
        column == owner_id, Participation.start == Interaction.start,
        Participation.interaction_id == Interaction.id, Participation.deleted_at.is_(None)))


def _visit_ids(side: Side, owner_id: str) -> CompoundSelect[str]:
    """Every visit the owner took part in, by any of the ways one can (each on an index)."""
    member = VisitMember.organization_id if side == "organization" else VisitMember.person_id
    ways: list[Select[Any]] = [
        select(VisitMember.visit_id.label("id")).where(member == owner_id,
                                                       VisitMember.deleted_at.is_(None)),
        # At a meeting: walked from the programmes' meetings (a few thousand in a large
        # database), not from the owner's interactions (ten thousand for a busy party).
        select(ProgrammeItem.visit_id.label("id"))
        .join(Interaction, Interaction.id == ProgrammeItem.interaction_id)
        .where(ProgrammeItem.deleted_at.is_(None), Interaction.deleted_at.is_(None),
               _attended(side, owner_id)),
    ]
    if side == "organization":
        ways += [select(Visit.id.label("id")).where(Visit.host_id == owner_id),
                 select(Visit.id.label("id")).where(Visit.guest_id == owner_id)]
    return union(*ways)


def _visits_side(side: Side, owner_id: str) -> Select[str, str, date]:
    return (select(literal(VISIT).label("kind"), Visit.id.label("id"),
                   Visit.start.label("start"))
            .where(Visit.deleted_at.is_(None), Visit.id.in_(_visit_ids(side, owner_id))))


def _attended_invitations(side: Side, owner_id: str) -> Select[Any]:
    """The live invitations, marked attended, that brought the owner."""
    attended = (Invitation.deleted_at.is_(None), Invitation.attendance == "attended")
    if side == "organization":
        return select(Invitation.id).where(Invitation.organization_id == owner_id, *attended)
    return select(Invitation.id).where(*attended, (Invitation.person_id == owner_id) | exists(
        select(Delegate.id).where(Delegate.invitation_id == Invitation.id,
                                  Delegate.person_id == owner_id,
                                  Delegate.deleted_at.is_(None))))


def _events_side(side: Side, owner_id: str) -> Select[str, str, date]:
    return (select(literal(EVENT).label("kind"), Event.id.label("id"),
                   Event.start.label("start"))
            .where(Event.deleted_at.is_(None), Event.id.in_(
                select(Invitation.event_id).where(
                    Invitation.id.in_(_attended_invitations(side, owner_id))))))


def timeline_statement(side: Side, owner_id: str) -> CompoundSelect[str, str, date | None]:
    """Every kind of entry as (kind, id, start) rows; the caller orders and pages them."""
    return union_all(_interactions_side(side, owner_id), _visits_side(side, owner_id),
                     _events_side(side, owner_id))


def timeline_counts(session: Session, side: Side, owner_id: str) -> tuple[int, int]:
    """How many interactions of no visit and how many visits the timeline has, without
    walking it: the owner's interaction count (kept on the record) less the meetings among
    them that their visits stand for; the visits."""
    model: Any = Organization if side == "organization" else Person
    interactions_count = session.execute(select(model.interaction_count).where(
        model.id == owner_id)).scalar_one_or_none() or 0
    meetings = session.execute(
        select(func.count(func.distinct(ProgrammeItem.interaction_id)))
        .join(Visit, Visit.id == ProgrammeItem.visit_id)
        .join(Interaction, Interaction.id == ProgrammeItem.interaction_id)
        .where(ProgrammeItem.deleted_at.is_(None), Visit.deleted_at.is_(None),
               Interaction.deleted_at.is_(None),
               _attended(side, owner_id))).scalar_one()
    visits = session.execute(select(func.count()).select_from(
        _visits_side(side, owner_id).subquery())).scalar_one()
    return int(interactions_count) - int(meetings), int(visits)


def count_timeline(session: Session, side: Side, owner_id: str) -> int:
    return sum(timeline_counts(session, side, owner_id)) + count_events(session, side, owner_id)


def count_events(session: Session, side: Side, owner_id: str) -> int:
    return int(session.execute(select(func.count()).select_from(
        _events_side(side, owner_id).subquery())).scalar_one())


@dataclass(frozen=True)
class TimelinePage(Page[TimelineEntry]):
    visits: int = -1  # how many of the total are visits (-1 when not counted)
    events: int = -1  # and how many are events attended


def list_timeline(db: Database, side: Side, owner_id: str, *, descending: bool = True,
                  offset: int = 0, limit: int = 100, with_total: bool = True
                  ) -> TimelinePage:
    """A page of the timeline of the organization or person `owner_id`, newest first (ties by
    id). Counting costs a walk of the whole timeline: pass with_total=False when paging on
    with the total known (total is then -1)."""
    if side not in ("organization", "person"):
        raise ValueError(f"a timeline is an organization's or a person's, not a {side}'s")
    statement = timeline_statement(side, owner_id)
    # Ordered and limited as a compound, not as a subquery: SQLite then merges the two kinds
    # in order, reading the interactions from the timeline index only as far as the page.
    start, entry_id = statement.selected_columns.start, statement.selected_columns.id
    order = (start.desc(), entry_id.desc()) if descending else (start.asc(), entry_id.asc())
    with db.reading() as session:
        alone, visits = timeline_counts(session, side, owner_id) if with_total else (-1, -1)
        events = count_events(session, side, owner_id) if with_total else -1
        total = alone + visits + events if with_total else -1
        found = session.execute(statement.order_by(*order).offset(offset).limit(limit)).all()
        items = _entries(session, side, owner_id, [(k, i, s) for k, i, s in found])
        return TimelinePage(tuple(items), total, offset, limit, visits, events)


def _entries(session: Session, side: Side, owner_id: str,
             found: Sequence[tuple[str, str, date | None]]) -> list[TimelineEntry]:
    interaction_ids = [i for k, i, _ in found if k == INTERACTION]
    visit_ids = [i for k, i, _ in found if k == VISIT]
    records: dict[str, InteractionRecord] = {}
    if interaction_ids:
        rows = list(session.execute(select(Interaction).where(
            Interaction.id.in_(interaction_ids))).scalars())
        records = {r.id: r for r in interactions._records(session, rows)}
    visits = _visit_entries(session, owner_id, visit_ids)
    attended = _event_entries(session, side, owner_id, [i for k, i, _ in found if k == EVENT])
    result = []
    for kind, entry_id, _start in found:
        if kind == INTERACTION and entry_id in records:
            record = records[entry_id]
            result.append(TimelineEntry(INTERACTION, entry_id, record.start, interaction=record))
        elif kind == VISIT and entry_id in visits:
            entry = visits[entry_id]
            result.append(TimelineEntry(VISIT, entry_id, entry.start, visit=entry))
        elif kind == EVENT and entry_id in attended:
            event = attended[entry_id]
            result.append(TimelineEntry(EVENT, entry_id, event.start, event=event))
    return result


def _event_entries(session: Session, side: Side, owner_id: str,
                   event_ids: list[str]) -> dict[str, EventAttendance]:
    if not event_ids:
        return {}
    parts = (parts_of_organization(session, owner_id) if side == "organization"
             else parts_of_person(session, owner_id))
    wanted = set(event_ids)
    return {part.event_id: EventAttendance(
        id=part.event_id, name=part.name, mechanism=part.mechanism, series=part.series,
        edition=part.edition, start=part.start, end=part.end, city=part.city,
        country=part.country, online=part.online, invitee=part.invitee, role=part.role)
        for part in parts if part.event_id in wanted and part.attended}


def _visit_entries(session: Session, owner_id: str,
                   visit_ids: list[str]) -> dict[str, VisitEntry]:
    if not visit_ids:
        return {}
    visits = list(session.execute(select(Visit).where(Visit.id.in_(visit_ids))).scalars())
    sides = {v.host_id for v in visits} | {v.guest_id for v in visits}
    names = dict(session.execute(select(Organization.id, Organization.name).where(
        Organization.id.in_({i for i in sides if i}))).all()) if any(sides) else {}
    items = session.execute(
        select(ProgrammeItem.id, ProgrammeItem.visit_id, ProgrammeItem.day,
               ProgrammeItem.starts, ProgrammeItem.city, Interaction.id, Interaction.kind,
               Interaction.title)
        .join(Interaction, Interaction.id == ProgrammeItem.interaction_id)
        .where(ProgrammeItem.visit_id.in_(visit_ids), ProgrammeItem.deleted_at.is_(None),
               Interaction.deleted_at.is_(None))
        .order_by(ProgrammeItem.visit_id, ProgrammeItem.day, ProgrammeItem.position,
                  ProgrammeItem.starts.nulls_last(), ProgrammeItem.id)).all()
    participants = interactions._participants_of(session, sorted({row[5] for row in items}))
    meetings: dict[str, list[VisitMeeting]] = {}
    for item_id, visit_id, day, starts, city, meeting_id, kind, title in items:
        taking_part = tuple(participants.get(meeting_id, ()))
        meetings.setdefault(visit_id, []).append(VisitMeeting(
            id=meeting_id, item_id=item_id, kind=kind, title=title, day=day, starts=starts,
            city=city, participants=taking_part,
            attended=any(owner_id in (p.organization_id, p.person_id) for p in taking_part)))
    return {v.id: VisitEntry(
        id=v.id, title=v.title, direction=v.direction, status=v.status, start=v.start,
        end=v.end, country=v.country_code, host_id=v.host_id,
        host_name=names.get(v.host_id or ""), guest_id=v.guest_id,
        guest_name=names.get(v.guest_id or ""), meetings=tuple(meetings.get(v.id, ())))
        for v in visits}
