"""File ▸ Export travel copy…: a complete database file for another laptop, written off the
UI thread, to merge back later with File ▸ Merge a travel copy…."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QWidget

from db.merge.travel import TravelCopy, export_travel_copy
from db.store.errors import LiaisonError
from desktop import settings
from desktop.context import AppContext
from desktop.errors import show_problem
from desktop.i18n import translate
from desktop.jobs.worker import Job
from desktop.messages import messages


def ask_travel_copy_path(parent: QWidget | None) -> str:
    """The save dialog for the travel copy; tests replace this. "" when cancelled."""
    name = translate("TravelCopy", "Liaison travel copy {date}").format(date=date.today())
    suggested = str(settings.export_folder() / f"{name}.sqlite3")
    path, _filter = QFileDialog.getSaveFileName(
        parent, translate("TravelCopy", "Export travel copy"), suggested,
        translate("TravelCopy", "Liaison database (*.sqlite3)"))
    if path and not path.lower().endswith(".sqlite3"):
        path += ".sqlite3"
    return path


def done_text(copy: TravelCopy) -> str:
    return translate("TravelCopy", "The travel copy was saved as {path}.\n\nIt is a complete "
                                   "copy of this database: take it on your trip, open it in "
                                   "Liaison there and work as usual. Back at the office, bring "
                                   "your changes home with File ▸ Merge a travel copy….").format(
        path=copy.path)


def export_travel_copy_from_app(context: AppContext, parent: QWidget) -> Job | None:
    path = ask_travel_copy_path(parent)
    if not path:
        return None
    from desktop.dialogs import encryption

    go_on, passphrase = encryption.ask_copy_passphrase(parent)
    if not go_on:
        return None
    database = context.database
    settings.set_export_folder(Path(path).expanduser().resolve().parent)

    def steps(_cancelled: Callable[[], bool]) -> Iterator[Any]:
        yield translate("TravelCopy", "Writing the travel copy…")
        yield export_travel_copy(database, path, passphrase=passphrase)

    def describe(step: Any) -> tuple[int, int, str]:
        return ((1, 1, translate("TravelCopy", "Done.")) if isinstance(step, TravelCopy)
                else (0, 0, str(step)))

    def failed(exc: BaseException) -> None:
        if isinstance(exc, InterruptedError):
            return
        if isinstance(exc, LiaisonError):
            show_problem(parent, exc)
        elif isinstance(exc, OSError):  # a full disk, a folder one may not write in
            messages.warning(parent, translate("TravelCopy", "Export failed"),
                             translate("TravelCopy", "Liaison could not write {path} "
                                                     "({problem}); no travel copy was made.")
                             .format(path=path, problem=exc.strerror or exc))
        else:
            raise exc

    def saved(copy: TravelCopy) -> None:
        if copy.recovery is not None:
            from desktop.dialogs.passphrase import RecoveryKeyDialog

            RecoveryKeyDialog(parent, copy.recovery, copy.path).exec()
        messages.info(parent, translate("TravelCopy", "Travel copy saved"), done_text(copy))

    job = Job(parent, translate("TravelCopy", "Exporting a travel copy"), steps, describe,
              on_success=saved, on_failure=failed)
    return context.start(job)
