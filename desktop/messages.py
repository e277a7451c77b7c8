"""Every message the user sees goes through here, so tests can answer and assert them
(see tests/desktop/conftest.py) instead of blocking on a modal box."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.i18n import translate

# Keys that answer a question only when the user meant to: a question that pops up while the
# user is typing must not take the next letters, or an Enter, as an answer.
SETTLE_MS = 700


class QuestionBox(QMessageBox):
    """A message box no typed key answers by accident. Qt's presses a button on its letter
    without Alt ("s" for &Save), so a user typing in an editor when the box appeared saved
    half-made text. Here letters alone never press a button (Alt+letter still does), and for
    a moment after the box appears only Esc, which cancels, is taken."""

    def showEvent(self, event: QShowEvent) -> None:
        self.shown_for = QElapsedTimer()
        self.shown_for.start()
        super().showEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        modifiers = event.modifiers()
        settled = getattr(self, "shown_for", None) is not None and (
            self.shown_for.elapsed() >= SETTLE_MS)
        if event.key() == Qt.Key.Key_Escape:
            super().keyPressEvent(event)
        elif not settled or (event.text().strip() and not modifiers & (
                Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ControlModifier
                | Qt.KeyboardModifier.MetaModifier)):
            event.accept()  # swallowed: typed ahead, or a letter without Alt
        else:
            super().keyPressEvent(event)


class Messages:
    def warning(self, parent: QWidget | None, title: str, text: str, details: str = "") -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok,
                          parent)
        if details:
            box.setDetailedText(details)
        box.exec()

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def confirm(self, parent: QWidget | None, title: str, text: str, *, yes: str | None = None,
                no: str | None = None) -> bool:
        """Ask; `yes` and `no` name the buttons (“OK” and “Cancel” when not given)."""
        box = QuestionBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.NoButton, parent)
        accept = box.addButton(yes if yes is not None else translate("Messages", "OK"),
                               QMessageBox.ButtonRole.AcceptRole)
        box.addButton(no if no is not None else translate("Messages", "Cancel"),
                      QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(accept)
        box.exec()
        return box.clickedButton() is accept

    def save_discard_cancel(self, parent: QWidget | None, what: str) -> str:
        """Returns "save", "discard" or "cancel"."""
        box = QuestionBox(QMessageBox.Icon.Question, translate("Messages", "Unsaved changes"),
                          translate("Messages", "{what} has changes that are not saved.").format(
                              what=what),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, parent)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return "save"
        if answer == QMessageBox.StandardButton.Discard:
            return "discard"
        return "cancel"


messages = Messages()
