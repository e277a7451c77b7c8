"""Choosing a day of the visit: where Move to day… puts an item and where Copy day… copies a
day. Each day is offered with its number, date and cities."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from db.services.programme import ProgrammeDay
from desktop.i18n import translate
from desktop.qtmodels.programme import day_text


def day_choice(number: int, day: ProgrammeDay) -> str:
    text = translate("ProgrammeEditor", "Day {number}").format(number=number + 1)
    parts = [text, day_text(day.day)]
    if day.cities:
        parts.append(", ".join(day.cities))
    return "  ·  ".join(parts)


class DayDialog(QDialog):
    """A question (`text`) and the days to choose from (all but `skip`); `chosen()` after
    OK."""

    def __init__(self, parent: QWidget, title: str, text: str, days: Sequence[ProgrammeDay],
                 current: date | None = None, skip: date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("programme_day_dialog")
        label = QLabel(text)
        label.setWordWrap(True)
        self.days = QComboBox()
        self.days.setObjectName("day")
        for number, day in enumerate(days):
            if day.day == skip:
                continue
            # by its ISO text: Qt would turn a date into a QDate
            self.days.addItem(day_choice(number, day), day.day.isoformat())
        if current is not None:
            self.choose(current)
        label.setBuddy(self.days)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.days)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def choose(self, day: date) -> None:
        self.days.setCurrentIndex(max(0, self.days.findData(day.isoformat())))

    def chosen(self) -> date | None:
        value = self.days.currentData()
        return date.fromisoformat(value) if isinstance(value, str) else None
