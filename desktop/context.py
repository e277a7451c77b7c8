"""What every screen shares: the open database, the undo stack, the change notice (for this
app's own writes, and — from the change watcher — for colleagues' writes to a shared
database), and the way to open a record's window. Views get this object; none of them knows
the main window."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QWidget

from db.changes.recording import Actor
from db.services.history import history
from db.services.revert import Reverted, revert_change
from db.store.engine import Database
from db.store.errors import LiaisonError
from desktop import settings
from desktop.errors import show_problem
from desktop.i18n import translate
from desktop.tasks import Job
from desktop.watcher import DEFAULT_INTERVAL_MS, ChangeWatcher

# The change log's names for what the change notice calls otherwise.
NOTICE_ENTITIES = {"follow-up": "followup"}
LIFECYCLE = frozenset({"created", "deleted", "restored"})


class DeleteCommand(QUndoCommand):
    """A soft delete that Ctrl+Z restores (and Ctrl+Shift+Z deletes again)."""

    def __init__(self, context: AppContext, entity: str, record_id: str, label: str,
                 delete: Callable[[], None], restore: Callable[[], None]) -> None:
        super().__init__(translate("Context", "Delete {record}").format(record=label))
        self.context = context
        self.entity = entity
        self.record_id = record_id
        self.delete = delete
        self.restore = restore
        self.done_once = False

    def redo(self) -> None:
        if self.done_once:
            self.delete()
        self.done_once = True
        self.context.notify(self.entity, self.record_id)

    def undo(self) -> None:
        self.restore()
        self.context.notify(self.entity, self.record_id)


class RevertCommand(QUndoCommand):
    """A revert from a record's history, already made. Undo takes it back by reverting the
    change the revert logged, and redo by reverting the change that undo logged — each step
    through the same service and its checks, so a field someone changed again meanwhile is
    never overwritten (the user is told, and the step leaves the stack)."""

    def __init__(self, context: AppContext, reverted: Reverted, text: str) -> None:
        super().__init__(text)
        self.context = context
        self.reverted = reverted
        self.fields = LIFECYCLE if reverted.field in LIFECYCLE else frozenset({reverted.field})
        self.logged = self._just_logged()
        self.done_once = False

    def _just_logged(self) -> str | None:
        """The id of the change log row the last step wrote: the record's newest revert of
        the field by this officer (a colleague's later change is never the one taken back)."""
        who = self.context.actor().who
        return next((c.id for c in history(self.context.database, self.reverted.entity_id)
                     if c.field in self.fields and c.who == who
                     and (c.source_detail or "").startswith("revert of")), None)

    def _take_back(self) -> None:
        try:
            if self.logged is None:
                raise LiaisonError(translate("Context", "That change is no longer in the history."))
            revert_change(self.context.database, self.logged, self.context.actor())
        except LiaisonError as exc:
            self.setObsolete(True)  # nothing to take back any more: drop it from the stack
            show_problem(QApplication.activeWindow(), exc)
            return
        self.logged = self._just_logged()
        self.context.notify(self.context.notice_entity(self.reverted.entity),
                            self.reverted.entity_id)

    def redo(self) -> None:
        if self.done_once:
            self._take_back()
        self.done_once = True

    def undo(self) -> None:
        self._take_back()


class AppContext(QObject):
    # entity ("organization", "person", "interaction", "followup", "affiliation", "*"), id or ""
    changed = Signal(str, str)

    def __init__(self, database: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.undo_stack = QUndoStack(self)
        self.windows: dict[tuple[str, str], QWidget] = {}
        self.main_window: QWidget | None = None
        self.jobs: list[Job] = []
        self.new_windows = 0
        self.closed = False
        self.watcher = ChangeWatcher(database, self.start, self)
        self.watcher.changed_elsewhere.connect(lambda: self.changed.emit("*", ""))

    def wait_for_jobs(self) -> None:
        """Ask running jobs to stop and wait for them (each rolls back)."""
        for job in list(self.jobs):
            job.runner.cancel.set()
            job.thread.quit()
            job.thread.wait()

    def close(self) -> None:
        """When the app (or a test) is done with this context: stop watching for colleagues'
        changes, stop every job and wait for its thread — none outlives the windows — and
        drop what they would still report."""
        self.closed = True
        self.watcher.stop()
        for job in list(self.jobs):
            job.stop()
        self.jobs.clear()

    def watch_for_changes(self, interval_ms: int = DEFAULT_INTERVAL_MS) -> None:
        """Refresh every list and page when someone else changes the database (a colleague on
        a shared server, another Liaison on the same file): checked every `interval_ms`."""
        self.watcher.start(interval_ms)

    def start(self, job: Job) -> Job:
        """Start a background job and keep it alive until it finishes. Once the context is
        closed nothing starts: no thread may outlive the windows."""
        if self.closed:
            return job
        self.jobs.append(job)
        job.finished.connect(lambda: self.jobs.remove(job))
        return job.start()

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
               delete: Callable[[], None], restore: Callable[[], None]) -> bool:
        """Run `delete` now (a soft delete) and push it on the undo stack. The caller asks
        the user first. Returns False when the database refused (the user was told why)."""
        try:
            delete()
        except LiaisonError as exc:
            show_problem(parent, exc)
            return False
        self.undo_stack.push(DeleteCommand(self, entity, record_id, label, delete, restore))
        return True

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
        self.undo_stack.push(RevertCommand(self, reverted, text.rstrip("?")))
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
        from desktop.views.organization_page import OrganizationPage

        if organization_id is None:
            return self._show(("organization", self._new_key()),
                              lambda: OrganizationPage(self, None, initial=initial))
        return self._show(("organization", organization_id),
                          lambda: OrganizationPage(self, organization_id))

    def open_person(self, person_id: str | None = None,
                    initial: dict[str, Any] | None = None) -> QWidget:
        from desktop.views.person_page import PersonPage

        if person_id is None:
            return self._show(("person", self._new_key()),
                              lambda: PersonPage(self, None, initial=initial))
        return self._show(("person", person_id), lambda: PersonPage(self, person_id))

    def open_interaction(self, interaction_id: str | None = None, *,
                         organization_ids: Sequence[str] = (),
                         person_ids: Sequence[str] = ()) -> QWidget:
        from desktop.views.interaction_editor import InteractionEditor

        if interaction_id is None:
            return self._show(
                ("interaction", self._new_key()),
                lambda: InteractionEditor(self, None, organization_ids=organization_ids,
                                          person_ids=person_ids))
        return self._show(("interaction", interaction_id),
                          lambda: InteractionEditor(self, interaction_id))

    def open_windows(self) -> list[QWidget]:
        return [w for w in self.windows.values() if w.isVisible()]
