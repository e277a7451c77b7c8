"""Interactions with their participants (organizations and people, each in a role) and topics."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from db.changes import recording, registry
from db.changes.fields import FieldInvalid, choice
from db.changes.recording import Actor, Page
from db.changes.rows import move_participation_dates, refresh_contact_stats, replace_participants
from db.models import Interaction, Organization, Participation, Person, Topic, interaction_topics
from db.models.vocabulary import PARTICIPATION_ROLES
from db.services import tags
from db.services.reference import topic_ids_for
from db.store.engine import Database
from db.store.errors import Problem, ValidationFailed, record_noun
from db.store.translation import QT_TRANSLATE_NOOP, translate

SCHEMA = registry.INTERACTION.schema
LINK_FIELDS = ("participants", "topics", "tags")
_role = choice(PARTICIPATION_ROLES, QT_TRANSLATE_NOOP("Validation", "participant role"),
               default="participant")


@dataclass(frozen=True)
class ParticipantRecord:
    id: str
    organization_id: str | None
    person_id: str | None
    name: str
    role: str


@dataclass(frozen=True)
class InteractionRecord:
    id: str
    kind: str
    title: str
    start: date
    end: date | None
    city: str | None
    country: str | None
    platform: str | None
    summary: str | None
    outcomes: str | None
    notes: str | None
    participants: tuple[ParticipantRecord, ...]
    topics: tuple[str, ...]
    tags: tuple[str, ...]
    created_at: datetime
    updated_at: datetime
    version: int
    deleted_at: datetime | None


@dataclass(frozen=True)
class InteractionFilter:
    query: str | None = None
    kinds: tuple[str, ...] = ()
    organization_id: str | None = None
    person_id: str | None = None
    country: str | None = None
    topic: str | None = None
    start_from: date | None = None
    start_to: date | None = None
    include_deleted: bool = False


def _participants_of(session: Session, ids: list[str]) -> dict[str, list[ParticipantRecord]]:
    if not ids:
        return {}
    rows = session.execute(  # plain columns: this runs for every page of every timeline
        select(Participation.id, Participation.interaction_id, Participation.organization_id,
               Participation.person_id, Participation.role, Organization.name, Person.name)
        .outerjoin(Organization, Organization.id == Participation.organization_id)
        .outerjoin(Person, Person.id == Participation.person_id)
        .where(Participation.interaction_id.in_(ids), Participation.deleted_at.is_(None))
        .order_by(Participation.interaction_id, Participation.role, Participation.id)
    ).all()
    result: dict[str, list[ParticipantRecord]] = {}
    for part_id, interaction_id, org_id, person_id, role, org_name, person_name in rows:
        result.setdefault(interaction_id, []).append(ParticipantRecord(
            part_id, org_id, person_id, org_name or person_name or "", role))
    return result


def _topics_of(session: Session, ids: list[str]) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    if not ids:
        return result
    for interaction_id, name in session.execute(
        select(interaction_topics.c.interaction_id, Topic.name_en)
        .join(Topic, Topic.id == interaction_topics.c.topic_id)
        .where(interaction_topics.c.interaction_id.in_(ids)).order_by(Topic.name_en)
    ):
        result.setdefault(interaction_id, []).append(name)
    return result


def _records(session: Session, rows: list[Interaction]) -> list[InteractionRecord]:
    ids = [row.id for row in rows]
    participants = _participants_of(session, ids)
    topics = _topics_of(session, ids)
    tag_map = tags.tag_names_for(session, "interaction", ids)
    return [
        InteractionRecord(
            id=row.id, kind=row.kind, title=row.title, start=row.start, end=row.end,
            city=row.city, country=row.country_code, platform=row.platform, summary=row.summary,
            outcomes=row.outcomes, notes=row.notes,
            participants=tuple(participants.get(row.id, ())),
            topics=tuple(topics.get(row.id, ())),
            tags=tag_map.get(row.id, ()),
            created_at=row.created_at, updated_at=row.updated_at, version=row.version,
            deleted_at=row.deleted_at,
        )
        for row in rows
    ]


def _wanted_participants(session: Session, items: Iterable[Any]) -> list[tuple[str | None, str | None, str]]:
    """Validate participants given as mappings with organization_id or person_id and a role."""
    problems: list[Problem] = []
    wanted: list[tuple[str | None, str | None, str]] = []
    for number, item in enumerate(items, start=1):
        org_id = item.get("organization_id") if isinstance(item, Mapping) else None
        person_id = item.get("person_id") if isinstance(item, Mapping) else None
        if bool(org_id) == bool(person_id):
            problems.append(Problem("participants", translate(
                "Validation", "Participant {number} must be one organization or one person."
            ).format(number=number)))
            continue
        model, noun, wanted_id = (Organization, "organization", org_id) if org_id else (Person, "person", person_id)
        exists = session.execute(select(model.id).where(model.id == wanted_id, model.deleted_at.is_(None))).first()
        if exists is None:
            problems.append(Problem("participants", translate(
                "Records", "There is no {noun} with id {id}."
            ).format(noun=record_noun(noun), id=wanted_id)))
            continue
        try:
            role = _role(session, item.get("role"), {})
        except FieldInvalid as exc:
            problems.append(Problem("participants", exc.message))
            continue
        key = (org_id or None, person_id or None, str(role))
        if any(w[:2] == key[:2] for w in wanted):
            problems.append(Problem("participants", translate(
                "Validation", "Participant {number} is listed twice; give each participant one "
                              "role."
            ).format(number=number)))
            continue
        wanted.append(key)
    if problems:
        raise ValidationFailed(problems)
    return wanted


def _save_links(session: Session, row: Interaction, data: Mapping[str, Any], actor: Actor,
                *, log: bool) -> set[tuple[str | None, str | None]]:
    """Write participants and topics given in `data`; return the participants touched."""
    changes: list[tuple[str, Any, Any]] = []
    touched: set[tuple[str | None, str | None]] = set()
    if "participants" in data:
        wanted = _wanted_participants(session, data["participants"] or [])
        had, has = replace_participants(session, row, wanted)
        if had != has:
            changes.append(("participants", sorted(map(list, had), key=str),
                            sorted(map(list, has), key=str)))
        touched = {(k[0], k[1]) for k in [*had, *has]}
    if "topics" in data:
        from db.changes.fields import split_list

        ids, unknown = topic_ids_for(session, split_list(data["topics"]))
        if unknown:
            message = translate("Validation",
                                "“{name}” is not a topic; add it first or pick another.")
            raise ValidationFailed([Problem("topics", message.format(name=name))
                                    for name in unknown])
        before, after = recording.set_links(session, interaction_topics.c.interaction_id,
                                            interaction_topics.c.topic_id, row.id, set(ids))
        if before != after:
            changes.append(("topics", sorted(before), sorted(after)))
    if "tags" in data:
        changed = tags.replace_tags(session, "interaction", row.id, data["tags"], actor)
        if changed:
            changes.append(("tags", *changed))
    if changes and log:
        recording.touch(session, SCHEMA, row, actor, changes, row.version)
    return touched


def _refresh(session: Session, touched: set[tuple[str | None, str | None]]) -> None:
    if touched:
        refresh_contact_stats(session, [o for o, _ in touched], [p for _, p in touched])


def _participants_of_row(session: Session, interaction_id: str) -> set[tuple[str | None, str | None]]:
    return set(session.execute(
        select(Participation.organization_id, Participation.person_id)
        .where(Participation.interaction_id == interaction_id)
    ).all())


def create_interaction(db: Database, data: Mapping[str, Any], actor: Actor | None = None,
                       *, record_id: str | None = None) -> InteractionRecord:
    """`data` holds the interaction's fields plus optional `participants` (mappings with
    organization_id or person_id and role), `topics` (ids, keys or names) and `tags`."""
    with db.transaction() as session:
        row = create_in(session, data, actor or Actor(), record_id=record_id)
        return _records(session, [row])[0]


def create_in(session: Session, data: Mapping[str, Any], actor: Actor, *,
              record_id: str | None = None) -> Interaction:
    """create_interaction inside the caller's transaction (a visit's meeting)."""
    fields = {k: v for k, v in data.items() if k not in LINK_FIELDS}
    row = recording.create(session, SCHEMA, fields, actor, record_id=record_id)
    touched = _save_links(session, row, data, actor, log=False)
    _refresh(session, touched)
    row_: Interaction = row
    return row_


def update_interaction(db: Database, interaction_id: str, changes: Mapping[str, Any], *,
                       expected_version: int | None, actor: Actor | None = None
                       ) -> InteractionRecord:
    actor = actor or Actor()
    fields = {k: v for k, v in changes.items() if k not in LINK_FIELDS}
    with db.transaction() as session:
        row, diff = recording.update(session, SCHEMA, interaction_id, fields, actor,
                                     expected_version=expected_version)
        touched = _save_links(session, row, changes, actor, log=True)
        if any(name == "start" for name, _, _ in diff):
            move_participation_dates(session, row.id, row.start)
            touched |= _participants_of_row(session, row.id)
        _refresh(session, touched)
        return _records(session, [row])[0]


def delete_interaction(db: Database, interaction_id: str, *, expected_version: int | None = None,
                       actor: Actor | None = None) -> None:
    with db.transaction() as session:
        recording.soft_delete(session, SCHEMA, interaction_id, actor or Actor(),
                              expected_version=expected_version)
        _refresh(session, _participants_of_row(session, interaction_id))


def restore_interaction(db: Database, interaction_id: str,
                        actor: Actor | None = None) -> InteractionRecord:
    with db.transaction() as session:
        row = recording.restore(session, SCHEMA, interaction_id, actor or Actor())
        _refresh(session, _participants_of_row(session, interaction_id))
        return _records(session, [row])[0]


def get_interaction(db: Database, interaction_id: str, *,
                    include_deleted: bool = False) -> InteractionRecord:
    with db.reading() as session:
        row = recording.load(session, SCHEMA, interaction_id, include_deleted=include_deleted)
        return _records(session, [row])[0]


def filtered(filters: InteractionFilter) -> Select[Interaction]:
    """Interactions matching the filters. With one participant named, the query walks that
    participant's timeline index (newest first) instead of sorting their interactions."""
    participant = (Participation.organization_id, filters.organization_id) if filters.organization_id \
        else (Participation.person_id, filters.person_id) if filters.person_id else None
    if participant is not None:
        column, wanted = participant
        statement = (select(Interaction)
                     .join(Participation, Participation.interaction_id == Interaction.id)
                     .where(column == wanted, Participation.deleted_at.is_(None)))
        if filters.organization_id and filters.person_id:
            statement = statement.where(Interaction.id.in_(
                select(Participation.interaction_id).where(
                    Participation.person_id == filters.person_id,
                    Participation.deleted_at.is_(None))))
    else:
        statement = select(Interaction)
    if not filters.include_deleted:
        statement = statement.where(Interaction.deleted_at.is_(None))
    if filters.query:
        pattern = f"%{filters.query.strip().lower()}%"
        statement = statement.where(or_(func.lower(Interaction.title).like(pattern),
                                        func.lower(Interaction.summary).like(pattern)))
    if filters.kinds:
        statement = statement.where(Interaction.kind.in_(filters.kinds))
    if filters.country:
        statement = statement.where(Interaction.country_code == filters.country)
    if filters.topic:
        statement = statement.where(Interaction.id.in_(
            select(interaction_topics.c.interaction_id).join(
                Topic, Topic.id == interaction_topics.c.topic_id)
            .where(or_(Topic.key == filters.topic, Topic.id == filters.topic))))
    if filters.start_from:
        statement = statement.where(Interaction.start >= filters.start_from)
    if filters.start_to:
        statement = statement.where(Interaction.start <= filters.start_to)
    return statement


