"""Every message the user sees goes through here, so tests can answer and assert them
(see tests/desktop/conftest.py) instead of blocking on a modal box."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.i18n import translate


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
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                          parent)
        accept = box.addButton(yes if yes is not None else translate("Messages", "OK"),
                               QMessageBox.ButtonRole.AcceptRole)
        box.addButton(no if no is not None else translate("Messages", "Cancel"),
                      QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(accept)
        box.exec()
        return box.clickedButton() is accept

    def save_discard_cancel(self, parent: QWidget | None, what: str) -> str:
        """Returns "save", "discard" or "cancel"."""
        box = QMessageBox(QMessageBox.Icon.Question, translate("Messages", "Unsaved changes"),
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
