"""Affiliations: a person's positions in organizations over time."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.changes import recording, registry
from db.changes.recording import Actor
from db.models import Affiliation, Organization, Person
from db.store.engine import Database

SCHEMA = registry.AFFILIATION.schema


@dataclass(frozen=True)
class AffiliationRecord:
    id: str
    person_id: str
    person_name: str
    organization_id: str
    organization_name: str
    role: str | None
    start: date | None
    end: date | None
    notes: str | None
    version: int
    deleted_at: Any
    leader: bool = False  # the position leads its party (an event's heads of party)

    @property
    def is_current(self) -> bool:
        return self.end is None or self.end >= date.today()


def _records(session: Session, rows: list[Affiliation]) -> list[AffiliationRecord]:
    people = dict(session.execute(select(Person.id, Person.name).where(
        Person.id.in_({a.person_id for a in rows}))).all())
    orgs = dict(session.execute(select(Organization.id, Organization.name).where(
        Organization.id.in_({a.organization_id for a in rows}))).all())
    return [
        AffiliationRecord(a.id, a.person_id, people.get(a.person_id, ""), a.organization_id,
                          orgs.get(a.organization_id, ""), a.role, a.start, a.end, a.notes,
                          a.version, a.deleted_at, bool(a.leader))
        for a in rows
    ]


def create_affiliation(db: Database, data: Mapping[str, Any], actor: Actor | None = None,
                       *, record_id: str | None = None) -> AffiliationRecord:
    with db.transaction() as session:
        row = recording.create(session, SCHEMA, data, actor or Actor(), record_id=record_id)
        return _records(session, [row])[0]


def update_affiliation(db: Database, affiliation_id: str, changes: Mapping[str, Any], *,
                       expected_version: int | None, actor: Actor | None = None
                       ) -> AffiliationRecord:
    with db.transaction() as session:
        row, _ = recording.update(session, SCHEMA, affiliation_id, changes, actor or Actor(),
                                  expected_version=expected_version)
        return _records(session, [row])[0]


def delete_affiliation(db: Database, affiliation_id: str, *, expected_version: int | None = None,
                       actor: Actor | None = None) -> None:
    with db.transaction() as session:
        recording.soft_delete(session, SCHEMA, affiliation_id, actor or Actor(),
                              expected_version=expected_version)


def restore_affiliation(db: Database, affiliation_id: str,
                        actor: Actor | None = None) -> AffiliationRecord:
    with db.transaction() as session:
        row = recording.restore(session, SCHEMA, affiliation_id, actor or Actor())
        return _records(session, [row])[0]


def list_affiliations(db: Database, *, person_id: str | None = None,
                      organization_id: str | None = None, current_only: bool = False,
                      include_deleted: bool = False) -> list[AffiliationRecord]:
    statement = select(Affiliation)
    if person_id:
        statement = statement.where(Affiliation.person_id == person_id)
    if organization_id:
        statement = statement.where(Affiliation.organization_id == organization_id)
    if not include_deleted:
        statement = statement.where(Affiliation.deleted_at.is_(None))
    if current_only:
        today = date.today()
        statement = statement.where((Affiliation.end.is_(None)) | (Affiliation.end >= today))
    statement = statement.order_by(Affiliation.start.desc().nulls_first(), Affiliation.id)
    with db.reading() as session:
        return _records(session, list(session.execute(statement).scalars()))
