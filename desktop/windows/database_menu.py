"""File ▸ New database…, Open database…, Open recent and Save a copy…

Each database opens in its own window, in its own process: its own undo, background work and
watcher for colleagues' changes, and nothing of one database can leak into another. The
window's title and status bar name the database, so two windows never look alike."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QProcess
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QWidget

from db.store.backup import save_copy
from db.store.errors import LiaisonError
from desktop import settings
from desktop.context import AppContext
from desktop.errors import show_problem
from desktop.i18n import translate
from desktop.jobs.worker import Job

if TYPE_CHECKING:
    from desktop.windows.main_window import MainWindow

RECENT_KEY = "databases/recent"
RECENT_COUNT = 8
FILTER = "*.sqlite3 *.sqlite *.db"


def database_filter() -> str:
    return translate("DatabaseMenu", "Liaison databases ({patterns});;All files (*)").format(
        patterns=FILTER)


def recent_databases() -> list[str]:
    """Databases opened on this machine, most recent first (files that are gone left out)."""
    value = settings.settings().value(RECENT_KEY, [])
    # QSettings gives back a list of the strings stored (or one string, or nothing)
    paths = [value] if isinstance(value, str) else list(cast("list[str] | None", value) or [])
    return [p for p in paths if "://" in p or Path(p).exists()][:RECENT_COUNT]


def remember(context: AppContext) -> None:
    """Put the open database first in Open recent."""
    location = context.database.describe()
    if context.database.path is None:
        return  # a server's URL may carry a password: not kept in the settings
    paths = [location, *[p for p in recent_databases() if p != location]]
    settings.settings().setValue(RECENT_KEY, paths[:RECENT_COUNT])


def launch(location: str) -> bool:
    """Open `location` in a new window of its own (a new Liaison process). Tests replace this."""
    started, _pid = QProcess.startDetached(sys.executable, ["-m", "desktop", "--db", location])
    return bool(started)


def ask_new_path(parent: QWidget) -> str:
    """Where the new database goes; "" when the user cancels. Tests replace this."""
    path, _ = QFileDialog.getSaveFileName(parent, translate("DatabaseMenu", "New database"),
                                          str(Path.home() / "Liaison.sqlite3"), database_filter())
    return path


def ask_open_path(parent: QWidget) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, translate("DatabaseMenu", "Open database"),
                                          str(Path.home()), database_filter())
    return path


def ask_copy_path(parent: QWidget, context: AppContext) -> str:
    source = context.database.path
    suggested = (source.with_name(f"{source.stem} copy{source.suffix}") if source
                 else Path.home() / "Liaison copy.sqlite3")
    path, _ = QFileDialog.getSaveFileName(parent, translate("DatabaseMenu", "Save a copy"),
                                          str(suggested), database_filter())
    return path


def new_database(context: AppContext, parent: QWidget) -> bool:
    """Make a new, empty database where the user says and open it in a window of its own
    (which offers the starter register, demo data or nothing, as on first start)."""
    from db.seed.opening import open_database

    path = ask_new_path(parent)
    if not path:
        return False
    target = Path(path)
    if target.suffix == "":
        target = target.with_suffix(".sqlite3")
    if target.exists():
        show_problem(parent, LiaisonError(translate(
            "DatabaseMenu", "{path} already exists. Choose a new name for the new database, or "
                            "open the existing one with File ▸ Open database….").format(
            path=target)), translate("DatabaseMenu", "New database"))
        return False
    try:
        open_database(target, create=True).close()
    except LiaisonError as exc:
        show_problem(parent, exc, translate("DatabaseMenu", "New database"))
        return False
    return launch(str(target))


def open_other(context: AppContext, parent: QWidget, location: str | None = None) -> bool:
    """Open another database in a window of its own; the one open here is opened again only
    by bringing its window forward."""
    location = location or ask_open_path(parent)
    if not location:
        return False
    if location == context.database.describe():
        parent.window().raise_()
        parent.window().activateWindow()
        return False
    if "://" not in location and not Path(location).is_file():
        show_problem(parent, LiaisonError(translate(
            "DatabaseMenu", "There is no Liaison database at {path}; it may have been moved "
                            "or deleted.").format(path=location),
        ), translate("DatabaseMenu", "Open database"))
        return False
    return launch(location)


def fill_recent_menu(menu: QMenu, context: AppContext, parent: QWidget) -> None:
    menu.clear()
    here = context.database.describe()
    others = [p for p in recent_databases() if p != here]
    for location in others:
        action = menu.addAction(location)
        action.triggered.connect(lambda _c=False, where=location: open_other(context, parent,
                                                                              where))
    if not others:
        menu.addAction(translate("DatabaseMenu", "No other database opened yet")).setEnabled(False)


def save_a_copy(context: AppContext, parent: QWidget, *, open_it: bool = False) -> Job | None:
    """A consistent copy of the open database as one self-contained file (SQLite's backup
    API: the changes still in the write-ahead log are in it), made in the background.
    `open_it`: then open the copy in a window of its own (a read-only database's way to
    a copy one can work on)."""
    if context.database.path is None:
        show_problem(parent, LiaisonError(translate(
            "DatabaseMenu", "A team server's database is copied with the server's own tools "
                            "(pg_dump); Save a copy works on database files.")),
            translate("DatabaseMenu", "Save a copy"))
        return None
    path = ask_copy_path(parent, context)
    if not path:
        return None
    database, target = context.database, Path(path)

    def copy(_cancelled: Callable[[], bool]) -> Iterator[Path]:
        yield save_copy(database, target)

    def saved(copy_path: Path) -> None:
        cast(QMainWindow, parent.window()).statusBar().showMessage(translate(
            "DatabaseMenu", "Saved a copy of the database as {path}.").format(path=copy_path),
            10000)
        if open_it:
            open_other(context, parent, str(copy_path))

    job = Job(parent, translate("DatabaseMenu", "Saving a copy"), copy,
              lambda _r: (1, 1, ""), on_success=saved)
    return context.start(job)


def is_encrypted(database: Any) -> bool:
    from db.store import cipher

    return database.path is not None and cipher.key_of(database.path) is not None


def encrypt_open(context: AppContext, window: MainWindow) -> Job | None:
    from desktop.dialogs.encryption import encrypt_database

    job = encrypt_database(context, window)
    if job is not None:
        job.finished.connect(lambda: window.encrypt_action.setEnabled(
            not is_encrypted(context.database)))
    return job


def show_backups(context: AppContext, parent: QWidget) -> None:
    from desktop.dialogs.backups import BackupsDialog

    BackupsDialog(context, parent).exec()


def add_actions(window: MainWindow, file_menu: QMenu) -> None:
    """The database entries of the main window's File menu."""
    ctx = window.context
    window.new_database_action = window.make_action(
        translate("MainWindow", "New &database…"),
        lambda: new_database(ctx, window), icon_name="database",
        tip=translate("MainWindow", "Make a new, empty database file and open it in a "
                                    "window of its own"))
    window.open_database_action = window.make_action(
        translate("MainWindow", "&Open database…"),
        lambda: open_other(ctx, window), icon_name="folder-open",
        shortcut=QKeySequence.StandardKey.Open,
        tip=translate("MainWindow", "Open another database file in a window of its own"))
    window.recent_menu = QMenu(translate("MainWindow", "Open &recent"), window)
    window.recent_menu.aboutToShow.connect(
        lambda: fill_recent_menu(window.recent_menu, ctx, window))
    window.save_copy_action = window.make_action(
        translate("MainWindow", "Save a &copy…"), lambda: save_a_copy(ctx, window),
        icon_name="copy",
        tip=translate("MainWindow", "Save a complete copy of this database as one file "
                                    "(copying the file itself while Liaison runs can leave "
                                    "recent changes behind)"))
    window.backups_action = window.make_action(
        translate("MainWindow", "&Backups…"), lambda: show_backups(ctx, window),
        icon_name="history",
        tip=translate("MainWindow", "See this database's backups, make one, or restore one"))
    window.encrypt_action = window.make_action(
        translate("MainWindow", "&Encrypt this database…"), lambda: encrypt_open(ctx, window),
        icon_name="lock",
        tip=translate("MainWindow", "Encrypt this database file with a passphrase, so that "
                                    "a lost laptop does not give its records away"))
    window.encrypt_action.setEnabled(ctx.database.path is not None
                                     and not ctx.database.read_only
                                     and not is_encrypted(ctx.database))
    window.starter_action = window.make_action(
        translate("MainWindow", "Load the &starter register…"),
        lambda: window.load_data("starter"), icon_name="globe",
        tip=translate("MainWindow", "Add the world's parties to this database (those "
                                    "already in it are not added twice)"))
    window.demo_action = window.make_action(
        translate("MainWindow", "Load de&mo data…"), lambda: window.load_data("demo"),
        icon_name="sparkles",
        tip=translate("MainWindow", "Fill an empty database with made-up records to try "
                                    "Liaison out"))
    for action in (window.new_database_action, window.open_database_action):
        file_menu.addAction(action)
    file_menu.addMenu(window.recent_menu)
    file_menu.addAction(window.save_copy_action)
    file_menu.addAction(window.backups_action)
    file_menu.addAction(window.encrypt_action)
    file_menu.addSeparator()
    file_menu.addAction(window.starter_action)
    file_menu.addAction(window.demo_action)
    remember(ctx)
