"""The rows of each sheet of the Liaison workbook, read in bulk (a few queries per sheet, no
per-row ORM loads). Deleted records are left out, and so are links to deleted records.

The bulk queries run as Core statements on the session's connection: the ORM's row loading
adds nothing to plain columns but time. `limit` (the benchmark's narrowed export) reaches the
SQL, related rows included, so exporting the first N rows costs what N rows cost."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from functools import cached_property
from typing import Any

from sqlalchemy import Select, Table, func, select
from sqlalchemy.orm import Session

from db.exchange.workbook import (
    FOLLOWUPS,
    INTERACTIONS,
    LIST_SEPARATOR,
    ORGANIZATIONS,
    PEOPLE,
    POSITIONS,
    SheetSpec,
    join_list,
    participant_id,
    participant_text,
)
from db.models import (
    Affiliation,
    Country,
    FollowUp,
    Interaction,
    Organization,
    Participation,
    Person,
    Tag,
    Topic,
    interaction_tags,
    interaction_topics,
    organization_tags,
    person_tags,
)

Row = tuple[list[Any], int]  # the exported values in column order, and the record's version


class Names:
    """Readable names of the live records rows refer to, each kind read when first needed."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def _names(self, statement: Any) -> dict[str, str]:
        return {key: name for key, name in self.session.connection().execute(statement)}

    @cached_property
    def organizations(self) -> dict[str, str]:
        return self._names(select(Organization.id, Organization.name)
                           .where(Organization.deleted_at.is_(None)))

    @cached_property
    def people(self) -> dict[str, str]:
        return self._names(select(Person.id, Person.name).where(Person.deleted_at.is_(None)))

    @cached_property
    def interactions(self) -> dict[str, str]:
        return self._names(select(Interaction.id, Interaction.title)
                           .where(Interaction.deleted_at.is_(None)))


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


def count(session: Session, spec: SheetSpec) -> int:
    model: Any = {ORGANIZATIONS.name: Organization, PEOPLE.name: Person,
                  POSITIONS.name: Affiliation, INTERACTIONS.name: Interaction,
                  FOLLOWUPS.name: FollowUp}[spec.name]
    return int(session.execute(select(func.count()).select_from(model)
                               .where(model.deleted_at.is_(None))).scalar_one())


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
        values = [r[0], r[1], r[2], r[3], join_list(r[4]), *r[5:16], join_list(tags.get(r[0]))]
        yield values, r[16]


def people(session: Session, names: Names, limit: int | None = None) -> Iterator[Row]:
    p = Person
    live = _limited(select(p.id).where(p.deleted_at.is_(None))
                    .order_by(func.lower(p.name), p.id), limit)
    tags = _tags(session, person_tags, "person_id", None if limit is None else live)
    rows = session.connection().execute(_limited(
        select(p.id, p.name, p.name_en, p.name_zh, p.aliases, p.title, p.gender, p.nationality,
               p.emails, p.phones, p.languages, p.notes, p.version)
        .where(p.deleted_at.is_(None)).order_by(func.lower(p.name), p.id), limit))
    for r in rows:
        values = [r[0], r[1], r[2], r[3], join_list(r[4]), r[5], r[6], r[7], join_list(r[8]),
                  join_list(r[9]), join_list(r[10]), r[11], join_list(tags.get(r[0]))]
        yield values, r[12]


def positions(session: Session, names: Names, limit: int | None = None) -> Iterator[Row]:
    a = Affiliation
    rows = session.connection().execute(
        select(a.id, a.person_id, a.organization_id, a.role, a.start, a.end, a.version)
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
        yield [r[0], r[1], person, r[2], organization, r[3], r[4], r[5]], r[6]


def interactions(session: Session, names: Names, limit: int | None = None) -> Iterator[Row]:
    i = Interaction
    order = (i.start.desc(), i.id)
    live = _limited(select(i.id).where(i.deleted_at.is_(None)).order_by(*order), limit)
    wanted = None if limit is None else live  # the whole table is read faster whole
    connection = session.connection()
    tags = _tags(session, interaction_tags, "interaction_id", wanted)
    topics: dict[str, list[str]] = defaultdict(list)
    link = interaction_topics.c
    statement = (select(link.interaction_id, Topic.name_en)
                 .join(Topic, Topic.id == link.topic_id).where(Topic.deleted_at.is_(None))
                 .order_by(link.interaction_id, Topic.key))
    if wanted is not None:
        statement = statement.where(link.interaction_id.in_(wanted))
    for owner, topic in connection.execute(statement):
        topics[owner].append(topic)
    readable: dict[str, list[str]] = defaultdict(list)
    ids: dict[str, list[str]] = defaultdict(list)
    p = Participation
    statement = (select(p.interaction_id, p.organization_id, p.person_id, p.role)
                 .where(p.deleted_at.is_(None))
                 .order_by(p.interaction_id, p.organization_id.is_(None), p.role, p.id))
    if wanted is not None:
        statement = statement.where(p.interaction_id.in_(wanted))
    organization_names, people_names = names.organizations, names.people
    for owner, organization_id, person_id, role in connection.execute(statement):
        if organization_id is not None:
            kind, record, name = "organization", organization_id, organization_names.get(
                organization_id)
        else:
            kind, record, name = "person", person_id or "", people_names.get(person_id or "")
        if name is None:
            continue  # a deleted participant is not exported
        readable[owner].append(participant_text(name, role))
        ids[owner].append(participant_id(kind, record, role))
    separator = LIST_SEPARATOR
    rows = connection.execute(_limited(
        select(i.id, i.kind, i.title, i.start, i.end, i.city, i.country_code, i.platform,
               i.summary, i.outcomes, i.notes, i.version)
        .where(i.deleted_at.is_(None)).order_by(*order), limit))
    for r in rows:
        key = r[0]
        # The lists hold no empty entries: joined directly rather than through join_list.
        topic_list, shown, linked, tag_list = (topics.get(key), readable.get(key),
                                               ids.get(key), tags.get(key))
        values = [key, r[1], r[2], r[3], r[4], r[5], r[6], r[7],
                  separator.join(topic_list) if topic_list else None,
                  separator.join(shown) if shown else None,
                  separator.join(linked) if linked else None, r[8], r[9], r[10],
                  separator.join(tag_list) if tag_list else None]
        yield values, r[11]


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


Reader = Callable[..., Iterator[Row]]  # (session, names, limit=None)
READERS: dict[str, Reader] = {
    ORGANIZATIONS.name: organizations,
    PEOPLE.name: people,
    POSITIONS.name: positions,
    INTERACTIONS.name: interactions,
    FOLLOWUPS.name: followups,
}
