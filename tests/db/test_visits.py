"""Delegation visits (issue 16): a visit with the people on each side, a programme of days,
cities and items — meetings recorded as interactions — and gifts; the rules that keep it
whole; an "outbound visit" interaction turned into a visit in one undoable batch. On SQLite
and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from db.changes.undo import undo_batch
from db.models import ChangeLog, Interaction, ProgrammeItem, Visit, VisitMember
from db.services import affiliations, interactions, programme, visits
from db.store.engine import Database
from db.store.errors import ValidationFailed
from tests.db.factories import make_organization, make_person

START = date(2026, 10, 12)


def rows(db: Database, model: Any) -> int:
    with db.reading() as session:
        return int(session.execute(select(func.count()).select_from(model).where(
            model.deleted_at.is_(None))).scalar_one())


@pytest.fixture
def delegation(db: Database) -> dict[str, str]:
    """An outbound visit to Viet Nam: our party sends, the CPV hosts."""
    ours = make_organization(db, name="Partido dos Trabalhadores", country="BR")
    cpv = make_organization(db, name="Communist Party of Vietnam", name_zh="越南共产党",
                            country="VN")
    city = make_organization(db, name="Ho Chi Minh City Party Committee", country="VN")
    head = make_person(db, name="Gleisi Hoffmann", nationality="BR")
    affiliations.create_affiliation(db, {"person_id": head.id, "organization_id": ours.id,
                                         "role": "President", "start": "2017-06-03"})
    member = make_person(db, name="Romênio Pereira", nationality="BR")
    interpreter = make_person(db, name="Lê Thu Hà", nationality="VN")
    host = make_person(db, name="Lê Hoài Trung", nationality="VN")
    visit = visits.create_visit(db, {
        "title": "PT delegation to Viet Nam", "direction": "outbound", "start": START,
        "end": START + timedelta(days=4), "country": "VN", "host_id": cpv.id,
        "guest_id": ours.id, "purpose": "Exchange on party building."})
    for person, side, role in ((head.id, "guest", "head"), (member.id, "guest", "member"),
                               (interpreter.id, "guest", "interpreter"),
                               (host.id, "host", "head")):
        visits.add_member(db, visit.id, {"person_id": person, "side": side, "role": role})
    visits.add_member(db, visit.id, {"organization_id": city.id, "side": "host"})
    return {"visit": visit.id, "ours": ours.id, "cpv": cpv.id, "city": city.id,
            "head": head.id, "member": member.id, "interpreter": interpreter.id,
            "host": host.id}


def test_a_five_day_visit_to_three_cities_with_twelve_meetings(
        db: Database, delegation: dict[str, str]) -> None:
    visit = delegation["visit"]
    cities = ["Hà Nội", "Hà Nội", "Đà Nẵng", "Đà Nẵng", "Thành phố Hồ Chí Minh"]
    for offset, city in enumerate(cities):
        day = START + timedelta(days=offset)
        programme.add_item(db, visit, {"day": day, "kind": "travel", "title": f"To {city}",
                                       "city": city, "starts": "8:00"})
        for number in range(1, 4 if offset < 2 else 3):
            programme.add_item(db, visit, {
                "day": day, "kind": "talks", "title": f"Talks {offset}.{number}",
                "city": city, "starts": f"{8 + 2 * number}h00", "ends": f"{9 + 2 * number}:30"},
                participants=[{"organization_id": delegation["cpv"], "role": "host"},
                              {"person_id": delegation["head"], "role": "delegation_head"}])
    details = programme.visit_details(db, visit)
    assert [d.day for d in details.days] == [START + timedelta(days=n) for n in range(5)]
    assert [d.cities for d in details.days][-1] == ("Thành phố Hồ Chí Minh",)
    meetings = [item for day in details.days for item in day.items if item.interaction_id]
    assert len(meetings) == 12
    assert meetings[0].starts == "10:00" and meetings[0].ends == "11:30"
    assert set(meetings[0].participant_names) == {"Communist Party of Vietnam", "Gleisi Hoffmann"}
    roles = [(m.side, m.role, m.person_name or m.organization_name) for m in details.members]
    assert roles[0] == ("guest", "head", "Gleisi Hoffmann")
    assert ("host", "member", "Ho Chi Minh City Party Committee") in roles
    head = next(m for m in details.members if m.person_id == delegation["head"])
    assert (head.organization_name, head.title) == ("Partido dos Trabalhadores", "President")
    talks = interactions.get_interaction(db, meetings[0].interaction_id or "")
    assert (talks.kind, talks.start, talks.country) == ("talks", START, "VN")


def test_an_item_outside_the_visit_is_refused_and_nothing_is_saved(
        db: Database, delegation: dict[str, str]) -> None:
    before = (rows(db, ProgrammeItem), rows(db, Interaction))
    with pytest.raises(ValidationFailed) as raised:
        programme.add_item(db, delegation["visit"], {
            "day": START + timedelta(days=9), "title": "Talks after the visit"},
            participants=[{"organization_id": delegation["cpv"]}])
    assert [p.field for p in raised.value.problems] == ["day"]
    assert "outside the visit" in raised.value.problems[0].message
    assert (rows(db, ProgrammeItem), rows(db, Interaction)) == before
    with pytest.raises(ValidationFailed, match=r"ends .* before it starts"):
        programme.add_item(db, delegation["visit"], {"day": START, "title": "Banquet",
                                                     "kind": "banquet", "starts": "20:00",
                                                     "ends": "19:00"})


def test_a_member_who_is_also_the_head_and_a_second_head_are_refused(
        db: Database, delegation: dict[str, str]) -> None:
    with pytest.raises(ValidationFailed) as raised:
        visits.add_member(db, delegation["visit"], {"person_id": delegation["head"],
                                                    "role": "member"})
    assert raised.value.problems[0].field == "person_id"
    assert "already in this visit as head of delegation" in raised.value.problems[0].message
    other = make_person(db, name="José Genoino")
    with pytest.raises(ValidationFailed, match="already have a head of delegation"):
        visits.add_member(db, delegation["visit"], {"person_id": other.id, "role": "head"})
    visits.add_member(db, delegation["visit"], {"person_id": other.id, "role": "deputy"})


def test_a_meeting_with_someone_from_neither_side_is_refused_whole(
        db: Database, delegation: dict[str, str]) -> None:
    stranger = make_organization(db, name="Partido Comunista de Cuba", country="CU")
    before = (rows(db, ProgrammeItem), rows(db, Interaction))
    with pytest.raises(ValidationFailed) as raised:
        programme.add_item(db, delegation["visit"], {"day": START, "title": "Talks"},
                           participants=[{"organization_id": delegation["cpv"]},
                                         {"organization_id": stranger.id}])
    assert raised.value.problems[0].field == "interaction_id"
    assert "Partido Comunista de Cuba" in raised.value.problems[0].message
    assert (rows(db, ProgrammeItem), rows(db, Interaction)) == before


def test_new_dates_must_still_hold_the_programme(db: Database,
                                                  delegation: dict[str, str]) -> None:
    item = programme.add_item(db, delegation["visit"], {"day": START + timedelta(days=4),
                                                        "title": "Farewell banquet",
                                                        "kind": "banquet"})
    visit = visits.get_visit(db, delegation["visit"])
    with pytest.raises(ValidationFailed, match="1 programme item"):
        visits.update_visit(db, visit.id, {"end": START + timedelta(days=2)},
                            expected_version=visit.version)
    programme.move_item(db, item.id, START + timedelta(days=2), 0)
    visits.update_visit(db, visit.id, {"end": START + timedelta(days=2)},
                        expected_version=visit.version)


def test_moving_copying_and_a_meeting_following_its_item(db: Database,
                                                         delegation: dict[str, str]) -> None:
    visit = delegation["visit"]
    first = programme.add_item(db, visit, {"day": START, "title": "Site visit",
                                           "kind": "site_visit", "city": "Hà Nội"})
    talks = programme.add_item(db, visit, {"day": START, "title": "Talks", "kind": "talks"},
                               participants=[{"organization_id": delegation["cpv"]}])
    order = programme.move_item(db, talks.id, START, 0)
    assert [i.title for i in order] == ["Talks", "Site visit"]
    assert [i.position for i in order] == [0, 1]
    copied = programme.copy_day(db, visit, START, START + timedelta(days=1))
    assert [i.title for i in copied] == ["Talks", "Site visit"]
    assert copied[0].interaction_id not in (None, talks.interaction_id)
    assert copied[0].participant_names == ("Communist Party of Vietnam",)
    moved = programme.update_item(db, talks.id, {"day": START + timedelta(days=3),
                                                 "title": "Talks with the CPV"},
                                  expected_version=None)
    meeting = interactions.get_interaction(db, moved.interaction_id or "")
    assert (meeting.start, meeting.title) == (START + timedelta(days=3), "Talks with the CPV")
    programme.remove_item(db, first.id)
    programme.remove_item(db, talks.id)
    assert interactions.get_interaction(db, meeting.id, include_deleted=True).deleted_at
    assert [i.title for i in programme.list_items(db, visit)] == ["Talks", "Site visit"]


def test_an_outbound_visit_interaction_becomes_a_visit_and_one_undo_takes_it_back(
        db: Database) -> None:
    cpv = make_organization(db, name="Communist Party of Vietnam", country="VN")
    head = make_person(db, name="Gleisi Hoffmann")
    host = make_person(db, name="Lê Hoài Trung")
    old = interactions.create_interaction(db, {
        "kind": "outbound_visit", "title": "Visit to Viet Nam", "start": "2026-11-03",
        "end": "2026-11-07", "city": "Hà Nội", "country": "VN", "summary": "Party building.",
        "outcomes": "A cadre exchange in 2027.", "participants": [
            {"organization_id": cpv.id, "role": "host"},
            {"person_id": host.id, "role": "host"},
            {"person_id": head.id, "role": "delegation_head"}]})
    before = {model.__name__: rows(db, model) for model in (Visit, VisitMember, ProgrammeItem)}
    converted = programme.visit_from_interaction(db, old.id)
    details = programme.visit_details(db, converted.visit.id)
    assert (details.visit.direction, details.visit.host_id, details.visit.end) == (
        "outbound", cpv.id, date(2026, 11, 7))
    assert details.visit.outcomes == "A cadre exchange in 2027."
    assert {(m.person_name, m.role, m.side) for m in details.members} == {
        ("Lê Hoài Trung", "member", "host"), ("Gleisi Hoffmann", "head", "host")}
    [item] = [i for day in details.days for i in day.items]
    assert (item.interaction_id, item.kind, item.city) == (old.id, "talks", "Hà Nội")
    assert interactions.get_interaction(db, old.id).kind == "talks"
    with pytest.raises(Exception, match="already part of a visit"):
        programme.visit_from_interaction(db, old.id)

    undo_batch(db, converted.batch_id)
    assert {model.__name__: rows(db, model)
            for model in (Visit, VisitMember, ProgrammeItem)} == before
    assert interactions.get_interaction(db, old.id).kind == "outbound_visit"
    with db.reading() as session:
        logged = set(session.execute(select(ChangeLog.entity).where(
            ChangeLog.batch_id == converted.batch_id)).scalars())
    assert {"visit", "visit member", "programme item", "interaction"} <= logged


def test_only_a_visit_interaction_can_become_a_visit(db: Database) -> None:
    talks = interactions.create_interaction(db, {"kind": "talks", "title": "Talks",
                                                 "start": "2026-11-03"})
    with pytest.raises(Exception, match="not an inbound or outbound visit"):
        programme.visit_from_interaction(db, talks.id)
