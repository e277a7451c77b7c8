"""The events an organization or a person was part of — invited, replied, attended, in whose
delegation — for the Events tab of their pages and their timelines."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session, aliased

from db.models import Delegate, Event, Invitation, Organization, Person
from db.store.engine import Database


@dataclass(frozen=True)
class EventPart:
    """One event, as one organization or person took part in it."""

    event_id: str
    name: str
    series: str | None
    edition: int | None
    mechanism: str
    start: date
    end: date | None
    city: str | None
    country: str | None
    online: bool
    invitation_id: str
    reply: str
    attendance: str
    invitee: str  # who the invitation names: the organization, or the person on their own
    role: str | None  # a person's role in the delegation ("head"), if they were in one
    title: str | None  # and their title at the time

    @property
    def attended(self) -> bool:
        return self.attendance == "attended"


def _part(event: Event, invitation: Invitation, invitee: str, role: str | None = None,
          title: str | None = None) -> EventPart:
    return EventPart(
        event_id=event.id, name=event.name, series=event.series, edition=event.edition,
        mechanism=event.mechanism, start=event.start, end=event.end, city=event.city,
        country=event.country_code, online=bool(event.online), invitation_id=invitation.id,
        reply=invitation.reply, attendance=invitation.attendance, invitee=invitee, role=role,
        title=title)


def _live() -> ColumnElement[bool]:
    return and_(Invitation.deleted_at.is_(None), Event.deleted_at.is_(None))


def parts_of_organization(session: Session, organization_id: str) -> list[EventPart]:
    rows = session.execute(
        select(Event, Invitation, Organization.name)
        .join(Invitation, Invitation.event_id == Event.id)
        .join(Organization, Organization.id == Invitation.organization_id)
        .where(Invitation.organization_id == organization_id, _live())
        .order_by(Event.start.desc(), Event.id)).all()
    return [_part(event, invitation, name) for event, invitation, name in rows]


def parts_of_person(session: Session, person_id: str) -> list[EventPart]:
    """Invited by name, or in the delegation an invitation brought (with the role)."""
    sender = aliased(Organization)
    invited = aliased(Person)
    rows = session.execute(
        select(Event, Invitation, Delegate.role, Delegate.title, sender.name, invited.name)
        .join(Invitation, Invitation.event_id == Event.id)
        .outerjoin(Delegate, (Delegate.invitation_id == Invitation.id)
                   & (Delegate.person_id == person_id) & Delegate.deleted_at.is_(None))
        .outerjoin(sender, sender.id == Invitation.organization_id)
        .outerjoin(invited, invited.id == Invitation.person_id)
        .where(or_(Invitation.person_id == person_id, Delegate.id.is_not(None)),
               _live())
        .order_by(Event.start.desc(), Event.id)).all()
    return [_part(event, invitation, sender_name or invited_name or "", role, title)
            for event, invitation, role, title, sender_name, invited_name in rows]


def events_of(db: Database, *, organization_id: str | None = None,
              person_id: str | None = None) -> list[EventPart]:
    """The events an organization was invited to, or a person was part of, the latest
    first."""
    with db.reading() as session:
        if organization_id:
            return parts_of_organization(session, organization_id)
        if person_id:
            return parts_of_person(session, person_id)
        return []
