"""Batches: every change is made as part of one (an import, a merge, an edit on a screen, the
starter register, an undo) — listed here with what the change log records of each."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from db.changes.changeset import DELETED, RESTORED
from db.changes.registry import BY_NAME
from db.models import ChangeLog, ImportBatch
from db.store.engine import Database
from db.store.translation import QT_TRANSLATE_NOOP, translate

# The counts in words ("organizations: 4 created, 1 skipped"), in the current language: the
# import's summary, the merge's and `liaison batches` say them alike.
KIND_WORDS = {"organizations": QT_TRANSLATE_NOOP("Counts", "organizations"),
              "people": QT_TRANSLATE_NOOP("Counts", "people"),
              "positions": QT_TRANSLATE_NOOP("Counts", "positions"),
              "interactions": QT_TRANSLATE_NOOP("Counts", "interactions"),
              "followups": QT_TRANSLATE_NOOP("Counts", "followups"),
              "tags": QT_TRANSLATE_NOOP("Counts", "tags"),
              "topics": QT_TRANSLATE_NOOP("Counts", "topics")}
COUNT_PHRASES = {"created": QT_TRANSLATE_NOOP("Counts", "{count} created"),
                 "updated": QT_TRANSLATE_NOOP("Counts", "{count} updated"),
                 "unchanged": QT_TRANSLATE_NOOP("Counts", "{count} unchanged"),
                 "skipped": QT_TRANSLATE_NOOP("Counts", "{count} skipped"),
                 "deleted": QT_TRANSLATE_NOOP("Counts", "{count} deleted"),
                 "restored": QT_TRANSLATE_NOOP("Counts", "{count} restored")}


def kind_word(kind: str) -> str:
    """Records of the kind `kind` ("followups"), in the current language."""
    known = KIND_WORDS.get(kind)
    return translate("Counts", known) if known else kind


def counts_text(counts: Mapping[str, Mapping[str, int]], nothing: str, *,
                thousands: bool = False) -> str:
    """{"organizations": {"created": 4}} → "organizations: 4 created" (counts of 0 left
    out; `nothing`, already in the current language, when every count is)."""
    parts = []
    for kind, numbers in counts.items():
        done = []
        for word, n in numbers.items():
            if n:
                count = f"{n:,}" if thousands else str(n)
                phrase = COUNT_PHRASES.get(word)
                done.append(translate("Counts", phrase).format(count=count) if phrase
                            else f"{count} {word}")
        if done:
            parts.append(translate("Counts", "{kind}: {counts}").format(
                kind=kind_word(kind), counts=", ".join(done)))
    return "; ".join(parts) or nothing


# What a batch of each kind was, for sentences: "the import of partners.csv".
_WHAT = {"import": QT_TRANSLATE_NOOP("Undo", "the import of {name}"),
         "merge": QT_TRANSLATE_NOOP("Undo", "the merge from {name}"),
         # merging two records: {name} is "survivor ← merged away" (record_merge)
         "dedupe": QT_TRANSLATE_NOOP("Undo", "the merge of the records {name}"),
         "screen": QT_TRANSLATE_NOOP("Undo", "the edit made on the screen"),
         "starter": QT_TRANSLATE_NOOP("Undo", "the load of the starter register"),
         "revert": QT_TRANSLATE_NOOP("Undo", "the revert"),
         "undo": QT_TRANSLATE_NOOP("Undo", "the {name}")}
_OTHER = QT_TRANSLATE_NOOP("Undo", "the change made by {name}")
# An undo's batch is named, in the database, "undo of " and what it took back, in English.
UNDO_OF = "undo of "


def describe(kind: str, name: str | None, *, stored: bool = False) -> str:
    """A batch in the user's words, in the current language: "the import of partners.csv".
    `stored`: in English, as names written to the database are (an undo's batch, its
    change-log rows)."""
    if stored:
        return _WHAT.get(kind, _OTHER).format(name=name or kind)
    if kind == "undo" and name and name.startswith(UNDO_OF):
        return translate("Undo", "the undo of {what}").format(
            what=_reword(name.removeprefix(UNDO_OF)))
    return translate("Undo", _WHAT.get(kind, _OTHER)).format(name=name or kind)


def _reword(what: str) -> str:
    """A batch as an undo's stored name gives it (in English), in the current language."""
    for kind, template in (*_WHAT.items(), ("", _OTHER)):  # an undo is never undone
        if kind == "undo":
            continue
        before, _name, after = template.partition("{name}")
        if not _name:
            if what == template:
                return describe(kind, None)
        elif what.startswith(before) and what.endswith(after) and \
                len(what) > len(before) + len(after):
            return describe(kind, what[len(before):len(what) - len(after)])
    return what


