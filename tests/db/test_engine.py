"""Opening a database (db.store.opening.open_store, through db.seed.opening.open_database): a new SQLite file with the right settings and
reference data, the default location, PostgreSQL, and every file Liaison must refuse — refused
with one clear sentence, before a byte of it changes."""

from __future__ import annotations

import hashlib
import sqlite3
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

import db.store.engine as engine_module
from db.models import Country, Meta, Tag, Topic, country_tags
from db.seed.opening import open_database
from db.services import organizations
from db.store.engine import Database, default_database_path, resolve_url
from db.store.errors import DatabaseProblem


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_sentence(message: str) -> None:
    assert message.strip() and "\n" not in message and "Traceback" not in message
    assert message.rstrip().endswith((".", "”", "?"))


@pytest.fixture
def made(tmp_path: Path) -> Path:
    """A closed Liaison database file (rollback-journal mode, as a copied or older file is)."""
    path = tmp_path / "made" / "liaison.sqlite3"
    open_database(path).close()
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA journal_mode = DELETE").fetchone()[0] == "delete"
    connection.close()
    return path


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "new" / "folder" / "liaison.sqlite3")
    try:
        yield database
    finally:
        database.close()


# --- a new SQLite database -------------------------------------------------------------------

def test_new_file_and_missing_folder_are_created_with_wal_foreign_keys_and_busy_timeout(
        opened: Database, tmp_path: Path) -> None:
    assert opened.path == tmp_path / "new" / "folder" / "liaison.sqlite3"
    assert opened.path.is_file() and opened.is_sqlite and opened.backups == []
    with opened.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == \
            engine_module.BUSY_TIMEOUT_MS >= 1000
    # foreign keys are enforced, not just switched on
    with pytest.raises(Exception, match="FOREIGN KEY"), \
            opened.engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO participations (id, created_at, updated_at, version, interaction_id, "
            "organization_id, role) VALUES ('p', '2025-01-01', '2025-01-01', 1, 'nope', 'nope', "
            "'host')"))


def test_reference_data_is_seeded(opened: Database) -> None:
    with opened.reading() as session:
        assert session.execute(select(func.count()).select_from(Country)).scalar_one() == 250
        countries = {c.code: c for c in session.execute(select(Country)).scalars()}
        assert countries["CN"].name_zh == "中国" and countries["CN"].alpha3 == "CHN"
        assert countries["CN"].region == "Asia"
        assert countries["XK"].name_en == "Kosovo" and countries["XK"].alpha3 == "XKX"
        assert countries["XK"].name_zh
        assert countries["ZA"].name_zh == "南非" and countries["ZA"].region == "Africa"
        assert countries["BR"].sub_region and countries["BR"].region == "Americas"
        assert sum(1 for c in countries.values() if c.name_zh) >= 245

        topics = {t.key: t for t in session.execute(select(Topic)).scalars()}
        assert {"governance", "poverty_alleviation", "food_security", "green_development",
                "digital_economy", "education", "health", "youth", "women", "media",
                "think_tanks"} <= set(topics)
        assert topics["poverty_alleviation"].name_zh == "减贫"

        def members(tag_name: str) -> set[str]:
            return set(session.execute(
                select(Country.code).join(country_tags, country_tags.c.country_id == Country.id)
                .join(Tag, Tag.id == country_tags.c.tag_id).where(Tag.name == tag_name)
            ).scalars())

        g20 = members("G20")
        assert {"CN", "US", "BR", "IN", "ZA", "DE", "JP"} <= g20 and len(g20) == 19
        assert {"CN", "RU", "BR", "IN", "ZA"} <= members("BRICS")
        assert {"CN", "RU", "KZ"} <= members("SCO")
        assert {"ZA", "DZ", "NG"} <= members("African Union")
        assert session.get(Meta, "database_id") is not None


def test_opening_twice_adds_nothing(tmp_path: Path) -> None:
    path = tmp_path / "liaison.sqlite3"

    def snapshot() -> tuple[int, int, int, int, str]:
        database = open_database(path)
        try:
            with database.reading() as session:
                meta = session.get(Meta, "database_id")
                assert meta is not None
                return (
                    session.execute(select(func.count()).select_from(Country)).scalar_one(),
                    session.execute(select(func.count()).select_from(Topic)).scalar_one(),
                    session.execute(select(func.count()).select_from(Tag)).scalar_one(),
                    session.execute(select(func.count()).select_from(country_tags)).scalar_one(),
                    meta.value,
                )
        finally:
            database.close()

    first = snapshot()
    assert first[0] == 250
    assert snapshot() == first


def test_an_empty_file_becomes_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "touched.sqlite3"
    path.touch()
    database = open_database(path)
    try:
        assert organizations.create_organization(database, {"name": "Frelimo", "country": "MZ"})
    finally:
        database.close()
    assert path.read_bytes().startswith(b"SQLite format 3\x00")


