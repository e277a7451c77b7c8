"""The Review page's tree of an import plan: a row per source row (its action, kind, record
and a one-line explanation), and below it one line per field that changes or is in conflict;
a filter by action, and the conflict keys behind a row or line for the user's picks. The
words come from import_plan."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from db.exchange.imports.plan import FieldConflict, RowPlan
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.qtmodels.import_plan import (
    ACTIONS,
    ConflictChoices,
    ConflictKey,
    DetailLine,
    action_icon,
    action_label,
    detail_lines,
    entity_noun,
    record_label,
    row_details,
)
from desktop.qtmodels.paged import RECORD_ROLE, Index

TOP = 0  # internal id of a top-level row; a detail line carries its parent's row + 1


class PlanTreeModel(QAbstractItemModel):
    HEADERS = (QT_TRANSLATE_NOOP("Columns", "Row"), QT_TRANSLATE_NOOP("Columns", "What happens"),
               QT_TRANSLATE_NOOP("Columns", "Kind"), QT_TRANSLATE_NOOP("Columns", "Record"),
               QT_TRANSLATE_NOOP("Columns", "Details"))

    def __init__(self, rows: Sequence[RowPlan] = (), names: Mapping[str, str] | None = None,
                 *, several_sheets: bool = False) -> None:
        super().__init__()
        self.all_rows: list[RowPlan] = list(rows)
        self.rows: list[RowPlan] = list(rows)
        self.names: Mapping[str, str] = names or {}
        self.several_sheets = several_sheets
        self.choices = ConflictChoices()
        self.deleting = False  # whether rows removed from the file will be deleted
        self._settled: dict[str, list[ConflictKey]] = {}
        self._lines: dict[int, list[DetailLine]] = {}

    def set_plan(self, rows: Sequence[RowPlan], names: Mapping[str, str], *,
                 several_sheets: bool, actions: Collection[str] | None = None,
                 choices: ConflictChoices | None = None, deleting: bool = False) -> None:
        self.beginResetModel()
        self.all_rows = list(rows)
        self.names = names
        self.several_sheets = several_sheets
        self.choices = choices or ConflictChoices()
        self.deleting = deleting
        # A conflict the user settled is no longer in the plan's row: list it under its row.
        still_open = {(r.id or "", c.field) for r in self.all_rows for c in r.conflicts}
        self._settled = defaultdict(list)
        for key in self.choices.known:
            if key not in still_open and self.choices.pick(key) is not None:
                self._settled[key[0]].append(key)
        self._apply_filter(actions)
        self.endResetModel()

    def set_filter(self, actions: Collection[str] | None) -> None:
        """Show only rows with these actions (None: every row). "conflict" stands for every
        row with a conflict, open or settled by a pick, whatever else the row does."""
        self.beginResetModel()
        self._apply_filter(actions)
        self.endResetModel()

    def has_conflicts(self, row: RowPlan) -> bool:
        return bool(row.conflicts) or bool(row.id and row.id in self._settled)

    def _apply_filter(self, actions: Collection[str] | None) -> None:
        conflicts = actions is not None and "conflict" in actions
        self.rows = [r for r in self.all_rows if actions is None or r.action in actions
                     or (conflicts and self.has_conflicts(r))]
        self._lines = {}

    def lines(self, row: int) -> list[DetailLine]:
        if row not in self._lines:
            plan_row = self.rows[row]
            settled = self._settled.get(plan_row.id, []) if plan_row.id else []
            self._lines[row] = detail_lines(plan_row, self.names, self.choices, settled)
        return self._lines[row]

    def plan_row(self, index: Index) -> RowPlan | None:
        if not index.isValid():
            return None
        if index.internalId() == TOP:
            return self.rows[index.row()]
        return self.rows[index.internalId() - 1]

    def line(self, index: Index) -> DetailLine | None:
        """The detail line at `index`; None for a row of the plan."""
        if not index.isValid() or index.internalId() == TOP:
            return None
        lines = self.lines(index.internalId() - 1)
        return lines[index.row()] if 0 <= index.row() < len(lines) else None

    def conflict_keys(self, index: Index) -> list[ConflictKey]:
        """The conflicting fields at `index`: a conflict line's field (open or settled), or
        every conflicting field of a row."""
        line = self.line(index)
        if line is not None:
            return [line.key] if line.key else []
        row = self.plan_row(index)
        if row is None or not row.id:
            return []
        return [(row.id, c.field) for c in row.conflicts] + self._settled.get(row.id, [])

    def conflict_of(self, row: RowPlan, key: ConflictKey) -> FieldConflict | None:
        """A conflict's values: as planned now while it is open, as first met once settled."""
        for conflict in row.conflicts:
            if (row.id, conflict.field) == key:
                return conflict
        return self.choices.known.get(key)

    def find(self, sheet: str, number: int, record_id: str | None) -> QModelIndex:
        """The index of a plan row by where it is and which record it is, as it moves when
        the plan is built again."""
        for position, row in enumerate(self.rows):
            if row.sheet == sheet and row.row == number and row.id == record_id:
                return self.index(position, 0)
        return QModelIndex()

    # -- structure -------------------------------------------------------------------------
    def index(self, row: int, column: int,
              parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, TOP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(  # type: ignore[override]
            self, index: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not index.isValid() or index.internalId() == TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, TOP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self.rows)
        if parent.internalId() == TOP and parent.column() == 0:
            return len(self.lines(parent.row()))
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.HEADERS)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if not parent.isValid():
            return bool(self.rows)
        if parent.internalId() == TOP and parent.column() == 0:
            row = self.rows[parent.row()]
            return (bool(row.changes) or row.action == "create"
                    or self.has_conflicts(row))
        return False

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.HEADERS)):
            return translate("Columns", self.HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- content ---------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        role = int(role)
        if index.internalId() != TOP:
            return self._line_data(index, role)
        row = self.rows[index.row()]
        column = index.column()
        if role == int(Qt.ItemDataRole.DisplayRole):
            return self._text(row, column)
        if role == int(Qt.ItemDataRole.ToolTipRole) and column in (3, 4):
            text = self._text(row, column)
            return text if len(text) > 40 else None
        if role == int(Qt.ItemDataRole.DecorationRole) and column == 1:
            return action_icon(row.action)
        if role == int(Qt.ItemDataRole.ForegroundRole) and column == 1:
            return QBrush(QColor(ACTIONS[row.action].colour))
        if role == int(Qt.ItemDataRole.TextAlignmentRole) and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == RECORD_ROLE:
            return row
        return None

    def _text(self, row: RowPlan, column: int) -> str:
        if column == 0:
            number = str(row.row) if row.row else ""  # a removed row has no number any more
            return f"{row.sheet} {number}".strip() if self.several_sheets else number
        if column == 1:
            return action_label(row.action)
        if column == 2:
            return entity_noun(row.entity)
        if column == 3:
            return record_label(row, self.names)
        return row_details(row, self.names, deleting=self.deleting)

    def _line_data(self, index: Index, role: int) -> Any:
        parent_row = index.internalId() - 1
        lines = self.lines(parent_row)
        if index.column() != 0 or not 0 <= index.row() < len(lines):
            return None
        line = lines[index.row()]
        if role in (int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole)):
            return line.text
        if role == int(Qt.ItemDataRole.ForegroundRole) and line.open_conflict:
            return QBrush(QColor(ACTIONS["conflict"].colour))
        if role == int(Qt.ItemDataRole.DecorationRole) and line.open_conflict:
            return action_icon("conflict")
        if role == RECORD_ROLE:
            return self.rows[parent_row]
        return None


def expand_spans(view: Any, index: QModelIndex) -> None:
    """Detail lines read across the whole width: span them from the first column."""
    model = view.model()
    for line in range(model.rowCount(index)):
        view.setFirstColumnSpanned(line, index, True)
