"""The rules of a multilateral event that read other records, for the registry's session checks:
a session lies within its event's days; an organization or a person is invited once; a reply
does not come after the event is over, nor attendance before it begins; a delegation's head
belongs to the organization that sent it, and a person is in a delegation once."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Affiliation, Delegate, Event, EventSession, Invitation, Organization, Person
from db.store.errors import Problem
from db.store.translation import translate


def _span(event: Event) -> tuple[date, date]:
    return event.start, event.end or event.start


def _name(session: Session, model: Any, record_id: str | None) -> str:
    if not record_id:
        return ""
    return str(session.execute(select(model.name).where(model.id == record_id)).scalar()
               or record_id)


def someone_invited(values: Mapping[str, Any]) -> list[Problem]:
    if values.get("person_id") or values.get("organization_id"):
        return []
    return [Problem("organization_id", translate(
        "Validation", "Name the organization or the person invited."))]


def session_within_event(session: Session, values: Mapping[str, Any],
                         record_id: str | None) -> list[Problem]:
    problems: list[Problem] = []
    event = session.get(Event, values.get("event_id"))
    day = values.get("day")
    if event is not None and day is not None:
        first, last = _span(event)
        if not first <= day <= last:
            problems.append(Problem("day", translate(
                "Validation", "{day} is outside the event, which runs from {first} to {last}.")
                .format(day=day.isoformat(), first=first.isoformat(), last=last.isoformat())))
    starts, ends = values.get("starts"), values.get("ends")
    if starts and ends and ends < starts:
        problems.append(Problem("ends", translate(
            "Validation", "The session ends ({ends}) before it starts ({starts}).").format(
            ends=ends, starts=starts)))
    return problems


def dates_hold_sessions(session: Session, values: Mapping[str, Any],
                        record_id: str | None) -> list[Problem]:
    """New dates of an event must still hold every session of its programme."""
    start, end = values.get("start"), values.get("end")
    if record_id is None or start is None:
        return []
    last = end or start
    outside = session.execute(select(EventSession.day).where(
        EventSession.event_id == record_id, EventSession.deleted_at.is_(None),
        (EventSession.day < start) | (EventSession.day > last))
        .order_by(EventSession.day)).scalars().all()
    if not outside:
        return []
    return [Problem("start" if outside[0] < start else "end", translate(
        "Validation", "{count} session(s) would fall outside these dates (the first on {day}); "
                      "move them or change the dates.").format(
        count=len(outside), day=outside[0].isoformat()))]


def invitation_rules(session: Session, values: Mapping[str, Any],
                     record_id: str | None) -> list[Problem]:
    event = session.get(Event, values.get("event_id"))
    if event is None:
        return []
    problems: list[Problem] = []
    organization, person = values.get("organization_id"), values.get("person_id")
    # Invited once: an organization once (whoever it sends), a person on their own once.
    clash = select(Invitation.id).where(
        Invitation.event_id == event.id, Invitation.deleted_at.is_(None),
        Invitation.id != (record_id or ""))
    if organization:
        clash = clash.where(Invitation.organization_id == organization)
    else:
        clash = clash.where(Invitation.organization_id.is_(None),
                            Invitation.person_id == person)
    if session.execute(clash.limit(1)).first() is not None:
        problems.append(Problem("organization_id" if organization else "person_id", translate(
            "Validation", "{name} is already invited to this event.").format(
            name=_name(session, Organization, organization) if organization
            else _name(session, Person, person))))
    first, last = _span(event)
    replied = values.get("replied_on")
    if replied is not None and values.get("reply", "none") != "none" and replied > last:
        problems.append(Problem("replied_on", translate(
            "Validation", "The event was over on {last}; a reply dated {day} came after it. "
                          "Record whether they attended instead.").format(
            last=last.isoformat(), day=replied.isoformat())))
    invited = values.get("invited_on")
    if invited is not None and invited > last:
        problems.append(Problem("invited_on", translate(
            "Validation", "The invitation is dated {day}, after the event ended on {last}.")
            .format(day=invited.isoformat(), last=last.isoformat())))
    if values.get("attendance") in ("attended", "absent") and first > date.today():
        problems.append(Problem("attendance", translate(
            "Validation", "The event begins on {first}: attendance can be recorded once it "
                          "has begun.").format(first=first.isoformat())))
    return problems


def delegate_rules(session: Session, values: Mapping[str, Any],
                   record_id: str | None) -> list[Problem]:
    invitation = session.get(Invitation, values.get("invitation_id"))
    person = values.get("person_id")
    if invitation is None or not person:
        return []
    problems: list[Problem] = []
    others = session.execute(select(Delegate.person_id, Delegate.role).where(
        Delegate.invitation_id == invitation.id, Delegate.deleted_at.is_(None),
        Delegate.id != (record_id or ""))).all()
    if any(other == person for other, _role in others):
        problems.append(Problem("person_id", translate(
            "Validation", "{person} is already in this delegation.").format(
            person=_name(session, Person, person))))
    if values.get("role") == "head":
        head = next((other for other, role in others if role == "head"), None)
        if head is not None:
            problems.append(Problem("role", translate(
                "Validation", "This delegation already has a head: {person}.").format(
                person=_name(session, Person, head))))
        problems.extend(_head_of_the_sender(session, invitation, person))
    return problems


def _head_of_the_sender(session: Session, invitation: Invitation, person: str) -> list[Problem]:
    """A delegation's head holds a position in the organization that sends it, when the
    office knows any of the person's positions at the time of the event."""
    if not invitation.organization_id:
        return []
    event = session.get(Event, invitation.event_id)
    on = event.start if event is not None else date.today()
    positions = session.execute(select(Affiliation.organization_id).where(
        Affiliation.person_id == person, Affiliation.deleted_at.is_(None),
        (Affiliation.start.is_(None)) | (Affiliation.start <= on),
        (Affiliation.end.is_(None)) | (Affiliation.end >= on))).scalars().all()
    if not positions or invitation.organization_id in positions:
        return []
    return [Problem("person_id", translate(
        "Validation", "{person} holds a position in {other}, not in {sender}, which sends this "
                      "delegation; a delegation's head comes from the organization invited.")
        .format(person=_name(session, Person, person),
                other=_name(session, Organization, positions[0]),
                sender=_name(session, Organization, invitation.organization_id)))]
