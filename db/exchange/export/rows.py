"""The rows of each sheet of the Liaison workbook, read in bulk (a few queries per sheet, no
per-row ORM loads). Deleted records are left out, and so are links to deleted records.

The bulk queries run as Core statements on the session's connection: the ORM's row loading
adds nothing to plain columns but time. `limit` (the benchmark's narrowed export) reaches the
SQL, related rows included, so exporting the first N rows costs what N rows cost."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Select, Table, func, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from db.changes.dates import founding_cell
from db.exchange.export.links import Links, Names, all_links, links_by_chunk
from db.exchange.workbook import (
    DELEGATES,
    EVENTS,
    FOLLOWUPS,
    GIFTS,
    INTERACTIONS,
    INVITATIONS,
    LEVELS,
    MEMBERS,
    ORGANIZATIONS,
    PEOPLE,
    POSITIONS,
    PROGRAMME,
    SESSIONS,
    VISITS,
    SheetSpec,
    join_list,
    yes_no_text,
)
from db.models import (
    Affiliation,
    Country,
    Delegate,
    Event,
    EventSession,
    FollowUp,
    Gift,
    Interaction,
    Invitation,
    LevelChange,
    Organization,
    Person,
    ProgrammeItem,
    Tag,
    Visit,
    VisitMember,
    event_co_organizers,
    interaction_tags,
    organization_tags,
    person_tags,
    session_speakers,
)

Row = tuple[list[Any], int]  # the exported values in column order, and the record's version
CHUNK = 2_000


def _tags(session: Session, link: Table, owner_column: str,
          owners: Select[Any] | None = None) -> dict[str, list[str]]:
    result: dict[str, list[str]] = defaultdict(list)
    statement = (select(link.c[owner_column], Tag.name).join(Tag, Tag.id == link.c.tag_id)
                 .where(Tag.deleted_at.is_(None))
                 .order_by(link.c[owner_column], func.lower(Tag.name)))
    if owners is not None:
        statement = statement.where(link.c[owner_column].in_(owners))
    for owner, name in session.connection().execute(statement):
        result[owner].append(name)
    return result


def countries(session: Session) -> list[tuple[str, str]]:
    return [(code, name) for code, name in session.execute(
        select(Country.code, Country.name_en).where(Country.deleted_at.is_(None))
        .order_by(Country.code))]


MODELS: dict[str, Any] = {ORGANIZATIONS.name: Organization, LEVELS.name: LevelChange,
                          PEOPLE.name: Person,
                          POSITIONS.name: Affiliation, INTERACTIONS.name: Interaction,
                          FOLLOWUPS.name: FollowUp, VISITS.name: Visit,
                          MEMBERS.name: VisitMember, PROGRAMME.name: ProgrammeItem,
                          GIFTS.name: Gift, EVENTS.name: Event,
                          SESSIONS.name: EventSession, INVITATIONS.name: Invitation,
                          DELEGATES.name: Delegate}


def count(session: Session, spec: SheetSpec) -> int:
    """The live records behind a sheet (this reads the table)."""
    model = MODELS[spec.name]
    return int(session.execute(select(func.count()).select_from(model)
                               .where(model.deleted_at.is_(None))).scalar_one())


def estimate(session: Session, spec: SheetSpec) -> int:
    """The records behind a sheet, deleted ones included: counted on an index without
    reading the table, for progress and for choosing how to read it."""
    return _rough_count(session.connection(), MODELS[spec.name])


def _rough_count(connection: Connection, model: Any) -> int:
    """The number of records, deleted ones included: counted on an index, without reading
    the table, for choosing how to read it."""
    return int(connection.execute(select(func.count()).select_from(model)).scalar_one())


def _limited(statement: Any, limit: int | None) -> Any:
    return statement if limit is None else statement.limit(limit)


def organizations(session: Session, names: Names, limit: int | None = None) -> Iterator[Row]:
    o = Organization
    live = _limited(select(o.id).where(o.deleted_at.is_(None))
                    .order_by(func.lower(o.name), o.id), limit)
    tags = _tags(session, organization_tags, "organization_id",
                 None if limit is None else live)
    rows = session.connection().execute(_limited(
        select(o.id, o.name, o.name_en, o.name_zh, o.aliases, o.abbreviation, o.kind,
               o.country_code, o.status, o.ideology, o.founded, o.website, o.email, o.phone,
               o.level, o.notes, o.version)
        .where(o.deleted_at.is_(None)).order_by(func.lower(o.name), o.id), limit))
    for r in rows:
        values = [r[0], r[1], r[2], r[3], join_list(r[4]), *r[5:10], founding_cell(r[10]),
                  *r[11:16], join_list(tags.get(r[0]))]
        yield values, r[16]


def levels(session: Session, names: Names, limit: int | None = None) -> Iterator[Row]:
    """Each organization's level history, oldest first, by the organizations' names; the
    history of a deleted organization goes with it."""
    c = LevelChange
    rows = session.connection().execute(
        select(c.id, c.organization_id, c.level, c.effective, c.reason, c.version)
        .where(c.deleted_at.is_(None)).order_by(c.organization_id, c.effective, c.id))
    organization_names = names.organizations
    found: list[tuple[str, Row]] = []
    for r in rows:
        organization = organization_names.get(r[1])
        if organization is not None:
            found.append((organization.lower(),
                          ([r[0], r[1], organization, r[2], r[3], r[4]], r[5])))
    found.sort(key=lambda item: item[0])  # stable: each organization's entries stay in order
    ordered = [row for _key, row in found]
    yield from ordered if limit is None else ordered[:limit]


def people(session: Session, names: Names, limit: int | None = None) -> Iterator[Row]:
    p = Person
    live = _limited(select(p.id).where(p.deleted_at.is_(None))
                    .order_by(func.lower(p.name), p.id), limit)
    tags = _tags(session, person_tags, "person_id", None if limit is None else live)
    rows = session.connection().execute(_limited(
        select(p.id, p.name, p.name_en, p.name_zh, p.aliases, p.title, p.gender, p.nationality,
               p.emails, p.phones, p.languages, p.notes, p.version, p.birth_year)
        .where(p.deleted_at.is_(None)).order_by(func.lower(p.name), p.id), limit))
    for r in rows:
        values = [r[0], r[1], r[2], r[3], join_list(r[4]), r[5], r[6], r[7], join_list(r[8]),
                  join_list(r[9]), join_list(r[10]), r[11], join_list(tags.get(r[0])), r[13]]
        yield values, r[12]


def positions(session: Session, names: Names, limit: int | None = None) -> Iterator[Row]:
    a = Affiliation
    rows = session.connection().execute(
        select(a.id, a.person_id, a.organization_id, a.role, a.start, a.end, a.version,
               a.leader)
        .where(a.deleted_at.is_(None)).order_by(a.person_id, a.start, a.id))
    people_names, organization_names = names.people, names.organizations
    written = 0
    for r in rows:
        if written == limit:
            return
        person, organization = people_names.get(r[1]), organization_names.get(r[2])
        if person is None or organization is None:
            continue  # a position in a deleted record goes with it
        written += 1
        yield [r[0], r[1], person, r[2], organization, r[3], r[4], r[5],
               yes_no_text(r[7])], r[6]


def interactions(session: Session, names: Names, limit: int | None = None) -> Iterator[Row]:
    """Newest first, as the interactions list shows them (the (start_date, id) index walked
    backwards: no sort)."""
    i = Interaction
    connection = session.connection()
    statement = _limited(
        select(i.id, i.kind, i.title, i.start, i.end, i.city, i.country_code, i.platform,
               i.summary, i.outcomes, i.notes, i.version)
        .where(i.deleted_at.is_(None)).order_by(i.start.desc(), i.id.desc()), limit
    ).execution_options(yield_per=CHUNK)
    tagged = connection.execute(select(interaction_tags.c.tag_id).limit(1)).first() is not None
    chunks: Iterator[tuple[Sequence[Any], Links]]
    if limit is not None and limit * 4 < _rough_count(connection, i):
        # A few of many: each chunk's related rows, found through the index, rather than
        # the whole tables (read about four times faster per row, but whole).
        chunks = links_by_chunk(connection, names, tagged,
                                connection.execute(statement).partitions())
    else:
        everything = all_links(connection, names, tagged)
        chunks = ((chunk, everything) for chunk in connection.execute(statement).partitions())
    for chunk, (topics, shown, linked, tags) in chunks:
        topic_of, shown_of, linked_of, tags_of = topics.get, shown.get, linked.get, tags.get
        for key, kind, title, start, end, city, country, platform, summary, outcomes, notes, \
                version in chunk:
            yield [key, kind, title, start, end, city, country, platform, topic_of(key),
                   shown_of(key), linked_of(key), summary, outcomes, notes, tags_of(key)], version


def followups(session: Session, names: Names, limit: int | None = None) -> Iterator[Row]:
    f = FollowUp
    rows = session.connection().execute(_limited(
        select(f.id, f.description, f.due, f.status, f.owner, f.organization_id,
               f.interaction_id, f.version)
        .where(f.deleted_at.is_(None)).order_by(f.due.is_(None), f.due, f.id), limit))
    organization_names, interaction_titles = names.organizations, names.interactions
    for r in rows:
        organization = organization_names.get(r[5]) if r[5] else None
        interaction = interaction_titles.get(r[6]) if r[6] else None
        values = [r[0], r[1], r[2], r[3], r[4], r[5] if organization else None, organization,
                  r[6] if interaction else None, interaction]
        yield values, r[7]


def _related(key: str | None, names: dict[str, str]) -> tuple[str | None, str | None]:
    """A relation's id and readable name; both empty when the record is gone."""
    name = names.get(key) if key else None
    return (key if name is not None else None), name


