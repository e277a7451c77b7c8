"""What every screen shares: the open database and its one worker thread (every background
job and the poll for colleagues' changes run there), the undo stacks (desktop.undo), the
change notice (for this app's own writes, and — from the change watcher — for colleagues'
writes to a shared database), and the way to open a record's window. Views get this object;
none of them knows the main window."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoGroup, QUndoStack
from PySide6.QtWidgets import QApplication, QWidget

from db.changes.recording import Actor
from db.services.revert import Reverted, revert_change
from db.store.engine import Database
from db.store.errors import LiaisonError
from desktop import settings
from desktop.errors import show_problem
from desktop.jobs.watcher import DEFAULT_INTERVAL_MS, ChangeWatcher
from desktop.jobs.worker import Answer, DatabaseWorker, Job
from desktop.undo import BatchCommand, DeleteCommand, RevertCommand

# The change log's names for what the change notice calls otherwise.
NOTICE_ENTITIES = {"follow-up": "followup"}


class RecordPages(Protocol):
    """Makes the window of one record; the application gives the context one (the pages
    live above the context, which never imports them)."""

    def organization(self, context: AppContext, organization_id: str | None,
                     initial: dict[str, Any] | None) -> QWidget: ...

    def person(self, context: AppContext, person_id: str | None,
               initial: dict[str, Any] | None) -> QWidget: ...

    def interaction(self, context: AppContext, interaction_id: str | None,
                    organization_ids: Sequence[str], person_ids: Sequence[str]) -> QWidget: ...

    def visit(self, context: AppContext, visit_id: str | None,
              initial: dict[str, Any] | None) -> QWidget: ...

    def event(self, context: AppContext, event_id: str | None,
              initial: dict[str, Any] | None) -> QWidget: ...


class AppContext(QObject):
    # entity ("organization", "person", "interaction", "followup", "affiliation", "*"), id or ""
    changed = Signal(str, str)

    def __init__(self, database: Database, pages: RecordPages,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.pages = pages
        # The main window's stack (deletions, imports, merges of copies); each record window
        # adds its own (`register_stack`). The group follows the window that has the focus.
        self.undo_group = QUndoGroup(self)
        self.undo_stack = QUndoStack(self)
        self.register_stack(self.undo_stack)
        self.undo_group.setActiveStack(self.undo_stack)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)
        self.worker = DatabaseWorker(self)
        self.windows: dict[tuple[str, str], QWidget] = {}
        self.main_window: QWidget | None = None
        self.jobs: list[Job] = []
        self.new_windows = 0
        self.closed = False
        self.watcher = ChangeWatcher(database, self.start, self)
        self.watcher.changed_elsewhere.connect(lambda: self.changed.emit("*", ""))

    def wait_for_jobs(self) -> None:
        """Ask running jobs to stop and wait until the worker has been through them (each
        rolls back); what they report arrives on the UI thread's event loop afterwards."""
        for job in list(self.jobs):
            job.runner.cancel.set()
        self.worker.drain()

    def close(self) -> None:
        """When the app (or a test) is done with this context: stop watching for colleagues'
        changes, stop every job and wait for its thread — none outlives the windows — and
        drop what they would still report."""
        self.closed = True
        self.watcher.stop()
        for job in list(self.jobs):
            job.stop()
        self.jobs.clear()
        self.worker.shutdown()

    def watch_for_changes(self, interval_ms: int = DEFAULT_INTERVAL_MS) -> None:
        """Refresh every list and page when someone else changes the database (a colleague on
        a shared server, another Liaison on the same file): checked every `interval_ms`."""
        self.watcher.start(interval_ms)

    def start(self, job: Job) -> Job:
        """Queue a background job on the database worker and keep it alive until it
        finishes. Once the context is closed nothing starts: no work may outlive the windows."""
        if self.closed:
            return job
        self.jobs.append(job)
        job.finished.connect(lambda: self.jobs.remove(job))
        return job.start(self.worker)

    def query(self, work: Callable[[], Any], success: Callable[[Any], None],
              failure: Callable[[BaseException], None] | None = None) -> Answer | None:
        """A short read (a page of a list) on the database worker: `success` gets its result
        on the UI thread. Once the context is closed nothing runs (None)."""
        if self.closed:
            return None
        return self.worker.query(work, success, failure)

    # -- undo ------------------------------------------------------------------------------
    def register_stack(self, stack: QUndoStack) -> None:
        """A record window's own undo stack joins the group (and leaves it with the window).
        The stack the user just changed (a step pushed, undone or redone) becomes the active
        one, as does the stack of the window that gets the focus."""
        self.undo_group.addStack(stack)
        stack.indexChanged.connect(self._stack_changed)

    def _stack_changed(self, _index: int) -> None:
        stack = self.sender()
        if isinstance(stack, QUndoStack) and stack in self.undo_group.stacks():
            self.undo_group.setActiveStack(stack)

    def stack_for(self, widget: QWidget | None) -> QUndoStack:
        """The undo stack of the window `widget` is in: a record window's own, or the main
        window's for everything else."""
        window = widget.window() if widget is not None else None
        stack = getattr(window, "undo_stack", None)
        return stack if isinstance(stack, QUndoStack) else self.undo_stack

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None:
            return
        stack = self.stack_for(new)
        if stack in self.undo_group.stacks():
            self.undo_group.setActiveStack(stack)

    # -- who is making changes -------------------------------------------------------------
    def actor(self) -> Actor:
        return self.actor_for(self.database)

    @staticmethod
    def actor_for(database: Database) -> Actor:
        """Changes made on screen: the officer's name, and on a team server the server's
        user name beside it."""
        return Actor(who=database.history_name(settings.officer_name()), source="screen")

    def name_preference(self) -> str:
        return settings.name_preference()

    def notify(self, entity: str, record_id: str = "") -> None:
        """Announce a change this app made (so the watcher does not take it for news)."""
        self.watcher.own_write()
        self.changed.emit(entity, record_id)

    @staticmethod
    def notice_entity(entity: str) -> str:
        return NOTICE_ENTITIES.get(entity, entity)

    # -- deleting with undo ----------------------------------------------------------------
    def delete(self, parent: QWidget | None, entity: str, record_id: str, label: str,
               delete: Callable[[], object], restore: Callable[[], object], *,
               stack: QUndoStack | None = None) -> bool:
        """Run `delete` now (a soft delete) and push it on the undo stack of `parent`'s window
        (or `stack`: a record window deleting its own record closes, so the main window's
        holds that step). The caller asks the user first. Returns False when the database
        refused (the user was told why)."""
        try:
            delete()
        except LiaisonError as exc:
            show_problem(parent, exc)
            return False
        (stack or self.stack_for(parent)).push(
            DeleteCommand(self, entity, record_id, label, delete, restore))
        return True

    def push_batch(self, text: str, take_back: Callable[[], object]) -> None:
        """An import or merge of copies just applied: Ctrl+Z in the main window takes it
        back (`take_back` starts the engine's undo of the batch)."""
        self.undo_stack.push(BatchCommand(text, take_back))

    # -- reverting a change from the history ------------------------------------------------
    def revert_change(self, parent: QWidget | None, change_id: str,
                      text: str) -> Reverted | None:
        """Revert one logged change (the caller asks the user first), announce it and push it
        on the undo stack as `text`. None when the database refused (the user was told why:
        changed again since, deleted, …)."""
        try:
            reverted = revert_change(self.database, change_id, self.actor())
        except LiaisonError as exc:
            show_problem(parent, exc)
            return None
        self.notify(self.notice_entity(reverted.entity), reverted.entity_id)
        self.stack_for(parent).push(RevertCommand(self, reverted, text.rstrip("?")))
        return reverted

    # -- record windows --------------------------------------------------------------------
    def _show(self, key: tuple[str, str], make: Callable[[], QWidget]) -> QWidget:
        window = self.windows.get(key)
        if window is None or not window.isVisible():
            window = make()
            self.windows[key] = window
            window.destroyed.connect(lambda *_: self.windows.pop(key, None))
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def _new_key(self) -> str:
        """Every New opens its own window: a running number keeps their keys apart."""
        self.new_windows += 1
        return f"new-{self.new_windows}"

    def open_organization(self, organization_id: str | None = None,
                          initial: dict[str, Any] | None = None) -> QWidget:
        if organization_id is None:
            return self._show(("organization", self._new_key()),
                              lambda: self.pages.organization(self, None, initial))
        return self._show(("organization", organization_id),
                          lambda: self.pages.organization(self, organization_id, None))

    def open_person(self, person_id: str | None = None,
                    initial: dict[str, Any] | None = None) -> QWidget:
        if person_id is None:
            return self._show(("person", self._new_key()),
                              lambda: self.pages.person(self, None, initial))
        return self._show(("person", person_id), lambda: self.pages.person(self, person_id, None))

    def open_interaction(self, interaction_id: str | None = None, *,
                         organization_ids: Sequence[str] = (),
                         person_ids: Sequence[str] = ()) -> QWidget:
        if interaction_id is None:
            return self._show(("interaction", self._new_key()),
                              lambda: self.pages.interaction(self, None, organization_ids,
                                                             person_ids))
        return self._show(("interaction", interaction_id),
                          lambda: self.pages.interaction(self, interaction_id, (), ()))

    def open_visit(self, visit_id: str | None = None,
                   initial: dict[str, Any] | None = None) -> QWidget:
        if visit_id is None:
            return self._show(("visit", self._new_key()),
                              lambda: self.pages.visit(self, None, initial))
        return self._show(("visit", visit_id), lambda: self.pages.visit(self, visit_id, None))

    def open_event(self, event_id: str | None = None,
                   initial: dict[str, Any] | None = None) -> QWidget:
        if event_id is None:
            return self._show(("event", self._new_key()),
                              lambda: self.pages.event(self, None, initial))
        return self._show(("event", event_id), lambda: self.pages.event(self, event_id, None))

    def open_windows(self) -> list[QWidget]:
        return [w for w in self.windows.values() if w.isVisible()]