def test_odd_characters_in_the_path_are_kept(tmp_path: Path) -> None:
    """URL syntax (# ? % and spaces) in a folder name must not send the database elsewhere."""
    folder = tmp_path / "Team #2 100%20 done? 资料"
    database = open_database(folder / "liaison.sqlite3")
    try:
        organizations.create_organization(database, {"name": "Frelimo", "country": "MZ"})
        assert database.path == folder / "liaison.sqlite3"
    finally:
        database.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder.name]
    connection = sqlite3.connect(folder / "liaison.sqlite3")
    assert connection.execute("SELECT name FROM organizations").fetchall() == [("Frelimo",)]
    connection.close()


def test_a_sqlite_url_names_the_same_file(tmp_path: Path) -> None:
    path = tmp_path / "url.sqlite3"
    database = open_database(f"sqlite:///{path}")
    try:
        assert database.path == path
    finally:
        database.close()
    assert path.is_file()


# --- where the database is -------------------------------------------------------------------

def test_liaison_db_is_honoured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    chosen = tmp_path / "from-env" / "team.sqlite3"
    monkeypatch.setenv("LIAISON_DB", str(chosen))
    monkeypatch.setattr(engine_module, "default_database_path",
                        lambda: pytest.fail("the default path must not be used"))
    database = open_database()
    try:
        assert database.path == chosen
    finally:
        database.close()
    assert chosen.is_file()
    # an explicit target wins over the environment
    explicit = tmp_path / "explicit.sqlite3"
    database = open_database(explicit)
    database.close()
    assert explicit.is_file()


def test_default_path_is_in_the_user_data_folder(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LIAISON_DB", raising=False)
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_data_path",
                        lambda appname, appauthor=None: tmp_path / "data" / str(appname))
    assert default_database_path() == tmp_path / "data" / "Liaison" / "liaison.sqlite3"
    database = open_database()
    try:
        assert database.path == tmp_path / "data" / "Liaison" / "liaison.sqlite3"
        assert database.path.is_file()
    finally:
        database.close()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG is the Linux convention")
