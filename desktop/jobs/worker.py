"""The one database worker, after Anki's CollectionOp/QueryOp: the reads and writes the
interface asks for — the pages of every list, imports, exports, merges, undoing a batch,
counting, the poll for colleagues' changes — run on one thread per open database, in the order
asked. Two of them never race on the database, and each reports back on the UI thread through
the same callbacks: progress, success and failure.

Two kinds of work:
- a *query* (`DatabaseWorker.query`): a short call whose result comes back to a callback on
  the UI thread — a page of a list, say. No dialog, no cancel: a newer query makes the older
  one's answer moot, and the caller drops it.
- a *job* (`Job`): a plain generator from `db` that yields progress; a progress dialog shows
  it and can cancel. Cancelling closes the generator, which leaves its transaction by
  rolling back: nothing half-written remains."""

from __future__ import annotations

import atexit
import threading
import weakref
from collections.abc import Callable, Generator, Iterator
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from db.store.errors import LiaisonError
from desktop.errors import show_problem
from desktop.i18n import translate

StepsFactory = Callable[[Callable[[], bool]], Iterator[Any]]
Describe = Callable[[Any], tuple[int, int, str]]


class _Runner(QObject):
    """Runs one job's steps on the worker thread; its signals reach the UI thread queued."""

    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, steps: StepsFactory, describe: Describe) -> None:
        super().__init__()
        self.steps = steps
        self.describe = describe
        self.cancel = threading.Event()
        self.dropped = False  # the job was stopped before its turn: skip it
        self.started = False
        self.turn = threading.Lock()  # `dropped` and `started` are decided under it
        self.done = threading.Event()
        self.ran_on: int | None = None  # the thread the steps ran on (threading.get_ident)

    @Slot()
    def run(self) -> None:
        with self.turn:
            if self.dropped:
                self.done.set()
                return
            self.started = True
        self.ran_on = threading.get_ident()
        generator = None
        try:
            generator = self.steps(self.cancel.is_set)
            last = None
            for last in generator:
                self.progress.emit(*self.describe(last))
                if self.cancel.is_set():
                    if getattr(last, "result", None) is not None:
                        continue  # the final step came after the commit: let it finish
                    _close(generator)  # rolls the transaction back
                    raise InterruptedError(translate("Tasks", "Cancelled; nothing was written."))
            self.succeeded.emit(last)
        except BaseException as exc:  # handed to the UI thread, which decides
            if generator is not None:
                _close(generator)
            self.failed.emit(exc)
        finally:
            self.done.set()


def _close(steps: Iterator[Any]) -> None:
    """Close a job's generator: its transaction rolls back (a plain iterator has nothing to
    roll back)."""
    if isinstance(steps, Generator):
        steps.close()


class _Executor(QObject):
    """Lives on the worker thread and runs what is queued to it, one at a time."""

    ident: int | None = None  # the worker thread's id (threading.get_ident), once it ran

    @Slot(object)
    def execute(self, work: Callable[[], None]) -> None:
        self.ident = threading.get_ident()
        work()


class DatabaseWorker(QObject):
    """The thread on which one open database's background work runs, in the order asked."""

    _queue = Signal(object)
    _report = Signal(object)  # from the worker thread: a callback to run on the UI thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("Liaison database worker")
        self._executor = _Executor()
        self._executor.moveToThread(self._thread)
        # Queued (the executor lives on the other thread): posted events keep their order.
        self._queue.connect(self._executor.execute, Qt.ConnectionType.QueuedConnection)
        self._report.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self.closed = False
        self._count = threading.Lock()
        self._pending = 0  # submitted and not yet run
        _WORKERS.add(self)

    @property
    def thread_ident(self) -> int | None:
        """The worker thread's id (threading.get_ident), once it ran something."""
        return self._executor.ident

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    @property
    def pending(self) -> int:
        """How many pieces of work are queued or under way."""
        return self._pending

    def submit(self, work: Callable[[], None]) -> None:
        if self.closed:
            return
        if not self._thread.isRunning():
            self._thread.start()  # on first use: a window that runs no job starts no thread
        with self._count:
            self._pending += 1

        def counted() -> None:
            try:
                work()
            finally:
                with self._count:
                    self._pending -= 1

        self._queue.emit(counted)

    def query(self, work: Callable[[], Any], success: Callable[[Any], None],
              failure: Callable[[BaseException], None] | None = None) -> Answer:
        """Run `work` (a short read or write through `db`) on the worker; its result goes to
        `success` on the UI thread. A failure goes to `failure`, or else: the database's own
        refusals (LiaisonError) are shown to the user, anything else is a bug and reaches the
        report dialog. Nothing is reported once the worker is shut down."""
        answer = Answer(success, failure)

        def run() -> None:
            try:
                answer.outcome = (True, work())
            except BaseException as exc:  # handed to the UI thread, which decides
                answer.outcome = (False, exc)
            answer.ready.set()
            self._report.emit(answer.deliver)

        self.submit(run)
        return answer

    @Slot(object)
    def _deliver(self, report: Callable[[], None]) -> None:
        if not self.closed:
            report()

    def drain(self, timeout: float | None = None) -> bool:
        """Block until everything submitted so far has run (what it reports still arrives on
        the UI thread's event loop afterwards). False if `timeout` seconds passed first."""
        if self.closed:
            return True
        reached = threading.Event()
        self.submit(reached.set)
        return reached.wait(timeout)

    def shutdown(self) -> None:
        """Stop taking work, let the job under way end, and wait for the thread: nothing
        outlives the windows. Jobs still waiting for their turn never start."""
        self.closed = True
        self._thread.quit()
        self._thread.wait()


