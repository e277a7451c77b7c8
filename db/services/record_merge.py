"""Merging two records of the same organization or person: the user keeps one (the survivor)
and chooses, field by field, which value it keeps; everything that pointed at the other —
positions, interactions, invitations and delegations, visits and their sides, gifts,
follow-ups, events organized, sessions spoken at, level history, tags — moves to the survivor;
the other's names become aliases; and the other is deleted with `merged_into` naming the
survivor, so its id, still written in a workbook or a travel copy, lands on the survivor.

One transaction, one batch (kind "dedupe"): `undo_batch` takes the merge back whole. Every
change goes through the writer, so the history shows it and merges carry it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal

from sqlalchemy import Column, select
from sqlalchemy.orm import Session

from db.changes import links, recording, registry
from db.changes.entity import Entity
from db.changes.recording import Actor, batch_of_transaction
from db.changes.rows import refresh_contact_stats
from db.models import Participation, Tag, organization_tags, person_tags
from db.services.levels import record_level_set, sync_level
from db.store.engine import Database
from db.store.errors import LiaisonError, ValidationFailed
from db.store.translation import translate

Kind = Literal["organization", "person"]
KINDS: Mapping[str, Entity] = {"organization": registry.ORGANIZATION,
                               "person": registry.PERSON}
# Fields merged rather than chosen: both records' values, once each.
LISTS = ("aliases", "emails", "phones", "languages")
NAMES = ("name", "name_en", "name_zh", "abbreviation")
NOT_CHOSEN = frozenset({"merged_into", *LISTS})
TAG_TABLES = {"organization": organization_tags, "person": person_tags}


@dataclass(frozen=True)
class FieldChoice:
    field: str
    survivor: Any  # the survivor's value
    other: Any  # the other record's
    default: Literal["survivor", "other"]  # the newer non-empty value


@dataclass(frozen=True)
class MergePreview:
    kind: str
    survivor_id: str
    survivor_name: str
    survivor_version: int
    other_id: str
    other_name: str
    other_version: int
    fields: tuple[FieldChoice, ...]  # only the fields whose values differ
    moves: dict[str, int]  # what moves to the survivor, by the user's word for it


@dataclass(frozen=True)
class MergeResult:
    survivor_id: str
    other_id: str
    batch_id: str
    moved: dict[str, int]


def _entity(kind: str) -> Entity:
    if kind not in KINDS:
        raise LiaisonError(translate("Merge", "Only organizations and people can be merged."))
    return KINDS[kind]


def _load_pair(session: Session, entity: Entity, survivor_id: str, other_id: str
               ) -> tuple[Any, Any]:
    noun = entity.noun()
    if survivor_id == other_id:
        raise LiaisonError(translate(
            "Merge", "A record cannot be merged into itself: choose two different {noun}s.")
            .format(noun=noun))
    survivor = session.get(entity.model, survivor_id)
    other = session.get(entity.model, other_id)
    for record, record_id in ((survivor, survivor_id), (other, other_id)):
        if record is None:
            raise LiaisonError(translate("Records", "There is no {noun} with id {id}.").format(
                noun=noun, id=record_id))
        if record.merged_into:
            raise LiaisonError(translate(
                "Merge", "“{name}” was already merged into another record; merge with that "
                         "one instead.").format(name=record.name))
        if record.deleted_at is not None:
            raise LiaisonError(translate(
                "Merge", "“{name}” is deleted; restore it first, or merge with a record that "
                         "is not.").format(name=record.name))
    return survivor, other


def _empty(value: Any) -> bool:
    return value in (None, "", [], ())


def _choices(entity: Entity, survivor: Any, other: Any) -> list[FieldChoice]:
    schema = entity.schema
    newer_is_other = (other.updated_at or other.created_at) > (
        survivor.updated_at or survivor.created_at)
    found = []
    for name in schema.fields:
        if name in NOT_CHOSEN:
            continue
        mine = getattr(survivor, schema.attribute(name))
        theirs = getattr(other, schema.attribute(name))
        if mine == theirs or _empty(theirs):
            continue
        default: Literal["survivor", "other"] = (
            "other" if _empty(mine) or newer_is_other else "survivor")
        found.append(FieldChoice(name, mine, theirs, default))
    return found


# -- what points at a record ----------------------------------------------------------------

@dataclass(frozen=True)
class _Pointer:
    """A column naming the record: a field of a registry entity, a link table, or a
    participation (one field of an interaction, its participants)."""

    column: Column[Any]
    entity: Entity | None  # the entity whose field it is
    field: str | None
    word: str  # what moves, in counts: "positions", "invitations"


def _pointers(entity: Entity) -> list[_Pointer]:
    found: list[_Pointer] = []
    for column in entity.referrers:
        owner = next((e for e in registry.ENTITIES if e.table is column.table), None)
        if owner is not None:
            field = next((f for f in owner.schema.fields if owner.column(f) == column.name),
                         None)
            if field is not None:
                found.append(_Pointer(column, owner, field, owner.kind))
                continue
        if column.table is Participation.__table__:
            found.append(_Pointer(column, None, None, "interactions"))
            continue
        link_owner = next(((e, link) for e in registry.ENTITIES for link in e.links
                           if link.table is column.table and link.item == column.name), None)
        if link_owner is not None:
            found.append(_Pointer(column, link_owner[0], link_owner[1].name, link_owner[0].kind))
    return found


def _count(session: Session, pointer: _Pointer, record_id: str) -> int:
    table = pointer.column.table
    statement = select(pointer.column).where(pointer.column == record_id)
    if "deleted_at" in table.c:
        statement = statement.where(table.c.deleted_at.is_(None))
    return len(session.execute(statement).all())


def merge_preview(db: Database, kind: str, survivor_id: str, other_id: str) -> MergePreview:
    """What merging `other_id` into `survivor_id` would do, before anything is written."""
    entity = _entity(kind)
    with db.reading() as session:
        survivor, other = _load_pair(session, entity, survivor_id, other_id)
        moves: dict[str, int] = {}
        for pointer in _pointers(entity):
            if pointer.field == "merged_into":
                continue
            count = _count(session, pointer, other_id)
            if count:
                moves[pointer.word] = moves.get(pointer.word, 0) + count
        tags_count = len(session.execute(select(TAG_TABLES[kind].c.tag_id).where(
            TAG_TABLES[kind].c[f"{kind}_id"] == other_id)).all())
        if tags_count:
            moves["tags"] = tags_count
        return MergePreview(kind, survivor.id, survivor.name, survivor.version, other.id,
                            other.name, other.version,
                            tuple(_choices(entity, survivor, other)), moves)


# -- the merge --------------------------------------------------------------------------------

def _merged_lists(entity: Entity, survivor: Any, other: Any, chosen: Mapping[str, Any]
                  ) -> dict[str, Any]:
    """Aliases, e-mails, phones, languages: both records' values, once each; the names not
    kept become aliases."""
    schema = entity.schema
    values: dict[str, Any] = {}
    for name in LISTS:
        if name not in schema.fields:
            continue
        mine = list(getattr(survivor, schema.attribute(name)) or [])
        theirs = list(getattr(other, schema.attribute(name)) or [])
        values[name] = mine + [v for v in theirs if v not in mine]
    kept = {str(chosen.get(n, getattr(survivor, n, None)) or "").casefold()
            for n in NAMES if n in schema.fields}
    aliases = list(values.get("aliases", []))
    for name in NAMES:
        if name not in schema.fields or name == "abbreviation":
            continue
        for record in (survivor, other):
            text = getattr(record, name, None)
            if text and text.casefold() not in kept and text not in aliases:
                aliases.append(text)
    values["aliases"] = [a for a in aliases if a.casefold() not in kept]
    return values


def _move_participations(session: Session, kind: str, survivor_id: str, other_id: str,
                         actor: Actor) -> int:
    column = Participation.organization_id if kind == "organization" else Participation.person_id
    interaction_ids = sorted(set(session.execute(select(Participation.interaction_id).where(
        column == other_id, Participation.deleted_at.is_(None))).scalars()))
    entity = registry.INTERACTION
    for interaction_id in interaction_ids:
        interaction = session.get(entity.model, interaction_id)
        if interaction is None:
            continue
        now = links.current(session, entity, interaction_id, "participants")
        wanted: dict[tuple[Any, Any], str] = {}
        for org, person, role in now:
            key = ((survivor_id if org == other_id else org, person) if kind == "organization"
                   else (org, survivor_id if person == other_id else person))
            wanted.setdefault(key, role)  # the survivor already there keeps its role
        before, after, _ = links.write(session, entity, interaction, "participants",
                                       [(o, p, r) for (o, p), r in wanted.items()], actor)
        if before != after:
            recording.touch(session, entity.schema, interaction, actor,
                            [("participants", before, after)], interaction.version)
    return len(interaction_ids)


def _move_link(session: Session, pointer: _Pointer, survivor_id: str, other_id: str,
               actor: Actor) -> int:
    """Co-organizers of events, speakers of sessions: the owner's list names the survivor."""
    assert pointer.entity is not None and pointer.field is not None
    link = pointer.entity.link(pointer.field)
    assert link is not None
    owners = sorted(set(session.execute(select(link.table.c[link.owner]).where(
        link.table.c[link.item] == other_id)).scalars()))
    for owner_id in owners:
        obj = session.get(pointer.entity.model, owner_id)
        if obj is None:
            continue
        now = links.current(session, pointer.entity, owner_id, pointer.field)
        wanted = sorted({survivor_id if item == other_id else item for item in now})
        before, after, _ = links.write(session, pointer.entity, obj, pointer.field, wanted,
                                       actor)
        if before != after:
            recording.touch(session, pointer.entity.schema, obj, actor,
                            [(pointer.field, before, after)], obj.version)
    return len(owners)


