"""Change sets: what a batch changes, record by record, and the one function that applies a
set in the caller's transaction — guarded field by field, logged, versioned, recorded as one
batch — returning the one result type the screens and `--json` report.

An undo (db/changes/undo.py) and a revert build their change sets from the change log; each
change names the value the field must still hold, so nothing changed since is overwritten."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from db.changes import links, recording
from db.changes import rows as rows_path
from db.changes.entity import Entity
from db.changes.recording import Actor
from db.changes.registry import BY_NAME, ENTITIES, INTERACTION
from db.models import ImportBatch, Participation
from db.store.errors import LiaisonError, record_noun
from db.store.translation import translate

# Besides the fields and relations of the registry, a change may be one of these:
DELETED = "deleted"  # move the record to the deleted records
RESTORED = "restored"  # bring it back from them
REMOVED = "removed"  # take back its creation: gone, unless edited or referred to since


@dataclass(frozen=True)
class Change:
    """One change of one record, in the change log's terms (JSON values)."""

    entity: str  # the registry's name: "organization", "follow-up"
    record_id: str
    field: str  # a field, a relation ("tags", "participants"), DELETED, RESTORED or REMOVED
    old: Any = None  # what the field must still hold for the change to apply
    new: Any = None  # what it gets
    version: int | None = None  # REMOVED: the version the record must still have


@dataclass(frozen=True)
class ChangeSet:
    """Changes applied together as one batch (kind: "undo", "revert", ...)."""

    kind: str
    # What it does, stored with the batch and its change-log rows, so in English, as every
    # name in the database is: "undo of the import of partners.csv".
    title: str
    changes: tuple[Change, ...]
    # What later edits are later than, for the kept messages, in the current language;
    # "the change" when not given.
    since: str | None = None
    # The change log's source for its rows, when not the kind: an undone merge's rows say
    # "merge", so the next merge does not take them for a change of this copy.
    source: str | None = None


@dataclass(frozen=True)
class ChangeResult:
    """What a change set did: counts per kind of record, and what it left as it was."""

    batch_id: str
    counts: Mapping[str, Mapping[str, int]]  # "organizations" → {"updated": 2, "removed": 1}
    kept: tuple[str, ...]  # each in the user's words, in the current language
    kept_ids: frozenset[str] = field(default_factory=frozenset)

    def total(self, *words: str) -> int:
        return sum(n for kind in self.counts.values() for word, n in kind.items() if word in words)

    @property
    def removed(self) -> int:
        return self.total("removed")

    @property
    def restored(self) -> int:
        """Records put back to their earlier values, or back from the deleted records."""
        return self.total("updated", "restored")