def test_default_path_follows_xdg_data_home(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_database_path() == tmp_path / "xdg" / "Liaison" / "liaison.sqlite3"


@pytest.mark.parametrize(("given", "wanted"), [
    ("postgresql://u@h/liaison", "postgresql+psycopg://u@h/liaison"),
    ("postgres://u:secret@h:5433/liaison", "postgresql+psycopg://u:secret@h:5433/liaison"),
    ("postgresql+psycopg://u@/liaison?host=/run/pg", "postgresql+psycopg://u@/liaison?host=%2Frun%2Fpg"),
])
def test_server_urls_use_psycopg(given: str, wanted: str) -> None:
    assert resolve_url(given) == wanted


# --- files Liaison refuses, untouched --------------------------------------------------------

def minimal_xlsx(path: Path) -> None:
    """A real (if tiny) Excel workbook: what a user gets by renaming a spreadsheet."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
            '.org/package/2006/content-types"><Default Extension="rels" ContentType="application'
            '/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'))
        book.writestr("_rels/.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
            'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>'))
        book.writestr("xl/workbook.xml", (
            '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats'
            '.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships"><sheets><sheet name="Parties" sheetId="1" '
            'r:id="rId1"/></sheets></workbook>'))
        book.writestr("xl/_rels/workbook.xml.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
            'schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
            'Target="worksheets/sheet1.xml"/></Relationships>'))
        book.writestr("xl/worksheets/sheet1.xml", (
            '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats'
            '.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
            'name</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>中国共产党</t></is>'
            '</c></row></sheetData></worksheet>'))


@pytest.mark.parametrize("kind", ["text", "xlsx"])
def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "liaison.sqlite3"
    if kind == "text":
        path.write_text("name,country\nFrelimo,MZ\n", encoding="utf-8")
    else:
        minimal_xlsx(path)
        assert zipfile.is_zipfile(path)
    before = digest(path)
    with pytest.raises(DatabaseProblem) as caught:
        open_database(path)
    assert caught.value.message == f"{path} is not a Liaison database (it is not a SQLite file)."
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["liaison.sqlite3"]


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseProblem) as caught:
        open_database(tmp_path)
    assert caught.value.message == f"{tmp_path} is a folder, not a Liaison database file."


@pytest.mark.parametrize("url", ["mysql://user@localhost/liaison", "oracle://x@y/z",
                                 "http://example.org/liaison.sqlite3"])
def test_an_unsupported_url_is_refused(url: str) -> None:
    with pytest.raises(DatabaseProblem) as caught:
        open_database(url)
    one_sentence(caught.value.message)
    assert "SQLite files and PostgreSQL servers" in caught.value.message
    assert url.split(":")[0] in caught.value.message


def test_a_url_that_does_not_parse_is_refused() -> None:
    with pytest.raises(DatabaseProblem, match="not a database path or URL"):
        open_database("postgresql://liaison:notaport/db")


def test_a_new_database_in_a_read_only_folder_is_refused(made: Path) -> None:
    """A read-only folder can be read from (tests/db/test_read_only.py) but not hold a new
    database: chmod a-w counts also when the tests run as root, who could write anyway."""
    made.parent.chmod(0o555)
    try:
        with pytest.raises(DatabaseProblem) as new:
            open_database(made.parent / "another.sqlite3", create=True)
    finally:
        made.parent.chmod(0o755)
    one_sentence(new.value.message)
    assert "read-only" in new.value.message and str(made.parent) in new.value.message
    assert sorted(p.name for p in made.parent.iterdir()) == ["liaison.sqlite3"]


@pytest.mark.parametrize("journal", ["delete", "wal"])
def test_a_database_from_a_newer_liaison_is_refused_untouched(made: Path, journal: str) -> None:
    connection = sqlite3.connect(made)
    connection.execute(f"PRAGMA journal_mode = {journal}")
    connection.execute("UPDATE alembic_version SET version_num = 'ffff_future'")
    connection.commit()
    connection.close()
    before = digest(made)
    with pytest.raises(DatabaseProblem) as caught:
        open_database(made)
    message = caught.value.message
    one_sentence(message)
    assert "newer version of Liaison" in message and "ffff_future" in message
    assert digest(made) == before
    assert not (made.parent / "backups").exists()


def test_a_sqlite_file_of_another_program_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "accounts.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
    connection.execute("INSERT INTO invoices (amount) VALUES (12.5)")
    connection.commit()
    connection.close()
    before = digest(path)
    with pytest.raises(DatabaseProblem) as caught:
        open_database(path)
    one_sentence(caught.value.message)
    assert "not a Liaison database" in caught.value.message
    assert digest(path) == before
    connection = sqlite3.connect(path)
    assert [r[0] for r in connection.execute("SELECT name FROM sqlite_master")] == ["invoices"]
    connection.close()


def test_a_damaged_file_is_refused(made: Path) -> None:
    data = bytearray(made.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # keep the header, wreck the schema page
    made.write_bytes(bytes(data))
    with pytest.raises(DatabaseProblem) as caught:
        open_database(made)
    one_sentence(caught.value.message)


# --- a database in use by another program ----------------------------------------------------

@pytest.fixture
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 300)


@pytest.mark.usefixtures("short_busy_timeout")
def test_a_locked_database_is_reported_busy(made: Path) -> None:
    """Another program in the middle of writing a rollback-journal database: nothing can be read."""
    holder = sqlite3.connect(made, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        started = time.monotonic()
        with pytest.raises(DatabaseProblem) as caught:
            open_database(made)
        elapsed = time.monotonic() - started
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "busy" in caught.value.message and str(made) in caught.value.message
    one_sentence(caught.value.message)
    assert 0.2 < elapsed < 3, "it waits the busy timeout, then says so"
    database = open_database(made)  # once the other program is done, it opens
    database.close()


@pytest.mark.usefixtures("short_busy_timeout")
def test_a_write_while_another_program_writes_is_reported_busy(tmp_path: Path) -> None:
    """In WAL mode reading goes on while another program writes; a write waits, then says so."""
    path = tmp_path / "liaison.sqlite3"
    open_database(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    assert holder.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    holder.execute("BEGIN EXCLUSIVE")
    database = open_database(path)
    try:
        assert organizations.list_organizations(database).total == 0
        started = time.monotonic()
        with pytest.raises(DatabaseProblem) as caught:
            organizations.create_organization(database, {"name": "Frelimo", "country": "MZ"})
        assert time.monotonic() - started < 3
        assert "busy" in caught.value.message
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        database.close()
    database = open_database(path)
    try:
        assert organizations.list_organizations(database).total == 0
    finally:
        database.close()


def test_a_vanished_file_is_reported_not_recreated(tmp_path: Path) -> None:
    from db.services import organizations
    from db.store.errors import DatabaseProblem

    path = tmp_path / "travel.sqlite3"
    database = open_database(path)
    organizations.create_organization(database, {"name": "Before"})
    database.close()
    for leftover in tmp_path.glob("travel.sqlite3*"):
        leftover.unlink()
    with pytest.raises(DatabaseProblem, match="no longer there"):
        organizations.create_organization(database, {"name": "After"})
    with pytest.raises(DatabaseProblem, match="no longer there"):
        organizations.list_organizations(database)
    assert not path.exists()
