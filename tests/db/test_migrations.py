"""Migrations: a database saved at every schema revision (tests/fixtures/schema-<rev>.sqlite3,
made by scripts/make_schema_fixture.py) upgrades to head and keeps its data; the migrations
build exactly the schema the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sqlite3
import subprocess
import warnings
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

import db.store.migrate as migrate_module
from db.models.base import Base
from db.seed.opening import open_database
from db.services import affiliations, followups, interactions, organizations, people, tags
from db.services.check import check_database
from db.services.history import history
from db.services.organizations import OrganizationFilter
from db.store.engine import MIGRATIONS_DIR, Database
from db.store.migrate import current_revision, head_revision, known_revisions

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
SCRIPT = REPO / "scripts" / "make_schema_fixture.py"
FIXTURE_FILES = sorted(FIXTURES.glob("schema-*.sqlite3"))
# Tables of reference data: opening a database may add rows shipped by a newer Liaison.
REFERENCE_TABLES = {"countries", "country_tags", "topics", "tags", "meta"}


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_schema_fixture", SCRIPT)
    assert spec is not None and spec.loader is not None, f"cannot import {SCRIPT}"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CORE: dict[str, str] = load_script().CORE


def table_counts(path: Path) -> dict[str, int]:
    connection = sqlite3.connect(path)
    try:
        names = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite~_%' "
            "ESCAPE '~'")]
        return {name: int(connection.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0])
                for name in names}
    finally:
        connection.close()


def fixture_revision(path: Path) -> str:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return str(connection.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        connection.close()


# --- the saved databases -----------------------------------------------------------------------

def test_there_is_a_saved_database_for_every_revision() -> None:
    saved = {fixture_revision(path) for path in FIXTURE_FILES}
    missing = known_revisions() - saved
    assert not missing, (f"no saved database for schema revision(s) {sorted(missing)}: run "
                         "`python scripts/make_schema_fixture.py` and commit the new file")
    for path in FIXTURE_FILES:
        assert path.name == f"schema-{fixture_revision(path)}.sqlite3"
        assert path.with_suffix(".json").is_file(), f"{path.name} lacks its .json counts"
        assert path.stat().st_size < load_script().MAX_BYTES
        assert not Path(f"{path}-wal").exists() and not Path(f"{path}-shm").exists()
        with path.open("rb") as handle:
            header = handle.read(20)
        assert header[:16] == b"SQLite format 3\x00"
        assert header[18:20] == b"\x01\x01", "saved in rollback-journal mode: a single file"


def test_saved_databases_are_not_ignored_by_git() -> None:
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("not a git checkout")
    assert FIXTURE_FILES
    result = subprocess.run(["git", "check-ignore", "--no-index",
                             *[str(p.relative_to(REPO)) for p in FIXTURE_FILES]],
                            cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 1 and result.stdout == "", \
        f"git ignores the saved databases: {result.stdout}{result.stderr}"


def assert_core_data_intact(database: Database) -> None:
    """The records scripts/make_schema_fixture.py writes into every revision's file."""
    cpc = organizations.get_organization(database, CORE["cpc"])
    assert (cpc.name, cpc.name_en, cpc.abbreviation, cpc.country) == (
        "中国共产党", "Communist Party of China", "CPC", "CN")
    assert cpc.founded == "1921" and cpc.status == "governing" and cpc.level == "strategic"
    assert "Priority partners" in cpc.tags and "Chinese Communist Party" in cpc.aliases
    fln = organizations.get_organization(database, CORE["fln"])
    assert fln.name == "جبهة التحرير الوطني" and fln.name_zh == "民族解放阵线"
    assert fln.country == "DZ" and fln.notes == "Partner since the 1960s.\nSecond line: كلمة عربية."
    assert fln.last_contact == date(2024, 5, 20) and fln.interaction_count == 1, \
        "the called-off (deleted) visit does not count"
    anc = organizations.get_organization(database, CORE["anc"])
    assert anc.interaction_count == 2 and anc.last_contact == date(2025, 2, 10)
    assert organizations.get_organization(database, CORE["pt"]).country == "BR"

    listed = organizations.list_organizations(database)
    assert CORE["defunct"] not in {o.id for o in listed.items}
    defunct = organizations.get_organization(database, CORE["defunct"], include_deleted=True)
    assert defunct.deleted_at is not None and defunct.name == "Défunct Parti Démocratique"
    found = organizations.list_organizations(database, OrganizationFilter(query="CPC"))
    assert CORE["cpc"] in {o.id for o in found.items}

    benali = people.get_person(database, CORE["benali"])
    assert benali.name == "فاطمة الزهراء بن علي" and benali.nationality == "DZ"
    assert set(benali.languages) == {"Arabic", "French"}
    assert people.get_person(database, CORE["li_wei"]).name_en == "Li Wei"
    assert people.get_person(database, CORE["gone"], include_deleted=True).deleted_at is not None

    positions = affiliations.list_affiliations(database, person_id=CORE["nkosi"])
    assert {(p.organization_id, p.end) for p in positions} == {
        (CORE["igd"], date(2016, 12, 31)), (CORE["anc"], None)}

    seminar = interactions.get_interaction(database, CORE["seminar"])
    assert seminar.kind == "seminar" and seminar.city == "北京" and seminar.country == "CN"
    assert (seminar.start, seminar.end) == (date(2024, 5, 20), date(2024, 5, 23))
    assert {(p.organization_id or p.person_id, p.role) for p in seminar.participants} == {
        (CORE["cpc"], "host"), (CORE["fln"], "delegation_head"), (CORE["anc"], "participant"),
        (CORE["li_wei"], "speaker"), (CORE["benali"], "delegation_head")}
    assert set(seminar.topics) == {"Governance experience", "Poverty alleviation"}
    assert "Africa desk" in seminar.tags
    cancelled = interactions.get_interaction(database, CORE["cancelled_visit"],
                                             include_deleted=True)
    assert cancelled.deleted_at is not None

    every = followups.list_followups(database, open_only=False)
    assert {f.id: f.status for f in every.items} == {CORE["fu_done"]: "done",
                                                     CORE["fu_open"]: "open"}
    done = followups.get_followup(database, CORE["fu_done"])
    assert done.completed_on == date(2024, 6, 20) and done.interaction_id == CORE["seminar"]

    names = {t.name for t in tags.list_tags(database)}
    assert {"Priority partners", "Africa desk", "G20", "BRICS"} <= names
    assert "Unused tag" not in names
    assert any(change.field == "created" for change in history(database, CORE["cpc"]))


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=[p.stem for p in FIXTURE_FILES])
def test_saved_database_upgrades_to_head_and_keeps_its_data(fixture: Path,
                                                           tmp_path: Path) -> None:
    expected = json.loads(fixture.with_suffix(".json").read_text(encoding="utf-8"))
    revision = fixture_revision(fixture)
    assert expected["revision"] == revision
    path = tmp_path / "liaison.sqlite3"
    shutil.copyfile(fixture, path)

    database = open_database(path)
    try:
        assert current_revision(database) == head_revision()
        assert check_database(database) == []
        assert_core_data_intact(database)
        if revision == head_revision():
            assert database.backups == [], "nothing needed upgrading, so nothing was copied"
            assert not (tmp_path / "backups").exists()
        else:
            [backup] = database.backups
            assert backup.parent == tmp_path / "backups" and revision in backup.name
            assert fixture_revision(backup) == revision
            assert table_counts(backup) == expected["tables"], "the backup is the file as it was"
    finally:
        database.close()

    after = table_counts(path)
    for table, count in expected["tables"].items():
        if table == "alembic_version":
            continue
        if table in REFERENCE_TABLES:
            assert after.get(table, 0) >= count, table
        else:
            assert after.get(table) == count, f"{table}: {count} rows before, {after.get(table)} after"


