"""The organizations list: filter panel on the left, a lazily loaded table on the right.
Filtering and sorting happen in SQL; the table holds only the pages the user has looked at."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.services import organizations as service
from db.services.organizations import OrganizationFilter, OrganizationRecord
from db.services.recording import Page
from db.services.reference import list_countries, list_regions
from db.services.tags import list_tags
from db.vocabulary import ORGANIZATION_KINDS, POLITICAL_STATUSES, RELATIONSHIP_LEVELS, Term
from desktop.context import AppContext
from desktop.messages import messages
from desktop.naming import display_name
from desktop.qtmodels.paged import Column, PagedTableModel
from desktop.widgets.form import combo_value, country_box


def _label(vocabulary: dict[str, Term], code: str | None) -> str:
    term = vocabulary.get(code or "")
    return term.en if term else (code or "")


def organization_columns(preference: str) -> list[Column]:
    return [
        Column("name", "Name", lambda r: display_name(r, preference), "name",
               tooltip=lambda r: "\n".join(r.names)),
        Column("abbreviation", "Abbreviation", lambda r: r.abbreviation, "abbreviation"),
        Column("country", "Country", lambda r: r.country_name or r.country, "country"),
        Column("region", "Region", lambda r: r.region, "region"),
        Column("kind", "Kind", lambda r: _label(ORGANIZATION_KINDS, r.kind), "kind"),
        Column("status", "Status", lambda r: _label(POLITICAL_STATUSES, r.status), "status"),
        Column("level", "Level", lambda r: _label(RELATIONSHIP_LEVELS, r.level), "level"),
        Column("last_contact", "Last contact", lambda r: r.last_contact, "last_contact"),
        Column("interaction_count", "Interactions", lambda r: r.interaction_count,
               "interaction_count", align_right=True),
    ]


def _check_list(vocabulary: dict[str, Term] | list[str]) -> QListWidget:
    widget = QListWidget()
    entries = ([(code, f"{term.en}  {term.zh}") for code, term in vocabulary.items()]
               if isinstance(vocabulary, dict) else [(v, v) for v in vocabulary])
    for code, text in entries:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, code)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        widget.addItem(item)
    rows = min(widget.count(), 7)
    widget.setFixedHeight(widget.sizeHintForRow(0) * rows + 2 * widget.frameWidth() + 4)
    return widget


def _checked(widget: QListWidget) -> tuple[str, ...]:
    return tuple(
        str(widget.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    )


class FilterPanel(QScrollArea):
    """Region, country, kind, status, level, tag and "no contact for N months"; they combine."""

    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(200)
        body = QWidget()
        layout = QVBoxLayout(body)
        with context.database.reading() as session:
            regions = list_regions(session)
            countries = list_countries(session)
        self.regions = _check_list(regions)
        self.kinds = _check_list(ORGANIZATION_KINDS)
        self.statuses = _check_list(POLITICAL_STATUSES)
        self.levels = _check_list(RELATIONSHIP_LEVELS)
        self.country = country_box(countries)
        self.country.setObjectName("filter_country")
        self.tag = QComboBox()
        self.tag.setObjectName("filter_tag")
        self.tag.addItem("Any tag", None)
        for tag in list_tags(context.database):
            self.tag.addItem(f"{tag.name} ({tag.usage})", tag.name)
        self.dormant = QCheckBox("No contact for")
        self.dormant.setObjectName("filter_dormant")
        self.months = QSpinBox()
        self.months.setRange(1, 240)
        self.months.setValue(12)
        self.months.setSuffix(" months")
        for title, widget in (("Region", self.regions), ("Kind", self.kinds),
                              ("Political status", self.statuses),
                              ("Relationship level", self.levels)):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(widget)
            layout.addWidget(box)
            widget.itemChanged.connect(lambda _item: self.changed.emit())
        more = QGroupBox("Country, tag, contact")
        form = QFormLayout(more)
        form.addRow("Country:", self.country)
        form.addRow("Tag:", self.tag)
        dormant_row = QHBoxLayout()
        dormant_row.addWidget(self.dormant)
        dormant_row.addWidget(self.months)
        form.addRow(dormant_row)
        layout.addWidget(more)
        clear = QPushButton("Clear filters")
        clear.clicked.connect(self.clear)
        layout.addWidget(clear)
        layout.addStretch(1)
        self.setWidget(body)
        self.country.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.tag.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.dormant.toggled.connect(lambda _on: self.changed.emit())
        self.months.valueChanged.connect(lambda _v: self.changed.emit() if self.dormant.isChecked() else None)

    def filters(self, query: str | None) -> OrganizationFilter:
        country = combo_value(self.country)
        return OrganizationFilter(
            query=query or None,
            regions=_checked(self.regions), kinds=_checked(self.kinds),
            statuses=_checked(self.statuses), levels=_checked(self.levels),
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
        self.blockSignals(False)
        self.changed.emit()


class OrganizationsView(QWidget):
    title = "Organizations"
    icon_name = "building-2"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.panel = FilterPanel(context)
        self.query = QLineEdit()
        self.query.setObjectName("organizations_query")
        self.query.setPlaceholderText("Filter by any name or abbreviation…")
        self.query.setClearButtonEnabled(True)
        self.count = QLabel()
        self.model = PagedTableModel(organization_columns(context.name_preference()), self._fetch,
                                     default_sort="name")
        self.table = QTableView()
        self.table.setObjectName("organizations_table")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((175, 90, 110, 70, 100, 90, 105, 85, 80)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(self._open_index)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, self.open_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)

        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 4, 0)
        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.count)
        column.addLayout(top)
        column.addWidget(self.table)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.panel)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([215, 1000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(150)
        self.timer.timeout.connect(self.reload)
        self.query.textChanged.connect(lambda _t: self.timer.start())
        self.panel.changed.connect(self.reload)
        context.changed.connect(self._on_changed)
        self.reload()

    # -- data ------------------------------------------------------------------------------
    def current_filter(self) -> OrganizationFilter:
        return self.panel.filters(self.query.text().strip())

    def _fetch(self, offset: int, limit: int, sort: str | None, descending: bool
               ) -> Page[OrganizationRecord]:
        return service.list_organizations(self.context.database, self.current_filter(),
                                          sort=sort or "name", descending=descending,
                                          offset=offset, limit=limit)

    def reload(self) -> None:
        self.timer.stop()
        selected = self.selected()
        self.model.reload()
        total = self.model.total
        self.count.setText(f"{total:,} organization{'s' if total != 1 else ''}")
        if selected is not None:
            row = self.model.row_of(selected.id)
            if row is not None:
                self.table.selectRow(row)

    def _on_changed(self, entity: str, _record_id: str) -> None:
        if entity in ("organization", "interaction", "*"):
            self.reload()

    # -- actions ---------------------------------------------------------------------------
    def selected(self) -> OrganizationRecord | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        record: Any = self.model.record(rows[0].row())
        return record if isinstance(record, OrganizationRecord) else None

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
        if not messages.confirm(self, "Delete organization",
                                f"Delete {name}? You can undo this with Ctrl+Z.", yes="Delete"):
            return
        db = self.context.database
        actor = self.context.actor()
        self.context.delete(
            self, "organization", record.id, name,
            lambda: service.delete_organization(db, record.id, actor=actor),
            lambda: service.restore_organization(db, record.id, actor=actor))

    def focus_filter(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    # -- window state ----------------------------------------------------------------------
    def save_state(self) -> dict[str, QByteArray]:
        return {"header": self.table.horizontalHeader().saveState(),
                "splitter": self.splitter.saveState()}

    def restore_state(self, state: dict[str, Any]) -> None:
        if isinstance(state.get("header"), QByteArray):
            self.table.horizontalHeader().restoreState(state["header"])
        if isinstance(state.get("splitter"), QByteArray):
            self.splitter.restoreState(state["splitter"])

