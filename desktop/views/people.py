"""The people list of the main window: filter by any name, by nationality and by tag; a lazily
loaded table (sorting and filtering in SQL) with each person's current positions; Enter or a
double-click opens the person's page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from db.changes.recording import Page
from db.services import pages
from db.services import people as service
from db.services.pages import CurrentPosition
from db.services.people import PersonFilter, PersonRecord
from db.services.tags import list_tags
from desktop.context import AppContext
from desktop.dialogs.merge_records import merge_from_list
from desktop.i18n import QT_TRANSLATE_NOOP, mark, translate
from desktop.icons import icon
from desktop.messages import messages
from desktop.naming import country_names, display_name, tag_label
from desktop.qtmodels.paged import Column, PagedTableModel, Reader
from desktop.widgets.form import combo_value, country_box
from desktop.widgets.list_state import ListScreen
from desktop.widgets.record_table import RecordTable


@dataclass(frozen=True)
class PersonRow:
    """A person with their current positions, as one row of the list."""

    person: PersonRecord
    positions: tuple[CurrentPosition, ...]

    @property
    def id(self) -> str:
        return self.person.id


def position_text(position: CurrentPosition, preference: str, title: str | None = None) -> str:
    """“Chair, Unity Party”; just “Unity Party” when the role is already the person's title."""
    where = display_name(position, preference) or position.name
    if position.role and position.role != title:
        return translate("PeopleView", "{role}, {organization}").format(role=position.role,
                                                                       organization=where)
    return where


def people_columns(preference: str, country_names: dict[str, str]) -> list[Column]:
    def positions(row: PersonRow) -> str:
        return "; ".join(position_text(p, preference, row.person.title) for p in row.positions)

    def positions_tooltip(row: PersonRow) -> str | None:
        return "\n".join(
            translate("PeopleView", "{role}, {organization}").format(
                role=p.role or "—", organization=display_name(p, preference) or p.name)
            + (f" ({p.abbreviation})" if p.abbreviation else "") for p in row.positions) or None

    return [
        Column("name", QT_TRANSLATE_NOOP("Columns", "Name"),
               lambda r: display_name(r.person, preference) or r.person.name,
               "name", tooltip=lambda r: "\n".join(r.person.names)),
        Column("title", mark.translate("Columns", "Title", "a person's"),
               lambda r: r.person.title, "title", note="a person's"),
        Column("positions", QT_TRANSLATE_NOOP("Columns", "Current organizations"), positions,
               tooltip=positions_tooltip),
        Column("nationality", QT_TRANSLATE_NOOP("Columns", "Nationality"),
               lambda r: country_names.get(r.person.nationality or "", r.person.nationality),
               "nationality"),
        Column("last_contact", QT_TRANSLATE_NOOP("Columns", "Last contact"),
               lambda r: r.person.last_contact, "last_contact"),
        Column("interaction_count", QT_TRANSLATE_NOOP("Columns", "Interactions"),
               lambda r: r.person.interaction_count, "interaction_count", align_right=True),
    ]


