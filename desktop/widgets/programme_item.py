"""One programme item's dialog: kind, title, day, times, city, place and notes, and for talks,
meetings and briefings the participants of the meeting the item records — picked from the
register, or in one click from the people and organizations on the visit's two sides.

OK writes through the callback the editor gives; a problem the programme service reports (a
day outside the visit, an end before the start, a participant on neither side) shows beside
its field, the dialog stays open and nothing is written. An item's meeting keeps its own
window: editing an item shows its participants and offers to open the meeting there."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.models.vocabulary import MEETING_KINDS, PROGRAMME_KINDS
from db.services.programme import ItemRecord, VisitDetails
from db.store.errors import LiaisonError, Problem, ValidationFailed
from desktop.context import AppContext
from desktop.errors import show_problem
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.icons import icon
from desktop.naming import display_name
from desktop.qtmodels.participants import ParticipantRow
from desktop.widgets.form import FieldSpec, RecordForm
from desktop.widgets.participants_editor import ParticipantsEditor

ITEM_FIELDS = [  # the form translates the labels and placeholders ("Fields")
    FieldSpec("kind", QT_TRANSLATE_NOOP("Fields", "Kind"), "choice", choices=PROGRAMME_KINDS,
              required=True),
    FieldSpec("title", QT_TRANSLATE_NOOP("Fields", "Title"), required=True),
    FieldSpec("day", QT_TRANSLATE_NOOP("Fields", "Day"), "date", required=True),
    FieldSpec("starts", QT_TRANSLATE_NOOP("Fields", "Starts"),
              placeholder=QT_TRANSLATE_NOOP("Fields", "HH:MM, e.g. 09:30")),
    FieldSpec("ends", QT_TRANSLATE_NOOP("Fields", "Ends"),
              placeholder=QT_TRANSLATE_NOOP("Fields", "HH:MM, e.g. 11:00")),
    FieldSpec("city", QT_TRANSLATE_NOOP("Fields", "City")),
    FieldSpec("place", QT_TRANSLATE_NOOP("Fields", "Place"),
              placeholder=QT_TRANSLATE_NOOP("Fields", "a building, a hall, a site")),
    FieldSpec("notes", QT_TRANSLATE_NOOP("Fields", "Notes"), "multiline"),
]
# What a person or organization of the visit does at one of its meetings.
GUEST_ROLES = {"head": "delegation_head", "deputy": "deputy_head"}

Write = Callable[[dict[str, Any], list[dict[str, str]] | None], ItemRecord]


def side_rows(details: VisitDetails) -> list[ParticipantRow]:
    """Everyone and every organization on the visit's two sides, as participants of one of
    its meetings with the role they would have there."""
    visit = details.visit
    rows: list[ParticipantRow] = []
    if visit.host_id:
        rows.append(ParticipantRow("organization", visit.host_id, visit.host_name or "",
                                   role="host"))
    if visit.guest_id:
        rows.append(ParticipantRow("organization", visit.guest_id, visit.guest_name or "",
                                   role="participant"))
    for member in details.members:
        if member.person_id:
            role = (GUEST_ROLES.get(member.role, "member") if member.side == "guest"
                    else "host" if member.role == "head" else "member")
            rows.append(ParticipantRow("person", member.person_id, member.person_name or "",
                                       detail=member.organization_name, role=role))
        elif member.organization_id:
            rows.append(ParticipantRow("organization", member.organization_id,
                                       member.organization_name or "",
                                       role="host" if member.side == "host" else "participant"))
    return rows


class ItemDialog(QDialog):
    def __init__(self, parent: QWidget, context: AppContext, details: VisitDetails,
                 title: str, values: Mapping[str, Any], write: Write, *,
                 item: ItemRecord | None = None,
                 open_meeting: Callable[[str], object] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("programme_item_dialog")
        self.write = write
        self.item = item
        self.written: ItemRecord | None = None
        self.form = RecordForm(ITEM_FIELDS)
        self.form.setObjectName("item_form")
        kinds = self.form.widgets["kind"]
        assert isinstance(kinds, QComboBox)
        kinds.removeItem(0)  # an item is always of some kind
        self.form.set_values(values)
        cities = sorted({city for day in details.days for city in day.cities})
        city = self.form.widgets["city"]
        if cities and isinstance(city, QLineEdit):
            completer = QCompleter(cities, city)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            city.setCompleter(completer)
        for key in ("starts", "ends"):
            widget = self.form.widgets[key]
            if isinstance(widget, QLineEdit):
                widget.setMaximumWidth(180)
        self.form.setMinimumWidth(600)

        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        self.participants: ParticipantsEditor | None = None
        self.meeting: QWidget | None = None
        if item is None:
            self.participants = ParticipantsEditor(context.database, context.name_preference())
            self.participants.setObjectName("item_participants")
            self.participants.create_requested.connect(self._cannot_create_here)
            self._offer_sides(self.participants, side_rows(details))
            layout.addWidget(self.participants, 1)
            kinds.currentIndexChanged.connect(lambda _i: self._show_participants())
        elif item.interaction_id:
            self.meeting = self._meeting_row(item, open_meeting, context.name_preference())
            layout.addWidget(self.meeting)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._show_participants()
        self.form.widgets["title"].setFocus()

    # -- participants ----------------------------------------------------------------------
    def _offer_sides(self, editor: ParticipantsEditor, rows: Sequence[ParticipantRow]) -> None:
        """A button beside the picker that adds one of the visit's sides, or all of them."""
        button = QToolButton()
        button.setObjectName("from_the_visit")
        button.setText(translate("ProgrammeEditor", "From the visit"))
        button.setIcon(icon("users"))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setToolTip(translate("ProgrammeEditor", "Add the people and organizations on "
                                                       "the visit's two sides"))
        menu = QMenu(button)
        everyone = QAction(translate("ProgrammeEditor", "Everyone on both sides"), menu)
        everyone.triggered.connect(lambda _c=False: self._add_all(editor, rows))
        menu.addAction(everyone)
        menu.addSeparator()
        for row in rows:
            action = QAction(icon("building-2" if row.kind == "organization" else "users"),
                             row.name, menu)
            action.triggered.connect(lambda _c=False, r=row: editor.add_created(r))
            menu.addAction(action)
        button.setMenu(menu)
        button.setEnabled(bool(rows))
        picker_row = QHBoxLayout()
        layout = editor.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.removeWidget(editor.picker)
        picker_row.addWidget(editor.picker, 1)
        picker_row.addWidget(button)
        layout.insertLayout(0, picker_row)
        self.sides_button = button

    @staticmethod
    def _add_all(editor: ParticipantsEditor, rows: Sequence[ParticipantRow]) -> None:
        for row in rows:
            editor.add_created(row)

    def _cannot_create_here(self, _kind: str, _name: str) -> None:
        assert self.participants is not None
        self.participants.show_problems([Problem("participants", translate(
            "ProgrammeEditor", "A meeting of the visit names people and organizations on its "
                               "two sides: add them to the visit's delegations first."))])

    def _meeting_row(self, item: ItemRecord, open_meeting: Callable[[str], object] | None,
                     preference: str) -> QWidget:
        holder = QWidget()
        holder.setObjectName("meeting")
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        names = "; ".join(display_name(p, preference) for p in item.participants) \
            or translate("ProgrammeEditor", "none yet")
        label = QLabel(translate("ProgrammeEditor", "Participants: {names}").format(names=names))
        label.setWordWrap(True)
        row.addWidget(label, 1)
        button = QPushButton(icon("external-link"), translate("ProgrammeEditor", "Open meeting"))
        button.setObjectName("open_meeting")
        button.setToolTip(translate("ProgrammeEditor", "The meeting's own window: its "
                                                       "participants, summary and outcomes"))
        meeting = item.interaction_id
        if open_meeting is not None and meeting:
            button.clicked.connect(lambda _c=False: open_meeting(meeting))
        else:
            button.setEnabled(False)
        row.addWidget(button)
        return holder

    def _show_participants(self) -> None:
        if self.participants is not None:
            self.participants.setVisible(self.form.value("kind") in MEETING_KINDS)
            self.adjustSize()

    def wanted_participants(self) -> list[dict[str, str]] | None:
        """The meeting's participants when the item is a meeting being added, else None."""
        if self.participants is None or self.form.value("kind") not in MEETING_KINDS:
            return None
        return self.participants.model.wanted()

    # -- writing ---------------------------------------------------------------------------
    def accept(self) -> None:
        self.form.clear_problems()
        if self.participants is not None:
            self.participants.show_problems([])
        try:
            self.written = self.write(self.form.values(), self.wanted_participants())
        except ValidationFailed as exc:
            self.show_problems(exc.problems)
            return
        except LiaisonError as exc:
            show_problem(self, exc)
            return
        super().accept()

    def show_problems(self, problems: Sequence[Problem]) -> None:
        """Each beside its field; the meeting's (who takes part) under the participants."""
        meeting = [p for p in problems if p.field in ("interaction_id", "participants")]
        others = [p for p in problems if p not in meeting]
        if meeting and self.participants is not None:
            self.participants.show_problems(meeting)
        else:
            others = list(problems)
        self.form.show_problems(others)
