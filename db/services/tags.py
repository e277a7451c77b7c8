"""Tags: create, rename, delete, and attach to organizations, people, interactions, countries."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from db.changes import recording, registry
from db.changes.fields import split_list
from db.changes.recording import Actor
from db.models import Tag, country_tags, interaction_tags, organization_tags, person_tags
from db.store.engine import Database

SCHEMA = registry.TAG.schema

LINKS: Mapping[str, tuple[Table, str]] = {
    "organization": (organization_tags, "organization_id"),
    "person": (person_tags, "person_id"),
    "interaction": (interaction_tags, "interaction_id"),
    "country": (country_tags, "country_id"),
}


@dataclass(frozen=True)
class TagRecord:
    id: str
    name: str
    name_zh: str | None
    description: str | None
    color: str | None
    source: str | None
    version: int
    usage: int


def _record(tag: Tag, usage: int = 0) -> TagRecord:
    return TagRecord(tag.id, tag.name, tag.name_zh, tag.description, tag.color, tag.source,
                     tag.version, usage)


def tag_ids_for(session: Session, names: list[str], actor: Actor) -> list[str]:
    """Ids of the named tags (by name, case-insensitively), creating the ones that are new."""
    ids: list[str] = []
    for name in split_list(names):
        tag = session.execute(
            select(Tag).where(func.lower(Tag.name) == name.lower())
        ).scalars().first()
        if tag is None:
            tag = recording.create(session, SCHEMA, {"name": name}, actor)
        elif tag.deleted_at is not None:
            recording.restore(session, SCHEMA, tag.id, actor)
        ids.append(tag.id)
    return ids


def tag_names(session: Session, owner: str, owner_id: str) -> tuple[str, ...]:
    table, column = LINKS[owner]
    return tuple(session.execute(
        select(Tag.name).join(table, table.c.tag_id == Tag.id)
        .where(table.c[column] == owner_id, Tag.deleted_at.is_(None)).order_by(Tag.name)
    ).scalars())


def tag_names_for(session: Session, owner: str, owner_ids: list[str]) -> dict[str, tuple[str, ...]]:
    """Tag names of many owners in one query (for list pages)."""
    if not owner_ids:
        return {}
    table, column = LINKS[owner]
    result: dict[str, list[str]] = {}
    for owner_id, name in session.execute(
        select(table.c[column], Tag.name).join(Tag, Tag.id == table.c.tag_id)
        .where(table.c[column].in_(owner_ids), Tag.deleted_at.is_(None)).order_by(Tag.name)
    ).all():
        result.setdefault(owner_id, []).append(name)
    return {key: tuple(value) for key, value in result.items()}


def replace_tags(session: Session, owner: str, owner_id: str, names: Any,
                 actor: Actor) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """Set the owner's tags to exactly `names`; return (old names, new names) if they changed."""
    table, column = LINKS[owner]
    before = tag_names(session, owner, owner_id)
    ids = set(tag_ids_for(session, split_list(names), actor))
    recording.set_links(session, table.c[column], table.c.tag_id, owner_id, ids)
    after = tag_names(session, owner, owner_id)
    return None if before == after else (before, after)


def split_tags(data: Mapping[str, Any]) -> tuple[dict[str, Any], Any]:
    """Separate the `tags` list (stored as links) from the record's own fields.
    Returns (fields, tags) where tags is None when the caller did not mention them."""
    values = dict(data)
    return values, values.pop("tags", None)


def save_tags(session: Session, schema: recording.Schema, owner: str, obj: Any, names: Any,
              actor: Actor, *, log: bool = True) -> None:
    if names is None:
        return
    changed = replace_tags(session, owner, obj.id, names, actor)
    if changed and log:
        recording.touch(session, schema, obj, actor, [("tags", *changed)], obj.version)


def create_tag(db: Database, data: Mapping[str, Any], actor: Actor | None = None) -> TagRecord:
    with db.transaction() as session:
        return _record(recording.create(session, SCHEMA, data, actor or Actor()))


def update_tag(db: Database, tag_id: str, changes: Mapping[str, Any], *,
               expected_version: int | None, actor: Actor | None = None) -> TagRecord:
    with db.transaction() as session:
        tag, _ = recording.update(session, SCHEMA, tag_id, changes, actor or Actor(),
                                  expected_version=expected_version)
        return _record(tag)


def delete_tag(db: Database, tag_id: str, *, expected_version: int | None = None,
               actor: Actor | None = None) -> None:
    with db.transaction() as session:
        recording.soft_delete(session, SCHEMA, tag_id, actor or Actor(),
                              expected_version=expected_version)


def restore_tag(db: Database, tag_id: str, actor: Actor | None = None) -> TagRecord:
    with db.transaction() as session:
        return _record(recording.restore(session, SCHEMA, tag_id, actor or Actor()))


def list_tags(db: Database) -> list[TagRecord]:
    with db.reading() as session:
        usage: dict[str, int] = {}
        for table, _column in LINKS.values():
            for tag_id, count in session.execute(
                select(table.c.tag_id, func.count()).group_by(table.c.tag_id)
            ):
                usage[tag_id] = usage.get(tag_id, 0) + count
        tags = session.execute(
            select(Tag).where(Tag.deleted_at.is_(None)).order_by(Tag.name)
        ).scalars().all()
        return [_record(tag, usage.get(tag.id, 0)) for tag in tags]


def tag_countries(db: Database, tag_id: str, country_codes: list[str],
                  actor: Actor | None = None) -> None:
    """Set the member countries of a grouping tag."""
    from db.changes.fields import country_code_for
    from db.models import Country

    with db.transaction() as session:
        recording.load(session, SCHEMA, tag_id)
        ids = set()
        for code in country_codes:
            resolved = country_code_for(session, code)
            if resolved is None:
                from db.store.errors import Problem, ValidationFailed
                from db.store.translation import translate

                raise ValidationFailed([Problem("countries", translate(
                    "Validation", "“{value}” is not a country Liaison knows."
                ).format(value=code))])
            ids.add(session.execute(select(Country.id).where(Country.code == resolved)).scalar_one())
        table, _ = LINKS["country"]
        before, after = recording.set_links(session, table.c.tag_id, table.c.country_id, tag_id, ids)
        if before != after:
            tag = session.get(Tag, tag_id)
            assert tag is not None
            recording.touch(session, SCHEMA, tag, actor or Actor(),
                            [("countries", sorted(before), sorted(after))], tag.version)
