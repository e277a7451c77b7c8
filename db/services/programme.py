"""A visit's programme: days, each with its cities and its items in order — talks and
meetings (each an interaction with its own participants, summary and outcomes), site visits,
briefings, banquets, travel legs. Adding, editing, moving and copying items, and turning an
interaction of the kind "inbound visit" or "outbound visit" into a visit with its programme —
each one transaction, so one undo takes it back."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.changes import recording, registry
from db.changes.recording import Actor
from db.models import Organization, Participation, Person, ProgrammeItem, Visit
from db.models.vocabulary import MEETING_KINDS
from db.services import interactions
from db.services.visits import (
    GiftRecord,
    MemberRecord,
    VisitRecord,
    gifts_of,
    members_of,
    visit_records,
)
from db.store.engine import Database
from db.store.errors import LiaisonError, Problem, ValidationFailed
from db.store.translation import translate

SCHEMA = registry.PROGRAMME_ITEM.schema
# Fields an item shares with the interaction that records it: kept the same on both.
SHARED = {"title": "title", "day": "start", "city": "city"}


@dataclass(frozen=True)
class ParticipantName:
    """A meeting's participant by its names, so a page shows it in the preferred script and
    a file by its own name."""

    name: str
    name_en: str | None
    name_zh: str | None


@dataclass(frozen=True)
class ItemRecord:
    id: str
    visit_id: str
    day: date
    starts: str | None
    ends: str | None
    kind: str
    title: str
    city: str | None
    place: str | None
    interaction_id: str | None
    participants: tuple[ParticipantName, ...]  # the meeting's, hosts first
    notes: str | None
    position: int
    version: int

    @property
    def participant_names(self) -> tuple[str, ...]:
        """The participants by their own names."""
        return tuple(p.name for p in self.participants)


@dataclass(frozen=True)
class ProgrammeDay:
    day: date
    cities: tuple[str, ...]  # in the order the day's items reach them
    items: tuple[ItemRecord, ...]


@dataclass(frozen=True)
class VisitDetails:
    """A visit with everything on its page."""

    visit: VisitRecord
    members: tuple[MemberRecord, ...]
    days: tuple[ProgrammeDay, ...]  # every day of the visit, with or without items
    gifts: tuple[GiftRecord, ...]


def _participant_names(session: Session, interaction_ids: set[str]
                       ) -> dict[str, list[ParticipantName]]:
    """Each meeting's participants, in the order interactions list them (by role)."""
    if not interaction_ids:
        return {}
    rows = session.execute(
        select(Participation.interaction_id, Organization.name, Organization.name_en,
               Organization.name_zh, Person.name, Person.name_en, Person.name_zh)
        .outerjoin(Organization, Organization.id == Participation.organization_id)
        .outerjoin(Person, Person.id == Participation.person_id)
        .where(Participation.interaction_id.in_(sorted(interaction_ids)),
               Participation.deleted_at.is_(None))
        .order_by(Participation.interaction_id, Participation.role, Participation.id)).all()
    found: dict[str, list[ParticipantName]] = {}
    for key, org, org_en, org_zh, person, person_en, person_zh in rows:
        name = (ParticipantName(org, org_en, org_zh) if org is not None
                else ParticipantName(person or "", person_en, person_zh))
        found.setdefault(key, []).append(name)
    return found


def item_records(session: Session, rows: Sequence[ProgrammeItem]) -> list[ItemRecord]:
    names = _participant_names(session, {r.interaction_id for r in rows if r.interaction_id})
    return [ItemRecord(
        id=r.id, visit_id=r.visit_id, day=r.day, starts=r.starts, ends=r.ends, kind=r.kind,
        title=r.title, city=r.city, place=r.place, interaction_id=r.interaction_id,
        participants=tuple(names.get(r.interaction_id or "", ())), notes=r.notes,
        position=r.position, version=r.version) for r in rows]


def _items(session: Session, visit_id: str, day: date | None = None) -> list[ProgrammeItem]:
    statement = select(ProgrammeItem).where(ProgrammeItem.visit_id == visit_id,
                                            ProgrammeItem.deleted_at.is_(None))
    if day is not None:
        statement = statement.where(ProgrammeItem.day == day)
    return list(session.execute(statement.order_by(
        ProgrammeItem.day, ProgrammeItem.position, ProgrammeItem.starts.nulls_last(),
        ProgrammeItem.id)).scalars())


def days_of(session: Session, visit: VisitRecord) -> list[ProgrammeDay]:
    by_day: dict[date, list[ItemRecord]] = {day: [] for day in visit.days()}
    for item in item_records(session, _items(session, visit.id)):
        by_day.setdefault(item.day, []).append(item)
    days = []
    for day in sorted(by_day):
        cities: list[str] = []
        for item in by_day[day]:
            if item.city and item.city not in cities:
                cities.append(item.city)
        days.append(ProgrammeDay(day, tuple(cities), tuple(by_day[day])))
    return days


