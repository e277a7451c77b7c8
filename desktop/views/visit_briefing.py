"""A visit's briefing pack from its page: Save briefing as PDF… and Print briefing….

The pack is read (db.services.briefing: the programme and a profile of every counterpart) on
the database worker, so the window stays responsive while the profiles are gathered; Qt then
lays it out and writes it on the UI thread (QTextDocument and the printer are not for other
threads), under a busy cursor. The pack holds the visit as saved."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow

from db.services.briefing import Briefing, briefing_of
from db.store.errors import LiaisonError
from desktop import settings
from desktop.briefing import print_briefing, write_pdf
from desktop.context import AppContext
from desktop.errors import show_problem
from desktop.i18n import translate
from desktop.jobs.worker import Answer
from desktop.messages import messages


def pdf_name(title: str) -> str:
    """“Briefing – Delegation to Hanoi.pdf”: a name every file system accepts."""
    safe = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "-", title).strip(" .-") or "Liaison"
    return translate("VisitPage", "Briefing – {title}.pdf").format(title=safe[:120])


def ask_pdf_path(parent: QMainWindow, title: str) -> str:
    """The save dialog, opened in the last export folder; tests replace this. "" when the
    user cancels."""
    suggested = str(settings.export_folder() / pdf_name(title))
    path, _filter = QFileDialog.getSaveFileName(
        parent, translate("VisitPage", "Save the briefing pack"), suggested,
        translate("VisitPage", "PDF document (*.pdf)"))
    if path and not path.lower().endswith(".pdf"):
        path += ".pdf"
    return path


def ask_printer(parent: QMainWindow) -> QPrinter | None:
    """The print dialog; tests replace this. None when the user cancels."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


def _with_pack(context: AppContext, window: QMainWindow, visit_id: str,
               then: Callable[[Briefing], None]) -> Answer | None:
    """Read the pack on the worker, then hand it to `then` on the UI thread."""
    database = context.database
    QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    window.statusBar().showMessage(translate("VisitPage", "Gathering the briefing pack…"))

    def done(pack: Briefing) -> None:
        try:
            then(pack)
        finally:
            QGuiApplication.restoreOverrideCursor()

    def failed(exc: BaseException) -> None:
        QGuiApplication.restoreOverrideCursor()
        window.statusBar().clearMessage()
        if isinstance(exc, LiaisonError):
            show_problem(window, exc)
        else:
            raise exc

    return context.query(lambda: briefing_of(database, visit_id), done, failed)


def save_briefing_pdf(context: AppContext, window: QMainWindow, visit_id: str,
                      title: str) -> Answer | None:
    path = ask_pdf_path(window, title)
    if not path:
        return None
    target = Path(path).expanduser()
    settings.set_export_folder(target.resolve().parent)

    def write(pack: Briefing) -> None:
        try:
            warning = write_pdf(pack, target)
        except LiaisonError as exc:
            window.statusBar().clearMessage()
            show_problem(window, exc)
            return
        window.statusBar().showMessage(translate(
            "VisitPage", "The briefing pack was saved as {path}.").format(path=target), 10000)
        if warning:
            messages.warning(window, translate("VisitPage", "Briefing pack"), warning)

    return _with_pack(context, window, visit_id, write)


def print_briefing_pack(context: AppContext, window: QMainWindow,
                        visit_id: str) -> Answer | None:
    printer = ask_printer(window)
    if printer is None:
        return None

    def send(pack: Briefing) -> None:
        warning = print_briefing(pack, printer)
        window.statusBar().showMessage(translate("VisitPage", "The briefing pack was sent to "
                                                              "the printer."), 10000)
        if warning:
            messages.warning(window, translate("VisitPage", "Briefing pack"), warning)

    return _with_pack(context, window, visit_id, send)
