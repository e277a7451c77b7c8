"""A Liaison workbook exported before two records were merged, brought back after: its rows
still name the record merged away (B) by its id and its old name. Those references land on the
record that remains (A), as a reference field does (db/changes/fields.survivor_of): the id
stands for A while the name beside it is B's, A's, or empty; an edited name is looked up as
any name is.

B's own row (and a row of a record the merge removed as a duplicate: a second invitation to
the same event, a second level change on one day) is no longer a record of its own. Left as
exported, it is simply unchanged. Edited in the file, its changes are not applied to A — A's
values were chosen field by field in the merge, and a row of B's old values would undo that
choice — and one warning at the row says so and where to make the edit instead."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.changes.fields import survivor_of
from db.exchange.imports.level_rows import LevelSheetPlanner
from db.exchange.imports.matching import UUID_TEXT
from db.exchange.imports.plan import RowPlan
from db.exchange.workbook import INVITATION_SEPARATOR, fingerprint, invitation_text
from db.models import ChangeLog, Event, Invitation, Organization, Person
from db.models.folding import fold
from db.store.errors import record_noun
from db.store.translation import translate

# What a record merge writes its changes as (db/services/record_merge.py).
DEDUPE_SOURCE = "dedupe"


@dataclass(frozen=True)
class MergedAway:
    """A record a merge of duplicates removed: its own name, the one it was merged into (for
    organizations and people), and the day."""

    id: str
    name: str
    survivor: str | None
    survivor_name: str | None
    day: date


def _day(value: datetime | None) -> date:
    return value.date() if value is not None else date.today()


def merged_people_and_organizations(session: Session) -> dict[str, MergedAway]:
    """Organizations and people merged into others, by id, with the live survivor of each."""
    found: dict[str, MergedAway] = {}
    for model in (Organization, Person):
        rows = session.execute(select(model.id, model.name, model.deleted_at).where(
            model.merged_into.is_not(None), model.deleted_at.is_not(None))).all()
        for key, name, deleted_at in rows:
            survivor = survivor_of(session, model, key)
            survivor_name = session.execute(select(model.name).where(
                model.id == survivor)).scalar_one_or_none() if survivor else None
            found[key] = MergedAway(key, name, survivor, survivor_name, _day(deleted_at))
    return found


def removed_by_merges(session: Session, entity: str, model: Any) -> dict[str, MergedAway]:
    """Records of one kind that a merge of duplicates deleted and that are still deleted."""
    found: dict[str, MergedAway] = {}
    for key, at in session.execute(
            select(ChangeLog.entity_id, ChangeLog.at).join(model, model.id == ChangeLog.entity_id)
            .where(ChangeLog.entity == entity, ChangeLog.field == "deleted",
                   ChangeLog.source == DEDUPE_SOURCE, model.deleted_at.is_not(None))):
        found[key] = MergedAway(key, key, None, None, _day(at))
    return found


class MergedSheetPlanner(LevelSheetPlanner):
    """The workbook planner's part that reads ids of records merged away."""

    revs: dict[int, tuple[str, list[Any]]]
    _merged: dict[str, MergedAway] | None = None
    _removed: dict[str, MergedAway] | None = None

    @property
    def merged(self) -> dict[str, MergedAway]:
        if self._merged is None:
            self._merged = merged_people_and_organizations(self.session)
        return self._merged

    def share_indexes(self, other: Any) -> None:
        super().share_indexes(other)
        if isinstance(other, MergedSheetPlanner):
            self._merged = other._merged

    def survivor(self, given: str, name: Any, names: dict[str, str]) -> str | None:
        """The record an id merged away stands for, while the name beside it is the old
        one, the survivor's, or empty; None otherwise (an edited name is looked up)."""
        gone = self.merged.get(given)
        if gone is None or gone.survivor is None:
            return None
        if not name or fold(str(name)) in (fold(gone.name), fold(names.get(gone.survivor, ""))):
            return gone.survivor
        return None

    def participant(self, kind: str, record_id: str) -> tuple[str, str | None]:
        """A participant's id in the participant_ids column, and the name the export wrote
        beside it: a merged-away id is its survivor, under its own old name."""
        gone = self.merged.get(record_id)
        if gone is not None and gone.survivor is not None:
            return gone.survivor, gone.name
        index = self.organizations if kind == "organization" else self.people
        return record_id, index.names.get(record_id)

    # -- invitations named “invitee — event” under the invitee's old name --------------------
    def _with_old_invitees(self) -> None:
        index = super().invitations
        by_survivor: dict[str, list[str]] = {}
        for gone in self.merged.values():
            if gone.survivor is not None:
                by_survivor.setdefault(gone.survivor, []).append(gone.name)
        if not by_survivor:
            return
        keys = sorted(by_survivor)
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            for key, organization, person, event in self.session.execute(
                    select(Invitation.id, Invitation.organization_id, Invitation.person_id,
                           Event.name).join(Event, Event.id == Invitation.event_id).where(
                        Invitation.deleted_at.is_(None),
                        Invitation.organization_id.in_(chunk) | Invitation.person_id.in_(
                            chunk))):
                for old in by_survivor.get(organization or person or "", ()):
                    folded = fold(invitation_text(old, event))
                    index.titles[key].add(folded)
                    index.by_title[folded].add(key)

    @property
    def invitations(self) -> Any:
        fresh = self._invitations is None
        index = super().invitations
        if fresh:
            self._with_old_invitees()
        return index

    # -- rows of records merged away ---------------------------------------------------------
    def removed(self) -> dict[str, MergedAway]:
        if self._removed is None:
            if self.entity in ("organization", "person"):
                self._removed = {key: gone for key, gone in self.merged.items()
                                 if (self.entity == "organization") == self._is_organization(
                                     key)}
            else:
                self._removed = removed_by_merges(self.session, self.schema.entity,
                                                  self.schema.model)
        return self._removed

    def _is_organization(self, key: str) -> bool:
        return self.session.get(Organization, key) is not None

    def before_row(self, number: int, cells: Sequence[Any]) -> RowPlan | None:
        id_at = next((i for i, name in self.mapping.items() if name == "id"), None)
        if id_at is None or id_at >= len(cells) or not cells[id_at]:
            return None
        given = str(cells[id_at]).strip().lower()
        if not UUID_TEXT.match(given):
            return None
        gone = self.removed().get(given)
        if gone is None:
            return None
        version = self.session.execute(select(self.schema.model.version).where(
            self.schema.model.id == given)).scalar_one()
        rev = self.revs.get(number)
        as_exported = rev is not None and any(
            fingerprint(rev[1], v) == rev[0] for v in range(int(version), 0, -1))
        if gone.survivor is not None:
            message = translate(
                "Import", "“{name}” was merged into “{survivor}” on {day}: this row is left "
                          "as it is. Edit {survivor}'s row instead.").format(
                name=gone.name, survivor=gone.survivor_name or gone.survivor,
                day=gone.day.isoformat())
        else:
            message = translate(
                "Import", "This {noun} was removed on {day} when two records were merged (it "
                          "repeated one that remains): this row is left as it is. Edit the "
                          "remaining one instead.").format(
                noun=record_noun(self.schema.entity), day=gone.day.isoformat())
        if as_exported:
            return RowPlan(self.sheet, number, self.entity, "unchanged", given, reason=message)
        self.warn(number, None, translate("Import", "Edited, but not applied: {reason}")
                  .format(reason=message))
        return RowPlan(self.sheet, number, self.entity, "skip", given, reason=message)


__all__ = ["DEDUPE_SOURCE", "INVITATION_SEPARATOR", "MergedAway", "MergedSheetPlanner"]
