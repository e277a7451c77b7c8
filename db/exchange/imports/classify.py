"""Classifying a sheet's planned rows: which are new, which match a record and change it (field
by field, under the duplicate policy), which repeat an earlier row, what a matched record holds
now. Shared by the foreign-sheet planner and the Liaison workbook's."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.changes import recording
from db.exchange.imports.plan import (
    Action,
    Change,
    FieldConflict,
    ImportOptions,
    Note,
    RowPlan,
)
from db.models import Affiliation, Participation, interaction_topics
from db.services.tags import tag_names_for
from db.store.errors import record_noun
from db.store.translation import translate


@dataclass(slots=True)
class Pending:
    row: int
    entity: str
    id: str
    matched: bool
    reason: str
    values: dict[str, Any]
    present: frozenset[str]
    links: dict[str, Any] = field(default_factory=dict)
    skip: str = ""  # set when the row repeats an earlier row of the file


class RowClassifier:
    """The second half of a sheet planner: turns Pending rows into RowPlans."""

    session: Session
    sheet: str
    kind: str
    entity: str
    schema: recording.Schema
    options: ImportOptions
    warnings: list[Note]
    _seen: dict[tuple[str, str], int]
    _patterns: dict[tuple[str, ...], frozenset[str]]

    def warn(self, row: int, fieldname: str | None, message: str) -> None:
        raise NotImplementedError

    def _present(self, data: dict[str, Any], extra: tuple[str, ...] = ()) -> frozenset[str]:
        """The fields a row fills in (all mapped ones when empty cells clear values); rows
        share one set per pattern."""
        if self.options.clear_empty:
            names = tuple(name for name in data if name != "id")
        else:
            names = tuple(name for name, value in data.items()
                          if value not in (None, "") and name != "id")
        names += extra
        found = self._patterns.get(names)
        if found is None:
            found = self._patterns[names] = frozenset(names)
        return found

    def _remember(self, pending: Pending, add: Callable[[], None]) -> None:
        first = self._seen.get((pending.entity, pending.id))
        if first is not None:
            pending.skip = translate("Import", "The same {noun} as row {row} of this sheet.") \
                .format(noun=record_noun(self.schema.entity), row=first)
            return
        self._seen[(pending.entity, pending.id)] = pending.row
        if not pending.matched:
            add()

    def _finish(self, pending: list[Pending | RowPlan]) -> list[RowPlan]:
        matched = [p for p in pending if isinstance(p, Pending) and p.matched and not p.skip]
        current = self._current(matched)
        policy = self.options.on_duplicate
        plans: list[RowPlan] = []
        for position, item in enumerate(pending):
            pending[position] = None  # type: ignore[call-overload]  # freed as it goes
            if isinstance(item, RowPlan):
                plans.append(item)
                continue
            if item.skip:
                self.warn(item.row, None, translate("Import", "{reason} Skipped.").format(
                    reason=item.skip))
                plans.append(RowPlan(self.sheet, item.row, item.entity, "skip", item.id,
                                     reason=item.skip))
                continue
            if item.entity == "position" and self.kind == "people":
                plans.append(self._position_plan(item))
                continue
            if not item.matched:
                plans.append(RowPlan(self.sheet, item.row, item.entity, "create", item.id,
                                     item.values, item.links))
                continue
            before, version = current[item.id]
            changes = self._changes(item, before, policy)
            action: Action
            if not changes:
                action = "unchanged"
            elif policy == "skip":
                action = "skip"
            else:
                action = "update"
            reason = item.reason
            if action == "skip":
                reason = translate("Import", "Already in Liaison ({reason}); skipped as you "
                                             "asked.").format(reason=item.reason)
            action, changes, reason, conflicts = self._judge(item, action, changes, reason,
                                                             version)
            plans.append(RowPlan(self.sheet, item.row, item.entity, action, item.id,
                                 {c.field: c.after for c in changes if c.field in self.schema.fields},
                                 {c.field: c.after for c in changes
                                  if c.field not in self.schema.fields},
                                 tuple(changes), reason, version, tuple(conflicts)))
        return plans

    def _judge(self, item: Pending, action: Action, changes: list[Change], reason: str,
               version: int) -> tuple[Action, list[Change], str, list[FieldConflict]]:
        """A last word on a matched row (the Liaison workbook compares fingerprints here):
        the action, the changes to write, why, and the fields left in conflict."""
        return action, changes, reason, []

    def _changes(self, item: Pending, before: dict[str, Any], policy: str) -> list[Change]:
        changes: list[Change] = []
        after_all = {**item.values, **item.links}
        for name, old in before.items():
            if name not in item.present and not (name == "participants" and item.links.get(name)):
                continue
            new = after_all.get(name)
            if name in ("tags", "topics", "participants"):
                if set(map(str, old or [])) == set(map(str, new or [])):
                    continue
                if policy == "fill" and old:
                    continue
            else:
                if new == old or (policy == "fill" and old not in (None, "", [])):
                    continue
                if new in (None, "", []) and not self.options.clear_empty:
                    continue
            changes.append(Change(name, old, new))
        return changes

    def _current(self, matched: list[Pending]) -> dict[str, tuple[dict[str, Any], int]]:
        """The stored values (and links) of the matched records, in bulk."""
        result: dict[str, tuple[dict[str, Any], int]] = {}
        ids = sorted({p.id for p in matched})
        model = self.schema.model
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            for obj in self.session.execute(select(model).where(model.id.in_(chunk))).scalars():
                result[obj.id] = (self.schema.current_values(obj), obj.version)
            owner = {"organization": "organization", "person": "person",
                     "interaction": "interaction"}.get(self.entity)
            if owner:
                tags = tag_names_for(self.session, owner, chunk)
                for record_id in chunk:
                    if record_id in result:
                        result[record_id][0]["tags"] = sorted(tags.get(record_id, ()))
            if self.entity == "interaction":
                for record_id in chunk:
                    if record_id in result:
                        result[record_id][0]["topics"] = []
                        result[record_id][0]["participants"] = []
                for owner_id, topic in self.session.execute(
                        select(interaction_topics.c.interaction_id, interaction_topics.c.topic_id)
                        .where(interaction_topics.c.interaction_id.in_(chunk))):
                    result[owner_id][0]["topics"].append(topic)
                p = Participation
                for owner_id, org, person, role in self.session.execute(
                        select(p.interaction_id, p.organization_id, p.person_id, p.role)
                        .where(p.interaction_id.in_(chunk), p.deleted_at.is_(None))):
                    result[owner_id][0]["participants"].append((org, person, role))
        return result

    def _position_plan(self, item: Pending) -> RowPlan:
        values = item.values
        existing = self.session.execute(select(Affiliation.id).where(
            Affiliation.person_id == values["person_id"],
            Affiliation.organization_id == values["organization_id"],
            func.coalesce(Affiliation.role, "") == (values.get("role") or ""),
            Affiliation.deleted_at.is_(None))).first()
        if existing is not None:
            return RowPlan(self.sheet, item.row, "position", "unchanged", existing[0],
                           reason=translate("Import", "already recorded"))
        return RowPlan(self.sheet, item.row, "position", "create", item.id, values)
