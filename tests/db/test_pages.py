"""Reads and the combined write that the record pages use (db/services/pages.py)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from db.services import pages
from db.services.affiliations import create_affiliation, delete_affiliation, list_affiliations
from db.services.organizations import delete_organization
from db.services.people import list_people
from db.store.engine import Database
from db.store.errors import ValidationFailed
from tests.db.factories import make_organization, make_person


def test_countries_are_listed_by_english_name(db: Database) -> None:
    countries = pages.countries(db)
    assert len(countries) > 200
    names = [c.name_en for c in countries]
    assert names == sorted(names)
    assert any(c.code == "KE" and c.name_zh for c in countries)


def test_current_positions_of_a_page_of_people(db: Database) -> None:
    party = make_organization(db, name="Unity Party", abbreviation="UP")
    gone = make_organization(db, name="Gone Party")
    ana, ben, cleo = (make_person(db, name=n) for n in ("Ana", "Ben", "Cleo"))
    create_affiliation(db, {"person_id": ana.id, "organization_id": party.id, "role": "Chair",
                            "start": "2020-01-01"})
    create_affiliation(db, {"person_id": ana.id, "organization_id": party.id, "role": "Member",
                            "start": "2001-01-01", "end": "2019-12-31"})
    create_affiliation(db, {"person_id": ben.id, "organization_id": party.id,
                            "end": date.today() + timedelta(days=3)})
    removed = create_affiliation(db, {"person_id": cleo.id, "organization_id": party.id})
    delete_affiliation(db, removed.id)
    create_affiliation(db, {"person_id": cleo.id, "organization_id": gone.id})
    delete_organization(db, gone.id)

    result = pages.current_positions(db, [ana.id, ben.id, cleo.id])
    assert [(p.name, p.abbreviation, p.role) for p in result[ana.id]] == [
        ("Unity Party", "UP", "Chair")]
    assert [p.role for p in result[ben.id]] == [None]
    assert cleo.id not in result
    assert pages.current_positions(db, []) == {}


def test_a_person_and_their_position_are_created_together(db: Database) -> None:
    party = make_organization(db, name="Labour")
    person, position = pages.create_person_with_position(
        db, {"name": "Dana", "tags": ["delegates"]},
        {"organization_id": party.id, "role": "Secretary", "start": "2022-05-01"})
    assert person.name == "Dana" and person.tags == ("delegates",)
    assert (position.person_id, position.organization_id, position.role, position.start) == (
        person.id, party.id, "Secretary", date(2022, 5, 1))
    assert list_affiliations(db, person_id=person.id) == [position]


def test_every_problem_is_reported_and_nothing_is_written(db: Database) -> None:
    party = make_organization(db, name="Labour")
    with pytest.raises(ValidationFailed) as failed:
        pages.create_person_with_position(
            db, {"name": "", "phones": "12"},
            {"organization_id": party.id, "start": "2022-05-01", "end": "2021-01-01"})
    fields = sorted(p.field for p in failed.value.problems)
    assert fields == ["end", "name", "phones"]
    with pytest.raises(ValidationFailed) as failed:
        pages.create_person_with_position(db, {"name": "Eve"},
                                          {"organization_id": party.id, "start": "soon"})
    assert [p.field for p in failed.value.problems] == ["start"]
    with pytest.raises(ValidationFailed):
        pages.create_person_with_position(db, {"name": "Eve"}, {"organization_id": party.id,
                                                                "salary": "1"})
    assert list_people(db).total == 0
    assert list_affiliations(db, organization_id=party.id) == []
