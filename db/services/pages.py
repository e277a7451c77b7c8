"""Small reads and one combined write that the record pages need: the country list for their
forms, a page of people's current positions in one query, and creating a person together
with their first position in one transaction (so a failed position leaves no orphan person)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import or_, select

from db.changes import recording
from db.changes.recording import Actor
from db.models import Affiliation, Organization
from db.services import affiliations, people, reference, tags
from db.services.affiliations import AffiliationRecord
from db.services.people import PersonRecord
from db.services.reference import CountryInfo
from db.store.engine import Database
from db.store.errors import Problem, ValidationFailed
from db.store.translation import translate

POSITION_FIELDS = ("organization_id", "role", "start", "end")


@dataclass(frozen=True)
class CurrentPosition:
    person_id: str
    organization_id: str
    name: str
    name_en: str | None
    name_zh: str | None
    abbreviation: str | None
    role: str | None


def countries(db: Database) -> list[CountryInfo]:
    """Every live country, by English name."""
    with db.reading() as session:
        return reference.list_countries(session)


def current_positions(db: Database, person_ids: Iterable[str]) -> dict[str, list[CurrentPosition]]:
    """Live, current positions (no end date, or one not yet passed) of the given people in
    live organizations, newest first — one query for a page of a list."""
    wanted = sorted(set(person_ids))
    result: dict[str, list[CurrentPosition]] = {}
    if not wanted:
        return result
    today = date.today()
    with db.reading() as session:
        for start in range(0, len(wanted), 500):
            rows = session.execute(
                select(Affiliation.person_id, Affiliation.organization_id, Affiliation.role,
                       Organization.name, Organization.name_en, Organization.name_zh,
                       Organization.abbreviation)
                .join(Organization, Organization.id == Affiliation.organization_id)
                .where(Affiliation.person_id.in_(wanted[start:start + 500]),
                       Affiliation.deleted_at.is_(None), Organization.deleted_at.is_(None),
                       or_(Affiliation.end.is_(None), Affiliation.end >= today))
                .order_by(Affiliation.person_id, Affiliation.start.desc().nulls_last(),
                          Organization.name)
            ).all()
            for person_id, org_id, role, name, name_en, name_zh, abbreviation in rows:
                result.setdefault(person_id, []).append(CurrentPosition(
                    person_id, org_id, name, name_en, name_zh, abbreviation, role))
    return result


def create_person_with_position(db: Database, person: Mapping[str, Any],
                                position: Mapping[str, Any], actor: Actor | None = None
                                ) -> tuple[PersonRecord, AffiliationRecord]:
    """Create a person and their position (organization_id, role, start, end) together.
    Problems with either are reported at once, by field name; nothing is written then."""
    actor = actor or Actor()
    unknown = [key for key in position if key not in POSITION_FIELDS]
    if unknown:
        message = translate("Validation", "“{field}” is not a field of a position.")
        raise ValidationFailed([Problem(key, message.format(field=key)) for key in unknown])
    values, tag_list = tags.split_tags(person)
    with db.transaction() as session:
        problems: list[Problem] = []
        row: Any = None
        try:
            row = recording.create(session, people.SCHEMA, values, actor)
        except ValidationFailed as exc:
            problems.extend(exc.problems)
        try:
            if row is None:
                # Check the position anyway, so the user sees every problem at once.
                recording.validate(session, affiliations.SCHEMA, position, {"person_id": None})
            else:
                link = recording.create(session, affiliations.SCHEMA,
                                        {**position, "person_id": row.id}, actor)
        except ValidationFailed as exc:
            problems.extend(exc.problems)
        if problems:
            raise ValidationFailed(problems)
        tags.save_tags(session, people.SCHEMA, "person", row, tag_list, actor, log=False)
        person_id, affiliation_id = row.id, link.id
    position_record = next(a for a in affiliations.list_affiliations(db, person_id=person_id)
                           if a.id == affiliation_id)
    return people.get_person(db, person_id), position_record
