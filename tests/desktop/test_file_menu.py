"""File ▸ New database…, Open database…, Open recent, Save a copy…, Load the starter register;
Help ▸ Keyboard shortcuts, User guide, Report a problem; the database named in the title and
status bar; a status message that stops being true goes away."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from db.seed.opening import open_database
from db.services.stats import quick_counts
from desktop.context import AppContext
from desktop.dialogs import help as help_dialogs
from desktop.windows import database_menu
from desktop.windows.main_window import MainWindow
from desktop.windows.record_pages import new_context
from tests.db.factories import make_organization
from tests.desktop.conftest import RecordedMessages


@pytest.fixture
def window(context: AppContext, qtbot: QtBot) -> MainWindow:
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.show()
    return main


@pytest.fixture
def launched(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    started: list[str] = []
    monkeypatch.setattr(database_menu, "launch", lambda where: started.append(where) or True)
    return started


def test_the_title_and_status_bar_name_the_database(window: MainWindow,
                                                    context: AppContext) -> None:
    path = context.database.path
    assert path is not None
    title = window.windowTitle()
    assert title.endswith(f"— {path.name}") and title.count("Liaison") == 0, title
    assert window.database_label.text() == str(path)


def test_new_database_is_made_and_opened_in_its_own_window(
        window: MainWindow, context: AppContext, tmp_path: Path, launched: list[str],
        monkeypatch: pytest.MonkeyPatch, recorded: RecordedMessages) -> None:
    target = tmp_path / "travel" / "Nairobi 2027"
    target.parent.mkdir()
    monkeypatch.setattr(database_menu, "ask_new_path", lambda parent: str(target))
    window.new_database_action.trigger()
    made = target.with_suffix(".sqlite3")
    assert launched == [str(made)] and made.is_file()
    database = open_database(made, create=False)
    assert quick_counts(database)["organizations"] == 0
    database.close()
    window.new_database_action.trigger()  # the same name again: said, nothing replaced
    assert launched == [str(made)]


def test_open_database_and_open_recent(window: MainWindow, context: AppContext, tmp_path: Path,
                                       launched: list[str], monkeypatch: pytest.MonkeyPatch,
                                       qtbot: QtBot) -> None:
    other = tmp_path / "colleague.sqlite3"
    open_database(other).close()
    monkeypatch.setattr(database_menu, "ask_open_path", lambda parent: str(other))
    window.open_database_action.trigger()
    assert launched == [str(other)]
    monkeypatch.setattr(database_menu, "ask_open_path",
                        lambda parent: str(context.database.describe()))
    window.open_database_action.trigger()  # this one is open here already: no second window
    assert launched == [str(other)]
    # the other window remembers its database; this one lists it under Open recent
    other_context = new_context(open_database(other))
    database_menu.remember(other_context)
    other_context.close()
    database_menu.fill_recent_menu(window.recent_menu, context, window)
    entries = [a.text() for a in window.recent_menu.actions()]
    assert entries == [str(other)]
    window.recent_menu.actions()[0].trigger()
    assert launched == [str(other), str(other)]
    other.unlink()  # gone since: no longer offered
    database_menu.fill_recent_menu(window.recent_menu, context, window)
    assert [a.isEnabled() for a in window.recent_menu.actions()] == [False]


def test_save_a_copy_runs_in_the_background_and_holds_every_change(
        window: MainWindow, context: AppContext, tmp_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    make_organization(context.database, name="Partido Verde", country="BR")
    target = tmp_path / "copy.sqlite3"
    monkeypatch.setattr(database_menu, "ask_copy_path", lambda parent, ctx: str(target))
    job = database_menu.save_a_copy(context, window)
    assert job is not None
    qtbot.waitUntil(lambda: not job.running, timeout=10_000)
    assert job.error is None
    connection = sqlite3.connect(f"{target.as_uri()}?mode=ro", uri=True)
    try:
        assert connection.execute("SELECT name FROM organizations").fetchall() == [
            ("Partido Verde",)]
    finally:
        connection.close()
    assert str(target) in window.statusBar().currentMessage()


def test_demo_data_goes_into_an_empty_database_only(window: MainWindow, context: AppContext,
                                                    recorded: RecordedMessages) -> None:
    make_organization(context.database, name="Partido Verde", country="BR")
    assert window.load_data("demo") is None
    assert "empty database" in recorded.texts("warning")[-1]
    assert quick_counts(context.database)["organizations"] == 1


def test_the_starter_register_can_be_loaded_later(window: MainWindow, context: AppContext,
                                                  qtbot: QtBot) -> None:
    make_organization(context.database, name="Partido Verde", country="BR")
    job = window.load_data("starter")
    assert job is not None
    qtbot.waitUntil(lambda: not job.running, timeout=30_000)
    assert job.error is None and quick_counts(context.database)["organizations"] > 2000


def test_help_shortcut_sheet_lists_the_menus_keys(window: MainWindow, qtbot: QtBot) -> None:
    sheet = help_dialogs.show_shortcuts(window)
    qtbot.addWidget(sheet)
    table = sheet.table
    rows = {table.item(r, 1).text(): table.item(r, 0).text() for r in range(table.rowCount())}
    assert rows["Find"] == "Ctrl+F"
    assert rows["Keyboard shortcuts"] == "F1"
    assert "Ctrl+W" in rows.values() and all(keys for keys in rows.values())


def test_help_guide_opens_offline_in_the_interface_language(window: MainWindow,
                                                            qtbot: QtBot) -> None:
    guide = help_dialogs.show_guide(window)
    qtbot.addWidget(guide)
    text = guide.browser.toPlainText()
    assert "Ctrl+F" in text and "travel copy" in text.lower() and len(text) > 3000


def test_report_a_problem_is_ready_to_copy(window: MainWindow, context: AppContext,
                                           qtbot: QtBot) -> None:
    make_organization(context.database, name="Secret Party", country="BR")
    dialog = help_dialogs.show_report(context, window)
    qtbot.addWidget(dialog)
    report = dialog.report.toPlainText()
    assert "Liaison " in report and "SQLite" in report and "organizations 1" in report
    assert "Secret Party" not in report  # no record leaves with the report
    [button] = [b for b in dialog.findChildren(QPushButton) if b.text() == "Copy report"]
    button.click()
    assert QApplication.clipboard().text() == report


def test_a_problem_message_goes_away_when_it_stops_being_true(window: MainWindow,
                                                              context: AppContext) -> None:
    context.watcher.unreachable.emit("the server did not answer")
    assert window.problem_label.isVisibleTo(window)
    assert "did not answer" in window.problem_label.text()
    context.watcher.reachable.emit()
    assert not window.problem_label.isVisibleTo(window)
