"""Positions — who held which role where, and when — as a tab of a record page. On an
organization's page it lists the people (current first, then past) and links a person; on a
person's page it lists their organizations and links one. Ending and removing a position can
be undone with Ctrl+Z like any deletion."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.search.names import NameHit
from db.services.affiliations import (
    AffiliationRecord,
    create_affiliation,
    delete_affiliation,
    list_affiliations,
    restore_affiliation,
    update_affiliation,
)
from db.services.timeline import record_names
from db.store.errors import LiaisonError, ValidationFailed
from desktop.context import AppContext
from desktop.errors import show_problem
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.icons import icon
from desktop.messages import messages
from desktop.naming import display_name
from desktop.qtmodels.paged import Column
from desktop.qtmodels.records import RecordListModel
from desktop.readable import date_text
from desktop.undo import push_change
from desktop.widgets.form import DateField
from desktop.widgets.record_picker import RecordPicker
from desktop.widgets.record_table import RecordTable

Side = Literal["organization", "person"]


def status_of(position: AffiliationRecord, today: date | None = None) -> str:
    today = today or date.today()
    if position.end is None:
        return translate("PositionsTab", "Current")
    if position.end >= today:
        return (translate("PositionsTab", "Ends today") if position.end == today else
                translate("PositionsTab", "Until {date}").format(date=date_text(position.end)))
    return translate("PositionsTab", "Past")


def in_order(positions: list[AffiliationRecord]) -> list[AffiliationRecord]:
    """Current positions first, each group newest first (undated start last)."""
    def key(p: AffiliationRecord) -> tuple[bool, int]:
        return (not p.is_current, -(p.start.toordinal() if p.start else 0))
    return sorted(positions, key=key)


def position_columns(side: Side, muted: QColor, names: dict[str, str]) -> list[Column]:
    def past(p: AffiliationRecord) -> QColor | None:
        return None if p.is_current else muted

    if side == "organization":
        first = Column("person", QT_TRANSLATE_NOOP("Columns", "Person"),
                       lambda p: names.get(p.person_id, p.person_name),
                       icon=lambda _p: icon("users"), foreground=past)
    else:
        first = Column("organization", QT_TRANSLATE_NOOP("Columns", "Organization"),
                       lambda p: names.get(p.organization_id, p.organization_name),
                       icon=lambda _p: icon("building-2"), foreground=past)
    return [
        first,
        Column("role", QT_TRANSLATE_NOOP("Columns", "Role"), lambda p: p.role or "",
               foreground=past),
        Column("start", QT_TRANSLATE_NOOP("Columns", "From"), lambda p: p.start, foreground=past),
        Column("end", QT_TRANSLATE_NOOP("Columns", "Until"), lambda p: p.end, foreground=past),
        Column("status", QT_TRANSLATE_NOOP("Columns", "Status"), status_of, foreground=past),
        Column("leader", QT_TRANSLATE_NOOP("Columns", "Party leader"),
               lambda p: translate("PositionsTab", "Leader") if p.leader else "",
               foreground=past),
    ]


class PositionsTab(QWidget):
    def __init__(self, context: AppContext, side: Side, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.side = side
        self.owner_id: str | None = None
        self.owner_name = ""
        self.chosen: NameHit | None = None
        self.names: dict[str, str] = {}  # id → name in the preferred script
        other = "person" if side == "organization" else "organization"
        self.other = other
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)

        buttons = QHBoxLayout()
        self.open_button = QPushButton(
            icon("external-link"), translate("PositionsTab", "&Open person") if other == "person"
            else translate("PositionsTab", "&Open organization"))
        self.end_button = QPushButton(icon("calendar-days"),
                                      translate("PositionsTab", "&End position"))
        self.end_button.setToolTip(translate("PositionsTab",
                                             "The position ends today (Ctrl+Z undoes it)"))
        self.remove_button = QPushButton(icon("trash-2"),
                                         translate("PositionsTab", "&Remove position"))
        self.remove_button.setToolTip(translate("PositionsTab", "Remove a position entered by "
                                                                "mistake (Del; Ctrl+Z undoes it)"))
        self.leader_button = QPushButton(icon("flag"), translate("PositionsTab",
                                                                 "Party &leader"))
        self.leader_button.setObjectName("leader_button")
        self.leader_button.setCheckable(True)
        self.leader_button.setToolTip(translate(
            "PositionsTab", "The position leads its party (chair, president, "
                            "secretary-general): it counts among an event's heads of party"))
        for button in (self.open_button, self.end_button, self.leader_button,
                       self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        muted = self.palette().color(QPalette.ColorRole.PlaceholderText)
        self.model = RecordListModel(position_columns(side, muted, self.names))
        self.table = RecordTable(self.model, handles_delete=True)
        self.table.setObjectName("positions")
        self.table.set_widths(280, 280, 100, 100, 110, 110, stretch=1)
        self.table.set_placeholder(
            translate("PositionsTab", "No positions recorded yet. Link an existing person below "
                                      "or add a new one.") if other == "person" else
            translate("PositionsTab", "No positions recorded yet. Link an existing organization "
                                      "below."))
        self.table.opened.connect(self._open)
        self.table.delete_requested.connect(self.remove_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        layout.addWidget(self.table, 1)
        layout.addWidget(self._link_box())

        self.open_button.clicked.connect(lambda: self._open(self.table.current_record()))
        self.end_button.clicked.connect(self.end_selected)
        self.leader_button.clicked.connect(self.set_leader)
        self.remove_button.clicked.connect(self.remove_selected)
        self._enable()

    def _link_box(self) -> QGroupBox:
        box = QGroupBox(translate("PositionsTab", "Link an existing person")
                        if self.other == "person" else
                        translate("PositionsTab", "Link an existing organization"))
        column = QVBoxLayout(box)
        row = QHBoxLayout()
        self.picker = RecordPicker(self.context.database, kinds=(self.other,))  # type: ignore[arg-type]
        self.picker.setObjectName("position_picker")
        self.picker.setPlaceholderText(
            translate("PositionsTab", "Type a name, alias or abbreviation, then Enter")
            if self.other == "organization"
            else translate("PositionsTab", "Type any of the person's names, then Enter"))
        self.picker.picked.connect(self._picked)
        self.role = QLineEdit()
        self.role.setObjectName("position_role")
        self.role.setPlaceholderText(translate("PositionsTab",
                                                "Role, e.g. International Secretary"))
        self.role.returnPressed.connect(self.link)
        self.start = DateField()
        self.start.setObjectName("position_start")
        self.start.edit.setPlaceholderText(translate("PositionsTab", "From YYYY-MM-DD"))
        self.end = DateField()
        self.end.setObjectName("position_end")
        self.end.edit.setPlaceholderText(translate("PositionsTab", "Until YYYY-MM-DD"))
        self.link_button = QPushButton(icon("link"), translate("PositionsTab", "&Link"))
        self.link_button.setObjectName("link_position")
        self.link_button.clicked.connect(self.link)
        row.addWidget(self.picker, 3)
        row.addWidget(self.role, 3)
        row.addWidget(self.start, 0)
        row.addWidget(self.end, 0)
        row.addWidget(self.link_button)
        column.addLayout(row)
        self.chosen_label = QLabel()
        self.chosen_label.setObjectName("position_chosen")
        self.problem_label = QLabel()
        self.problem_label.setObjectName("position_problem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #b3261e;")
        self.problem_label.hide()
        column.addWidget(self.chosen_label)
        column.addWidget(self.problem_label)
        if self.side == "organization":
            new_row = QHBoxLayout()
            new_row.addWidget(QLabel(translate("PositionsTab", "Not in Liaison yet?")))
            self.new_button = QPushButton(icon("user-plus"),
                                          translate("PositionsTab", "Add a &new person…"))
            self.new_button.setObjectName("new_person")
            self.new_button.setToolTip(translate("PositionsTab", "A new person with this position "
                                                 "(role and dates above are filled in for you)"))
            self.new_button.clicked.connect(self.add_new_person)
            new_row.addWidget(self.new_button)
            new_row.addStretch(1)
            column.addLayout(new_row)
        self._show_chosen()
        return box

    # -- data ----------------------------------------------------------------------------
    def set_owner(self, owner_id: str, owner_name: str) -> None:
        self.owner_id = owner_id
        self.owner_name = owner_name

    def reload(self) -> None:
        if self.owner_id is None:
            return
        selected = self.table.current_record()
        if self.side == "organization":
            positions = list_affiliations(self.context.database, organization_id=self.owner_id)
        else:
            positions = list_affiliations(self.context.database, person_id=self.owner_id)
        preference = self.context.name_preference()
        if preference != "original":
            found = record_names(self.context.database, [p.organization_id for p in positions],
                                 [p.person_id for p in positions])
            self.names.clear()  # the columns read this very dict
            self.names.update((key, display_name(names, preference) or names.name)
                              for key, names in found.items())
        self.model.set_records(in_order(positions))
        row = self.model.row_of(selected.id) if selected is not None else None
        if row is not None:
            self.table.select_row(row)
        self._enable()

    def _enable(self) -> None:
        record = self.table.current_record()
        self.open_button.setEnabled(record is not None)
        self.remove_button.setEnabled(record is not None)
        self.end_button.setEnabled(record is not None and record.end is None)
        self.leader_button.setEnabled(record is not None and not self.context.database.read_only)
        self.leader_button.setChecked(record is not None and record.leader)
        self.link_button.setEnabled(self.chosen is not None)

    def _open(self, record: AffiliationRecord | None) -> None:
        if record is None:
            return
        if self.other == "person":
            self.context.open_person(record.person_id)
        else:
            self.context.open_organization(record.organization_id)

    # -- linking -------------------------------------------------------------------------
    def _picked(self, hit: NameHit) -> None:
        self.chosen = hit
        self._show_chosen()
        self._enable()
        self.role.setFocus()

    def _show_chosen(self) -> None:
        person = self.other == "person"
        if self.chosen is None:
            self.chosen_label.setText(
                translate("PositionsTab", "Person: none chosen yet — type in the box above.")
                if person else
                translate("PositionsTab",
                          "Organization: none chosen yet — type in the box above."))
        elif self.chosen.country_name:
            self.chosen_label.setText(
                (translate("PositionsTab", "Person: {name} ({country})") if person else
                 translate("PositionsTab", "Organization: {name} ({country})"))
                .format(name=self.chosen.name, country=self.chosen.country_name))
        else:
            self.chosen_label.setText(
                (translate("PositionsTab", "Person: {name}") if person else
                 translate("PositionsTab", "Organization: {name}")).format(name=self.chosen.name))

    def _position_values(self) -> dict[str, Any]:
        return {"role": self.role.text().strip() or None, "start": self.start.value(),
                "end": self.end.value()}

    def link(self) -> bool:
        if self.owner_id is None or self.chosen is None:
            return False
        ids = ({"organization_id": self.owner_id, "person_id": self.chosen.id}
               if self.side == "organization"
               else {"person_id": self.owner_id, "organization_id": self.chosen.id})
        try:
            record = create_affiliation(self.context.database,
                                        {**ids, **self._position_values()}, self.context.actor())
        except ValidationFailed as exc:
            self.problem_label.setText(" ".join(p.message for p in exc.problems))
            self.problem_label.show()
            return False
        except LiaisonError as exc:
            show_problem(self, exc)
            return False
        self.problem_label.hide()
        self.chosen = None
        self.role.clear()
        self.start.set_value(None)
        self.end.set_value(None)
        self._show_chosen()
        self.context.notify("affiliation", record.id)
        self.reload()
        row = self.model.row_of(record.id)
        if row is not None:
            self.table.select_row(row)
        return True

    def add_new_person(self) -> None:
        if self.owner_id is None:
            return
        initial = {"organization_id": self.owner_id, "organization_name": self.owner_name,
                   **self._position_values()}
        self.context.open_person(None, initial=initial)

    # -- ending and removing -------------------------------------------------------------
    def end_selected(self) -> None:
        record = self.table.current_record()
        if record is None or record.end is not None:
            return
        today = date.today()
        try:
            update_affiliation(self.context.database, record.id, {"end": today},
                               expected_version=record.version, actor=self.context.actor())
        except ValidationFailed as exc:  # e.g. a start date in the future
            messages.warning(self, translate("PositionsTab", "End position"),
                             " ".join(p.message for p in exc.problems))
            return
        except LiaisonError as exc:
            show_problem(self, exc)
            return
        self.context.notify("affiliation", record.id)
        database, actor = self.context.database, self.context.actor
        push_change(self.context, self, "affiliation", record.id,
                    translate("PositionsTab", "End position of {person}").format(
                        person=record.person_name),
                    lambda: update_affiliation(database, record.id, {"end": today},
                                               expected_version=None, actor=actor()),
                    lambda: update_affiliation(database, record.id, {"end": record.end},
                                               expected_version=None, actor=actor()))
        self.reload()

    def set_leader(self) -> None:
        """Flag the selected position as its party's leadership, or take the flag off."""
        record = self.table.current_record()
        if record is None:
            return
        wanted = not record.leader
        database, actor = self.context.database, self.context.actor
        try:
            update_affiliation(database, record.id, {"leader": wanted},
                               expected_version=record.version, actor=actor())
        except LiaisonError as exc:
            show_problem(self, exc)
            self._enable()
            return
        self.context.notify("affiliation", record.id)
        who = record.person_name if self.side == "organization" else record.organization_name
        push_change(self.context, self, "affiliation", record.id,
                    (translate("PositionsTab", "Mark {who} as party leader") if wanted else
                     translate("PositionsTab", "Unmark {who} as party leader")).format(who=who),
                    lambda: update_affiliation(database, record.id, {"leader": wanted},
                                               expected_version=None, actor=actor()),
                    lambda: update_affiliation(database, record.id, {"leader": record.leader},
                                               expected_version=None, actor=actor()))
        self.reload()

    def remove_selected(self) -> None:
        record = self.table.current_record()
        if record is None:
            return
        who = record.person_name if self.side == "organization" else record.organization_name
        what = f"{record.role} — {who}" if record.role else who
        if not messages.confirm(
                self, translate("PositionsTab", "Remove position"),
                translate("PositionsTab", "Remove the position “{position}”? Ctrl+Z brings it "
                                          "back.").format(position=what),
                yes=translate("PositionsTab", "Remove")):
            return
        database, actor = self.context.database, self.context.actor

        def delete() -> None:
            delete_affiliation(database, record.id, actor=actor())

        def restore() -> None:
            restore_affiliation(database, record.id, actor=actor())

        if self.context.delete(self, "affiliation", record.id,
                               translate("PositionsTab", "position {position}").format(
                                   position=what), delete, restore):
            self.reload()
