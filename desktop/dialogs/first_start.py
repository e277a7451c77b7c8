"""First start on an empty database: load the starter register, demo data, or start empty."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from db.starter import ATTRIBUTION

CHOICES = (
    ("starter", "Load the starter register of world parties (about 2,250 active parties in "
                "200 countries, from Party Facts)"),
    ("demo", "Load demo data to try Liaison out (200 organizations, 2,000 interactions; "
             "invented)"),
    ("empty", "Start with an empty register"),
)


class FirstStartDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Welcome to Liaison")
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel("<h3>This database is empty</h3><p>How would you like to begin?</p>")
        layout.addWidget(intro)
        self.buttons: dict[str, QRadioButton] = {}
        for code, text in CHOICES:
            button = QRadioButton(text)
            button.setObjectName(f"choice_{code}")
            self.buttons[code] = button
            layout.addWidget(button)
        self.buttons["starter"].setChecked(True)
        credit = QLabel(f"<small>{ATTRIBUTION}</small>")
        credit.setWordWrap(True)
        layout.addWidget(credit)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        box.accepted.connect(self.accept)
        layout.addWidget(box)

    def choice(self) -> str:
        return next(code for code, button in self.buttons.items() if button.isChecked())
