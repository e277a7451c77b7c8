"""What an import plan will do, in words, as the wizard's Check and Review pages show it: every
problem (error or warning) located by sheet, row and column, and every source row with its
action, the record it becomes or matched, and — one line per field below it — what changes,
which fields are in conflict and what the user picked for them. The Review page's tree of
rows is import_plan_tree.PlanTreeModel."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from PySide6.QtGui import QBrush, QColor, QIcon

from db.exchange.imports.plan import Change, FieldConflict, Note, Plan, Resolution, RowPlan
from db.models.vocabulary import (
    ATTENDANCE,
    EVENT_MECHANISMS,
    FOLLOWUP_STATUSES,
    GENDERS,
    GIFT_DIRECTIONS,
    INTERACTION_KINDS,
    INVITATION_REPLIES,
    MEMBER_ROLES,
    ORGANIZATION_KINDS,
    PARTICIPATION_ROLES,
    POLITICAL_STATUSES,
    PROGRAMME_KINDS,
    RELATIONSHIP_LEVELS,
    VISIT_DIRECTIONS,
    VISIT_SIDES,
    VISIT_STATUSES,
    Term,
)
from db.store.errors import record_noun
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.icons import icon
from desktop.qtmodels.paged import Column
from desktop.readable import date_text, field_label


@dataclass(frozen=True)
class ActionLook:
    label: str  # what the Review page calls the action (translated where shown)
    icon_name: str
    colour: str


ACTIONS: dict[str, ActionLook] = {
    "create": ActionLook(QT_TRANSLATE_NOOP("ImportPlan", "Create"), "plus", "#067647"),
    "update": ActionLook(QT_TRANSLATE_NOOP("ImportPlan", "Update"), "pencil", "#175cd3"),
    "unchanged": ActionLook(QT_TRANSLATE_NOOP("ImportPlan", "Already in Liaison"), "check",
                            "#667085"),
    "skip": ActionLook(QT_TRANSLATE_NOOP("ImportPlan", "Skip"), "x", "#667085"),
    "conflict": ActionLook(QT_TRANSLATE_NOOP("ImportPlan", "Conflict"), "triangle-alert",
                           "#b54708"),
    "error": ActionLook(QT_TRANSLATE_NOOP("ImportPlan", "Not imported (error)"), "circle-x",
                        "#b42318"),
    "delete": ActionLook(QT_TRANSLATE_NOOP("ImportPlan", "Removed from the file"), "trash-2",
                         "#b42318"),
}
# What a row of the plan is, in the Kind column (translated where shown: entity_noun).
ENTITY_NOUNS = {"organization": QT_TRANSLATE_NOOP("ImportPlan", "organization"),
                "person": QT_TRANSLATE_NOOP("ImportPlan", "person"),
                "position": QT_TRANSLATE_NOOP("ImportPlan", "position"),
                "interaction": QT_TRANSLATE_NOOP("ImportPlan", "interaction"),
                "followup": QT_TRANSLATE_NOOP("ImportPlan", "follow-up")}
# The kinds of record in counts ({"organizations": {"created": 4, …}}), in a sentence and at
# the head of a table row (translated where shown: kind_name, kind_title).
KIND_NAMES = {"organizations": QT_TRANSLATE_NOOP("ImportPlan", "organizations"),
              "people": QT_TRANSLATE_NOOP("ImportPlan", "people"),
              "positions": QT_TRANSLATE_NOOP("ImportPlan", "positions"),
              "interactions": QT_TRANSLATE_NOOP("ImportPlan", "interactions"),
              "followups": QT_TRANSLATE_NOOP("ImportPlan", "follow-ups"),
              "tags": QT_TRANSLATE_NOOP("ImportPlan", "tags"),
              "topics": QT_TRANSLATE_NOOP("ImportPlan", "topics"),
              "visits": QT_TRANSLATE_NOOP("ImportPlan", "visits"),
              "members": QT_TRANSLATE_NOOP("ImportPlan", "members of visits"),
              "programme": QT_TRANSLATE_NOOP("ImportPlan", "programme items"),
              "gifts": QT_TRANSLATE_NOOP("ImportPlan", "gifts"),
              "events": QT_TRANSLATE_NOOP("ImportPlan", "events"),
              "sessions": QT_TRANSLATE_NOOP("ImportPlan", "sessions"),
              "invitations": QT_TRANSLATE_NOOP("ImportPlan", "invitations"),
              "delegates": QT_TRANSLATE_NOOP("ImportPlan", "delegates"),
              "levels": QT_TRANSLATE_NOOP("ImportPlan", "level changes")}
KIND_TITLES = {"organizations": QT_TRANSLATE_NOOP("ImportPlan", "Organizations"),
               "people": QT_TRANSLATE_NOOP("ImportPlan", "People"),
               "positions": QT_TRANSLATE_NOOP("ImportPlan", "Positions"),
               "interactions": QT_TRANSLATE_NOOP("ImportPlan", "Interactions"),
               "followups": QT_TRANSLATE_NOOP("ImportPlan", "Follow-ups"),
               "tags": QT_TRANSLATE_NOOP("ImportPlan", "Tags"),
               "topics": QT_TRANSLATE_NOOP("ImportPlan", "Topics"),
               "visits": QT_TRANSLATE_NOOP("ImportPlan", "Visits"),
               "members": QT_TRANSLATE_NOOP("ImportPlan", "Members of visits"),
               "programme": QT_TRANSLATE_NOOP("ImportPlan", "Programme items"),
               "gifts": QT_TRANSLATE_NOOP("ImportPlan", "Gifts"),
               "events": QT_TRANSLATE_NOOP("ImportPlan", "Events"),
               "sessions": QT_TRANSLATE_NOOP("ImportPlan", "Sessions"),
               "invitations": QT_TRANSLATE_NOOP("ImportPlan", "Invitations"),
               "delegates": QT_TRANSLATE_NOOP("ImportPlan", "Delegates"),
               "levels": QT_TRANSLATE_NOOP("ImportPlan", "Level changes")}
VOCABULARIES: dict[tuple[str, str], dict[str, Term]] = {
    ("organization", "kind"): ORGANIZATION_KINDS, ("organization", "status"): POLITICAL_STATUSES,
    ("organization", "level"): RELATIONSHIP_LEVELS, ("interaction", "kind"): INTERACTION_KINDS,
    ("followup", "status"): FOLLOWUP_STATUSES, ("person", "gender"): GENDERS,
    ("visit", "direction"): VISIT_DIRECTIONS, ("visit", "status"): VISIT_STATUSES,
    ("visit member", "side"): VISIT_SIDES, ("visit member", "role"): MEMBER_ROLES,
    ("programme item", "kind"): PROGRAMME_KINDS, ("gift", "direction"): GIFT_DIRECTIONS,
    ("event", "mechanism"): EVENT_MECHANISMS, ("invitation", "reply"): INVITATION_REPLIES,
    ("invitation", "attendance"): ATTENDANCE, ("delegate", "role"): MEMBER_ROLES,
    ("level change", "level"): RELATIONSHIP_LEVELS,
}
ERROR_COLOUR = "#b42318"
WARNING_COLOUR = "#b54708"
LONGEST_VALUE = 200
EMPTY = QT_TRANSLATE_NOOP("ImportPlan", "(empty)")


def action_icon(action: str) -> QIcon:
    look = ACTIONS[action]
    return icon(look.icon_name, look.colour)


def action_label(action: str) -> str:
    return translate("ImportPlan", ACTIONS[action].label)


def entity_noun(entity: str) -> str:
    """“organization”, “follow-up”: a kind of row of the plan, in the user's language."""
    return translate("ImportPlan", ENTITY_NOUNS[entity]) if entity in ENTITY_NOUNS \
        else record_noun(entity)


