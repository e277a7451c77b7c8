"""Settings: the officer's name (written into the change history) and which script names show
in first."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop import settings

NAME_CHOICES = (("original", "Original script (as the organization writes it)"),
                ("en", "English"), ("zh", "Chinese 中文"))


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.officer = QLineEdit(settings.officer_name())
        self.officer.setObjectName("officer_name")
        self.officer.setToolTip("Your name as it appears in every record's history")
        self.names = QComboBox()
        self.names.setObjectName("name_preference")
        for code, text in NAME_CHOICES:
            self.names.addItem(text, code)
        self.names.setCurrentIndex(max(0, self.names.findData(settings.name_preference())))
        form.addRow("Your name:", self.officer)
        form.addRow("Show names in:", self.names)
        layout.addLayout(form)
        hint = QLabel("To open another database, start Liaison with <code>--db PATH</code> or "
                      "set <code>LIAISON_DB</code> (a file, or a PostgreSQL server URL).")
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
        super().accept()
