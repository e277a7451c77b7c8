"""File ▸ Undo an import…: the recent imports into this database, and Undo for one that is
still applied. The import wizard's last page undoes its own import the same way."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.changes.undo import undo_batch
from db.exchange.imports.importer import UndoResult, list_batches
from db.store.errors import LiaisonError
from desktop.context import AppContext
from desktop.errors import show_problem
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.icons import icon
from desktop.jobs.worker import Job
from desktop.messages import messages
from desktop.qtmodels.import_plan import kind_name
from desktop.qtmodels.paged import Column
from desktop.qtmodels.records import RecordListModel
from desktop.widgets.record_table import RecordTable

STATUS_WORDS = {"applied": QT_TRANSLATE_NOOP("UndoImport", "Imported"),
                "undone": QT_TRANSLATE_NOOP("UndoImport", "Undone")}
# What an import did to records of a kind (translated where shown: counts_text).
COUNT_PHRASES = {"created": QT_TRANSLATE_NOOP("UndoImport", "{n:,} created"),
                 "updated": QT_TRANSLATE_NOOP("UndoImport", "{n:,} updated"),
                 "unchanged": QT_TRANSLATE_NOOP("UndoImport", "{n:,} unchanged"),
                 "skipped": QT_TRANSLATE_NOOP("UndoImport", "{n:,} skipped"),
                 "deleted": QT_TRANSLATE_NOOP("UndoImport", "{n:,} deleted")}


def local_time(value: Any) -> str:
    if not isinstance(value, datetime):
        return "" if value is None else str(value)
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def counts_text(counts: Mapping[str, Mapping[str, int]] | None) -> str:
    """{"organizations": {"created": 4, …}} → "organizations: 4 created"."""
    parts = []
    for kind, numbers in (counts or {}).items():
        done = [translate("UndoImport", COUNT_PHRASES[word]).format(n=n) if word in COUNT_PHRASES
                else f"{n:,} {word}" for word, n in numbers.items() if n]
        if done:
            parts.append(translate("UndoImport", "{kind}: {counts}").format(
                kind=kind_name(kind), counts=", ".join(done)))
    return "; ".join(parts) or translate("UndoImport", "nothing written")


def undo_text(result: UndoResult) -> str:
    text = (translate("UndoImport", "The import was undone: 1 record removed, {restored:,} "
                      "restored to their earlier values.") if result.removed == 1 else
            translate("UndoImport", "The import was undone: {removed:,} records removed, "
                      "{restored:,} restored to their earlier values.")).format(
        removed=result.removed, restored=result.restored)
    if result.kept:
        shown = "\n".join(f"• {line}" for line in result.kept[:10])
        more = ("\n" + translate("UndoImport", "… and {n:,} more.").format(
            n=len(result.kept) - 10) if len(result.kept) > 10 else "")
        text += "\n\n" + translate(
            "UndoImport", "Kept, because they were changed after the import:") + f"\n{shown}{more}"
    return text


def start_undo(context: AppContext, parent: QWidget | None, batch_id: str,
               on_done: Callable[[UndoResult], None],
               on_failure: Callable[[BaseException], None] | None = None, *,
               kind: str = "import") -> Job:
    """Undo an import (or a merge of copies: `kind` "merge") on the database worker, in one
    transaction. It cannot be cancelled halfway: the progress window has no Cancel button."""
    database = context.database
    actor = context.actor()
    finished: list[UndoResult] = []

    undoing = (translate("UndoImport", "Undoing the merge…") if kind == "merge" else
               translate("UndoImport", "Undoing the import…"))  # on the UI thread
    done = translate("UndoImport", "Done.")
    title = (translate("UndoImport", "Undoing the merge") if kind == "merge" else
             translate("UndoImport", "Undoing the import"))

    def steps(_cancelled: Callable[[], bool]) -> Iterator[Any]:
        yield undoing
        result = undo_batch(database, batch_id, actor, kind=kind)
        finished.append(result)
        yield result

    def describe(step: Any) -> tuple[int, int, str]:
        return (1, 1, done) if isinstance(step, UndoResult) else (0, 0, str(step))

    def succeeded(result: UndoResult) -> None:
        context.notify("*")
        on_done(result)

    def failed(exc: BaseException) -> None:
        if finished:  # committed before any cancel could reach it
            succeeded(finished[0])
            return
        if on_failure is not None:
            on_failure(exc)
        elif isinstance(exc, LiaisonError):
            show_problem(parent, exc)
        elif not isinstance(exc, InterruptedError):
            raise exc

    job = Job(parent, title, steps, describe,
              on_success=succeeded,
              on_failure=failed)
    if job.dialog is not None:
        job.dialog.setCancelButton(None)
    return context.start(job)


def push_batch_undo(context: AppContext, batch_id: str, kind: str, file_name: str) -> None:
    """Put an import or merge just applied on the main window's undo stack: Ctrl+Z there
    takes the batch back (the main window's status bar says what that did)."""
    text = (translate("UndoImport", "Merge of {file}") if kind == "merge" else
            translate("UndoImport", "Import of {file}")).format(file=file_name)

    def take_back() -> None:
        window = context.main_window

        def done(result: UndoResult) -> None:
            if isinstance(window, QMainWindow):
                window.statusBar().showMessage(
                    translate("UndoImport", "The merge was undone.") if kind == "merge"
                    else undo_text(result), 15000)

        start_undo(context, window, batch_id, done, kind=kind)

    context.push_batch(text, take_back)


def batch_columns() -> list[Column]:
    return [
        Column("at", QT_TRANSLATE_NOOP("Columns", "When"), lambda b: local_time(b["at"])),
        Column("file", QT_TRANSLATE_NOOP("Columns", "File"), lambda b: b["file_name"]),
        Column("who", QT_TRANSLATE_NOOP("Columns", "By"), lambda b: b["who"] or ""),
        Column("status", QT_TRANSLATE_NOOP("Columns", "Status"),
               lambda b: translate("UndoImport", STATUS_WORDS[b["status"]])
               if b["status"] in STATUS_WORDS else b["status"],
               icon=lambda b: icon("check", "#067647") if b["status"] == "applied"
               else icon("undo-2", "#667085")),
        Column("counts", QT_TRANSLATE_NOOP("Columns", "What it did"),
               lambda b: counts_text(b["counts"]),
               tooltip=lambda b: translate("UndoImport", "{counts}\nBatch id: {batch}").format(
                   counts=counts_text(b["counts"]), batch=b["id"])),
    ]


class UndoImportDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(translate("UndoImport", "Undo an import"))
        self.resize(860, 420)
        intro = QLabel(translate("UndoImport", "The imports into this database, newest first. "
                                 "Undoing one removes the records it created and gives the "
                                 "records it updated their earlier values; what was edited since "
                                 "the import is kept and listed."))
        intro.setWordWrap(True)
        self.model = RecordListModel(batch_columns())
        self.table = RecordTable(self.model, self)
        self.table.setObjectName("batches")
        self.table.set_widths(130, 240, 110, 100)
        self.table.set_placeholder(translate("UndoImport",
                                             "Nothing has been imported into this database yet."))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.opened.connect(lambda _batch: self.undo_selected())
        self.undo_button = QPushButton(icon("undo-2"), translate("UndoImport",
                                                                 "&Undo this import…"))
        self.undo_button.setObjectName("undo_import")
        self.undo_button.clicked.connect(self.undo_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.job: Job | None = None
        self.reload()

    def reload(self) -> None:
        try:
            batches = list_batches(self.context.database)
        except LiaisonError as exc:
            show_problem(self, exc)
            batches = []
        self.model.set_records(batches)
        first = next((n for n, b in enumerate(batches) if b["status"] == "applied"), None)
        if first is not None:
            self.table.select_row(first)
        self._update_buttons()

    def selected(self) -> dict[str, Any] | None:
        record = self.table.current_record()
        return record if isinstance(record, dict) else None

    def _update_buttons(self) -> None:
        batch = self.selected()
        busy = self.job is not None and self.job.running
        self.undo_button.setEnabled(batch is not None and batch["status"] == "applied"
                                    and not busy)

    def undo_selected(self) -> Job | None:
        batch = self.selected()
        if batch is None or batch["status"] != "applied" or (self.job and self.job.running):
            return None
        if not messages.confirm(self, translate("UndoImport", "Undo the import"),
                                translate("UndoImport", "Undo the import of {file} ({when}: "
                                          "{counts})?").format(
                                    file=batch["file_name"], when=local_time(batch["at"]),
                                    counts=counts_text(batch["counts"])),
                                yes=translate("UndoImport", "Undo the import")):
            return None

        def done(result: UndoResult) -> None:
            self.reload()
            messages.info(self, translate("UndoImport", "Import undone"), undo_text(result))

        self.job = start_undo(self.context, self, batch["id"], done)
        self.job.finished.connect(self._update_buttons)
        self._update_buttons()
        return self.job
