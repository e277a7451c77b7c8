"""Factories: one per aggregate, each going through the real service function."""

from __future__ import annotations

import itertools
from typing import Any

from db.services import interactions, organizations, people
from db.services.interactions import InteractionRecord
from db.services.organizations import OrganizationRecord
from db.services.people import PersonRecord
from db.store.engine import Database

_numbers = itertools.count(1)


def make_organization(db: Database, **fields: Any) -> OrganizationRecord:
    data = {"name": f"Organization {next(_numbers)}", "country": "KE", **fields}
    return organizations.create_organization(db, data)


def make_person(db: Database, **fields: Any) -> PersonRecord:
    data = {"name": f"Person {next(_numbers)}", **fields}
    return people.create_person(db, data)


def make_interaction(db: Database, *, organizations_: list[str] = (),  # type: ignore[assignment]
                     people_: list[str] = (), **fields: Any) -> InteractionRecord:  # type: ignore[assignment]
    participants = [{"organization_id": o, "role": "participant"} for o in organizations_]
    participants += [{"person_id": p, "role": "member"} for p in people_]
    data = {"kind": "talks", "title": f"Talks {next(_numbers)}", "start": "2024-06-27",
            "participants": participants, **fields}
    return interactions.create_interaction(db, data)
