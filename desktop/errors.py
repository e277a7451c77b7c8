"""Errors split three ways: a validation problem is shown beside its field (forms do that); an
environment problem (locked, read-only, full disk, conflict) is a clear message; a bug opens a
dialog with a copyable report and the app keeps running."""

from __future__ import annotations

import platform
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from db import __version__
from db.store.errors import ConflictError, LiaisonError
from db.store.privacy import scrub
from desktop.i18n import translate
from desktop.messages import messages


def show_problem(parent: QWidget | None, exc: LiaisonError, title: str = "Liaison") -> None:
    if isinstance(exc, ConflictError):
        someone = translate("Errors", "someone")
        details = "\n".join(f"{c.field}: {c.old!r} → {c.new!r} ({c.who or someone}, {c.at})"
                            for c in exc.changes)
        messages.warning(parent, translate("Errors", "Changed by someone else"),
                         translate("Errors", "{problem}\n\nYour edits were not saved. Reload to "
                                             "see the current version, then make your change "
                                             "again.").format(problem=exc.message), details)
        return
    messages.warning(parent, title, exc.message)


class CrashDialog(QDialog):
    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Errors", "Liaison hit an unexpected problem"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        text = QLabel(translate("Errors", "Something went wrong inside Liaison. Your saved data "
                                          "is safe; the last action may not have finished. "
                                          "Please copy this report and send it to the people "
                                          "who look after Liaison."))
        text.setWordWrap(True)
        layout.addWidget(text)
        self.report = QPlainTextEdit(report)
        self.report.setReadOnly(True)
        layout.addWidget(self.report)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(translate("Errors", "Copy report"),
                                 QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report.toPlainText())


def crash_report(kind: type[BaseException], value: BaseException,
                 tb: TracebackType | None) -> str:
    """What the crash dialog shows and copies, exactly: no login name, home folder or URL
    password in it (db/store/privacy.py)."""
    return scrub(f"Liaison {__version__}, Python {sys.version.split()[0]}, "
                 f"{platform.platform()}\n\n"
                 + "".join(traceback.format_exception(kind, value, tb)))


class ExceptionHook(QObject):
    """Routes uncaught exceptions (from slots too) to the crash dialog on the GUI thread."""

    raised = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.raised.connect(self.show)
        self.dialogs: list[CrashDialog] = []

    def __call__(self, kind: type[BaseException], value: BaseException,
                 tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        if isinstance(value, LiaisonError):
            self.raised.emit("\x00" + value.message)
            return
        report = crash_report(kind, value, tb)
        sys.stderr.write(report)
        self.raised.emit(report)

    def show(self, report: str) -> None:
        parent = QApplication.activeWindow()
        if report.startswith("\x00"):
            messages.warning(parent, "Liaison", report[1:])
            return
        dialog = CrashDialog(report, parent)
        self.dialogs.append(dialog)
        dialog.finished.connect(lambda _=0, d=dialog: self.dialogs.remove(d))
        dialog.show()


def install_exception_hook() -> ExceptionHook:
    hook = ExceptionHook()
    sys.excepthook = hook
    return hook
