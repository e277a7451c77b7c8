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
from db.store.engine import Database, is_default_target
from db.store.errors import LiaisonError, NoDatabase
from desktop import settings
from desktop.context import AppContext
from desktop.errors import install_exception_hook
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.tasks import Job


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
    code = int(app.exec())
    del hook
    database.close()
    return code


def open_or_offer_new(target: str | None, parent: QWidget | None = None) -> Database | None:
    """Open the database at `target`; where no database is, ask before making one there (a
    mistyped path must not silently become a new empty database). None: the user declined.
    The default database in the data folder is made without asking: that is the first start."""
    try:
        return open_database(target, create=is_default_target(target))
    except NoDatabase as missing:
        if not confirm_new_database(parent, missing.path):
            return None
        return open_database(target, create=True)


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
    from desktop.main_window import MainWindow

    context = AppContext(database)
    window = MainWindow(context)
    context.watch_for_changes()  # colleagues' changes (a shared server) refresh the lists
    return window


def ask_first_start(database: Database, parent: QWidget | None = None) -> str | None:
    """The first start's questions that are still open: the user's name and language (once
    per machine) and, on an empty database Liaison may write, what to start with (once per
    database). Returns what to load ("starter", "demo"), or None. Closing the dialog loads
    nothing and keeps no name, so the name is asked again next time."""
    from db.services.stats import has_organizations

    key = f"first_start/{database.describe()}"
    store = settings.settings()
    ask_person = not settings.saved_officer_name()
    ask_start = not (database.read_only or store.value(key) or has_organizations(database))
    if not (ask_person or ask_start):
        return None
    from desktop.dialogs.first_start import FirstStartDialog  # only when there is a question

    dialog = FirstStartDialog(parent, ask_person=ask_person, ask_start=ask_start,
                              server_user=database.server_user)
    accepted = bool(dialog.exec())
    if accepted:
        dialog.save()
    if ask_start:
        store.setValue(key, dialog.choice() if accepted else "closed")
    choice = dialog.choice() if accepted else "empty"
    return choice if choice in ("starter", "demo") else None


def offer_first_start(context: AppContext, parent: QWidget) -> Job | None:
    """The first start's questions over an open window, then loading what was chosen."""
    choice = ask_first_start(context.database, parent)
    return load_initial_data(context, parent, choice) if choice else None


# What the demo generator is creating (its stages), as the progress dialog says it.
DEMO_STAGES = {
    "organizations": QT_TRANSLATE_NOOP("App", "Creating organizations…"),
    "people": QT_TRANSLATE_NOOP("App", "Creating people…"),
    "interactions": QT_TRANSLATE_NOOP("App", "Creating interactions…"),
    "indexes": QT_TRANSLATE_NOOP("App", "Creating indexes…"),
    "done": QT_TRANSLATE_NOOP("App", "Creating done…"),
}


def demo_stage_text(stage: str) -> str:
    known = DEMO_STAGES.get(stage)
    return (translate("App", known) if known is not None
            else translate("App", "Creating {stage}…").format(stage=stage))


def load_initial_data(context: AppContext, parent: QWidget, choice: str | None) -> Job | None:
    database = context.database
    if choice == "starter":
        from db.seed.starter import load_starter

        job = Job(parent, translate("App", "Loading the starter register"),
                  lambda cancelled: load_starter(database, None, cancelled),
                  lambda step: (step.done, step.total,
                                translate("App", "1 party loaded") if step.created == 1 else
                                translate("App", "{count:,} parties loaded").format(
                                    count=step.created)),
                  on_success=lambda _r: context.notify("*"))
    elif choice == "demo":
        from db.seed.demo import generate_demo

        job = Job(parent, translate("App", "Loading demo data"),
                  lambda cancelled: generate_demo(database, "small", 1, cancelled),
                  lambda step: (step.done, step.total, demo_stage_text(step.stage)),
                  on_success=lambda _r: context.notify("*"))
    else:
        return None
    return context.start(job)
