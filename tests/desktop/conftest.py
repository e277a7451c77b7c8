"""Fixtures for widget tests: a real SQLite file, an AppContext on it, and the message bridge
replaced by a recorder that answers questions the way the test says."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from db.store.engine import Database
from desktop import messages as messages_module
from desktop.context import AppContext
from desktop.dialogs import conflict
from desktop.dialogs.conflict import FieldConflict
from desktop.windows.record_pages import new_context


@dataclass
class RecordedMessages:
    """Stands in for desktop.messages.messages. Tests set the answers and read what was shown."""

    confirm_answer: bool = True
    save_answer: str = "discard"
    shown: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, title, text)

    def warning(self, parent: QWidget | None, title: str, text: str, details: str = "") -> None:
        self.shown.append(("warning", title, text))

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(("info", title, text))

    def confirm(self, parent: QWidget | None, title: str, text: str, *, yes: str = "OK",
                no: str = "Cancel") -> bool:
        self.shown.append(("confirm", title, text))
        return self.confirm_answer

    def save_discard_cancel(self, parent: QWidget | None, what: str) -> str:
        self.shown.append(("unsaved", "Unsaved changes", what))
        return self.save_answer

    def texts(self, kind: str | None = None) -> list[str]:
        return [text for k, _, text in self.shown if kind is None or k == kind]


@dataclass
class RecordedConflicts:
    """Stands in for desktop.dialogs.conflict.ask_about_conflict (for every test, so none can
    wait for a modal dialog nobody answers). `answer` is None (Cancel), a dict of choices, or
    a function of the conflicts returning one of those; `asked` holds each call's conflicts."""

    answer: dict[str, str] | Callable[[list[FieldConflict]], dict[str, str] | None] | None = None
    asked: list[list[FieldConflict]] = field(default_factory=list)

    def __call__(self, parent: QWidget | None, noun: str, conflicts: Sequence[FieldConflict],
                 changes: Sequence[Any]) -> dict[str, str] | None:
        self.asked.append(list(conflicts))
        answer = self.answer
        return answer(list(conflicts)) if callable(answer) else answer

    def last(self) -> dict[str, FieldConflict]:
        return {c.field: c for c in self.asked[-1]}


@pytest.fixture(autouse=True)
def conflicts(monkeypatch: pytest.MonkeyPatch) -> RecordedConflicts:
    recorder = RecordedConflicts()
    monkeypatch.setattr(conflict, "ask_about_conflict", recorder)
    return recorder


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """QSettings go to a temp folder so tests never see the user's window state."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    # desktop.settings uses QSettings("Liaison", "Liaison"), which is NativeFormat: redirect it too
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    yield


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> RecordedMessages:
    recorder = RecordedMessages()
    for name in ("warning", "info", "confirm", "save_discard_cancel"):
        monkeypatch.setattr(messages_module.messages, name, getattr(recorder, name))
    return recorder


@pytest.fixture
def context(sqlite_db: Database, qapp: object, recorded: RecordedMessages) -> Iterator[AppContext]:
    ctx = new_context(sqlite_db)
    yield ctx
    for window in list(ctx.windows.values()):
        window.close()
    ctx.close()  # no job's thread may outlive the test (nor report into the next one)


@pytest.fixture
def wizard(context: AppContext, qtbot: QtBot) -> Iterator[Any]:
    """The import wizard, shown, on the test's database; its jobs waited for afterwards."""
    from desktop.dialogs.import_wizard.wizard import ImportWizard

    dialog = ImportWizard(context)
    qtbot.addWidget(dialog)
    dialog.show()
    yield dialog
    context.wait_for_jobs()