def visits(session: Session, names: Names, limit: int | None = None) -> Iterator[Row]:
    """Newest first, as the visits list shows them."""
    v = Visit
    rows = session.connection().execute(_limited(
        select(v.id, v.title, v.direction, v.status, v.start, v.end, v.country_code, v.host_id,
               v.guest_id, v.purpose, v.outcomes, v.notes, v.version)
        .where(v.deleted_at.is_(None)).order_by(v.start.desc(), v.id.desc()), limit))
    organization_names = names.organizations
    for r in rows:
        yield [*r[0:7], *_related(r[7], organization_names),
               *_related(r[8], organization_names), r[9], r[10], r[11]], r[12]


def _of_live_visits(model: Any) -> Any:
    """The rows of a visit's part whose visit is live, in the visits' order (a deleted visit
    keeps its members, programme and gifts, to come back with it; they leave the workbook
    with it)."""
    return (select(model).join(Visit, Visit.id == model.visit_id)
            .where(model.deleted_at.is_(None), Visit.deleted_at.is_(None))
            .order_by(Visit.start.desc(), Visit.id.desc()))


def members(session: Session, names: Names, limit: int | None = None) -> Iterator[Row]:
    """By visit, the guests before the hosts, each side in its order. A member whose person
    (or whose organization, when no person) was deleted goes with it."""
    m = VisitMember
    statement = _of_live_visits(m).with_only_columns(
        m.id, m.visit_id, m.person_id, m.organization_id, m.side, m.role, m.title, m.version
    ).order_by(m.side, m.position, m.id)  # "guest" before "host"
    visit_titles, people_names = names.visits, names.people
    organization_names = names.organizations
    written = 0
    for r in session.connection().execute(statement):
        if written == limit:
            return
        person_id, person = _related(r[2], people_names)
        organization_id, organization = _related(r[3], organization_names)
        if person is None and (r[2] or organization is None):
            continue
        written += 1
        yield [r[0], r[1], visit_titles.get(r[1]), person_id, person, organization_id,
               organization, r[4], r[5], r[6]], r[7]


