"""A visit's programme as a tree: every day of the visit a top-level row (its date, weekday,
number and cities), its items beneath in order — time, kind, title, place and city, and the
participants of a meeting. A day without items holds one grey "No items yet" row, so every
day of the visit shows and can be added to.

Items can be dragged to another place in their day or to another day: the model says where
(`move_requested`) and the editor moves them through the programme service."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QDate,
    QLocale,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon

from db.models.vocabulary import PROGRAMME_KINDS
from db.services.programme import ItemRecord, ProgrammeDay
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.icons import icon
from desktop.naming import display_name

Index = QModelIndex | QPersistentModelIndex

KIND_ICONS = {
    "talks": "handshake", "meeting": "users-round", "site_visit": "landmark",
    "briefing": "presentation", "banquet": "sparkles", "travel": "plane-takeoff",
    "other": "circle-dot",
}
MIME_TYPE = "application/x-liaison-programme-item"
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # the ItemRecord of an item row
DAY_ROLE = Qt.ItemDataRole.UserRole + 2  # the date of any row


def kind_label(code: str) -> str:
    term = PROGRAMME_KINDS.get(code)
    return term.label() if term else code


def kind_icon(code: str) -> QIcon:
    return icon(KIND_ICONS.get(code, "circle-dot"))


def time_text(item: ItemRecord) -> str:
    if item.starts and item.ends:
        return f"{item.starts}–{item.ends}"
    if item.ends:
        return translate("ProgrammeEditor", "until {time}").format(time=item.ends)
    return item.starts or ""


def place_text(item: ItemRecord) -> str:
    return ", ".join(part for part in (item.place, item.city) if part)


def day_text(day: date) -> str:
    """“Monday 12 October 2026” or “2026年10月12日 星期一”, in the interface's locale."""
    locale = QLocale()
    shown = QDate(day.year, day.month, day.day)
    weekday = locale.dayName(shown.dayOfWeek())
    if locale.language() == QLocale.Language.Chinese:
        return f"{day.year}年{day.month}月{day.day}日 {weekday}"
    return f"{weekday} {locale.toString(shown, 'd MMMM yyyy')}"


@dataclass(frozen=True)
class Row:
    """One row of the tree: a day (item None, empty False), an item, or a day's "no items"."""

    day_number: int
    item: ItemRecord | None = None
    empty: bool = False


