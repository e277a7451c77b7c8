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
from desktop.messages import messages
from desktop.tasks import Job


def ask_travel_copy_path(parent: QWidget | None) -> str:
    """The save dialog for the travel copy; tests replace this. "" when cancelled."""
    suggested = str(settings.export_folder() / f"Liaison travel copy {date.today()}.sqlite3")
    path, _filter = QFileDialog.getSaveFileName(parent, "Export travel copy", suggested,
                                                "Liaison database (*.sqlite3)")
    if path and not path.lower().endswith(".sqlite3"):
        path += ".sqlite3"
    return path


def done_text(copy: TravelCopy) -> str:
    return (f"The travel copy was saved as {copy.path}.\n\nIt is a complete copy of this "
            "database: take it on your trip, open it in Liaison there and work as usual. Back "
            "at the office, bring your changes home with File ▸ Merge a travel copy….")


def export_travel_copy_from_app(context: AppContext, parent: QWidget) -> Job | None:
    path = ask_travel_copy_path(parent)
    if not path:
        return None
    database = context.database
    settings.set_export_folder(Path(path).expanduser().resolve().parent)

    def steps(_cancelled: Callable[[], bool]) -> Iterator[Any]:
        yield "Writing the travel copy…"
        yield export_travel_copy(database, path)

    def describe(step: Any) -> tuple[int, int, str]:
        return (1, 1, "Done.") if isinstance(step, TravelCopy) else (0, 0, str(step))

    def failed(exc: BaseException) -> None:
        if isinstance(exc, InterruptedError):
            return
        if isinstance(exc, LiaisonError):
            show_problem(parent, exc)
        elif isinstance(exc, OSError):  # a full disk, a folder one may not write in
            messages.warning(parent, "Export failed",
                             f"Liaison could not write {path} ({exc.strerror or exc}); "
                             "no travel copy was made.")
        else:
            raise exc

    job = Job(parent, "Exporting a travel copy", steps, describe,
              on_success=lambda copy: messages.info(parent, "Travel copy saved", done_text(copy)),
              on_failure=failed)
    return context.start(job)
