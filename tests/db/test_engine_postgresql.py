"""Opening a PostgreSQL database (db.store.opening.open_store, through db.seed.opening.open_database): by URL or LIAISON_DB, refusing one
Liaison must not touch, and explaining a server that cannot be reached or a missing
database in one sentence."""

from __future__ import annotations

import socket
import time

import pytest
from sqlalchemy import func, select, text

from db.models import Country
from db.seed.opening import open_database
from db.services import organizations
from db.store.errors import DatabaseProblem
from tests.db.test_engine import one_sentence


def test_postgresql_opens_by_url(pg_url: str) -> None:
    database = open_database(pg_url)
    try:
        assert database.engine.dialect.name == "postgresql" and not database.is_sqlite
        assert database.path is None and database.backups == []
        assert database.url.startswith("postgresql+psycopg://")
        with database.reading() as session:
            assert session.execute(select(func.count()).select_from(Country)).scalar_one() == 250
            cn = session.execute(select(Country).where(Country.code == "CN")).scalar_one()
            assert cn.name_zh == "中国"
        created = organizations.create_organization(database, {"name": "中国共产党",
                                                               "country": "CN"})
        assert organizations.get_organization(database, created.id).name == "中国共产党"
    finally:
        database.close()
    again = open_database(pg_url)  # idempotent on a server too
    try:
        with again.reading() as session:
            assert session.execute(select(func.count()).select_from(Country)).scalar_one() == 250
    finally:
        again.close()


@pytest.mark.parametrize(("change", "words"), [
    ("UPDATE alembic_version SET version_num = 'ffff_future'", "newer version of Liaison"),
    ("DROP TABLE alembic_version", "not a Liaison database"),
])
def test_postgresql_database_liaison_must_not_touch_is_refused(pg_url: str, change: str,
                                                              words: str) -> None:
    from sqlalchemy import create_engine

    raw = create_engine(pg_url)
    try:
        with raw.begin() as connection:
            connection.execute(text(change))
        with pytest.raises(DatabaseProblem) as caught:
            open_database(pg_url)
        assert words in caught.value.message
        one_sentence(caught.value.message)
        with raw.connect() as connection:
            tables = set(connection.execute(text(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars())
            assert "organizations" in tables
            if change.startswith("UPDATE"):
                assert connection.execute(text(
                    "SELECT version_num FROM alembic_version")).scalar() == "ffff_future"
            else:
                assert "alembic_version" not in tables, "Liaison did not stamp someone's database"
    finally:
        raw.dispose()


def test_postgresql_from_liaison_db(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LIAISON_DB", pg_url)
    database = open_database()
    try:
        assert database.engine.dialect.name == "postgresql"
    finally:
        database.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_an_unreachable_server_is_explained_quickly() -> None:
    url = f"postgresql+psycopg://liaison:secret@127.0.0.1:{free_port()}/liaison"
    started = time.monotonic()
    with pytest.raises(DatabaseProblem) as caught:
        open_database(url)
    assert time.monotonic() - started < 10
    message = caught.value.message
    assert message.startswith("Cannot reach the database server")
    assert "\n" not in message and "\t" not in message and "Traceback" not in message
    assert "secret" not in message


def test_a_missing_server_database_is_explained(pg_admin_url: str) -> None:
    base, _, query = pg_admin_url.partition("?")
    url = base.rsplit("/", 1)[0] + "/no_such_database" + (f"?{query}" if query else "")
    with pytest.raises(DatabaseProblem) as caught:
        open_database(url)
    assert "no_such_database" in caught.value.message
    assert "\n" not in caught.value.message
