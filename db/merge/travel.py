"""Travel copies: a complete database file to take to another laptop and merge back later
(`liaison export-travel-copy OUT`, File ▸ Export travel copy…).

A travel copy is more than a backup: it gets its own identity (the `database_id` in its meta
table, with `copied_from` naming the original), so histories and merges can tell the copies
apart; and it can be made from a PostgreSQL server too, as a SQLite file for the road."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import RowMapping, insert, select

from db.changes import rows as rows_path
from db.merge.read import database_id
from db.models.base import Base, utcnow
from db.store import cipher
from db.store.engine import Database, backup_sqlite
from db.store.errors import DatabaseProblem, LiaisonError
from db.store.opening import open_store
from db.store.translation import translate

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class TravelCopy:
    path: Path
    database_id: str  # the copy's own identity
    copied_from: str | None  # the original's
    recovery: str | None = None  # an encrypted copy's recovery key, to show once


def export_travel_copy(db: Database, destination: str | Path, *,
                       progress: Progress | None = None,
                       passphrase: str | None = None) -> TravelCopy:
    """Write a complete, self-contained SQLite copy of `db` to `destination` (which must not
    exist yet), from a SQLite file or a PostgreSQL server: encrypted under its own key when
    `passphrase` is given (db/store/cipher.py), plain otherwise — a plain copy of an
    encrypted database only when asked for in so many words (passphrase None)."""
    target = Path(destination).expanduser().resolve()
    if target.exists():
        raise LiaisonError(translate("Merge", "{file} already exists; choose a new file name "
                                              "for the travel copy.").format(file=target))
    if not target.parent.is_dir():
        raise LiaisonError(translate("Merge", "There is no folder {folder} to write the travel "
                                              "copy in.").format(folder=target.parent))
    with db.reading() as session:
        original = database_id(session)
    recovery: str | None = None
    try:
        if db.path is not None and (passphrase is not None
                                    or cipher.key_of(db.path) is not None):
            recovery = cipher.export_copy(db.path, target, passphrase)
        elif db.path is not None:
            backup_sqlite(db.path, target)
        else:
            _copy_into_sqlite(db, target, progress)
            if passphrase is not None:
                recovery = cipher.encrypt_file(target, passphrase)
        identity = str(uuid.uuid4())
        connection = cipher.connect(target)
        try:
            with connection:
                connection.executemany(
                    "INSERT INTO meta (key, value) VALUES (?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    [("database_id", identity), ("copied_from", original or ""),
                     ("copied_at", utcnow().isoformat())])
        finally:
            connection.close()
    except BaseException:
        target.unlink(missing_ok=True)
        cipher.slot_path(target).unlink(missing_ok=True)
        raise
    return TravelCopy(target, identity, original, recovery)


def _copy_into_sqlite(db: Database, target: Path, progress: Progress | None) -> None:
    """Every table of a server database into a new SQLite file at the same schema version."""
    copy = open_store(target)
    try:
        tables = list(Base.metadata.sorted_tables)
        with db.reading() as source, copy.transaction() as session:
            for number, table in enumerate(tables, start=1):
                if progress is not None:
                    progress(translate("Merge", "Copying {table}").format(table=table.name),
                             number, len(tables))
                rows = source.execute(select(table).execution_options(yield_per=5000))
                for chunk in _chunks(rows.mappings()):
                    rows_path.execute(session, insert(table), chunk)
    except sqlite3.Error as exc:
        raise DatabaseProblem(translate("Merge", "Cannot write the travel copy {file}: "
                                                 "{error}.").format(file=target, error=exc)) from exc
    finally:
        copy.close()


def _chunks(rows: Iterable[RowMapping], size: int = 5000) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(dict(row))
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
