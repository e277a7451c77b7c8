"""Merging duplicate records (issue 18): everything that names the merged-away organization or
person moves to the survivor, its names become aliases, one undo takes the merge back exactly;
the refusals; the merged-away id still lands on the survivor in a reference and in a travel
copy. On SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from db.changes.batches import list_batches
from db.changes.recording import Actor
from db.changes.undo import undo_batch
from db.merge import apply_merge, merge_plan
from db.merge.travel import export_travel_copy
from db.models import (
    Affiliation,
    Delegate,
    Event,
    FollowUp,
    Gift,
    Invitation,
    LevelChange,
    Organization,
    Participation,
    Person,
    Visit,
    VisitMember,
    event_co_organizers,
    organization_tags,
    session_speakers,
)
from db.seed.opening import open_database
from db.services import (
    affiliations,
    events,
    followups,
    interactions,
    invitations,
    levels,
    organizations,
    people,
    visits,
)
from db.services.history import history
from db.services.record_merge import merge_preview, merge_records
from db.store.engine import Database
from db.store.errors import ConflictError, LiaisonError
from tests.db.factories import make_interaction, make_organization, make_person

DAY = date(2026, 5, 10)


def snapshot(db: Database) -> dict[str, Any]:
    """Every row that can name an organization or a person, as it stands."""
    tables: list[Any] = [Affiliation, Participation, FollowUp, Visit, VisitMember, Gift, Event,
                         Invitation, Delegate, LevelChange, Organization, Person]
    found: dict[str, Any] = {}
    with db.reading() as session:
        for model in tables:
            rows = session.execute(select(model.__table__).order_by(model.__table__.c.id)).all()
            found[model.__tablename__] = sorted(
                (tuple((k, v) for k, v in row._mapping.items()
                       if k not in ("updated_at", "version", "search_text", "sort_original",
                                    "sort_en", "sort_zh", "last_contact", "interaction_count")
                       # a participation is a link: undo writes it again, under a new id
                       and not (model is Participation and k in ("id", "created_at")))
                 for row in rows), key=repr)
        for table in (event_co_organizers, session_speakers, organization_tags):
            found[table.name] = sorted((tuple(r) for r in session.execute(select(table)).all()),
                                       key=repr)
    return found


@pytest.fixture
def pair(db: Database) -> dict[str, Any]:
    """The same party twice — in its own script, and as colleagues typed it in English — each
    with records pointing at it."""
    survivor = make_organization(db, name="Partido dos Trabalhadores", abbreviation="PT",
                                 country="BR", level="regular", tags=["Latin America"])
    other = make_organization(db, name="Workers' Party", name_zh="劳工党", country="BR",
                              website="https://pt.org.br", tags=["Left"])
    lula = make_person(db, name="Luiz Inácio Lula da Silva")
    affiliations.create_affiliation(db, {"person_id": lula.id, "organization_id": other.id,
                                         "role": "Honorary President"})
    both = make_interaction(db, title="Talks in Brasília", organizations_=[survivor.id,
                                                                         other.id])
    alone = make_interaction(db, title="Seminar in São Paulo", start="2025-03-01",
                             organizations_=[other.id], people_=[lula.id])
    followups.create_followup(db, {"description": "Send the report",
                                   "organization_id": other.id})
    visit = visits.create_visit(db, {"title": "PT delegation", "direction": "inbound",
                                     "start": DAY, "guest_id": other.id})
    visits.add_member(db, visit.id, {"organization_id": other.id, "side": "guest"})
    visits.add_gift(db, visit.id, {"description": "Book", "organization_id": other.id,
                                   "direction": "received"})
    forum = events.create_event(db, {"name": "Forum", "start": DAY, "organizer_id": other.id})
    seminar = events.create_event(db, {"name": "Seminar", "start": DAY,
                                       "co_organizers": [other.id]})
    invitations.invite(db, forum.id, {"organization_id": other.id, "reply": "accepted"})
    invitations.invite(db, seminar.id, {"organization_id": other.id})
    invitations.invite(db, seminar.id, {"organization_id": survivor.id})  # both invited
    levels.change_level(db, other.id, "strategic", effective=date(2024, 1, 1),
                        reason="Party-to-party agreement")
    return {"survivor": survivor, "other": other, "lula": lula, "both": both, "alone": alone,
            "visit": visit, "forum": forum, "seminar": seminar}


def test_the_preview_says_what_differs_and_what_moves(db: Database,
                                                      pair: dict[str, Any]) -> None:
    preview = merge_preview(db, "organization", pair["survivor"].id, pair["other"].id)
    fields = {choice.field: choice for choice in preview.fields}
    assert fields["name"].survivor == "Partido dos Trabalhadores"
    assert fields["name"].other == "Workers' Party"
    assert fields["website"].default == "other"  # the survivor has none
    assert fields["name_zh"].default == "other"
    assert preview.moves == {"positions": 1, "interactions": 2, "followups": 1, "visits": 1,
                             "members": 1, "gifts": 1, "events": 2, "invitations": 2,
                             "levels": 1, "tags": 1}


def test_a_merge_moves_everything_and_one_undo_takes_it_back(db: Database,
                                                             pair: dict[str, Any]) -> None:
    survivor, other = pair["survivor"], pair["other"]
    before = snapshot(db)
    seen = merge_preview(db, "organization", survivor.id, other.id)
    result = merge_records(db, "organization", survivor.id, other.id,
                           choices={"name": "survivor"},
                           expected_versions=(seen.survivor_version, seen.other_version))
    merged = organizations.get_organization(db, survivor.id)
    assert merged.name == "Partido dos Trabalhadores" and merged.name_zh == "劳工党"
    assert merged.website == "https://pt.org.br"
    assert "Workers' Party" in merged.aliases
    assert set(merged.tags) == {"Latin America", "Left"}
    merged = organizations.get_organization(db, survivor.id)
    assert merged.level == "strategic"  # the newer record's, chosen by default
    # Its history came along: strategic since 2024; the level chosen stands from today.
    assert [(c.level, c.effective.year, c.reason) for c in levels.level_history(
        db, survivor.id)] == [("strategic", date.today().year, None),
                              ("strategic", 2024, "Party-to-party agreement")]
    with db.reading() as session:
        gone = session.get(Organization, other.id)
        assert gone is not None and gone.deleted_at is not None
        assert gone.merged_into == survivor.id
        assert session.execute(select(Participation.organization_id).where(
            Participation.organization_id == other.id,
            Participation.deleted_at.is_(None))).first() is None
        for model, column in ((Affiliation, Affiliation.organization_id),
                              (FollowUp, FollowUp.organization_id),
                              (VisitMember, VisitMember.organization_id),
                              (Gift, Gift.organization_id),
                              (Invitation, Invitation.organization_id)):
            assert session.execute(select(model.id).where(
                column == other.id, model.deleted_at.is_(None))).first() is None, model
        assert session.execute(select(Visit.guest_id)).scalar_one() == survivor.id
        assert session.execute(select(Event.organizer_id).where(
            Event.id == pair["forum"].id)).scalar_one() == survivor.id
        assert session.execute(select(event_co_organizers.c.organization_id)).scalar_one() \
            == survivor.id
    # Invited twice to the seminar: the survivor's invitation stays, the other's is deleted.
    seminar = invitations.list_invitations(db, pair["seminar"].id)
    assert [i.organization_id for i in seminar.items] == [survivor.id]
    both = interactions.get_interaction(db, pair["both"].id)
    assert [p.organization_id for p in both.participants if p.organization_id] == [survivor.id]
    assert merged.interaction_count == 2
    assert result.moved["interactions"] == 2 and result.moved["invitations"] == 2
    # The survivor's history holds the other's.
    assert any(change.entity_id == other.id for change in history(db, survivor.id))

    listed = list_batches(db, limit=1)[0]
    assert listed.what == f"the merge of the records {survivor.name} ← Workers' Party"

    undo_batch(db, result.batch_id)
    assert snapshot(db) == before
    assert organizations.get_organization(db, other.id).name == "Workers' Party"
    assert list_batches(db, limit=1)[0].what == f"the undo of {listed.what}"


def test_people_merge_with_their_delegations_and_speeches(db: Database) -> None:
    survivor = make_person(db, name="刘建超", name_en="Liu Jianchao", gender="male")
    other = make_person(db, name="Liu Jianchao", birth_year=1964, emails=["liu@example.org"])
    party = make_organization(db, name="Communist Party of China", country="CN")
    forum = events.create_event(db, {"name": "Dialogue", "start": DAY})
    invited = invitations.invite(db, forum.id, {"organization_id": party.id})
    invitations.add_delegate(db, invited.id, {"person_id": other.id, "role": "head"})
    opening = events.add_session(db, forum.id, {"day": DAY, "title": "Opening",
                                                "speakers": [other.id]})
    result = merge_records(db, "person", survivor.id, other.id,
                           choices={"name": "survivor"})
    merged = people.get_person(db, survivor.id)
    assert (merged.name, merged.birth_year, merged.emails) == ("刘建超", 1964,
                                                               ("liu@example.org",))
    assert invitations.list_delegates(db, invited.id)[0].person_id == survivor.id
    assert events.list_sessions(db, forum.id)[0].speakers == ((survivor.id, "刘建超"),)
    assert opening.speakers[0][0] == other.id
    assert result.moved == {"delegates": 1, "sessions": 1}


def test_refusals(db: Database, pair: dict[str, Any]) -> None:
    survivor, other = pair["survivor"], pair["other"]
    with pytest.raises(LiaisonError, match="cannot be merged into itself"):
        merge_records(db, "organization", survivor.id, survivor.id)
    deleted = make_organization(db, name="Gone")
    organizations.delete_organization(db, deleted.id)
    with pytest.raises(LiaisonError, match="is deleted"):
        merge_records(db, "organization", survivor.id, deleted.id)
    seen = merge_preview(db, "organization", survivor.id, other.id)
    organizations.update_organization(db, other.id, {"notes": "changed by a colleague"},
                                      expected_version=None)
    before = snapshot(db)
    with pytest.raises(ConflictError):
        merge_records(db, "organization", survivor.id, other.id,
                      expected_versions=(seen.survivor_version, seen.other_version))
    assert snapshot(db) == before  # nothing half-merged
    merge_records(db, "organization", survivor.id, other.id)
    with pytest.raises(LiaisonError, match="already merged"):
        merge_records(db, "organization", other.id, survivor.id)


def test_the_merged_away_id_names_the_survivor(db: Database, pair: dict[str, Any]) -> None:
    survivor, other = pair["survivor"], pair["other"]
    merge_records(db, "organization", survivor.id, other.id)
    # A reference written with the old id — a spreadsheet's, a script's — lands on the
    # survivor.
    position = affiliations.create_affiliation(db, {"person_id": pair["lula"].id,
                                                    "organization_id": other.id,
                                                    "role": "Founder"})
    assert position.organization_id == survivor.id


def test_a_travel_copy_naming_the_merged_away_id_lands_on_the_survivor(
        db: Database, pair: dict[str, Any], tmp_path: Path) -> None:
    survivor, other = pair["survivor"], pair["other"]
    copy = export_travel_copy(db, tmp_path / "travel.sqlite3")
    road = open_database(copy.path)
    try:  # on the road, still with both records: a meeting with the other one
        met = interactions.create_interaction(road, {
            "kind": "meeting", "title": "Meeting on the road", "start": "2026-06-01",
            "participants": [{"organization_id": other.id}]}, Actor("traveller"))
    finally:
        road.close()
    merge_records(db, "organization", survivor.id, other.id)  # meanwhile, at the office
    apply_merge(db, merge_plan(db, str(copy.path)))
    arrived = interactions.get_interaction(db, met.id)
    assert [p.organization_id for p in arrived.participants] == [survivor.id]
    assert organizations.get_organization(db, survivor.id).interaction_count == 3


def test_a_merge_made_on_the_road_travels(db: Database, pair: dict[str, Any],
                                          tmp_path: Path) -> None:
    survivor, other = pair["survivor"], pair["other"]
    copy = export_travel_copy(db, tmp_path / "travel.sqlite3")
    road = open_database(copy.path)
    try:
        merge_records(road, "organization", survivor.id, other.id, actor=Actor("traveller"))
    finally:
        road.close()
    apply_merge(db, merge_plan(db, str(copy.path)))
    with db.reading() as session:
        gone = session.get(Organization, other.id)
        assert gone is not None and gone.merged_into == survivor.id and gone.deleted_at
    assert [i.organization_id for i in invitations.list_invitations(
        db, pair["forum"].id).items] == [survivor.id]
