"""Backups of a SQLite database, and restoring one (keeping the replaced file)."""

from __future__ import annotations

from pathlib import Path

from db.engine import (
    SQLITE_HEADER,
    Database,
    backup_folder,
    backup_sqlite,
    check_sqlite_file,
    timestamp,
)
from db.errors import DatabaseProblem


def backup_database(db: Database, folder: Path | None = None) -> Path:
    if db.path is None:
        raise DatabaseProblem(
            "Backups of a PostgreSQL server are made with the server's own tools (pg_dump); "
            "Liaison backs up local database files.")
    folder = folder or backup_folder(db.path)
    return backup_sqlite(db.path, folder / f"{db.path.stem}-{timestamp()}.sqlite3")


def restore_database(url: str, source: Path) -> Path:
    """Replace the database file with `source`; return where the previous file was kept."""
    if not url.startswith("sqlite:///"):
        raise DatabaseProblem("Restore works on local database files, not on a server.")
    target = Path(url.removeprefix("sqlite:///"))
    if not source.is_file():
        raise DatabaseProblem(f"There is no backup file {source}.")
    with source.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise DatabaseProblem(f"{source} is not a Liaison backup (it is not a SQLite file).")
    check_sqlite_file(target)
    safety = backup_folder(target) / f"{target.stem}.before-restore-{timestamp()}.sqlite3"
    if target.exists():
        backup_sqlite(target, safety)
    import sqlite3

    incoming = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        destination = sqlite3.connect(target)
        try:
            incoming.backup(destination)
        finally:
            destination.close()
    finally:
        incoming.close()
    return safety