def kind_name(kind: str) -> str:
    """“organizations”, “follow-ups”: a kind of record in counts, in the user's language."""
    return translate("ImportPlan", KIND_NAMES[kind]) if kind in KIND_NAMES else kind


def kind_title(kind: str) -> str:
    """“Organizations”: a kind of record at the head of a row of counts."""
    return translate("ImportPlan", KIND_TITLES[kind]) if kind in KIND_TITLES else kind


def field_name(field: str, entity: str = "") -> str:
    """A field of the plan as the user knows it (“Chinese name”, not `name_zh`); `entity` (a
    row's entity, or a kind of rows) tells a follow-up's status from a party's."""
    if field == "status" and entity in ("followup", "followups"):
        return translate("ImportPlan", "Status")
    return field_label(field)


def empty_text() -> str:
    return translate("ImportPlan", EMPTY)


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
        Column("severity", "", lambda p: (translate("ImportPlan", "Error") if p.is_error
                                          else translate("ImportPlan", "Warning")),
               icon=severity_icon, foreground=colour),
        Column("sheet", QT_TRANSLATE_NOOP("Columns", "Sheet"), lambda p: p.note.sheet),
        Column("row", QT_TRANSLATE_NOOP("Columns", "Row"), lambda p: p.note.row,
               align_right=True),
        Column("column", QT_TRANSLATE_NOOP("Columns", "Column"), lambda p: p.note.column or ""),
        Column("message", QT_TRANSLATE_NOOP("Columns", "Problem"), lambda p: p.note.message,
               tooltip=lambda p: p.note.message),
    ]


