"""Follow-ups: commitments with a due date and an owner, linked to whom they concern."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from db.changes import recording, registry
from db.changes.recording import Actor, Page
from db.models import FollowUp, Interaction, Organization
from db.store.engine import Database

SCHEMA = registry.FOLLOWUP.schema
OPEN_STATUSES = ("open", "in_progress")


@dataclass(frozen=True)
class FollowUpRecord:
    id: str
    description: str
    due: date | None
    status: str
    owner: str | None
    organization_id: str | None
    organization_name: str | None
    person_id: str | None
    interaction_id: str | None
    interaction_title: str | None
    completed_on: date | None
    created_at: datetime
    updated_at: datetime
    version: int
    deleted_at: datetime | None

    def is_overdue(self, today: date | None = None) -> bool:
        return (self.status in OPEN_STATUSES and self.due is not None
                and self.due < (today or date.today()))


@dataclass(frozen=True)
class FollowUpFilter:
    """Which follow-ups a list shows; the default is every live one."""

    open_only: bool = False
    owner: str | None = None
    organization_id: str | None = None
    interaction_id: str | None = None
    overdue_only: bool = False


def _records(session: Session, rows: list[FollowUp]) -> list[FollowUpRecord]:
    orgs = dict(session.execute(select(Organization.id, Organization.name).where(
        Organization.id.in_({r.organization_id for r in rows if r.organization_id}))).all())
    titles = dict(session.execute(select(Interaction.id, Interaction.title).where(
        Interaction.id.in_({r.interaction_id for r in rows if r.interaction_id}))).all())
    return [
        FollowUpRecord(
            id=r.id, description=r.description, due=r.due, status=r.status, owner=r.owner,
            organization_id=r.organization_id, organization_name=orgs.get(r.organization_id or ""),
            person_id=r.person_id, interaction_id=r.interaction_id,
            interaction_title=titles.get(r.interaction_id or ""), completed_on=r.completed_on,
            created_at=r.created_at, updated_at=r.updated_at, version=r.version,
            deleted_at=r.deleted_at,
        )
        for r in rows
    ]


def create_followup(db: Database, data: Mapping[str, Any], actor: Actor | None = None,
                    *, record_id: str | None = None) -> FollowUpRecord:
    with db.transaction() as session:
        row = recording.create(session, SCHEMA, data, actor or Actor(), record_id=record_id)
        return _records(session, [row])[0]


def update_followup(db: Database, followup_id: str, changes: Mapping[str, Any], *,
                    expected_version: int | None, actor: Actor | None = None) -> FollowUpRecord:
    changes = dict(changes)
    if changes.get("status") == "done" and "completed_on" not in changes:
        changes["completed_on"] = date.today()
    with db.transaction() as session:
        row, _ = recording.update(session, SCHEMA, followup_id, changes, actor or Actor(),
                                  expected_version=expected_version)
        return _records(session, [row])[0]


def delete_followup(db: Database, followup_id: str, *, expected_version: int | None = None,
                    actor: Actor | None = None) -> None:
    with db.transaction() as session:
        recording.soft_delete(session, SCHEMA, followup_id, actor or Actor(),
                              expected_version=expected_version)


def restore_followup(db: Database, followup_id: str, actor: Actor | None = None) -> FollowUpRecord:
    with db.transaction() as session:
        return _records(session, [recording.restore(session, SCHEMA, followup_id,
                                                    actor or Actor())])[0]


def get_followup(db: Database, followup_id: str) -> FollowUpRecord:
    with db.reading() as session:
        return _records(session, [recording.load(session, SCHEMA, followup_id)])[0]


def filtered(filters: FollowUpFilter) -> Select[Any]:
    statement = select(FollowUp).where(FollowUp.deleted_at.is_(None))
    if filters.open_only or filters.overdue_only:
        statement = statement.where(FollowUp.status.in_(OPEN_STATUSES))
    if filters.overdue_only:
        statement = statement.where(FollowUp.due < date.today())
    if filters.owner:
        statement = statement.where(func.lower(FollowUp.owner) == filters.owner.lower())
    if filters.organization_id:
        statement = statement.where(FollowUp.organization_id == filters.organization_id)
    if filters.interaction_id:
        statement = statement.where(FollowUp.interaction_id == filters.interaction_id)
    return statement


ORDER = (FollowUp.due.asc().nulls_last(), FollowUp.id)


def list_followups(db: Database, *, open_only: bool = True, owner: str | None = None,
                   organization_id: str | None = None, interaction_id: str | None = None,
                   overdue_only: bool = False, offset: int = 0, limit: int = 100
                   ) -> Page[FollowUpRecord]:
    """Open commitments by due date (undated last)."""
    statement = filtered(FollowUpFilter(open_only=open_only, owner=owner,
                                        organization_id=organization_id,
                                        interaction_id=interaction_id,
                                        overdue_only=overdue_only))
    with db.reading() as session:
        total = session.execute(select(func.count()).select_from(statement.subquery())).scalar_one()
        rows = list(session.execute(statement.order_by(*ORDER).offset(offset).limit(limit))
                    .scalars())
        return Page(tuple(_records(session, rows)), int(total), offset, limit)
