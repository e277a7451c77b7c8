"""The invitation list of an event as a table model: one row per invitation (a list of 250
parties stays one reset, never cell by cell), the reply and the attendance editable in place
through a combo box (InvitationDelegate). An edit is not written here: the model says which
invitations should change (`change_requested`) and the invitations tab writes them — for
every selected row when the edited one is among them — and reloads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from db.models.vocabulary import ATTENDANCE, INVITATION_REPLIES, Term
from db.services.invitations import InvitationRecord
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.qtmodels.paged import Column, Index
from desktop.qtmodels.records import RecordListModel
from desktop.readable import date_text

CODE_ROLE = Qt.ItemDataRole.UserRole + 30  # the reply's or attendance's code


@dataclass(frozen=True)
class InvitationRow:
    """One invitation with what is shown for it in the user's script."""

    record: InvitationRecord
    invitee: str
    country: str

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def version(self) -> int:
        return self.record.version


def term_label(vocabulary: dict[str, Term], code: str) -> str:
    term = vocabulary.get(code)
    return term.label() if term else code


def delegation_text(record: InvitationRecord) -> str:
    size = record.size
    if not size and not record.head_name:
        return ""
    if record.head_name:
        return f"{size} / {record.head_name}"
    return str(size)


REPLY_COLOURS = {"accepted": "#1b6e3a", "representative": "#1b6e3a", "declined": "#9a3412"}
ATTENDANCE_COLOURS = {"attended": "#1b6e3a", "absent": "#9a3412"}


def _dated(day: Any) -> str:
    return date_text(day) if day is not None else ""


COLUMNS = [
    Column("invitee", QT_TRANSLATE_NOOP("Columns", "Invitee"), lambda r: r.invitee,
           tooltip=lambda r: r.invitee + (f"\n\n{r.record.notes}" if r.record.notes else "")),
    Column("country", QT_TRANSLATE_NOOP("Columns", "Country"), lambda r: r.country),
    Column("invited_by", QT_TRANSLATE_NOOP("Columns", "Invited by"),
           lambda r: r.record.invited_by or ""),
    Column("invited_on", QT_TRANSLATE_NOOP("Columns", "Invited on"),
           lambda r: _dated(r.record.invited_on)),
    Column("reply", QT_TRANSLATE_NOOP("Columns", "Reply"),
           lambda r: term_label(INVITATION_REPLIES, r.record.reply),
           foreground=lambda r: QColor(REPLY_COLOURS[r.record.reply])
           if r.record.reply in REPLY_COLOURS else None),
    Column("replied_on", QT_TRANSLATE_NOOP("Columns", "Replied on"),
           lambda r: _dated(r.record.replied_on)),
    Column("attendance", QT_TRANSLATE_NOOP("Columns", "Attendance"),
           lambda r: term_label(ATTENDANCE, r.record.attendance),
           foreground=lambda r: QColor(ATTENDANCE_COLOURS[r.record.attendance])
           if r.record.attendance in ATTENDANCE_COLOURS else None),
    Column("delegation", QT_TRANSLATE_NOOP("Columns", "Delegation (size / head)"),
           lambda r: delegation_text(r.record)),
]
INVITEE, COUNTRY, INVITED_BY, INVITED_ON, REPLY, REPLIED_ON, ATTENDANCE_COLUMN, DELEGATION = (
    range(len(COLUMNS)))
EDITABLE = {REPLY: ("reply", INVITATION_REPLIES), ATTENDANCE_COLUMN: ("attendance", ATTENDANCE)}


class InvitationsModel(RecordListModel):
    # (the invitation edited, the field "reply" or "attendance", the code chosen)
    change_requested = Signal(str, str, str)

    def __init__(self, editable: bool = True) -> None:
        super().__init__(COLUMNS)
        self.editable = editable

    def set_rows(self, rows: list[InvitationRow]) -> None:
        self.set_records(rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == CODE_ROLE and index.isValid() and index.column() in EDITABLE:
            row = self.record(index.row())
            return getattr(row.record, EDITABLE[index.column()][0]) if row else None
        return super().data(index, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self.editable and index.isValid() and index.column() in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or (
                index.column() not in EDITABLE):
            return False
        row = self.record(index.row())
        field = EDITABLE[index.column()][0]
        if row is None or value == getattr(row.record, field):
            return False
        self.change_requested.emit(row.id, field, str(value))
        return False  # the tab writes it and reloads: the row shows what was saved


class InvitationDelegate(QStyledItemDelegate):
    """A combo box of the replies (or attendances) for the cell being edited."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        if index.column() not in EDITABLE:
            return super().createEditor(parent, option, index)
        box = QComboBox(parent)
        box.setObjectName(f"edit_{EDITABLE[index.column()][0]}")
        for term in EDITABLE[index.column()][1].values():
            box.addItem(term.label(), term.code)
        box.activated.connect(lambda _i: self.commitData.emit(box))
        return box

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(index.data(CODE_ROLE)), 0))
            editor.showPopup()
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)
