"""People and their positions over time."""

from __future__ import annotations

import pytest

from db.services import affiliations, people
from db.services.history import history
from db.services.people import PersonFilter
from db.store.engine import Database
from db.store.errors import ConflictError, ValidationFailed
from tests.db.factories import make_organization, make_person


def test_person_contact_details_are_validated_and_normalized(db: Database) -> None:
    person = people.create_person(db, {
        "name": "Cyril Ramaphosa", "title": "President", "gender": "male", "nationality": "ZAF",
        "emails": "office@anc.org.za; OFFICE@anc.org.za;", "phones": ["011 376 1000"],
        "languages": "English; isiZulu", "aliases": ["Matamela Cyril Ramaphosa"],
    })
    assert person.nationality == "ZA"
    assert person.emails == ("office@anc.org.za",)
    assert person.phones == ("+27113761000",)
    assert person.languages == ("English", "isiZulu")


def test_phone_without_country_needs_a_prefix(db: Database) -> None:
    with pytest.raises(ValidationFailed) as caught:
        people.create_person(db, {"name": "N. N.", "phones": "3213 1313"})
    assert "start it with +" in caught.value.problems[0].message
    with pytest.raises(ValidationFailed) as caught:
        people.create_person(db, {"name": "N. N.", "emails": "not-an-address"})
    assert caught.value.problems[0].field == "emails"


def test_positions_over_time(db: Database) -> None:
    party = make_organization(db, name="Partido dos Trabalhadores", country="BR")
    person = make_person(db, name="Gleisi Hoffmann")
    old = affiliations.create_affiliation(db, {
        "person_id": person.id, "organization_id": party.id, "role": "Senator",
        "start": "2011-02-01", "end": "2019-01-31"})
    current = affiliations.create_affiliation(db, {
        "person_id": person.id, "organization_id": party.id, "role": "President",
        "start": "2017-06-03"})
    listed = affiliations.list_affiliations(db, person_id=person.id)
    assert [a.role for a in listed] == ["President", "Senator"]
    assert listed[0].organization_name == "Partido dos Trabalhadores"
    assert current.is_current and not old.is_current
    assert [a.role for a in affiliations.list_affiliations(
        db, organization_id=party.id, current_only=True)] == ["President"]
    members = people.list_people(db, PersonFilter(organization_id=party.id))
    assert [p.name for p in members.items] == ["Gleisi Hoffmann"]


def test_position_dates_and_links_are_checked(db: Database) -> None:
    party = make_organization(db)
    person = make_person(db)
    with pytest.raises(ValidationFailed, match="end date is before the start date"):
        affiliations.create_affiliation(db, {"person_id": person.id, "organization_id": party.id,
                                             "start": "2020-01-01", "end": "2019-01-01"})
    with pytest.raises(ValidationFailed, match="no organization"):
        affiliations.create_affiliation(db, {"person_id": person.id,
                                             "organization_id": "missing"})
    assert affiliations.list_affiliations(db, person_id=person.id) == []


def test_person_conflict_and_delete(db: Database) -> None:
    person = make_person(db, name="Jane Doe")
    people.update_person(db, person.id, {"title": "Secretary"}, expected_version=1)
    with pytest.raises(ConflictError, match="title"):
        people.update_person(db, person.id, {"title": "Chair"}, expected_version=1)
    people.delete_person(db, person.id)
    assert people.list_people(db).total == 0
    restored = people.restore_person(db, person.id)
    assert restored.title == "Secretary"
    assert [c.field for c in history(db, person.id)][:2] == ["restored", "deleted"]


def test_people_search_by_any_name(db: Database) -> None:
    make_person(db, name="Wang Yi", name_zh="王毅")
    make_person(db, name="Someone Else", aliases=["Nickname"])
    assert [p.name for p in people.list_people(db, PersonFilter(query="王毅")).items] == ["Wang Yi"]
    assert [p.name for p in people.list_people(db, PersonFilter(query="nickname")).items] == [
        "Someone Else"]
