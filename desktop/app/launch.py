"""Composition root: parse the database option, open it, show the main window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from db.seed.opening import open_database
from db.store.cipher import PassphraseNeeded
from db.store.engine import Database, is_default_target, resolve_url, sqlite_path_of
from db.store.errors import LiaisonError, NoDatabase
from desktop import settings
from desktop.dialogs.encryption import ask_passphrase
from desktop.dialogs.initial_data import ask_first_start, load_initial_data
from desktop.errors import install_exception_hook
from desktop.i18n import translate
from desktop.windows.record_pages import new_context


def run_app(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="liaison")
    parser.add_argument("--db")
    args, qt_args = parser.parse_known_args(list(argv))
    app = QApplication([sys.argv[0], *qt_args])
    app.setApplicationName("Liaison")
    app.setOrganizationName("Liaison")
    app.setApplicationDisplayName("Liaison")
    from desktop import i18n

    i18n.install(settings.language())
    hook = install_exception_hook()
    try:
        database = open_or_offer_new(args.db)
    except LiaisonError as exc:
        QMessageBox.critical(None, i18n.translate("App", "Liaison cannot open the database"),
                             exc.message)
        return 1
    if database is None:
        return 1
    choice = ask_first_start(database)  # before the window, so it speaks the chosen language
    window = create_main_window(database)
    app.aboutToQuit.connect(window.context.close)
    window.show()
    warning = i18n.take_warning()
    if warning:
        QTimer.singleShot(200, lambda: window.statusBar().showMessage(warning, 20000))
    if choice:
        QTimer.singleShot(0, lambda: load_initial_data(window.context, window, choice))
    from desktop.dialogs.backups import start_daily_backup

    QTimer.singleShot(1000, lambda: start_daily_backup(window.context, window))
    code = int(app.exec())
    del hook
    database.close()
    return code


def open_or_offer_new(target: str | None, parent: QWidget | None = None) -> Database | None:
    """Open the database at `target`; where no database is, ask before making one there (a
    mistyped path must not silently become a new empty database); an encrypted file asks for
    its passphrase. None: the user declined.
    The default database in the data folder is made without asking: that is the first start."""
    try:
        return open_database(target, create=is_default_target(target))
    except NoDatabase as missing:
        if not confirm_new_database(parent, missing.path):
            return None
        return open_database(target, create=True)
    except PassphraseNeeded:
        path = sqlite_path_of(resolve_url(target))
        if path is None or not ask_passphrase(path, parent):
            return None
        return open_database(target, create=False)  # its key is held now


def confirm_new_database(parent: QWidget | None, path: Path) -> bool:
    """Asks whether to make a new database at `path`; tests replace this."""
    answer = QMessageBox.question(
        parent, translate("App", "No database there"),
        translate("App", "There is no Liaison database at {path}.\n\nMake a new, empty "
                         "database there?").format(path=path),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Yes


def create_main_window(database: Database) -> Any:
    from desktop.windows.idle_lock import IdleLock
    from desktop.windows.main_window import MainWindow

    context = new_context(database)
    window = MainWindow(context)
    context.watch_for_changes()  # colleagues' changes (a shared server) refresh the lists
    window.idle_lock = IdleLock(context, window)  # an encrypted file locks when left idle
    return window
