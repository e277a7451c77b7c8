"""The organizations list: a row of filters above a lazily loaded table.
Filtering and sorting happen in SQL; the table holds only the pages the user has looked at."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from db.changes.dates import parse_date
from db.changes.fields import FieldInvalid
from db.changes.recording import Page
from db.models.vocabulary import ORGANIZATION_KINDS, POLITICAL_STATUSES, RELATIONSHIP_LEVELS, Term
from db.services import organizations as service
from db.services import pages
from db.services.organizations import OrganizationFilter, OrganizationRecord
from db.services.tags import list_tags
from desktop.context import AppContext
from desktop.dialogs.merge_records import merge_from_list
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.icons import icon
from desktop.messages import messages
from desktop.naming import chinese, display_name, region_names, tag_label
from desktop.qtmodels.paged import Column, PagedTableModel, Reader
from desktop.widgets.form import DateField, combo_value, country_box
from desktop.widgets.list_state import ListScreen


def _label(vocabulary: dict[str, Term], code: str | None) -> str:
    term = vocabulary.get(code or "")
    return term.label() if term else (code or "")


def _tooltip(vocabulary: dict[str, Term], code: str | None) -> str | None:
    """The tooltip of a vocabulary cell: the whole term, for a cell too narrow for it."""
    term = vocabulary.get(code or "")
    return term.label() if term else None


def organization_columns(preference: str) -> list[Column]:
    return [
        Column("name", QT_TRANSLATE_NOOP("Columns", "Name"), lambda r: display_name(r, preference),
               "name", tooltip=lambda r: "\n".join(r.names)),
        Column("abbreviation", QT_TRANSLATE_NOOP("Columns", "Abbreviation"),
               lambda r: r.abbreviation, "abbreviation"),
        Column("country", QT_TRANSLATE_NOOP("Columns", "Country"),
               lambda r: r.place(chinese(preference))[0] or r.country, "country"),
        Column("region", QT_TRANSLATE_NOOP("Columns", "Region"),
               lambda r: r.place(chinese(preference))[1], "region"),
        Column("kind", QT_TRANSLATE_NOOP("Columns", "Kind"),
               lambda r: _label(ORGANIZATION_KINDS, r.kind), "kind",
               tooltip=lambda r: _tooltip(ORGANIZATION_KINDS, r.kind)),
        Column("status", QT_TRANSLATE_NOOP("Columns", "Status"),
               lambda r: _label(POLITICAL_STATUSES, r.status), "status",
               tooltip=lambda r: _tooltip(POLITICAL_STATUSES, r.status)),
        Column("level", QT_TRANSLATE_NOOP("Columns", "Level"),
               lambda r: _label(RELATIONSHIP_LEVELS, r.level), "level",
               tooltip=lambda r: _tooltip(RELATIONSHIP_LEVELS, r.level)),
        Column("last_contact", QT_TRANSLATE_NOOP("Columns", "Last contact"),
               lambda r: r.last_contact, "last_contact"),
        Column("interaction_count", QT_TRANSLATE_NOOP("Columns", "Interactions"),
               lambda r: r.interaction_count, "interaction_count", align_right=True),
    ]


def _check_list(vocabulary: dict[str, Term] | dict[str, str]) -> QListWidget:
    """Checkable entries: a vocabulary's terms, or values with the text shown for each."""
    widget = QListWidget()
    entries = [(code, item.label() if isinstance(item, Term) else item)
               for code, item in vocabulary.items()]
    for code, text in entries:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, code)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        widget.addItem(item)
    widget.setFrameShape(QFrame.Shape.NoFrame)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    widget.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    widget.setFixedSize(widget.sizeHintForColumn(0) + 12,
                        widget.sizeHintForRow(0) * widget.count() + 4)
    return widget