def visit_details(db: Database, visit_id: str) -> VisitDetails:
    with db.reading() as session:
        visit = visit_records(session, [recording.load(session, registry.VISIT.schema,
                                                       visit_id)])[0]
        return VisitDetails(visit, tuple(members_of(session, visit_id)),
                            tuple(days_of(session, visit)), tuple(gifts_of(session, visit_id)))


# -- items ------------------------------------------------------------------------------------

def _next_position(session: Session, visit_id: str, day: Any) -> int:
    if not isinstance(day, date):
        return 0
    last = session.execute(select(func.max(ProgrammeItem.position)).where(
        ProgrammeItem.visit_id == visit_id, ProgrammeItem.day == day,
        ProgrammeItem.deleted_at.is_(None))).scalar()
    return 0 if last is None else int(last) + 1


def _add(session: Session, visit_id: str, data: Mapping[str, Any], actor: Actor,
         participants: Iterable[Mapping[str, Any]] | None) -> ProgrammeItem:
    """An item at the end of its day; a meeting (`participants` given) with its interaction."""
    values = dict(data)
    kind = values.get("kind") or "meeting"
    probe = recording.validate(session, SCHEMA, {"visit_id": visit_id, **values, "kind": kind})
    if "position" not in data:
        values["position"] = _next_position(session, visit_id, probe["day"])
    if participants is not None:
        if kind not in MEETING_KINDS:
            raise ValidationFailed([Problem("kind", translate(
                "Validation", "Only talks, meetings and briefings have participants."))])
        visit = session.get(Visit, visit_id)
        meeting = interactions.create_in(session, {
            "kind": kind, "title": probe["title"], "start": probe["day"],
            "city": probe.get("city"), "country": visit.country_code if visit else None,
            "participants": list(participants)}, actor)
        values["interaction_id"] = meeting.id
    row: ProgrammeItem = recording.create(session, SCHEMA, {"visit_id": visit_id, **values,
                                                            "kind": kind}, actor)
    return row


def add_item(db: Database, visit_id: str, data: Mapping[str, Any], actor: Actor | None = None,
             *, participants: Iterable[Mapping[str, Any]] | None = None) -> ItemRecord:
    """An item of the programme (`data`: day, title, kind, starts, ends, city, place, notes).
    With `participants` (organization_id or person_id, role), talks, a meeting or a briefing
    is recorded as an interaction too, and each participant must be on a side of the visit."""
    with db.transaction() as session:
        return item_records(session, [_add(session, visit_id, data, actor or Actor(),
                                           participants)])[0]


def update_item(db: Database, item_id: str, changes: Mapping[str, Any], *,
                expected_version: int | None, actor: Actor | None = None) -> ItemRecord:
    """Edit an item; its meeting follows a new title, day or city."""
    actor = actor or Actor()
    with db.transaction() as session:
        row, diff = recording.update(session, SCHEMA, item_id, changes, actor,
                                     expected_version=expected_version)
        _follow(session, row, {name for name, _old, _new in diff}, actor)
        return item_records(session, [row])[0]


def _follow(session: Session, row: ProgrammeItem, changed: set[str], actor: Actor) -> None:
    shared = {SHARED[name]: getattr(row, name) for name in changed if name in SHARED}
    if not row.interaction_id or not shared:
        return
    from db.changes.rows import move_participation_dates

    meeting, diff = recording.update(session, interactions.SCHEMA, row.interaction_id, shared,
                                     actor, expected_version=None)
    if any(name == "start" for name, _old, _new in diff):
        move_participation_dates(session, meeting.id, meeting.start)


def remove_item(db: Database, item_id: str, *, expected_version: int | None = None,
                actor: Actor | None = None) -> None:
    """To the deleted records, with its meeting (which belongs to the programme)."""
    actor = actor or Actor()
    with db.transaction() as session:
        row = recording.load(session, SCHEMA, item_id)
        meeting = row.interaction_id
        recording.soft_delete(session, SCHEMA, item_id, actor, expected_version=expected_version)
        if meeting and not _elsewhere(session, meeting, item_id):
            recording.soft_delete(session, interactions.SCHEMA, meeting, actor,
                                  expected_version=None)


def _elsewhere(session: Session, interaction_id: str, item_id: str) -> bool:
    return session.execute(select(ProgrammeItem.id).where(
        ProgrammeItem.interaction_id == interaction_id, ProgrammeItem.id != item_id,
        ProgrammeItem.deleted_at.is_(None))).first() is not None


def move_item(db: Database, item_id: str, day: date, index: int,
              actor: Actor | None = None) -> list[ItemRecord]:
    """Put an item on `day` (a day of its visit) at `index` among that day's items; the
    day's items are numbered again. Returns the day's items in their new order."""
    actor = actor or Actor()
    with db.transaction() as session:
        row = recording.load(session, SCHEMA, item_id)
        if row.day != day:
            moved, diff = recording.update(session, SCHEMA, item_id, {"day": day}, actor,
                                           expected_version=None)
            _follow(session, moved, {name for name, _o, _n in diff}, actor)
        others = [item for item in _items(session, row.visit_id, day) if item.id != item_id]
        others.insert(max(0, min(index, len(others))), row)
        for position, item in enumerate(others):
            if item.position != position:
                recording.update(session, SCHEMA, item.id, {"position": position}, actor,
                                 expected_version=None)
        return item_records(session, _items(session, row.visit_id, day))


