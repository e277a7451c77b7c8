"""Open a Liaison database from a path or a SQLAlchemy URL, migrating it safely.

Default: a SQLite file in the user's data folder. A team points at PostgreSQL with
``--db postgresql+psycopg://…`` or the ``LIAISON_DB`` environment variable.
"""

from __future__ import annotations

import os
import secrets
import shutil
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from db.store import cipher
from db.store.errors import DatabaseProblem
from db.store.translation import translate

SQLITE_HEADER = b"SQLite format 3\x00"
# resolve_url's form of a SQLite file: this prefix and then the absolute path as it is — never
# URL-decoded, so folders named "Team #2" or "100% done" stay what they are.
SQLITE_PREFIX = "sqlite:///"
SQLITE_MEMORY = "sqlite:///:memory:"
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
BUSY_TIMEOUT_MS = 5000  # read at each connection, so tests may lower it
# The schema revision this version of Liaison writes; a test keeps it equal to Alembic's head.
SCHEMA_HEAD = "0011"
# How much of a SQLite file an export may read through a memory map (see Database.reading).
SCAN_MMAP_BYTES = 1 << 30


def default_database_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("Liaison", appauthor=False) / "liaison.sqlite3"


def is_default_target(target: str | os.PathLike[str] | None) -> bool:
    """True when `target` names no database and LIAISON_DB is unset: the local database in
    the data folder, which the first start may create (a path given anywhere else is only
    opened, so a typo never becomes a new empty database)."""
    return (target is None or str(target) == "") and not os.environ.get("LIAISON_DB")


def resolve_url(target: str | os.PathLike[str] | None) -> str:
    """A path, a URL, LIAISON_DB, or the default file — as a URL. A SQLite file comes back as
    ``sqlite:///`` followed by its absolute path, unescaped (see `sqlite_path_of`)."""
    if target is None or str(target) == "":
        target = os.environ.get("LIAISON_DB") or default_database_path()
    text = str(target)
    if "://" in text:
        try:
            url = make_url(text)
            url.port  # noqa: B018  (a port that is not a number fails here, not later)
        except (ArgumentError, ValueError):
            raise DatabaseProblem(translate(
                "Storage", "“{target}” is not a database path or URL Liaison understands."
            ).format(target=text)) from None
        backend = url.get_backend_name()
        if backend == "postgres":  # the short form hosting services print
            backend = "postgresql"
        if backend not in ("sqlite", "postgresql"):
            raise DatabaseProblem(translate(
                "Storage", "Liaison works with SQLite files and PostgreSQL servers, not "
                           "“{backend}”.").format(backend=backend))
        if backend == "sqlite":
            if not url.database or url.database == ":memory:":
                return SQLITE_MEMORY
            return SQLITE_PREFIX + str(Path(url.database).expanduser().resolve())
        if url.drivername != "postgresql+psycopg":
            url = url.set(drivername="postgresql+psycopg")
        return url.render_as_string(hide_password=False)
    return SQLITE_PREFIX + str(Path(text).expanduser().resolve())


def sqlite_path_of(url: str) -> Path | None:
    """The file behind a URL made by `resolve_url`; None for a server or an in-memory database."""
    if url.startswith(SQLITE_PREFIX) and url != SQLITE_MEMORY:
        return Path(url.removeprefix(SQLITE_PREFIX))
    return None


def busy_timeout_seconds() -> float:
    return BUSY_TIMEOUT_MS / 1000


def sqlite_readonly_uri(path: Path, *, immutable: bool = False) -> str:
    """A URI that opens `path` read-only, whatever characters (#, ?, %, spaces) its name has.
    `immutable`: the file cannot change while it is open (it is read-only for everyone), so
    SQLite takes no locks and makes no -shm file beside it."""
    return path.resolve().as_uri() + "?mode=ro" + ("&immutable=1" if immutable else "")


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
    finally:
        cursor.close()


