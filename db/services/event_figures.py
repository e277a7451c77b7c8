"""What the office reports of a multilateral event: how many parties and organizations from how
many countries were invited, accepted and attended; the heads of party among them; the same by
region; and the participation profile of those who came — the share of women and of young
people, the partners there for the first time and the countries new to the office. The same
per series (edition by edition) and per year, for the event page and `liaison stats --json`.

The definitions, so a figure can be checked by hand:
- accepted: replied "accepted" or "sending a representative"; attended: attendance "attended"
  (recorded apart from the reply).
- organizations are the invitations naming one; a person invited on their own counts among
  the individuals, and their nationality among the countries.
- a country is the organization's country (the person's nationality for an individual).
- a head of party is a person of an invitation (invited by name, or a delegate) holding, on
  the event's first day, a position flagged as the party's leader.
- attendees are the people of attended invitations: the delegates and those invited by name.
  The shares of women and of young people are of the attendees whose gender, or birth year, is
  recorded (how many are shown beside them); young is under the age threshold on the event's
  first day's year (35 unless set otherwise in Settings).
- a first-time partner is an attending organization with no interaction before the event's
  first day and no earlier event attended; a country new to the office is an attending country
  none of whose organizations had either."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, distinct, func, or_, select
from sqlalchemy.orm import Session

from db.models import (
    Affiliation,
    Country,
    Delegate,
    Event,
    Interaction,
    Invitation,
    Meta,
    Organization,
    Participation,
    Person,
)
from db.store.engine import Database
from db.store.errors import LiaisonError
from db.store.translation import translate

YOUTH_KEY = "youth_age"
DEFAULT_YOUTH_AGE = 35
ACCEPTED = ("accepted", "representative")


@dataclass(frozen=True)
class Stage:
    """One column of the figures: invited, accepted or attended."""

    organizations: int
    individuals: int  # people invited on their own
    countries: int
    heads_of_party: int


@dataclass(frozen=True)
class RegionFigures:
    region: str  # the countries table's region; "" where unknown
    invited: int
    accepted: int
    attended: int


@dataclass(frozen=True)
class Partner:
    """A first-time partner with its names, so a page shows it in the preferred script."""

    id: str
    name: str
    name_en: str | None
    name_zh: str | None


@dataclass(frozen=True)
class Profile:
    """Who came."""

    attendees: int
    women: int
    gender_known: int
    young: int
    age_known: int
    youth_age: int
    first_time_partners: tuple[Partner, ...]  # by name, case ignored
    new_countries: tuple[str, ...]  # country codes
    delegates: int  # the sizes of the attended delegations, summed

    @property
    def women_share(self) -> float | None:
        return self.women / self.gender_known if self.gender_known else None

    @property
    def young_share(self) -> float | None:
        return self.young / self.age_known if self.age_known else None


@dataclass(frozen=True)
class EventFigures:
    event_id: str
    name: str
    series: str | None
    edition: int | None
    start: date
    invited: Stage
    accepted: Stage
    attended: Stage
    replies: dict[str, int]
    attendance: dict[str, int]
    by_region: tuple[RegionFigures, ...]
    profile: Profile

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["start"] = self.start.isoformat()
        data["profile"]["women_share"] = self.profile.women_share
        data["profile"]["young_share"] = self.profile.young_share
        return data


# -- the threshold ----------------------------------------------------------------------------

def youth_age(db: Database) -> int:
    with db.reading() as session:
        return _youth_age(session)


def _youth_age(session: Session) -> int:
    value = session.get(Meta, YOUTH_KEY)
    try:
        return int(value.value) if value is not None else DEFAULT_YOUTH_AGE
    except ValueError:
        return DEFAULT_YOUTH_AGE


def set_youth_age(db: Database, years: int) -> None:
    """The age under which an attendee counts as young (Settings); for the whole office, so it
    lives in the database rather than on one laptop."""
    if not 10 <= years <= 100:
        raise LiaisonError(translate(
            "Events", "The age threshold must be between 10 and 100 years (got {years}).")
            .format(years=years))
    with db.transaction() as session:
        found = session.get(Meta, YOUTH_KEY)
        if found is None:
            session.add(Meta(key=YOUTH_KEY, value=str(years)))
        else:
            found.value = str(years)


# -- one event ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Row:
    id: str
    organization_id: str | None
    person_id: str | None
    country: str | None
    reply: str
    attendance: str
    size: int | None


def _rows(session: Session, event_id: str) -> list[_Row]:
    org_country = select(Organization.country_code).where(
        Organization.id == Invitation.organization_id).scalar_subquery()
    person_country = select(Person.nationality).where(
        Person.id == Invitation.person_id).scalar_subquery()
    return [_Row(i, o, p, c, r, a, s) for i, o, p, c, r, a, s in session.execute(select(
        Invitation.id, Invitation.organization_id, Invitation.person_id,
        func.coalesce(org_country, person_country), Invitation.reply, Invitation.attendance,
        Invitation.delegation_size).where(
        Invitation.event_id == event_id, Invitation.deleted_at.is_(None)))]


def _people(session: Session, rows: list[_Row]) -> dict[str, set[str]]:
    """Invitation id → its people: the person invited by name and the delegates."""
    people: dict[str, set[str]] = {row.id: {row.person_id} if row.person_id else set()
                                   for row in rows}
    ids = list(people)
    for start in range(0, len(ids), 500):
        for invitation_id, person_id in session.execute(select(
                Delegate.invitation_id, Delegate.person_id).where(
                Delegate.invitation_id.in_(ids[start:start + 500]),
                Delegate.deleted_at.is_(None))):
            people[invitation_id].add(person_id)
    return people


def _chunks(values: Iterable[str], size: int = 500) -> Iterable[list[str]]:
    items = sorted(values)
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _leaders(session: Session, people: set[str], on: date) -> set[str]:
    found: set[str] = set()
    for chunk in _chunks(people):
        found |= _ids(session, select(Affiliation.person_id).distinct().where(
            Affiliation.person_id.in_(chunk), Affiliation.deleted_at.is_(None),
            Affiliation.leader.is_(True),
            or_(Affiliation.start.is_(None), Affiliation.start <= on),
            or_(Affiliation.end.is_(None), Affiliation.end >= on)))
    return found


def _stage(rows: list[_Row], people: dict[str, set[str]], leaders: set[str]) -> Stage:
    heads = set().union(*(people[row.id] for row in rows)) & leaders if rows else set()
    return Stage(
        organizations=len({row.organization_id for row in rows if row.organization_id}),
        individuals=len({row.person_id for row in rows if not row.organization_id}),
        countries=len({row.country for row in rows if row.country}),
        heads_of_party=len(heads))


def _ids(session: Session, statement: Any) -> set[str]:
    return {str(found) for found in session.execute(statement).scalars() if found is not None}


def _met_before(organization: Any, event: Event) -> Any:
    """Whether the office met `organization` (a column) before the event: an interaction
    that began earlier, or an earlier event it attended. An EXISTS each, so the database
    stops at the first such record of an organization — found at once by the timeline index
    (participations by organization and date) — instead of reading them all: on the large
    demo database the organizations of a 250-invitation meeting have thousands."""
    contact = select(Participation.id).join(
        Interaction, Interaction.id == Participation.interaction_id).where(
        Participation.organization_id == organization,
        Participation.start < event.start,  # the interaction's start, kept for the index
        Participation.deleted_at.is_(None), Interaction.deleted_at.is_(None),
        Interaction.start < event.start).exists()
    attended = select(Invitation.id).join(Event, Event.id == Invitation.event_id).where(
        Invitation.organization_id == organization, Invitation.deleted_at.is_(None),
        Invitation.attendance == "attended", Event.deleted_at.is_(None),
        Event.start < event.start).exists()
    return or_(contact, attended)


def _known_before(session: Session, organizations: set[str], event: Event) -> set[str]:
    """Of these organizations, those the office met before the event: in an interaction that
    began earlier, or at an earlier event they attended."""
    known: set[str] = set()
    for chunk in _chunks(organizations):
        known |= _ids(session, select(Organization.id).where(
            Organization.id.in_(chunk), _met_before(Organization.id, event)))
    return known


def _countries_known_before(session: Session, countries: set[str], event: Event) -> set[str]:
    """Of these countries, those with an organization the office met before the event."""
    known: set[str] = set()
    for chunk in _chunks(countries):
        met = select(Organization.id).where(
            Organization.country_code == Country.code,
            _met_before(Organization.id, event)).exists()
        known |= _ids(session, select(Country.code).where(Country.code.in_(chunk), met))
    return known


def _profile(session: Session, event: Event, attended: list[_Row],
             people: dict[str, set[str]]) -> Profile:
    attendees = set().union(*(people[row.id] for row in attended)) if attended else set()
    women = gender_known = young = age_known = 0
    threshold = _youth_age(session)
    for chunk in _chunks(attendees):
        for gender, born in session.execute(select(Person.gender, Person.birth_year).where(
                Person.id.in_(chunk))):
            if gender:
                gender_known += 1
                women += gender == "female"
            if born:
                age_known += 1
                young += event.start.year - born < threshold
    organizations = {row.organization_id for row in attended if row.organization_id}
    known = _known_before(session, organizations, event)
    first = sorted((Partner(*row) for row in session.execute(select(
        Organization.id, Organization.name, Organization.name_en, Organization.name_zh).where(
        Organization.id.in_(organizations - known)))), key=lambda p: (p.name.casefold(), p.id)) \
        if organizations - known else []
    countries = {row.country for row in attended if row.country}
    new_countries = sorted(countries - _countries_known_before(session, countries, event))
    sizes = sum(row.size if row.size is not None else len(people[row.id]) for row in attended)
    return Profile(attendees=len(attendees), women=women, gender_known=gender_known,
                   young=young, age_known=age_known, youth_age=threshold,
                   first_time_partners=tuple(first), new_countries=tuple(new_countries),
                   delegates=sizes)


def _regions(session: Session, rows: list[_Row]) -> tuple[RegionFigures, ...]:
    codes = {row.country for row in rows if row.country}
    region_of = dict(session.execute(select(Country.code, Country.region).where(
        Country.code.in_(codes))).all()) if codes else {}
    tally: dict[str, list[set[str]]] = {}
    for row in rows:
        region = region_of.get(row.country or "") or ""
        sets = tally.setdefault(region, [set(), set(), set()])
        key = row.organization_id or row.person_id or row.id
        sets[0].add(key)
        if row.reply in ACCEPTED:
            sets[1].add(key)
        if row.attendance == "attended":
            sets[2].add(key)
    return tuple(RegionFigures(region, len(a), len(b), len(c)) for region, (a, b, c) in sorted(
        tally.items(), key=lambda item: (item[0] == "", item[0])))


def figures_in(session: Session, event: Event) -> EventFigures:
    rows = _rows(session, event.id)
    people = _people(session, rows)
    everyone = set().union(*people.values()) if people else set()
    leaders = _leaders(session, everyone, event.start)
    accepted = [row for row in rows if row.reply in ACCEPTED]
    attended = [row for row in rows if row.attendance == "attended"]
    replies: dict[str, int] = {}
    attendance: dict[str, int] = {}
    for row in rows:
        replies[row.reply] = replies.get(row.reply, 0) + 1
        attendance[row.attendance] = attendance.get(row.attendance, 0) + 1
    return EventFigures(
        event_id=event.id, name=event.name, series=event.series, edition=event.edition,
        start=event.start, invited=_stage(rows, people, leaders),
        accepted=_stage(accepted, people, leaders), attended=_stage(attended, people, leaders),
        replies=replies, attendance=attendance, by_region=_regions(session, rows),
        profile=_profile(session, event, attended, people))


def event_figures(db: Database, event_id: str) -> EventFigures:
    from db.changes import recording
    from db.changes.registry_events import EVENT

    with db.reading() as session:
        return figures_in(session, recording.load(session, EVENT.schema, event_id))


# -- series and years ---------------------------------------------------------------------------

def series_figures(db: Database, series: str) -> list[EventFigures]:
    """Every edition of a series, the first first: the year-on-year comparison."""
    with db.reading() as session:
        events = session.execute(select(Event).where(
            Event.deleted_at.is_(None), Event.series == series).order_by(
            Event.edition.asc().nulls_last(), Event.start, Event.id)).scalars().all()
        return [figures_in(session, event) for event in events]


@dataclass(frozen=True)
class YearFigures:
    year: int
    events: int
    by_mechanism: dict[str, int]
    invitations: int
    organizations_attended: int  # distinct over the year's events
    countries_attended: int
    attendees: int  # people, distinct over the year's events

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def year_figures(db: Database, year: int) -> YearFigures:
    first, last = date(year, 1, 1), date(year, 12, 31)
    live_event = and_(Event.deleted_at.is_(None), Event.start >= first, Event.start <= last)
    with db.reading() as session:
        by_mechanism = dict(session.execute(select(Event.mechanism, func.count()).where(
            live_event).group_by(Event.mechanism)).all())
        invitations = session.execute(select(func.count()).select_from(Invitation).join(
            Event, Event.id == Invitation.event_id).where(
            live_event, Invitation.deleted_at.is_(None))).scalar_one()
        attended = (select(Invitation).join(Event, Event.id == Invitation.event_id).where(
            live_event, Invitation.deleted_at.is_(None), Invitation.attendance == "attended")
            .subquery())
        organizations = session.execute(select(func.count(distinct(attended.c.organization_id))))\
            .scalar_one()
        countries = session.execute(select(func.count(distinct(func.coalesce(
            Organization.country_code, Person.nationality)))).select_from(attended).outerjoin(
            Organization, Organization.id == attended.c.organization_id).outerjoin(
            Person, Person.id == attended.c.person_id)).scalar_one()
        named = select(attended.c.person_id.label("person_id")).where(
            attended.c.person_id.is_not(None))
        delegates = select(Delegate.person_id.label("person_id")).join(
            attended, attended.c.id == Delegate.invitation_id).where(
            Delegate.deleted_at.is_(None))
        people = named.union(delegates).subquery()
        attendees = session.execute(select(func.count()).select_from(people)).scalar_one()
        return YearFigures(year=year, events=sum(by_mechanism.values()),
                           by_mechanism={k: int(v) for k, v in sorted(by_mechanism.items())},
                           invitations=int(invitations),
                           organizations_attended=int(organizations),
                           countries_attended=int(countries), attendees=int(attendees))


def event_years(db: Database) -> list[int]:
    with db.reading() as session:
        return sorted({start.year for start in session.execute(select(Event.start).where(
            Event.deleted_at.is_(None))).scalars()})