def test_an_upgrade_backs_up_the_file_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With a revision newer than the saved file, opening copies the file to backups/ before
    migrating, and the copy is the database as it was."""
    old_head = head_revision()
    head_fixture = FIXTURES / f"schema-{old_head}.sqlite3"
    scripts = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, scripts,
                    ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9999_probe.py").write_text(f'''"""probe: one more column"""
import sqlalchemy as sa
from alembic import op

revision = "9999_probe"
down_revision = "{old_head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meta") as batch:
        batch.add_column(sa.Column("probe", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("meta") as batch:
        batch.drop_column("probe")
''', encoding="utf-8")
    monkeypatch.setattr(migrate_module, "MIGRATIONS_DIR", scripts)
    monkeypatch.setattr("db.store.engine.SCHEMA_HEAD", "9999_probe")
    path = tmp_path / "data" / "liaison.sqlite3"
    path.parent.mkdir()
    shutil.copyfile(head_fixture, path)
    before = table_counts(path)

    database = open_database(path)
    try:
        assert current_revision(database) == "9999_probe"
        [backup] = database.backups
        assert backup.parent == path.parent / "backups"
        assert backup.name.startswith("liaison.migration.") and f"from-{old_head}" in backup.name
        assert fixture_revision(backup) == old_head
        assert table_counts(backup) == before
        assert organizations.get_organization(database, CORE["cpc"]).name == "中国共产党"
    finally:
        database.close()
    connection = sqlite3.connect(path)
    columns = [row[1] for row in connection.execute("PRAGMA table_info(meta)")]
    connection.close()
    assert "probe" in columns
    # opened again at the new head: nothing to upgrade, no second copy
    again = open_database(path)
    again.close()
    assert again.backups == [] and len(list(backup.parent.iterdir())) == 1


def test_the_fixture_script_makes_a_small_single_file(tmp_path: Path) -> None:
    script = load_script()
    made = script.make_fixture(tmp_path)
    assert made == tmp_path / f"schema-{head_revision()}.sqlite3"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([made.name, made.with_suffix(".json").name])
    assert made.stat().st_size < script.MAX_BYTES
    saved = json.loads((FIXTURES / f"schema-{head_revision()}.json").read_text(encoding="utf-8"))
    assert table_counts(made) == saved["tables"], "the script still makes the saved data set"
    with pytest.raises(FileExistsError):
        script.make_fixture(tmp_path)


# --- migrations and models agree -------------------------------------------------------------

def schema_differences(database: Database) -> list[object]:
    with database.engine.connect() as connection, warnings.catch_warnings():
        # SQLite cannot reflect the lower(name) expression indexes; the migration creates them
        # and test_expression_indexes_exist checks they are there.
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based")
        warnings.filterwarnings("ignore", "autogenerate skipping metadata-specified expression")
        context = MigrationContext.configure(connection, opts={"compare_type": True,
                                                               "compare_server_default": True})
        return list(compare_metadata(context, Base.metadata))


def test_migrations_build_the_models_schema_on_sqlite(sqlite_db: Database) -> None:
    assert schema_differences(sqlite_db) == [], \
        "the models changed without a migration (alembic revision --autogenerate)"


def test_migrations_build_the_models_schema_on_postgresql(pg_url: str) -> None:
    database = open_database(pg_url)
    try:
        assert current_revision(database) == head_revision()
        assert schema_differences(database) == [], \
            "the models changed without a migration (alembic revision --autogenerate)"
    finally:
        database.close()


def test_a_models_change_without_a_migration_is_caught(sqlite_db: Database) -> None:
    """The comparison above is not vacuous: a column the migrations lack shows up."""
    from sqlalchemy import Column, MetaData, String

    metadata = MetaData(naming_convention=Base.metadata.naming_convention)
    for table in Base.metadata.tables.values():
        table.to_metadata(metadata)
    metadata.tables["organizations"].append_column(Column("motto", String(200)))
    with sqlite_db.engine.connect() as connection, warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based")
        warnings.filterwarnings("ignore", "autogenerate skipping metadata-specified expression")
        diff = compare_metadata(MigrationContext.configure(connection), metadata)
    assert [(d[0], d[3].name) for d in diff if isinstance(d, tuple)] == [("add_column", "motto")]


def test_the_fast_path_knows_the_current_head() -> None:
    """open_database skips Alembic when a database is at SCHEMA_HEAD: it must be the head."""
    from db.store.engine import SCHEMA_HEAD
    from db.store.migrate import head_revision

    assert head_revision() == SCHEMA_HEAD


def test_sort_key_indexes_exist(db: Database) -> None:
    """Lists sort by a name's sort key in the preferred script: the migration must have built
    the indexes that serve each, and dropped the lower(name) ones they replace."""
    from sqlalchemy import inspect

    for table in ("organizations", "people"):
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", "Skipped unsupported reflection")
            names = {index["name"] for index in inspect(db.engine).get_indexes(table)}
        if db.is_sqlite:
            with db.engine.connect() as connection:
                names |= {row[0] for row in connection.exec_driver_sql(
                    "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?",
                    (table,))}
        assert {f"ix_{table}_sort_{key}" for key in ("original", "en", "zh")} <= names
        assert f"ix_{table}_lower_name" not in names
