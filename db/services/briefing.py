"""A visit's briefing pack, read as one tree of plain values for the desktop to print: the
visit, its delegations and its programme by day, and a profile of every counterpart — each
organization and person on the other side from ours (an outbound visit's hosts, an inbound
visit's guests) and everyone else the programme's meetings bring us to — with their names in
every script, country, kind and level, last contacts, open follow-ups and positions.

Labels (kinds, levels, roles, countries) come in the current language (db/store/translation.py);
the desktop renders the tree (desktop/briefing.py), so nothing here knows about pages or Qt."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal

from sqlalchemy import func, or_, select

from db.models import Affiliation, FollowUp, Participation, Person
from db.models.vocabulary import (
    FOLLOWUP_STATUSES,
    INTERACTION_KINDS,
    MEMBER_ROLES,
    ORGANIZATION_KINDS,
    POLITICAL_STATUSES,
    PROGRAMME_KINDS,
    RELATIONSHIP_LEVELS,
    VISIT_DIRECTIONS,
    VISIT_SIDES,
    VISIT_STATUSES,
    Term,
)
from db.services import affiliations, followups, interactions, organizations, people, programme
from db.services.followups import FollowUpFilter
from db.services.interactions import InteractionFilter, InteractionRecord
from db.services.organizations import OrganizationRecord
from db.services.people import PersonRecord
from db.services.reference import CountryInfo, list_countries
from db.services.timeline import RecordNames, record_names
from db.services.visits import MemberRecord
from db.store.engine import Database
from db.store.errors import NotFound
from db.store.translation import CHINESE, language

LAST_CONTACTS = 5  # interactions per profile, the latest first
FOLLOWUPS = 5  # open follow-ups per profile, the soonest due first
POSITIONS = 6  # a person's positions, or an organization's people in current positions


@dataclass(frozen=True)
class Names:
    """A record's names in every script it has."""

    name: str
    name_en: str | None = None
    name_zh: str | None = None
    aliases: tuple[str, ...] = ()
    abbreviation: str | None = None

    @property
    def all(self) -> tuple[str, ...]:
        """Every name once, the original first."""
        found: list[str] = []
        for name in (self.name, self.name_en, self.name_zh, self.abbreviation, *self.aliases):
            if name and name not in found:
                found.append(name)
        return tuple(found)


@dataclass(frozen=True)
class BriefingVisit:
    id: str
    title: str
    start: date
    end: date | None
    direction: str
    direction_label: str
    status: str
    status_label: str
    country: str | None  # the country's name in the current language
    host: Names | None
    guest: Names | None
    purpose: str | None
    counterpart_side: str  # "host" or "guest": the side the profiles are of
    counterpart_side_label: str


@dataclass(frozen=True)
class BriefingMember:
    """Someone on a side of the visit: a person (with the organization they came for) or an
    organization on its own."""

    side: str
    side_label: str
    role_label: str
    names: Names
    organization: str | None  # a person's organization, by name
    title: str | None


@dataclass(frozen=True)
class BriefingItem:
    starts: str | None
    ends: str | None
    kind: str
    kind_label: str
    title: str
    city: str | None
    place: str | None
    participants: tuple[str, ...]


@dataclass(frozen=True)
class BriefingDay:
    day: date
    cities: tuple[str, ...]
    items: tuple[BriefingItem, ...]


@dataclass(frozen=True)
class Contact:
    """One of the latest interactions with a counterpart."""

    start: date
    end: date | None
    kind_label: str
    title: str
    place: str | None  # city and country
    others: tuple[str, ...]  # who else took part, organizations first
    summary: str | None


@dataclass(frozen=True)
class OpenFollowUp:
    due: date | None
    description: str
    status_label: str
    owner: str | None
    overdue: bool


@dataclass(frozen=True)
class Position:
    """A position: for a person, the organization they hold it in; for an organization, the
    person who holds it."""

    holder: Names
    role: str | None
    start: date | None
    end: date | None
    current: bool


@dataclass(frozen=True)
class Meeting:
    """An item of this visit's programme the counterpart takes part in."""

    day: date
    starts: str | None
    title: str


