"""Small reads for the interaction and follow-up screens: the names of a page's participants
in every script, the people who own follow-ups, and checking a follow-up before it is written
(the interaction editor checks its new follow-ups before it writes the interaction)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import func, select

from db.changes import recording
from db.models import FollowUp, Organization, Person
from db.services import followups
from db.store.engine import Database
from db.store.errors import Problem, ValidationFailed

CHUNK = 500


@dataclass(frozen=True)
class RecordNames:
    kind: Literal["organization", "person"]
    id: str
    name: str
    name_en: str | None
    name_zh: str | None
    abbreviation: str | None


def record_names(db: Database, organization_ids: Iterable[str | None] = (),
                 person_ids: Iterable[str | None] = ()) -> dict[str, RecordNames]:
    """Every name of the given organizations and people (deleted ones too, so history still
    reads), keyed by id — one query per kind for a page of a list."""
    result: dict[str, RecordNames] = {}
    orgs = sorted({i for i in organization_ids if i})
    people = sorted({i for i in person_ids if i})
    with db.reading() as session:
        for start in range(0, len(orgs), CHUNK):
            for org_id, name, name_en, name_zh, abbreviation in session.execute(
                select(Organization.id, Organization.name, Organization.name_en,
                       Organization.name_zh, Organization.abbreviation)
                .where(Organization.id.in_(orgs[start:start + CHUNK]))
            ):
                result[org_id] = RecordNames("organization", org_id, name, name_en, name_zh,
                                             abbreviation)
        for start in range(0, len(people), CHUNK):
            for person_id, person_name, person_en, person_zh in session.execute(
                select(Person.id, Person.name, Person.name_en, Person.name_zh)
                .where(Person.id.in_(people[start:start + CHUNK]))
            ):
                result[person_id] = RecordNames("person", person_id, person_name, person_en,
                                                person_zh, None)
    return result


def followup_owners(db: Database) -> list[str]:
    """The distinct owners of live follow-ups, alphabetically (case-insensitively)."""
    with db.reading() as session:
        owners = session.execute(
            select(FollowUp.owner).where(FollowUp.deleted_at.is_(None), FollowUp.owner.is_not(None),
                                         func.trim(FollowUp.owner) != "")
            .distinct()
        ).scalars().all()
    unique: dict[str, str] = {}
    for owner in owners:
        if owner:
            unique.setdefault(owner.strip().casefold(), owner.strip())
    return sorted(unique.values(), key=str.casefold)


def followup_problems(db: Database, data: Mapping[str, Any]) -> tuple[Problem, ...]:
    """What create_followup would object to in `data`, without writing anything."""
    with db.reading() as session:
        try:
            recording.validate(session, followups.SCHEMA, data)
        except ValidationFailed as exc:
            return exc.problems
    return ()
