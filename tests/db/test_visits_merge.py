"""Visits travel (issue 16, item 5): a travel copy in which the programme was changed on the
road merges back beside what the office changed meanwhile; the merge is undone whole. On
SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from db.changes.recording import Actor
from db.merge import apply_merge, merge_plan, undo_merge
from db.merge.travel import export_travel_copy
from db.seed.opening import open_database
from db.services import interactions, programme, visits
from db.services.check import check_database
from db.store.engine import Database
from tests.db.factories import make_organization, make_person

TRAVELLER = Actor("traveller")
COLLEAGUE = Actor("colleague")
DAY = date(2026, 10, 12)


def test_a_programme_changed_on_the_road_merges_back(db: Database, tmp_path: Path) -> None:
    office = db
    cpv = make_organization(office, name="Communist Party of Vietnam", country="VN")
    head = make_person(office, name="Gleisi Hoffmann")
    host = make_person(office, name="Lê Hoài Trung")
    visit = visits.create_visit(office, {
        "title": "Delegation to Viet Nam", "direction": "outbound", "start": DAY,
        "end": date(2026, 10, 16), "country": "VN", "host_id": cpv.id}, COLLEAGUE)
    visits.add_member(office, visit.id, {"person_id": head.id, "side": "guest",
                                         "role": "head"}, COLLEAGUE)
    talks = programme.add_item(office, visit.id, {"day": DAY, "title": "Talks",
                                                  "kind": "talks", "starts": "09:00"},
                               COLLEAGUE, participants=[{"organization_id": cpv.id}])
    banquet = programme.add_item(office, visit.id, {"day": DAY, "title": "Banquet",
                                                    "kind": "banquet", "starts": "19:00"},
                                 COLLEAGUE)
    dropped = programme.add_item(office, visit.id, {"day": date(2026, 10, 13),
                                                    "title": "Museum", "kind": "site_visit"},
                                 COLLEAGUE)
    folder = tmp_path / "laptop"
    folder.mkdir()
    copy = export_travel_copy(office, folder / "travel.sqlite3")
    road = open_database(copy.path)
    try:
        # On the road: the talks move to 10:30, a host joins, a meeting is added on day 3,
        # the museum is dropped, a gift is received.
        programme.update_item(road, talks.id, {"starts": "10:30"}, expected_version=None,
                              actor=TRAVELLER)
        visits.add_member(road, visit.id, {"person_id": host.id, "side": "host",
                                           "role": "head"}, TRAVELLER)
        added = programme.add_item(road, visit.id, {"day": date(2026, 10, 14),
                                                    "title": "Meeting with the host",
                                                    "kind": "meeting", "city": "Đà Nẵng"},
                                   TRAVELLER, participants=[{"person_id": host.id},
                                                            {"person_id": head.id}])
        programme.remove_item(road, dropped.id, actor=TRAVELLER)
        visits.add_gift(road, visit.id, {"direction": "received", "description": "Lacquer box",
                                         "person_id": host.id}, TRAVELLER)
    finally:
        road.close()
    # At the office meanwhile: the purpose is written, the banquet moves to 19:30.
    visits.update_visit(office, visit.id, {"purpose": "Party building"},
                        expected_version=None, actor=COLLEAGUE)
    programme.update_item(office, banquet.id, {"starts": "19:30"}, expected_version=None,
                          actor=COLLEAGUE)

    plan = merge_plan(office, str(copy.path))
    assert not plan.errors and not plan.conflicts
    result = apply_merge(office, plan)
    details = programme.visit_details(office, visit.id)
    items = {item.title: item for day in details.days for item in day.items}
    assert items["Talks"].starts == "10:30" and items["Banquet"].starts == "19:30"
    assert "Museum" not in items
    assert items["Meeting with the host"].participants and \
        set(items["Meeting with the host"].participant_names) == {"Lê Hoài Trung", "Gleisi Hoffmann"}
    assert details.visit.purpose == "Party building"
    assert [g.description for g in details.gifts] == ["Lacquer box"]
    assert {m.person_name for m in details.members} == {"Gleisi Hoffmann", "Lê Hoài Trung"}
    meeting = interactions.get_interaction(office, items["Meeting with the host"].interaction_id
                                           or "")
    assert meeting.start == date(2026, 10, 14)
    assert check_database(office) == []
    assert added.id in items["Meeting with the host"].id

    assert result.batch_id is not None
    undo_merge(office, result.batch_id)
    details = programme.visit_details(office, visit.id)
    items = {item.title: item for day in details.days for item in day.items}
    assert set(items) == {"Talks", "Banquet", "Museum"}
    assert items["Talks"].starts == "09:00"
    assert details.gifts == () and len(details.members) == 1
