"""Interactions with many participants, topics, follow-ups, and the contact figures they keep."""

from __future__ import annotations

from datetime import date

import pytest

from db.services import followups, interactions, organizations, people
from db.services.check import check_database
from db.services.history import history
from db.services.interactions import InteractionFilter
from db.services.organizations import OrganizationFilter
from db.store.engine import Database
from db.store.errors import ConflictError, ValidationFailed
from tests.db.factories import make_interaction, make_organization, make_person


def test_interaction_with_participants_topics_and_followup(db: Database) -> None:
    anc = make_organization(db, name="African National Congress", country="ZA")
    frelimo = make_organization(db, name="Frelimo", country="MZ")
    swapo = make_organization(db, name="SWAPO Party", country="NA")
    leader = make_person(db, name="Fikile Mbalula")
    visit = interactions.create_interaction(db, {
        "kind": "Inbound visit", "title": "Visit of the ANC delegation",
        "start": "2024-06-27", "end": "2024-07-01", "city": "Beijing", "country": "中国",
        "platform": "Party-to-party dialogue", "topics": ["governance", "减贫"],
        "participants": [
            {"organization_id": anc.id, "role": "delegation_head"},
            {"organization_id": frelimo.id, "role": "member"},
            {"organization_id": swapo.id},
            {"person_id": leader.id, "role": "Head of delegation"},
        ],
        "summary": "Exchanged views on governance.\nSecond line kept.",
    })
    assert visit.kind == "inbound_visit" and visit.country == "CN"
    assert visit.summary == "Exchanged views on governance.\nSecond line kept."
    assert {p.name for p in visit.participants} == {
        "African National Congress", "Frelimo", "SWAPO Party", "Fikile Mbalula"}
    assert set(visit.topics) == {"Governance experience", "Poverty alleviation"}
    commitment = followups.create_followup(db, {
        "description": "Send the seminar report", "due": "2024-08-01", "owner": "Li Wei",
        "organization_id": anc.id, "interaction_id": visit.id})
    assert commitment.is_overdue(date(2024, 9, 1))
    assert commitment.interaction_title == "Visit of the ANC delegation"
    for org in (anc, frelimo, swapo):
        timeline = interactions.list_interactions(db, InteractionFilter(organization_id=org.id))
        assert [i.title for i in timeline.items] == ["Visit of the ANC delegation"]
        refreshed = organizations.get_organization(db, org.id)
        assert refreshed.last_contact == date(2024, 6, 27) and refreshed.interaction_count == 1
    assert people.get_person(db, leader.id).interaction_count == 1
    assert check_database(db) == []


def test_contact_figures_follow_edits_and_deletes(db: Database) -> None:
    party = make_organization(db)
    other = make_organization(db)
    first = make_interaction(db, organizations_=[party.id], start="2020-01-10")
    second = make_interaction(db, organizations_=[party.id, other.id], start="2023-05-05")
    assert organizations.get_organization(db, party.id).last_contact == date(2023, 5, 5)
    interactions.update_interaction(db, second.id, {"participants": [
        {"organization_id": other.id}]}, expected_version=second.version)
    refreshed = organizations.get_organization(db, party.id)
    assert (refreshed.last_contact, refreshed.interaction_count) == (date(2020, 1, 10), 1)
    interactions.update_interaction(db, first.id, {"start": "2021-02-02"},
                                    expected_version=first.version)
    assert organizations.get_organization(db, party.id).last_contact == date(2021, 2, 2)
    interactions.delete_interaction(db, first.id)
    refreshed = organizations.get_organization(db, party.id)
    assert (refreshed.last_contact, refreshed.interaction_count) == (None, 0)
    dormant = organizations.list_organizations(db, OrganizationFilter(no_contact_months=12))
    assert party.id in {o.id for o in dormant.items}
    interactions.restore_interaction(db, first.id)
    assert organizations.get_organization(db, party.id).interaction_count == 1
    assert check_database(db) == []


