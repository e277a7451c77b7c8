"""A strip across the top of a window for something the user should act on — the record was
changed or deleted elsewhere — with buttons for what they can do about it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.i18n import translate
from desktop.icons import icon


class Banner(QFrame):
    """A strip above the tabs for a conflict or a deletion, with its actions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#banner { background: #fff4e5; border: 1px solid #e0a24a; "
                           "border-radius: 4px; } #banner QLabel { color: #5f3b00; }")
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        self.icon = QLabel()
        self.icon.setPixmap(icon("triangle-alert", "#b86e00").pixmap(20, 20))
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setObjectName("banner_text")
        row.addWidget(self.icon)
        row.addWidget(self.text, 1)
        self.buttons: list[QPushButton] = []
        self.hide()

    def show_message(self, text: str,
                     actions: Sequence[tuple[str, Callable[[], object]]] = ()) -> None:
        for button in self.buttons:
            button.deleteLater()
        self.buttons = []
        self.text.setText(text)
        layout = self.layout()
        assert isinstance(layout, QHBoxLayout)
        for label, slot in actions:
            button = QPushButton(label)
            button.clicked.connect(slot)
            layout.addWidget(button)
            self.buttons.append(button)
        self.show()


def read_only_record_banner() -> Banner:
    """The strip a record window shows above its tabs when its database is read-only."""
    banner = Banner()
    banner.setObjectName("read_only_banner")
    banner.show_message(translate("ReadOnly", "<b>Read-only.</b> This database cannot be "
                                              "changed, so this record cannot be saved."))
    return banner
