"""A line edit that finds organizations and people by any name, alias or abbreviation as the
user types, and says which one was picked."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from PySide6.QtCore import QEvent, QModelIndex, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QHideEvent,
    QKeyEvent,
    QMouseEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import QLineEdit, QListView, QWidget

from db.models.vocabulary import ORGANIZATION_KINDS
from db.search.names import Kind, NameHit, search_names
from db.store.engine import Database
from desktop import settings
from desktop.icons import icon
from desktop.naming import display_name

HIT_ROLE = Qt.ItemDataRole.UserRole + 10


def describe(hit: NameHit, preference: str | None = None) -> str:
    """One line for a hit: the name in the preferred script, the abbreviation, the name that
    matched (or the record's other name), its kind and country."""
    preference = preference or settings.name_preference()
    shown = display_name(hit, preference) or hit.name
    parts = [shown]
    if hit.abbreviation and hit.abbreviation != shown:
        parts.append(f"({hit.abbreviation})")
    if hit.matched and hit.matched not in (shown, hit.abbreviation):
        parts.append(f"— {hit.matched}")
    else:  # 中国共产党 — Communist Party of China; 越南共产党 — Đảng Cộng sản Việt Nam
        other = next((n for n in (hit.name, hit.name_en) if n and n != shown), None)
        if other:
            parts.append(f"— {other}")
    where = hit.country_name or hit.country
    detail = ORGANIZATION_KINDS[hit.detail].label() if (
        hit.kind == "organization" and hit.detail in ORGANIZATION_KINDS) else hit.detail
    tail = ", ".join(x for x in (detail, where) if x)
    return " ".join(parts) + (f"   · {tail}" if tail else "")


class HitList(QListView):
    """The matches under a picker. It never takes the keyboard: the picker keeps the focus and
    moves the highlight (a Qt popup would grab the keys, and an Enter or Esc it did not use
    would reach the window underneath: the list's selected row would open, or the editor
    close). It lies over the picker's own window, so no window manager is involved."""

    def __init__(self, picker: RecordPicker) -> None:
        super().__init__(picker)
        self.picker = picker
        self.hide()
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.setUniformItemSizes(True)
        self.setIconSize(QSize(16, 16))  # as in every list, not the style's 24
        self.setMouseTracking(True)
        self.setObjectName("matches")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and event.button() == Qt.MouseButton.LeftButton:
            self.picker.pick_row(index.row())
            return
        super().mouseReleaseEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # the highlight follows the mouse
        index = self.indexAt(event.position().toPoint())
        if index.isValid():
            self.setCurrentIndex(index)
        super().mouseMoveEvent(event)


class RecordPicker(QLineEdit):
    """Type part of any name; the matches drop down, best first. Up and Down move the
    highlight, Enter opens the highlighted match (the best one when none is highlighted), Esc
    closes the list and nothing else."""

    picked = Signal(object)  # NameHit
    nothing_found = Signal(str)  # Enter on text that matches no record

    def __init__(self, database: Database, kinds: Sequence[Kind] = ("organization", "person"),
                 parent: QWidget | None = None, *, limit: int = 15) -> None:
        super().__init__(parent)
        self.database = database
        self.kinds = tuple(kinds)
        self.limit = limit
        self.hits: list[NameHit] = []
        self.results = QStandardItemModel(self)
        self.matches = HitList(self)
        self.matches.setModel(self.results)
        self.destroyed.connect(self.matches.deleteLater)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(120)
        self.timer.timeout.connect(self.refresh)
        self.textEdited.connect(lambda _text: self.timer.start())
        self.setClearButtonEnabled(True)

    # -- the matches ---------------------------------------------------------------------------

    def refresh(self) -> None:
        self.timer.stop()
        text = self.text().strip()
        self.hits = search_names(self.database, text, kinds=self.kinds, limit=self.limit) if text else []
        self.results.clear()
        for hit in self.hits:
            item = QStandardItem(icon("building-2" if hit.kind == "organization" else "users"),
                                 describe(hit))
            item.setData(hit, HIT_ROLE)
            self.results.appendRow(item)
        if self.hits and self.hasFocus():
            self._show_matches()
        else:
            self.matches.hide()

    def matches_shown(self) -> bool:
        return self.matches.isVisible()

    def highlighted(self) -> int:
        """The highlighted row of the matches, or -1."""
        index = self.matches.currentIndex()
        return index.row() if self.matches_shown() and index.isValid() else -1

    def _show_matches(self) -> None:
        """Below the box (above it when there is more room there), wide enough for the hits'
        names, kinds and countries (a narrow box would cut them off), within the window; a box
        in the right half of its window grows its list leftwards."""
        view, window = self.matches, self.window()
        if view.parentWidget() is not window:
            view.setParent(window)  # over everything in the window, not clipped by the toolbar
        view.setCurrentIndex(QModelIndex())
        margin = 4
        width = max(self.width(), min(view.sizeHintForColumn(0) + 2 * view.frameWidth()
                                      + view.verticalScrollBar().sizeHint().width() + 8, 760))
        width = min(width, window.width() - 2 * margin)
        corner = self.mapTo(window, QPoint(0, 0))
        left = corner.x() + self.width() - width if corner.x() + self.width() / 2 > (
            window.width() / 2) else corner.x()
        left = max(margin, min(left, window.width() - width - margin))
        below = window.height() - (corner.y() + self.height()) - margin
        above = corner.y() - margin
        row_height = max(view.sizeHintForRow(0), 1)
        wanted = min(len(self.hits), 10) * row_height + 2 * view.frameWidth()
        room = below if below >= min(wanted, 3 * row_height) or below >= above else above
        height = max(min(wanted, room), row_height + 2 * view.frameWidth())
        top = corner.y() + self.height() if room == below else corner.y() - height
        view.setGeometry(QRect(left, top, width, height))
        view.show()
        view.raise_()

    def _move_highlight(self, step: int) -> None:
        if not self.matches_shown():
            if not self.hits:
                self.refresh()
            if self.hits:
                self._show_matches()
            return
        count = self.results.rowCount()
        row = self.highlighted()
        row = (0 if step > 0 else count - 1) if row < 0 else max(0, min(count - 1, row + step))
        self.matches.setCurrentIndex(self.results.index(row, 0))

    def pick_row(self, row: int) -> None:
        if 0 <= row < len(self.hits):
            hit = self.hits[row]
            self.matches.hide()
            self.hits = []
            self.picked.emit(hit)
            self.clear()

    def _pick(self) -> None:
        """Enter: the highlighted match, else the best one — typing a name and pressing
        Enter is enough."""
        row = self.highlighted()
        if row >= 0:
            self.pick_row(row)
            return
        if self.timer.isActive() or (self.text().strip() and not self.hits):
            self.refresh()  # typed faster than the search ran: the hits are stale
        if not self.text().strip():
            return
        if not self.hits:
            self.nothing_found.emit(self.text().strip())
            return
        if len(self.hits) > 1 and self.hits[0].rank == self.hits[1].rank == 0:
            # Two records answer exactly to what was typed (an abbreviation such as "CPC" or
            # "ANC"): never choose silently, let the user pick from the list.
            self._show_matches()
            return
        self.pick_row(0)

    # -- the keyboard ----------------------------------------------------------------------

    NAVIGATION: ClassVar[dict[int, int]] = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1,
                                            Qt.Key.Key_PageDown: 10, Qt.Key.Key_PageUp: -10}

    def event(self, event: QEvent) -> bool:
        # Enter and Esc belong to the picker while it has something to do with them: a
        # window's shortcut (open the selected row, close the editor) must not take them.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            key = event.key()
            if (key == Qt.Key.Key_Escape and self.matches_shown()) or (
                    key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.text().strip()):
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in self.NAVIGATION and not event.modifiers():
            self._move_highlight(self.NAVIGATION[key])
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.text().strip():
            self._pick()
            return  # handled here, never passed on to a dialog's default button
        if key == Qt.Key.Key_Escape and self.matches_shown():
            self.matches.hide()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.matches.hide()
        super().focusOutEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.matches.hide()
        super().hideEvent(event)
