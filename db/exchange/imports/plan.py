"""The import plan: every source row classified (create, update, unchanged, skip, conflict,
error) with its field-level before/after, why it matched an existing record, and every problem
located by sheet, row and column — built without writing anything (that is the dry run)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from db.changes.batches import counts_text
from db.changes.dates import DayOrder
from db.store.translation import translate

Action = Literal["create", "update", "unchanged", "skip", "conflict", "error", "delete"]
Resolution = Literal["file", "database"]
Policy = Literal["skip", "update", "fill"]
POLICIES: tuple[Policy, ...] = ("skip", "update", "fill")
# The JSON's words for the counts (DESIGN.md's contract), per kind of record.
COUNT_WORDS = {"create": "created", "update": "updated", "unchanged": "unchanged",
               "skip": "skipped", "conflict": "skipped", "error": "skipped",
               "delete": "deleted"}
ROW_WORDS = {"create": "created", "update": "updated", "unchanged": "unchanged", "skip": "skipped",
             "conflict": "conflict", "error": "error", "delete": "deleted"}
ENTITY_KINDS = {"organization": "organizations", "person": "people", "position": "positions",
                "interaction": "interactions", "followup": "followups", "visit": "visits",
                "visit member": "members", "programme item": "programme", "gift": "gifts",
                "event": "events", "event session": "sessions", "invitation": "invitations",
                "delegate": "delegates", "level change": "levels"}
@dataclass(frozen=True, slots=True)
class Note:
    """An error (blocks its row) or a warning (does not), where it is in the source."""

    sheet: str
    row: int | None
    column: str | None
    message: str

    def as_json(self) -> dict[str, Any]:
        return {"sheet": self.sheet, "row": self.row, "column": self.column,
                "message": self.message}


@dataclass(frozen=True, slots=True)
class Change:
    field: str
    before: Any
    after: Any


@dataclass(frozen=True, slots=True)
class FieldConflict:
    """A field changed both in the file and in Liaison since the export, to different values."""

    field: str
    exported: Any  # the value when the workbook was exported
    file: Any
    database: Any


@dataclass(frozen=True, slots=True)
class RowPlan:
    sheet: str
    row: int  # the spreadsheet's row number, as the user sees it
    entity: str  # organization | person | position | interaction | followup | visit |
    # visit member | programme item | gift
    action: Action
    id: str | None = None
    values: Mapping[str, Any] = field(default_factory=dict)  # normalized values to store
    links: Mapping[str, Any] = field(default_factory=dict)  # tags, topics, participants...
    changes: tuple[Change, ...] = ()
    reason: str = ""  # why it matched, or why it is skipped, in the user's words
    version: int | None = None  # the matched record's version when planned
    # Fields left open: neither value is written until the user picks one.
    conflicts: tuple[FieldConflict, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {"sheet": self.sheet, "row": self.row, "kind": ENTITY_KINDS[self.entity],
                "action": ROW_WORDS[self.action], "id": self.id,
                "reason": self.reason or None}


@dataclass(frozen=True)
class ImportOptions:
    kind: str | None = None  # organizations | people | interactions | followups | workbook
    sheet: str | None = None
    header_row: int | None = None  # 1-based, as the user sees it
    mapping: Mapping[int, str | None] | None = None  # column index (0-based) → field or None
    overrides: Mapping[str, str | None] = field(default_factory=dict)  # header → field (--map)
    profile: str | None = None
    day_order: DayOrder = None
    on_duplicate: Policy = "skip"
    skip_invalid: bool = False
    clear_empty: bool = False  # an empty cell clears the stored value (only when asked)
    defaults: Mapping[str, Any] = field(default_factory=dict)  # e.g. kind for interactions
    # Values the user corrected in the wizard: (spreadsheet row, 0-based column) → new value.
    fixes: Mapping[tuple[int, int], Any] = field(default_factory=dict)
    # Liaison workbooks: the user's pick for conflicting fields, by (record id, field), and
    # for every other conflict (None: leave them open and apply the rest).
    resolutions: Mapping[tuple[str, str], Resolution] = field(default_factory=dict)
    conflict_default: Resolution | None = None
    # Records missing from a sheet that held them when exported are proposed for deletion;
    # they are deleted only when the user says so.
    apply_deletions: bool = False
    # A text table's encoding, when the user chose one (None: the one Liaison recognised).
    encoding: str | None = None
    # kind "invitations": the event the rows are invitations to.
    event_id: str | None = None


@dataclass(frozen=True)
class Plan:
    file_name: str
    checksum: str
    format: str
    kind: str
    sheets: tuple[str, ...]
    header_row: int | None
    headers: tuple[str, ...]
    mapping: Mapping[int, str]
    options: ImportOptions
    rows: tuple[RowPlan, ...]
    errors: tuple[Note, ...]
    warnings: tuple[Note, ...]
    # The database's latest change when planning began (db.changes.freshness): applying
    # refuses a plan the database has moved on from — another window or program wrote since,
    # and a row planned as new may exist by now.
    marker: str | None = None

    @property
    def conflicts(self) -> tuple[RowPlan, ...]:
        """Rows with fields left open (the rest of such a row may still be applied)."""
        return tuple(row for row in self.rows if row.conflicts)

    @property
    def deletions(self) -> tuple[RowPlan, ...]:
        return tuple(row for row in self.rows if row.action == "delete")

    @property
    def has_errors(self) -> bool:
        return bool(self.errors)

    @property
    def can_apply(self) -> bool:
        """Nothing is written when any row has an error, unless the user skips invalid rows."""
        return not self.errors or self.options.skip_invalid

    @property
    def writes(self) -> bool:
        return any(row.action in ("create", "update") or (
            row.action == "delete" and self.options.apply_deletions) for row in self.rows)

    def counts(self) -> dict[str, dict[str, int]]:
        result: dict[str, dict[str, int]] = {}
        tally = Counter((ENTITY_KINDS[row.entity], self._word(row)) for row in self.rows)
        for kind in dict.fromkeys(ENTITY_KINDS[row.entity] for row in self.rows):
            result[kind] = {word: tally[(kind, word)]
                            for word in ("created", "updated", "unchanged", "skipped")}
            if tally[(kind, "deleted")]:
                result[kind]["deleted"] = tally[(kind, "deleted")]
        return result

    def _word(self, row: RowPlan) -> str:
        if row.action == "delete":  # a proposal until the user accepts deletions
            return "deleted" if self.options.apply_deletions else "skipped"
        return COUNT_WORDS[row.action]

    def summary(self) -> str:
        """The counts in words, in the current language."""
        return counts_text(self.counts(), translate("Import", "nothing to import"))


@dataclass(frozen=True)
class PolicyPreview:
    """What the rows that match records already in Liaison would change under the other
    duplicate policies: an import under "skip" that finds only known records says so, and
    what updating them or filling their blanks would write, instead of "nothing to import"."""

    matched: int  # rows that match a record (skipped or unchanged)
    skipped: int  # of them, rows the file would change: skipped because of the policy
    update_rows: int
    update_fields: tuple[tuple[str, int], ...]  # field → rows it would change, most first
    fill_rows: int
    fill_fields: tuple[tuple[str, int], ...]
    entities: tuple[str, ...]  # the kinds of record matched, in the order met

    @property
    def offers(self) -> bool:
        """Whether another policy would write something."""
        return self.update_rows > 0


def _empty(value: Any) -> bool:
    return value is None or value == "" or (isinstance(value, list | tuple | set | frozenset)
                                            and not value)


def policy_preview(plan: Plan) -> PolicyPreview | None:
    """Under the "skip" policy, what updating or filling the matched rows would change (the
    planner records a skipped row's changes as "update" would write them); None otherwise."""
    if plan.options.on_duplicate != "skip" or plan.kind == "workbook":
        return None
    matched = [row for row in plan.rows if row.id and row.action in ("skip", "unchanged")]
    skipped = [row for row in matched if row.action == "skip" and row.changes]
    update: Counter[str] = Counter()
    fill: Counter[str] = Counter()
    fill_rows = 0
    for row in skipped:
        update.update(change.field for change in row.changes)
        blanks = [change.field for change in row.changes if _empty(change.before)]
        fill.update(blanks)
        fill_rows += bool(blanks)
    return PolicyPreview(len(matched), len(skipped), len(skipped),
                         tuple(update.most_common()), fill_rows, tuple(fill.most_common()),
                         tuple(dict.fromkeys(row.entity for row in matched)))


def conflict_json(row: RowPlan) -> dict[str, Any]:
    return {"sheet": row.sheet, "row": row.row, "kind": ENTITY_KINDS[row.entity], "id": row.id,
            "message": row.reason,
            "fields": [{"field": c.field, "exported": _plain(c.exported), "file": _plain(c.file),
                        "database": _plain(c.database)} for c in row.conflicts]}


def _plain(value: Any) -> Any:
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def plan_json(plan: Plan, batch_id: str | None = None) -> dict[str, Any]:
    """The object `liaison import --json` prints (DESIGN.md's command-line contract)."""
    return {
        **plan.counts(),
        "errors": [note.as_json() for note in plan.errors],
        "warnings": [note.as_json() for note in plan.warnings],
        "conflicts": [conflict_json(row) for row in plan.conflicts],
        "proposed_deletions": [{"sheet": row.sheet, "kind": ENTITY_KINDS[row.entity],
                                "id": row.id, "name": row.reason}
                               for row in plan.deletions if not plan.options.apply_deletions],
        "rows": [row.as_json() for row in plan.rows],
        "batch_id": batch_id,
    }
