"""Delegation visits: the visit itself, the people on each side and the gifts, read as one
`VisitDetails`; the programme's days and items are in db/services/programme.py. Every write
goes through the writer (db/changes), so each is logged, versioned and undoable, and the
rules that read other records (db/changes/visit_checks.py) hold on every path."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from db.changes import recording, registry
from db.changes.recording import Actor, Page
from db.models import Gift, Organization, Person, ProgrammeItem, Visit, VisitMember
from db.services.spans import DaySpan
from db.store.engine import Database

SCHEMA = registry.VISIT.schema
MEMBER_SCHEMA = registry.VISIT_MEMBER.schema
GIFT_SCHEMA = registry.GIFT.schema


@dataclass(frozen=True)
class VisitRecord(DaySpan):
    id: str
    title: str
    direction: str
    status: str
    start: date
    end: date | None
    country: str | None
    host_id: str | None
    host_name: str | None
    guest_id: str | None
    guest_name: str | None
    purpose: str | None
    outcomes: str | None
    notes: str | None
    created_at: datetime
    updated_at: datetime
    version: int
    deleted_at: datetime | None


@dataclass(frozen=True)
class MemberRecord:
    id: str
    visit_id: str
    person_id: str | None  # None: an organization on its own
    person_name: str | None
    organization_id: str | None
    organization_name: str | None
    side: str
    role: str
    title: str | None
    position: int
    version: int


@dataclass(frozen=True)
class GiftRecord:
    id: str
    visit_id: str
    direction: str
    description: str
    person_id: str | None
    person_name: str | None
    organization_id: str | None
    organization_name: str | None
    notes: str | None
    version: int


@dataclass(frozen=True)
class VisitFilter:
    """Which visits a list shows; the default is every live one, newest first."""

    direction: str | None = None
    status: str | None = None
    organization_id: str | None = None  # host, guest, or a member's organization
    person_id: str | None = None  # on either side
    text: str | None = None  # in the title
    year: int | None = None  # under way at some time in that year


def _names(session: Session, model: Any, ids: set[str | None]) -> dict[str, str]:
    wanted = {i for i in ids if i}
    if not wanted:
        return {}
    return dict(session.execute(select(model.id, model.name).where(model.id.in_(wanted))).all())


def visit_records(session: Session, rows: list[Visit]) -> list[VisitRecord]:
    orgs = _names(session, Organization, {r.host_id for r in rows} | {r.guest_id for r in rows})
    return [VisitRecord(
        id=r.id, title=r.title, direction=r.direction, status=r.status, start=r.start,
        end=r.end, country=r.country_code, host_id=r.host_id,
        host_name=orgs.get(r.host_id or ""), guest_id=r.guest_id,
        guest_name=orgs.get(r.guest_id or ""), purpose=r.purpose, outcomes=r.outcomes,
        notes=r.notes, created_at=r.created_at, updated_at=r.updated_at, version=r.version,
        deleted_at=r.deleted_at) for r in rows]


def member_records(session: Session, rows: list[VisitMember]) -> list[MemberRecord]:
    people = _names(session, Person, {r.person_id for r in rows})
    orgs = _names(session, Organization, {r.organization_id for r in rows})
    return [MemberRecord(
        id=r.id, visit_id=r.visit_id, person_id=r.person_id,
        person_name=people.get(r.person_id or ""),
        organization_id=r.organization_id, organization_name=orgs.get(r.organization_id or ""),
        side=r.side, role=r.role, title=r.title, position=r.position, version=r.version)
        for r in rows]


def gift_records(session: Session, rows: list[Gift]) -> list[GiftRecord]:
    people = _names(session, Person, {r.person_id for r in rows})
    orgs = _names(session, Organization, {r.organization_id for r in rows})
    return [GiftRecord(
        id=r.id, visit_id=r.visit_id, direction=r.direction, description=r.description,
        person_id=r.person_id, person_name=people.get(r.person_id or ""),
        organization_id=r.organization_id, organization_name=orgs.get(r.organization_id or ""),
        notes=r.notes, version=r.version) for r in rows]


# Heads first, then deputies, members, interpreters, staff; then as the user ordered them.
ROLE_ORDER = {"head": 0, "deputy": 1, "member": 2, "interpreter": 3, "staff": 4}


def members_of(session: Session, visit_id: str) -> list[MemberRecord]:
    rows = list(session.execute(select(VisitMember).where(
        VisitMember.visit_id == visit_id, VisitMember.deleted_at.is_(None))).scalars())
    records = member_records(session, rows)
    return sorted(records, key=lambda m: (m.side != "guest", ROLE_ORDER.get(m.role, 9),
                                          m.position, m.person_name or m.organization_name
                                          or ""))


def gifts_of(session: Session, visit_id: str) -> list[GiftRecord]:
    rows = list(session.execute(select(Gift).where(
        Gift.visit_id == visit_id, Gift.deleted_at.is_(None)).order_by(
        Gift.direction, Gift.created_at, Gift.id)).scalars())
    return gift_records(session, rows)


# -- visits ---------------------------------------------------------------------------------

def create_visit(db: Database, data: Mapping[str, Any], actor: Actor | None = None,
                 *, record_id: str | None = None) -> VisitRecord:
    with db.transaction() as session:
        row = recording.create(session, SCHEMA, data, actor or Actor(), record_id=record_id)
        return visit_records(session, [row])[0]


def update_visit(db: Database, visit_id: str, changes: Mapping[str, Any], *,
                 expected_version: int | None, actor: Actor | None = None) -> VisitRecord:
    with db.transaction() as session:
        row, _ = recording.update(session, SCHEMA, visit_id, changes, actor or Actor(),
                                  expected_version=expected_version)
        return visit_records(session, [row])[0]


def delete_visit(db: Database, visit_id: str, *, expected_version: int | None = None,
                 actor: Actor | None = None) -> None:
    """To the deleted records; its members, programme and gifts stay with it, to come back
    with it."""
    with db.transaction() as session:
        recording.soft_delete(session, SCHEMA, visit_id, actor or Actor(),
                              expected_version=expected_version)


def restore_visit(db: Database, visit_id: str, actor: Actor | None = None) -> VisitRecord:
    with db.transaction() as session:
        return visit_records(session, [recording.restore(session, SCHEMA, visit_id,
                                                         actor or Actor())])[0]


def get_visit(db: Database, visit_id: str, *, include_deleted: bool = False) -> VisitRecord:
    with db.reading() as session:
        row = recording.load(session, SCHEMA, visit_id, include_deleted=include_deleted)
        return visit_records(session, [row])[0]


def filtered(filters: VisitFilter) -> Select[Any]:
    statement = select(Visit).where(Visit.deleted_at.is_(None))
    if filters.direction:
        statement = statement.where(Visit.direction == filters.direction)
    if filters.status:
        statement = statement.where(Visit.status == filters.status)
    if filters.organization_id:
        org = filters.organization_id
        statement = statement.where(or_(
            Visit.host_id == org, Visit.guest_id == org,
            Visit.id.in_(select(VisitMember.visit_id).where(
                VisitMember.organization_id == org, VisitMember.deleted_at.is_(None)))))
    if filters.person_id:
        statement = statement.where(Visit.id.in_(select(VisitMember.visit_id).where(
            VisitMember.person_id == filters.person_id, VisitMember.deleted_at.is_(None))))
    if filters.text:
        statement = statement.where(func.lower(Visit.title).contains(filters.text.lower()))
    if filters.year:
        statement = statement.where(
            Visit.start <= date(filters.year, 12, 31),
            func.coalesce(Visit.end, Visit.start) >= date(filters.year, 1, 1))
    return statement


# What a list of visits may be sorted by; the start date breaks ties.
SORTS: Mapping[str, Any] = {"start": Visit.start, "title": func.lower(Visit.title),
                            "direction": Visit.direction, "status": Visit.status,
                            "country": Visit.country_code}


def list_visits(db: Database, filters: VisitFilter | None = None, *, offset: int = 0,
                limit: int = 100, sort: str | None = None,
                descending: bool = True) -> Page[VisitRecord]:
    """Visits, the latest first (or by `sort`, one of SORTS)."""
    statement = filtered(filters or VisitFilter())
    key = SORTS.get(sort or "start", Visit.start)
    order = [key.desc() if descending else key.asc()]
    if key is not Visit.start:
        order.append(Visit.start.desc())
    order.append(Visit.id.desc() if descending else Visit.id.asc())
    with db.reading() as session:
        total = session.execute(select(func.count()).select_from(statement.subquery())).scalar_one()
        rows = list(session.execute(statement.order_by(*order)
                                    .offset(offset).limit(limit)).scalars())
        return Page(tuple(visit_records(session, rows)), int(total), offset, limit)


def visit_years(db: Database) -> list[int]:
    """The years in which live visits start, the latest first (a list's year filter)."""
    with db.reading() as session:
        starts = session.execute(select(Visit.start).where(Visit.deleted_at.is_(None))
                                 .distinct()).scalars()
        return sorted({day.year for day in starts}, reverse=True)


def programme_counts(db: Database, visit_ids: list[str]) -> dict[str, int]:
    """How many live programme items each visit has (a visit without any is left out)."""
    if not visit_ids:
        return {}
    with db.reading() as session:
        return {visit: int(count) for visit, count in session.execute(
            select(ProgrammeItem.visit_id, func.count()).where(
                ProgrammeItem.visit_id.in_(visit_ids), ProgrammeItem.deleted_at.is_(None))
            .group_by(ProgrammeItem.visit_id))}


# -- the people on each side ------------------------------------------------------------------

def add_member(db: Database, visit_id: str, data: Mapping[str, Any],
               actor: Actor | None = None) -> MemberRecord:
    """A person joins a side of the visit (`data`: person_id, side, role, organization_id,
    title). Their organization and title default to the current position they hold."""
    with db.transaction() as session:
        values = {"visit_id": visit_id, **data}
        if not values.get("organization_id") or not values.get("title"):
            values = {**_current_position(session, values.get("person_id")), **values}
        if "position" not in values:
            values["position"] = session.execute(select(func.count()).select_from(
                VisitMember).where(VisitMember.visit_id == visit_id)).scalar_one()
        row = recording.create(session, MEMBER_SCHEMA, values, actor or Actor())
        return member_records(session, [row])[0]


def _current_position(session: Session, person_id: Any) -> dict[str, Any]:
    from db.models import Affiliation

    if not person_id:
        return {}
    found = session.execute(select(Affiliation.organization_id, Affiliation.role).where(
        Affiliation.person_id == str(person_id), Affiliation.deleted_at.is_(None),
        Affiliation.end.is_(None)).order_by(Affiliation.start.desc().nulls_last())).first()
    if found is None:
        return {}
    return {"organization_id": found[0], "title": found[1]}


def update_member(db: Database, member_id: str, changes: Mapping[str, Any], *,
                  expected_version: int | None, actor: Actor | None = None) -> MemberRecord:
    with db.transaction() as session:
        row, _ = recording.update(session, MEMBER_SCHEMA, member_id, changes, actor or Actor(),
                                  expected_version=expected_version)
        return member_records(session, [row])[0]


def remove_member(db: Database, member_id: str, *, expected_version: int | None = None,
                  actor: Actor | None = None) -> None:
    with db.transaction() as session:
        recording.soft_delete(session, MEMBER_SCHEMA, member_id, actor or Actor(),
                              expected_version=expected_version)


def restore_member(db: Database, member_id: str, actor: Actor | None = None) -> MemberRecord:
    with db.transaction() as session:
        return member_records(session, [recording.restore(session, MEMBER_SCHEMA, member_id,
                                                          actor or Actor())])[0]


def list_members(db: Database, visit_id: str) -> list[MemberRecord]:
    with db.reading() as session:
        return members_of(session, visit_id)


# -- gifts ----------------------------------------------------------------------------------

def add_gift(db: Database, visit_id: str, data: Mapping[str, Any],
             actor: Actor | None = None) -> GiftRecord:
    with db.transaction() as session:
        row = recording.create(session, GIFT_SCHEMA, {"visit_id": visit_id, **data},
                               actor or Actor())
        return gift_records(session, [row])[0]


def update_gift(db: Database, gift_id: str, changes: Mapping[str, Any], *,
                expected_version: int | None, actor: Actor | None = None) -> GiftRecord:
    with db.transaction() as session:
        row, _ = recording.update(session, GIFT_SCHEMA, gift_id, changes, actor or Actor(),
                                  expected_version=expected_version)
        return gift_records(session, [row])[0]


def remove_gift(db: Database, gift_id: str, *, expected_version: int | None = None,
                actor: Actor | None = None) -> None:
    with db.transaction() as session:
        recording.soft_delete(session, GIFT_SCHEMA, gift_id, actor or Actor(),
                              expected_version=expected_version)


def restore_gift(db: Database, gift_id: str, actor: Actor | None = None) -> GiftRecord:
    with db.transaction() as session:
        return gift_records(session, [recording.restore(session, GIFT_SCHEMA, gift_id,
                                                        actor or Actor())])[0]


def list_gifts(db: Database, visit_id: str) -> list[GiftRecord]:
    with db.reading() as session:
        return gifts_of(session, visit_id)


def programme_count(session: Session, visit_id: str) -> int:
    return int(session.execute(select(func.count()).select_from(ProgrammeItem).where(
        ProgrammeItem.visit_id == visit_id, ProgrammeItem.deleted_at.is_(None))).scalar_one())
