"""Record forms built from a field list: each field has an error label right under it, so
validation problems from the services appear beside the field, in the service's words.

A FieldSpec's label and placeholder are marked where the list is written with
QT_TRANSLATE_NOOP("Fields", ...) and translated here, when the form is built."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from db.models.vocabulary import Term
from db.services.reference import CountryInfo
from db.store.errors import Problem
from db.store.translation import CHINESE, language
from desktop.i18n import translate
from desktop.icons import icon

SEARCH_ROLE = Qt.ItemDataRole.UserRole + 20  # what a country box's completer matches


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str  # QT_TRANSLATE_NOOP("Fields", ...): the form translates it
    kind: str = "text"  # text | multiline | choice | country | date | list | year
    choices: Mapping[str, Term] = field(default_factory=dict)
    placeholder: str = ""  # QT_TRANSLATE_NOOP("Fields", ...) too
    required: bool = False
    # Qt's disambiguation of a label that means two things ("Title": an interaction's or a
    # person's), marked with QT_TRANSLATE_NOOP3("Fields", label, note).
    note: str | None = None


class DateField(QWidget):
    """A date that may be empty: typed as people write it (2024-06-27, 27 June 2024,
    2024年6月27日; the fields' normalizer reads it) or picked from a calendar."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(translate("Form", "YYYY-MM-DD"))
        self.edit.setMaximumWidth(140)
        self.edit.textChanged.connect(self.changed)
        button = QToolButton()
        button.setIcon(icon("calendar-days"))
        button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        button.setToolTip(translate("Form", "Pick a date"))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        menu = QMenu(button)
        self.calendar = QCalendarWidget()
        self.calendar.clicked.connect(self._picked)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        layout.addWidget(self.edit)
        layout.addWidget(button)
        layout.addStretch(1)
        self.setFocusProxy(self.edit)

    def _picked(self, value: QDate) -> None:
        self.edit.setText(value.toString("yyyy-MM-dd"))
        menu = self.calendar.parentWidget()
        if isinstance(menu, QMenu):
            menu.close()

    def value(self) -> str | None:
        return self.edit.text().strip() or None

    def set_value(self, value: date | str | None) -> None:
        self.edit.setText(value.isoformat() if isinstance(value, date) else (value or ""))


def choice_box(choices: Mapping[str, Term], *, empty: str | None = "—") -> QComboBox:
    box = QComboBox()
    if empty is not None:
        box.addItem(empty, None)
    for term in choices.values():
        box.addItem(term.label(), term.code)
    return box


def country_box(countries: Sequence[CountryInfo]) -> QComboBox:
    """Type a country's name in English or Chinese, or its code; a completer narrows the list.
    A Chinese interface lists the Chinese names only (English where a country has none); the
    completer still finds a country by any of them (SEARCH_ROLE)."""
    box = QComboBox()
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    box.addItem("", None)
    box.setItemData(0, "", SEARCH_ROLE)
    chinese = language() == CHINESE
    for country in countries:
        box.addItem(country.name_zh or country.name_en if chinese else
                    f"{country.name_en}  {country.name_zh or ''}  ({country.code})", country.code)
        box.setItemData(box.count() - 1,
                        f"{country.name_en}  {country.name_zh or ''}  ({country.code})",
                        SEARCH_ROLE)
    # as wide as a usual name; the longest ("United States Minor Outlying Islands …") would
    # otherwise set the width of every form holding a country, and the list widens itself
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(24)
    completer = QCompleter(box.model(), box)
    completer.setCompletionRole(SEARCH_ROLE)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    box.setCompleter(completer)
    # the completer writes what it matched (every name and the code); show the country's name
    completer.activated.connect(lambda text: QTimer.singleShot(0, box, lambda: _show_found(box, text)))
    return box


def _show_found(box: QComboBox, text: str) -> None:
    index = box.findData(text, SEARCH_ROLE)
    if index >= 0:
        box.setCurrentIndex(index)
        box.setEditText(box.itemText(index))


def combo_value(box: QComboBox) -> Any:
    if box.isEditable():
        text = box.currentText().strip()
        if not text:
            return None
        index = box.findText(text, Qt.MatchFlag.MatchFixedString)
        if index < 0:  # what a country box's completer wrote
            index = box.findData(text, SEARCH_ROLE, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            return box.itemData(index)
        return text  # unknown text goes to the service, which says what is wrong with it
    return box.currentData()


def set_combo_value(box: QComboBox, value: Any) -> None:
    index = box.findData(value)
    box.setCurrentIndex(index if index >= 0 else 0)


class RecordForm(QWidget):
    """Fields laid out in a QFormLayout, each followed by its own error label."""

    changed = Signal()

    def __init__(self, specs: Sequence[FieldSpec], countries: Sequence[CountryInfo] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.specs = list(specs)
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.loaded: dict[str, Any] = {}
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.general_error = self._error_label()
        layout.addRow(self.general_error)
        for spec in self.specs:
            widget = self._make(spec, countries)
            widget.setObjectName(f"field_{spec.key}")
            self.widgets[spec.key] = widget
            error = self._error_label()
            error.setObjectName(f"error_{spec.key}")
            self.errors[spec.key] = error
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(error)
            name = translate("Fields", spec.label, spec.note)
            label = QLabel(translate("Form", "{field} *:").format(field=name) if spec.required
                           else translate("Form", "{field}:").format(field=name))
            label.setBuddy(widget)
            layout.addRow(label, holder)

    @staticmethod
    def _error_label() -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setStyleSheet("color: #b3261e;")
        label.hide()
        return label

    def _make(self, spec: FieldSpec, countries: Sequence[CountryInfo]) -> QWidget:
        if spec.kind == "multiline":
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(70)
            edit.textChanged.connect(self.changed)
            return edit
        if spec.kind == "choice":
            box = choice_box(spec.choices)
            box.currentIndexChanged.connect(self.changed)
            return box
        if spec.kind == "country":
            box = country_box(countries)
            box.currentTextChanged.connect(self.changed)
            return box
        if spec.kind == "date":
            date_field = DateField()
            date_field.changed.connect(self.changed)
            return date_field
        line = QLineEdit()
        if spec.placeholder:
            line.setPlaceholderText(translate("Fields", spec.placeholder))
        elif spec.kind == "list":
            line.setPlaceholderText(translate("Form", "separate with ;"))
        line.textChanged.connect(self.changed)
        if spec.kind == "year":  # a year or a date
            line.setMaximumWidth(180)
        return line

    # -- values ----------------------------------------------------------------------------
    def value(self, key: str) -> Any:
        widget = self.widgets[key]
        spec = next(s for s in self.specs if s.key == key)
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText().strip() or None
        if isinstance(widget, QComboBox):
            return combo_value(widget)
        if isinstance(widget, DateField):
            return widget.value()
        assert isinstance(widget, QLineEdit)
        text = widget.text().strip()
        if spec.kind == "list":
            return [item.strip() for item in text.split(";") if item.strip()]
        return text or None

    def values(self) -> dict[str, Any]:
        return {spec.key: self.value(spec.key) for spec in self.specs}

    def set_values(self, values: Mapping[str, Any]) -> None:
        for spec in self.specs:
            widget = self.widgets[spec.key]
            value = values.get(spec.key)
            widget.blockSignals(True)
            if isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value or "")
            elif isinstance(widget, QComboBox):
                set_combo_value(widget, value)
            elif isinstance(widget, DateField):
                widget.set_value(value)
            elif isinstance(widget, QLineEdit):
                if isinstance(value, list | tuple):
                    widget.setText("; ".join(value))
                else:
                    widget.setText("" if value is None else str(value))
            widget.blockSignals(False)
        self.loaded = self.values()
        self.clear_problems()

    def changed_values(self) -> dict[str, Any]:
        current = self.values()
        return {k: v for k, v in current.items() if self.loaded.get(k) != v}

    def is_dirty(self) -> bool:
        return bool(self.changed_values())

    # -- problems --------------------------------------------------------------------------
    def clear_problems(self) -> None:
        for label in [*self.errors.values(), self.general_error]:
            label.clear()
            label.hide()

    def show_problems(self, problems: Sequence[Problem]) -> None:
        self.clear_problems()
        general: list[str] = []
        first: QWidget | None = None
        for problem in problems:
            label = self.errors.get(problem.field)
            if label is None:
                general.append(problem.message)
                continue
            label.setText(problem.message if not label.text() else label.text() + " " + problem.message)
            label.show()
            first = first or self.widgets[problem.field]
        if general:
            self.general_error.setText(" ".join(general))
            self.general_error.show()
        if first is not None:
            first.setFocus()
