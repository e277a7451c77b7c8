"""The rules of a visit that read other records, for the registry's session checks: a
programme item lies within its visit's days, a person is in a visit once (the head is not
also a member), each side has one head, and a meeting's participants are on either side."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Organization, Participation, Person, ProgrammeItem, Visit, VisitMember
from db.models.vocabulary import MEMBER_ROLES, VISIT_SIDES
from db.store.errors import Problem
from db.store.translation import translate


def _span(visit: Visit) -> tuple[date, date]:
    return visit.start, visit.end or visit.start


def item_within_visit(session: Session, values: Mapping[str, Any],
                      record_id: str | None) -> list[Problem]:
    problems: list[Problem] = []
    visit = session.get(Visit, values.get("visit_id"))
    day = values.get("day")
    if visit is not None and day is not None:
        first, last = _span(visit)
        if not first <= day <= last:
            problems.append(Problem("day", translate(
                "Validation", "{day} is outside the visit, which runs from {first} to {last}.")
                .format(day=day.isoformat(), first=first.isoformat(), last=last.isoformat())))
    starts, ends = values.get("starts"), values.get("ends")
    if starts and ends and ends < starts:
        problems.append(Problem("ends", translate(
            "Validation", "The item ends ({ends}) before it starts ({starts}).").format(
            ends=ends, starts=starts)))
    interaction = values.get("interaction_id")
    if visit is not None and interaction:
        problems.extend(meeting_on_the_sides(session, visit.id, interaction))
    return problems


def sides_of(session: Session, visit_id: str) -> set[str]:
    """The ids of everyone and every organization on either side of a visit."""
    visit = session.get(Visit, visit_id)
    found = {i for i in (visit.host_id, visit.guest_id) if i} if visit is not None else set()
    for person, organization in session.execute(
            select(VisitMember.person_id, VisitMember.organization_id).where(
                VisitMember.visit_id == visit_id, VisitMember.deleted_at.is_(None))):
        if person:
            found.add(person)
        if organization:
            found.add(organization)
    return found


def meeting_on_the_sides(session: Session, visit_id: str, interaction_id: str
                         ) -> list[Problem]:
    """A meeting of the programme names only people and organizations of the visit."""
    sides = sides_of(session, visit_id)
    strangers = []
    for organization, person in session.execute(
            select(Participation.organization_id, Participation.person_id).where(
                Participation.interaction_id == interaction_id,
                Participation.deleted_at.is_(None))):
        if (organization or person) not in sides:
            strangers.append(_name(session, organization, person))
    if not strangers:
        return []
    return [Problem("interaction_id", translate(
        "Validation", "{names} take part in this meeting but are on neither side of the visit; "
                      "add them to the guests or the hosts first.").format(
        names=", ".join(sorted(strangers))))]


def _name(session: Session, organization: str | None, person: str | None) -> str:
    model: Any = Organization if organization else Person
    return str(session.execute(select(model.name).where(
        model.id == (organization or person))).scalar() or organization or person)


def someone(values: Mapping[str, Any]) -> list[Problem]:
    """A side's entry names a person, an organization, or both."""
    if values.get("person_id") or values.get("organization_id"):
        return []
    return [Problem("person_id", translate(
        "Validation", "Name a person or an organization for this side of the visit."))]


def member_once(session: Session, values: Mapping[str, Any],
                record_id: str | None) -> list[Problem]:
    visit_id, person = values.get("visit_id"), values.get("person_id")
    if not visit_id:
        return []
    if not person:  # an organization on its own: once per side
        return _organization_once(session, values, record_id)
    others = session.execute(select(VisitMember.id, VisitMember.person_id, VisitMember.role,
                                    VisitMember.side).where(
        VisitMember.visit_id == visit_id, VisitMember.deleted_at.is_(None),
        VisitMember.id != (record_id or ""))).all()
    problems: list[Problem] = []
    for _id, other, role, _side in others:
        if other == person:
            problems.append(Problem("person_id", translate(
                "Validation", "{person} is already in this visit as {role}; a person is in a "
                              "visit once.").format(person=_name(session, None, person),
                                                    role=MEMBER_ROLES[role].label().lower()
                                                    if role in MEMBER_ROLES else role)))
    if values.get("role") == "head":
        side = values.get("side") or "guest"
        for _id, other, role, other_side in others:
            if role == "head" and other_side == side and other != person:
                problems.append(Problem("role", translate(
                    "Validation", "The {side} already have a head of delegation: {person}.")
                    .format(side=VISIT_SIDES[side].label().lower() if side in VISIT_SIDES
                            else side, person=_name(session, None, other))))
    return problems


def _organization_once(session: Session, values: Mapping[str, Any],
                       record_id: str | None) -> list[Problem]:
    if values.get("role") == "head":
        return [Problem("role", translate(
            "Validation", "The head of a delegation is a person; name them."))]
    already = session.execute(select(VisitMember.id).where(
        VisitMember.visit_id == values.get("visit_id"), VisitMember.person_id.is_(None),
        VisitMember.organization_id == values.get("organization_id"),
        VisitMember.side == (values.get("side") or "guest"), VisitMember.deleted_at.is_(None),
        VisitMember.id != (record_id or ""))).first()
    if already is None:
        return []
    return [Problem("organization_id", translate(
        "Validation", "{organization} is already on this side of the visit.").format(
        organization=_name(session, values.get("organization_id"), None)))]


def dates_hold_programme(session: Session, values: Mapping[str, Any],
                         record_id: str | None) -> list[Problem]:
    """New dates of a visit must still hold every item of its programme."""
    start, end = values.get("start"), values.get("end")
    if record_id is None or start is None:
        return []
    last = end or start
    outside = session.execute(select(ProgrammeItem.day).where(
        ProgrammeItem.visit_id == record_id, ProgrammeItem.deleted_at.is_(None),
        (ProgrammeItem.day < start) | (ProgrammeItem.day > last))
        .order_by(ProgrammeItem.day)).scalars().all()
    if not outside:
        return []
    return [Problem("start" if outside[0] < start else "end", translate(
        "Validation", "{count} programme item(s) would fall outside these dates (the first on "
                      "{day}); move them or change the dates.").format(
        count=len(outside), day=outside[0].isoformat()))]