def _move_rows(session: Session, pointer: _Pointer, survivor_id: str, other_id: str,
               actor: Actor) -> int:
    """Rows of an entity naming the other record: each names the survivor — or, where the
    survivor already has the same (invited to the same event, on the same side of a visit),
    the other's row goes to the deleted records."""
    assert pointer.entity is not None and pointer.field is not None
    table = pointer.column.table
    ids = sorted(session.execute(select(table.c.id).where(
        pointer.column == other_id, table.c.deleted_at.is_(None))).scalars())
    for row_id in ids:
        try:
            recording.update(session, pointer.entity.schema, row_id,
                             {pointer.field: survivor_id}, actor, expected_version=None)
        except ValidationFailed:
            recording.soft_delete(session, pointer.entity.schema, row_id, actor)
    return len(ids)


def _move_tags(session: Session, entity: Entity, kind: str, survivor: Any, other_id: str,
               actor: Actor) -> int:
    table = TAG_TABLES[kind]
    theirs = set(session.execute(select(table.c.tag_id).where(
        table.c[f"{kind}_id"] == other_id)).scalars())
    if not theirs:
        return 0
    mine = links.current(session, entity, survivor.id, "tags")
    names = list(session.execute(select(Tag.name).where(Tag.id.in_(theirs))).scalars())
    wanted = sorted(set(mine) | set(names))
    before, after, _ = links.write(session, entity, survivor, "tags", wanted, actor)
    if before != after:
        recording.touch(session, entity.schema, survivor, actor, [("tags", before, after)],
                        survivor.version)
    return len(theirs)