def programme(session: Session, names: Names, limit: int | None = None) -> Iterator[Row]:
    """By visit, day by day, each day's items in their order."""
    p = ProgrammeItem
    statement = _limited(_of_live_visits(p).with_only_columns(
        p.id, p.visit_id, p.day, p.starts, p.ends, p.kind, p.title, p.city, p.place,
        p.interaction_id, p.notes, p.position, p.version
    ).order_by(p.day, p.position, p.starts, p.id), limit)
    visit_titles, interaction_titles = names.visits, names.interactions
    for r in session.connection().execute(statement):
        yield [r[0], r[1], visit_titles.get(r[1]), *r[2:9],
               *_related(r[9], interaction_titles), r[10], r[11]], r[12]


def gifts(session: Session, names: Names, limit: int | None = None) -> Iterator[Row]:
    """By visit, the gifts given before those received."""
    g = Gift
    statement = _limited(_of_live_visits(g).with_only_columns(
        g.id, g.visit_id, g.direction, g.description, g.person_id, g.organization_id, g.notes,
        g.version
    ).order_by(g.direction, g.created_at, g.id), limit)
    visit_titles, people_names = names.visits, names.people
    organization_names = names.organizations
    for r in session.connection().execute(statement):
        yield [r[0], r[1], visit_titles.get(r[1]), r[2], r[3], *_related(r[4], people_names),
               *_related(r[5], organization_names), r[6]], r[7]


# -- multilateral events ----------------------------------------------------------------------
# `names.event` (an event's id, or None for all) narrows these four sheets to one event: the
# invitation list that goes out to a colleague (liaison export --event).

def _one_event(statement: Any, column: Any, names: Names) -> Any:
    return statement if names.event is None else statement.where(column == names.event)


def _listed(rows: Iterable[tuple[str, str]], shown: dict[str, str]) -> dict[str, str]:
    """Each owner's linked records by their readable names, sorted, deleted ones left out."""
    found: dict[str, list[str]] = defaultdict(list)
    for owner, key in rows:
        name = shown.get(key)
        if name is not None:
            found[owner].append(name)
    return {owner: join_list(sorted(items, key=str.casefold)) or "" for owner, items
            in found.items()}