@pytest.mark.parametrize(("data", "field", "words"), [
    ({"start": "2024-06-27", "end": "2024-06-01"}, "end", "before the start"),
    ({"start": "27.13.2024"}, "start", "there is no month 13"),
    ({"start": "someday"}, "start", "not a date Liaison can read"),
    ({"kind": "party"}, "kind", "not a known kind of interaction"),
    ({"title": ""}, "title", "cannot be empty"),
    ({"participants": [{"organization_id": "nope"}]}, "participants", "no organization"),
    ({"participants": [{"organization_id": "a", "person_id": "b"}]}, "participants", "one organization or one person"),
    ({"topics": ["astrology"]}, "topics", "not a topic"),
])
def test_bad_interactions_write_nothing(db: Database, data: dict[str, object], field: str,
                                        words: str) -> None:
    base: dict[str, object] = {"kind": "talks", "title": "Talks", "start": "2024-06-27"}
    with pytest.raises(ValidationFailed) as caught:
        interactions.create_interaction(db, {**base, **data})
    assert any(p.field == field and words in p.message for p in caught.value.problems)
    assert interactions.list_interactions(db).total == 0


def test_participant_changes_are_logged_and_versioned(db: Database) -> None:
    party = make_organization(db)
    person = make_person(db)
    talks = make_interaction(db, organizations_=[party.id])
    updated = interactions.update_interaction(db, talks.id, {
        "participants": [{"organization_id": party.id}, {"person_id": person.id}],
        "topics": ["youth"]}, expected_version=talks.version)
    assert updated.version == talks.version + 1
    fields = {c.field for c in history(db, talks.id)}
    assert {"created", "participants", "topics"} <= fields
    with pytest.raises(ConflictError, match="participants"):
        interactions.update_interaction(db, talks.id, {"title": "Renamed"},
                                        expected_version=talks.version)


def test_list_filters(db: Database) -> None:
    party = make_organization(db)
    make_interaction(db, organizations_=[party.id], kind="seminar", start="2022-03-01",
                     topics=["green_development"], title="Seminar on green development")
    make_interaction(db, organizations_=[party.id], kind="letter", start="2024-01-01")
    make_interaction(db, kind="video_call", start="2023-01-01")
    newest = interactions.list_interactions(db)
    assert [i.start.year for i in newest.items] == [2024, 2023, 2022]
    assert interactions.list_interactions(db, InteractionFilter(kinds=("seminar",))).total == 1
    assert interactions.list_interactions(db, InteractionFilter(topic="green_development")).total == 1
    assert interactions.list_interactions(db, InteractionFilter(query="green")).total == 1
    ranged = interactions.list_interactions(db, InteractionFilter(start_from=date(2023, 1, 1)))
    assert ranged.total == 2
    assert interactions.list_interactions(db, InteractionFilter(organization_id=party.id)).total == 2


def test_followups_by_due_date_and_done(db: Database) -> None:
    party = make_organization(db)
    later = followups.create_followup(db, {"description": "Later", "due": "2099-01-01",
                                           "organization_id": party.id, "owner": "Li Wei"})
    overdue = followups.create_followup(db, {"description": "Overdue", "due": "2020-01-01",
                                             "owner": "Zhang Min"})
    followups.create_followup(db, {"description": "Undated"})
    listed = followups.list_followups(db)
    assert [f.description for f in listed.items] == ["Overdue", "Later", "Undated"]
    assert [f.description for f in followups.list_followups(db, overdue_only=True).items] == [
        "Overdue"]
    assert followups.list_followups(db, owner="li wei").total == 1
    done = followups.update_followup(db, overdue.id, {"status": "done"},
                                     expected_version=overdue.version)
    assert done.status == "done" and done.completed_on == date.today()
    assert followups.list_followups(db).total == 2
    assert later.organization_name == party.name
    with pytest.raises(ValidationFailed, match="status"):
        followups.update_followup(db, later.id, {"status": "maybe"}, expected_version=1)