def is_writable(path: Path) -> bool:
    """May Liaison write `path`? Besides the permission check, a file or folder nobody may write
    (chmod a-w, “locked” in a file manager) counts as read-only even for an administrator, who
    could write it anyway: that mark is the owner's wish, so it behaves the same for everyone."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return os.access(path, os.W_OK) and bool(mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def has_sqlite_header(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError as exc:
        raise DatabaseProblem(translate("Storage", "Cannot read {path}: {reason}.")
                              .format(path=path, reason=exc.strerror or exc)) from exc


def check_sqlite_file(path: Path) -> bool:
    """Refuse, with a clear sentence, what cannot be a Liaison database file; True when an
    existing database may only be read (the file or its folder is read-only): it is then opened
    read-only rather than refused, and nothing is written to it."""
    if path.is_dir():
        raise DatabaseProblem(translate("Storage", "{path} is a folder, not a Liaison database "
                                                   "file.").format(path=path))
    if path.exists():
        if path.stat().st_size > 0 and not has_sqlite_header(path) \
                and cipher.key_of(path) is None:
            if cipher.slot_path(path).exists():
                raise cipher.PassphraseNeeded(translate(
                    "Encryption", "{file} is encrypted: enter its passphrase or recovery "
                                  "key.").format(file=path.name))
            raise DatabaseProblem(_not_sqlite(path))
        writable = is_writable(path) and is_writable(path.parent)
        if not writable and path.stat().st_size == 0:
            raise DatabaseProblem(translate(
                "Storage", "Cannot make a database in {path}: the file is empty and read-only."
            ).format(path=path))
        return not writable
    else:
        parent = path.parent
        if not parent.exists():
            try:
                parent.mkdir(parents=True)
            except OSError as exc:
                raise DatabaseProblem(translate(
                    "Storage", "Cannot create the folder {folder}: {reason}."
                ).format(folder=parent, reason=exc.strerror)) from exc
        if not is_writable(parent):
            raise DatabaseProblem(translate(
                "Storage", "Cannot create a database in {folder}: the folder is read-only."
            ).format(folder=parent))
    return False


def read_sqlite_schema(path: Path, *, read_only: bool = False) -> tuple[list[str], str | None]:
    """The table names and schema revision of an existing SQLite file, read without writing
    a byte to it (a read-only connection: not even the journal mode changes)."""
    try:
        connection = cipher.connect(path, uri=reading_uri(path, read_only=read_only),
                                    timeout=busy_timeout_seconds())
    except cipher.errors() as exc:
        raise (explain(exc, str(path)) or DatabaseProblem(translate(
            "Storage", "Cannot open {path}: {reason}.").format(path=path, reason=exc))) from exc
    try:
        tables = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite~_%' "
            "ESCAPE '~' ORDER BY name")]
        revision: str | None = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = None if row is None else str(row[0])
        return tables, revision
    except cipher.errors() as exc:
        raise (explain(exc, str(path)) or DatabaseProblem(translate(
            "Storage", "Cannot read {path}: {reason}.").format(path=path, reason=exc))) from exc
    finally:
        connection.close()


def _not_sqlite(where: object) -> str:
    return translate("Storage", "{where} is not a Liaison database (it is not a SQLite file)."
                     ).format(where=where)


def explain(exc: BaseException, where: str | None = None) -> DatabaseProblem | None:
    """Translate a driver error caused by the environment into a clear message, in the current
    language, about `where` (a file, a server; "the database" when not given); None for bugs.
    The driver's own words, when quoted, stay as they are."""
    if isinstance(exc, DBAPIError):
        detail = str(exc.orig) if exc.orig is not None else str(exc)
    elif isinstance(exc, cipher.errors()):
        detail = str(exc)
    else:
        return None
    detail = " ".join(detail.split())  # one line: drivers put newlines and tabs in messages
    text = detail.lower()
    where = where or translate("Storage", "the database")
    if "database is locked" in text or "database table is locked" in text:
        return DatabaseProblem(translate(
            "Storage", "{where} is busy: another program is writing to it. Try again in a moment."
        ).format(where=where))
    if "readonly" in text or "read-only" in text:
        return DatabaseProblem(translate(
            "Storage", "{where} is read-only; Liaison cannot save changes to it."
        ).format(where=where))
    if "disk is full" in text or "disk full" in text or "no space left" in text:
        return DatabaseProblem(translate(
            "Storage", "The disk is full; free some space and try again. Nothing was saved."))
    if "disk i/o error" in text:  # a file grown past a size limit, a drive gone or failing
        return DatabaseProblem(translate(
            "Storage", "{where} could not be written: the system reported a disk error (the "
                       "disk may be full, removed or failing). Nothing was saved; free some "
                       "space or check the drive, and try again.").format(where=where))
    if "file is not a database" in text or "file is encrypted" in text:
        return DatabaseProblem(_not_sqlite(where))
    if "malformed" in text:
        return DatabaseProblem(translate(
            "Storage", "{where} is damaged (SQLite reports a malformed database); restore it "
                       "from a backup.").format(where=where))
    if "unable to open database" in text:
        return DatabaseProblem(translate(
            "Storage", "Cannot open {where}: the file or its folder is missing or locked."
        ).format(where=where))
    if isinstance(exc, OperationalError) and ("connection" in text or "server" in text):
        return DatabaseProblem(translate("Storage", "Cannot reach the database server: {reason}")
                               .format(reason=detail))
    return None


