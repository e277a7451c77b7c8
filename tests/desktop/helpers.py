"""Small ways to drive record pages the way a user does."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from desktop.jobs.worker import live_workers
from desktop.widgets.form import RecordForm


def wait_until_active(window: Any) -> None:
    """Keyboard shortcuts belong to the active window: wait until the window is it."""
    for _ in range(200):
        if window.isActiveWindow():
            return
        QTest.qWait(10)
    raise AssertionError("the window never became active")


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type like a user: keys for ASCII, and for other scripts (which QTest cannot press)
    the input method committing the text, as a Chinese or Vietnamese keyboard does."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def type_into(qtbot: QtBot, form: RecordForm, key: str, text: str) -> None:
    widget = form.widgets[key]
    if isinstance(widget, QComboBox) and widget.lineEdit() is not None:
        type_text(qtbot, widget.lineEdit(), text)
    elif hasattr(widget, "edit"):  # a DateField
        type_text(qtbot, widget.edit, text)
    else:
        type_text(qtbot, widget, text)


def show_tab(tabs: QTabWidget, title: str) -> None:
    for index in range(tabs.count()):
        if tabs.tabText(index).replace("&", "") == title:
            tabs.setCurrentIndex(index)
            return
    raise AssertionError(f"no tab {title}")


def column_texts(model: Any, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(all_rows(model))]


def all_rows(model: Any) -> int:
    """Wait until a list model holds every row (a paged one reads its pages on the database
    worker as they are asked for); returns how many."""
    settle()
    if hasattr(model, "pages"):
        for row in range(0, model.rowCount(), model.page_size):
            model.record(row)
        settle()
    count: int = model.rowCount()
    return count


def records(model: Any) -> list[Any]:
    """Every record a list model shows, in order."""
    return [model.record(row) for row in range(all_rows(model))]


def wait_for_cancel(cancelled: Callable[[], bool], timeout: float = 10) -> None:
    """Inside a job's steps: block until the user's Cancel reaches the job (the job's cancel
    flag is a threading.Event, whose is_set the steps are given), without polling."""
    event = getattr(cancelled, "__self__", None)
    assert isinstance(event, threading.Event), "the steps were not given a job's cancel flag"
    event.wait(timeout)


def settle() -> None:
    """Let Qt finish what is posted (layouts, deferred updates) and the database worker what
    it was asked (pages of lists, counts) before looking at a window: the answers arrive on
    the event loop and may ask for more, so until the workers are quiet."""
    for _ in range(50):
        for worker in live_workers():
            assert worker.drain(timeout=10), "the database worker is stuck"
        for _ in range(3):
            QApplication.sendPostedEvents()
            QApplication.processEvents()
        if not any(worker.pending for worker in live_workers()):
            return
    raise AssertionError("the database worker never went quiet")
