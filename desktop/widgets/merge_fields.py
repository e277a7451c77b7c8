"""The two records of a merge as its dialog (desktop/dialogs/merge_records.py) shows them:
each record's box — its names in every script, abbreviation, country and when it last
changed — and the grid of the fields whose values differ, one row each with the kept record's
value and the other's as two choices, the newer non-empty one chosen for the user. Texts are
in the dialog's "MergeRecords" context."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QScrollArea,
    QWidget,
)

from db.services.record_merge import FieldChoice
from desktop.i18n import translate
from desktop.naming import display_name
from desktop.readable import EMPTY, date_text, field_label, readable

KEEP, TAKE = 0, 1  # a row's buttons: the kept record's value, the other's


def fill_record_box(box: QGroupBox, kind: str, record: Any, countries: Mapping[str, str],
                    preference: str, title: str) -> None:
    """One record's names, country and last change in `box`, under `title` ({name})."""
    box.setTitle(title.format(name=display_name(record, preference) or record.name))
    old = box.layout()
    if old is not None:
        QWidget().setLayout(old)  # the old layout and its labels go with a throwaway
    form = QFormLayout(box)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    place = "country" if kind == "organization" else "nationality"
    rows: list[tuple[str, str]] = [
        (field_label("name"), record.name),
        (field_label("name_en"), record.name_en or EMPTY),
        (field_label("name_zh"), record.name_zh or EMPTY),
    ]
    if kind == "organization":
        rows.append((field_label("abbreviation"), record.abbreviation or EMPTY))
    code = getattr(record, place)
    rows.append((field_label(place), countries.get(code or "", code or EMPTY)))
    rows.append((translate("MergeRecords", "Last changed"),
                 date_text(record.updated_at.date())))
    for label, value in rows:
        # one line each (a wrapped label in a form is given one line's height and cut);
        # a very long name is shortened, whole in its tooltip
        shown = QLabel(value if len(value) <= 70 else value[:69] + "…")
        if len(value) > 70:
            shown.setToolTip(value)
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(translate("MergeRecords", "{field}:").format(field=label), shown)


def value_text(name: str, value: Any, countries: Mapping[str, str]) -> str:
    if name in ("country", "nationality") and isinstance(value, str):
        return countries.get(value, value)
    text = readable(value, name)
    return text if len(text) <= 120 else text[:117] + "…"


class FieldChoices(QScrollArea):
    """The fields whose values differ, a row each: the field, the kept record's value and the
    other's, one of them chosen. Scrolls when there are many."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups: dict[str, QButtonGroup] = {}
        self.holder = QWidget()
        self.grid = QGridLayout(self.holder)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(16)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(self.holder)
        self.setMinimumHeight(120)

    def show_fields(self, fields: Sequence[FieldChoice], survivor: Any, other: Any,
                    countries: Mapping[str, str], preference: str) -> None:
        """A row for each field (none: an empty grid), headed by the two records' names."""
        grid = self.grid
        while grid.count():
            item = grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.groups = {}
        if not fields:
            return
        for column, record in ((1, survivor), (2, other)):
            head = QLabel(f"<b>{html.escape(display_name(record, preference) or record.name)}</b>")
            head.setTextFormat(Qt.TextFormat.RichText)
            grid.addWidget(head, 0, column)
        for row, choice in enumerate(fields, start=1):
            grid.addWidget(QLabel(translate("MergeRecords", "{field}:").format(
                field=field_label(choice.field))), row, 0)
            group = QButtonGroup(self)
            for number, value in ((KEEP, choice.survivor), (TAKE, choice.other)):
                button = QRadioButton(value_text(choice.field, value, countries))
                button.setObjectName(f"{choice.field}_{'kept' if number == KEEP else 'other'}")
                full = readable(value, choice.field)
                if full != button.text():
                    button.setToolTip(full)
                group.addButton(button, number)
                grid.addWidget(button, row, 1 + number)
            group.button(KEEP if choice.default == "survivor" else TAKE).setChecked(True)
            self.groups[choice.field] = group
        grid.setRowStretch(len(fields) + 1, 1)

    def choices(self) -> dict[str, str]:
        return {name: "other" if group.checkedId() == TAKE else "survivor"
                for name, group in self.groups.items()}

    def choose(self, field: str, which: str) -> None:
        """Keep the kept record's value of `field` ("survivor") or take the other's."""
        self.groups[field].button(TAKE if which == "other" else KEEP).setChecked(True)
