"""What an import plan will do, as the wizard's Check and Review pages show it: every problem
(error or warning) located by sheet, row and column, and every source row with its action,
the record it becomes or matched, and — one line per field below it — what changes, which
fields are in conflict and what the user picked for them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QIcon

from db.exchange.imports.plan import Change, FieldConflict, Note, Plan, Resolution, RowPlan
from db.models.vocabulary import (
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
    if row.entity == "position" and row.action != "delete":
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
    if row.action == "delete":  # the record's name is in the reason: "Not in the sheet …: X"
        return row.reason.partition(": ")[2]
    return ""


ConflictKey = tuple[str, str]  # (record id, field)
PICK_WORDS: dict[Resolution, str] = {"file": "the file's value", "database": "Liaison's value"}


@dataclass(frozen=True)
class ConflictChoices:
    """Every conflict met in this file so far, by (record id, field), with the values as first
    planned, and what the user picked: for one field, or for every other conflict."""

    known: Mapping[ConflictKey, FieldConflict] = field(default_factory=dict)
    resolutions: Mapping[ConflictKey, Resolution] = field(default_factory=dict)
    default: Resolution | None = None

    def pick(self, key: ConflictKey) -> Resolution | None:
        return self.resolutions.get(key, self.default)

    def why(self, key: ConflictKey) -> str:
        """How the pick for this field was made, in words."""
        pick = self.pick(key)
        if pick is None:
            return ""
        chosen = "your choice" if key in self.resolutions else "as chosen for all conflicts"
        return f"{PICK_WORDS[pick]}, {chosen}"


@dataclass(frozen=True)
class DetailLine:
    """One line below a row; `key` when its field is (or was, until a pick) in conflict."""

    text: str
    key: ConflictKey | None = None
    open_conflict: bool = False


def change_line(row: RowPlan, change: Change, names: Mapping[str, str]) -> str:
    before = value_text(change.field, change.before, names, row.entity)
    after = value_text(change.field, change.after, names, row.entity)
    return f"{change.field}:  {before}  →  {after}"


def conflict_line(row: RowPlan, conflict: FieldConflict, names: Mapping[str, str]) -> str:
    def shown(value: object) -> str:
        return value_text(conflict.field, value, names, row.entity)

    return (f"{conflict.field} (conflict, left as it is):  exported {shown(conflict.exported)}"
            f"  ·  the file has {shown(conflict.file)}  ·  Liaison has {shown(conflict.database)}")


def conflict_words(row: RowPlan, conflict: FieldConflict, names: Mapping[str, str]) -> str:
    """The three values of a conflict, the ones to choose between first."""
    def shown(value: object) -> str:
        return value_text(conflict.field, value, names, row.entity)

    return (f"the file has {shown(conflict.file)}  ·  Liaison has {shown(conflict.database)}"
            f"  ·  exported {shown(conflict.exported)}")


def kept_line(row: RowPlan, conflict: FieldConflict, names: Mapping[str, str], why: str) -> str:
    def shown(value: object) -> str:
        return value_text(conflict.field, value, names, row.entity)

    return (f"{conflict.field} (conflict: {why}):  Liaison keeps {shown(conflict.database)}"
            f"  ·  the file has {shown(conflict.file)}")


def detail_lines(row: RowPlan, names: Mapping[str, str],
                 choices: ConflictChoices | None = None,
                 settled: Sequence[ConflictKey] = ()) -> list[DetailLine]:
    """The lines shown under a row: field changes and conflicts — open, or settled by a pick
    (`settled`: this row's conflicts the user picked a value for) — or what a new record
    holds."""
    choices = choices or ConflictChoices()
    if row.changes or row.conflicts or settled:
        lines = []
        for change in row.changes:
            key = (row.id or "", change.field)
            text = change_line(row, change, names)
            if key in choices.known and choices.pick(key) == "file":
                lines.append(DetailLine(f"{text}  ({choices.why(key)})", key))
            else:
                lines.append(DetailLine(text))
        lines.extend(DetailLine(conflict_line(row, conflict, names), (row.id or "", conflict.field),
                                open_conflict=True) for conflict in row.conflicts)
        lines.extend(DetailLine(kept_line(row, choices.known[key], names, choices.why(key)), key)
                     for key in settled if choices.pick(key) == "database")
        return lines
    if row.action == "create":
        values = {**row.values, **row.links}
        return [DetailLine(f"{name}:  {value_text(name, value, names, row.entity)}")
                for name, value in values.items()
                if value not in (None, "", [], ()) and name not in ("person_id",)]
    return []


SUMMARY_SKIPS = frozenset({"name", "title", "description", "person_id", "notes", "summary",
                           "outcomes"})


def row_details(row: RowPlan, names: Mapping[str, str] | None = None, *,
                deleting: bool = False) -> str:
    """The one-line explanation beside a row (`deleting`: the user chose to delete the
    records removed from the file)."""
    if row.action == "update":
        fields = ", ".join(c.field for c in row.changes)
        # How a spreadsheet row matched ("same name") reads after "matched:"; a Liaison
        # workbook's sentence ("Changed in the file.") stands on its own.
        matched = (f"matched: {row.reason}" if row.reason and row.reason[0].islower()
                   and not row.conflicts else row.reason)
        return " · ".join(part for part in (fields and f"changes {fields}", matched) if part)
    if row.action == "conflict":
        return row.reason
    if row.action == "delete":  # the record's name is in its own column
        return ("Moved to the deleted records" if deleting
                else "Kept unless you tick the box below")
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
            number = str(row.row) if row.row else ""  # a removed row has no number any more
            return f"{row.sheet} {number}".strip() if self.several_sheets else number
        if column == 1:
            return ACTIONS[row.action].label
        if column == 2:
            return ENTITY_NOUNS.get(row.entity, row.entity)
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