@dataclass(frozen=True)
class Profile:
    kind: Literal["organization", "person"]
    id: str
    names: Names
    country: str | None  # an organization's country, a person's nationality, by name
    kind_label: str | None  # an organization's kind
    level_label: str | None  # an organization's relationship level
    status_label: str | None  # an organization's political status
    title: str | None  # a person's title
    side_label: str | None  # "Hosts" or "Guests"; None: met in the programme only
    role_label: str | None  # head of delegation, member…
    visit_title: str | None  # the title they hold in the visit
    last_contact: date | None  # the latest of the last contacts
    interaction_count: int
    meetings: tuple[Meeting, ...]
    last_contacts: tuple[Contact, ...]
    open_followups: tuple[OpenFollowUp, ...]
    open_followup_count: int
    positions: tuple[Position, ...]
    position_count: int


@dataclass(frozen=True)
class Briefing:
    visit: BriefingVisit
    members: tuple[BriefingMember, ...]
    days: tuple[BriefingDay, ...]
    profiles: tuple[Profile, ...]
    made_on: date


def label(vocabulary: Mapping[str, Term], code: str | None) -> str:
    """A code's label in the current language; a code the vocabulary lacks as it is."""
    if not code:
        return ""
    term = vocabulary.get(code)
    return term.label() if term is not None else code


def _names(found: Mapping[str, RecordNames], record_id: str | None,
           fallback: str | None = None) -> Names | None:
    known = found.get(record_id or "")
    if known is None:
        return Names(fallback) if fallback else None
    return Names(known.name, known.name_en, known.name_zh, (), known.abbreviation)


@dataclass
class _Counterpart:
    kind: Literal["organization", "person"]
    id: str
    side: str | None = None
    role: str | None = None
    title: str | None = None


def briefing_of(db: Database, visit_id: str) -> Briefing:
    """Everything the briefing pack of a live visit prints. An unknown or deleted visit raises
    NotFound with one sentence."""
    details = programme.visit_details(db, visit_id)
    visit = details.visit
    ours = "guest" if visit.direction == "outbound" else "host"
    theirs = "host" if ours == "guest" else "guest"
    chinese = language() == CHINESE
    with db.reading() as session:
        countries = {c.code: c for c in list_countries(session)}
    meeting_ids = {item.interaction_id for day in details.days for item in day.items
                   if item.interaction_id}
    taking_part = _taking_part(db, meeting_ids)
    counterparts = _counterparts(visit.host_id if theirs == "host" else visit.guest_id,
                                 visit.host_id if ours == "host" else visit.guest_id,
                                 details.members, theirs, details.days, taking_part)
    names = record_names(
        db, [visit.host_id, visit.guest_id, *(m.organization_id for m in details.members),
             *(c.id for c in counterparts if c.kind == "organization")],
        [*(m.person_id for m in details.members),
         *(c.id for c in counterparts if c.kind == "person")])
    meetings = _meetings_of(details.days, taking_part)
    head = BriefingVisit(
        id=visit.id, title=visit.title, start=visit.start, end=visit.end,
        direction=visit.direction, direction_label=label(VISIT_DIRECTIONS, visit.direction),
        status=visit.status, status_label=label(VISIT_STATUSES, visit.status),
        country=_country(countries, visit.country, chinese),
        host=_names(names, visit.host_id, visit.host_name),
        guest=_names(names, visit.guest_id, visit.guest_name), purpose=visit.purpose,
        counterpart_side=theirs, counterpart_side_label=label(VISIT_SIDES, theirs))
    members = tuple(BriefingMember(
        side=m.side, side_label=label(VISIT_SIDES, m.side),
        role_label=label(MEMBER_ROLES, m.role) if m.person_id else "",
        names=_names(names, m.person_id or m.organization_id,
                     m.person_name or m.organization_name) or Names(""),
        organization=m.organization_name if m.person_id else None, title=m.title)
        for m in details.members)
    days = tuple(BriefingDay(day.day, day.cities, tuple(BriefingItem(
        starts=item.starts, ends=item.ends, kind=item.kind,
        kind_label=label(PROGRAMME_KINDS, item.kind), title=item.title, city=item.city,
        place=item.place, participants=item.participant_names) for item in day.items))
        for day in details.days)
    profiles = []
    for counterpart in counterparts:
        profile = _profile(db, counterpart, countries, chinese, meeting_ids,
                           meetings.get(counterpart.id, ()))
        if profile is not None:
            profiles.append(profile)
    return Briefing(head, members, days, tuple(profiles), date.today())


