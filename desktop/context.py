"""What every screen shares: the open database, the undo stack, the change notice, and the
way to open a record's window. Views get this object; none of them knows the main window."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from db.engine import Database
from db.errors import LiaisonError
from db.services.recording import Actor
from desktop import settings
from desktop.errors import show_problem
from desktop.tasks import Job


class DeleteCommand(QUndoCommand):
    """A soft delete that Ctrl+Z restores (and Ctrl+Shift+Z deletes again)."""

    def __init__(self, context: AppContext, entity: str, record_id: str, label: str,
                 delete: Callable[[], None], restore: Callable[[], None]) -> None:
        super().__init__(f"Delete {label}")
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

    def wait_for_jobs(self) -> None:
        """Before quitting: ask running jobs to stop and wait for them (each rolls back)."""
        for job in list(self.jobs):
            job.runner.cancel.set()
            job.thread.quit()
            job.thread.wait()

    def start(self, job: Job) -> Job:
        """Start a background job and keep it alive until it finishes."""
        self.jobs.append(job)
        job.finished.connect(lambda: self.jobs.remove(job))
        return job.start()

    # -- who is making changes -------------------------------------------------------------
    def actor(self) -> Actor:
        return Actor(who=settings.officer_name(), source="screen")

    def name_preference(self) -> str:
        return settings.name_preference()

    def notify(self, entity: str, record_id: str = "") -> None:
        self.changed.emit(entity, record_id)

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
