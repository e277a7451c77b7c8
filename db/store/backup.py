"""Backups of a SQLite database, and restoring one (keeping the replaced file)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from db.store.engine import (
    Database,
    backup_folder,
    backup_sqlite,
    busy_timeout_seconds,
    check_sqlite_file,
    explain,
    has_sqlite_header,
    read_sqlite_schema,
    sqlite_path_of,
    sqlite_readonly_uri,
    timestamp,
)
from db.store.errors import DatabaseProblem
from db.store.translation import QT_TRANSLATE_NOOP, translate

# In English, marked for the catalog; translate("Storage", PG_DUMP_MESSAGE) where it is shown.
PG_DUMP_MESSAGE = QT_TRANSLATE_NOOP(
    "Storage", "Backups of a PostgreSQL server are made with the server's own tools (pg_dump); "
               "Liaison backs up local database files.")


def backup_database(db: Database, folder: Path | None = None) -> Path:
    if db.path is None:
        raise DatabaseProblem(translate("Storage", PG_DUMP_MESSAGE))
    folder = folder or backup_folder(db.path)
    return backup_sqlite(db.path, folder / f"{db.path.stem}-{timestamp()}.sqlite3")


def save_copy(db: Database, target: Path) -> Path:
    """A consistent copy of the open SQLite database as the one file `target` (what the user
    chose: an existing file there is replaced, and only once the copy is complete). Made with
    SQLite's backup API, so changes still in the write-ahead log are in it — copying the file
    itself while Liaison runs would leave them behind."""
    if db.path is None:
        raise DatabaseProblem(translate("Storage", PG_DUMP_MESSAGE))
    target = target.expanduser().resolve()
    if target == db.path.resolve():
        raise DatabaseProblem(translate(
            "Storage", "{path} is the open database itself; choose another name for the "
                       "copy.").format(path=target))
    if target.is_dir():
        raise DatabaseProblem(translate("Storage", "{path} is a folder; choose a file name for "
                                                   "the copy.").format(path=target))
    partial = backup_sqlite(db.path, target.with_name(f".{target.name}.partial"))
    try:
        partial.replace(target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise DatabaseProblem(translate(
            "Storage", "Cannot write {path}: {reason}.").format(
            path=target, reason=exc.strerror or exc)) from exc
    return target


def check_backup_file(source: Path) -> None:
    """Refuse, before anything is replaced, a file that is not a Liaison database this version
    can open."""
    if not source.is_file():
        raise DatabaseProblem(translate("Storage", "There is no backup file {file}.")
                              .format(file=source))
    if not has_sqlite_header(source):
        raise DatabaseProblem(translate(
            "Storage", "{file} is not a Liaison backup (it is not a SQLite file)."
        ).format(file=source))
    from db.store.migrate import refuse_unusable

    tables, revision = read_sqlite_schema(source)
    refuse_unusable(str(source), tables, revision)
    if revision is None:
        raise DatabaseProblem(translate(
            "Storage", "{file} is not a Liaison backup (it holds no Liaison data)."
        ).format(file=source))


def restore_database(url: str, source: Path) -> Path | None:
    """Replace the database file with `source`; return where the previous file was kept
    (None when there was no previous file)."""
    target = sqlite_path_of(url)
    if target is None:
        raise DatabaseProblem(translate(
            "Storage", "Restore works on local database files, not on a server."))
    check_backup_file(source)
    if source.resolve() == target.resolve():
        raise DatabaseProblem(translate(
            "Storage", "{file} is the database itself; choose a backup copy to restore."
        ).format(file=source))
    if check_sqlite_file(target):
        raise DatabaseProblem(translate(
            "Storage", "{target} is read-only: nothing can be restored into it. Make the file "
                       "and its folder writable, or restore into another file."
        ).format(target=target))
    safety: Path | None = None
    if target.exists() and target.stat().st_size > 0:
        safety = backup_sqlite(
            target, backup_folder(target) / f"{target.stem}.before-restore-{timestamp()}.sqlite3")
    try:
        incoming = sqlite3.connect(sqlite_readonly_uri(source), uri=True)
        try:
            destination = sqlite3.connect(target, timeout=busy_timeout_seconds())
            try:
                incoming.backup(destination)
            finally:
                destination.close()
        finally:
            incoming.close()
    except sqlite3.Error as exc:
        raise (explain(exc, str(target))
               or DatabaseProblem(translate(
                   "Storage", "Cannot restore {file} into {target}: {reason}."
               ).format(file=source, target=target, reason=exc))) from exc
    return safety