@dataclass
class Database:
    """An open database: the engine, a session factory, and where it lives."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    path: Path | None = None
    backups: list[Path] = field(default_factory=list)
    # Opened for reading only (the file or its folder is read-only): every write is refused
    # with one clear sentence before anything is attempted.
    read_only: bool = False

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def server_user(self) -> str | None:
        """The user name a team server knows this connection by; None for a file."""
        if self.is_sqlite:
            return None
        return make_url(self.url).username or None

    def history_name(self, name: str) -> str:
        """How `name` stands in the history: on a team server, with the server's user name
        beside it when that differs ("Li Wei (liwei)"), so each change names its account."""
        user = self.server_user
        return f"{name} ({user})" if user and user != name else name

    def describe(self) -> str:
        if self.path is not None:
            return str(self.path)
        return make_url(self.url).render_as_string(hide_password=True)

    def title(self) -> str:
        """A short name for window titles: the file's name, or the server's database and
        host (the full location is `describe`)."""
        if self.path is not None:
            return self.path.name
        url = make_url(self.url)
        return f"{url.database or ''} @ {url.host or 'localhost'}"

    def ensure_present(self) -> None:
        """A database file that vanished (deleted, moved, its drive unplugged) must not be
        silently recreated empty by the next connection."""
        if self.path is not None and not self.path.exists():
            raise DatabaseProblem(translate(
                "Storage", "The database file {path} is no longer there (moved, deleted, or its "
                           "drive was removed). Nothing more was saved; put it back or open "
                           "another.").format(path=self.path))

    def ensure_writable(self) -> None:
        if self.read_only and self.path is None:
            raise DatabaseProblem(translate(
                "Storage", "Your account on {where} may only read the records (the team's "
                           "viewer role); ask the server's administrator for the editor role "
                           "to change them.").format(where=self.title()))
        if self.read_only:
            raise DatabaseProblem(translate(
                "Storage", "{where} is open read-only, so nothing can be changed in it. Save a "
                           "copy (File ▸ Save a copy…) to work on, or make the file writable "
                           "and open it again.").format(where=self.describe()))

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commit on success, roll back on any exception."""
        self.ensure_present()
        self.ensure_writable()
        session = self.sessions()
        try:
            yield session
            session.commit()
        except BaseException as exc:
            session.rollback()
            problem = explain(exc, self.describe())
            if problem is not None:
                raise problem from exc
            raise
        finally:
            session.close()

    @contextmanager
    def reading(self, *, scanning: bool = False) -> Iterator[Session]:
        """A session for reading. `scanning` (exports, which read much of the file): on SQLite
        the file is read through a memory map meanwhile — a quarter less time per page than
        read calls — and back to read calls after, so everyday memory use is unchanged."""
        self.ensure_present()
        session = self.sessions()
        mapped: Any = None  # the SQLite connection read through a map
        try:
            if scanning and self.engine.dialect.name == "sqlite":
                mapped = session.connection().connection.dbapi_connection
                mapped.execute(f"PRAGMA mmap_size = {SCAN_MMAP_BYTES}")
            yield session
        except BaseException as exc:
            problem = explain(exc, self.describe())
            if problem is not None:
                raise problem from exc
            raise
        finally:
            if mapped is not None:
                mapped.execute("PRAGMA mmap_size = 0")  # still this session's connection
            session.rollback()
            session.close()

    def close(self) -> None:
        """Close every connection. A SQLite file first takes the changes waiting in its
        write-ahead log (-wal) back into itself, so a copy of the file alone, made after
        Liaison closed, is complete."""
        if self.path is not None and self.path.exists() and not self.read_only:
            try:
                with self.engine.connect() as connection:
                    connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            except (DBAPIError, OSError):  # busy or read-only: the log stays, nothing is lost
                pass
        self.engine.dispose()