def merge_records(db: Database, kind: str, survivor_id: str, other_id: str, *,
                  choices: Mapping[str, str] | None = None,
                  expected_versions: tuple[int | None, int | None] = (None, None),
                  actor: Actor | None = None) -> MergeResult:
    """Merge `other_id` into `survivor_id`. `choices` names, for a field whose values differ,
    which record's value the survivor keeps ("survivor" or "other"); a field not named takes
    the newer non-empty value. `expected_versions` are the versions the user saw: a record
    changed since is a ConflictError and nothing is written."""
    entity = _entity(kind)
    schema = entity.schema
    choices = choices or {}
    actor = replace(actor or Actor(), source="dedupe")
    with db.transaction() as session:
        survivor, other = _load_pair(session, entity, survivor_id, other_id)
        recording.check_version(session, schema, survivor, expected_versions[0])
        recording.check_version(session, schema, other, expected_versions[1])
        actor = replace(actor, detail=f"{survivor.name} ← {other.name}"[:200])
        batch_id = batch_of_transaction(session, actor)
        actor = replace(actor, batch_id=batch_id)
        values: dict[str, Any] = {}
        for choice in _choices(entity, survivor, other):
            pick = choices.get(choice.field, choice.default)
            if pick == "other":
                values[choice.field] = choice.other
        values.update(_merged_lists(entity, survivor, other, values))
        moved: dict[str, int] = {}
        for pointer in _pointers(entity):
            if pointer.column.table is Participation.__table__:
                count = _move_participations(session, kind, survivor.id, other.id, actor)
            elif pointer.entity is not None and pointer.entity.link(pointer.field or ""):
                count = _move_link(session, pointer, survivor.id, other.id, actor)
            elif pointer.entity is not None:
                count = _move_rows(session, pointer, survivor.id, other.id, actor)
            else:
                continue
            if count and pointer.field != "merged_into":
                moved[pointer.word] = moved.get(pointer.word, 0) + count
        tags_moved = _move_tags(session, entity, kind, survivor, other.id, actor)
        if tags_moved:
            moved["tags"] = tags_moved
        # The other record's names would clash with the survivor's look-alike and natural-key
        # checks: it goes first, then the survivor takes its values.
        recording.update(session, schema, other.id, {"merged_into": survivor.id}, actor,
                         expected_version=None)
        recording.soft_delete(session, schema, other.id, actor)
        recording.update(session, schema, survivor.id, values, actor, expected_version=None)
        if kind == "organization":
            # The level chosen is the level now: today's entry of the merged history.
            if "level" in values:
                record_level_set(session, survivor.id, values["level"], actor)
            sync_level(session, survivor.id, actor)
            refresh_contact_stats(session, [survivor.id, other.id], [])
        else:
            refresh_contact_stats(session, [], [survivor.id, other.id])
        return MergeResult(survivor.id, other.id, batch_id, moved)
