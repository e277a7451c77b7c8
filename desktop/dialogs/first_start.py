"""First start on an empty database: load the starter register, demo data, or start empty."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from db.seed.starter import ATTRIBUTION
from desktop.i18n import QT_TRANSLATE_NOOP, translate

# (code, choice, what it means): the choice is a short radio label; the explanation wraps
# beneath it, so no translation or font makes the dialog wider than the screen.
CHOICES = (
    ("starter", QT_TRANSLATE_NOOP("FirstStart", "Load the starter register of world parties"),
     QT_TRANSLATE_NOOP("FirstStart",
                       "About 2,250 active parties in 200 countries, from Party Facts.")),
    ("demo", QT_TRANSLATE_NOOP("FirstStart", "Load demo data to try Liaison out"),
     QT_TRANSLATE_NOOP("FirstStart",
                       "Invented organizations, people, interactions and follow-ups "
                       "(200 organizations, 2,000 interactions).")),
    ("empty", QT_TRANSLATE_NOOP("FirstStart", "Start with an empty register"),
     QT_TRANSLATE_NOOP("FirstStart", "Add organizations and people yourself.")),
)


def attribution() -> str:
    """The starter register's credit in the interface's language: db.seed.starter marks it
    (context "Seed"); the authors' names and the address stay as they are."""
    return translate("Seed", ATTRIBUTION)


class FirstStartDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("FirstStart", "Welcome to Liaison"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        intro = QLabel(translate("FirstStart", "<h3>This database is empty</h3><p>How would you "
                                               "like to begin?</p>"))
        layout.addWidget(intro)
        self.buttons: dict[str, QRadioButton] = {}
        indent = QRadioButton().sizeHint().width()  # explanations line up with the labels
        for code, text, explanation in CHOICES:
            button = QRadioButton(translate("FirstStart", text))
            button.setObjectName(f"choice_{code}")
            font = button.font()
            font.setBold(True)
            button.setFont(font)
            self.buttons[code] = button
            detail = QLabel(translate("FirstStart", explanation))
            detail.setWordWrap(True)
            detail.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            detail.setContentsMargins(indent, 0, 0, 8)
            detail.setBuddy(button)
            layout.addWidget(button)
            layout.addWidget(detail)
        self.buttons["starter"].setChecked(True)
        credit = QLabel(f"<small>{attribution()}</small>")
        credit.setWordWrap(True)
        layout.addWidget(credit)
        layout.addSpacing(6)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        box.accepted.connect(self.accept)
        layout.addWidget(box)
        # the height its wrapped lines need at this width (not at the narrower one Qt guesses)
        self.resize(self.minimumWidth(), layout.totalHeightForWidth(self.minimumWidth()))

    def choice(self) -> str:
        return next(code for code, button in self.buttons.items() if button.isChecked())
