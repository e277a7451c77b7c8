"""Applying an import plan: one transaction recorded as one batch, bulk inserts for new records,
the writer's field-level path for updates — every change in the change log, which is what
undoing it reads (db/changes/undo.py)."""


from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from itertools import chain
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.changes import recording, registry
from db.changes import rows as rows_path
from db.changes.bulk import BulkWriter, stamp
from db.changes.freshness import check_current
from db.changes.recording import Actor, to_json
from db.changes.registry_levels import LEVEL_CHANGE
from db.changes.rows import refresh_contact_stats
from db.exchange.imports.cells import EVENT_PARTS, SCHEMAS, VISIT_PARTS
from db.exchange.imports.event_rows import LINKED
from db.exchange.imports.plan import Plan, RowPlan
from db.exchange.imports.visit_plan import follow_meeting
from db.models import (
    Participation,
    Tag,
    interaction_tags,
    interaction_topics,
    organization_tags,
    person_tags,
)
from db.models.base import new_id, new_ids
from db.models.folding import search_text_for, sort_keys
from db.services import levels
from db.services.tags import SCHEMA as TAG_SCHEMA
from db.store.backups import make_backup
from db.store.engine import Database
from db.store.errors import LiaisonError, record_noun
from db.store.translation import translate

Progress = Callable[[str, int, int], None]
TAG_LINKS = {"organization": (organization_tags, "organization_id"),
             "person": (person_tags, "person_id"),
             "interaction": (interaction_tags, "interaction_id")}
ORDER = ("organization", "level change", "person", "position", "interaction", "followup", "visit",
         "visit member", "programme item", "gift", "event", "event session", "invitation",
         "delegate")
# A visit's rules that read other records were checked over the whole plan
# (imports/visit_plan.py); record by record, half-way through, they would see a visit moved
# before its programme follows it.
# An event's the same way (imports/event_plan.py).
# A level history's "one change a day" too (imports/level_rows.py).
ONE_BY_ONE = frozenset(entity.name for entity in (*VISIT_PARTS, *EVENT_PARTS, LEVEL_CHANGE))
SCHEMA_OF = {**SCHEMAS, "position": registry.AFFILIATION.schema,
             **{entity.name: replace(entity.schema, session_checks=())
                for entity in (*VISIT_PARTS, *EVENT_PARTS, LEVEL_CHANGE)}}
# The lists of records an event or a session links to (co-organizers, speakers).
LINKS_OF = {"event": "co_organizers", "event session": "speakers"}



class ImportCancelled(LiaisonError):
    pass



@dataclass(frozen=True)
class ImportResult:
    batch_id: str
    counts: dict[str, dict[str, int]]


def _column(model: Any, attribute: str) -> str:
    return str(model.__mapper__.attrs[attribute].columns[0].name)


def _converter(model: Any, attribute: str) -> Callable[[Any], Any] | None:
    """How a column's values go to the bulk path: lists as JSON, dates as ISO text."""
    from sqlalchemy import JSON, Date

    kind = model.__mapper__.attrs[attribute].columns[0].type
    if isinstance(kind, JSON):
        return _db_value
    if isinstance(kind, Date):
        return lambda value: None if value is None else value.isoformat()
    return None


def _column_default(model: Any, attribute: str) -> Any:
    """A column's own default (a position is not a party's leadership unless said), for rows
    whose file left the field out: the bulk path writes every column."""
    default = model.__mapper__.attrs[attribute].columns[0].default
    return default.arg if default is not None and default.is_scalar else None


def _db_value(value: Any) -> Any:
    """A value in the text form the bulk path writes: lists as JSON, dates as ISO text."""
    plain = _jsonable(value)
    return json.dumps(plain, ensure_ascii=False) if isinstance(plain, list) else plain


@dataclass(frozen=True)
class ImportProgress:
    stage: str
    done: int
    total: int
    result: ImportResult | None = None  # on the last step