class _Applying:
    def __init__(self, session: Session, changes: ChangeSet, actor: Actor) -> None:
        self.session = session
        self.set = changes
        self.actor = actor
        self.counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        self.kept: list[str] = []
        self.kept_ids: set[str] = set()
        self.touched: set[str] = set()  # organizations and people whose figures change
        self.since = changes.since or translate("Undo", "the change")

    def count(self, entity: Entity, word: str, n: int = 1) -> None:
        self.counts[entity.kind][word] += n

    def keep(self, entity: Entity, record_id: str, message: str, **values: str) -> None:
        """Say what was left as it was: `message`, translated, names the record with {record}
        and {title}, and may use {since} and `values`."""
        self.kept.append(message.format(record=entity.shown_label(),
                                        title=self.title_of(entity, record_id),
                                        since=self.since, **values))
        self.kept_ids.add(record_id)

    def title_of(self, entity: Entity, record_id: str) -> str:
        obj = self.session.get(entity.model, record_id)
        title = getattr(obj, entity.schema.attribute(entity.title_field), None) if obj else None
        text = str(title or record_id)
        return text if len(text) <= 60 else text[:59] + "…"

    # deletions and restorations
    def set_deleted(self, entity: Entity, change: Change) -> None:
        obj = self.session.get(entity.model, change.record_id)
        if obj is None:
            return
        if change.field == RESTORED and obj.deleted_at is not None:
            recording.restore(self.session, entity.schema, obj.id, self.actor)
            self.count(entity, "restored")
        elif change.field == DELETED and obj.deleted_at is None:
            recording.soft_delete(self.session, entity.schema, obj.id, self.actor)
            self.count(entity, "deleted")
        else:
            return
        if entity is INTERACTION:
            self.touch_participants([obj.id])

    # fields and relations, each only where it still holds what the set expects
    def update(self, entity: Entity, record_id: str, changes: list[Change]) -> None:
        obj = self.session.get(entity.model, record_id)
        if obj is None:
            self.keep(entity, record_id, translate(
                "Undo", "{record} “{title}”: no longer exists; nothing to put back"))
            return
        if obj.deleted_at is not None:
            self.keep(entity, record_id, translate(
                "Undo", "{record} “{title}”: was deleted after {since}; its values were left "
                        "as they are"))
            return
        current = entity.schema.current_values(obj)
        own: dict[str, Any] = {}
        relations: list[Change] = []
        for change in changes:
            now = current[change.field] if change.field in entity.schema.fields else \
                links.current(self.session, entity, obj.id, change.field)
            if links.comparable(recording.from_json(recording.to_json(now))) != \
                    links.comparable(change.old):
                self.keep(entity, record_id, translate(
                    "Undo", "{record} “{title}”: “{field}” was changed after {since}; its newer "
                            "value was kept"), field=change.field)
            elif change.field in entity.schema.fields:
                own[change.field] = change.new
            else:
                relations.append(change)
        if not own and not relations:
            return
        if own:
            _obj, diff = recording.update(self.session, entity.schema, obj.id, own, self.actor,
                                          expected_version=None)
            if entity is INTERACTION and any(name == "start" for name, _o, _n in diff):
                rows_path.move_participation_dates(self.session, obj.id, obj.start)
                self.touch_participants([obj.id])
        logged = []
        for change in relations:
            before, after, touched = links.write(self.session, entity, obj, change.field,
                                                 change.new or (), self.actor)
            self.touched |= touched
            if before != after:
                logged.append((change.field, before, after))
        if logged:
            recording.touch(self.session, entity.schema, obj, self.actor, logged, obj.version)
        self.count(entity, "updated")

    # creations taken back
    def remove(self, entity: Entity, changes: list[Change]) -> None:
        expected = {c.record_id: c.version for c in changes}
        ids = sorted(expected)
        model = entity.model
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            found = {i: (v, d) for i, v, d in self.session.execute(
                select(model.id, model.version, model.deleted_at).where(model.id.in_(chunk)))}
            referred = self.referred(entity, list(found))
            plain = []
            for record_id in chunk:
                if record_id not in found:
                    continue
                version, deleted_at = found[record_id]
                if record_id in referred:
                    self.keep(entity, record_id, translate(
                        "Undo", "{record} “{title}”: other records point to it since {since}; "
                                "it was kept"))
                elif expected[record_id] is not None and version != expected[record_id]:
                    if deleted_at is None:
                        recording.soft_delete(self.session, entity.schema, record_id, self.actor)
                        self.count(entity, "deleted")
                    self.keep(entity, record_id, translate(
                        "Undo", "{record} “{title}”: was edited after {since}; it was moved to "
                                "the deleted records instead of removed"))
                else:
                    plain.append(record_id)
            if plain:
                self.count(entity, "removed", self._remove_rows(entity, plain))

    def referred(self, entity: Entity, ids: list[str]) -> set[str]:
        found: set[str] = set()
        for column in entity.referrers:
            if ids and not any(column is child for child in entity.children):
                found.update(self.session.execute(
                    select(column).where(column.in_(ids)).distinct()).scalars())
        return found

    def _remove_rows(self, entity: Entity, ids: list[str]) -> int:
        for link in entity.links:
            if link.name == "participants":
                self.touch_participants(ids)
                rows_path.execute(self.session, delete(Participation).where(
                    Participation.interaction_id.in_(ids)))
            else:
                rows_path.execute(self.session, link.table.delete().where(
                    link.table.c[link.owner].in_(ids)))
        for obj in [o for o in self.session.identity_map.values()
                    if isinstance(o, entity.model) and o.id in ids]:
            self.session.expunge(obj)
        result = rows_path.execute(self.session, delete(entity.model).where(
            entity.model.id.in_(ids)).execution_options(synchronize_session=False))
        return int(getattr(result, "rowcount", 0) or 0)

    def touch_participants(self, interaction_ids: list[str]) -> None:
        for org, person in self.session.execute(
                select(Participation.organization_id, Participation.person_id)
                .where(Participation.interaction_id.in_(interaction_ids))):
            self.touched.update(key for key in (org, person) if key)


def apply(session: Session, changes: ChangeSet, actor: Actor) -> ChangeResult:
    """Apply `changes` in the caller's transaction as one batch: restorations first, then the
    fields and relations (each only where it still holds what the set expects), deletions,
    and the creations taken back, in the reverse of the order records are created in."""
    batch = rows_path.open_batch(session, kind=changes.kind, file_name=changes.title[:500],
                                 who=actor.who, status="applied", counts={})
    actor = Actor(actor.who, changes.source or changes.kind, changes.title[:500], batch.id)
    applying = _Applying(session, changes, actor)
    by_record: dict[tuple[str, str], list[Change]] = defaultdict(list)
    removals: dict[str, list[Change]] = defaultdict(list)
    for change in changes.changes:
        if change.entity not in BY_NAME:
            raise LiaisonError(translate("Undo", "A change to a {noun} cannot be applied here.")
                               .format(noun=record_noun(change.entity)))
        if change.field == REMOVED:
            removals[change.entity].append(change)
        else:
            by_record[(change.entity, change.record_id)].append(change)
    for (name, _record_id), items in by_record.items():
        for change in items:
            if change.field == RESTORED:
                applying.set_deleted(BY_NAME[name], change)
    for (name, record_id), items in by_record.items():
        fields = [c for c in items if c.field not in (DELETED, RESTORED)]
        if fields:
            applying.update(BY_NAME[name], record_id, fields)
    for (name, _record_id), items in by_record.items():
        for change in items:
            if change.field == DELETED:
                applying.set_deleted(BY_NAME[name], change)
    for entity in reversed(ENTITIES):
        if removals.get(entity.name):
            applying.remove(entity, removals[entity.name])
    touched = sorted(applying.touched)  # organization and person ids: uuids, never both
    rows_path.refresh_contact_stats(session, touched, touched)
    counts = {kind: dict(words) for kind, words in applying.counts.items()}
    batch.counts = counts
    rows_path.flush(session)
    return ChangeResult(batch.id, counts, tuple(applying.kept), frozenset(applying.kept_ids))


def batch_of(session: Session, batch_id: str) -> ImportBatch:
    """A batch by its id, or one clear sentence why not."""
    batch = session.get(ImportBatch, batch_id.strip())
    if batch is None:
        raise LiaisonError(translate(
            "Undo", "There is no batch with id {id}; `liaison batches` lists them."
        ).format(id=batch_id))
    return batch

