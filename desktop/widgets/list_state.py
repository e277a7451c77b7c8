"""What every list screen shares: what it remembers between sessions (its column widths and
order) and how Ctrl+F reaches its filter (ListState), and how the lists that can be exported
export what they show (ListScreen). Mixed into the list views; they provide `table` and
`query`, and for the export `context`, `model`, `current_filter` and `reload`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, QSize, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLineEdit, QPushButton, QSizePolicy, QTableView, QWidget

from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.icons import icon

if TYPE_CHECKING:
    from db.exchange.export.views import ViewFilter
    from desktop.context import AppContext
    from desktop.jobs.worker import Job
    from desktop.qtmodels.paged import PagedTableModel


class ExportListButton(QPushButton):
    """The list's own “Export…” (File ▸ Export this list… does the same): with its text
    where there is room, only its icon where there is not, so it never makes the window
    wider than the list's filters already do."""

    TEXT = QT_TRANSLATE_NOOP("ListScreen", "Export…")  # translated where shown

    def __init__(self) -> None:
        super().__init__(icon("download"), "")
        policy = self.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)  # may shrink to the icon
        self.setSizePolicy(policy)
        self._measure()

    @property
    def full_text(self) -> str:
        return translate("ListScreen", self.TEXT)

    def _measure(self) -> None:
        text = self.text()
        self.setText("")
        self.narrow = super().sizeHint()
        self.setText(self.full_text)
        self.wide = super().sizeHint()
        self.setText(text)

    def sizeHint(self) -> QSize:
        return self.wide

    def minimumSizeHint(self) -> QSize:
        return self.narrow

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._measure()
            self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.setText(self.full_text if event.size().width() >= self.wide.width() else "")


class ListState:
    """The column widths and order kept between sessions, and Ctrl+F to the filter."""

    table: QTableView
    query: QLineEdit

    def focus_filter(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    def save_state(self) -> dict[str, Any]:
        return {"header": self.table.horizontalHeader().saveState()}

    def restore_state(self, state: dict[str, Any]) -> None:
        if isinstance(state.get("header"), QByteArray):
            self.table.horizontalHeader().restoreState(state["header"])


class ListScreen(ListState):
    """A list File ▸ Export this list… and its own Export… button export as shown."""

    context: AppContext
    model: PagedTableModel
    export_kind: str  # which list of db.exchange.export.views this screen shows
    timer: QTimer | None = None  # a filter change waiting to be applied, if the screen has one

    def current_filter(self) -> ViewFilter:
        raise NotImplementedError

    def reload(self) -> None:
        raise NotImplementedError

    # -- export ----------------------------------------------------------------------------
    def export_button(self) -> QPushButton:
        button = ExportListButton()
        button.setObjectName("export_list")
        button.setToolTip(translate("ListScreen", "Export this list as shown — these filters, "
                                                  "this order, every row — to an Excel workbook "
                                                  "(.xlsx)"))
        button.clicked.connect(lambda _checked=False: self.export_list())
        return button

    def export_list(self) -> Job | None:
        """Export exactly what the list shows: its filters and its sort column and direction."""
        from desktop.exporting import export_list

        if self.timer is not None and self.timer.isActive():
            self.reload()  # a filter typed a moment ago is part of what the user sees
        assert isinstance(self, QWidget)
        return export_list(self.context, self, self.export_kind, self.current_filter(),
                           self.model.sort_key, self.model.descending)
