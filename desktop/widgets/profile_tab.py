"""A record page's Profile tab: the form (and what goes under it) in a scroll area no wider
than a form reads well, with Revert and Save under it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import translate
from desktop.icons import icon
from desktop.widgets.form import RecordForm

FORM_WIDTH = 820


class ProfileTab(QWidget):
    def __init__(self, form: RecordForm, extras: Sequence[QWidget] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from field to field
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(4, 0, 12, 0)
        for widget in (form, *extras):
            widget.setMaximumWidth(FORM_WIDTH)
            holder_layout.addWidget(widget)
        holder_layout.addStretch(1)
        scroll.setWidget(holder)
        layout.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.revert_button = QPushButton(icon("undo-2"), translate("ProfileTab", "Re&vert"))
        self.revert_button.setObjectName("revert")
        self.revert_button.setToolTip(translate("ProfileTab", "Put back the saved values"))
        self.save_button = QPushButton(icon("save"), translate("ProfileTab", "&Save"))
        self.save_button.setObjectName("save")
        self.save_button.setToolTip(translate("ProfileTab", "Save (Ctrl+S)"))
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