@dataclass(frozen=True)
class BatchRecord:
    """One batch as `liaison batches` and the screens list it."""

    id: str
    kind: str  # import, merge, screen, starter, revert, undo...
    what: str  # "the import of partners.csv"
    file_name: str | None
    at: datetime
    who: str | None
    status: str  # applied or undone
    undone_at: datetime | None
    counts: dict[str, Any]  # the batch's own summary (an import's skipped rows...)
    changes: dict[str, dict[str, int]]  # from the change log: kind → created/updated/...

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "what": self.what, "file": self.file_name,
                "at": self.at.isoformat(), "who": self.who, "status": self.status,
                "undone_at": self.undone_at.isoformat() if self.undone_at else None,
                "counts": self.counts, "changes": self.changes}


def list_batches(db: Database, *, kinds: tuple[str, ...] = (), limit: int = 50
                 ) -> list[BatchRecord]:
    """The latest batches, newest first (only those of `kinds` when given), each with what
    the change log records of it."""
    with db.reading() as session:
        query = select(ImportBatch).order_by(ImportBatch.created_at.desc(),
                                             ImportBatch.id.desc()).limit(limit)
        if kinds:
            query = query.where(ImportBatch.kind.in_(kinds))
        batches = list(session.execute(query).scalars())
        logged = logged_counts(session, [b.id for b in batches])
        return [BatchRecord(b.id, b.kind, describe(b.kind, b.file_name), b.file_name,
                            b.created_at, b.who, b.status, b.undone_at, dict(b.counts or {}),
                            logged.get(b.id, {})) for b in batches]


def logged_counts(session: Session, batch_ids: list[str]) -> dict[str, dict[str, dict[str, int]]]:
    """batch id → kind of record → {"created": n, "updated": n, "deleted": n, "restored": n},
    counted from the change log: records, not fields."""
    result: dict[str, dict[str, dict[str, int]]] = {}
    if not batch_ids:
        return result
    field = ChangeLog.field

    def only(word: str) -> Any:
        return and_(func.min(field) == word, func.max(field) == word)

    per_record = select(
        ChangeLog.batch_id.label("batch"), ChangeLog.entity.label("entity"),
        case((func.max(case((field == "created", 1), else_=0)) == 1, "created"),
             (only(DELETED), DELETED), (only(RESTORED), RESTORED), else_="updated").label("word"),
    ).where(ChangeLog.batch_id.in_(batch_ids)).group_by(
        ChangeLog.batch_id, ChangeLog.entity, ChangeLog.entity_id).subquery()
    for batch_id, entity, word, count in session.execute(
            select(per_record.c.batch, per_record.c.entity, per_record.c.word, func.count())
            .group_by(per_record.c.batch, per_record.c.entity, per_record.c.word)):
        kind = BY_NAME[entity].kind if entity in BY_NAME else entity
        result.setdefault(batch_id, {}).setdefault(kind, {})[word] = int(count)
    return result


def logged_records(session: Session, batch_id: str) -> set[str]:
    """The ids of the records a batch's change-log rows are about."""
    return set(session.execute(select(ChangeLog.entity_id).where(ChangeLog.batch_id == batch_id)
                               .distinct()).scalars())
