"""What a merge is made of: the kinds of record it merges (in the order they are created) and
the plain frozen dataclasses of a merge plan. The rules themselves are in db/merge.py's
docstring; the decisions in db/merge_rules.py."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import Table

from db.changes import registry
from db.changes.batches import counts_text
from db.changes.recording import Schema
from db.store.errors import LiaisonError
from db.store.translation import translate

# Change-log rows a merge writes (and the rows an undo of a merge writes) carry this source.
# They repeat a change that was made elsewhere and travels with its own row, so they are never
# evidence that a copy changed a field (see db/merge.py).
MERGE_SOURCE = "merge"


class MergeCancelled(LiaisonError):
    pass


@dataclass(frozen=True)
class Spec:
    """One kind of record a merge handles."""

    entity: str  # ChangeLog.entity: the schema's word
    kind: str  # the word in counts and JSON
    schema: Schema
    links: tuple[str, ...] = ()  # logged link fields: tags, topics, participants, countries

    @property
    def model(self) -> Any:
        return self.schema.model

    @property
    def table(self) -> Table:
        table: Table = self.schema.model.__table__
        return table

    def column(self, name: str) -> str:
        """The column holding a schema field (`start` lives in `start_date`, `country` in
        `country_code`)."""
        attribute = self.schema.model.__mapper__.attrs[self.schema.attribute(name)]
        return str(attribute.columns[0].name)


# Every aggregate of the registry, in the order records are created.
SPECS: tuple[Spec, ...] = tuple(Spec(entity.name, entity.kind, entity.schema, entity.link_names)
                               for entity in registry.ENTITIES)
SPEC_OF = {spec.entity: spec for spec in SPECS}
KINDS = tuple(spec.kind for spec in SPECS)
COUNT_WORDS = ("created", "updated", "unchanged", "skipped")
@dataclass(frozen=True)
class LogRow:
    """One ChangeLog row, as plain values (copied between databases as it is)."""

    id: str
    at: datetime
    entity: str
    entity_id: str
    field: str
    old: str | None
    new: str | None
    version: int
    who: str | None
    source: str
    source_detail: str | None
    batch_id: str | None

    @property
    def merge_field(self) -> str | None:
        """The field a merge decides that this row changed; None for a creation."""
        if self.field == "created":
            return None
        return "deleted" if self.field in ("deleted", "restored") else self.field

    @property
    def is_echo(self) -> bool:
        return self.source == MERGE_SOURCE

    def sort_key(self) -> tuple[datetime, str]:
        return self.at, self.id


@dataclass(frozen=True)
class NewRecord:
    """What creating a record of the other copy here takes: its row as it is there, and its
    links (tag, topic and country ids as this copy knows them; participations as rows)."""

    row: Mapping[str, Any]
    links: Mapping[str, tuple[Any, ...]] = field(default_factory=dict)


FieldStatus = Literal["apply", "keep", "conflict"]


@dataclass(frozen=True)
class FieldMerge:
    """One field that differs between the copies and what the merge does with it.

    `here` and `there` are the values to show (tag names, not ids); `value` is what this copy
    gets when the field is applied — or when a conflict is settled for the other copy — and
    `value_if_kept` what it gets when a conflict is settled for this copy (for participants
    the other copy's changes to other participants still come in)."""

    field: str
    here: Any
    there: Any
    status: FieldStatus  # apply: take the other's; keep: this copy's is newer; conflict
    value: Any = None
    value_if_kept: Any = None
    # The other copy's change-log rows about this field: copied only once a conflict is
    # settled, so an open conflict comes back at the next merge instead of vanishing.
    withheld: tuple[str, ...] = ()


Action = Literal["create", "update", "delete", "keep", "conflict", "unchanged"]
ACTION_COUNT = {"create": "created", "update": "updated", "delete": "updated",
                "keep": "unchanged", "conflict": "skipped", "unchanged": "unchanged"}


@dataclass(frozen=True)
class RecordMerge:
    """One record the merge does something with (or shows: kept, conflicting)."""

    entity: str
    kind: str
    id: str
    name: str
    action: Action
    fields: tuple[FieldMerge, ...] = ()
    version: int | None = None  # this copy's version when planned; None for a new record
    new: NewRecord | None = None

    @property
    def conflicts(self) -> tuple[FieldMerge, ...]:
        return tuple(f for f in self.fields if f.status == "conflict")

    def as_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "name": self.name, "action": self.action,
                "fields": [{"field": f.field, "here": plain(f.here), "there": plain(f.there),
                            "status": f.status} for f in self.fields]}


@dataclass(frozen=True)
class MergeProblem:
    """Something in the other copy this one cannot take (nothing is written while any exists)."""

    kind: str
    id: str
    message: str

    def as_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "message": self.message}


@dataclass(frozen=True)
class MergePlan:
    """Every record of both copies classified, built without writing anything."""

    other: str  # the other copy as the history names it: its file name, or the server
    location: str  # where it is: the full path, or the URL without its password
    other_database_id: str | None
    records: tuple[RecordMerge, ...]  # every record that is not plainly unchanged
    totals: Mapping[str, int]  # records per kind in both copies together
    history: tuple[LogRow, ...]  # the other copy's change-log rows this copy takes
    withheld: Mapping[str, LogRow]  # rows held back with open conflicts, by id
    errors: tuple[MergeProblem, ...] = ()
    marker: str | None = None  # this copy's latest change when planning began (freshness)

    @property
    def conflicts(self) -> tuple[RecordMerge, ...]:
        return tuple(r for r in self.records if r.conflicts)

    @property
    def writes(self) -> bool:
        """Whether applying the plan (leaving conflicts open) changes this copy."""
        return bool(self.history) or any(
            r.action == "create" or any(f.status == "apply" for f in r.fields)
            for r in self.records)

    def counts(self) -> dict[str, dict[str, int]]:
        tally = Counter((r.kind, ACTION_COUNT[r.action]) for r in self.records)
        result: dict[str, dict[str, int]] = {}
        for kind in KINDS:
            numbers = {word: tally[(kind, word)] for word in COUNT_WORDS}
            listed = sum(1 for r in self.records if r.kind == kind)
            numbers["unchanged"] += max(self.totals.get(kind, 0) - listed, 0)
            result[kind] = numbers
        return result

    def summary(self, counts: dict[str, dict[str, int]] | None = None) -> str:
        """The counts in words (the plan's, or those of the merge as applied)."""
        shown = {kind: {word: n for word, n in numbers.items() if word != "unchanged"}
                 for kind, numbers in (counts or self.counts()).items()}
        return counts_text(shown, translate("Merge", "nothing changed in either copy"))


def plain(value: Any) -> Any:
    """A value as JSON shows it."""
    if isinstance(value, list | tuple | set | frozenset):
        items = [plain(v) for v in value]
        return sorted(items, key=str) if isinstance(value, set | frozenset) else items
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)
