"""The last two pages of the import wizard: the import itself (one transaction on a worker
thread, with progress; Cancel rolls it all back) and the result (counts, a report of the
skipped rows, and Undo)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWizard,
)

from db.exchange.imports.importer import (
    ImportCancelled,
    ImportProgress,
    ImportResult,
    UndoResult,
    apply_steps,
)
from db.store.errors import LiaisonError
from desktop.dialogs.import_wizard.step import NoticeLabel, WizardStep
from desktop.dialogs.undo_import import push_batch_undo, start_undo, undo_text
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.icons import icon
from desktop.jobs.worker import Job
from desktop.messages import messages
from desktop.qtmodels.import_plan import kind_title

if TYPE_CHECKING:
    from desktop.dialogs.import_wizard.wizard import ImportWizard

COUNT_WORDS = ("created", "updated", "unchanged", "skipped")
# The heads of the columns of counts (translated where shown: counts_table).
COUNT_HEADS = {"created": QT_TRANSLATE_NOOP("ImportRun", "created"),
               "updated": QT_TRANSLATE_NOOP("ImportRun", "updated"),
               "unchanged": QT_TRANSLATE_NOOP("ImportRun", "unchanged"),
               "skipped": QT_TRANSLATE_NOOP("ImportRun", "skipped"),
               "deleted": QT_TRANSLATE_NOOP("ImportRun", "deleted")}


class ImportPage(WizardStep):
    def __init__(self, flow: ImportWizard) -> None:
        super().__init__(flow, translate("ImportRun", "Importing"),
                         translate("ImportRun", "Everything is written in one step: cancelling "
                                   "leaves the database exactly as it was."))
        self.setCommitPage(True)  # once imported, there is no going back to change the plan
        self.setButtonText(QWizard.WizardButton.CommitButton, translate("ImportRun", "&Next >"))
        self.status = QLabel()
        self.status.setObjectName("import_status")
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("import_progress")
        self.cancel_button = QPushButton(icon("x"), translate("ImportRun", "&Cancel the import"))
        self.cancel_button.setObjectName("cancel_import")
        self.cancel_button.clicked.connect(self.cancel)
        self.back_button = QPushButton(translate("ImportRun", "&Back to the review"))
        self.back_button.setObjectName("back_to_review")
        self.back_button.clicked.connect(self.back_to_review)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.back_button)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addSpacing(24)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addLayout(row)
        layout.addWidget(self.notice)
        layout.addStretch(1)
        self.job: Job | None = None
        self.outcome = ""  # "running", "done", "cancelled", "failed"

    @property
    def running(self) -> bool:
        return self.job is not None and self.job.running

    def initializePage(self) -> None:
        self.start()

    def start(self) -> Job | None:
        flow = self.flow
        plan = flow.plan
        if plan is None or self.running:
            return self.job
        database = flow.context.database
        actor = flow.context.actor()
        committed: list[ImportResult] = []

        def steps(cancelled: Callable[[], bool]) -> Iterator[ImportProgress]:
            for step in apply_steps(database, plan, actor, cancelled=cancelled):
                if step.result is not None:
                    committed.append(step.result)
                yield step

        def describe(step: ImportProgress) -> tuple[int, int, str]:
            return step.done, step.total, step.stage

        def failed(exc: BaseException) -> None:
            if committed:  # written before Cancel reached it: it is an import like any other
                self._succeeded(committed[0])
            else:
                self._failed(exc)

        self.notice.clear()
        self.outcome = "running"
        total = sum(1 for row in plan.rows if row.action in ("create", "update") or (
            row.action == "delete" and plan.options.apply_deletions))
        self.status.setText((translate("ImportRun", "Importing 1 record from {file}…")
                             if total == 1 else
                             translate("ImportRun", "Importing {n:,} records from {file}…"))
                            .format(n=total, file=plan.file_name))
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.back_button.hide()
        self.job = Job(flow, translate("ImportRun", "Importing"), steps, describe,
                       on_success=lambda step: self._succeeded(step.result), on_failure=failed,
                       show_dialog=False)
        self.job.runner.progress.connect(self._progress)
        flow.context.start(self.job)
        self.completeChanged.emit()
        return self.job

    def _progress(self, done: int, total: int, stage: str) -> None:
        if self.job is not None and self.job.runner.cancel.is_set():
            return
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
        self.status.setText(translate("ImportRun", "{stage}: {done:,} of {total:,}").format(
            stage=stage, done=done, total=total))

    def cancel(self) -> None:
        if self.job is not None and self.running:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(translate(
                "ImportRun", "Cancelling… the records written so far are being taken back."))

    def _succeeded(self, result: ImportResult | None) -> None:
        self.outcome = "done"
        self.flow.imported = result
        self.cancel_button.hide()
        self.flow.context.notify("*")
        if result is not None and self.flow.plan is not None:
            push_batch_undo(self.flow.context, result.batch_id, "import", self.flow.plan.file_name)
        self.completeChanged.emit()
        self.flow.next()

    def _failed(self, exc: BaseException) -> None:
        self.cancel_button.hide()
        self.progress.hide()
        self.back_button.show()
        if isinstance(exc, InterruptedError | ImportCancelled):
            self.outcome = "cancelled"
            self.status.setText(translate("ImportRun",
                                          "The import was cancelled; nothing was written."))
        elif isinstance(exc, LiaisonError):
            self.outcome = "failed"
            self.status.setText(translate("ImportRun", "Nothing was written."))
            self.show_error(exc.message)
            self.flow.plan = None  # the database moved on: check the file again
        else:
            self.outcome = "failed"
            self.completeChanged.emit()
            raise exc
        self.completeChanged.emit()

    def back_to_review(self) -> None:
        flow = self.flow
        if flow.plan is not None:
            flow.back()
            return

        def rebuilt() -> None:
            flow.review_page.initializePage()
            flow.back()

        flow.build_plan(rebuilt)

    def isComplete(self) -> bool:
        return self.outcome == "done"

    def nextId(self) -> int:
        from desktop.dialogs.import_wizard.common import RESULT

        return RESULT


class ResultPage(WizardStep):
    def __init__(self, flow: ImportWizard) -> None:
        super().__init__(flow, translate("ImportRun", "Import finished"),
                         translate("ImportRun", "The lists and record windows show the imported "
                                   "records now."))
        self.summary = QLabel()
        self.summary.setObjectName("result_summary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.counts = QLabel()
        self.counts.setObjectName("result_counts")
        self.counts.setTextFormat(Qt.TextFormat.RichText)
        self.report_button = QPushButton(icon("download"),
                                         translate("ImportRun", "&Save a report of skipped rows…"))
        self.report_button.setObjectName("save_report")
        self.report_button.clicked.connect(
            self.save_report)
        self.undo_button = QPushButton(icon("undo-2"), translate("ImportRun",
                                                                 "&Undo this import…"))
        self.undo_button.setObjectName("undo_this_import")
        self.undo_button.clicked.connect(self.undo)
        buttons = QHBoxLayout()
        buttons.addWidget(self.report_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        self.undo_note = NoticeLabel()
        self.batch = QLabel()
        self.batch.setObjectName("batch")
        self.batch.setWordWrap(True)
        self.batch.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addSpacing(6)
        layout.addWidget(self.counts)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addWidget(self.undo_note)
        layout.addStretch(1)
        layout.addWidget(self.batch)
        self.undo_job: Job | None = None
        self.undone: UndoResult | None = None

    def initializePage(self) -> None:
        # Written: Finish closes the window, there is nothing left to cancel.
        self.flow.setOption(QWizard.WizardOption.NoCancelButton, True)
        result = self.flow.imported
        plan = self.flow.plan
        if result is None or plan is None:
            return
        self.summary.setText(translate("ImportRun", "<b>{file}</b> was imported: {summary}.")
                             .format(file=plan.file_name, summary=plan.summary()))
        self.counts.setText(self.counts_table(result.counts))
        self.batch.setText(translate("ImportRun", "Batch {batch}. Undo it later with File ▸ Undo "
                                     "an import…").format(batch=result.batch_id))
        skipped = any(r.action in ("skip", "error", "conflict") for r in plan.rows)
        self.report_button.setEnabled(skipped or bool(plan.errors or plan.warnings))
        self.undo_button.setEnabled(True)
        self.undo_note.clear()

    @staticmethod
    def counts_table(counts: dict[str, dict[str, int]]) -> str:
        """A table of kinds by what happened to them; “deleted” only when something was."""
        words = COUNT_WORDS + tuple(w for w in ("deleted",)
                                    if any(numbers.get(w) for numbers in counts.values()))
        cells = "".join(f"<th align='right' style='padding: 2px 14px'>"
                        f"{translate('ImportRun', COUNT_HEADS.get(w, w))}</th>" for w in words)
        lines = [f"<tr><th align='left' style='padding: 2px 14px 2px 0'></th>{cells}</tr>"]
        for kind, numbers in counts.items():
            row = "".join(f"<td align='right' style='padding: 2px 14px'>{numbers.get(w, 0):,}"
                          "</td>" for w in words)
            lines.append(f"<tr><td style='padding: 2px 14px 2px 0'>{kind_title(kind)}</td>"
                         f"{row}</tr>")
        return "<table cellspacing='0'>" + "".join(lines) + "</table>"

    def undo(self) -> Job | None:
        result = self.flow.imported
        if result is None or self.undone is not None or (self.undo_job and self.undo_job.running):
            return None
        deleted = any(numbers.get("deleted") for numbers in result.counts.values())
        if not messages.confirm(
                self.flow, translate("ImportRun", "Undo this import"),
                translate("ImportRun", "Remove the records this import created, restore the "
                          "records it deleted and give the records it updated their earlier "
                          "values?") if deleted else
                translate("ImportRun", "Remove the records this import created and give the "
                          "records it updated their earlier values?"),
                yes=translate("ImportRun", "Undo the import")):
            return None
        self.undo_button.setEnabled(False)

        def done(undone: UndoResult) -> None:
            self.undone = undone
            self.undo_note.show_message(undo_text(undone), "info")
            file_name = self.flow.plan.file_name if self.flow.plan else ""
            self.summary.setText(translate("ImportRun", "The import of <b>{file}</b> was "
                                           "undone.").format(file=file_name))
            self.completeChanged.emit()

        def failed(exc: BaseException) -> None:
            self.undo_button.setEnabled(True)
            if isinstance(exc, LiaisonError):
                self.show_error(exc.message)
            elif not isinstance(exc, InterruptedError):
                raise exc

        self.undo_job = start_undo(self.flow.context, self.flow, result.batch_id, done, failed)
        self.undo_job.finished.connect(self.completeChanged.emit)
        self.completeChanged.emit()
        return self.undo_job

    def isComplete(self) -> bool:
        return not (self.undo_job is not None and self.undo_job.running)

    def nextId(self) -> int:
        return -1
