"""Noticing colleagues' changes on a shared database: every few seconds a background job reads
when the change log last moved (db.services.history.latest_change — one indexed MAX); when it
moved and this app did not write meanwhile, the watcher says so and the app context tells every
open list and page to refresh.

One check at a time (a slow server never piles them up), never on the UI thread, and `stop`
waits for a running check so nothing outlives the window."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from db.services.history import latest_change
from db.store.engine import Database
from db.store.errors import LiaisonError
from desktop.i18n import translate
from desktop.jobs.worker import Job

DEFAULT_INTERVAL_MS = 5000


class ChangeWatcher(QObject):
    changed_elsewhere = Signal()
    unreachable = Signal(str)  # the check failed: why, in one sentence (it keeps trying)
    reachable = Signal()  # a check succeeded again after failing
    checked = Signal()  # a check came back (with or without news)

    def __init__(self, database: Database, start_job: Callable[[Job], Job],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.start_job = start_job
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.job: Job | None = None
        self.seen: datetime | None = None
        self.baseline = False  # the first check only learns where the log stands
        # Own writes: counted when announced, and settled by the first check that started
        # after them (that check's answer includes them).
        self.own_writes = 0
        self.settled = 0
        self.writes_when_started = 0
        self.last_problem = ""
        self.stopped = False

    @property
    def watching(self) -> bool:
        return self.timer.isActive()

    def start(self, interval_ms: int = DEFAULT_INTERVAL_MS) -> None:
        self.stopped = False
        self.timer.start(interval_ms)
        self.check()

    def stop(self) -> None:
        """Stop checking; wait for a check under way (it only reads)."""
        self.stopped = True
        self.timer.stop()
        if self.job is not None:
            self.job.stop()

    def own_write(self) -> None:
        """This app wrote and announced it: the log's next move is ours, not news."""
        self.own_writes += 1

    def check(self) -> Job | None:
        if self.job is not None and self.job.running:
            return None  # the last check is still waiting for the server
        database = self.database

        def read(_cancelled: Callable[[], bool]) -> Iterator[datetime | None]:
            yield latest_change(database)

        self.writes_when_started = self.own_writes
        self.job = Job(None, translate("Watcher", "Checking for changes"), read, lambda _r: (1, 1, ""),
                       on_success=self._answered, on_failure=self._failed, show_dialog=False)
        return self.start_job(self.job)

    def _answered(self, latest: datetime | None) -> None:
        if self.stopped:
            return  # stopped while the check was under way: the windows are closing
        self.checked.emit()
        ours = self.own_writes > self.settled
        self.settled = self.writes_when_started
        if self.last_problem:
            self.reachable.emit()
        self.last_problem = ""
        if not self.baseline:
            self.baseline = True
            self.seen = latest
            return
        if latest == self.seen:
            return
        self.seen = latest
        if not ours:
            self.changed_elsewhere.emit()

    def _failed(self, exc: BaseException) -> None:
        # A server that is away for a moment is not worth a dialog every few seconds: say it
        # once (the main window shows it in the status bar) and keep trying.
        text = exc.message if isinstance(exc, LiaisonError) else str(exc) or type(exc).__name__
        if text != self.last_problem:
            self.last_problem = text
            self.unreachable.emit(text)
