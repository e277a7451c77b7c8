"""Settings: the officer's name (written into the change history), the interface language, and
which script names show in first."""

from __future__ import annotations

import sys

from PySide6.QtCore import QProcess
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop import settings
from desktop.i18n import LANGUAGE_CHOICES, QT_TRANSLATE_NOOP, chosen_language, translate

NAME_CHOICES = (("original", QT_TRANSLATE_NOOP("Settings",
                                               "Original script (as the organization writes it)")),
                ("en", QT_TRANSLATE_NOOP("Settings", "English")),
                ("zh", QT_TRANSLATE_NOOP("Settings", "Chinese 中文")))


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Settings", "Settings"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.officer = QLineEdit(settings.officer_name())
        self.officer.setObjectName("officer_name")
        self.officer.setToolTip(translate("Settings",
                                          "Your name as it appears in every record's history"))
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, text in LANGUAGE_CHOICES:
            self.language.addItem(translate("Settings", text), code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language())))
        self.names = QComboBox()
        self.names.setObjectName("name_preference")
        for code, text in NAME_CHOICES:
            self.names.addItem(translate("Settings", text), code)
        self.names.setCurrentIndex(max(0, self.names.findData(settings.name_preference())))
        form.addRow(translate("Settings", "Your name:"), self.officer)
        form.addRow(translate("Settings", "Language:"), self.language)
        form.addRow(translate("Settings", "Show names in:"), self.names)
        layout.addLayout(form)
        hint = QLabel(translate(
            "Settings", "Other database files open from File ▸ Open database…; a team's "
            "PostgreSQL server, by starting Liaison with <code>--db URL</code> or setting "
            "<code>LIAISON_DB</code>."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if self.officer.text().strip():
            settings.set_officer_name(self.officer.text())
        settings.set_name_preference(str(self.names.currentData()))
        before = chosen_language(settings.language())
        settings.set_language(str(self.language.currentData()))
        super().accept()
        if chosen_language(settings.language()) != before:
            offer_restart(self.parentWidget())


def offer_restart(parent: QWidget | None) -> bool:
    """The language changes when Liaison starts again: offer to restart now. True when the
    restart was started."""
    answer = QMessageBox.question(
        parent, translate("Settings", "Restart Liaison"),
        translate("Settings", "Liaison speaks the new language from its next start. Restart "
                              "it now? (Your work is saved as you go.)"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes)
    if answer != QMessageBox.StandardButton.Yes:
        return False
    if not QProcess.startDetached(sys.executable, [sys.argv[0], *sys.argv[1:]]):
        return False
    QApplication.quit()
    return True