def _only_participant(filters: InteractionFilter) -> bool:
    return (bool(filters.organization_id) != bool(filters.person_id)) and filters == InteractionFilter(
        organization_id=filters.organization_id, person_id=filters.person_id)


def order_for(filters: InteractionFilter, descending: bool = True) -> tuple[Any, Any]:
    """The list's order (by date, then id) on the columns `filtered` walks for these filters."""
    by_participant = bool(filters.organization_id or filters.person_id)
    start_column = Participation.start if by_participant else Interaction.start
    id_column = Participation.interaction_id if by_participant else Interaction.id
    return (start_column.desc(), id_column.desc()) if descending else (
        start_column.asc(), id_column.asc())


def list_interactions(db: Database, filters: InteractionFilter | None = None, *,
                      descending: bool = True, offset: int = 0, limit: int = 100,
                      with_total: bool = True) -> Page[InteractionRecord]:
    """Newest first by default. Counting a million rows costs time: pass with_total=False
    when paging forward and the total is already known (total is then -1)."""
    filters = filters or InteractionFilter()
    statement = filtered(filters)
    order = order_for(filters, descending)
    with db.reading() as session:
        total = -1
        if with_total and _only_participant(filters):
            model: Any = Organization if filters.organization_id else Person
            total = int(session.execute(select(model.interaction_count).where(
                model.id == (filters.organization_id or filters.person_id))).scalar_one_or_none() or 0)
        elif with_total:
            total = int(session.execute(select(func.count()).select_from(
                statement.with_only_columns(Interaction.id).subquery())).scalar_one())
        rows = list(session.execute(statement.order_by(*order).offset(offset).limit(limit)).scalars())
        return Page(items=tuple(_records(session, rows)), total=total, offset=offset, limit=limit)