def create_engine_for(url: str, *, read_only: bool = False) -> Engine:
    """Every engine hides its statements' parameters in error messages: a crash report or
    log names no record's fields (names, notes), only Liaison's own SQL."""
    if url.startswith("sqlite"):
        path = sqlite_path_of(url)
        if path is not None and cipher.key_of(path) is not None:
            return _encrypted_engine(path, read_only=read_only)
        if read_only and path is not None:
            return _read_only_engine(path)
        # A URL object is used as it is: the path is not parsed or decoded again.
        target = URL.create("sqlite+pysqlite", database=str(path) if path else ":memory:")
        engine = create_engine(target, connect_args={"timeout": busy_timeout_seconds()},
                               hide_parameters=True)
        event.listen(engine, "connect", _set_sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10},
                         hide_parameters=True)


def reading_uri(path: Path, *, read_only: bool) -> str:
    """The URI that reads `path` without writing a byte: for a read-only database, immutable
    unless a write-ahead log waits beside it (see `_read_only_engine`)."""
    wal = path.with_name(path.name + "-wal")
    pending = wal.exists() and wal.stat().st_size > 0
    return sqlite_readonly_uri(path, immutable=read_only and not pending)


def _read_only_engine(path: Path) -> Engine:
    """An engine that can only read `path`. SQLite opens it with mode=ro; when no write-ahead
    log waits beside it, also as immutable, so not even a -shm file appears in a folder Liaison
    may not write (a log left by a crash is read, which needs SQLite's own -shm)."""
    uri = reading_uri(path, read_only=True)

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, timeout=busy_timeout_seconds(),
                               check_same_thread=False)

    engine = create_engine("sqlite+pysqlite://", creator=connect, poolclass=QueuePool,
                           hide_parameters=True)
    event.listen(engine, "connect", _set_read_only_pragmas)
    return engine


def _encrypted_engine(path: Path, *, read_only: bool) -> Engine:
    """An engine on an encrypted file: SQLCipher's driver, each connection keyed with the key
    this process holds for the file (db/store/cipher.py), errors mapped as SQLite's are."""
    import sqlcipher3

    uri = reading_uri(path, read_only=True) if read_only else None

    def connect() -> Any:
        return cipher.connect(path, uri=uri, timeout=busy_timeout_seconds(),
                              check_same_thread=False)

    engine = create_engine("sqlite+pysqlite://", creator=connect, poolclass=QueuePool,
                           module=sqlcipher3.dbapi2, hide_parameters=True)
    event.listen(engine, "connect", _set_read_only_pragmas if read_only else _set_sqlite_pragmas)
    return engine


