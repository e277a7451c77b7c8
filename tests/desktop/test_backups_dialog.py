"""File ▸ Backups… against a real SQLite file: the list, Back up now, Restore (after backing
up the state it replaces, with every open view refreshed and undo started afresh), the
daily backup at start, and the keep counts in Settings."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand
from pytestqt.qtbot import QtBot

from db.services import organizations
from db.store.backups import keep_of, list_backups, make_backup
from desktop.context import AppContext
from desktop.dialogs.backups import BackupsDialog, start_daily_backup
from desktop.dialogs.settings import SettingsDialog
from desktop.jobs.worker import Job
from desktop.views.organizations import OrganizationsView
from desktop.windows.main_window import MainWindow
from tests.desktop.conftest import RecordedMessages
from tests.desktop.helpers import records, settle


def finish(qtbot: QtBot, job: Job | None) -> None:
    assert job is not None
    qtbot.waitUntil(lambda: not job.running, timeout=10_000)
    assert job.error is None, job.error


def names(context: AppContext) -> set[str]:
    return {o.name for o in organizations.list_organizations(context.database).items}


def test_the_list_shows_when_why_and_how_large_and_back_up_now_adds_one(
        context: AppContext, qtbot: QtBot) -> None:
    organizations.create_organization(context.database, {"name": "Frelimo", "country": "MZ"})
    make_backup(context.database, "import")
    dialog = BackupsDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "Before an import"
    assert dialog.table.item(0, 2).text().endswith(("KB", "MB"))
    assert context.database.path is not None
    assert context.database.path.name in dialog.intro.text()
    assert "first start of each day" in dialog.intro.text()
    finish(qtbot, dialog.back_up_now())
    assert dialog.table.rowCount() == 2
    assert {dialog.table.item(r, 1).text() for r in range(2)} == {"Before an import",
                                                                   "Made by hand"}


def test_restore_brings_the_backup_back_and_keeps_what_it_replaced(
        context: AppContext, qtbot: QtBot, recorded: RecordedMessages) -> None:
    organizations.create_organization(context.database, {"name": "Frelimo", "country": "MZ"})
    make_backup(context.database, "manual")
    organizations.create_organization(context.database, {"name": "SWAPO", "country": "NA"})
    view = OrganizationsView(context)
    qtbot.addWidget(view)
    view.show()
    settle()
    assert {r.name for r in records(view.model)} == {"Frelimo", "SWAPO"}
    context.undo_stack.push(QUndoCommand("Edit"))  # a step from before the restore

    dialog = BackupsDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    recorded.confirm_answer = False
    assert dialog.restore_selected() is None  # the user said no: nothing happens
    assert names(context) == {"Frelimo", "SWAPO"}

    recorded.confirm_answer = True
    finish(qtbot, dialog.restore_selected())
    assert "Put the backup made" in recorded.texts("confirm")[-1]
    assert names(context) == {"Frelimo"}
    settle()
    assert {r.name for r in records(view.model)} == {"Frelimo"}  # the list follows
    assert context.undo_stack.count() == 0  # undo starts afresh
    kept = [b for b in list_backups(context.database.path) if b.trigger == "restore"]
    assert len(kept) == 1, "the replaced state is backed up first"
    assert dialog.table.rowCount() == 2  # the list shows that backup too


def test_the_daily_backup_is_made_once_at_start(context: AppContext, qtbot: QtBot) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    finish(qtbot, start_daily_backup(context, window))
    finish(qtbot, start_daily_backup(context, window))
    daily = [b for b in list_backups(context.database.path) if b.trigger == "daily"]
    assert len(daily) == 1
    assert "Today's backup is made" in window.statusBar().currentMessage()


def test_settings_keep_counts_are_stored_with_the_database(context: AppContext,
                                                           qtbot: QtBot) -> None:
    dialog = SettingsDialog(database=context.database)
    qtbot.addWidget(dialog)
    assert (dialog.keep_daily.value(), dialog.keep_events.value()) == (7, 10)
    dialog.keep_daily.setValue(3)
    dialog.keep_events.setValue(20)
    dialog.accept()
    assert keep_of(context.database) == (3, 20)
