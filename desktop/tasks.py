"""Long work off the UI thread: a plain generator from `db` that yields progress runs on a
worker thread; a progress dialog shows it and can cancel; results come back on the UI thread.

Cancelling closes the generator, which leaves its transaction by rolling back: nothing
half-written remains."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from db.store.errors import LiaisonError
from desktop.errors import show_problem
from desktop.i18n import translate

StepsFactory = Callable[[Callable[[], bool]], Iterator[Any]]
Describe = Callable[[Any], tuple[int, int, str]]


class _Runner(QObject):
    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, steps: StepsFactory, describe: Describe) -> None:
        super().__init__()
        self.steps = steps
        self.describe = describe
        self.cancel = threading.Event()

    @Slot()
    def run(self) -> None:
        generator = None
        try:
            generator = self.steps(self.cancel.is_set)
            last = None
            for last in generator:
                self.progress.emit(*self.describe(last))
                if self.cancel.is_set():
                    if getattr(last, "result", None) is not None:
                        continue  # the final step came after the commit: let it finish
                    generator.close()  # rolls the transaction back
                    raise InterruptedError(translate("Tasks", "Cancelled; nothing was written."))
            self.succeeded.emit(last)
        except BaseException as exc:  # handed to the UI thread, which decides
            if generator is not None:
                generator.close()
            self.failed.emit(exc)


class Job(QObject):
    """One background job with an optional progress dialog. Keep a reference until finished."""

    finished = Signal()

    def __init__(self, parent: QWidget | None, title: str, steps: StepsFactory,
                 describe: Describe, *, on_success: Callable[[Any], None] | None = None,
                 on_failure: Callable[[BaseException], None] | None = None,
                 show_dialog: bool = True) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.on_success = on_success
        self.on_failure = on_failure
        self.error: BaseException | None = None
        self.result: Any = None
        self.forgotten = False
        self.ended = False  # finished was emitted
        self.thread = QThread()
        self.runner = _Runner(steps, describe)
        self.runner.moveToThread(self.thread)
        self.thread.started.connect(self.runner.run)
        self.runner.progress.connect(self._progress)
        self.runner.succeeded.connect(self._succeeded)
        self.runner.failed.connect(self._failed)
        self.dialog: QProgressDialog | None = None
        if show_dialog:
            self.dialog = QProgressDialog(title, translate("Tasks", "Cancel"), 0, 0, parent)
            self.dialog.setWindowTitle(title)
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(300)
            self.dialog.setAutoClose(False)
            self.dialog.setAutoReset(False)
            self.dialog.canceled.connect(self.cancel)

    def start(self) -> Job:
        self.thread.start()
        return self

    def cancel(self) -> None:
        self.runner.cancel.set()
        if self.dialog is not None:
            self.dialog.setLabelText(translate("Tasks", "Cancelling…"))

    @property
    def running(self) -> bool:
        return self.thread.isRunning()

    def stop(self) -> None:
        """Ask the work to stop, wait for its thread, and drop whatever it still reports:
        the windows it was working for are going away."""
        self.forgotten = True
        self.runner.cancel.set()
        self._finish()

    def _progress(self, done: int, total: int, text: str) -> None:
        if self.dialog is not None and not self.runner.cancel.is_set():
            self.dialog.setMaximum(max(total, 1))
            self.dialog.setValue(min(done, max(total, 1)))
            self.dialog.setLabelText(text)

    def _finish(self) -> None:
        self.thread.quit()
        self.thread.wait()
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.close()
        if not self.ended:
            self.ended = True
            self.finished.emit()

    def _succeeded(self, result: Any) -> None:
        if self.forgotten:
            return
        self.result = result
        self._finish()
        if self.on_success is not None:
            self.on_success(result)

    def _failed(self, exc: BaseException) -> None:
        if self.forgotten:
            return
        self.error = exc
        self._finish()
        if self.on_failure is not None:
            self.on_failure(exc)
        elif isinstance(exc, InterruptedError):
            return
        elif isinstance(exc, LiaisonError):
            show_problem(self.parent_widget, exc)
        else:
            raise exc
