"""Merging two copies of a Liaison database — a travel copy brought home, a colleague's laptop,
the office server — field by field, with every change in the history and nothing lost.

    plan = merge_plan(db, "/media/usb/liaison-travel.sqlite3")   # reads, writes nothing
    result = apply_merge(db, plan, Actor("Wang Fang"))           # one transaction, undoable
    undo_merge(db, result.batch_id)

The rules
---------
Records match by id (UUIDs made where the record was created), never by name — except tags,
which match by id and then by name, and topics, by id and then by key (two copies that each
created a tag “Youth” share this copy's tag), and parties both copies loaded apart from the
starter register, which match by its reference (`external_ref`): each copy keeps its own id,
and what the other copy's records say about the party (positions, participants, follow-ups,
history) is read in this copy's id. Countries are reference data with the same ids everywhere
and are not merged.

What a copy changed is read from its ChangeLog. ChangeLog rows have globally unique ids and are
never edited, so "the rows one copy has and the other lacks" are exactly the changes the other
has not seen. For each field of a record both copies hold:

* equal values: nothing to do;
* only one copy changed the field since the copies last agreed (it has unseen rows on it, and
  its value differs from the value before the first of them): that copy's value;
* both changed it to different values: a **conflict**, shown with both values. It stays open —
  this copy keeps its value and the other copy's rows about that field are not copied — until
  it is settled (`resolutions`/`prefer`), so every later merge shows it again. One exception
  keeps settled conflicts settled: a copy that still holds the very value the other copy
  started its change from has not really changed it;
* neither copy has rows on it (data loaded in bulk — demo data, the starter register — carries
  no ChangeLog): the record with the higher version wins, then the later `updated_at`; a tie
  is a conflict.

Rows written by a merge (source "merge") only repeat a change that travels with its own row,
so they never count as a change of the copy that wrote them, and they are not copied: each
copy keeps its own record of its merges. Undoing a merge writes such rows too, so an undone
merge is not sent back as a change either.

Links are sets and merge element by element: a tag, topic or grouping member one copy added or
removed since the copies last agreed is added or removed; a difference neither copy's history
explains keeps the element (nothing is lost). The owner's ChangeLog holds the set before and
after each change (tags by name or id, topics and countries by id). Participants of an
interaction merge participant by participant; the same participant given two different roles
is a conflict on "participants". A record's soft deletion is the field "deleted": a deletion
(or a restore) travels like any change; edits the other copy made meanwhile are merged into the
deleted record, so restoring it loses nothing; deleted in both copies, it keeps the earlier
deletion time. Derived figures (search text, last contact, interaction counts) are
recomputed, never merged.

A record only the other copy holds is created here as it is there (its id, dates, version and
deletion), with its links. A record only this copy holds is kept (the reverse merge takes it
there). Changes of both kinds are written with ChangeLog rows of source "merge" naming the
other copy (`source_detail`), and the other copy's own rows this copy lacks are copied with
their ids, authors and times — so after A is merged into B, B's history holds A's changes, and
merging A into B again finds nothing unseen and changes nothing (idempotent). Without conflicts
the rules are symmetric, so A merged into B and B merged into A give the same content
(convergent). Conflicts left open do not stop the rest: everything else is applied.

Everything is applied in one transaction and recorded as a batch of kind "merge": its
change-log rows say what it changed, its undo data names the rows it copied. Undoing it is the
one undo of db/changes/undo.py: the fields it changed get their earlier values (a field
changed since keeps its newer value, and the undo says so), the records it created are
removed (unless edited or pointed to since), and the copied rows go, so merging the same copy
again brings the same changes back. Undo is local: the other copy is not touched.

The other copy is read through `open_store` (a file path or a PostgreSQL URL): a file is read
from a consistent snapshot taken into a temporary folder (and upgraded there if an older
Liaison wrote it), so its data is never changed; a server must be at this version's schema. Limitations, by design: a record removed outright (only the undo of an
import removes records) does not travel and comes back from a copy that still holds it; a tag
renamed after an owner's tags were logged is matched by its current names only.
"""

from __future__ import annotations

from typing import Any

from db.merge.apply import MergeProgress, MergeResult, Settle, apply_merge, merge_steps
from db.merge.plan import merge_plan
from db.merge.records import (
    FieldMerge,
    LogRow,
    MergeCancelled,
    MergePlan,
    MergeProblem,
    NewRecord,
    RecordMerge,
    plain,
)
from db.merge.undo import MergeUndo, undo_merge

__all__ = [
    "FieldMerge",
    "LogRow",
    "MergeCancelled",
    "MergePlan",
    "MergeProblem",
    "MergeProgress",
    "MergeResult",
    "MergeUndo",
    "NewRecord",
    "RecordMerge",
    "Settle",
    "apply_merge",
    "merge_plan",
    "merge_steps",
    "plan_json",
    "undo_merge",
]


def conflict_json(record: RecordMerge) -> dict[str, Any]:
    return {"kind": record.kind, "id": record.id, "name": record.name,
            "fields": [{"field": f.field, "here": plain(f.here), "there": plain(f.there)}
                       for f in record.conflicts]}


def plan_json(plan: MergePlan, result: MergeResult | None = None) -> dict[str, Any]:
    """The object `liaison merge --json` prints: per kind of record the counts `created,
    updated, unchanged, skipped` (a record in conflict counts as skipped, a record changed
    only here as unchanged) — once applied, as the change log records them (a deletion or
    restoration counts as updated; skipped only for records of which nothing was written); `errors`; the `conflicts` still open, field by field with this
    copy's value (`here`) and the other's (`there`); `rows`, one per record the merge creates,
    changes, keeps or leaves in conflict; `history_copied`; and `batch_id`."""
    conflicts = result.open_conflicts if result is not None else plan.conflicts
    return {
        "other": plan.location,
        **(result.counts if result is not None and result.batch_id else plan.counts()),
        "errors": [problem.as_json() for problem in plan.errors],
        "warnings": [],
        "conflicts": [conflict_json(record) for record in conflicts],
        "rows": [record.as_json() for record in plan.records],
        "history_copied": result.history_copied if result is not None else len(plan.history),
        "batch_id": result.batch_id if result is not None else None,
    }
