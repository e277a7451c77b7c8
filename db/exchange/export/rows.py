"""The rows of each sheet of the Liaison workbook, read in bulk (a few queries per sheet, no
per-row ORM loads). Deleted records are left out, and so are links to deleted records.

The bulk queries run as Core statements on the session's connection: the ORM's row loading
adds nothing to plain columns but time. `limit` (the benchmark's narrowed export) reaches the
SQL, related rows included, so exporting the first N rows costs what N rows cost."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from sqlalchemy import Select, Table, func, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from db.changes.dates import founding_cell
from db.exchange.export.links import Links, Names, all_links, links_by_chunk
from db.exchange.workbook import (
    FOLLOWUPS,
    INTERACTIONS,
    ORGANIZATIONS,
    PEOPLE,
    POSITIONS,
    SheetSpec,
    join_list,
)
from db.models import (
    Affiliation,
    Country,
    FollowUp,
    Interaction,
    Organization,
    Person,
    Tag,
    interaction_tags,
    organization_tags,
    person_tags,
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


MODELS: dict[str, Any] = {ORGANIZATIONS.name: Organization, PEOPLE.name: Person,
                          POSITIONS.name: Affiliation, INTERACTIONS.name: Interaction,
                          FOLLOWUPS.name: FollowUp}


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


Reader = Callable[..., Iterator[Row]]  # (session, names, limit=None)
READERS: dict[str, Reader] = {
    ORGANIZATIONS.name: organizations,
    PEOPLE.name: people,
    POSITIONS.name: positions,
    INTERACTIONS.name: interactions,
    FOLLOWUPS.name: followups,
}
