"""The pairs a user looked at in the duplicate scan and said are two records, not one: marked
(and forgotten) here, left out by the scan (db/services/duplicates.py) from then on. And which
kind of record an id names, for `liaison merge-records`, which is given two ids alone."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, or_, select

from db.models import NotDuplicate, Organization, Person
from db.services.duplicate_names import Kind
from db.services.duplicates import check_kind
from db.store.engine import Database
from db.store.errors import LiaisonError, record_noun
from db.store.translation import translate


def _ordered(first_id: str, second_id: str) -> tuple[str, str]:
    a, b = first_id.strip(), second_id.strip()
    return (a, b) if a < b else (b, a)


def mark_not_duplicate(db: Database, kind: str, first_id: str, second_id: str,
                       who: str | None = None) -> None:
    """Remember that two records are not the same: the scan shows the pair no more. Both
    must be live records of `kind`; marking a pair twice changes nothing."""
    kind_ = check_kind(kind)
    a, b = _ordered(first_id, second_id)
    noun = record_noun(kind_)
    if a == b:
        raise LiaisonError(translate(
            "Duplicates", "A record is always the same as itself: choose two different "
                          "{noun}s.").format(noun=noun))
    model: Any = Organization if kind_ == "organization" else Person
    with db.transaction() as session:
        for record_id in (a, b):
            record = session.get(model, record_id)
            if record is None or record.deleted_at is not None:
                raise LiaisonError(translate("Records", "There is no {noun} with id {id}.")
                                   .format(noun=noun, id=record_id))
        if session.get(NotDuplicate, (kind_, a, b)) is None:
            session.add(NotDuplicate(kind=kind_, first_id=a, second_id=b,
                                     decided_at=datetime.now(UTC), who=who))


def forget_not_duplicate(db: Database, kind: str, first_id: str, second_id: str) -> bool:
    """Let the scan show the pair again; False when it was not marked."""
    kind_ = check_kind(kind)
    a, b = _ordered(first_id, second_id)
    with db.transaction() as session:
        removed = session.execute(delete(NotDuplicate).where(
            NotDuplicate.kind == kind_, NotDuplicate.first_id == a,
            NotDuplicate.second_id == b))
        return bool(getattr(removed, "rowcount", 0))


def not_duplicates(db: Database, kind: str, record_id: str | None = None
                   ) -> list[tuple[str, str]]:
    """The pairs marked not duplicates (of one record, when given), in id order."""
    kind_ = check_kind(kind)
    with db.reading() as session:
        statement = select(NotDuplicate.first_id, NotDuplicate.second_id).where(
            NotDuplicate.kind == kind_)
        if record_id:
            statement = statement.where(or_(NotDuplicate.first_id == record_id,
                                            NotDuplicate.second_id == record_id))
        return [(a, b) for a, b in session.execute(
            statement.order_by(NotDuplicate.first_id, NotDuplicate.second_id)).all()]


def record_kind(db: Database, record_id: str) -> Kind | None:
    """Whether an id names an organization or a person (live, deleted or merged away), or
    neither (None): what `liaison merge-records` is given is two ids alone."""
    models: tuple[tuple[Kind, Any], ...] = (("organization", Organization), ("person", Person))
    with db.reading() as session:
        for kind, model in models:
            if session.get(model, record_id.strip()) is not None:
                return kind
    return None