def _taking_part(db: Database, meeting_ids: set[str]) -> list[tuple[str, str | None, str | None]]:
    """(interaction id, organization id, person id) of everyone in the visit's meetings."""
    if not meeting_ids:
        return []
    with db.reading() as session:
        return [(interaction, organization, person) for interaction, organization, person in
                session.execute(select(Participation.interaction_id,
                                       Participation.organization_id, Participation.person_id)
                                .where(Participation.interaction_id.in_(sorted(meeting_ids)),
                                       Participation.deleted_at.is_(None))
                                .order_by(Participation.id))]


def _counterparts(principal: str | None, our_principal: str | None,
                  members: Iterable[MemberRecord], theirs: str,
                  days: Iterable[programme.ProgrammeDay],
                  taking_part: list[tuple[str, str | None, str | None]]) -> list[_Counterpart]:
    """Their side's organizations (the principal first) and people (heads first, as the
    visit lists them), then those met in the programme who are not on our side."""
    found: dict[str, _Counterpart] = {}
    ours: set[str] = {our_principal} if our_principal else set()
    people_found: dict[str, _Counterpart] = {}
    if principal:
        found[principal] = _Counterpart("organization", principal, theirs)
    for member in members:
        if member.side != theirs:
            ours.update(i for i in (member.person_id, member.organization_id) if i)
            continue
        if member.person_id:
            people_found.setdefault(member.person_id, _Counterpart(
                "person", member.person_id, theirs, member.role, member.title))
        if member.organization_id:
            found.setdefault(member.organization_id, _Counterpart(
                "organization", member.organization_id, theirs))
    # Their side's explicit entries win over ours (one record named on both sides).
    ours -= set(found) | set(people_found)
    order = [item.interaction_id for day in days for item in day.items if item.interaction_id]
    rank = {interaction: n for n, interaction in reversed(list(enumerate(order)))}
    for _interaction, organization, person in sorted(taking_part,
                                                     key=lambda row: rank.get(row[0], 0)):
        if organization and organization not in ours:
            found.setdefault(organization, _Counterpart("organization", organization))
        if person and person not in ours:
            people_found.setdefault(person, _Counterpart("person", person))
    return [*found.values(), *people_found.values()]


def _meetings_of(days: Iterable[programme.ProgrammeDay],
                 taking_part: list[tuple[str, str | None, str | None]]
                 ) -> dict[str, tuple[Meeting, ...]]:
    """Record id → the programme's meetings they take part in, in programme order."""
    who: dict[str, set[str]] = {}
    for interaction, organization, person in taking_part:
        who.setdefault(interaction, set()).update(i for i in (organization, person) if i)
    found: dict[str, list[Meeting]] = {}
    for day in days:
        for item in day.items:
            for record in sorted(who.get(item.interaction_id or "", ())):
                found.setdefault(record, []).append(Meeting(day.day, item.starts, item.title))
    return {record: tuple(items) for record, items in found.items()}


def _country(countries: Mapping[str, CountryInfo], code: str | None,
             chinese: bool) -> str | None:
    if not code:
        return None
    country = countries.get(code)
    if country is None:
        return code
    return country.name_zh if chinese and country.name_zh else country.name_en


def _profile(db: Database, counterpart: _Counterpart, countries: Mapping[str, CountryInfo],
             chinese: bool, visit_meetings: set[str], meetings: tuple[Meeting, ...]
             ) -> Profile | None:
    """The counterpart's profile; None when it has been deleted since it joined the visit."""
    try:
        record: OrganizationRecord | PersonRecord = (
            organizations.get_organization(db, counterpart.id)
            if counterpart.kind == "organization" else people.get_person(db, counterpart.id))
    except NotFound:
        return None
    contacts = _last_contacts(db, counterpart, countries, chinese, visit_meetings)
    due, open_count = _open_followups(db, counterpart)
    if isinstance(record, OrganizationRecord):
        positions, position_count = _organization_people(db, record.id)
        names = Names(record.name, record.name_en, record.name_zh, record.aliases,
                      record.abbreviation)
        country, title = record.country, None
        kind_label = label(ORGANIZATION_KINDS, record.kind) or None
        level_label = label(RELATIONSHIP_LEVELS, record.level) or None
        status_label = label(POLITICAL_STATUSES, record.status) or None
    else:
        positions, position_count = _person_positions(db, record.id)
        names = Names(record.name, record.name_en, record.name_zh, record.aliases)
        country, title = record.nationality, record.title
        kind_label = level_label = status_label = None
    return Profile(
        kind=counterpart.kind, id=record.id, names=names,
        country=_country(countries, country, chinese), kind_label=kind_label,
        level_label=level_label, status_label=status_label, title=title,
        side_label=label(VISIT_SIDES, counterpart.side) or None,
        role_label=label(MEMBER_ROLES, counterpart.role) or None,
        visit_title=counterpart.title, last_contact=contacts[0].start if contacts else None,
        interaction_count=record.interaction_count, meetings=meetings, last_contacts=contacts,
        open_followups=due, open_followup_count=open_count, positions=positions,
        position_count=position_count)


