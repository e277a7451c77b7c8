"""Backing up a database by hand (`liaison backup`: SQLite's backup API for a file, the
server's own pg_dump for PostgreSQL), saving a copy, and restoring one — after backing up the
state it replaces. Automatic backups and their folder: db/store/backups.py."""

from __future__ import annotations

import shlex
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from db.store import cipher
from db.store.engine import (
    Database,
    backup_sqlite,
    busy_timeout_seconds,
    check_sqlite_file,
    explain,
    has_sqlite_header,
    read_sqlite_schema,
    sqlite_path_of,
    sqlite_readonly_uri,
    unique_path,
)
from db.store.errors import DatabaseProblem
from db.store.translation import QT_TRANSLATE_NOOP, translate

# In English, marked for the catalog; translate("Storage", PG_DUMP_MESSAGE) where it is shown.
PG_DUMP_MESSAGE = QT_TRANSLATE_NOOP(
    "Storage", "Backups of a PostgreSQL server are made with the server's own tools (pg_dump); "
               "Liaison backs up local database files.")
PG_MAGIC = b"PGDMP"  # how a pg_dump archive (--format=custom) begins


def backup_database(db: Database, folder: Path | None = None) -> Path:
    """`liaison backup`: a verified copy of a database file in `folder` (its backups folder),
    or a pg_dump archive of a server's database."""
    if db.path is None:
        return dump_server(db.url, folder or Path.cwd())
    from db.store.backups import backup_file

    return backup_file(db.path, "manual", folder=folder).path


def libpq_url(url: str) -> str:
    """The server's address as PostgreSQL's own tools take it (no SQLAlchemy driver name)."""
    parsed = make_url(url)
    return parsed.set(drivername="postgresql").render_as_string(hide_password=False)


def _shown(command: list[str], url: str) -> str:
    """A command as the user can run it, the password left out."""
    safe = make_url(url).set(drivername="postgresql", password=None).render_as_string()
    return " ".join(shlex.quote(safe if part == libpq_url(url) else part) for part in command)


def _run_tool(command: list[str], url: str) -> None:
    tool = shutil.which(command[0])
    if tool is None:
        raise DatabaseProblem(translate(
            "Storage", "{tool} is not installed here. Install the PostgreSQL client tools, or "
                       "run this where they are:\n{command}").format(
            tool=command[0], command=_shown(command, url)))
    try:
        finished = subprocess.run([tool, *command[1:]], capture_output=True, text=True,
                                  check=False, timeout=6 * 3600)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise DatabaseProblem(translate("Storage", "{tool} did not run: {reason}.").format(
            tool=command[0], reason=exc)) from exc
    if finished.returncode != 0:
        raise DatabaseProblem(translate("Storage", "{tool} failed: {reason}").format(
            tool=command[0], reason=(finished.stderr or finished.stdout).strip()[-600:]))


def dump_server(url: str, folder: Path) -> Path:
    """A pg_dump archive (custom format, which pg_restore reads) of the server's database in
    `folder`, named by database and time; the server's pg_dump must be installed."""
    name = make_url(url).database or "liaison"
    made = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseProblem(translate(
            "Storage", "Cannot write a backup in {folder}: {reason}."
        ).format(folder=folder, reason=exc.strerror or exc)) from exc
    target = unique_path(folder / f"{name}.manual.{made}.pgdump")
    partial = target.with_name(f".{target.name}.partial")
    try:
        _run_tool(["pg_dump", "--format=custom", "--no-owner", f"--file={partial}",
                   libpq_url(url)], url)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def restore_server(url: str, source: Path) -> Path:
    """Put a pg_dump archive back into the server's database, after dumping what it holds now
    (the returned file)."""
    try:
        with source.open("rb") as file:
            head = file.read(len(PG_MAGIC))
    except OSError as exc:
        raise DatabaseProblem(translate("Storage", "There is no backup file {file}.")
                              .format(file=source)) from exc
    if head != PG_MAGIC:
        raise DatabaseProblem(translate(
            "Storage", "{file} is not a pg_dump archive of a Liaison database (liaison backup "
                       "makes one from a server).").format(file=source))
    safety = dump_server(url, source.parent)
    _run_tool(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
               f"--dbname={libpq_url(url)}", str(source)], url)
    return safety


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
    if not has_sqlite_header(source) and cipher.key_of(source) is None:
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


def _key_backup_like(source: Path, target: Path) -> None:
    """An encrypted backup opens with the key of the database it was made from: hold it for
    the backup too. A backup and a database that are not both plain or both encrypted with
    one key cannot be restored one into the other."""
    key = cipher.key_of(target)
    if cipher.key_of(source) is None and key is not None and source.is_file() \
            and cipher.looks_encrypted(source) and cipher.opens(source, key):
        cipher.remember(source, key)
    if key is None and target.is_file() and cipher.looks_encrypted(target):
        raise cipher.PassphraseNeeded(translate(
            "Encryption", "{file} is encrypted: give its passphrase or recovery key to restore "
                          "a backup into it.").format(file=target.name))
    if source.is_file() and cipher.looks_encrypted(source) and cipher.key_of(source) is None \
            and cipher.slot_path(source).exists():
        raise DatabaseProblem(translate(
            "Encryption", "{file} is encrypted with another key than the database: it cannot "
                          "be restored into it.").format(file=source.name))
    if key is not None and source.is_file() and cipher.key_of(source) is None \
            and has_sqlite_header(source):
        raise DatabaseProblem(translate(
            "Encryption", "{file} is not encrypted and the database is: decrypt the database "
                          "first (liaison decrypt), then restore it.").format(file=source.name))


def restore_database(url: str, source: Path) -> Path | None:
    """Replace the database file with `source`; return where the previous file was kept
    (None when there was no previous file)."""
    target = sqlite_path_of(url)
    if target is None:
        return restore_server(url, source)
    _key_backup_like(source, target)
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
        from db.store.backups import backup_file

        safety = backup_file(target, "restore").path
    try:
        incoming = cipher.connect(source, uri=sqlite_readonly_uri(source))
        try:
            destination = cipher.connect(target, timeout=busy_timeout_seconds())
            try:
                incoming.backup(destination)
            finally:
                destination.close()
        finally:
            incoming.close()
    except cipher.errors() as exc:
        raise (explain(exc, str(target))
               or DatabaseProblem(translate(
                   "Storage", "Cannot restore {file} into {target}: {reason}."
               ).format(file=source, target=target, reason=exc))) from exc
    return safety