def copy_day(db: Database, visit_id: str, source: date, target: date,
             actor: Actor | None = None) -> list[ItemRecord]:
    """Copy a day's items to another day of the visit, after that day's own items; a copied
    meeting is a new interaction with the same participants (its summary left to write)."""
    actor = actor or Actor()
    with db.transaction() as session:
        originals = _items(session, visit_id, source)
        if not originals:
            raise LiaisonError(translate("Visits", "{day} has no programme items to copy.")
                               .format(day=source.isoformat()))
        for item in originals:
            data = {"day": target, "starts": item.starts, "ends": item.ends, "kind": item.kind,
                    "title": item.title, "city": item.city, "place": item.place,
                    "notes": item.notes}
            _add(session, visit_id, data, actor, _participants(session, item.interaction_id))
        return item_records(session, _items(session, visit_id, target))


def _participants(session: Session, interaction_id: str | None) -> list[dict[str, Any]] | None:
    if not interaction_id:
        return None
    return [{"organization_id": org, "person_id": person, "role": role}
            for org, person, role in session.execute(
                select(Participation.organization_id, Participation.person_id,
                       Participation.role).where(Participation.interaction_id == interaction_id,
                                                 Participation.deleted_at.is_(None)))]


def list_items(db: Database, visit_id: str) -> list[ItemRecord]:
    with db.reading() as session:
        return item_records(session, _items(session, visit_id))


def meeting_visits(session: Session, interaction_ids: Iterable[str]) -> dict[str, str]:
    """For the interactions that are meetings of a visit: interaction id → visit id."""
    wanted = sorted(set(interaction_ids))
    found: dict[str, str] = {}
    for start in range(0, len(wanted), 500):
        for interaction, visit in session.execute(select(
                ProgrammeItem.interaction_id, ProgrammeItem.visit_id).where(
                ProgrammeItem.interaction_id.in_(wanted[start:start + 500]),
                ProgrammeItem.deleted_at.is_(None))):
            if interaction:
                found[interaction] = visit
    return found


# -- an interaction turned into a visit -------------------------------------------------------

VISIT_KINDS = {"inbound_visit": "inbound", "outbound_visit": "outbound"}


@dataclass(frozen=True)
class Converted:
    visit: VisitRecord
    batch_id: str  # the one batch that undoes it all


def visit_from_interaction(db: Database, interaction_id: str,
                           actor: Actor | None = None) -> Converted:
    """An interaction of the kind "inbound visit" or "outbound visit" becomes a visit: its
    title, dates, place, summary (the purpose) and outcomes; its organizations and people
    on the side that received or sent it (the first organization its principal); and itself,
    as talks, the first item of the programme. One batch: one undo takes it all back."""
    actor = actor or Actor()
    with db.transaction() as session:
        meeting = recording.load(session, interactions.SCHEMA, interaction_id)
        if meeting_visits(session, [meeting.id]):
            raise LiaisonError(translate(
                "Visits", "“{title}” is already part of a visit.").format(title=meeting.title))
        direction = VISIT_KINDS.get(meeting.kind)
        if direction is None:
            raise LiaisonError(translate(
                "Visits", "“{title}” is not an inbound or outbound visit, so it cannot be "
                          "turned into one.").format(title=meeting.title))
        # Received: they are the guests; sent: the ones we visited are the hosts.
        side = "guest" if direction == "inbound" else "host"
        taking_part = _participants(session, meeting.id) or []
        organizations = [p["organization_id"] for p in taking_part if p["organization_id"]]
        principal = organizations[0] if organizations else None
        visit = recording.create(session, registry.VISIT.schema, {
            "title": meeting.title, "direction": direction, "status": "done"
            if meeting.start < date.today() else "planned", "start": meeting.start,
            "end": meeting.end, "country": meeting.country_code,
            f"{side}_id": principal, "purpose": meeting.summary,
            "outcomes": meeting.outcomes, "notes": meeting.notes}, actor)
        member = registry.VISIT_MEMBER.schema
        for position, part in enumerate(taking_part):
            if part["organization_id"] == principal and not part["person_id"]:
                continue
            role = {"delegation_head": "head", "deputy_head": "deputy"}.get(part["role"],
                                                                            "member")
            recording.create(session, member, {
                "visit_id": visit.id, "person_id": part["person_id"],
                "organization_id": part["organization_id"], "side": side, "role": role,
                "position": position}, actor)
        recording.update(session, interactions.SCHEMA, meeting.id, {"kind": "talks"}, actor,
                         expected_version=None)
        recording.create(session, SCHEMA, {
            "visit_id": visit.id, "day": meeting.start, "kind": "talks",
            "title": meeting.title, "city": meeting.city, "interaction_id": meeting.id}, actor)
        batch = recording.batch_of_transaction(session, actor)
        return Converted(visit_records(session, [visit])[0], batch)