def _last_contacts(db: Database, counterpart: _Counterpart,
                   countries: Mapping[str, CountryInfo], chinese: bool,
                   visit_meetings: set[str]) -> tuple[Contact, ...]:
    """The latest interactions up to today, leaving out this visit's own meetings (the
    programme has them)."""
    filters = InteractionFilter(
        organization_id=counterpart.id if counterpart.kind == "organization" else None,
        person_id=counterpart.id if counterpart.kind == "person" else None,
        start_to=date.today())
    page = interactions.list_interactions(db, filters, limit=LAST_CONTACTS + len(visit_meetings),
                                          with_total=False)
    chosen = [record for record in page.items if record.id not in visit_meetings]
    return tuple(_contact(record, counterpart.id, countries, chinese)
                 for record in chosen[:LAST_CONTACTS])


def _contact(record: InteractionRecord, record_id: str, countries: Mapping[str, CountryInfo],
             chinese: bool) -> Contact:
    others = [p for p in record.participants
              if (p.organization_id or p.person_id) != record_id]
    others.sort(key=lambda p: (p.organization_id is None, p.name.casefold()))
    country = _country(countries, record.country, chinese)
    place = ", ".join(part for part in (record.city, country) if part) or None
    return Contact(record.start, record.end, label(INTERACTION_KINDS, record.kind),
                   record.title, place, tuple(p.name for p in others), record.summary)


def _open_followups(db: Database, counterpart: _Counterpart
                    ) -> tuple[tuple[OpenFollowUp, ...], int]:
    """The soonest due open follow-ups about the counterpart, and how many are open."""
    statement = followups.filtered(FollowUpFilter(open_only=True))
    if counterpart.kind == "organization":
        statement = statement.where(FollowUp.organization_id == counterpart.id)
    else:
        statement = statement.where(FollowUp.person_id == counterpart.id)
    today = date.today()
    with db.reading() as session:
        total = session.execute(select(func.count()).select_from(statement.subquery())
                                ).scalar_one()
        rows = list(session.execute(statement.order_by(*followups.ORDER).limit(FOLLOWUPS))
                    .scalars())
        records = followups._records(session, rows)
    return tuple(OpenFollowUp(r.due, r.description, label(FOLLOWUP_STATUSES, r.status),
                              r.owner, r.is_overdue(today)) for r in records), int(total)


def _person_positions(db: Database, person_id: str) -> tuple[tuple[Position, ...], int]:
    """A person's positions, current ones first, each group newest first."""
    found = affiliations.list_affiliations(db, person_id=person_id)
    found.sort(key=lambda a: (not a.is_current, -(a.start.toordinal() if a.start else 0)))
    names = record_names(db, [a.organization_id for a in found[:POSITIONS]])
    return tuple(Position(_names(names, a.organization_id, a.organization_name)
                          or Names(a.organization_name), a.role, a.start, a.end, a.is_current)
                 for a in found[:POSITIONS]), len(found)


def _organization_people(db: Database, organization_id: str
                         ) -> tuple[tuple[Position, ...], int]:
    """The organization's live people in current positions, the newest first, and how many
    current positions there are."""
    today = date.today()
    statement = (select(Affiliation.role, Affiliation.start, Affiliation.end, Person.name,
                        Person.name_en, Person.name_zh)
                 .join(Person, Person.id == Affiliation.person_id)
                 .where(Affiliation.organization_id == organization_id,
                        Affiliation.deleted_at.is_(None), Person.deleted_at.is_(None),
                        or_(Affiliation.end.is_(None), Affiliation.end >= today)))
    with db.reading() as session:
        total = session.execute(select(func.count()).select_from(statement.subquery())
                                ).scalar_one()
        rows = session.execute(statement.order_by(Affiliation.start.desc().nulls_last(),
                                                  Person.name, Affiliation.id)
                               .limit(POSITIONS)).all()
    return tuple(Position(Names(name, name_en, name_zh), role, start, end, True)
                 for role, start, end, name, name_en, name_zh in rows), int(total)