def _checked(widget: QListWidget) -> tuple[str, ...]:
    return tuple(
        str(widget.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    )


class ChoiceButton(QPushButton):
    """A drop-down list of checkable choices that says what is chosen: “Region: Africa”.
    A click anywhere on a row (or Space) ticks it; the list stays open for more."""

    def __init__(self, title: str, choices: QListWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.choices = choices
        menu = QMenu(self)
        action = QWidgetAction(menu)
        action.setDefaultWidget(choices)
        menu.addAction(action)
        menu.aboutToShow.connect(lambda: choices.setFocus())
        self.setMenu(menu)
        self._ticked: QListWidgetItem | None = None
        choices.itemChanged.connect(self._changed)
        choices.itemClicked.connect(self._clicked)
        self._changed(None)

    def _changed(self, item: QListWidgetItem | None) -> None:
        self._ticked = item  # a click on the tick box itself already ticked it
        names = [self.choices.item(i).text() for i in range(self.choices.count())
                 if self.choices.item(i).checkState() == Qt.CheckState.Checked]
        anything = translate("OrganizationsView", "any")
        shown = anything if not names else names[0] + (f" +{len(names) - 1}" if len(names) > 1
                                                        else "")
        self.setText(translate("OrganizationsView", "{filter}: {choice}").format(
            filter=self.title, choice=shown))
        # a narrow window may squeeze the choice, never the title
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance(self.title) + 40)
        self.setToolTip(translate("OrganizationsView", "{filter}: {choice}").format(
            filter=self.title, choice=", ".join(names) if names else anything))
        font = self.font()
        font.setBold(bool(names))
        self.setFont(font)

    def _clicked(self, item: QListWidgetItem) -> None:
        if self._ticked is not item:
            item.setCheckState(Qt.CheckState.Unchecked if item.checkState() == Qt.CheckState.Checked
                               else Qt.CheckState.Checked)
        self._ticked = None


class FilterPanel(QWidget):
    """Region, kind, status and level (drop-down lists of choices), country, tag and "no
    contact for N months", in one row above the table so the table keeps the window's
    width; the filters combine."""

    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        countries = pages.countries(context.database)
        shown = region_names(countries, context.name_preference())
        self.regions = _check_list({region: shown[region] for region in sorted(shown)})
        self.kinds = _check_list(ORGANIZATION_KINDS)
        self.statuses = _check_list(POLITICAL_STATUSES)
        self.levels = _check_list(RELATIONSHIP_LEVELS)
        self.buttons: list[ChoiceButton] = []
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        self.first_row = QHBoxLayout()  # the view puts its name filter first, its count last
        row = QHBoxLayout()
        rows.addLayout(self.first_row)
        rows.addLayout(row)
        for title, widget, name in (
                (translate("OrganizationsView", "Region"), self.regions, "filter_region"),
                (translate("OrganizationsView", "Kind"), self.kinds, "filter_kind"),
                (translate("OrganizationsView", "Status"), self.statuses, "filter_status"),
                (translate("OrganizationsView", "Level"), self.levels, "filter_level")):
            button = ChoiceButton(title, widget)
            button.setObjectName(name)
            self.buttons.append(button)
            row.addWidget(button)
            widget.itemChanged.connect(lambda _item: self.changed.emit())
        # the levels as they stood on a day: empty means today
        self.level_on_label = QLabel(translate("OrganizationsView", "as of"))
        self.level_on = DateField()
        self.level_on.setObjectName("filter_level_on")
        self.level_on.edit.setPlaceholderText(translate("OrganizationsView", "today"))
        self.level_on.edit.setMaximumWidth(110)
        self.level_on.setToolTip(translate(
            "OrganizationsView", "Filter on the relationship level as it stood on this day "
                                 "(empty: today)"))
        self.level_on_label.setBuddy(self.level_on.edit)
        self.level_on_day: date | None = None
        self.level_on.changed.connect(self._level_on_typed)
        row.addWidget(self.level_on_label)
        row.addWidget(self.level_on)
        # Shown once a level is chosen (it dates the levels): the row stays as narrow as before
        # for a window on half a small screen.
        self.levels.itemChanged.connect(lambda _item: self._show_level_on())
        self._show_level_on()
        self.country = country_box(countries)
        self.country.setObjectName("filter_country")
        typed = self.country.lineEdit()
        assert typed is not None  # country boxes are editable
        typed.setPlaceholderText(translate("OrganizationsView", "Any country"))
        self.country.setMinimumContentsLength(12)
        self.country.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.tag = QComboBox()
        self.tag.setObjectName("filter_tag")
        self.tag.addItem(translate("OrganizationsView", "Any tag"), None)
        for tag in list_tags(context.database):
            self.tag.addItem(f"{tag_label(tag, context.name_preference())} ({tag.usage})",
                             tag.name)
        self.tag.setMinimumContentsLength(10)
        self.tag.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.dormant = QCheckBox(translate("OrganizationsView", "No contact for"))
        self.dormant.setObjectName("filter_dormant")
        self.months = QSpinBox()
        self.months.setRange(1, 240)
        self.months.setValue(12)
        self.months.setSuffix(translate("OrganizationsView", " months"))
        self.clear_button = QPushButton(icon("x"), translate("OrganizationsView", "Clear filters"))
        self.clear_button.setObjectName("clear_filters")
        self.clear_button.clicked.connect(self.clear)
        self.first_row.addWidget(self.country)
        self.first_row.addWidget(self.tag)
        self.first_row.addWidget(self.clear_button)
        row.addSpacing(6)
        row.addWidget(self.dormant)
        row.addWidget(self.months)
        row.addStretch(1)
        self.country.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.tag.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.dormant.toggled.connect(lambda _on: self.changed.emit())
        self.months.valueChanged.connect(lambda _v: self.changed.emit() if self.dormant.isChecked() else None)

    def _show_level_on(self) -> None:
        shown = bool(_checked(self.levels)) or bool(self.level_on.value())
        self.level_on_label.setVisible(shown)
        self.level_on.setVisible(shown)

    def _level_on_typed(self) -> None:
        """A day that is no date is said beside the field (and the filter keeps today's
        levels); a new day filters again."""
        text = self.level_on.value()
        try:
            day = parse_date(text) if text else None
            problem = ""
        except FieldInvalid as exc:
            day, problem = None, exc.message
        self.level_on.edit.setStyleSheet("QLineEdit { border: 1px solid #b3261e; }"
                                         if problem else "")
        self.level_on.edit.setToolTip(problem)
        if day != self.level_on_day:
            self.level_on_day = day
            if self.levels_chosen():
                self.changed.emit()

    def levels_chosen(self) -> bool:
        return bool(_checked(self.levels))

    def filters(self, query: str | None) -> OrganizationFilter:
        country = combo_value(self.country)
        return OrganizationFilter(
            query=query or None,
            regions=_checked(self.regions), kinds=_checked(self.kinds),
            statuses=_checked(self.statuses), levels=_checked(self.levels),
            level_on=self.level_on_day,  # None: today's, the organizations' own level
            countries=(country,) if country else (),
            tag=self.tag.currentData(),
            no_contact_months=self.months.value() if self.dormant.isChecked() else None,
        )

    def check(self, widget: QListWidget, codes: tuple[str, ...]) -> None:
        for i in range(widget.count()):
            item = widget.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in codes
                               else Qt.CheckState.Unchecked)

    def clear(self) -> None:
        self.blockSignals(True)
        for widget in (self.regions, self.kinds, self.statuses, self.levels):
            self.check(widget, ())
        self.country.setCurrentIndex(0)
        self.tag.setCurrentIndex(0)
        self.dormant.setChecked(False)
        self.level_on.set_value(None)
        self.blockSignals(False)
        self.changed.emit()


