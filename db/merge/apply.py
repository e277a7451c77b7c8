"""Applying a merge plan in one transaction, recorded as a batch of kind "merge" whose
change-log rows are what undoing it takes (db/changes/undo.py), with the rows it copied from
the other copy named in its undo data."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import partial
from typing import Any, Literal

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from db.changes import recording
from db.changes import rows as rows_path
from db.changes.batches import kind_word, logged_counts, logged_records
from db.changes.freshness import check_current
from db.changes.recording import Actor, to_json
from db.changes.registry_levels import LEVEL_CHANGE
from db.changes.rows import refresh_contact_stats
from db.merge.read import PARTICIPATIONS, TAG_TABLES
from db.merge.records import (
    KINDS,
    MERGE_SOURCE,
    SPECS,
    FieldMerge,
    LogRow,
    MergeCancelled,
    MergePlan,
    RecordMerge,
    Spec,
)
from db.models import (
    ChangeLog,
    ImportBatch,
    Participation,
    Tag,
    country_tags,
    interaction_topics,
)
from db.models.base import new_id, new_ids, utcnow
from db.services.levels import sync_level
from db.store.backups import make_backup
from db.store.engine import Database
from db.store.errors import LiaisonError
from db.store.errors import record_noun as entity_word
from db.store.translation import translate

Settle = Literal["here", "there"]
CHANGELOG: Table = ChangeLog.__table__  # type: ignore[assignment]
LINK_TABLES: dict[str, tuple[Any, Any]] = {
    "topics": (interaction_topics.c.interaction_id, interaction_topics.c.topic_id),
    "countries": (country_tags.c.tag_id, country_tags.c.country_id),
}


@dataclass(frozen=True)
class MergeResult:
    batch_id: str | None  # None when there was nothing to write
    counts: dict[str, dict[str, int]]
    open_conflicts: tuple[RecordMerge, ...]  # each with only the fields still in conflict
    history_copied: int  # change-log rows taken from the other copy


@dataclass(frozen=True)
class MergeProgress:
    stage: str
    done: int
    total: int
    result: MergeResult | None = None  # on the last step


def merge_steps(db: Database, plan: MergePlan, actor: Actor | None = None, *,
                prefer: Settle | None = None,
                resolutions: Mapping[tuple[str, str], Settle] | None = None,
                cancelled: Callable[[], bool] | None = None) -> Iterator[MergeProgress]:
    """Write the plan in one transaction, yielding progress; cancelling (or closing the
    generator) rolls everything back. A conflict is settled by `resolutions[(id, field)]`,
    else by `prefer`, else left open: its field keeps this copy's value and the other copy's
    change-log rows about it stay behind, so the next merge shows it again."""
    if plan.errors:
        raise LiaisonError(translate("Merge", "{count} problem(s) in {other} block the merge; "
                                              "nothing was written.").format(
            count=len(plan.errors), other=plan.other))
    chosen = dict(resolutions or {})
    work: list[tuple[RecordMerge, list[tuple[FieldMerge, Any]]]] = []
    still_open: list[RecordMerge] = []
    history: list[LogRow] = list(plan.history)
    for record in plan.records:
        writes: list[tuple[FieldMerge, Any]] = []
        open_fields: list[FieldMerge] = []
        for f in record.fields:
            if f.status == "apply":
                writes.append((f, f.value))
            elif f.status == "conflict":
                choice = chosen.get((record.id, f.field), prefer)
                if choice is None:
                    open_fields.append(f)
                    continue
                history.extend(plan.withheld[key] for key in f.withheld if key in plan.withheld)
                writes.append((f, f.value if choice == "there" else f.value_if_kept))
        if open_fields:
            still_open.append(replace(record, fields=tuple(open_fields)))
        if writes or record.action == "create":
            work.append((record, writes))
    if not work and not history:
        yield MergeProgress(translate("Merge", "Done"), 0, 0,
                            MergeResult(None, plan.counts(), tuple(still_open), 0))
        return
    if db.path is not None:  # a server is backed up with its own tools
        yield MergeProgress(translate("Merge", "Backing up the database"), 0, len(work))
        make_backup(db, "merge")
    batch_id = new_id()
    base = actor or Actor()
    actor = Actor(base.who, MERGE_SOURCE, plan.other, batch_id)
    with db.transaction() as session:
        batch = rows_path.open_batch(session, id=batch_id, kind="merge", file_name=plan.other,
                                     who=actor.who, status="applied", counts=plan.counts())
        check_current(session, db.is_sqlite, plan.marker, translate(
            "Merge", "This database changed while the merge with {other} was being prepared "
                     "(another window or program wrote to it); nothing was written. Prepare "
                     "the merge again.").format(other=plan.other))
        writer = Writer(session, actor)
        done = 0
        for spec in SPECS:
            creates = [r for r, _w in work if r.entity == spec.entity and r.action == "create"]
            updates = [(r, w) for r, w in work if r.entity == spec.entity
                       and r.action != "create"]
            steps: list[tuple[int, Callable[[], None]]] = [
                (len(creates[n:n + 500]), partial(writer.create, spec, creates[n:n + 500]))
                for n in range(0, len(creates), 500)]
            steps += [(1, partial(writer.update, spec, r, w)) for r, w in updates]
            for amount, step in steps:
                step()
                done += amount
                if cancelled is not None and cancelled():
                    raise MergeCancelled(translate("Merge", "The merge was cancelled; nothing "
                                                            "was written."))
                yield MergeProgress(translate("Merge", "Merging {kind}").format(
                    kind=kind_word(spec.kind)), done, len(work))
        writer.copy_history(history)
        writer.finish()
        counts = _counts(session, plan, batch_id)
        batch.counts = counts
        batch.undo_data = json.dumps({"other": plan.other, "location": plan.location,
                                      "other_database_id": plan.other_database_id,
                                      "copied": writer.copied}, ensure_ascii=False)
        rows_path.flush(session)
    yield MergeProgress(translate("Merge", "Done"), len(work), len(work),
                        MergeResult(batch_id, counts, tuple(still_open), len(history)))


def apply_merge(db: Database, plan: MergePlan, actor: Actor | None = None, *,
                prefer: Settle | None = None,
                resolutions: Mapping[tuple[str, str], Settle] | None = None,
                cancelled: Callable[[], bool] | None = None) -> MergeResult:
    """`merge_steps` run to the end."""
    result = None
    for step in merge_steps(db, plan, actor, prefer=prefer, resolutions=resolutions,
                            cancelled=cancelled):
        result = step.result or result
    assert result is not None
    return result


def _counts(session: Session, plan: MergePlan, batch_id: str) -> dict[str, dict[str, int]]:
    """What the merge did, per kind of record, as its change log records it: created, and
    updated (a deletion or a restoration is a change of the field "deleted", as the merge
    sees it); with the records it left as they were: unchanged, and skipped (a conflict
    left open, nothing else of the record written)."""
    logged = logged_counts(session, [batch_id]).get(batch_id, {})
    written = logged_records(session, batch_id)
    planned = plan.counts()
    counts: dict[str, dict[str, int]] = {}
    for kind in KINDS:
        words = logged.get(kind, {})
        skipped = sum(1 for r in plan.records if r.kind == kind and r.action == "conflict"
                      and r.id not in written)
        counts[kind] = {"created": words.get("created", 0),
                        "updated": sum(words.get(w, 0) for w in ("updated", "deleted",
                                                                  "restored")),
                        "unchanged": planned[kind]["unchanged"], "skipped": skipped}
    return counts


class Writer:
    def __init__(self, session: Session, actor: Actor) -> None:
        self.session = session
        self.actor = actor
        self.organizations: set[str] = set()  # whose contact figures need recomputing
        self.people: set[str] = set()
        # The change-log rows copied from the other copy, by record: undo takes them out again.
        self.copied: dict[str, list[str]] = {}
        # Organizations whose level history the merge wrote (one made on the road for a
        # record merged here lands on the survivor): their level follows it (finish).
        self.histories: set[str] = set()

    def touch(self, organization_id: str | None, person_id: str | None) -> None:
        if organization_id:
            self.organizations.add(organization_id)
        if person_id:
            self.people.add(person_id)

    def create(self, spec: Spec, records: list[RecordMerge]) -> None:
        """Records only the other copy holds, as they are there, with their links."""
        new = [r.new for r in records if r.new is not None]
        rows = [dict(n.row) for n in new]
        rows_path.execute(self.session, insert(spec.table), rows)
        pairs: dict[str, list[dict[str, Any]]] = {}
        for record, item in zip(records, new, strict=True):
            if "tags" in spec.links:
                column = TAG_TABLES[spec.entity][1]
                pairs.setdefault("tags", []).extend(
                    {column: record.id, "tag_id": tag} for tag in item.links.get("tags", ()))
            for name in ("topics", "countries"):
                if name in spec.links:
                    owner, link = LINK_TABLES[name]
                    pairs.setdefault(name, []).extend(
                        {owner.key: record.id, link.key: key} for key in item.links.get(name, ()))
        for name, values in pairs.items():
            if values:
                target = TAG_TABLES[spec.entity][0] if name == "tags" else \
                    LINK_TABLES[name][0].table
                rows_path.execute(self.session, insert(target), values)
        parts = [dict(part) for item in new for part in item.links.get("participations", ())]
        if parts:
            taken = set(self.session.execute(select(Participation.id).where(
                Participation.id.in_([p["id"] for p in parts]))).scalars())
            for part in parts:
                if part["id"] in taken:
                    part["id"] = new_id()
                self.touch(part["organization_id"], part["person_id"])
            rows_path.execute(self.session, insert(PARTICIPATIONS), parts)
        if spec.entity == LEVEL_CHANGE.name:
            self.histories.update(str(row["organization_id"]) for row in rows)
        if spec.entity == "organization":
            self.organizations.update(r.id for r in records)
        elif spec.entity == "person":
            self.people.update(r.id for r in records)
        now = utcnow()
        rows_path.execute(self.session, insert(CHANGELOG), [
            {"id": key, "at": now, "entity": spec.entity, "entity_id": row["id"],
             "field": "created", "old": None, "new": to_json(
                 {name: row[spec.column(name)] for name in spec.schema.fields
                  if row[spec.column(name)] not in (None, [], "")}),
             "version": row["version"], "who": self.actor.who, "source": self.actor.source,
             "source_detail": self.actor.detail, "batch_id": self.actor.batch_id}
            for key, row in zip(new_ids(len(rows)), rows, strict=True)])

    def update(self, spec: Spec, record: RecordMerge, writes: list[tuple[FieldMerge, Any]]
               ) -> None:
        obj = self.session.get(spec.model, record.id)
        if obj is None or obj.version != record.version:
            raise LiaisonError(translate(
                "Merge", "The {entity} “{name}” was changed while you reviewed the merge; "
                         "nothing was written. Review it again.").format(
                entity=entity_word(spec.entity), name=record.name))
        expected = obj.version
        diff: list[tuple[str, Any, Any]] = []
        for f, value in writes:
            if f.field == "deleted":
                old = obj.deleted_at
                if old == value:
                    continue
                obj.deleted_at = value
                diff.append(("deleted", None, value) if value is not None
                            else ("restored", old, None))
                if spec.entity == "interaction":
                    self._touch_participants(obj.id)
            elif f.field in spec.links:
                changed = self._set_links(spec, obj, f.field, value)
                if changed is None:
                    continue
                old, logged_old, logged_new = changed
                diff.append((f.field, logged_old, logged_new))
            else:
                attribute = spec.schema.attribute(f.field)
                old = getattr(obj, attribute)
                if to_json(old) == to_json(value):
                    continue
                setattr(obj, attribute, value)
                diff.append((f.field, old, value))
        if not diff:
            return
        if spec.entity == LEVEL_CHANGE.name:
            self.histories.add(obj.organization_id)
        if any(name in spec.schema.search_fields for name, _old, _new in diff):
            spec.schema.refresh_search_text(obj)
        obj.updated_at = utcnow()
        recording.flush_guarded(self.session, spec.schema, obj, expected)
        recording.log(self.session, spec.schema, obj.id, obj.version, self.actor, diff)
        if spec.entity == "interaction" and any(name == "start" for name, _o, _n in diff):
            rows_path.move_participation_dates(self.session, obj.id, obj.start)
            self._touch_participants(obj.id)

    def _touch_participants(self, interaction_id: str) -> None:
        # Without autoflush: a change set on the record is written by the writer, not here.
        with self.session.no_autoflush:
            for org, person in self.session.execute(
                    select(Participation.organization_id, Participation.person_id)
                    .where(Participation.interaction_id == interaction_id)):
                self.touch(org, person)

    def _set_links(self, spec: Spec, obj: Any, name: str, value: Any
                   ) -> tuple[Any, Any, Any] | None:
        """Make the record's `name` links `value`; (stored before, logged old, logged new)."""
        if name == "participants":
            return self._set_participants(obj, value)
        if name == "tags":
            table, column = TAG_TABLES[spec.entity]
            owner, item = table.c[column], table.c.tag_id
        else:
            owner, item = LINK_TABLES[name]
        before, after = recording.set_links(self.session, owner, item, obj.id, set(value))
        if before == after:
            return None
        if name != "tags":
            return sorted(before), sorted(before), sorted(after)
        names = dict(self.session.execute(select(Tag.id, Tag.name).where(
            Tag.id.in_(before | after), Tag.deleted_at.is_(None))).all())
        return (sorted(before), sorted(names[k] for k in before if k in names),
                sorted(names[k] for k in after if k in names))

    def _set_participants(self, obj: Any, value: Mapping[tuple[str | None, str | None], str]
                          ) -> tuple[Any, Any, Any] | None:
        wanted = [(org, person, role) for (org, person), role in value.items()]
        before, after = rows_path.replace_participants(self.session, obj, wanted)
        if before == after:
            return None
        for org, person, _role in (*before, *after):
            self.touch(org, person)
        have = {(org, person): role for org, person, role in before}
        old = triples(have)
        return old, old, triples(value)

    def copy_history(self, rows: list[LogRow]) -> None:
        if not rows:
            return
        batches = {r.batch_id for r in rows if r.batch_id}
        known = set(self.session.execute(select(ImportBatch.id).where(
            ImportBatch.id.in_(batches))).scalars()) if batches else set()
        # Imports of the other copy are not batches here: their rows keep their source and
        # file name, not the link to a batch this copy cannot undo.
        values = [{"id": r.id, "at": r.at, "entity": r.entity, "entity_id": r.entity_id,
                   "field": r.field, "old": r.old, "new": r.new, "version": r.version,
                   "who": r.who, "source": r.source, "source_detail": r.source_detail,
                   "batch_id": r.batch_id if r.batch_id in known else None} for r in rows]
        for start in range(0, len(values), 1000):
            rows_path.execute(self.session, insert(CHANGELOG), values[start:start + 1000])
        for r in rows:
            self.copied.setdefault(r.entity_id, []).append(r.id)

    def finish(self) -> None:
        rows_path.flush(self.session)
        for organization in sorted(self.histories):
            sync_level(self.session, organization, self.actor)
        rows_path.flush(self.session)
        refresh_contact_stats(self.session, self.organizations, self.people)


def triples(value: Mapping[tuple[str | None, str | None], str]) -> list[list[str | None]]:
    return sorted(([org, person, role] for (org, person), role in value.items()), key=str)
