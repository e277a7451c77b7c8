"""A line edit that finds organizations and people by any name, alias or abbreviation as the
user types, and says which one was picked."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

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


class RecordPicker(QLineEdit):
    picked = Signal(object)  # NameHit

    def __init__(self, database: Database, kinds: Sequence[Kind] = ("organization", "person"),
                 parent: QWidget | None = None, *, limit: int = 15) -> None:
        super().__init__(parent)
        self.database = database
        self.kinds = tuple(kinds)
        self.limit = limit
        self.hits: list[NameHit] = []
        self.results = QStandardItemModel(self)
        self.popup = QCompleter(self)
        self.popup.setModel(self.results)
        self.popup.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.popup.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.popup.setWidget(self)
        view = self.popup.popup()
        assert view is not None  # a completer always has its list
        view.setIconSize(QSize(16, 16))  # as in every list, not the style's 24
        self.popup.activated.connect(self._activated_text)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(120)
        self.timer.timeout.connect(self.refresh)
        self.textEdited.connect(lambda _text: self.timer.start())
        self.returnPressed.connect(self._pick_first)
        self.setClearButtonEnabled(True)

    def refresh(self) -> None:
        text = self.text().strip()
        self.hits = search_names(self.database, text, kinds=self.kinds, limit=self.limit) if text else []
        self.results.clear()
        for hit in self.hits:
            item = QStandardItem(icon("building-2" if hit.kind == "organization" else "users"),
                                 describe(hit))
            item.setData(hit, HIT_ROLE)
            self.results.appendRow(item)
        if self.hits:
            self.popup.complete(self._popup_rect())
        else:
            self.popup.popup().hide()

    def _popup_rect(self) -> QRect:
        """Wide enough for the hits' names, kinds and countries (a narrow search box would cut
        them off); a box in the right half of its window grows its list leftwards."""
        view = self.popup.popup()
        assert view is not None
        wanted = (view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint().width()
                  + 2 * view.frameWidth() + 8)
        width = max(self.width(), min(wanted, 760))
        right_half = self.mapTo(self.window(), QPoint(self.width(), 0)).x() > self.window().width() / 2
        left = self.width() - width if right_half else 0
        return QRect(left, 0, width, self.height())

    def _pick_first(self) -> None:
        """Enter takes the best match: typing a name and pressing Enter is enough."""
        pending = self.timer.isActive()  # typed faster than the search ran: hits are stale
        self.timer.stop()
        if self.text().strip() and (pending or not self.hits):
            self.refresh()
        if self.text().strip() and self.hits:
            if len(self.hits) > 1 and self.hits[0].rank == self.hits[1].rank == 0:
                # Two records answer exactly to what was typed (an abbreviation such as
                # "CPC" or "ANC"): never choose silently, let the user pick from the list.
                self.popup.complete()
                return
            self.popup.popup().hide()
            hit = self.hits[0]
            self.hits = []
            self.picked.emit(hit)
            self.clear()

    def _activated_text(self, text: str) -> None:
        for hit in self.hits:
            if describe(hit) == text:
                self.hits = []
                self.picked.emit(hit)
                self.clear()
                return

