"""A read-only database (the file or its folder marked read-only, a file on a CD or a locked
share) opens for reading — lists, search, export — and refuses every change with one sentence,
leaving the file and its folder exactly as they were (issue 13, item 7)."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from io import StringIO
from pathlib import Path

import pytest

from db.cli.main import main
from db.seed.opening import open_database
from db.services import organizations
from db.store.errors import DatabaseProblem


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(*argv: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    code = main(list(argv), out=out, err=err)
    assert "Traceback" not in err.getvalue()
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(params=["delete", "wal"])
def filled(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    """A closed database holding one organization, in either journal mode."""
    path = tmp_path / "shelf" / "liaison.sqlite3"
    database = open_database(path)
    organizations.create_organization(database, {"name": "Workers' Party of Lanka",
                                                 "country": "LK"})
    database.close()
    connection = sqlite3.connect(path)
    assert connection.execute(f"PRAGMA journal_mode = {request.param}").fetchone()[0] == \
        request.param
    connection.close()
    for leftover in path.parent.glob("*-shm"):
        leftover.unlink()
    return path


@pytest.fixture(params=["file", "folder"])
def read_only(filled: Path, request: pytest.FixtureRequest) -> Iterator[Path]:
    marked = filled if request.param == "file" else filled.parent
    mode = marked.stat().st_mode
    marked.chmod(0o444 if request.param == "file" else 0o555)
    try:
        yield filled
    finally:
        marked.chmod(mode)


def test_opens_for_reading_refuses_changes_and_leaves_everything_untouched(
        read_only: Path) -> None:
    before = digest(read_only)
    files_before = sorted(p.name for p in read_only.parent.iterdir())
    database = open_database(read_only, create=False)
    try:
        assert database.read_only
        page = organizations.list_organizations(database)
        assert [row.name for row in page.items] == ["Workers' Party of Lanka"]
        with pytest.raises(DatabaseProblem) as caught:
            organizations.create_organization(database, {"name": "Another party"})
        message = caught.value.message
        assert "open read-only" in message and str(read_only) in message
        assert "Save a copy" in message and "\n" not in message
        assert organizations.list_organizations(database).total == 1
    finally:
        database.close()
    assert digest(read_only) == before
    assert sorted(p.name for p in read_only.parent.iterdir()) == files_before


def test_command_line_reads_a_read_only_database_and_refuses_to_change_it(
        read_only: Path, tmp_path: Path) -> None:
    before = digest(read_only)
    code, out, err = run("--db", str(read_only), "stats")
    assert code == 0, err
    assert "1" in out
    csv = tmp_path / "parties.csv"
    csv.write_text("Name,Country\nJanatha Vimukthi Peramuna,Sri Lanka\n", encoding="utf-8")
    code, out, err = run("--db", str(read_only), "import", str(csv))
    assert code == 1
    assert "open read-only" in err and err.count("\n") == 1
    assert digest(read_only) == before


def test_a_read_only_database_from_an_earlier_liaison_is_refused_untouched(
        filled: Path) -> None:
    connection = sqlite3.connect(filled)
    connection.execute("UPDATE alembic_version SET version_num = '0007'")
    connection.commit()
    connection.close()
    before = digest(filled)
    filled.chmod(0o444)
    try:
        with pytest.raises(DatabaseProblem) as caught:
            open_database(filled, create=False)
    finally:
        filled.chmod(0o644)
    assert "read-only and was made by an earlier Liaison" in caught.value.message
    assert digest(filled) == before