class Answer:
    """What a query will report. The UI thread may wait a moment for it (`wait`): a list
    whose rows come within a few milliseconds then shows them at once, with no flash of
    empty or stale rows; a slower answer arrives through the event loop as usual."""

    def __init__(self, success: Callable[[Any], None],
                 failure: Callable[[BaseException], None] | None) -> None:
        self.success = success
        self.failure = failure
        self.ready = threading.Event()
        self.outcome: tuple[bool, Any] | None = None  # set on the worker before `ready`
        self.delivered = False

    def deliver(self) -> None:
        """On the UI thread, once: hand the outcome to its callback."""
        if self.delivered or self.outcome is None:
            return
        self.delivered = True
        succeeded, value = self.outcome
        if succeeded:
            self.success(value)
        else:
            _failed(value, self.failure)

    def wait(self, seconds: float) -> bool:
        """Deliver now if the answer comes within `seconds` (the worker may be busy with
        something longer: then it comes later, through the event loop)."""
        if self.ready.wait(seconds):
            self.deliver()
            return True
        return False


def _failed(exc: BaseException, failure: Callable[[BaseException], None] | None) -> None:
    if failure is not None:
        failure(exc)
    elif isinstance(exc, LiaisonError):
        show_problem(None, exc)
    else:
        raise exc


_WORKERS: weakref.WeakSet[DatabaseWorker] = weakref.WeakSet()


def live_workers() -> list[DatabaseWorker]:
    """The workers of the contexts not yet closed (tests wait for them to go quiet)."""
    return [worker for worker in _WORKERS if not worker.closed]


@atexit.register
def _shut_down_left_over() -> None:
    """A worker whose context was never closed (a script, a test) must not be running while
    Python exits: Qt would abort the process."""
    for worker in list(_WORKERS):
        if not worker.closed:
            worker.shutdown()


class Job(QObject):
    """One background job with an optional progress dialog, run on the database worker
    (AppContext.start). Keep a reference until finished."""

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
        self.submitted = False
        self.ended = False  # finished was emitted
        self.runner = _Runner(steps, describe)
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

    def start(self, worker: DatabaseWorker) -> Job:
        self.submitted = True
        worker.submit(self.runner.run)
        return self

    def cancel(self) -> None:
        self.runner.cancel.set()
        if self.dialog is not None:
            self.dialog.setLabelText(translate("Tasks", "Cancelling…"))

    @property
    def running(self) -> bool:
        """Asked for and not yet reported back (waiting for its turn, or under way)."""
        return self.submitted and not self.ended

    def stop(self) -> None:
        """Ask the work to stop, wait for it if it is under way (it rolls back), and drop
        whatever it still reports: the windows it was working for are going away."""
        self.forgotten = True
        self.runner.cancel.set()
        with self.runner.turn:
            self.runner.dropped = True
            under_way = self.runner.started
        if under_way:
            self.runner.done.wait()
        self._finish()

    def _progress(self, done: int, total: int, text: str) -> None:
        if self.dialog is not None and not self.runner.cancel.is_set():
            self.dialog.setMaximum(max(total, 1))
            self.dialog.setValue(min(done, max(total, 1)))
            self.dialog.setLabelText(text)

    def _finish(self) -> None:
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
