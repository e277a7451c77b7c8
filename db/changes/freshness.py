"""Whether a plan still fits the database: an import or a merge is planned first (reading
only) and applied after — seconds later on the command line, minutes later in the app, where
the user reviews it. Another window or program may write meanwhile, and a record planned as
new may exist by then. A plan therefore records the database's latest change when planning
began (`latest_change`), and applying refuses it (`check_current`) when that has moved on."""

from __future__ import annotations

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from db.changes import rows as rows_path
from db.models import ChangeLog
from db.store.engine import Database
from db.store.errors import LiaisonError

# Imports and merges take turns on this PostgreSQL advisory lock ("LIMP").
APPLY_LOCK = 0x4C49_4D50


class PlanOutdated(LiaisonError):
    """The database changed between planning an import or a merge and applying it."""


def latest(session: Session) -> str:
    """The id of the database's latest change (change ids grow with time); "" for none."""
    return session.execute(select(func.max(ChangeLog.id))).scalar() or ""


def latest_change(db: Database) -> str:
    """What a plan records as the state it was made against."""
    with db.reading() as session:
        return latest(session)


def check_current(session: Session, sqlite: bool, marker: str | None, message: str) -> None:
    """Raise PlanOutdated(message) when the database moved on from `marker` (None: a plan
    made without one, checked by nothing). Call it once the transaction has opened its batch:
    on SQLite that first write holds the file's write lock, on PostgreSQL imports and merges
    take turns on an advisory lock, so no other one slips in between the check and the rows
    written."""
    if marker is None:
        return
    rows_path.flush(session)
    if not sqlite:
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": APPLY_LOCK})
    if latest(session) != marker:
        raise PlanOutdated(message)
