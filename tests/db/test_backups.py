"""Automatic backups (db/store/backups.py): the first start of each day and before every
import, merge and restore; each verified, named by when and why, rotated, and listed."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from io import StringIO
from pathlib import Path

import pytest
from openpyxl import Workbook

import db.store.backups as backups_module
from db.cli.main import main
from db.exchange.imports.importer import apply_plan, build_plan
from db.merge.apply import apply_merge
from db.merge.plan import merge_plan
from db.merge.travel import export_travel_copy
from db.seed.opening import open_database
from db.services import organizations
from db.store.backups import (
    Backup,
    backup_file,
    daily_backup_if_due,
    keep_of,
    list_backups,
    make_backup,
    parse_name,
    rotate,
    set_keep,
    verify,
)
from db.store.engine import Database
from db.store.errors import DatabaseProblem


@pytest.fixture
def office(tmp_path: Path) -> Database:
    database = open_database(tmp_path / "office" / "register.sqlite3")
    organizations.create_organization(database, {"name": "Frelimo", "country": "MZ"})
    yield database
    database.close()


def path_of(database: Database) -> Path:
    assert database.path is not None
    return database.path


def names_in(path: Path) -> set[str]:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {row[0] for row in connection.execute("SELECT name FROM organizations")}
    finally:
        connection.close()


def clock(monkeypatch: pytest.MonkeyPatch, start: datetime) -> list[datetime]:
    """Backups named by a clock the test moves (one second per backup)."""
    moments = [start]

    def now() -> datetime:
        moments[0] += timedelta(seconds=1)
        return moments[0]

    monkeypatch.setattr(backups_module, "now", now)
    return moments


def test_a_backup_is_named_by_when_and_why_verified_and_listed(office: Database) -> None:
    backup = make_backup(office, "import")
    assert backup is not None
    assert backup.path.parent == path_of(office).parent / "backups"
    assert backup.path.name.startswith("register.import.") and backup.trigger == "import"
    assert names_in(backup.path) == {"Frelimo"}
    assert list_backups(path_of(office)) == [backup]
    assert backup.reason == "Before an import"


def test_names_of_earlier_versions_are_listed_too(tmp_path: Path) -> None:
    made = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)
    assert parse_name(Path("register-20250301-093000.sqlite3"), "register") == ("manual", made)
    assert parse_name(Path("register.before-restore-20250301-093000.sqlite3"),
                      "register") == ("restore", made)
    assert parse_name(Path("register.before-upgrade-4be1a2c3d4e5-20250301-093000.sqlite3"),
                      "register") == ("migration", made)
    assert parse_name(Path("register.daily.20250301-093000-2.sqlite3"),
                      "register") == ("daily", made)
    assert parse_name(Path("register.migration.20250301-093000.from-0001.sqlite3"),
                      "register") == ("migration", made)
    # another database's backups in the same folder, and other files, are not its own
    assert parse_name(Path("travel.daily.20250301-093000.sqlite3"), "register") is None
    assert parse_name(Path("register.daily.notes.txt"), "register") is None


def test_rotation_keeps_the_last_n_of_each_kind_and_every_one_made_by_hand(
        office: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    clock(monkeypatch, datetime(2026, 1, 1, tzinfo=UTC))
    set_keep(office, 2, 3)
    assert keep_of(office) == (2, 3)
    manual = [make_backup(office, "manual") for _ in range(4)]
    daily = [make_backup(office, "daily") for _ in range(4)]
    events = [make_backup(office, trigger) for trigger in
              ("import", "merge", "import", "restore", "migration")]
    kept = {b.path for b in list_backups(path_of(office))}
    assert kept == {b.path for b in manual if b} | {b.path for b in daily[-2:] if b} | {
        b.path for b in events[-3:] if b}
    assert rotate(path_of(office), path_of(office).parent / "backups", (1, 1)) != []
    left = list_backups(path_of(office))
    assert [b.trigger for b in left].count("daily") == 1
    assert len([b for b in left if b.trigger not in ("daily", "manual")]) == 1
    assert [b.trigger for b in left].count("manual") == 4


def test_a_copy_that_fails_its_check_is_deleted_and_stops_the_work(tmp_path: Path,
                                                                   office: Database) -> None:
    backup = make_backup(office, "manual")
    assert backup is not None
    data = bytearray(backup.path.read_bytes())
    page = 4096
    data[page * 2:page * 3] = b"\xff" * page  # a page of the copy destroyed
    backup.path.write_bytes(bytes(data))
    with pytest.raises(DatabaseProblem, match="did not pass its check"):
        verify(backup.path)
    assert not backup.path.exists()


def test_the_daily_backup_is_made_once_a_day(office: Database,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    first = daily_backup_if_due(office)
    assert first is not None and first.trigger == "daily"
    assert daily_backup_if_due(office) is None  # today's is there
    tomorrow = datetime.now().astimezone() + timedelta(days=1)
    clock(monkeypatch, tomorrow.astimezone(UTC))
    second = daily_backup_if_due(office, today=tomorrow)
    assert second is not None and second.path != first.path


def test_nothing_is_backed_up_on_a_server(pg_url: str) -> None:
    database = open_database(pg_url)
    try:
        assert make_backup(database, "import") is None
        assert daily_backup_if_due(database) is None
    finally:
        database.close()


def test_an_import_backs_the_database_up_first(office: Database, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Name", "Country"])
    sheet.append(["SWAPO", "Namibia"])
    book.save(tmp_path / "parties.xlsx")
    apply_plan(office, build_plan(office, tmp_path / "parties.xlsx"))
    [backup] = list_backups(path_of(office))
    assert backup.trigger == "import"
    assert names_in(backup.path) == {"Frelimo"}  # as it was before the import


def test_a_merge_backs_the_database_up_first(office: Database, tmp_path: Path) -> None:
    (tmp_path / "laptop").mkdir()
    copy = export_travel_copy(office, tmp_path / "laptop" / "travel.sqlite3")
    travel = open_database(copy.path)
    try:
        organizations.create_organization(travel, {"name": "SWAPO", "country": "NA"})
    finally:
        travel.close()
    apply_merge(office, merge_plan(office, str(copy.path)))
    merges = [b for b in list_backups(path_of(office)) if b.trigger == "merge"]
    assert len(merges) == 1 and names_in(merges[0].path) == {"Frelimo"}


def test_a_backup_into_a_folder_that_cannot_be_made_says_so(office: Database,
                                                            tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(DatabaseProblem, match="Cannot write a backup"):
        backup_file(path_of(office), "manual", folder=blocker / "backups")


def test_cli_lists_the_backups_as_a_table_and_as_json(office: Database) -> None:
    make_backup(office, "import")
    make_backup(office, "manual")
    out, err = StringIO(), StringIO()
    assert main(["--db", str(path_of(office)), "backups", "--json"], out=out, err=err) == 0
    listed = json.loads(out.getvalue())
    assert {entry["trigger"] for entry in listed} == {"import", "manual"}
    assert all(Path(entry["file"]).exists() and entry["size"] > 0 for entry in listed)
    out = StringIO()
    assert main(["--db", str(path_of(office)), "backups"], out=out, err=err) == 0
    assert "Before an import" in out.getvalue() and "Made by hand" in out.getvalue()


def test_keep_counts_out_of_range_are_refused(office: Database) -> None:
    with pytest.raises(DatabaseProblem, match="between 1 and 365"):
        set_keep(office, 0, 5)
    assert keep_of(office) == (7, 10)


def test_backup_records_are_plain_values(office: Database) -> None:
    backup = make_backup(office, "merge")
    assert isinstance(backup, Backup)
    assert backup.as_json()["trigger"] == "merge"


def test_a_copy_cut_short_is_never_listed_and_is_cleared_later(office: Database) -> None:
    """A backup is written under a passing name and renamed when whole; what a copy cut short
    leaves (a killed process, a full disk) is not a backup, and the next backup clears it
    once it is clearly abandoned, with any key file whose backup is gone."""
    import os
    import time

    folder = path_of(office).parent / "backups"
    folder.mkdir()
    stale = folder / "register.import.20261201-090000.sqlite3.partial"
    fresh = folder / "register.merge.20261205-090000.sqlite3.partial"
    orphan = folder / "register.import.20261130-090000.sqlite3.keys"
    for leftover in (stale, fresh, orphan):
        leftover.write_bytes(b"SQLite format 3\x00 cut short")
    old = time.time() - 2 * backups_module.LEFTOVER_AGE
    os.utime(stale, (old, old))
    assert list_backups(path_of(office)) == []
    made = make_backup(office, "manual")
    assert made is not None
    assert [b.path for b in list_backups(path_of(office))] == [made.path]
    assert not stale.exists() and not orphan.exists()
    assert fresh.exists(), "a partial copy still being written by another process is left be"
    assert not list(folder.glob("*.partial-journal"))
