"""Open a Liaison database from a path or a SQLAlchemy URL, migrating it safely.

Default: a SQLite file in the user's data folder. A team points at PostgreSQL with
``--db postgresql+psycopg://…`` or the ``LIAISON_DB`` environment variable.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from db.errors import DatabaseProblem

SQLITE_HEADER = b"SQLite format 3\x00"
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
BUSY_TIMEOUT_MS = 5000


def default_database_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("Liaison", appauthor=False) / "liaison.sqlite3"


def resolve_url(target: str | os.PathLike[str] | None) -> str:
    """A path, a URL, LIAISON_DB, or the default file — as a SQLAlchemy URL."""
    if target is None or str(target) == "":
        target = os.environ.get("LIAISON_DB") or default_database_path()
    text = str(target)
    if "://" in text:
        try:
            url = make_url(text)
        except ArgumentError:
            raise DatabaseProblem(f"“{text}” is not a database path or URL Liaison understands.") from None
        if url.get_backend_name() not in ("sqlite", "postgresql"):
            raise DatabaseProblem(
                f"Liaison works with SQLite files and PostgreSQL servers, not “{url.get_backend_name()}”."
            )
        if url.get_backend_name() == "postgresql" and url.get_driver_name() != "psycopg":
            url = url.set(drivername="postgresql+psycopg")
        return url.render_as_string(hide_password=False)
    return "sqlite:///" + str(Path(text).expanduser().resolve())


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
    finally:
        cursor.close()


def check_sqlite_file(path: Path) -> None:
    """Refuse, with a clear sentence, a file that is not SQLite or cannot be written."""
    if path.is_dir():
        raise DatabaseProblem(f"{path} is a folder, not a Liaison database file.")
    if path.exists() and path.stat().st_size > 0:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
        if header != SQLITE_HEADER:
            raise DatabaseProblem(f"{path} is not a Liaison database (it is not a SQLite file).")
        if not os.access(path, os.W_OK):
            raise DatabaseProblem(
                f"The database file {path} is read-only; Liaison needs to write to it. "
                "Copy it somewhere writable or change its permissions."
            )
    elif not path.exists():
        parent = path.parent
        if not parent.exists():
            try:
                parent.mkdir(parents=True)
            except OSError as exc:
                raise DatabaseProblem(f"Cannot create the folder {parent}: {exc.strerror}.") from exc
        if not os.access(parent, os.W_OK):
            raise DatabaseProblem(f"Cannot create a database in {parent}: the folder is read-only.")


def explain(exc: BaseException, where: str = "the database") -> DatabaseProblem | None:
    """Translate a driver error caused by the environment into a clear message; None for bugs."""
    if not isinstance(exc, DBAPIError):
        return None
    text = str(exc.orig).lower() if exc.orig is not None else str(exc).lower()
    if "database is locked" in text or "database table is locked" in text:
        return DatabaseProblem(
            f"{where} is busy: another program is writing to it. Try again in a moment."
        )
    if "readonly" in text or "read-only" in text:
        return DatabaseProblem(f"{where} is read-only; Liaison cannot save changes to it.")
    if "disk is full" in text or "disk full" in text or "no space left" in text:
        return DatabaseProblem("The disk is full; free some space and try again. Nothing was saved.")
    if "file is not a database" in text or "file is encrypted" in text:
        return DatabaseProblem(f"{where} is not a Liaison database (it is not a SQLite file).")
    if "unable to open database" in text:
        return DatabaseProblem(f"Cannot open {where}: the file or its folder is missing or locked.")
    if isinstance(exc, OperationalError) and ("connection" in text or "server" in text):
        return DatabaseProblem(f"Cannot reach the database server: {str(exc.orig).strip()}")
    return None


@dataclass
class Database:
    """An open database: the engine, a session factory, and where it lives."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    path: Path | None = None
    backups: list[Path] = field(default_factory=list)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def describe(self) -> str:
        if self.path is not None:
            return str(self.path)
        return make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commit on success, roll back on any exception."""
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
    def reading(self) -> Iterator[Session]:
        session = self.sessions()
        try:
            yield session
        except BaseException as exc:
            problem = explain(exc, self.describe())
            if problem is not None:
                raise problem from exc
            raise
        finally:
            session.rollback()
            session.close()

    def close(self) -> None:
        self.engine.dispose()


def create_engine_for(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _set_sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})


def open_database(target: str | os.PathLike[str] | None = None, *, migrate: bool = True,
                  seed: bool = True) -> Database:
    """Open (creating if needed) and migrate a database; raise DatabaseProblem when it cannot."""
    url = resolve_url(target)
    path: Path | None = None
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        path = Path(url.removeprefix("sqlite:///"))
        check_sqlite_file(path)
    engine = create_engine_for(url)
    database = Database(url=url, engine=engine,
                        sessions=sessionmaker(engine, expire_on_commit=False), path=path)
    try:
        if migrate:
            from db.migrate import upgrade_to_head

            database.backups.extend(upgrade_to_head(database))
        if seed:
            from db.services.reference import ensure_reference_data

            with database.transaction() as session:
                ensure_reference_data(session)
    except BaseException as exc:
        engine.dispose()
        problem = explain(exc, database.describe())
        if problem is not None:
            raise problem from exc
        raise
    return database


def backup_sqlite(path: Path, destination: Path) -> Path:
    """A consistent copy of a live SQLite file (the backup API copies WAL content too)."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        target = sqlite3.connect(destination)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()
    return destination


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
