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
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.exchange.imports.importer import UndoResult, list_batches, undo_import
from db.store.errors import LiaisonError
from desktop.context import AppContext
from desktop.errors import show_problem
from desktop.icons import icon
from desktop.messages import messages
from desktop.qtmodels.paged import Column
from desktop.qtmodels.records import RecordListModel
from desktop.tasks import Job
from desktop.widgets.record_table import RecordTable

STATUS_WORDS = {"applied": "Imported", "undone": "Undone"}


def local_time(value: Any) -> str:
    if not isinstance(value, datetime):
        return "" if value is None else str(value)
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def counts_text(counts: Mapping[str, Mapping[str, int]] | None) -> str:
    """{"organizations": {"created": 4, …}} → "organizations: 4 created"."""
    parts = []
    for kind, numbers in (counts or {}).items():
        done = [f"{n:,} {word}" for word, n in numbers.items() if n]
        if done:
            parts.append(f"{kind}: " + ", ".join(done))
    return "; ".join(parts) or "nothing written"


def undo_text(result: UndoResult) -> str:
    text = (f"The import was undone: {result.removed:,} record"
            f"{'' if result.removed == 1 else 's'} removed, {result.restored:,} restored to "
            "their earlier values.")
    if result.kept:
        shown = "\n".join(f"• {line}" for line in result.kept[:10])
        more = f"\n… and {len(result.kept) - 10} more." if len(result.kept) > 10 else ""
        text += f"\n\nKept, because they were changed after the import:\n{shown}{more}"
    return text


def start_undo(context: AppContext, parent: QWidget, batch_id: str,
               on_done: Callable[[UndoResult], None],
               on_failure: Callable[[BaseException], None] | None = None) -> Job:
    """Undo an import on a worker thread (one transaction). It cannot be cancelled halfway:
    the progress window has no Cancel button."""
    database = context.database
    actor = context.actor()
    finished: list[UndoResult] = []

    def steps(_cancelled: Callable[[], bool]) -> Iterator[Any]:
        yield "Undoing the import…"
        result = undo_import(database, batch_id, actor)
        finished.append(result)
        yield result

    def describe(step: Any) -> tuple[int, int, str]:
        return (1, 1, "Done.") if isinstance(step, UndoResult) else (0, 0, str(step))

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

    job = Job(parent, "Undoing the import", steps, describe, on_success=succeeded,
              on_failure=failed)
    if job.dialog is not None:
        job.dialog.setCancelButton(None)
    return context.start(job)


def batch_columns() -> list[Column]:
    return [
        Column("at", "When", lambda b: local_time(b["at"])),
        Column("file", "File", lambda b: b["file_name"]),
        Column("who", "By", lambda b: b["who"] or ""),
        Column("status", "Status", lambda b: STATUS_WORDS.get(b["status"], b["status"]),
               icon=lambda b: icon("check", "#067647") if b["status"] == "applied"
               else icon("undo-2", "#667085")),
        Column("counts", "What it did", lambda b: counts_text(b["counts"]),
               tooltip=lambda b: f"{counts_text(b['counts'])}\nBatch id: {b['id']}"),
    ]


class UndoImportDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle("Undo an import")
        self.resize(860, 420)
        intro = QLabel("The imports into this database, newest first. Undoing one removes the "
                       "records it created and gives the records it updated their earlier "
                       "values; what was edited since the import is kept and listed.")
        intro.setWordWrap(True)
        self.model = RecordListModel(batch_columns())
        self.table = RecordTable(self.model, self)
        self.table.setObjectName("batches")
        self.table.set_widths(130, 240, 110, 100)
        self.table.set_placeholder("Nothing has been imported into this database yet.")
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.opened.connect(lambda _batch: self.undo_selected())
        self.undo_button = QPushButton(icon("undo-2"), "&Undo this import…")
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
        if not messages.confirm(self, "Undo the import",
                                f"Undo the import of {batch['file_name']} "
                                f"({local_time(batch['at'])}: {counts_text(batch['counts'])})?",
                                yes="Undo the import"):
            return None

        def done(result: UndoResult) -> None:
            self.reload()
            messages.info(self, "Import undone", undo_text(result))

        self.job = start_undo(self.context, self, batch["id"], done)
        self.job.finished.connect(self._update_buttons)
        self._update_buttons()
        return self.job
