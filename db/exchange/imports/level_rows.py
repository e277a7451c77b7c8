"""The levels sheet of the Liaison workbook: an organization's level history, a row per change.
A row names its organization by id with the name beside it (or by name alone, for one new in
the same file); a row without an id is matched on the registry's natural keys (the
organization and the day), so a change re-typed for a day already recorded corrects it.

The rule "one change a day" reads other records: it is checked over the whole plan afterwards
(`check_level_rows`), where the history is seen as the plan would leave it — two rows of the
file on one day, or a row moved onto a day another entry holds — and located at the row and
column that break it. What an import's organizations rows do to the level is recorded in the
history when the plan is applied (apply.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.exchange.imports.classify import Pending
from db.exchange.imports.event_rows import EventSheetPlanner
from db.exchange.imports.plan import ImportOptions, Note, RowPlan
from db.exchange.imports.visit_rows import trusting
from db.models import LevelChange
from db.models.vocabulary import RELATIONSHIP_LEVELS
from db.store.translation import translate

LEVEL_ENTITY = "level change"


class LevelSheetPlanner(EventSheetPlanner):
    """The levels sheet's part of the workbook's sheet planner."""

    def __init__(self, session: Session, sheet: str, kind: str, headers: Sequence[str],
                 mapping: dict[int, str], options: ImportOptions, data_rows: int) -> None:
        super().__init__(session, sheet, kind, headers, mapping, options, data_rows)
        if kind == "levels":
            self.schema = trusting(self.schema)

    def _plan_levels(self, number: int, cells: Sequence[Any]) -> Pending | None:
        data, ok = self.cells(number, cells)
        own = self._own(data)
        organization = self._by_id_or_name(number, data, "organization_id", "organization",
                                           "organization")
        if organization is False:
            return None
        if organization is None:
            self.error(number, "organization", translate(
                "Import", "A level change needs its organization: its id in organization_id, "
                          "or its name in organization."))
            return None
        own["organization_id"] = organization
        values = self.validate(number, own)
        if values is None or not ok:
            return None
        return self._pending(number, data, values)


def _label(level: str) -> str:
    found = RELATIONSHIP_LEVELS.get(level)
    return found.label() if found else level


def check_level_rows(session: Session, rows: list[RowPlan], options: ImportOptions
                     ) -> tuple[list[RowPlan], list[Note]]:
    """The plan's rows, those putting a second level change on one organization's day turned
    into errors, and the problems found (at the row's `effective` cell)."""
    writing = [r for r in rows if r.entity == LEVEL_ENTITY and r.id
               and r.action in ("create", "update")]
    if not writing:
        return rows, []
    gone = {r.id for r in rows if r.action == "delete" and options.apply_deletions and r.id}
    planned = {r.id for r in writing}
    # Each entry as the plan leaves it: the stored ones of the organizations concerned, with
    # the plan's values over them.
    stored: dict[str, dict[str, Any]] = {}
    organizations = {str(r.values["organization_id"]) for r in writing
                     if r.values.get("organization_id")}
    updated = [r.id for r in writing if r.action == "update" and r.id]
    for start in range(0, len(updated), 500):
        organizations.update(session.execute(select(LevelChange.organization_id).where(
            LevelChange.id.in_(updated[start:start + 500]))).scalars())
    ordered = sorted(organizations)
    for start in range(0, len(ordered), 500):
        for key, organization, level, effective in session.execute(select(
                LevelChange.id, LevelChange.organization_id, LevelChange.level,
                LevelChange.effective).where(
                LevelChange.organization_id.in_(ordered[start:start + 500]),
                LevelChange.deleted_at.is_(None))):
            stored[key] = {"organization_id": organization, "level": level,
                           "effective": effective}
    for row in writing:
        assert row.id is not None
        stored[row.id] = {**stored.get(row.id, {}), **row.values}
    for key in gone:
        stored.pop(key, None)
    # Each (organization, day) → who holds it: a stored entry the plan leaves alone first,
    # then the plan's rows in their order (so the second row naming a day is the one in error).
    held: dict[tuple[str, date], str] = {}
    for key, entry in sorted(stored.items(), key=lambda item: item[0] in planned):
        if key not in planned:
            held.setdefault((str(entry.get("organization_id")), entry["effective"]), key)
    notes: list[Note] = []
    checked: list[RowPlan] = []
    for row in rows:
        if row.entity != LEVEL_ENTITY or row.id not in planned:
            checked.append(row)
            continue
        assert row.id is not None
        entry = stored[row.id]
        day = (str(entry.get("organization_id")), entry.get("effective"))
        holder = held.setdefault(day, row.id)  # type: ignore[arg-type]
        if holder == row.id:
            checked.append(row)
            continue
        other = stored.get(holder, {})
        message = translate("Validation", "The level already changed on {day} (to {level}); "
                                          "change that entry instead.").format(
            day=entry["effective"].isoformat(), level=_label(str(other.get("level") or "")))
        notes.append(Note(row.sheet, row.row, "effective", message))
        checked.append(replace(row, action="error", values={}, links={}, changes=(),
                               conflicts=(), reason=message))
    return checked, notes


