"""People: create, update, soft-delete, restore, get and list with filters."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from db.changes import recording, registry
from db.changes.recording import Actor, Page
from db.models import Affiliation, Person, Tag, person_tags
from db.models.folding import fold, name_matches
from db.services import tags
from db.store.engine import Database

SCHEMA = registry.PERSON.schema

FEW_ENOUGH_TO_SORT = 2000
SORT_COLUMNS: Mapping[str, Any] = {
    "name": Person.sort_original,
    "title": func.lower(Person.title),
    "nationality": Person.nationality,
    "last_contact": Person.last_contact,
    "interaction_count": Person.interaction_count,
    "updated_at": Person.updated_at,
}


@dataclass(frozen=True)
class PersonRecord:
    id: str
    name: str
    name_en: str | None
    name_zh: str | None
    aliases: tuple[str, ...]
    title: str | None
    gender: str | None
    nationality: str | None
    emails: tuple[str, ...]
    phones: tuple[str, ...]
    languages: tuple[str, ...]
    notes: str | None
    tags: tuple[str, ...]
    last_contact: date | None
    interaction_count: int
    created_at: datetime
    updated_at: datetime
    version: int
    deleted_at: datetime | None
    birth_year: int | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(n for n in (self.name, self.name_en, self.name_zh, *self.aliases) if n)


@dataclass(frozen=True)
class PersonFilter:
    query: str | None = None
    organization_id: str | None = None
    nationality: str | None = None
    tag: str | None = None
    include_deleted: bool = False


def _record(session: Session, person: Person, tag_names: tuple[str, ...] | None = None
            ) -> PersonRecord:
    return PersonRecord(
        id=person.id, name=person.name, name_en=person.name_en, name_zh=person.name_zh,
        aliases=tuple(person.aliases or ()), title=person.title, gender=person.gender,
        nationality=person.nationality, emails=tuple(person.emails or ()),
        phones=tuple(person.phones or ()), languages=tuple(person.languages or ()),
        notes=person.notes,
        tags=tag_names if tag_names is not None else tags.tag_names(session, "person", person.id),
        last_contact=person.last_contact, interaction_count=person.interaction_count or 0,
        created_at=person.created_at, updated_at=person.updated_at, version=person.version,
        deleted_at=person.deleted_at, birth_year=person.birth_year,
    )


def create_person(db: Database, data: Mapping[str, Any], actor: Actor | None = None,
                  *, record_id: str | None = None) -> PersonRecord:
    actor = actor or Actor()
    values, tag_list = tags.split_tags(data)
    with db.transaction() as session:
        person = recording.create(session, SCHEMA, values, actor, record_id=record_id)
        tags.save_tags(session, SCHEMA, "person", person, tag_list, actor, log=False)
        return _record(session, person)


def update_person(db: Database, person_id: str, changes: Mapping[str, Any], *,
                  expected_version: int | None, actor: Actor | None = None) -> PersonRecord:
    actor = actor or Actor()
    values, tag_list = tags.split_tags(changes)
    with db.transaction() as session:
        person, _ = recording.update(session, SCHEMA, person_id, values, actor,
                                     expected_version=expected_version)
        tags.save_tags(session, SCHEMA, "person", person, tag_list, actor)
        return _record(session, person)


def delete_person(db: Database, person_id: str, *, expected_version: int | None = None,
                  actor: Actor | None = None) -> None:
    with db.transaction() as session:
        recording.soft_delete(session, SCHEMA, person_id, actor or Actor(),
                              expected_version=expected_version)


def restore_person(db: Database, person_id: str, actor: Actor | None = None) -> PersonRecord:
    with db.transaction() as session:
        return _record(session, recording.restore(session, SCHEMA, person_id, actor or Actor()))


def get_person(db: Database, person_id: str, *, include_deleted: bool = False) -> PersonRecord:
    with db.reading() as session:
        return _record(session, recording.load(session, SCHEMA, person_id,
                                               include_deleted=include_deleted))


def filtered(filters: PersonFilter) -> Select[Any]:
    statement = select(Person)
    if not filters.include_deleted:
        statement = statement.where(Person.deleted_at.is_(None))
    if filters.query and fold(filters.query):
        statement = statement.where(name_matches(Person.search_text, filters.query))
    if filters.organization_id:
        statement = statement.where(Person.id.in_(
            select(Affiliation.person_id).where(
                Affiliation.organization_id == filters.organization_id,
                Affiliation.deleted_at.is_(None),
            )
        ))
    if filters.nationality:
        statement = statement.where(Person.nationality == filters.nationality)
    if filters.tag:
        statement = statement.where(Person.id.in_(
            select(person_tags.c.person_id).join(Tag, Tag.id == person_tags.c.tag_id)
            .where(func.lower(Tag.name) == filters.tag.lower())
        ))
    return statement


NAME_SORTS: Mapping[str, Any] = {"original": Person.sort_original, "en": Person.sort_en,
                                 "zh": Person.sort_zh}


def list_people(db: Database, filters: PersonFilter | None = None, *, sort: str = "name",
                descending: bool = False, offset: int = 0, limit: int = 100,
                names: str = "original") -> Page[PersonRecord]:
    """A page of the list; names sort as shown in the preferred script `names`."""
    filters = filters or PersonFilter()
    if sort not in SORT_COLUMNS:
        raise ValueError(f"cannot sort people by {sort!r}")
    statement = filtered(filters)
    column = SORT_COLUMNS[sort]
    if sort == "name":
        column = NAME_SORTS.get(names, Person.sort_original)
    with db.reading() as session:
        total = session.execute(
            select(func.count()).select_from(statement.with_only_columns(Person.id).subquery())
        ).scalar_one()
        if sort == "name" and total < FEW_ENOUGH_TO_SORT:
            # Few matches: sorting them beats walking the whole sort-key index to find
            # them (the concatenation keeps the planner off that index).
            column = column + ""
        order = column.desc() if descending else column.asc()
        people = session.execute(
            statement.order_by(order.nulls_last(), Person.id).offset(offset).limit(limit)
        ).scalars().all()
        tag_map = tags.tag_names_for(session, "person", [person.id for person in people])
        items = tuple(_record(session, person, tag_map.get(person.id, ())) for person in people)
        return Page(items=items, total=int(total), offset=offset, limit=limit)

