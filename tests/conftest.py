"""Shared fixtures: a real SQLite file per test, and a real PostgreSQL database per test cloned
from a migrated template in a throwaway cluster."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from db.seed.opening import open_database
from db.store.engine import Database
from tests import write_guard
from tests.pg_cluster import ClusterUnavailable, start_cluster

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
write_guard.install()


@pytest.fixture(autouse=True)
def only_the_writer_writes() -> Iterator[None]:
    """Fail a test during which a domain table was written outside the writer (db/changes),
    even where the code under test caught the guard's error (tests/write_guard.py)."""
    write_guard.take_violations()
    yield
    found = write_guard.take_violations()
    assert not found, "\n".join(found)


def shared_data_dir() -> Path:
    """The real-world files in ../shared/data (LIAISON_SHARED_DATA overrides the place)."""
    candidates = [os.environ.get("LIAISON_SHARED_DATA"), REPO.parent / "shared" / "data",
                  "/work/shared/data"]
    for candidate in candidates:
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    pytest.fail("The shared real-world data (../shared/data) was not found next to the "
                "repository; set LIAISON_SHARED_DATA to its folder.", pytrace=False)


_counter = itertools.count()


@pytest.fixture(scope="session")
def pg_admin_url() -> Iterator[str]:
    """URL of the maintenance database of a PostgreSQL server for the tests.
    A missing PostgreSQL is a failure, never a silent skip."""
    given = os.environ.get("LIAISON_TEST_PG_URL")
    if given:
        yield given
        return
    try:
        cluster = start_cluster()
    except ClusterUnavailable as exc:
        pytest.fail(f"PostgreSQL is needed for the tests: {exc}", pytrace=False)
    try:
        yield cluster.url()
    finally:
        cluster.stop()


def _with_database(url: str, name: str) -> str:
    base, _, query = url.partition("?")
    base = base.rsplit("/", 1)[0] + "/" + name
    return f"{base}?{query}" if query else base


@pytest.fixture(scope="session")
def pg_template(pg_admin_url: str) -> str:
    """A migrated, seeded database to clone: CREATE DATABASE … TEMPLATE is a file copy."""
    admin = create_engine(pg_admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("DROP DATABASE IF EXISTS liaison_template"))
        conn.execute(text("CREATE DATABASE liaison_template"))
    admin.dispose()
    database = open_database(_with_database(pg_admin_url, "liaison_template"))
    database.close()
    return "liaison_template"


@pytest.fixture
def pg_url(pg_admin_url: str, pg_template: str) -> Iterator[str]:
    name = f"liaison_test_{os.getpid()}_{next(_counter)}"
    admin = create_engine(pg_admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE {pg_template}'))
    try:
        yield _with_database(pg_admin_url, name)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def sqlite_path(tmp_path: Path) -> Path:
    return tmp_path / "liaison.sqlite3"


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """An open, migrated, empty database on each back end."""
    if request.param == "sqlite":
        target = str(tmp_path / "liaison.sqlite3")
    else:
        target = request.getfixturevalue("pg_url")
    database = open_database(target)
    try:
        yield database
    finally:
        database.close()


@pytest.fixture
def sqlite_db(sqlite_path: Path) -> Iterator[Database]:
    database = open_database(sqlite_path)
    try:
        yield database
    finally:
        database.close()
