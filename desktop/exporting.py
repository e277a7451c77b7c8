"""Exports started from a screen — the whole workbook, the list on screen, one organization's
dossier: ask where to save (a dated name in the last export folder), check the place before any
work, run the `db` export on a worker thread with progress and Cancel, and say where the file
went. A cancelled or failed export leaves no file behind (the `db` side sees to that)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QWidget

from db.store.errors import LiaisonError
from desktop import settings
from desktop.context import AppContext
from desktop.errors import show_problem
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.jobs.worker import Job
from desktop.messages import messages

if TYPE_CHECKING:  # the exchange modules load on the first export, not at start-up
    from db.exchange.export.output import ExportProgress
    from db.exchange.export.views import ViewFilter

    Steps = Callable[[Callable[[], bool]], Iterator[ExportProgress]]
    Describe = Callable[[ExportProgress], str]
# What the dossier export is writing (its stages), as the progress dialog says it.
DOSSIER_STAGES = {"profile": QT_TRANSLATE_NOOP("Exporting", "Writing the profile…"),
                  "people": QT_TRANSLATE_NOOP("Exporting", "Writing the people…"),
                  "timeline": QT_TRANSLATE_NOOP("Exporting", "Writing the timeline…"),
                  "followups": QT_TRANSLATE_NOOP("Exporting", "Writing the follow-ups…")}


@dataclass(frozen=True)
class ListTexts:
    """What exporting one list says, each a whole sentence (marked for the catalog here,
    translated where shown); "1 organization" and "{n} organizations" each have their own."""

    name: str  # the file's name before its date
    caption: str  # the save dialog's
    title: str  # the progress dialog's
    writing_one: str  # {done}
    writing: str  # {done}, {total}
    saved_one: str  # {path}
    saved: str  # {count}, {path}


LIST_TEXTS = {
    "organizations": ListTexts(
        QT_TRANSLATE_NOOP("Exporting", "Organizations"),
        QT_TRANSLATE_NOOP("Exporting", "Export the organizations list"),
        QT_TRANSLATE_NOOP("Exporting", "Exporting organizations"),
        QT_TRANSLATE_NOOP("Exporting", "Writing {done:,} of 1 organization…"),
        QT_TRANSLATE_NOOP("Exporting", "Writing {done:,} of {total:,} organizations…"),
        QT_TRANSLATE_NOOP("Exporting", "The list of 1 organization was saved as {path}."),
        QT_TRANSLATE_NOOP("Exporting", "The list of {count:,} organizations was saved as {path}.")),
    "people": ListTexts(
        QT_TRANSLATE_NOOP("Exporting", "People"),
        QT_TRANSLATE_NOOP("Exporting", "Export the people list"),
        QT_TRANSLATE_NOOP("Exporting", "Exporting people"),
        QT_TRANSLATE_NOOP("Exporting", "Writing {done:,} of 1 person…"),
        QT_TRANSLATE_NOOP("Exporting", "Writing {done:,} of {total:,} people…"),
        QT_TRANSLATE_NOOP("Exporting", "The list of 1 person was saved as {path}."),
        QT_TRANSLATE_NOOP("Exporting", "The list of {count:,} people was saved as {path}.")),
    "interactions": ListTexts(
        QT_TRANSLATE_NOOP("Exporting", "Interactions"),
        QT_TRANSLATE_NOOP("Exporting", "Export the interactions list"),
        QT_TRANSLATE_NOOP("Exporting", "Exporting interactions"),
        QT_TRANSLATE_NOOP("Exporting", "Writing {done:,} of 1 interaction…"),
        QT_TRANSLATE_NOOP("Exporting", "Writing {done:,} of {total:,} interactions…"),
        QT_TRANSLATE_NOOP("Exporting", "The list of 1 interaction was saved as {path}."),
        QT_TRANSLATE_NOOP("Exporting", "The list of {count:,} interactions was saved as {path}.")),
    "followups": ListTexts(
        QT_TRANSLATE_NOOP("Exporting", "Follow-ups"),
        QT_TRANSLATE_NOOP("Exporting", "Export the follow-ups list"),
        QT_TRANSLATE_NOOP("Exporting", "Exporting follow-ups"),
        QT_TRANSLATE_NOOP("Exporting", "Writing {done:,} of 1 follow-up…"),
        QT_TRANSLATE_NOOP("Exporting", "Writing {done:,} of {total:,} follow-ups…"),
        QT_TRANSLATE_NOOP("Exporting", "The list of 1 follow-up was saved as {path}."),
        QT_TRANSLATE_NOOP("Exporting", "The list of {count:,} follow-ups was saved as {path}.")),
}


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
                                                translate("Exporting", "Excel workbook (*.xlsx)"))
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
            messages.warning(parent, translate("Exporting", "Export failed"),
                             translate("Exporting", "Liaison could not save {path} ({problem}); "
                                                    "no file was written.").format(
                                 path=path, problem=exc.strerror or exc))
        else:
            raise exc

    job = Job(parent, title, steps,
              lambda step: (step.done, step.total, translate("Exporting", "Saving the file…")
                            if step.stage in ("saving", "done") else describe(step)),
              on_success=lambda step: messages.info(parent, translate("Exporting",
                                                                      "Export finished"),
                                                    done_text(step)),
              on_failure=failed)
    return context.start(job)


def export_list(context: AppContext, parent: QWidget, kind: str, filters: ViewFilter,
                sort: str | None, descending: bool) -> Job | None:
    """Export the `kind` list with exactly these filters and this order: what the screen
    shows, every row of it (not only the rows scrolled to)."""
    from db.exchange.export.views import write_view

    texts = LIST_TEXTS[kind]
    path = ask_export_path(parent, translate("Exporting", texts.caption),
                           file_name(translate("Exporting", texts.name)))
    database = context.database

    def writing(step: ExportProgress) -> str:
        if step.total == 1:
            return translate("Exporting", texts.writing_one).format(done=step.done)
        return translate("Exporting", texts.writing).format(done=step.done, total=step.total)

    def saved(step: ExportProgress) -> str:
        if step.done == 1:
            return translate("Exporting", texts.saved_one).format(path=path)
        return translate("Exporting", texts.saved).format(count=step.done, path=path)

    return run_export(
        context, parent, translate("Exporting", texts.title), path,
        lambda cancelled: write_view(database, path, kind, filters, sort, cancelled,
                                     descending=descending),
        writing, saved)


def export_dossier(context: AppContext, parent: QWidget, organization_id: str,
                   name: str) -> Job | None:
    """Export one organization's dossier: profile, people, timeline and follow-ups."""
    from db.exchange.export.dossier import write_dossier

    path = ask_export_path(parent,
                           translate("Exporting", "Export the dossier of {name}").format(name=name),
                           file_name(translate("Exporting", "{name} dossier").format(name=name)))
    database = context.database

    def writing(step: ExportProgress) -> str:
        known = DOSSIER_STAGES.get(step.stage)
        return (translate("Exporting", known) if known is not None
                else translate("Exporting", "Writing {stage}…").format(stage=step.stage))

    return run_export(
        context, parent, translate("Exporting", "Exporting the dossier"), path,
        lambda cancelled: write_dossier(database, path, organization_id, cancelled),
        writing,
        lambda _step: translate("Exporting", "The dossier of {name} was saved as {path}.").format(
            name=name, path=path))