class OrganizationsView(ListScreen, QWidget):
    timer: QTimer  # a filter change waiting to be applied
    title = "Organizations"
    icon_name = "building-2"
    export_kind = "organizations"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.panel = FilterPanel(context)
        self.query = QLineEdit()
        self.query.setObjectName("organizations_query")
        self.query.setPlaceholderText(translate("OrganizationsView",
                                                "Filter by any name or abbreviation…"))
        self.query.setClearButtonEnabled(True)
        self.count = QLabel()
        self.model = PagedTableModel(organization_columns(context.name_preference()),
                                     self._reader, query=context.query, default_sort="name")
        self.keep: str | None = None  # the record selected when the reload was asked for
        self.model.arrived.connect(self._arrived)
        self.table = QTableView()
        self.table.setObjectName("organizations_table")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # two rows selected: “Merge with…” merges them
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.merge_dialog: QDialog | None = None  # the last “Merge with…” opened
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        for column, width in enumerate(self.column_widths()):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the name takes the rest
        self.table.doubleClicked.connect(self._open_index)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, self.open_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)

        self.panel.first_row.insertWidget(0, self.query, 1)
        self.panel.first_row.addWidget(self.count)
        self.export = self.export_button()
        self.panel.first_row.addWidget(self.export)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.addWidget(self.panel)
        layout.addWidget(self.table, 1)
        chain = [self.query, self.panel.country, self.panel.tag, self.panel.clear_button,
                 self.export, *self.panel.buttons, self.panel.level_on.edit,
                 self.panel.dormant, self.panel.months,
                 self.table]
        for first, second in itertools.pairwise(chain):
            self.setTabOrder(first, second)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(150)
        self.timer.timeout.connect(self.reload)
        self.query.textChanged.connect(lambda _t: self.timer.start())
        self.panel.changed.connect(self.reload)
        context.changed.connect(self._on_changed)
        self.reload()

    def column_widths(self) -> list[int]:
        """Room for the longest usual value of each column in this font (rarer, longer ones
        are elided, with the whole text in the tooltip) and for its title; the dates and
        counts, which are sorted most, also keep room for the sort indicator. The name takes
        what is left."""
        metrics = self.table.fontMetrics()
        titles = self.table.horizontalHeader().fontMetrics()
        samples = ["", "MMMMMM", "Equatorial Guinea", "Americas", "Women's organization",
                   "Extra-parliamentary", "Strategic partner", "2024-12-31", "9,999"]
        widths = []
        for number, (column, sample) in enumerate(zip(self.model.columns, samples, strict=True)):
            indicator = 22 if number >= 7 else 0
            widths.append(max(metrics.horizontalAdvance(sample) + 14,
                              titles.horizontalAdvance(translate("Columns", column.title))
                              + 18 + indicator))
        return widths

    # -- data ------------------------------------------------------------------------------
    def current_filter(self) -> OrganizationFilter:
        return self.panel.filters(self.query.text().strip())

    def _reader(self) -> Reader:
        """Reads pages of what the filters say now (on the worker thread)."""
        database, shown = self.context.database, self.current_filter()
        preference = self.context.name_preference()

        def read(offset: int, limit: int, sort: str | None, descending: bool
                 ) -> Page[OrganizationRecord]:
            # names sort as shown; countries by their name as shown (Chinese in Chinese)
            names = "zh" if sort == "country" and chinese(preference) else preference
            return service.list_organizations(database, shown, sort=sort or "name",
                                              descending=descending, offset=offset,
                                              limit=limit, names=names)
        return read

    def reload(self) -> None:
        self.timer.stop()
        selected = self.selected()
        self.keep = selected.id if selected is not None else None
        self.model.reload(near=self.table.currentIndex().row())

    def _arrived(self) -> None:
        total = self.model.total
        self.count.setText(translate("OrganizationsView", "1 organization") if total == 1 else
                           translate("OrganizationsView", "{n:,} organizations").format(n=total))
        keep, self.keep = self.keep, None
        if keep is not None:
            row = self.model.row_of(keep)
            if row is not None:
                self.table.selectRow(row)

    def _on_changed(self, entity: str, _record_id: str) -> None:
        if entity == "*":  # settings: the names may now show (and sort) in another script
            self.model.columns = organization_columns(self.context.name_preference())
        if entity in ("organization", "interaction", "*"):
            self.reload()

    # -- actions ---------------------------------------------------------------------------
    def selected(self) -> OrganizationRecord | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        record: Any = self.model.record(rows[0].row())
        return record if isinstance(record, OrganizationRecord) else None

    def selected_records(self) -> list[OrganizationRecord]:
        """The selected rows' records in the order they were selected."""
        model = self.table.selectionModel()
        rows = [index.row() for index in model.selectedRows()] if model else []
        found = [self.model.record(row) for row in rows]
        return [r for r in found if isinstance(r, OrganizationRecord)]

    def _context_menu(self, point: QPoint) -> None:
        menu = QMenu(self)
        records = self.selected_records()
        open_action = menu.addAction(icon("external-link"), translate("OrganizationsView", "Open"))
        open_action.triggered.connect(self.open_selected)
        merge = menu.addAction(translate("OrganizationsView", "Merge with…"))
        merge.setObjectName("merge_with")
        merge.setToolTip(translate("OrganizationsView", "Merge the two selected organizations "
                                                        "(or this one with another)"))
        merge.triggered.connect(self.merge_selected)
        merge.setEnabled(len(records) in (1, 2) and not self.context.database.read_only)
        menu.addSeparator()
        delete = menu.addAction(icon("trash-2"), translate("OrganizationsView", "Delete…"))
        delete.triggered.connect(self.delete_selected)
        open_action.setEnabled(bool(records))
        delete.setEnabled(bool(records) and not self.context.database.read_only)
        menu.popup(self.table.viewport().mapToGlobal(point))

    def merge_selected(self) -> None:
        """Two rows selected: merge them (the first kept; the dialog can swap); one: ask
        for the other with the record picker."""
        preference = self.context.name_preference()
        records = [(r.id, display_name(r, preference) or r.name)
                   for r in self.selected_records()][:2]

        def opened(dialog: QDialog) -> None:
            self.merge_dialog = dialog

        merge_from_list(self.context, self, "organization", records, opened)

    def _open_index(self, index: QModelIndex) -> None:
        record = self.model.record(index.row())
        if record is not None:
            self.context.open_organization(record.id)

    def open_selected(self) -> None:
        record = self.selected()
        if record is not None:
            self.context.open_organization(record.id)

    def new_record(self) -> None:
        self.context.open_organization(None)

    def delete_selected(self) -> None:
        record = self.selected()
        if record is None:
            return
        name = display_name(record, self.context.name_preference())
        if not messages.confirm(
                self, translate("OrganizationsView", "Delete organization"),
                translate("OrganizationsView", "Delete {name}? You can undo this with Ctrl+Z.")
                .format(name=name), yes=translate("OrganizationsView", "Delete")):
            return
        db = self.context.database
        actor = self.context.actor()
        self.context.delete(
            self, "organization", record.id, name,
            lambda: service.delete_organization(db, record.id, actor=actor),
            lambda: service.restore_organization(db, record.id, actor=actor))