class PeopleView(ListScreen, QWidget):
    table: RecordTable
    timer: QTimer  # a filter change waiting to be applied
    title = "People"
    icon_name = "users"
    export_kind = "people"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        countries = pages.countries(context.database)
        self.countries = countries
        names = country_names(countries, context.name_preference())
        self.query = QLineEdit()
        self.query.setObjectName("people_query")
        self.query.setPlaceholderText(translate("PeopleView", "Filter by any name…"))
        self.query.setClearButtonEnabled(True)
        self.nationality = country_box(countries)
        self.nationality.setObjectName("people_nationality")
        typed = self.nationality.lineEdit()
        assert typed is not None  # country boxes are editable
        typed.setPlaceholderText(translate("PeopleView", "Any nationality"))
        self.nationality.setMinimumWidth(220)
        self.tag = QComboBox()
        self.tag.setObjectName("people_tag")
        self.fill_tags()
        self.count = QLabel()
        self.count.setObjectName("people_count")
        self.model = PagedTableModel(people_columns(context.name_preference(), names),
                                     self._reader, query=context.query, default_sort="name")
        self.keep: set[str] = set()  # the people selected when the reload was asked for
        self.first_after_load = False  # Enter in the filter: go to the first match
        self.model.arrived.connect(self._arrived)
        self.table = RecordTable(self.model, multi=True, handles_delete=True)
        self.table.setObjectName("people_table")
        self.table.set_widths(220, 240, 300, 160, 100, 90, stretch=2)
        self.table.set_placeholder(translate("PeopleView", "Nobody matches these filters."))
        self.table.enable_sorting()
        self.table.opened.connect(lambda row: self.context.open_person(row.id))
        self.table.delete_requested.connect(self.delete_selected)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.merge_dialog: QDialog | None = None  # the last “Merge with…” opened

        top = QHBoxLayout()
        top.addWidget(self.query, 3)
        top.addWidget(QLabel(translate("PeopleView", "Nationality:")))
        top.addWidget(self.nationality, 1)
        top.addWidget(QLabel(translate("PeopleView", "Tag:")))
        top.addWidget(self.tag)
        top.addWidget(self.count)
        self.export = self.export_button()
        top.addWidget(self.export)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.setTabOrder(self.query, self.nationality)
        self.setTabOrder(self.nationality, self.tag)
        self.setTabOrder(self.tag, self.export)
        self.setTabOrder(self.export, self.table)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(150)
        self.timer.timeout.connect(self.reload)
        self.query.textChanged.connect(lambda _text: self.timer.start())
        self.query.returnPressed.connect(self._enter_in_query)
        self.nationality.currentIndexChanged.connect(lambda _index: self.reload())
        typed.editingFinished.connect(self._nationality_typed)
        self.tag.currentIndexChanged.connect(lambda _index: self.reload())
        context.changed.connect(self._on_changed)
        self.reload()

    def fill_tags(self) -> None:
        current = self.tag.currentData()
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem(translate("PeopleView", "Any tag"), None)
        for tag in list_tags(self.context.database):
            self.tag.addItem(f"{tag_label(tag, self.context.name_preference())} ({tag.usage})",
                             tag.name)
        index = self.tag.findData(current)
        self.tag.setCurrentIndex(max(index, 0))
        self.tag.blockSignals(False)

    # -- data ------------------------------------------------------------------------------
    def current_filter(self) -> PersonFilter:
        nationality = combo_value(self.nationality)
        known = nationality if isinstance(nationality, str) and len(nationality) == 2 else None
        return PersonFilter(query=self.query.text().strip() or None, nationality=known,
                            tag=self.tag.currentData())

    def _reader(self) -> Reader:
        """Reads pages of what the filters say now (on the worker thread)."""
        database, shown = self.context.database, self.current_filter()
        preference = self.context.name_preference()

        def read(offset: int, limit: int, sort: str | None, descending: bool
                 ) -> Page[PersonRow]:
            page = service.list_people(database, shown, sort=sort or "name",
                                       descending=descending, offset=offset, limit=limit,
                                       names=preference)
            positions = pages.current_positions(database, [p.id for p in page.items])
            rows = tuple(PersonRow(p, tuple(positions.get(p.id, ()))) for p in page.items)
            return Page(rows, page.total, page.offset, page.limit)
        return read

    def reload(self) -> None:
        self.timer.stop()
        self.keep = {row.id for row in self.table.selected_records()}
        self.model.reload(near=self.table.currentIndex().row())

    def _arrived(self) -> None:
        total = self.model.total
        self.count.setText(translate("PeopleView", "1 person") if total == 1 else
                           translate("PeopleView", "{n:,} people").format(n=total))
        if self.first_after_load:
            self.first_after_load = False
            if total:
                self.table.select_row(0)
                self.table.setFocus()
            return
        keep, self.keep = self.keep, set()
        for record_id in keep:
            row = self.model.row_of(record_id)
            if row is not None:
                self.table.select_row(row)
                break

    def _on_changed(self, entity: str, _record_id: str) -> None:
        if entity == "*":  # settings: the names may now show (and sort) in another script
            preference = self.context.name_preference()
            self.model.columns = people_columns(
                preference, country_names(self.countries, preference))
            self.fill_tags()
        if entity in ("person", "affiliation", "interaction", "organization", "*"):
            self.reload()

    def _nationality_typed(self) -> None:
        # A typed country that matches no entry is treated as "any", and shown as such.
        if combo_value(self.nationality) is not None and self.current_filter().nationality is None:
            self.nationality.setCurrentIndex(0)
            self.nationality.setEditText("")

    def _enter_in_query(self) -> None:
        self.first_after_load = True
        self.reload()

    # -- actions ---------------------------------------------------------------------------
    def selected(self) -> list[PersonRow]:
        return self.table.selected_records()

    def open_selected(self) -> None:
        for row in self.selected():
            self.context.open_person(row.id)

    def new_record(self) -> None:
        initial = {"name": self.query.text().strip()} if self.model.total == 0 and \
            self.query.text().strip() else None
        self.context.open_person(None, initial=initial)

    def delete_selected(self) -> None:
        rows = self.selected()
        if not rows:
            return
        preference = self.context.name_preference()
        names = [display_name(r.person, preference) or r.person.name for r in rows]
        if len(rows) == 1:
            title = translate("PeopleView", "Delete person")
            text = translate("PeopleView", "Delete “{name}”? You can undo this with Ctrl+Z."
                             ).format(name=names[0])
        else:
            title = translate("PeopleView", "Delete people")
            text = translate("PeopleView", "Delete these {n} people: {names}{more}? You can "
                                           "undo this with Ctrl+Z.").format(
                n=len(rows), names=", ".join(names[:5]), more="…" if len(rows) > 5 else "")
        if not messages.confirm(self, title, text, yes=translate("PeopleView", "Delete")):
            return
        db, actor = self.context.database, self.context.actor()
        stack = self.context.undo_stack
        if len(rows) > 1:
            stack.beginMacro(translate("PeopleView", "Delete {n} people").format(n=len(rows)))
        try:
            for row, name in zip(rows, names, strict=True):
                person_id = row.id

                def delete(person_id: str = person_id) -> None:
                    service.delete_person(db, person_id, actor=actor)

                def restore(person_id: str = person_id) -> None:
                    service.restore_person(db, person_id, actor=actor)

                if not self.context.delete(self, "person", person_id, name, delete, restore):
                    break
        finally:
            if len(rows) > 1:
                stack.endMacro()

    def _context_menu(self, point: QPoint) -> None:
        rows = self.selected()
        menu = QMenu(self)
        open_action = menu.addAction(icon("external-link"), translate("PeopleView", "Open"))
        open_action.triggered.connect(self.open_selected)
        open_action.setEnabled(bool(rows))
        merge = menu.addAction(translate("PeopleView", "Merge with…"))
        merge.setObjectName("merge_with")
        merge.setToolTip(translate("PeopleView", "Merge the two selected people (or this "
                                                 "person with another)"))
        merge.triggered.connect(self.merge_selected)
        merge.setEnabled(len(rows) in (1, 2) and not self.context.database.read_only)
        menu.addSeparator()
        delete = menu.addAction(icon("trash-2"), translate("PeopleView", "Delete…"))
        delete.triggered.connect(self.delete_selected)
        delete.setEnabled(bool(rows) and not self.context.database.read_only)
        menu.popup(self.table.viewport().mapToGlobal(point))

    def merge_selected(self) -> None:
        """Two people selected: merge them (the first selected kept; the dialog can swap);
        one: ask for the other with the record picker."""
        selection = self.table.selectionModel()
        indexes = selection.selectedRows() if selection is not None else []  # as selected
        found = [self.model.record(index.row()) for index in indexes]
        preference = self.context.name_preference()
        records = [(r.id, display_name(r.person, preference) or r.person.name)
                   for r in found if isinstance(r, PersonRow)][:2]

        def opened(dialog: QDialog) -> None:
            self.merge_dialog = dialog

        merge_from_list(self.context, self, "person", records, opened)

    def focus_filter(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    # -- window state ----------------------------------------------------------------------
    def save_state(self) -> dict[str, QByteArray]:
        return {"header": self.table.horizontalHeader().saveState()}

    def restore_state(self, state: dict[str, Any]) -> None:
        if isinstance(state.get("header"), QByteArray):
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.restoreState(state["header"])
            header.blockSignals(False)
            column, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
            if column != self.model.sort_column() or (
                    order == Qt.SortOrder.DescendingOrder) != self.model.descending:
                self.table.sort_requested(column, order)
