"""A large export reads its rows in a second process (db/exchange/feed.py): the file must be
the one a single process writes; a failure or a cancel there leaves no file and no process."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from db.exchange.export import feed
from db.exchange.export.writer import write_workbook
from db.exchange.workbook import README_SHEET, SHEETS
from db.store.engine import Database
from db.store.errors import LiaisonError
from tests.db.test_export import export, filled  # noqa: F401 (a fixture)


def reading_processes(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every export from now on reads in a second process; the list gathers those started."""
    monkeypatch.setattr(feed, "PROCESS_FROM_ROWS", 0)
    started: list[Any] = []
    real = feed.ProcessFeed.__init__

    def counting(self: Any, *args: Any) -> None:
        real(self, *args)
        started.append(self.process)

    monkeypatch.setattr(feed.ProcessFeed, "__init__", counting)
    return started


def cells(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    book = load_workbook(path)
    return {name: list(book[name].iter_rows(values_only=True))
            for name in book.sheetnames if name != README_SHEET}


def test_rows_read_in_a_second_process_make_the_same_file(
        db: Database, filled: dict[str, Any], tmp_path: Path,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    export(db, tmp_path / "here.xlsx")
    started = reading_processes(monkeypatch)
    export(db, tmp_path / "there.xlsx")
    assert len(started) == 1 and started[0].poll() == 0
    here, there = cells(tmp_path / "here.xlsx"), cells(tmp_path / "there.xlsx")
    assert set(here) == {spec.name for spec in SHEETS} | {"_lists"}
    assert here == there
    assert any(len(rows) > 5 for rows in there.values())


def test_a_problem_in_the_reading_process_is_one_sentence_and_no_file(
        sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started = reading_processes(monkeypatch)
    (tmp_path / "not-a-database.sqlite3").write_text("this is not SQLite")
    broken = Database(url=f"sqlite:///{tmp_path / 'not-a-database.sqlite3'}",
                      engine=sqlite_db.engine, sessions=sqlite_db.sessions,
                      path=sqlite_db.path)  # the child opens the URL: not a database
    with pytest.raises(LiaisonError) as raised:
        export(broken, tmp_path / "out.xlsx")
    assert "not a SQLite file" in str(raised.value) and "\n" not in str(raised.value)
    assert list(tmp_path.glob("*.xlsx*")) == []
    assert len(started) == 1 and started[0].poll() is not None


def test_cancel_stops_the_reading_process(db: Database, filled: dict[str, Any],  # noqa: F811
                                          tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    started = reading_processes(monkeypatch)
    steps = write_workbook(db, tmp_path / "out.xlsx")
    next(steps)  # the first sheet begun: the reading process has started
    assert len(started) == 1
    steps.close()
    assert started[0].poll() is not None
    assert list(tmp_path.glob("*.xlsx*")) == []
