"""Who was invited to an event, by whom and when, what they replied, whether they came and the
delegation each brought. A list of 250 parties becomes 250 invitations in one transaction
(`invite_many`); attendance recorded for someone not invited is refused with an offer to add the
invitation (`NotInvited`), so the invitation list stays the record of who was asked."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from db.changes import recording
from db.changes.recording import Actor, Page
from db.changes.registry_events import DELEGATE, INVITATION
from db.models import Affiliation, Country, Delegate, Invitation, Organization, Person
from db.models.folding import name_matches
from db.store.engine import Database
from db.store.errors import LiaisonError, Problem, ValidationFailed
from db.store.translation import translate

SCHEMA = INVITATION.schema
DELEGATE_SCHEMA = DELEGATE.schema


class NotInvited(LiaisonError):
    """Attendance recorded for an organization or a person the event did not invite: the
    screen offers to add the invitation (`record_attendance(..., invite=True)`)."""

    def __init__(self, name: str) -> None:
        super().__init__(translate(
            "Events", "{name} is not on the invitation list of this event. Add the invitation "
                      "and record the attendance?").format(name=name))
        self.name = name


@dataclass(frozen=True)
class InvitationRecord:
    id: str
    event_id: str
    organization_id: str | None
    organization_name: str | None
    person_id: str | None
    person_name: str | None
    country: str | None  # the organization's country, else the person's nationality
    invited_by: str | None
    invited_on: date | None
    reply: str
    replied_on: date | None
    attendance: str
    delegation_size: int | None  # as recorded; see `size`
    delegates: int  # named delegates
    head_name: str | None
    notes: str | None
    version: int

    @property
    def invitee(self) -> str:
        return self.organization_name or self.person_name or ""

    @property
    def size(self) -> int:
        """How many the delegation counted: the size recorded, else the named delegates."""
        return self.delegation_size if self.delegation_size is not None else self.delegates


@dataclass(frozen=True)
class DelegateRecord:
    id: str
    invitation_id: str
    person_id: str
    person_name: str
    role: str
    title: str | None
    version: int


@dataclass(frozen=True)
class InvitationFilter:
    reply: str | None = None
    attendance: str | None = None
    text: str | None = None  # in any of the invitee's names, as the lists' filters match
    region: str | None = None


# -- reading ----------------------------------------------------------------------------------

# The sort key of the name shown in each preferred script (db/models/folding.py sort_keys).
SORT_KEYS = {"original": "sort_original", "en": "sort_en", "zh": "sort_zh"}


def invitation_records(session: Session, rows: Sequence[Invitation]) -> list[InvitationRecord]:
    ids = [r.id for r in rows]
    orgs = {i: (name, code) for i, name, code in session.execute(select(
        Organization.id, Organization.name, Organization.country_code).where(
        Organization.id.in_({r.organization_id for r in rows if r.organization_id})))}
    people = {i: (name, code) for i, name, code in session.execute(select(
        Person.id, Person.name, Person.nationality).where(
        Person.id.in_({r.person_id for r in rows if r.person_id})))}
    counts: dict[str, int] = {}
    heads: dict[str, str] = {}
    if ids:
        counts = dict(session.execute(select(Delegate.invitation_id, func.count()).where(
            Delegate.invitation_id.in_(ids), Delegate.deleted_at.is_(None)).group_by(
            Delegate.invitation_id)).all())
        heads = dict(session.execute(select(Delegate.invitation_id, Person.name).join(
            Person, Person.id == Delegate.person_id).where(
            Delegate.invitation_id.in_(ids), Delegate.deleted_at.is_(None),
            Delegate.role == "head")).all())
    records = []
    for r in rows:
        org = orgs.get(r.organization_id or "")
        person = people.get(r.person_id or "")
        records.append(InvitationRecord(
            id=r.id, event_id=r.event_id, organization_id=r.organization_id,
            organization_name=org[0] if org else None, person_id=r.person_id,
            person_name=person[0] if person else None,
            country=(org[1] if org else None) or (person[1] if person else None),
            invited_by=r.invited_by, invited_on=r.invited_on, reply=r.reply,
            replied_on=r.replied_on, attendance=r.attendance,
            delegation_size=r.delegation_size, delegates=int(counts.get(r.id, 0)),
            head_name=heads.get(r.id), notes=r.notes, version=r.version))
    return records


def filtered(event_id: str, filters: InvitationFilter) -> Select[Any]:
    statement = (select(Invitation)
                 .outerjoin(Organization, Organization.id == Invitation.organization_id)
                 .outerjoin(Person, Person.id == Invitation.person_id)
                 .where(Invitation.event_id == event_id, Invitation.deleted_at.is_(None)))
    if filters.reply:
        statement = statement.where(Invitation.reply == filters.reply)
    if filters.attendance:
        statement = statement.where(Invitation.attendance == filters.attendance)
    if filters.text:
        statement = statement.where(or_(name_matches(Organization.search_text, filters.text),
                                        name_matches(Person.search_text, filters.text)))
    if filters.region:
        codes = select(Country.code).where(Country.region == filters.region)
        statement = statement.where(or_(Organization.country_code.in_(codes),
                                        Invitation.organization_id.is_(None)
                                        & Person.nationality.in_(codes)))
    return statement


def list_invitations(db: Database, event_id: str, filters: InvitationFilter | None = None, *,
                     offset: int = 0, limit: int = 500, names: str = "original"
                     ) -> Page[InvitationRecord]:
    """An event's invitations by the invitee's name as shown: `names` is the preferred script
    ("original", "en", "zh"; Chinese by pinyin), as in the organizations list."""
    statement = filtered(event_id, filters or InvitationFilter())
    key = SORT_KEYS.get(names, SORT_KEYS["original"])
    with db.reading() as session:
        total = session.execute(select(func.count()).select_from(statement.subquery())).scalar_one()
        rows = list(session.execute(statement.order_by(
            func.coalesce(getattr(Organization, key), getattr(Person, key),
                          Organization.name, Person.name), Invitation.id)
            .offset(offset).limit(limit)).scalars())
        return Page(tuple(invitation_records(session, rows)), int(total), offset, limit)


def get_invitation(db: Database, invitation_id: str) -> InvitationRecord:
    with db.reading() as session:
        return invitation_records(session, [recording.load(session, SCHEMA, invitation_id)])[0]


def find_invitation(session: Session, event_id: str, *, organization_id: str | None = None,
                    person_id: str | None = None) -> Invitation | None:
    """The invitation that covers an organization, or a person — invited on their own or
    through the organization whose delegation they were in."""
    live = [Invitation.event_id == event_id, Invitation.deleted_at.is_(None)]
    if organization_id:
        return session.execute(select(Invitation).where(
            *live, Invitation.organization_id == organization_id)).scalars().first()
    if person_id:
        found = session.execute(select(Invitation).where(
            *live, Invitation.person_id == person_id)).scalars().first()
        if found is None:
            found = session.execute(select(Invitation).join(
                Delegate, Delegate.invitation_id == Invitation.id).where(
                *live, Delegate.person_id == person_id, Delegate.deleted_at.is_(None))
            ).scalars().first()
        return found
    return None


# -- writing ----------------------------------------------------------------------------------

def invite(db: Database, event_id: str, data: Mapping[str, Any],
           actor: Actor | None = None) -> InvitationRecord:
    """Invite an organization or a person (`data`: organization_id, person_id, invited_by,
    invited_on, reply, …)."""
    with db.transaction() as session:
        row = recording.create(session, SCHEMA, {"event_id": event_id, **data},
                               actor or Actor())
        return invitation_records(session, [row])[0]


def invite_many(db: Database, event_id: str, rows: Sequence[Mapping[str, Any]],
                actor: Actor | None = None) -> list[InvitationRecord]:
    """Many invitations at once, all or none: every row's problems are reported together,
    each field prefixed with its row number ("3: organization_id")."""
    actor = actor or Actor()
    with db.transaction() as session:
        created: list[Invitation] = []
        problems: list[Problem] = []
        for number, data in enumerate(rows, start=1):
            try:  # validation comes before anything is added: a refused row leaves nothing
                created.append(recording.create(session, SCHEMA,
                                                {"event_id": event_id, **data}, actor))
            except ValidationFailed as exc:
                problems.extend(Problem(f"{number}: {p.field}", p.message)
                                for p in exc.problems)
        if problems:
            raise ValidationFailed(problems)
        return invitation_records(session, created)


def update_invitation(db: Database, invitation_id: str, changes: Mapping[str, Any], *,
                      expected_version: int | None, actor: Actor | None = None
                      ) -> InvitationRecord:
    with db.transaction() as session:
        row, _ = recording.update(session, SCHEMA, invitation_id, changes, actor or Actor(),
                                  expected_version=expected_version)
        return invitation_records(session, [row])[0]


def record_reply(db: Database, invitation_id: str, reply: str, *,
                 replied_on: date | None = None, expected_version: int | None = None,
                 actor: Actor | None = None) -> InvitationRecord:
    """The invitee's reply, dated today unless told otherwise; a reply after the event is
    over is refused (record attendance instead)."""
    changes: dict[str, Any] = {"reply": reply}
    if reply != "none":
        changes["replied_on"] = replied_on or date.today()
    else:
        changes["replied_on"] = None
    return update_invitation(db, invitation_id, changes, expected_version=expected_version,
                             actor=actor)


def record_attendance(db: Database, event_id: str, attendance: str = "attended", *,
                      organization_id: str | None = None, person_id: str | None = None,
                      invite: bool = False, actor: Actor | None = None) -> InvitationRecord:
    """Whether the organization or person came. Someone not invited raises NotInvited, unless
    `invite` adds the invitation (marked as added on the day) with the attendance."""
    actor = actor or Actor()
    with db.transaction() as session:
        found = find_invitation(session, event_id, organization_id=organization_id,
                                person_id=person_id)
        if found is None:
            if not invite:
                model: Any = Organization if organization_id else Person
                name = session.execute(select(model.name).where(
                    model.id == (organization_id or person_id))).scalar()
                raise NotInvited(str(name or organization_id or person_id))
            row = recording.create(session, SCHEMA, {
                "event_id": event_id, "organization_id": organization_id,
                "person_id": None if organization_id else person_id,
                "attendance": attendance, "notes": translate(
                    "Events", "Added when the attendance was recorded.")}, actor)
            if organization_id and person_id:
                recording.create(session, DELEGATE_SCHEMA, {
                    "invitation_id": row.id, "person_id": person_id,
                    **_current_title(session, person_id)}, actor)
        else:
            row, _ = recording.update(session, SCHEMA, found.id, {"attendance": attendance},
                                      actor, expected_version=None)
        return invitation_records(session, [row])[0]


def remove_invitation(db: Database, invitation_id: str, *,
                      expected_version: int | None = None, actor: Actor | None = None) -> None:
    with db.transaction() as session:
        recording.soft_delete(session, SCHEMA, invitation_id, actor or Actor(),
                              expected_version=expected_version)


# -- delegations ------------------------------------------------------------------------------

ROLE_ORDER = {"head": 0, "deputy": 1, "member": 2, "interpreter": 3, "staff": 4}


def delegate_records(session: Session, rows: Sequence[Delegate]) -> list[DelegateRecord]:
    names = dict(session.execute(select(Person.id, Person.name).where(
        Person.id.in_({r.person_id for r in rows}))).all()) if rows else {}
    return [DelegateRecord(id=r.id, invitation_id=r.invitation_id, person_id=r.person_id,
                           person_name=names.get(r.person_id, r.person_id), role=r.role,
                           title=r.title, version=r.version) for r in rows]


def delegates_of(session: Session, invitation_id: str) -> list[DelegateRecord]:
    rows = list(session.execute(select(Delegate).where(
        Delegate.invitation_id == invitation_id, Delegate.deleted_at.is_(None))).scalars())
    return sorted(delegate_records(session, rows),
                  key=lambda d: (ROLE_ORDER.get(d.role, 9), d.person_name.casefold()))


def list_delegates(db: Database, invitation_id: str) -> list[DelegateRecord]:
    with db.reading() as session:
        return delegates_of(session, invitation_id)


def _current_title(session: Session, person_id: str) -> dict[str, Any]:
    role = session.execute(select(Affiliation.role).where(
        Affiliation.person_id == person_id, Affiliation.deleted_at.is_(None),
        Affiliation.end.is_(None)).order_by(Affiliation.start.desc().nulls_last())
        .limit(1)).scalar()
    return {"title": role} if role else {}


def add_delegate(db: Database, invitation_id: str, data: Mapping[str, Any],
                 actor: Actor | None = None) -> DelegateRecord:
    """A person joins the delegation an invitation brought (`data`: person_id, role, title);
    their title defaults to the position they hold now."""
    with db.transaction() as session:
        values = {"invitation_id": invitation_id, **data}
        if not values.get("title") and values.get("person_id"):
            values = {**_current_title(session, str(values["person_id"])), **values}
            if not values.get("title"):
                values.pop("title", None)
        row = recording.create(session, DELEGATE_SCHEMA, values, actor or Actor())
        return delegate_records(session, [row])[0]


def update_delegate(db: Database, delegate_id: str, changes: Mapping[str, Any], *,
                    expected_version: int | None, actor: Actor | None = None) -> DelegateRecord:
    with db.transaction() as session:
        row, _ = recording.update(session, DELEGATE_SCHEMA, delegate_id, changes,
                                  actor or Actor(), expected_version=expected_version)
        return delegate_records(session, [row])[0]


def remove_delegate(db: Database, delegate_id: str, *, expected_version: int | None = None,
                    actor: Actor | None = None) -> None:
    with db.transaction() as session:
        recording.soft_delete(session, DELEGATE_SCHEMA, delegate_id, actor or Actor(),
                              expected_version=expected_version)



# -- several at once (the invitation list's actions and their undo) ----------------------------

def update_invitations(db: Database, changes: Mapping[str, Mapping[str, Any]],
                       actor: Actor | None = None) -> list[InvitationRecord]:
    """Change several invitations in one transaction (`changes`: invitation id → fields), all
    or none: every refused row's problems come together, each message led by the invitee's
    name."""
    actor = actor or Actor()
    with db.transaction() as session:
        saved: list[Invitation] = []
        problems: list[Problem] = []
        for invitation_id, fields in changes.items():
            try:
                row, _ = recording.update(session, SCHEMA, invitation_id, fields, actor,
                                          expected_version=None)
                saved.append(row)
            except ValidationFailed as exc:
                name = invitation_records(session, [recording.load(
                    session, SCHEMA, invitation_id)])[0].invitee
                problems.extend(Problem(p.field, f"{name}: {p.message}") for p in exc.problems)
        if problems:
            raise ValidationFailed(problems)
        return invitation_records(session, saved)


def remove_invitations(db: Database, invitation_ids: Sequence[str],
                       actor: Actor | None = None) -> None:
    """Several invitations to the deleted records in one transaction (the undo of
    `invite_many`, or the list's Remove)."""
    actor = actor or Actor()
    with db.transaction() as session:
        for invitation_id in invitation_ids:
            recording.soft_delete(session, SCHEMA, invitation_id, actor, expected_version=None)


def restore_invitations(db: Database, invitation_ids: Sequence[str],
                        actor: Actor | None = None) -> list[InvitationRecord]:
    actor = actor or Actor()
    with db.transaction() as session:
        return invitation_records(session, [recording.restore(session, SCHEMA, invitation_id,
                                                              actor)
                                            for invitation_id in invitation_ids])


def restore_delegate(db: Database, delegate_id: str, actor: Actor | None = None
                     ) -> DelegateRecord:
    """A removed delegate back in the delegation (undo)."""
    with db.transaction() as session:
        return delegate_records(session, [recording.restore(session, DELEGATE_SCHEMA,
                                                            delegate_id, actor or Actor())])[0]


def invitation_for(db: Database, event_id: str, *, organization_id: str | None = None,
                   person_id: str | None = None) -> InvitationRecord | None:
    """The invitation that covers an organization or a person (as record_attendance finds
    it), so a screen can remember what it was before changing it."""
    with db.reading() as session:
        found = find_invitation(session, event_id, organization_id=organization_id,
                                person_id=person_id)
        return invitation_records(session, [found])[0] if found is not None else None