def events(session: Session, names: Names, limit: int | None = None) -> Iterator[Row]:
    """Newest first, as the events list shows them."""
    e = Event
    connection = session.connection()
    co = _listed(connection.execute(_one_event(
        select(event_co_organizers.c.event_id, event_co_organizers.c.organization_id),
        event_co_organizers.c.event_id, names)), names.organizations)
    rows = connection.execute(_limited(_one_event(
        select(e.id, e.name, e.series, e.edition, e.mechanism, e.start, e.end, e.city,
               e.country_code, e.online, e.organizer_id, e.theme, e.notes, e.version)
        .where(e.deleted_at.is_(None)), e.id, names)
        .order_by(e.start.desc(), e.id.desc()), limit))
    organization_names = names.organizations
    for r in rows:
        yield [*r[0:9], yes_no_text(r[9]), *_related(r[10], organization_names),
               co.get(r[0]), r[11], r[12]], r[13]


def _of_live_events(model: Any, names: Names) -> Any:
    """The rows of an event's part whose event is live, in the events' order."""
    return _one_event(select(model).join(Event, Event.id == model.event_id)
                      .where(model.deleted_at.is_(None), Event.deleted_at.is_(None))
                      .order_by(Event.start.desc(), Event.id.desc()), Event.id, names)


def sessions(session: Session, names: Names, limit: int | None = None) -> Iterator[Row]:
    """By event, day by day, each day's sessions in their order."""
    s = EventSession
    connection = session.connection()
    speakers = _listed(connection.execute(
        select(session_speakers.c.session_id, session_speakers.c.person_id)), names.people)
    statement = _limited(_of_live_events(s, names).with_only_columns(
        s.id, s.event_id, s.day, s.starts, s.ends, s.title, s.place, s.notes, s.position,
        s.version).order_by(s.day, s.position, s.starts, s.id), limit)
    event_names = names.events
    for r in connection.execute(statement):
        yield [r[0], r[1], event_names.get(r[1]), *r[2:7], speakers.get(r[0]), r[7], r[8]], r[9]


def invitations(session: Session, names: Names, limit: int | None = None) -> Iterator[Row]:
    """By event, in the order of the invitees' names; an invitation of a deleted
    organization or person goes with it."""
    i = Invitation
    statement = _of_live_events(i, names).with_only_columns(
        i.id, i.event_id, i.organization_id, i.person_id, i.invited_by, i.invited_on, i.reply,
        i.replied_on, i.attendance, i.delegation_size, i.notes, i.version
    ).order_by(i.created_at, i.id)
    event_names, people_names = names.events, names.people
    organization_names = names.organizations
    written = 0
    for r in session.connection().execute(statement):
        if written == limit:
            return
        organization_id, organization = _related(r[2], organization_names)
        person_id, person = _related(r[3], people_names)
        if (r[2] and organization is None) or (r[3] and person is None):
            continue
        written += 1
        yield [r[0], r[1], event_names.get(r[1]), organization_id, organization, person_id,
               person, *r[4:11]], r[11]


def delegates(session: Session, names: Names, limit: int | None = None) -> Iterator[Row]:
    """By invitation, the head first."""
    d = Delegate
    statement = (select(d.id, d.invitation_id, d.person_id, d.role, d.title, d.version)
                 .join(Invitation, Invitation.id == d.invitation_id)
                 .join(Event, Event.id == Invitation.event_id)
                 .where(d.deleted_at.is_(None), Invitation.deleted_at.is_(None),
                        Event.deleted_at.is_(None))
                 .order_by(Event.start.desc(), Invitation.created_at, Invitation.id,
                           d.role != "head", d.created_at, d.id))
    statement = _one_event(statement, Event.id, names)
    invitation_names, people_names = names.invitations, names.people
    written = 0
    for r in session.connection().execute(statement):
        if written == limit:
            return
        person = people_names.get(r[2])
        invitation = invitation_names.get(r[1])
        if person is None or invitation is None:
            continue
        written += 1
        yield [r[0], r[1], invitation, r[2], person, r[3], r[4]], r[5]


Reader = Callable[..., Iterator[Row]]  # (session, names, limit=None)
READERS: dict[str, Reader] = {
    ORGANIZATIONS.name: organizations,
    LEVELS.name: levels,
    PEOPLE.name: people,
    POSITIONS.name: positions,
    INTERACTIONS.name: interactions,
    FOLLOWUPS.name: followups,
    VISITS.name: visits,
    MEMBERS.name: members,
    PROGRAMME.name: programme,
    GIFTS.name: gifts,
    EVENTS.name: events,
    SESSIONS.name: sessions,
    INVITATIONS.name: invitations,
    DELEGATES.name: delegates,
}
