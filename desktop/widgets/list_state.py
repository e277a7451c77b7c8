"""What every list screen remembers between sessions (its column widths and order) and how
Ctrl+F reaches its filter. Mixed into the list views; they provide `table` and `query`."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QLineEdit, QTableView


class ListScreen:
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
