"""Opening a database: check the file, connect, migrate (with a backup first), seed.

Apart from db/store/engine.py (the Database and its connections) so that the migrations, which
need a Database, and the opening, which runs them, import in one direction only."""

from __future__ import annotations

import os
from collections.abc import Callable

from sqlalchemy.orm import Session, sessionmaker

from db.store import cipher
from db.store import engine as store_engine
from db.store.engine import (
    Database,
    check_sqlite_file,
    create_engine_for,
    explain,
    read_sqlite_schema,
    resolve_url,
    server_revision,
    sqlite_path_of,
)
from db.store.errors import DatabaseProblem, NoDatabase
from db.store.translation import translate


def open_store(target: str | os.PathLike[str] | None = None, *, migrate: bool = True,
               seed: Callable[[Session], None] | None = None, create: bool = True,
               passphrase: str | None = None) -> Database:
    """Open (creating if needed) and migrate a database; raise DatabaseProblem when it cannot.
    A file Liaison must refuse (not SQLite, from a newer Liaison, someone else's tables) is
    refused before anything is written to it; a read-only one is opened for reading only
    (`Database.read_only`), untouched. `create=False`: a SQLite path where
    no file is raises NoDatabase, and nothing is made (not even the folder). An encrypted
    file opens with `passphrase` (or its recovery key, or a key this process already holds);
    without one it raises PassphraseNeeded, with a wrong one WrongPassphrase."""
    url = resolve_url(target)
    path = sqlite_path_of(url)
    at_head = False
    read_only = False
    if path is not None:
        if not create and not path.exists():
            raise NoDatabase(translate(
                "Storage", "There is no Liaison database at {path}. Check the path, or make "
                           "a new database there with “liaison init {path}”.").format(path=path),
                path)
        if passphrase and path.exists() and cipher.key_of(path) is None \
                and cipher.looks_encrypted(path) and (cipher.slot_path(path).exists()
                                                      or cipher.parse_recovery(passphrase)):
            cipher.unlock(path, passphrase)
        read_only = check_sqlite_file(path)
        if migrate and path.exists() and path.stat().st_size > 0:
            tables, revision = read_sqlite_schema(path, read_only=read_only)
            at_head = revision == store_engine.SCHEMA_HEAD
            if not at_head:
                from db.store.migrate import refuse_unusable

                refuse_unusable(str(path), tables, revision)
                if read_only:
                    raise DatabaseProblem(translate(
                        "Storage", "{path} is read-only and was made by an earlier Liaison: "
                                   "it must be upgraded before it can be opened, which means "
                                   "writing to it. Copy it somewhere writable and open the "
                                   "copy.").format(path=path))
    engine = create_engine_for(url, read_only=read_only)
    database = Database(url=url, engine=engine,
                        sessions=sessionmaker(engine, expire_on_commit=False), path=path,
                        read_only=read_only)
    try:
        if migrate and path is None:
            at_head = server_revision(engine) == store_engine.SCHEMA_HEAD
        if migrate and not at_head:
            # Alembic costs a tenth of a second to import: only when there is work for it.
            from db.store.migrate import upgrade_to_head

            database.backups.extend(upgrade_to_head(database))
        if path is None and migrate:
            from db.store.roles import is_read_only_session

            # an account the server lets only read (liaison server-setup's viewer role)
            read_only = database.read_only = is_read_only_session(database)
        if seed is not None and not read_only:  # a read-only file is shown as it is
            with database.transaction() as session:
                seed(session)
    except BaseException as exc:
        engine.dispose()
        problem = explain(exc, database.describe())
        if problem is not None:
            raise problem from exc
        raise
    return database
