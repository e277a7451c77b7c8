"""Backups and restore (db/backup.py, `liaison backup` and `liaison restore`): a backup is a
consistent, self-contained copy with the latest writes; a restore replaces the data and keeps
what it replaced; anything that is not a Liaison backup is refused and changes nothing."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, datetime
from io import StringIO
from pathlib import Path

import pytest

import db.store.backup as backup_module
import db.store.backups as backups_module
from db.cli.main import main
from db.seed.opening import open_database
from db.services import organizations
from db.services.check import check_database
from db.store.backup import backup_database, restore_database
from db.store.engine import resolve_url
from db.store.errors import DatabaseProblem


def run(*argv: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    code = main(list(argv), out=out, err=err)
    assert "Traceback" not in err.getvalue()
    return code, out.getvalue(), err.getvalue()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def names_in(path: Path) -> set[str]:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {row[0] for row in connection.execute(
            "SELECT name FROM organizations WHERE deleted_at IS NULL")}
    finally:
        connection.close()


def make_database(path: Path, *names: str) -> None:
    database = open_database(path)
    try:
        for name in names:
            organizations.create_organization(database, {"name": name, "country": "ZA"})
    finally:
        database.close()


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "office" / "liaison.sqlite3"


def test_backup_holds_the_latest_writes_still_in_the_wal(path: Path) -> None:
    database = open_database(path)
    try:
        organizations.create_organization(database, {"name": "African National Congress",
                                                     "country": "ZA"})
        wal = Path(f"{path}-wal")
        assert wal.exists() and wal.stat().st_size > 0, "the write is still in the WAL file"
        copy = backup_database(database)
    finally:
        database.close()
    assert copy.parent == path.parent / "backups"
    assert copy.name.startswith("liaison.manual.") and copy.suffix == ".sqlite3"
    connection = sqlite3.connect(copy)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert connection.execute("SELECT COUNT(*) FROM countries").fetchone()[0] == 250
    finally:
        connection.close()
    assert not Path(f"{copy}-wal").exists(), "a backup is one self-contained file"
    assert names_in(copy) == {"African National Congress"}
    restored = open_database(copy)
    try:
        assert check_database(restored) == []
    finally:
        restored.close()


def test_backup_while_another_program_writes_is_consistent(path: Path) -> None:
    make_database(path, "Frelimo")
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE organizations SET name = 'half-written'")
    try:
        database = open_database(path)
        try:
            copy = backup_database(database)
        finally:
            database.close()
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert names_in(copy) == {"Frelimo"}


def test_backups_never_overwrite_each_other(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backups_module, "now", lambda: datetime(2025, 1, 1, 12, tzinfo=UTC))
    make_database(path, "Frelimo")
    database = open_database(path)
    try:
        first = backup_database(database)
        organizations.create_organization(database, {"name": "SWAPO", "country": "NA"})
        second = backup_database(database)
    finally:
        database.close()
    assert first != second and first.parent == second.parent
    assert second.name == "liaison.manual.20250101-120000-2.sqlite3"
    assert names_in(first) == {"Frelimo"} and names_in(second) == {"Frelimo", "SWAPO"}


def test_cli_backup_to_a_folder(path: Path, tmp_path: Path) -> None:
    make_database(path, "Frelimo")
    code, out, err = run("--db", str(path), "backup", "--to", str(tmp_path / "usb stick"))
    assert code == 0, err
    [copy] = (tmp_path / "usb stick").iterdir()
    assert str(copy) in out and names_in(copy) == {"Frelimo"}


def test_cli_backup_to_a_file_instead_of_a_folder_is_refused(path: Path, tmp_path: Path) -> None:
    make_database(path, "Frelimo")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    code, out, err = run("--db", str(path), "backup", "--to", str(blocker))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and str(blocker) in err and "unexpected" not in err


def test_restore_replaces_the_data_and_keeps_the_replaced_file(path: Path) -> None:
    make_database(path, "Frelimo")
    database = open_database(path)
    try:
        copy = backup_database(database)
        organizations.create_organization(database, {"name": "SWAPO", "country": "NA"})
    finally:
        database.close()

    code, out, err = run("--db", str(path), "restore", str(copy))
    assert code == 0, err
    kept = [p for p in (path.parent / "backups").iterdir() if ".restore." in p.name]
    assert len(kept) == 1 and str(kept[0]) in out
    assert names_in(kept[0]) == {"Frelimo", "SWAPO"}, "the replaced data is kept"
    database = open_database(path)
    try:
        assert {o.name for o in organizations.list_organizations(database).items} == {"Frelimo"}
        assert check_database(database) == []
    finally:
        database.close()


def test_restore_into_a_new_place(tmp_path: Path, path: Path) -> None:
    make_database(path, "Frelimo")
    database = open_database(path)
    copy = backup_database(database)
    database.close()
    target = tmp_path / "new laptop" / "liaison.sqlite3"
    assert restore_database(resolve_url(target), copy) is None
    assert names_in(target) == {"Frelimo"}


def write_foreign(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    connection.commit()
    connection.close()


def write_future(path: Path) -> None:
    make_database(path, "From the future")
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = 'ffff_future'")
    connection.commit()
    connection.close()


@pytest.mark.parametrize(("make", "words"), [
    (lambda p: p.write_text("name\nFrelimo\n", encoding="utf-8"), "not a SQLite file"),
    (lambda p: p.write_bytes(b"PK\x03\x04" + b"\x00" * 200), "not a SQLite file"),
    (write_foreign, "not a Liaison database"),
    (write_future, "newer version of Liaison"),
    (None, "There is no backup file"),
])
def test_restoring_what_is_not_a_liaison_backup_changes_nothing(
        path: Path, tmp_path: Path, make: object, words: str) -> None:
    make_database(path, "Frelimo")
    source = tmp_path / "incoming" / "backup.sqlite3"
    source.parent.mkdir()
    if callable(make):
        make(source)
    before = digest(path)
    code, out, err = run("--db", str(path), "restore", str(source))
    assert code == 1 and out == ""
    assert words in err and err.count("\n") == 1
    assert digest(path) == before
    assert not (path.parent / "backups").exists()
    assert names_in(path) == {"Frelimo"}


def test_restoring_the_database_onto_itself_is_refused(path: Path) -> None:
    make_database(path, "Frelimo")
    with pytest.raises(DatabaseProblem, match="the database itself"):
        restore_database(resolve_url(path), path)
    assert names_in(path) == {"Frelimo"}


def test_restore_over_a_file_that_is_not_a_database_is_refused(tmp_path: Path, path: Path) -> None:
    make_database(path, "Frelimo")
    database = open_database(path)
    copy = backup_database(database)
    database.close()
    notes = tmp_path / "notes.sqlite3"
    notes.write_text("my notes", encoding="utf-8")
    code, _, err = run("--db", str(notes), "restore", str(copy))
    assert code == 1 and "not a Liaison database" in err
    assert notes.read_text(encoding="utf-8") == "my notes"


def test_postgresql_backup_runs_pg_dump_and_restore_pg_restore(pg_url: str,
                                                                tmp_path: Path) -> None:
    """On a server, `liaison backup` writes a pg_dump archive and `liaison restore` puts one
    back with pg_restore — after dumping what the server holds now."""
    database = open_database(pg_url)
    try:
        organizations.create_organization(database, {"name": "Frelimo", "country": "MZ"})
    finally:
        database.close()
    code, out, err = run("--db", pg_url, "backup", "--to", str(tmp_path / "dumps"))
    assert code == 0, err
    [archive] = (tmp_path / "dumps").iterdir()
    assert archive.suffix == ".pgdump" and str(archive) in out
    assert archive.read_bytes().startswith(b"PGDMP")
    database = open_database(pg_url)
    try:
        organizations.create_organization(database, {"name": "SWAPO", "country": "NA"})
    finally:
        database.close()

    code, out, err = run("--db", pg_url, "restore", str(archive))
    assert code == 0, err
    safety = [p for p in (tmp_path / "dumps").iterdir() if p != archive]
    assert len(safety) == 1 and str(safety[0]) in out  # the state it replaced
    database = open_database(pg_url)
    try:
        assert {o.name for o in organizations.list_organizations(database).items} == {"Frelimo"}
        assert check_database(database) == []
    finally:
        database.close()


def test_postgresql_backup_without_pg_dump_says_what_to_run(
        pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    code, out, err = run("--db", pg_url, "backup", "--to", str(tmp_path / "dumps"))
    assert code == 1 and out == ""
    assert "pg_dump is not installed" in err and "pg_dump --format=custom" in err
    assert "postgresql://" in err and "***" not in err  # a command to copy, no password
    assert not list((tmp_path / "dumps").glob("*.pgdump"))


def test_a_sqlite_file_is_not_restored_into_a_server(pg_url: str, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite3"
    make_database(copy, "Frelimo")
    code, out, err = run("--db", pg_url, "restore", str(copy))
    assert code == 1 and out == "" and "not a pg_dump archive" in err


def test_save_a_copy_while_open_holds_the_changes_still_in_the_log(tmp_path: Path) -> None:
    """Copying the file while Liaison runs leaves the -wal behind; Save a copy does not."""
    path = tmp_path / "liaison.sqlite3"
    db = open_database(path)
    organizations.create_organization(db, {"name": "Partido Verde", "country": "BR"})
    reader = sqlite3.connect(path)  # keeps the log from being folded back in meanwhile
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM organizations").fetchone()
    try:
        assert Path(f"{path}-wal").stat().st_size > 0
        plain = tmp_path / "plain copy.sqlite3"
        plain.write_bytes(path.read_bytes())  # what a file manager does
        try:
            left_behind = "Partido Verde" not in names_in(plain)
        except sqlite3.OperationalError:  # not even the tables made it out of the log
            left_behind = True
        assert left_behind
        code, out, err = run("--db", str(path), "save-copy", str(tmp_path / "copy.sqlite3"))
        assert code == 0 and err == "" and "copy.sqlite3" in out
    finally:
        reader.close()
    copy = tmp_path / "copy.sqlite3"
    assert names_in(copy) == {"Partido Verde"}
    assert not Path(f"{copy}-wal").exists()  # one self-contained file
    # the user confirmed replacing an existing file: it is replaced whole
    organizations.create_organization(db, {"name": "Partido Novo", "country": "BR"})
    backup_module.save_copy(db, copy)
    assert names_in(copy) == {"Partido Verde", "Partido Novo"}
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []
    with pytest.raises(DatabaseProblem, match="open database itself"):
        backup_module.save_copy(db, path)
    db.close()


def test_closing_folds_the_log_back_into_the_file(tmp_path: Path) -> None:
    path = tmp_path / "liaison.sqlite3"
    db = open_database(path)
    organizations.create_organization(db, {"name": "Partido Verde", "country": "BR"})
    db.close()
    wal = Path(f"{path}-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    plain = tmp_path / "plain copy.sqlite3"
    plain.write_bytes(path.read_bytes())
    assert names_in(plain) == {"Partido Verde"}
