"""Building a merge plan: read both copies, classify every record, check that everything the
other copy's records point to will exist here. Writes nothing (this is the dry run)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.changes.batches import kind_word
from db.changes.freshness import latest
from db.merge.read import (
    CHUNK,
    Differences,
    Names,
    database_id,
    differences,
    load_log_rows,
    load_states,
    merged_pairs,
    one_sided_log_ids,
    open_other,
    seeded_pairs,
)
from db.merge.records import (
    SPEC_OF,
    SPECS,
    LogRow,
    MergeCancelled,
    MergePlan,
    MergeProblem,
    RecordMerge,
    Spec,
)
from db.merge.rules import IdMaps, decide, new_record, remapped_row, remapped_state, rows_by_record
from db.merge.survivors import onto_survivors
from db.models import Country, Interaction, Organization, Person, Tag, Topic
from db.store.engine import Database
from db.store.errors import record_noun as entity_word
from db.store.translation import QT_TRANSLATE_NOOP, translate

Progress = Callable[[str, int, int], None]


def merge_plan(db: Database, other: str, *, cancelled: Callable[[], bool] | None = None,
               progress: Progress | None = None) -> MergePlan:
    """Compare this database with `other` (a file path or a database URL) and classify every
    record: created there, updated there, deleted there, kept (changed here only), in
    conflict, or unchanged. Nothing is written to either copy."""
    with open_other(db, other) as copy, db.reading() as here, \
            copy.database.reading() as there:
        marker = latest(here)
        plan = _Planner(here, there, copy.name, copy.location, cancelled, progress).plan()
        return replace(plan, marker=marker)


class _Planner:
    def __init__(self, here: Session, there: Session, name: str, location: str,
                 cancelled: Callable[[], bool] | None, progress: Progress | None) -> None:
        self.here = here
        self.there = there
        self.name = name
        self.location = location
        self.cancelled = cancelled
        self.progress = progress
        self.maps = IdMaps(Names.load(here), Names.load(there), seeded_pairs(here, there),
                           merged_pairs(here))

    def step(self, stage: str, done: int, total: int) -> None:
        if self.cancelled is not None and self.cancelled():
            raise MergeCancelled(translate("Merge", "The merge was cancelled; nothing was "
                                                    "written."))
        if self.progress is not None:
            self.progress(stage, done, total)

    def plan(self) -> MergePlan:
        self.step(translate("Merge", "Comparing the histories"), 0, len(SPECS) + 1)
        only_here, only_there = one_sided_log_ids(self.here, self.there)
        mine = rows_by_record(load_log_rows(self.here, only_here))
        theirs_rows = [remapped_row(row, self.maps)
                       for row in load_log_rows(self.there, only_there)]
        theirs = rows_by_record(theirs_rows)
        records: list[RecordMerge] = []
        totals: dict[str, int] = {}
        for number, spec in enumerate(SPECS, start=1):
            self.step(translate("Merge", "Comparing {kind}").format(kind=kind_word(spec.kind)),
                      number, len(SPECS) + 1)
            found = differences(self.here, self.there, spec)
            mapped = self._mapped_elsewhere(spec, found.only_there)
            totals[spec.kind] = found.both + len(found.only_here) + len(found.only_there) \
                - len(mapped)
            records.extend(self._records(spec, found, mapped, mine, theirs))
        if self.maps.merged:
            records = onto_survivors(self.here, records, self.maps, theirs)
        withheld = {key for record in records for f in record.conflicts for key in f.withheld}
        return MergePlan(
            other=self.name, location=self.location,
            other_database_id=database_id(self.there), records=tuple(records),
            totals=totals, history=tuple(r for r in theirs_rows if r.id not in withheld),
            withheld={r.id: r for r in theirs_rows if r.id in withheld},
            errors=tuple(_problems(self.here, records)))

    def _mapped_elsewhere(self, spec: Spec, only_there: set[str]) -> set[str]:
        """Records of the other copy that this copy holds under another id."""
        if spec.entity == "organization":
            return only_there & set(self.maps.organizations)
        if spec.entity == "tag":
            return {key for key in only_there if self.maps.tag(key) != key}
        if spec.entity == "topic":
            return {key for key in only_there if self.maps.topic(key) != key}
        return set()

    def _records(self, spec: Spec, found: Differences, mapped: set[str],
                 mine: Mapping[str, list[LogRow]], theirs: Mapping[str, list[LogRow]]
                 ) -> Iterable[RecordMerge]:
        both_logged = {key for key, rows in theirs.items() if rows[0].entity == spec.entity}
        both_logged |= {key for key, rows in mine.items() if rows[0].entity == spec.entity}
        both_logged -= found.only_here | found.only_there
        paired = set(self.maps.organizations_back) if spec.entity == "organization" else set()
        candidates = sorted((found.only_there - mapped) | found.differing | both_logged | paired)
        for start in range(0, len(candidates), CHUNK):
            chunk = candidates[start:start + CHUNK]
            here = load_states(self.here, spec, chunk)
            there_ids = [self.maps.organizations_back.get(key, key) for key in chunk] \
                if paired else chunk
            there = {state.id: state for state in (
                remapped_state(spec, state, self.maps)
                for state in load_states(self.there, spec, there_ids).values())}
            for key in chunk:
                if key not in there:
                    continue
                if key not in here:
                    yield new_record(spec, there[key], self.maps)
                    continue
                record = decide(spec, here[key], there[key], mine.get(key, []),
                                theirs.get(key, []), self.maps)
                if record.action != "unchanged":
                    yield record


# What each kind of record points to, and where the target must exist.
REFERENCES: dict[str, tuple[str, ...]] = {
    "organization": ("country_code",),
    "person": ("nationality",),
    "affiliation": ("person_id", "organization_id"),
    "interaction": ("country_code",),
    "follow-up": ("organization_id", "person_id", "interaction_id"),
}
TARGETS: dict[str, Any] = {"country_code": Country.code, "nationality": Country.code,
                           "person_id": Person.id, "organization_id": Organization.id,
                           "interaction_id": Interaction.id}
# What a reference points to, and the record that points, as a problem names them.
WORDS = {"country_code": QT_TRANSLATE_NOOP("Merge", "country"),
         "nationality": QT_TRANSLATE_NOOP("Merge", "country"),
         "person_id": QT_TRANSLATE_NOOP("Merge", "person"),
         "organization_id": QT_TRANSLATE_NOOP("Merge", "organization"),
         "interaction_id": QT_TRANSLATE_NOOP("Merge", "interaction")}


def _references(record: RecordMerge) -> list[tuple[str, Any]]:
    """(column, value) of every record this one will point to once merged."""
    own = REFERENCES.get(record.entity, ())
    if record.new is not None:
        pairs = [(column, record.new.row.get(column)) for column in own]
        for part in record.new.links.get("participations", ()):
            pairs += [("organization_id", part["organization_id"]),
                      ("person_id", part["person_id"])]
        return pairs
    pairs = []
    spec = SPEC_OF[record.entity]
    for f in record.fields:
        if f.status == "keep":
            continue
        if f.field == "participants":
            for org, person in f.value:
                pairs += [("organization_id", org), ("person_id", person)]
        elif f.field in spec.schema.fields and spec.column(f.field) in own:
            pairs.append((spec.column(f.field), f.value))
    return pairs


def _problems(here: Session, records: list[RecordMerge]) -> list[MergeProblem]:
    """References the merged records would make to records this copy lacks and the merge does
    not bring, and names that would clash with another record's."""
    created = {r.id for r in records if r.action == "create"}
    wanted: dict[tuple[str, Any], list[RecordMerge]] = {}
    for record in records:
        for column, value in _references(record):
            if value and value not in created:
                wanted.setdefault((column, value), []).append(record)
    problems: list[MergeProblem] = []
    for column, target in TARGETS.items():
        values = sorted({v for (c, v) in wanted if c == column})
        present: set[Any] = set()
        for start in range(0, len(values), CHUNK):
            present.update(here.execute(select(target).where(
                target.in_(values[start:start + CHUNK]))).scalars())
        problems.extend(
            MergeProblem(record.kind, record.id, translate(
                "Merge", "The {entity} “{name}” refers to a {target} ({value}) that neither "
                         "copy holds.").format(entity=entity_word(record.entity),
                                               name=record.name,
                                               target=translate("Merge", WORDS[column]),
                                               value=value))
            for value in values if value not in present for record in wanted[(column, value)])
    problems.extend(_name_clashes(here, records))
    return problems


def _name_clashes(here: Session, records: list[RecordMerge]) -> list[MergeProblem]:
    """A tag renamed (or a topic re-keyed) in the other copy to a name this copy gives
    another tag (topic)."""
    problems = []
    for record in records:
        for f in record.fields:
            if f.status != "apply" or (record.entity, f.field) not in (("tag", "name"),
                                                                         ("topic", "key")):
                continue
            model: Any = Tag if record.entity == "tag" else Topic
            column = model.name if record.entity == "tag" else model.key
            clash = here.execute(select(model.id).where(
                func.lower(column) == str(f.value).lower(), model.id != record.id)).first()
            if clash is not None:
                text = (translate("Merge", "The tag “{name}” was renamed “{value}” in the other "
                                           "copy, a name another tag has here; rename one of "
                                           "them and merge again.") if record.entity == "tag"
                        else translate("Merge", "The topic “{name}” was renamed “{value}” in "
                                                "the other copy, a name another topic has here; "
                                                "rename one of them and merge again."))
                problems.append(MergeProblem(record.kind, record.id,
                                             text.format(name=record.name, value=f.value)))
    return problems