# -- values as the user reads them -----------------------------------------------------------

def value_text(field: str, value: Any, names: Mapping[str, str], entity: str = "") -> str:
    """A planned or stored value in words: names instead of ids, labels instead of codes,
    lists joined with “; ”."""
    if value is None or value == "" or value == [] or value == ():
        return empty_text()
    if isinstance(value, bool):
        return translate("ImportPlan", "yes") if value else translate("ImportPlan", "no")
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return date_text(value)
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else list(value)
        if field == "participants":
            return "; ".join(_participant(item, names) for item in items) or empty_text()
        return "; ".join(names.get(str(item), str(item)) for item in items) or empty_text()
    text = str(value)
    vocabulary = VOCABULARIES.get((entity, field))
    if vocabulary is not None and text in vocabulary:
        return vocabulary[text].label()
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
        return translate("ImportPlan", "{name} [{role}]").format(
            name=name, role=term.label() if term else role)
    return str(item)


def record_label(row: RowPlan, names: Mapping[str, str]) -> str:
    """Which record a planned row is: its name from the file, or the matched record's."""
    if row.entity == "position" and row.action != "delete":
        person = names.get(str(row.values.get("person_id")), "")
        organization = names.get(str(row.values.get("organization_id")), "")
        role = row.values.get("role")
        where = (translate("ImportPlan", "{role} at {organization}").format(
            role=role, organization=organization) if role else organization)
        parts = [p for p in (person, where) if p]
        return " — ".join(parts) or translate("ImportPlan", "position")
    for key in ("name", "title", "description"):
        value = row.values.get(key)
        if value:
            return " ".join(str(value).split())
    if row.id and row.id in names:
        return names[row.id]
    for key in ("person_id", "organization_id"):  # a member, an invitation, a delegate
        value = row.values.get(key)
        if value and str(value) in names:
            return names[str(value)]
    if row.action == "delete":  # the record's name is in the reason: "Not in the sheet …: X"
        for colon in (": ", "："):  # db's sentence, in English or in Chinese
            if colon in row.reason:
                return row.reason.partition(colon)[2]
    return ""


ConflictKey = tuple[str, str]  # (record id, field)
# How a conflict's pick was made: (pick, picked for this field) → words, translated where shown.
PICK_WORDS: dict[tuple[Resolution, bool], str] = {
    ("file", True): QT_TRANSLATE_NOOP("ImportPlan", "the file's value, your choice"),
    ("file", False): QT_TRANSLATE_NOOP("ImportPlan",
                                       "the file's value, as chosen for all conflicts"),
    ("database", True): QT_TRANSLATE_NOOP("ImportPlan", "Liaison's value, your choice"),
    ("database", False): QT_TRANSLATE_NOOP("ImportPlan",
                                           "Liaison's value, as chosen for all conflicts"),
}


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
        return translate("ImportPlan", PICK_WORDS[(pick, key in self.resolutions)])


