"""Opening a database with its reference data: what the app, the command line and the tests
call (db/store/opening.py opens without it)."""

from __future__ import annotations

import os

from db.seed.reference import ensure_reference_data
from db.store.engine import Database
from db.store.opening import open_store


def open_database(target: str | os.PathLike[str] | None = None, *, migrate: bool = True,
                  seed: bool = True, create: bool = True,
                  passphrase: str | None = None) -> Database:
    """Open (creating if needed) and migrate a database; raise DatabaseProblem when it cannot.
    A file Liaison must refuse (not SQLite, from a newer Liaison, someone else's tables) is
    refused before anything is written to it; a read-only one is opened for reading only. `seed`: add the shipped reference
    data (countries, topics, groupings) that is missing. `create=False`: a SQLite path where
    no database is raises NoDatabase instead of making one there."""
    return open_store(target, migrate=migrate, seed=ensure_reference_data if seed else None,
                      create=create, passphrase=passphrase)
