"""What an import plan will do, as the wizard's Check and Review pages show it: every problem
(error or warning) located by sheet, row and column, and every source row with its action,
the record it becomes or matched, and — one line per field below it — what changes."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QIcon

from db.exchange.plan import Change, FieldConflict, Note, Plan, RowPlan
from db.vocabulary import (
    FOLLOWUP_STATUSES,
    GENDERS,
    INTERACTION_KINDS,
    ORGANIZATION_KINDS,
    PARTICIPATION_ROLES,
    POLITICAL_STATUSES,
    RELATIONSHIP_LEVELS,
    Term,
)
from desktop.icons import icon
from desktop.qtmodels.paged import RECORD_ROLE, Column, Index


@dataclass(frozen=True)
class ActionLook:
    label: str  # what the Review page calls the action
    icon_name: str
    colour: str


ACTIONS: dict[str, ActionLook] = {
    "create": ActionLook("Create", "plus", "#067647"),
    "update": ActionLook("Update", "pencil", "#175cd3"),
    "unchanged": ActionLook("Already in Liaison", "check", "#667085"),
    "skip": ActionLook("Skip", "x", "#667085"),
    "conflict": ActionLook("Conflict", "triangle-alert", "#b54708"),
    "error": ActionLook("Not imported (error)", "circle-x", "#b42318"),
    "delete": ActionLook("Removed from the file", "trash-2", "#b42318"),
}
ENTITY_NOUNS = {"organization": "organization", "person": "person", "position": "position",
                "interaction": "interaction", "followup": "follow-up"}
VOCABULARIES: dict[tuple[str, str], dict[str, Term]] = {
    ("organization", "kind"): ORGANIZATION_KINDS, ("organization", "status"): POLITICAL_STATUSES,
    ("organization", "level"): RELATIONSHIP_LEVELS, ("interaction", "kind"): INTERACTION_KINDS,
    ("followup", "status"): FOLLOWUP_STATUSES, ("person", "gender"): GENDERS,
}
ERROR_COLOUR = "#b42318"
WARNING_COLOUR = "#b54708"
LONGEST_VALUE = 200
EMPTY = "(empty)"


def action_icon(action: str) -> QIcon:
    look = ACTIONS[action]
    return icon(look.icon_name, look.colour)


# -- problems --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Problem:
    """One note of the plan with its weight: an error blocks its row, a warning does not."""

    severity: str  # "error" | "warning"
    note: Note

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def problems_of(plan: Plan) -> list[Problem]:
    """Errors first, then warnings, each in the order of the file."""
    def where(note: Note) -> tuple[str, int]:
        return (note.sheet, note.row or 0)

    return ([Problem("error", n) for n in sorted(plan.errors, key=where)]
            + [Problem("warning", n) for n in sorted(plan.warnings, key=where)])


def problem_columns() -> list[Column]:
    def severity_icon(problem: Problem) -> QIcon:
        return (icon("circle-x", ERROR_COLOUR) if problem.is_error
                else icon("triangle-alert", WARNING_COLOUR))

    def colour(problem: Problem) -> QBrush | None:
        return QBrush(QColor(ERROR_COLOUR)) if problem.is_error else None

    return [
        Column("severity", "", lambda p: "Error" if p.is_error else "Warning",
               icon=severity_icon, foreground=colour),
        Column("sheet", "Sheet", lambda p: p.note.sheet),
        Column("row", "Row", lambda p: p.note.row, align_right=True),
        Column("column", "Column", lambda p: p.note.column or ""),
        Column("message", "Problem", lambda p: p.note.message,
               tooltip=lambda p: p.note.message),
    ]


# -- values as the user reads them -----------------------------------------------------------

def value_text(field: str, value: Any, names: Mapping[str, str], entity: str = "") -> str:
    """A planned or stored value in words: names instead of ids, labels instead of codes,
    lists joined with “; ”."""
    if value is None or value == "" or value == [] or value == ():
        return EMPTY
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else list(value)
        if field == "participants":
            return "; ".join(_participant(item, names) for item in items) or EMPTY
        return "; ".join(names.get(str(item), str(item)) for item in items) or EMPTY
    text = str(value)
    vocabulary = VOCABULARIES.get((entity, field))
    if vocabulary is not None and text in vocabulary:
        return vocabulary[text].en
    if field.endswith("_id"):
        text = names.get(text, text)
    elif field in ("country", "nationality") and f"country:{text}" in names:
        text = f"{names[f'country:{text}']} ({text})"
    text = " ".join(text.split())
    return text if len(text) <= LONGEST_VALUE else text[:LONGEST_VALUE - 1] + "…"


def _participant(item: Any, names: Mapping[str, str]) -> str:
    if isinstance(item, list | tuple) and len(item) == 3:
        organization, person, role = item
        who = organization or person or ""
        name = names.get(who, who)
        if not role or role == "participant":
            return name
        term = PARTICIPATION_ROLES.get(role)
        return f"{name} [{term.en if term else role}]"
    return str(item)


def record_label(row: RowPlan, names: Mapping[str, str]) -> str:
    """Which record a planned row is: its name from the file, or the matched record's."""
    if row.entity == "position":
        person = names.get(str(row.values.get("person_id")), "")
        organization = names.get(str(row.values.get("organization_id")), "")
        role = row.values.get("role")
        where = f"{role} at {organization}" if role else organization
        parts = [p for p in (person, where) if p]
        return " — ".join(parts) or "position"
    for key in ("name", "title", "description"):
        value = row.values.get(key)
        if value:
            return " ".join(str(value).split())
    if row.id and row.id in names:
        return names[row.id]
    return ""