def apply_steps(db: Database, plan: Plan, actor: Actor | None = None, *,
                cancelled: Callable[[], bool] | None = None) -> Iterator[ImportProgress]:
    """Back the database up (a verified copy in its backups folder), then write the plan in
    one transaction, as one ImportBatch, yielding progress; cancelling (or closing the
    generator) rolls everything back."""
    if not plan.can_apply:
        raise LiaisonError(translate(
            "Import", "{count} problem(s) in {file} block the import; nothing was written. Fix "
                      "them, or skip the invalid rows.").format(count=len(plan.errors),
                                                                file=plan.file_name))
    batch_id = new_id()
    base = actor or Actor()
    actor = Actor(base.who, "import", plan.file_name, batch_id)
    rows = [row for row in plan.rows if row.action in ("create", "update") or (
        row.action == "delete" and plan.options.apply_deletions)]
    total = len(rows)
    done = 0
    if db.path is not None:  # a server is backed up with its own tools
        yield ImportProgress(translate("Import", "Backing up the database"), 0, total)
        make_backup(db, "import")
    with db.transaction() as session, _larger_cache(session, db.is_sqlite):
        rows_path.open_batch(session, id=batch_id, kind="import", file_name=plan.file_name,
                             checksum=plan.checksum, who=actor.who, status="applied",
                             counts=plan.counts())
        check_current(session, db.is_sqlite, plan.marker, translate(
            "Import", "The database changed while the import of {file} was being prepared "
                      "(another window or program wrote to it); nothing was written. Prepare "
                      "the import again.").format(file=plan.file_name))
        applier = _Applier(session, actor)
        for entity in ORDER:
            creates = [r for r in rows if r.entity == entity and r.action == "create"]
            updates = [r for r in rows if r.entity == entity and r.action == "update"]
            deletions = [r for r in rows if r.entity == entity and r.action == "delete"]
            for stage, amount in chain(applier.create(entity, creates),
                                       applier.update(entity, updates),
                                       applier.delete(entity, deletions)):
                done += amount
                if cancelled is not None and cancelled():
                    raise ImportCancelled(translate("Import", "The import was cancelled; "
                                                              "nothing was written."))
                yield ImportProgress(stage, done, total)
        yield ImportProgress(translate("Import", "Finishing"), done, total)
        applier.record_levels()
        applier.finish()
        rows_path.flush(session)
    yield ImportProgress(translate("Import", "Done"), total, total,
                         ImportResult(batch_id, plan.counts()))


@contextmanager
def _larger_cache(session: Session, sqlite: bool) -> Iterator[None]:
    """SQLite's default page cache (2 MB) makes a bulk insert into a large database read the
    same index pages again and again; 64 MB for the length of the import."""
    if not sqlite:
        yield
        return
    connection = session.connection()
    connection.exec_driver_sql("PRAGMA cache_size = -65536")
    try:
        yield
    finally:
        connection.exec_driver_sql("PRAGMA cache_size = -2000")


def apply_plan(db: Database, plan: Plan, actor: Actor | None = None, *,
               cancelled: Callable[[], bool] | None = None,
               progress: Progress | None = None) -> ImportResult:
    """`apply_steps` run to the end: the ImportResult."""
    result = None
    for step in apply_steps(db, plan, actor, cancelled=cancelled):
        if progress is not None:
            progress(step.stage, step.done, step.total)
        result = step.result or result
    assert result is not None
    return result