class ProgrammeModel(QAbstractItemModel):
    TIME, KIND, TITLE, PLACE, PARTICIPANTS = range(5)
    HEADERS = (QT_TRANSLATE_NOOP("ProgrammeEditor", "Time"),
               QT_TRANSLATE_NOOP("ProgrammeEditor", "Kind"),
               QT_TRANSLATE_NOOP("ProgrammeEditor", "Title"),
               QT_TRANSLATE_NOOP("ProgrammeEditor", "Place"),
               QT_TRANSLATE_NOOP("ProgrammeEditor", "Participants"))
    # an item (id) dropped on a day at an index among its items
    move_requested = Signal(str, object, int)

    def __init__(self, parent: Any = None, names: str = "original") -> None:
        super().__init__(parent)
        self.names = names  # the preferred script of participants' names (desktop/naming.py)
        self.days: list[ProgrammeDay] = []
        self.editable = True
        # Qt's indexes point at these rows (internalPointer); they live as long as the days.
        self._day_rows: list[Row] = []
        self._child_rows: list[list[Row]] = []

    # -- contents --------------------------------------------------------------------------
    def set_days(self, days: Sequence[ProgrammeDay]) -> None:
        self.beginResetModel()
        self.days = list(days)
        self._day_rows = [Row(number) for number in range(len(self.days))]
        self._child_rows = [[Row(number, item) for item in day.items] or [Row(number, empty=True)]
                            for number, day in enumerate(self.days)]
        self.endResetModel()

    def day_index(self, day: date) -> QModelIndex:
        for number, shown in enumerate(self.days):
            if shown.day == day:
                return self.index(number, 0)
        return QModelIndex()

    def item_index(self, item_id: str) -> QModelIndex:
        for number, shown in enumerate(self.days):
            for position, item in enumerate(shown.items):
                if item.id == item_id:
                    return self.index(position, 0, self.index(number, 0))
        return QModelIndex()

    def row_at(self, index: Index) -> Row | None:
        if not index.isValid():
            return None
        row: Row = index.internalPointer()
        return row

    def item_at(self, index: Index) -> ItemRecord | None:
        row = self.row_at(index)
        return row.item if row is not None else None

    def day_at(self, index: Index) -> ProgrammeDay | None:
        row = self.row_at(index)
        return self.days[row.day_number] if row is not None else None

    def place_of(self, item_id: str) -> tuple[int, int] | None:
        """(day number, index within the day) of an item."""
        for number, shown in enumerate(self.days):
            for position, item in enumerate(shown.items):
                if item.id == item_id:
                    return number, position
        return None

    # -- the tree --------------------------------------------------------------------------
    def index(self, row: int, column: int,
              parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= len(self.HEADERS) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row >= len(self._day_rows):
                return QModelIndex()
            return self.createIndex(row, column, self._day_rows[row])
        owner = self.row_at(parent)
        if owner is None or owner.item is not None or owner.empty:
            return QModelIndex()
        children = self._child_rows[owner.day_number]
        if row >= len(children):
            return QModelIndex()
        return self.createIndex(row, column, children[row])

    def parent(self, index: Index = QModelIndex()  # type: ignore[override]  # noqa: B008
               ) -> QModelIndex:
        row = self.row_at(index)
        if row is None or (row.item is None and not row.empty):
            return QModelIndex()
        return self.createIndex(row.day_number, 0, self._day_rows[row.day_number])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._day_rows)
        if parent.column() != 0:
            return 0
        owner = self.row_at(parent)
        if owner is None or owner.item is not None or owner.empty:
            return 0
        return len(self._child_rows[owner.day_number])

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.HEADERS):
            return translate("ProgrammeEditor", self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        shown = self.days[row.day_number]
        if role == DAY_ROLE:
            return shown.day
        if row.item is not None:
            return self._item_data(row.item, index.column(), role)
        if row.empty:
            if role == Qt.ItemDataRole.DisplayRole and index.column() == self.TITLE:
                return translate("ProgrammeEditor", "No items yet")
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor("#777777"))
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
            return None
        return self._day_data(row.day_number, shown, index.column(), role)

    def _day_data(self, number: int, shown: ProgrammeDay, column: int, role: int) -> Any:
        if column != 0:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            parts = [translate("ProgrammeEditor", "Day {number}").format(number=number + 1),
                     day_text(shown.day)]
            if shown.cities:
                parts.append(" → ".join(shown.cities))
            return "   ·   ".join(parts)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole:
            return icon("calendar-days")
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor("#e8eef6"))
        if role == Qt.ItemDataRole.ToolTipRole:
            count = len(shown.items)
            return (translate("ProgrammeEditor", "No items yet") if count == 0 else
                    translate("ProgrammeEditor", "1 item") if count == 1 else
                    translate("ProgrammeEditor", "{count} items").format(count=count))
        return None

    def _item_data(self, item: ItemRecord, column: int, role: int) -> Any:
        if role == ITEM_ROLE:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TIME:
                return time_text(item)
            if column == self.KIND:
                return kind_label(item.kind)
            if column == self.TITLE:
                return item.title
            if column == self.PLACE:
                return place_text(item)
            if column == self.PARTICIPANTS:
                return self._participants(item)
        if role == Qt.ItemDataRole.DecorationRole and column == self.KIND:
            return kind_icon(item.kind)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [item.title]
            if item.participants:
                lines.append(translate("ProgrammeEditor", "Participants: {names}").format(
                    names=self._participants(item)))
            if item.notes:
                lines.append(item.notes)
            return "\n".join(lines)
        return None

    def _participants(self, item: ItemRecord) -> str:
        return "; ".join(display_name(p, self.names) for p in item.participants)

    def flags(self, index: Index) -> Qt.ItemFlag:
        row = self.row_at(index)
        if row is None:
            return Qt.ItemFlag.ItemIsDropEnabled if self.editable else Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable:
            flags |= Qt.ItemFlag.ItemIsDropEnabled
            if row.item is not None:
                flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    # -- dragging items --------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        items = [self.item_at(index) for index in indexes]
        chosen = next((item for item in items if item is not None), None)
        if chosen is not None:
            data.setData(MIME_TYPE, QByteArray(chosen.id.encode("ascii")))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: Index) -> bool:
        return self.editable and data.hasFormat(MIME_TYPE) and parent.isValid()

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        item_id = bytes(data.data(MIME_TYPE).data()).decode("ascii")
        target = self.row_at(parent)
        assert target is not None
        shown = self.days[target.day_number]
        if target.item is not None:  # dropped onto an item: take its place
            row = list(shown.items).index(target.item)
        elif target.empty or row < 0:
            row = len(shown.items)
        found = self.place_of(item_id)
        if found is not None and found[0] == target.day_number and found[1] < row:
            row -= 1  # the item leaves its own place first
        # The editor moves it (and reloads); Qt must not remove the dragged row itself.
        self.move_requested.emit(item_id, shown.day, row)
        return False
