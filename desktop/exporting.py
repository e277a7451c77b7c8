"""Exports started from a screen — the whole workbook, the list on screen, one organization's
dossier: ask where to save (a dated name in the last export folder), check the place before any
work, run the `db` export on a worker thread with progress and Cancel, and say where the file
went. A cancelled or failed export leaves no file behind (the `db` side sees to that)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QWidget

from db.store.errors import LiaisonError
from desktop import settings
from desktop.context import AppContext
from desktop.errors import show_problem
from desktop.messages import messages
from desktop.tasks import Job

if TYPE_CHECKING:  # the exchange modules load on the first export, not at start-up
    from db.exchange.export.output import ExportProgress
    from db.exchange.export.views import ViewFilter

    Steps = Callable[[Callable[[], bool]], Iterator[ExportProgress]]
    Describe = Callable[[ExportProgress], str]
DOSSIER_STAGES = {"profile": "the profile", "people": "the people", "timeline": "the timeline",
                  "followups": "the follow-ups"}


def file_name(title: str) -> str:
    """“Organizations 2026-11-28.xlsx”: a name every file system accepts, whatever the
    title holds (an organization's name may have a slash or a colon)."""
    safe = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "-", title).strip(" .-") or "Liaison"
    return f"{safe[:120]} {date.today().isoformat()}.xlsx"


def ask_export_path(parent: QWidget | None, caption: str, name: str) -> str:
    """The save dialog, opened on `name` in the last export folder; tests replace this.
    Returns "" when the user cancels."""
    suggested = str(settings.export_folder() / name)
    path, _filter = QFileDialog.getSaveFileName(parent, caption, suggested,
                                                "Excel workbook (*.xlsx)")
    if path and not path.lower().endswith(".xlsx"):
        path += ".xlsx"
    return path


def run_export(context: AppContext, parent: QWidget, title: str, path: str, steps: Steps,
               describe: Describe, done_text: Callable[[ExportProgress], str]) -> Job | None:
    """Run `steps` (a `db` export writing to `path`) in the background; None when the
    destination is refused (the user is told why) and nothing started."""
    from db.exchange.export.output import check_destination

    if not path:
        return None
    try:
        check_destination(Path(path).expanduser().resolve())
    except LiaisonError as exc:
        show_problem(parent, exc)
        return None
    settings.set_export_folder(Path(path).expanduser().resolve().parent)

    def failed(exc: BaseException) -> None:
        if isinstance(exc, InterruptedError):  # cancelled: the user knows, no file remains
            return
        if isinstance(exc, LiaisonError):
            show_problem(parent, exc)
        elif isinstance(exc, OSError):  # a full disk, a file locked by a spreadsheet program
            messages.warning(parent, "Export failed",
                             f"Liaison could not save {path} ({exc.strerror or exc}); "
                             "no file was written.")
        else:
            raise exc

    job = Job(parent, title, steps,
              lambda step: (step.done, step.total, "Saving the file…" if step.stage
                            in ("saving", "done") else describe(step)),
              on_success=lambda step: messages.info(parent, "Export finished", done_text(step)),
              on_failure=failed)
    return context.start(job)


def export_list(context: AppContext, parent: QWidget, kind: str, filters: ViewFilter,
                sort: str | None, descending: bool) -> Job | None:
    """Export the `kind` list with exactly these filters and this order: what the screen
    shows, every row of it (not only the rows scrolled to)."""
    from db.exchange.export.views import VIEWS, write_view

    view = VIEWS[kind]
    path = ask_export_path(parent, f"Export the {view.title.lower()} list",
                           file_name(view.title))
    database = context.database

    def rows(count: int) -> str:
        return f"{count:,} {view.noun if count == 1 else view.title.lower()}"

    return run_export(
        context, parent, f"Exporting {view.title.lower()}", path,
        lambda cancelled: write_view(database, path, kind, filters, sort, cancelled,
                                     descending=descending),
        lambda step: f"Writing {step.done:,} of {rows(step.total)}…",
        lambda step: f"The list of {rows(step.done)} was saved as {path}.")


def export_dossier(context: AppContext, parent: QWidget, organization_id: str,
                   name: str) -> Job | None:
    """Export one organization's dossier: profile, people, timeline and follow-ups."""
    from db.exchange.export.dossier import write_dossier

    path = ask_export_path(parent, f"Export the dossier of {name}", file_name(f"{name} dossier"))
    database = context.database
    return run_export(
        context, parent, "Exporting the dossier", path,
        lambda cancelled: write_dossier(database, path, organization_id, cancelled),
        lambda step: f"Writing {DOSSIER_STAGES.get(step.stage, step.stage)}…",
        lambda _step: f"The dossier of {name} was saved as {path}.")
