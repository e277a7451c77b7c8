"""The top of a record page: the kind's picture, the name large and bold, the other names
beneath it and a line of facts (rich text) — all selectable, all wrapping."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.icons import icon


class RecordHeader(QWidget):
    def __init__(self, icon_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)
        picture = QLabel()
        picture.setPixmap(icon(icon_name).pixmap(40, 40))
        picture.setAlignment(Qt.AlignmentFlag.AlignTop)
        row.addWidget(picture)
        column = QVBoxLayout()
        column.setSpacing(2)
        self.title = QLabel()
        self.title.setObjectName("title")
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.names = QLabel()
        self.names.setObjectName("names")
        self.facts = QLabel()
        self.facts.setObjectName("facts")
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        for label in (self.title, self.names, self.facts):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            column.addWidget(label)
        row.addLayout(column, 1)

    def show_lines(self, title: str, names: str, facts: str) -> None:
        self.title.setText(title)
        self.names.setText(names)
        self.names.setVisible(bool(names))
        self.facts.setText(facts)
