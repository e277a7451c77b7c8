"""File ▸ Merge a travel copy…: pick the other copy, plan the merge in the background, review
it (conflicts settled field by field), merge in one transaction with progress and Cancel, and
see the result with Undo. The rules are in db/merge.py."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from db.changes.freshness import PlanOutdated
from db.merge import (
    MergeCancelled,
    MergePlan,
    MergeProgress,
    MergeResult,
    MergeUndo,
    merge_plan,
    merge_steps,
    undo_merge,
)
from db.store.errors import LiaisonError
from desktop.context import AppContext
from desktop.dialogs.import_wizard.run import ResultPage
from desktop.dialogs.import_wizard.step import NoticeLabel
from desktop.dialogs.merge_review import MergeReview
from desktop.dialogs.undo_import import push_batch_undo
from desktop.errors import show_problem
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.icons import icon
from desktop.jobs.worker import Job
from desktop.messages import messages
from desktop.qtmodels.import_plan import field_name, kind_name

FILE_FILTER = QT_TRANSLATE_NOOP("MergeDialog",
                                "Liaison database (*.sqlite3 *.sqlite *.db);;All files (*)")


def choose_other_copy(parent: QWidget | None) -> str:
    """The open dialog for the other copy; tests replace this. "" when cancelled."""
    path, _filter = QFileDialog.getOpenFileName(parent,
                                                translate("MergeDialog", "Merge a travel copy"),
                                                "", translate("MergeDialog", FILE_FILTER))
    return path


def open_merge_dialog(context: AppContext, parent: QWidget | None) -> MergeDialog | None:
    """Ask for the other copy and open the merge dialog on it (planning starts at once)."""
    path = choose_other_copy(parent)
    if not path:
        return None
    from desktop.dialogs.encryption import unlock_other_copy

    if not unlock_other_copy(Path(path), parent):
        return None
    dialog = MergeDialog(context, path, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.start_plan()
    return dialog


class MergeDialog(QDialog):
    PLANNING, REVIEW, MERGING, RESULT = range(4)

    def __init__(self, context: AppContext, other: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.other = other
        self.plan: MergePlan | None = None
        self.merge_result: MergeResult | None = None
        self.undone: MergeUndo | None = None
        self.job: Job | None = None
        self.outcome = ""  # "planned", "merged", "cancelled", "failed", "undone"
        self.setWindowTitle(translate("MergeDialog", "Merge a travel copy"))
        self.resize(860, 600)

        self.status = QLabel()
        self.status.setObjectName("merge_status")
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("merge_progress")
        working = QWidget()
        working_layout = QVBoxLayout(working)
        working_layout.addSpacing(24)
        working_layout.addWidget(self.status)
        working_layout.addWidget(self.progress)
        working_layout.addStretch(1)

        self.review = MergeReview()
        self.result_text = QLabel()
        self.result_text.setObjectName("merge_result")
        self.result_text.setWordWrap(True)
        self.result_text.setTextFormat(Qt.TextFormat.RichText)
        self.result_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.undo_button = QPushButton(icon("undo-2"), translate("MergeDialog",
                                                                 "&Undo this merge…"))
        self.undo_button.setObjectName("undo_this_merge")
        self.undo_button.clicked.connect(self.undo)
        self.delete_copy_button = QPushButton(icon("trash-2"), translate(
            "MergeDialog", "&Delete the travel copy…"))
        self.delete_copy_button.setObjectName("delete_travel_copy")
        self.delete_copy_button.setToolTip(translate(
            "MergeDialog", "Its changes are in this database now: a copy left on a laptop or a "
                           "memory stick is one more place the records can leak from"))
        self.delete_copy_button.clicked.connect(self.delete_copy)
        finished = QWidget()
        finished_layout = QVBoxLayout(finished)
        finished_layout.addWidget(self.result_text)
        undo_row = QHBoxLayout()
        undo_row.addWidget(self.undo_button)
        undo_row.addWidget(self.delete_copy_button)
        undo_row.addStretch(1)
        finished_layout.addLayout(undo_row)
        finished_layout.addStretch(1)

        self.pages = QStackedWidget()
        self.pages.addWidget(working)  # planning and merging share it
        self.pages.addWidget(self.review)
        self.pages.addWidget(finished)
        self.notice = NoticeLabel()
        self.merge_button = QPushButton(icon("plane-landing"), translate("MergeDialog", "&Merge"))
        self.merge_button.setObjectName("merge_now")
        self.merge_button.setDefault(True)
        self.merge_button.clicked.connect(self.start_merge)
        self.cancel_button = QPushButton(icon("x"), translate("MergeDialog", "&Cancel"))
        self.cancel_button.setObjectName("cancel_merge")
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton(translate("MergeDialog", "C&lose"))
        self.close_button.setObjectName("close_merge")
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        self._buttons(merge=False, cancel=True, close=False)

    def _buttons(self, *, merge: bool, cancel: bool, close: bool) -> None:
        self.merge_button.setVisible(merge)
        self.cancel_button.setVisible(cancel)
        self.cancel_button.setEnabled(cancel)
        self.close_button.setVisible(close)

    @property
    def running(self) -> bool:
        return self.job is not None and self.job.running

    # -- planning -----------------------------------------------------------------------
    def start_plan(self) -> Job:
        database = self.context.database
        other = self.other
        holder: list[Job] = []

        def report(stage: str, done: int, total: int) -> None:
            holder[0].runner.progress.emit(done, total, stage)

        reading = translate("MergeDialog", "Reading both copies…")  # on the UI thread
        done = translate("MergeDialog", "Done.")

        def steps(cancelled: Callable[[], bool]) -> Iterator[Any]:
            yield reading
            yield merge_plan(database, other, cancelled=cancelled, progress=report)

        def describe(step: Any) -> tuple[int, int, str]:
            return (1, 1, done) if isinstance(step, MergePlan) else (0, 0, str(step))

        self.pages.setCurrentIndex(self.PLANNING)
        self.status.setText(translate("MergeDialog", "Comparing this database with {other}… "
                                      "nothing is written yet.").format(other=other))
        self.progress.setRange(0, 0)
        self._buttons(merge=False, cancel=True, close=False)
        job = Job(self, translate("MergeDialog", "Comparing the copies"), steps, describe,
                  on_success=self._planned,
                  on_failure=self._failed, show_dialog=False)
        holder.append(job)
        job.runner.progress.connect(self._progress)
        self.job = job
        self.context.start(job)
        return job

    def _planned(self, plan: MergePlan) -> None:
        self.plan = plan
        self.outcome = "planned"
        self.review.show_plan(plan)
        self.pages.setCurrentIndex(self.REVIEW)
        if plan.errors:
            shown = "\n".join("• " + translate("MergeDialog", "{kind}: {problem}").format(
                kind=kind_name(p.kind), problem=p.message) for p in plan.errors[:10])
            self.notice.show_message(translate(
                "MergeDialog", "The other copy has problems that block the merge; nothing can "
                "be written:") + "\n" + shown)
        can_merge = not plan.errors and (plan.writes or bool(plan.conflicts))
        self._buttons(merge=can_merge, cancel=True, close=not can_merge)
        self.cancel_button.setText(translate("MergeDialog", "&Cancel"))

    def _progress(self, done: int, total: int, stage: str) -> None:
        if self.job is not None and self.job.runner.cancel.is_set():
            return
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
        self.status.setText(translate("MergeDialog", "{stage}: {done:,} of {total:,}").format(
            stage=stage, done=done, total=total) if total else stage)

    # -- merging ------------------------------------------------------------------------
    def start_merge(self) -> Job | None:
        plan = self.plan
        if plan is None or self.running:
            return None
        database = self.context.database
        actor = self.context.actor()
        prefer = self.review.prefer
        resolutions = dict(self.review.resolutions)
        committed: list[MergeResult] = []

        def steps(cancelled: Callable[[], bool]) -> Iterator[MergeProgress]:
            for step in merge_steps(database, plan, actor, prefer=prefer,
                                    resolutions=resolutions, cancelled=cancelled):
                if step.result is not None:
                    committed.append(step.result)
                yield step

        def failed(exc: BaseException) -> None:
            if committed:  # written before Cancel reached it: a merge like any other
                self._merged(committed[0])
            else:
                self._failed(exc)

        self.notice.clear()
        self.pages.setCurrentIndex(self.MERGING)
        self.status.setText(translate("MergeDialog", "Merging {other}… cancelling leaves this "
                                      "database exactly as it was.").format(other=plan.other))
        self.progress.setRange(0, 0)
        self._buttons(merge=False, cancel=True, close=False)
        self.job = Job(self, translate("MergeDialog", "Merging"), steps,
                       lambda s: (s.done, s.total, s.stage),
                       on_success=lambda step: self._merged(step.result), on_failure=failed,
                       show_dialog=False)
        self.job.runner.progress.connect(self._progress)
        self.context.start(self.job)
        return self.job

    def _merged(self, result: MergeResult) -> None:
        self.merge_result = result
        self.outcome = "merged"
        if result.batch_id is not None:
            self.context.notify("*")
            push_batch_undo(self.context, result.batch_id, "merge",
                            self.plan.other if self.plan is not None else self.other)
        self.result_text.setText(self.result_html(result))
        self.undo_button.setVisible(result.batch_id is not None)
        self.undo_button.setEnabled(True)
        self.delete_copy_button.setVisible(self.copy_file() is not None)
        self.delete_copy_button.setEnabled(True)
        self.pages.setCurrentIndex(self.RESULT)
        self._buttons(merge=False, cancel=False, close=True)

    def copy_file(self) -> Path | None:
        """The other copy when it is a file on this computer (not a server)."""
        from db.store.engine import resolve_url, sqlite_path_of

        path = sqlite_path_of(resolve_url(self.other))
        return path if path is not None and path.is_file() else None

    def delete_copy(self) -> bool:
        """After the merge: delete the travel copy (and its key file), once the user agrees."""
        from db.store import cipher

        path = self.copy_file()
        if path is None or not messages.confirm(
                self, translate("MergeDialog", "Delete the travel copy"),
                translate("MergeDialog", "Delete {file}? Its changes are in this database now; "
                                         "Undo this merge does not need it.").format(
                    file=path), yes=translate("MergeDialog", "Delete")):
            return False
        try:
            for extra in (cipher.slot_path(path), Path(f"{path}-wal"), Path(f"{path}-shm")):
                extra.unlink(missing_ok=True)
            path.unlink()
        except OSError as exc:
            show_problem(self, LiaisonError(translate(
                "MergeDialog", "Cannot delete {file}: {reason}.").format(
                file=path, reason=exc.strerror or exc)))
            return False
        cipher.forget(path)
        self.delete_copy_button.setEnabled(False)
        self.delete_copy_button.setText(translate("MergeDialog", "Travel copy deleted"))
        return True

    def result_html(self, result: MergeResult) -> str:
        other = self.plan.other if self.plan is not None else self.other
        if result.batch_id is None:
            text = translate("MergeDialog", "Nothing was written: this copy already had "
                             "everything from <b>{other}</b>.").format(other=other)
        else:
            text = ((translate("MergeDialog", "<b>{other}</b> was merged into this database. 1 "
                               "change from its history was copied.")
                     if result.history_copied == 1 else
                     translate("MergeDialog", "<b>{other}</b> was merged into this database. "
                               "{n:,} changes from its history were copied."))
                    .format(other=other, n=result.history_copied)
                    + "<br><br>" + ResultPage.counts_table(result.counts))
        open_fields = sum(len(r.conflicts) for r in result.open_conflicts)
        if open_fields:
            names = "".join("<li>" + translate("MergeDialog", "{record}: {fields}").format(
                record=r.name, fields=", ".join(field_name(f.field, r.kind) for f in r.conflicts))
                + "</li>" for r in result.open_conflicts[:10])
            text += "<br>" + (translate(
                "MergeDialog", "<b>1 conflict left open</b> (this copy kept its values; the next "
                "merge shows them again):") if open_fields == 1 else translate(
                "MergeDialog", "<b>{n:,} conflicts left open</b> (this copy kept its values; the "
                "next merge shows them again):")).format(n=open_fields) + f"<ul>{names}</ul>"
        else:
            text += "<br>" + translate("MergeDialog", "No conflicts are left open.")
        if result.batch_id is not None:
            text += "<br><small>" + translate("MergeDialog", "Batch {batch}").format(
                batch=result.batch_id) + "</small>"
        return text

    def cancel(self) -> None:
        if self.running and self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(translate("MergeDialog", "Cancelling…"))
        else:
            self.reject()

    def _failed(self, exc: BaseException) -> None:
        self._buttons(merge=False, cancel=False, close=True)
        if isinstance(exc, InterruptedError | MergeCancelled):
            self.outcome = "cancelled"
            self.status.setText(translate("MergeDialog", "Cancelled; nothing was written."))
        elif isinstance(exc, PlanOutdated):  # written to meanwhile: compare again, say why
            self.plan = None
            self.outcome = "replanning"
            self.start_plan()
            self.notice.show_message(exc.message)
        elif isinstance(exc, LiaisonError):
            self.outcome = "failed"
            self.status.setText(translate("MergeDialog", "Nothing was written."))
            self.notice.show_message(exc.message)
        elif isinstance(exc, OSError):  # the file went away, a locked or unreadable file
            self.outcome = "failed"
            self.status.setText(translate("MergeDialog", "Nothing was written."))
            self.notice.show_message(translate(
                "MergeDialog", "Liaison could not read {file} ({reason}).").format(
                file=self.other, reason=exc.strerror or exc))
        else:
            self.outcome = "failed"
            raise exc

    # -- undo ---------------------------------------------------------------------------
    def undo(self) -> Job | None:
        result = self.merge_result
        if result is None or result.batch_id is None or self.undone is not None or self.running:
            return None
        if not messages.confirm(self, translate("MergeDialog", "Undo this merge"),
                                translate("MergeDialog", "Remove the records this merge created "
                                          "and give the records it changed their earlier "
                                          "values? The other copy is not touched."),
                                yes=translate("MergeDialog", "Undo the merge")):
            return None
        database = self.context.database
        actor = self.context.actor()
        batch_id = result.batch_id

        undoing = translate("MergeDialog", "Undoing the merge…")  # on the UI thread
        finished = translate("MergeDialog", "Done.")

        def steps(_cancelled: Callable[[], bool]) -> Iterator[Any]:
            yield undoing
            yield undo_merge(database, batch_id, actor)

        def describe(step: Any) -> tuple[int, int, str]:
            return (1, 1, finished) if isinstance(step, MergeUndo) else (0, 0, str(step))

        def done(undone: MergeUndo) -> None:
            self.undone = undone
            self.outcome = "undone"
            self.context.notify("*")
            text = (translate("MergeDialog", "The merge was undone: 1 record removed, "
                              "{restored:,} restored to their earlier values.")
                    if undone.removed == 1 else
                    translate("MergeDialog", "The merge was undone: {removed:,} records removed, "
                              "{restored:,} restored to their earlier values.")).format(
                removed=undone.removed, restored=undone.restored)
            if undone.kept:
                text += ("\n" + translate("MergeDialog",
                                          "Kept, because they were changed after the merge:")
                         + "\n" + "\n".join(f"• {line}" for line in undone.kept[:10]))
            self.notice.show_message(text, "info")

        def failed(exc: BaseException) -> None:
            self.undo_button.setEnabled(True)
            if isinstance(exc, LiaisonError):
                self.notice.show_message(exc.message)
            elif not isinstance(exc, InterruptedError):
                raise exc

        self.undo_button.setEnabled(False)
        self.job = Job(self, translate("MergeDialog", "Undoing the merge"), steps, describe,
                       on_success=done,
                       on_failure=failed)
        if self.job.dialog is not None:  # one transaction: it cannot stop halfway
            self.job.dialog.setCancelButton(None)
        self.context.start(self.job)
        return self.job

    def reject(self) -> None:
        if self.running:  # Esc while working: cancel first, the job rolls back
            self.cancel()
            return
        super().reject()