def _set_read_only_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA query_only = ON")
    finally:
        cursor.close()


def server_revision(engine: Engine) -> str | None:
    """The schema revision recorded in a server database, or None when there is none yet."""
    if not inspect(engine).has_table("alembic_version"):
        return None
    with engine.connect() as connection:
        row = connection.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    return None if row is None else str(row[0])


def unique_path(path: Path) -> Path:
    """`path`, or `path` with -2, -3… before the suffix if a file of that name exists."""
    candidate = path
    number = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        number += 1
    return candidate


PARTIAL = ".partial"  # a backup being written


def backup_sqlite(path: Path, destination: Path) -> Path:
    """A consistent copy of a live SQLite file (the backup API copies WAL content too), as a
    single self-contained file. An existing file is never overwritten: the name gets -2, -3…"""
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseProblem(translate(
            "Storage", "Cannot write a backup in {folder}: {reason}."
        ).format(folder=destination.parent, reason=exc.strerror or exc)) from exc
    # Written under a passing name of this process's own and given its name when whole: a
    # copy cut short (the power went, the disk filled) is never taken for a backup (the next
    # backup clears it away), and two processes backing up in the same second (two imports
    # at once) neither write into one file nor take each other's name.
    partial = destination.with_name(
        f"{destination.name}.{os.getpid()}-{secrets.token_hex(3)}{PARTIAL}")
    key = cipher.key_of(path)  # an encrypted file's copy is encrypted with the same key
    failures: tuple[type[BaseException], ...] = (*cipher.errors(), OSError)
    placed: Path | None = None
    try:
        # Read through an ordinary connection when the file may be written: a read-only one
        # cannot rebuild the write-ahead log's index, and fails ("disk I/O error", "readonly")
        # when another process closes the database and removes its log as it opens.
        writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
        source = cipher.connect(path, uri=None if writable else sqlite_readonly_uri(path),
                                timeout=busy_timeout_seconds())
        try:
            target = cipher.connect(partial, key=key)
            try:
                source.backup(target)
                target.execute("PRAGMA journal_mode = DELETE")
            finally:
                target.close()
        finally:
            source.close()
        placed = _place(partial, destination)
        if key is not None:
            slot = cipher.slot_path(path)
            if slot.exists():  # the passphrase opens the copy too
                shutil.copyfile(slot, cipher.slot_path(placed))
            cipher.remember(placed, key)
    except failures as exc:
        for leftover in (partial, Path(f"{partial}-journal"),
                         *((placed, cipher.slot_path(placed)) if placed else ())):
            leftover.unlink(missing_ok=True)
        raise (explain(exc, str(path)) or DatabaseProblem(translate(
            "Storage", "Cannot back up {path} to {destination}: {reason}."
        ).format(path=path, destination=destination,
                 reason=getattr(exc, "strerror", None) or exc))) from exc
    return placed


def _place(partial: Path, destination: Path) -> Path:
    """Give the finished copy `destination`'s name, or -2, -3… when that is taken — taken
    atomically (a hard link never replaces a file), so a name another process takes in the
    same instant is never overwritten; where the disk has no hard links (FAT), a rename."""
    candidate = unique_path(destination)
    for _attempt in range(100):
        try:
            os.link(partial, candidate)
        except FileExistsError:
            candidate = unique_path(destination)
            continue
        except OSError:  # no hard links here
            os.replace(partial, candidate)
            return candidate
        partial.unlink()
        return candidate
    raise FileExistsError(destination)


def backup_folder(path: Path) -> Path:
    return path.parent / "backups"


def timestamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S")


def has_tables(engine: Engine) -> bool:
    return bool(inspect(engine).get_table_names())


def copy_file(source: Path, destination: Path) -> Path:
    destination.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, destination)
    return destination