@dataclass(frozen=True)
class DetailLine:
    """One line below a row; `key` when its field is (or was, until a pick) in conflict."""

    text: str
    key: ConflictKey | None = None
    open_conflict: bool = False


def change_line(row: RowPlan, change: Change, names: Mapping[str, str]) -> str:
    before = value_text(change.field, change.before, names, row.entity)
    after = value_text(change.field, change.after, names, row.entity)
    return translate("ImportPlan", "{field}:  {before}  →  {after}").format(
        field=field_name(change.field, row.entity), before=before, after=after)


def conflict_line(row: RowPlan, conflict: FieldConflict, names: Mapping[str, str]) -> str:
    def shown(value: object) -> str:
        return value_text(conflict.field, value, names, row.entity)

    return translate("ImportPlan", "{field} (conflict, left as it is):  exported {exported}  ·  "
                     "the file has {file}  ·  Liaison has {database}").format(
        field=field_name(conflict.field, row.entity), exported=shown(conflict.exported),
        file=shown(conflict.file), database=shown(conflict.database))


def conflict_words(row: RowPlan, conflict: FieldConflict, names: Mapping[str, str]) -> str:
    """The three values of a conflict, the ones to choose between first."""
    def shown(value: object) -> str:
        return value_text(conflict.field, value, names, row.entity)

    return translate("ImportPlan", "the file has {file}  ·  Liaison has {database}  ·  "
                     "exported {exported}").format(
        file=shown(conflict.file), database=shown(conflict.database),
        exported=shown(conflict.exported))


def kept_line(row: RowPlan, conflict: FieldConflict, names: Mapping[str, str], why: str) -> str:
    def shown(value: object) -> str:
        return value_text(conflict.field, value, names, row.entity)

    return translate("ImportPlan", "{field} (conflict: {why}):  Liaison keeps {database}  ·  "
                     "the file has {file}").format(
        field=field_name(conflict.field, row.entity), why=why,
        database=shown(conflict.database), file=shown(conflict.file))


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
                lines.append(DetailLine(translate("ImportPlan", "{change}  ({why})").format(
                    change=text, why=choices.why(key)), key))
            else:
                lines.append(DetailLine(text))
        lines.extend(DetailLine(conflict_line(row, conflict, names), (row.id or "", conflict.field),
                                open_conflict=True) for conflict in row.conflicts)
        lines.extend(DetailLine(kept_line(row, choices.known[key], names, choices.why(key)), key)
                     for key in settled if choices.pick(key) == "database")
        return lines
    if row.action == "create":
        values = {**row.values, **row.links}
        return [DetailLine(translate("ImportPlan", "{field}:  {value}").format(
                    field=field_name(name, row.entity),
                    value=value_text(name, value, names, row.entity)))
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
        fields = ", ".join(field_name(c.field, row.entity) for c in row.changes)
        # How a spreadsheet row matched ("same name") reads after "matched:"; a Liaison
        # workbook's sentence ("Changed in the file.") stands on its own.
        matched = (translate("ImportPlan", "matched: {reason}").format(reason=row.reason)
                   if row.reason and row.reason[0].islower() and not row.conflicts
                   else row.reason)
        changes = fields and translate("ImportPlan", "changes {fields}").format(fields=fields)
        return " · ".join(part for part in (changes, matched) if part)
    if row.action == "conflict":
        return row.reason
    if row.action == "delete":  # the record's name is in its own column
        return (translate("ImportPlan", "Moved to the deleted records") if deleting
                else translate("ImportPlan", "Kept unless you tick the box below"))
    if row.action == "unchanged":
        if row.reason and row.reason[0].islower() and row.entity != "position":
            return translate("ImportPlan", "matched: {reason}; nothing to change").format(
                reason=row.reason)
        return row.reason or translate("ImportPlan", "nothing to change")
    if row.action == "create":
        shown = [value_text(field, value, names or {}, row.entity)
                 for field, value in {**row.values, **row.links}.items()
                 if field not in SUMMARY_SKIPS and value not in (None, "", [], ())][:4]
        return (translate("ImportPlan", "new: {values}").format(values=" · ".join(shown))
                if shown else translate("ImportPlan", "new record"))
    return row.reason
