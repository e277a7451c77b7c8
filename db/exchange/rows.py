"""The rows of each sheet of the Liaison workbook, read in bulk (a few queries per sheet, no
per-row ORM loads). Deleted records are left out, and so are links to deleted records."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from db.exchange.workbook import (
    FOLLOWUPS,
    INTERACTIONS,
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
    """Readable names of the live records rows refer to."""

    def __init__(self, session: Session) -> None:
        self.organizations: dict[str, str] = dict(session.execute(
            select(Organization.id, Organization.name).where(Organization.deleted_at.is_(None))
        ).all())
        self.people: dict[str, str] = dict(session.execute(
            select(Person.id, Person.name).where(Person.deleted_at.is_(None))).all())
        self.interactions: dict[str, str] = dict(session.execute(
            select(Interaction.id, Interaction.title).where(Interaction.deleted_at.is_(None))
        ).all())


def _tags(session: Session, link: Table, owner_column: str) -> dict[str, list[str]]:
    result: dict[str, list[str]] = defaultdict(list)
    rows = session.execute(
        select(link.c[owner_column], Tag.name).join(Tag, Tag.id == link.c.tag_id)
        .where(Tag.deleted_at.is_(None)).order_by(link.c[owner_column], func.lower(Tag.name)))
    for owner, name in rows:
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


def organizations(session: Session, names: Names) -> Iterator[Row]:
    tags = _tags(session, organization_tags, "organization_id")
    o = Organization
    rows = session.execute(
        select(o.id, o.name, o.name_en, o.name_zh, o.aliases, o.abbreviation, o.kind,
               o.country_code, o.status, o.ideology, o.founded, o.website, o.email, o.phone,
               o.level, o.notes, o.version)
        .where(o.deleted_at.is_(None)).order_by(func.lower(o.name), o.id))
    for r in rows:
        values = [r[0], r[1], r[2], r[3], join_list(r[4]), *r[5:16], join_list(tags.get(r[0]))]
        yield values, r[16]


def people(session: Session, names: Names) -> Iterator[Row]:
    tags = _tags(session, person_tags, "person_id")
    p = Person
    rows = session.execute(
        select(p.id, p.name, p.name_en, p.name_zh, p.aliases, p.title, p.gender, p.nationality,
               p.emails, p.phones, p.languages, p.notes, p.version)
        .where(p.deleted_at.is_(None)).order_by(func.lower(p.name), p.id))
    for r in rows:
        values = [r[0], r[1], r[2], r[3], join_list(r[4]), r[5], r[6], r[7], join_list(r[8]),
                  join_list(r[9]), join_list(r[10]), r[11], join_list(tags.get(r[0]))]
        yield values, r[12]


def positions(session: Session, names: Names) -> Iterator[Row]:
    a = Affiliation
    rows = session.execute(
        select(a.id, a.person_id, a.organization_id, a.role, a.start, a.end, a.version)
        .where(a.deleted_at.is_(None)).order_by(a.person_id, a.start, a.id))
    for r in rows:
        person, organization = names.people.get(r[1]), names.organizations.get(r[2])
        if person is None or organization is None:
            continue  # a position in a deleted record goes with it
        yield [r[0], r[1], person, r[2], organization, r[3], r[4], r[5]], r[6]


def interactions(session: Session, names: Names) -> Iterator[Row]:
    tags = _tags(session, interaction_tags, "interaction_id")
    topics: dict[str, list[str]] = defaultdict(list)
    for owner, topic in session.execute(
            select(interaction_topics.c.interaction_id, Topic.name_en)
            .join(Topic, Topic.id == interaction_topics.c.topic_id)
            .where(Topic.deleted_at.is_(None))
            .order_by(interaction_topics.c.interaction_id, Topic.key)):
        topics[owner].append(topic)
    readable: dict[str, list[str]] = defaultdict(list)
    ids: dict[str, list[str]] = defaultdict(list)
    p = Participation
    for owner, organization_id, person_id, role in session.execute(
            select(p.interaction_id, p.organization_id, p.person_id, p.role)
            .where(p.deleted_at.is_(None))
            .order_by(p.interaction_id, p.organization_id.is_(None), p.role, p.id)):
        kind = "organization" if organization_id is not None else "person"
        record: str = organization_id or person_id or ""
        lookup = names.organizations if kind == "organization" else names.people
        name = lookup.get(record)
        if name is None:
            continue  # a deleted participant is not exported
        readable[owner].append(participant_text(name, role))
        ids[owner].append(participant_id(kind, record, role))
    i = Interaction
    rows = session.execute(
        select(i.id, i.kind, i.title, i.start, i.end, i.city, i.country_code, i.platform,
               i.summary, i.outcomes, i.notes, i.version)
        .where(i.deleted_at.is_(None)).order_by(i.start.desc(), i.id))
    for r in rows:
        key = r[0]
        values = [key, r[1], r[2], r[3], r[4], r[5], r[6], r[7], join_list(topics.get(key)),
                  join_list(readable.get(key)), join_list(ids.get(key)), r[8], r[9], r[10],
                  join_list(tags.get(key))]
        yield values, r[11]


def followups(session: Session, names: Names) -> Iterator[Row]:
    f = FollowUp
    rows = session.execute(
        select(f.id, f.description, f.due, f.status, f.owner, f.organization_id,
               f.interaction_id, f.version)
        .where(f.deleted_at.is_(None)).order_by(f.due.is_(None), f.due, f.id))
    for r in rows:
        organization = names.organizations.get(r[5]) if r[5] else None
        interaction = names.interactions.get(r[6]) if r[6] else None
        values = [r[0], r[1], r[2], r[3], r[4], r[5] if organization else None, organization,
                  r[6] if interaction else None, interaction]
        yield values, r[7]


READERS: dict[str, Callable[[Session, Names], Iterator[Row]]] = {
    ORGANIZATIONS.name: organizations,
    PEOPLE.name: people,
    POSITIONS.name: positions,
    INTERACTIONS.name: interactions,
    FOLLOWUPS.name: followups,
}