class _Applier:
    def __init__(self, session: Session, actor: Actor) -> None:
        self.session = session
        self.actor = actor
        self.writer = BulkWriter(session.connection())
        self.now = stamp()
        self.log_rows: list[tuple[Any, ...]] = []
        self.touched_organizations: set[str] = set()
        self.touched_people: set[str] = set()
        # New interactions only add to a participant's figures: (count, latest date) to add.
        self.new_contacts: dict[tuple[str, str], list[Any]] = {}
        self._tags: dict[str, str] | None = None
        # The levels the organizations rows wrote, and the organizations whose history the
        # levels sheet wrote: see record_levels.
        self.levels_set: dict[str, str | None] = {}
        self.histories: set[str] = set()

    # tags by folded name, created on first use
    def tag_id(self, name: str) -> str:
        if self._tags is None:
            self._tags = {n.casefold(): i for i, n in self.session.execute(
                select(Tag.id, Tag.name).where(Tag.deleted_at.is_(None)))}
        key = name.casefold()
        if key not in self._tags:
            existing = self.session.execute(select(Tag).where(Tag.name == name)).scalar_one_or_none()
            if existing is not None:  # a deleted tag of that name comes back
                recording.restore(self.session, TAG_SCHEMA, existing.id, self.actor)
                self._tags[key] = existing.id
            else:
                tag = recording.create(self.session, TAG_SCHEMA, {"name": name}, self.actor)
                self._tags[key] = tag.id
        return self._tags[key]

    def tag_names(self) -> dict[str, str]:
        return {tag: name for name, tag in (self._tags or {}).items()} | {
            tag: name for tag, name in self.session.execute(select(Tag.id, Tag.name))}

    def delete(self, entity: str, plans: list[RowPlan]) -> Iterator[tuple[str, int]]:
        """Deletions the user accepted (records gone from a Liaison workbook's sheet)."""
        schema = SCHEMA_OF[entity]
        for plan in plans:
            assert plan.id is not None
            if entity == "interaction":
                for organization_id, person_id in self.session.execute(
                        select(Participation.organization_id, Participation.person_id)
                        .where(Participation.interaction_id == plan.id)):
                    self._touch(organization_id, person_id)
            gone = recording.soft_delete(self.session, schema, plan.id, self.actor)
            if entity == LEVEL_CHANGE.name:
                self.histories.add(gone.organization_id)
            if entity == "programme item" and gone.interaction_id:
                self._delete_meeting(gone.interaction_id, gone.id)
            yield translate("Import", "Deleting {noun} records").format(
                noun=record_noun(schema.entity)), 1

    def _delete_meeting(self, interaction_id: str, item_id: str) -> None:
        """A programme item's meeting belongs to the programme: it goes with the item, as on
        the visit page — unless another item holds it or it is gone already."""
        from db.models import Interaction
        from db.services.programme import _elsewhere

        meeting = self.session.get(Interaction, interaction_id)
        if meeting is None or meeting.deleted_at is not None or _elsewhere(
                self.session, interaction_id, item_id):
            return
        for organization_id, person_id in self.session.execute(
                select(Participation.organization_id, Participation.person_id)
                .where(Participation.interaction_id == interaction_id)):
            self._touch(organization_id, person_id)
        recording.soft_delete(self.session, SCHEMA_OF["interaction"], interaction_id,
                              self.actor)

    def create(self, entity: str, plans: list[RowPlan]) -> Iterator[tuple[str, int]]:
        if not plans:
            return
        schema = SCHEMA_OF[entity]
        if entity in ONE_BY_ONE:
            # A visit and its parts come a few at a time: the writer's field-level path.
            for plan in plans:
                obj = recording.create(self.session, schema, plan.values, self.actor,
                                       record_id=plan.id)
                if entity == LEVEL_CHANGE.name:
                    self.histories.add(obj.organization_id)
                if entity in LINKS_OF and plan.links.get(LINKS_OF[entity]):
                    self._set_linked(entity, obj, plan.links, log=False)
                yield translate("Import", "Creating {noun} records").format(
                    noun=record_noun(schema.entity)), 1
            return
        if entity == "organization":
            self.levels_set.update((str(plan.id), plan.values["level"]) for plan in plans
                                   if plan.values.get("level"))
        model = schema.model
        fields = list(schema.fields)
        columns = ["id", "created_at", "updated_at", "version",
                   *(_column(model, schema.attribute(f)) for f in fields)]
        with_search = bool(schema.search_fields)
        if with_search:
            columns.append("search_text")
        keyed = entity in ("organization", "person")
        if keyed:
            columns.extend(("interaction_count", "sort_original", "sort_en", "sort_zh"))
        table = model.__tablename__
        converters = [_converter(model, schema.attribute(f)) for f in fields]
        pairs = list(zip(fields, converters, strict=True))
        defaults = {f: _column_default(model, schema.attribute(f)) for f in fields}
        for start in range(0, len(plans), 5000):
            chunk = plans[start:start + 5000]
            tuples = []
            for plan in chunk:
                values = plan.values
                row = [plan.id, self.now, self.now, 1,
                       *(convert(values.get(f, defaults[f])) if convert
                         else values.get(f, defaults[f]) for f, convert in pairs)]
                if with_search:
                    row.append(search_text_for(values.get(f) for f in schema.search_fields))
                if keyed:
                    row.append(0)
                    row.extend(sort_keys(values).values())
                tuples.append(tuple(row))
            self.writer.insert(table, columns, tuples)
            self._links(entity, chunk)
            created = to_json({"import": self.actor.detail})
            self.log_rows.extend(
                (key, self.now, schema.entity, plan.id, "created", None,
                 created, 1, self.actor.who, "import",
                 self.actor.detail, self.actor.batch_id)
                for key, plan in zip(new_ids(len(chunk)), chunk, strict=True))
            yield translate("Import", "Creating {noun} records").format(
                noun=record_noun(schema.entity)), len(chunk)

    def _links(self, entity: str, plans: list[RowPlan]) -> None:
        if entity in TAG_LINKS:
            table, column = TAG_LINKS[entity]
            pairs = {(plan.id, self.tag_id(name)) for plan in plans
                     for name in plan.links.get("tags", ())}
            self.writer.insert(table.name, (column, "tag_id"), sorted(pairs))
        if entity == "interaction":
            self.writer.insert("interaction_topics", ("interaction_id", "topic_id"),
                               [(plan.id, topic) for plan in plans
                                for topic in plan.links.get("topics", ())])
            parts = []
            for plan in plans:
                start = plan.values.get("start")
                for organization_id, person_id, role in plan.links.get("participants", ()):
                    parts.append((self.now, self.now, 1, plan.id, organization_id, person_id,
                                  role, _db_value(start)))
                    key = ("organizations", organization_id) if organization_id else \
                        ("people", person_id)
                    figures = self.new_contacts.get(key)
                    if figures is None:
                        self.new_contacts[key] = [1, start]
                    else:
                        figures[0] += 1
                        if start and (figures[1] is None or start > figures[1]):
                            figures[1] = start
            # In the order of the participant timeline index: inserts walk it once.
            # Ids are handed out after sorting, so the primary key still only appends.
            parts.sort(key=lambda part: (part[4] or "", part[5] or "", part[7] or ""))
            self.writer.insert("participations", (
                "id", "created_at", "updated_at", "version", "interaction_id", "organization_id",
                "person_id", "role", "start_date"),
                [(key, *part) for key, part in zip(new_ids(len(parts)), parts, strict=True)])

    def _touch(self, organization_id: str | None, person_id: str | None) -> None:
        if organization_id:
            self.touched_organizations.add(organization_id)
        if person_id:
            self.touched_people.add(person_id)

    def update(self, entity: str, plans: list[RowPlan]) -> Iterator[tuple[str, int]]:
        schema = SCHEMA_OF[entity]
        for plan in plans:
            assert plan.id is not None
            own = {k: v for k, v in plan.values.items() if k in schema.fields}
            obj = recording.load(self.session, schema, plan.id)
            if plan.version is not None and obj.version != plan.version:
                raise LiaisonError(translate(
                    "Import", "The {noun} “{id}” was changed by someone else while you reviewed "
                              "the import; nothing was written. Review the import again.").format(
                    noun=record_noun(schema.entity), id=plan.id))
            if entity == LEVEL_CHANGE.name:
                self.histories.add(obj.organization_id)
            if own:
                _, diff = recording.update(self.session, schema, plan.id, own, self.actor,
                                           expected_version=obj.version)
                if entity == LEVEL_CHANGE.name:
                    self.histories.add(obj.organization_id)
                if entity == "organization" and any(name == "level" for name, _o, _n in diff):
                    self.levels_set[plan.id] = own["level"]
                if entity == "programme item":
                    follow_meeting(self.session, obj, {name for name, _o, _n in diff},
                                   self.actor)
            link_diff = self._update_links(entity, obj, plan.links)
            if link_diff:
                recording.touch(self.session, schema, obj, self.actor, link_diff, obj.version)
            yield translate("Import", "Updating {noun} records").format(
                noun=record_noun(schema.entity)), 1

    def _update_links(self, entity: str, obj: Any, links: Mapping[str, Any]
                      ) -> list[tuple[str, Any, Any]]:
        diff: list[tuple[str, Any, Any]] = []
        if "tags" in links and entity in TAG_LINKS:
            table, column = TAG_LINKS[entity]
            before, after = recording.set_links(self.session, table.c[column], table.c.tag_id,
                                                obj.id, {self.tag_id(n) for n in links["tags"]})
            if before != after:
                names = self.tag_names()
                diff.append(("tags", sorted(names.get(i, i) for i in before),
                             sorted(names.get(i, i) for i in after)))
        if "topics" in links and entity == "interaction":
            before, after = recording.set_links(
                self.session, interaction_topics.c.interaction_id, interaction_topics.c.topic_id,
                obj.id, set(links["topics"]))
            if before != after:
                diff.append(("topics", sorted(before), sorted(after)))
        if "participants" in links and entity == "interaction":
            diff.extend(self._replace_participants(obj, links["participants"]))
        if entity in LINKS_OF:
            diff.extend(self._set_linked(entity, obj, links, log=True))
        return diff

    def _set_linked(self, entity: str, obj: Any, links: Mapping[str, Any], *, log: bool
                    ) -> list[tuple[str, Any, Any]]:
        """An event's co-organizers or a session's speakers, as the file lists them."""
        name = LINKS_OF[entity]
        if name not in links:
            return []
        owner, linked = LINKED[name]
        before, after = recording.set_links(self.session, owner, linked, obj.id,
                                            set(links[name] or ()))
        if not log or before == after:
            return []
        return [(name, sorted(before), sorted(after))]

    def _replace_participants(self, obj: Any, wanted: Iterable[Any]
                              ) -> list[tuple[str, Any, Any]]:
        before, after = rows_path.replace_participants(self.session, obj, wanted)
        if before == after:
            return []
        for organization_id, person_id, _role in (*before, *after):
            self._touch(organization_id, person_id)
        return [("participants", before, after)]

    def record_levels(self) -> None:
        """An organization's level set by the import is a change in its history, as one set
        on the form is (db/services/levels.record_level_set: effective today, or today's
        corrected) — unless the levels sheet of the same file already brings the
        organization to that level. Then each organization concerned has the level its
        history puts in effect today. In the import's batch, so its undo takes them back."""
        for organization in sorted(set(self.levels_set) | self.histories):
            wanted = self.levels_set.get(organization)
            if wanted is not None and not (
                    organization in self.histories
                    and levels.in_effect(self.session, organization) == wanted):
                levels.record_level_set(self.session, organization, wanted, self.actor)
            if wanted is not None or organization in self.histories:
                levels.sync_level(self.session, organization, self.actor)

    def finish(self) -> None:
        if self.log_rows:
            self.writer.insert("changelog", (
                "id", "at", "entity", "entity_id", "field", "old", "new", "version", "who",
                "source", "source_detail", "batch_id"), self.log_rows)
        sqlite = self.writer.sqlite
        for table, touched in (("organizations", self.touched_organizations),
                               ("people", self.touched_people)):
            # Interactions always have a start date, so `last` is never empty.
            rows = [(n, _date(last, sqlite), _date(last, sqlite), key)
                    for (kind, key), (n, last) in self.new_contacts.items()
                    if kind == table and key not in touched]
            # Table names come from the two literals above, never from input.
            self.writer.update_many(
                f"UPDATE {table} SET interaction_count = interaction_count + ?, "
                "last_contact = CASE WHEN last_contact IS NULL OR last_contact < ? THEN ? "
                "ELSE last_contact END WHERE id = ?", rows)
        if self.touched_organizations or self.touched_people:
            refresh_contact_stats(self.session, self.touched_organizations, self.touched_people)


def _date(value: Any, sqlite: bool) -> Any:
    return value.isoformat() if sqlite and value is not None else value


def _order(item: tuple[Any, ...]) -> tuple[str, ...]:
    return tuple(str(part or "") for part in item)


def _jsonable(value: Any) -> Any:
    if isinstance(value, list | tuple | set):
        return [_jsonable(v) for v in value]
    if hasattr(value, "isoformat") and not isinstance(value, str):
        return value.isoformat()
    return value