def change_line(row: RowPlan, change: Change, names: Mapping[str, str]) -> str:
    before = value_text(change.field, change.before, names, row.entity)
    after = value_text(change.field, change.after, names, row.entity)
    return f"{change.field}:  {before}  →  {after}"


def conflict_line(row: RowPlan, conflict: FieldConflict, names: Mapping[str, str]) -> str:
    def shown(value: object) -> str:
        return value_text(conflict.field, value, names, row.entity)

    return (f"{conflict.field} (conflict, left as it is):  exported {shown(conflict.exported)}"
            f"  ·  the file has {shown(conflict.file)}  ·  Liaison has {shown(conflict.database)}")


def detail_lines(row: RowPlan, names: Mapping[str, str]) -> list[str]:
    """The lines shown under a row: field changes and conflicts, or what a new record holds."""
    if row.changes or row.conflicts:
        return [change_line(row, change, names) for change in row.changes] + [
            conflict_line(row, conflict, names) for conflict in row.conflicts]
    if row.action == "create":
        values = {**row.values, **row.links}
        return [f"{field}:  {value_text(field, value, names, row.entity)}"
                for field, value in values.items()
                if value not in (None, "", [], ()) and field not in ("person_id",)]
    return []


SUMMARY_SKIPS = frozenset({"name", "title", "description", "person_id", "notes", "summary",
                           "outcomes"})


def row_details(row: RowPlan, names: Mapping[str, str] | None = None) -> str:
    """The one-line explanation beside a row."""
    if row.action == "update":
        fields = ", ".join(c.field for c in row.changes)
        matched = f"matched: {row.reason}" if row.reason and not row.conflicts else row.reason
        return " · ".join(part for part in (fields and f"changes {fields}", matched) if part)
    if row.action == "conflict":
        return row.reason
    if row.action == "delete":
        return f"{row.reason} (proposed; deleted only if you say so)"
    if row.action == "unchanged":
        if row.reason and row.reason[0].islower() and row.entity != "position":
            return f"matched: {row.reason}; nothing to change"
        return row.reason or "nothing to change"
    if row.action == "create":
        shown = [value_text(field, value, names or {}, row.entity)
                 for field, value in {**row.values, **row.links}.items()
                 if field not in SUMMARY_SKIPS and value not in (None, "", [], ())][:4]
        return "new: " + " · ".join(shown) if shown else "new record"
    return row.reason


# -- the tree ---------------------------------------------------------------------------------

TOP = 0  # internal id of a top-level row; a detail line carries its parent's row + 1


class PlanTreeModel(QAbstractItemModel):
    HEADERS = ("Row", "What happens", "Kind", "Record", "Details")

    def __init__(self, rows: Sequence[RowPlan] = (), names: Mapping[str, str] | None = None,
                 *, several_sheets: bool = False) -> None:
        super().__init__()
        self.all_rows: list[RowPlan] = list(rows)
        self.rows: list[RowPlan] = list(rows)
        self.names: Mapping[str, str] = names or {}
        self.several_sheets = several_sheets
        self._lines: dict[int, list[str]] = {}

    def set_plan(self, rows: Sequence[RowPlan], names: Mapping[str, str], *,
                 several_sheets: bool, actions: Collection[str] | None = None) -> None:
        self.beginResetModel()
        self.all_rows = list(rows)
        self.names = names
        self.several_sheets = several_sheets
        self._apply_filter(actions)
        self.endResetModel()

    def set_filter(self, actions: Collection[str] | None) -> None:
        """Show only rows with these actions (None: every row)."""
        self.beginResetModel()
        self._apply_filter(actions)
        self.endResetModel()

    def _apply_filter(self, actions: Collection[str] | None) -> None:
        self.rows = [r for r in self.all_rows if actions is None or r.action in actions]
        self._lines = {}

    def lines(self, row: int) -> list[str]:
        if row not in self._lines:
            self._lines[row] = detail_lines(self.rows[row], self.names)
        return self._lines[row]

    def plan_row(self, index: Index) -> RowPlan | None:
        if not index.isValid():
            return None
        if index.internalId() == TOP:
            return self.rows[index.row()]
        return self.rows[index.internalId() - 1]

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
            return bool(row.changes) or row.action == "create"
        return False

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.HEADERS)):
            return self.HEADERS[section]
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
            return f"{row.sheet} {row.row}" if self.several_sheets else str(row.row)
        if column == 1:
            return ACTIONS[row.action].label
        if column == 2:
            return ENTITY_NOUNS.get(row.entity, row.entity)
        if column == 3:
            return record_label(row, self.names)
        return row_details(row, self.names)

    def _line_data(self, index: Index, role: int) -> Any:
        parent_row = index.internalId() - 1
        lines = self.lines(parent_row)
        if index.column() != 0 or not 0 <= index.row() < len(lines):
            return None
        if role in (int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole)):
            return lines[index.row()]
        if role == RECORD_ROLE:
            return self.rows[parent_row]
        return None


def expand_spans(view: Any, index: QModelIndex) -> None:
    """Detail lines read across the whole width: span them from the first column."""
    model = view.model()
    for line in range(model.rowCount(index)):
        view.setFirstColumnSpanned(line, index, True)
