"""The main window: first start, remembered state, status bar, crash dialog."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db.services.stats import quick_counts
from desktop.app import launch as app_module
from desktop.context import AppContext
from desktop.dialogs import initial_data
from desktop.dialogs.first_start import FirstStartDialog
from desktop.errors import CrashDialog, install_exception_hook
from desktop.windows.main_window import MainWindow
from tests.desktop.conftest import RecordedMessages


@pytest.fixture
def window(context: AppContext, qtbot: QtBot) -> MainWindow:
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.show()
    return main


def test_first_start_loads_the_starter_register(window: MainWindow, context: AppContext,
                                                qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(FirstStartDialog, "exec", lambda self: 1)
    job = initial_data.offer_first_start(context, window)
    assert job is not None
    qtbot.waitUntil(lambda: not job.running, timeout=20_000)
    assert job.error is None
    assert quick_counts(context.database)["organizations"] > 2000
    qtbot.waitUntil(lambda: "organizations" in window.status_label.text(), timeout=5000)
    assert initial_data.offer_first_start(context, window) is None  # asked once


def test_first_start_demo_can_be_cancelled_leaving_nothing(window: MainWindow,
                                                           context: AppContext,
                                                           qtbot: QtBot) -> None:
    job = initial_data.load_initial_data(context, window, "demo")
    assert job is not None
    job.cancel()
    qtbot.waitUntil(lambda: not job.running, timeout=20_000)
    assert isinstance(job.error, InterruptedError) or job.error is None
    counts = quick_counts(context.database)
    assert counts["organizations"] in (0, 200)
    if job.error is not None:
        assert counts == {"organizations": 0, "people": 0, "interactions": 0, "followups": 0}


def test_status_bar_names_the_database_and_counts(window: MainWindow, qtbot: QtBot,
                                                  context: AppContext) -> None:
    qtbot.waitUntil(lambda: "0 organizations" in window.status_label.text(), timeout=5000)
    assert window.database_label.text() == context.database.describe()
    assert window.database_label.isVisibleTo(window)


def test_window_remembers_size_and_view(context: AppContext, qtbot: QtBot) -> None:
    first = MainWindow(context)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)
    first.close()
    second = MainWindow(context)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 500)
    assert second.navigation.currentRow() == 0


def test_import_and_export_are_both_offered(window: MainWindow) -> None:
    assert window.import_action.isEnabled()
    assert "spreadsheet" in window.import_action.toolTip()
    assert window.export_action.isEnabled()


def test_export_writes_the_workbook_off_the_ui_thread(window: MainWindow, context: AppContext,
                                                      qtbot: QtBot, tmp_path: Path,
                                                      recorded: RecordedMessages,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from openpyxl import load_workbook

    from tests.db.factories import make_organization

    make_organization(context.database, name="Frente Amplio", country="UY")
    target = tmp_path / "trip.xlsx"
    monkeypatch.setattr(window, "choose_export_path", lambda: str(target))
    job = window.export_workbook()
    assert job is not None
    qtbot.waitUntil(lambda: not job.running, timeout=20_000)
    assert job.error is None
    assert "trip.xlsx" in recorded.texts("info")[-1]
    book = load_workbook(target, read_only=True)
    names = [row[1] for row in book["organizations"].iter_rows(min_row=2, values_only=True)]
    assert names == ["Frente Amplio"]


def test_export_to_a_missing_folder_says_so(window: MainWindow, tmp_path: Path,
                                            recorded: RecordedMessages,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(window, "choose_export_path", lambda: str(tmp_path / "no" / "x.xlsx"))
    assert window.export_workbook() is None
    assert "does not exist" in recorded.texts("warning")[-1]


def test_a_cancelled_export_leaves_no_file(window: MainWindow, context: AppContext,
                                           qtbot: QtBot, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from db.seed.demo import generate_demo

    for _ in generate_demo(context.database, "small"):
        pass
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "cancelled.xlsx"
    monkeypatch.setattr(window, "choose_export_path", lambda: str(target))
    job = window.export_workbook()
    assert job is not None
    job.cancel()
    qtbot.waitUntil(lambda: not job.running, timeout=20_000)
    if job.error is not None:  # cancelled in time: nothing may remain
        assert isinstance(job.error, InterruptedError)
        assert list(folder.iterdir()) == []
    else:  # the export won the race: the finished file is there, whole
        assert [p.name for p in folder.iterdir()] == ["cancelled.xlsx"]


def test_a_bug_opens_a_report_and_the_app_keeps_running(qtbot: QtBot, qapp: QApplication,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    hook = install_exception_hook()
    monkeypatch.setattr(sys, "excepthook", hook)
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError:
        hook(*sys.exc_info())  # what Qt does with an exception escaping a slot
    qtbot.waitUntil(lambda: bool(hook.dialogs), timeout=2000)
    dialog = hook.dialogs[0]
    assert isinstance(dialog, CrashDialog)
    assert "ZeroDivisionError: boom" in dialog.report.toPlainText()
    dialog.copy_report()
    assert "ZeroDivisionError" in QApplication.clipboard().text()
    dialog.close()


def test_a_path_where_no_database_is_is_asked_about_not_made(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> None:
    """`liaison --db typo.sqlite3` (the app): asks before making a database; declining leaves
    nothing behind, accepting makes it."""
    monkeypatch.delenv("LIAISON_DB", raising=False)
    typo = tmp_path / "folder" / "liason.sqlite3"
    asked: list[Path] = []

    def decline(parent: object, path: Path) -> bool:
        asked.append(path)
        return False

    monkeypatch.setattr(app_module, "confirm_new_database", decline)
    assert app_module.open_or_offer_new(str(typo)) is None
    assert asked == [typo] and not typo.parent.exists()

    monkeypatch.setattr(app_module, "confirm_new_database", lambda parent, path: True)
    database = app_module.open_or_offer_new(str(typo))
    assert database is not None and typo.is_file()
    database.close()
    monkeypatch.setattr(app_module, "confirm_new_database", decline)
    again = app_module.open_or_offer_new(str(typo))  # an existing database opens unasked
    assert again is not None and asked == [typo]
    again.close()


def test_missing_system_libraries_are_named_with_the_packages_to_install(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """A bare Debian lacks libxcb-icccm4 and friends: the app says what to install instead of
    Qt's "could not load the Qt platform plugin" (and starts no Qt)."""
    from desktop import entry
    from desktop.app import system_check

    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setattr(system_check, "XCB_LIBRARIES", {
        "libc.so.6": "libc6", "libxcb-not-here.so.4": "libxcb-not-here4"})
    assert system_check.missing_packages() == ["libxcb-not-here4"]
    assert entry.main([]) == 1
    err = capsys.readouterr().err
    assert "sudo apt-get install libxcb-not-here4" in err
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")  # not the xcb plugin: nothing to check
    assert system_check.missing_packages() == []


def test_the_first_window_fills_most_of_the_screen(context: AppContext, qtbot: QtBot) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    area = (window.screen() or QApplication.primaryScreen()).availableGeometry()
    assert window.width() >= min(1024, area.width()) and window.width() <= area.width()
    assert window.height() >= min(640, area.height()) and window.height() <= area.height()
