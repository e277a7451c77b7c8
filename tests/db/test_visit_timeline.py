"""A record's timeline with its visits (issue 16): every participant — the host and guest
organizations, the people and organizations on either side, whoever attended one of its
meetings — sees a visit as one entry that carries its meetings, and those meetings are not
listed again on their own. Newest first across both kinds, page by page, with a total. On
SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from db.services import interactions, programme, visits
from db.services.visit_timeline import TimelineEntry, count_timeline, list_timeline
from db.store.engine import Database
from tests.db.factories import make_interaction, make_organization, make_person

START = date(2026, 10, 12)


def ids(entries: tuple[TimelineEntry, ...]) -> list[str]:
    return [entry.id for entry in entries]


@pytest.fixture
def visit(db: Database) -> dict[str, str]:
    """An outbound visit to Viet Nam with two talks; the CPV hosts, our party sends."""
    ours = make_organization(db, name="Partido dos Trabalhadores", country="BR")
    cpv = make_organization(db, name="Communist Party of Vietnam", country="VN")
    city = make_organization(db, name="Ho Chi Minh City Party Committee", country="VN")
    head = make_person(db, name="Gleisi Hoffmann")
    member = make_person(db, name="Romênio Pereira")
    guest = make_person(db, name="Lê Thu Hà")
    record = visits.create_visit(db, {
        "title": "PT delegation to Viet Nam", "direction": "outbound", "status": "confirmed",
        "start": START, "end": START + timedelta(days=4), "country": "VN",
        "host_id": cpv.id, "guest_id": ours.id})
    visits.add_member(db, record.id, {"person_id": head.id, "side": "guest", "role": "head"})
    visits.add_member(db, record.id, {"person_id": member.id, "side": "guest"})
    visits.add_member(db, record.id, {"organization_id": city.id, "side": "host"})
    first = programme.add_item(db, record.id, {
        "day": START, "kind": "talks", "title": "Talks with the CPV", "city": "Hà Nội",
        "starts": "10:00"}, participants=[{"organization_id": cpv.id, "role": "host"},
                                          {"person_id": head.id, "role": "delegation_head"}])
    programme.add_item(db, record.id, {"day": START + timedelta(days=1), "kind": "banquet",
                                       "title": "Welcome dinner"})
    second = programme.add_item(db, record.id, {
        "day": START + timedelta(days=2), "kind": "meeting", "title": "City committee",
        "city": "Thành phố Hồ Chí Minh", "starts": "09:00"},
        participants=[{"organization_id": city.id, "role": "host"},
                      {"person_id": head.id, "role": "delegation_head"}])
    assert first.interaction_id and second.interaction_id
    # Someone a colleague added to the second meeting's record later: on neither side.
    meeting = interactions.get_interaction(db, second.interaction_id)
    interactions.update_interaction(db, meeting.id, {"participants": [
        {"organization_id": p.organization_id, "person_id": p.person_id, "role": p.role}
        for p in meeting.participants] + [{"person_id": guest.id, "role": "member"}]},
        expected_version=meeting.version)
    return {"visit": record.id, "ours": ours.id, "cpv": cpv.id, "city": city.id,
            "head": head.id, "member": member.id, "guest": guest.id,
            "first": first.interaction_id, "second": second.interaction_id}


def test_the_host_sees_the_visit_as_one_entry_between_its_other_interactions(
        db: Database, visit: dict[str, str]) -> None:
    before = make_interaction(db, organizations_=[visit["cpv"]], title="Letter of invitation",
                              kind="letter", start="2026-08-01")
    after = make_interaction(db, organizations_=[visit["cpv"]], title="Thank-you letter",
                             kind="letter", start="2026-11-02")
    page = list_timeline(db, "organization", visit["cpv"])
    assert ids(page.items) == [after.id, visit["visit"], before.id]
    assert (page.total, page.visits) == (3, 1)
    assert [e.kind for e in page.items] == ["interaction", "visit", "interaction"]
    entry = page.items[1].visit
    assert entry is not None and page.items[1].start == START
    assert (entry.title, entry.direction, entry.status, entry.country) == (
        "PT delegation to Viet Nam", "outbound", "confirmed", "VN")
    assert (entry.start, entry.end) == (START, START + timedelta(days=4))
    assert (entry.host_name, entry.guest_name) == ("Communist Party of Vietnam",
                                                   "Partido dos Trabalhadores")
    # Its meetings, by day — the banquet is no meeting; the CPV was at the first only.
    assert [(m.id, m.title, m.day, m.starts, m.kind) for m in entry.meetings] == [
        (visit["first"], "Talks with the CPV", START, "10:00", "talks"),
        (visit["second"], "City committee", START + timedelta(days=2), "09:00", "meeting")]
    assert [m.attended for m in entry.meetings] == [True, False]
    names = {p.name for p in entry.meetings[1].participants}
    assert names == {"Ho Chi Minh City Party Committee", "Gleisi Hoffmann", "Lê Thu Hà"}
    assert page.items[0].interaction is not None
    assert page.items[0].interaction.title == "Thank-you letter"


def test_the_guest_organization_and_an_organization_on_a_side_see_it_too(
        db: Database, visit: dict[str, str]) -> None:
    for owner in (visit["ours"], visit["city"]):
        page = list_timeline(db, "organization", owner)
        assert ids(page.items) == [visit["visit"]] and page.total == 1
    city = list_timeline(db, "organization", visit["city"]).items[0].visit
    assert city is not None and [m.attended for m in city.meetings] == [False, True]


def test_a_member_who_attended_no_meeting_sees_the_visit(
        db: Database, visit: dict[str, str]) -> None:
    page = list_timeline(db, "person", visit["member"])
    assert ids(page.items) == [visit["visit"]] and page.total == 1
    entry = page.items[0].visit
    assert entry is not None and len(entry.meetings) == 2
    assert not any(m.attended for m in entry.meetings)


def test_someone_who_attended_one_meeting_only_sees_the_visit(
        db: Database, visit: dict[str, str]) -> None:
    page = list_timeline(db, "person", visit["guest"])
    assert ids(page.items) == [visit["visit"]] and page.total == 1
    entry = page.items[0].visit
    assert entry is not None
    assert [m.id for m in entry.meetings if m.attended] == [visit["second"]]


def test_the_meetings_are_not_listed_on_their_own(db: Database, visit: dict[str, str]) -> None:
    other = make_interaction(db, people_=[visit["head"]], title="Seminar", start="2026-10-13")
    page = list_timeline(db, "person", visit["head"])
    # The seminar falls within the visit but is not part of it: both listed, newest first.
    assert ids(page.items) == [other.id, visit["visit"]] and page.total == 2
    assert visit["first"] not in ids(page.items) and visit["second"] not in ids(page.items)
    listed = [m.id for e in page.items if e.visit for m in e.visit.meetings]
    assert listed == [visit["first"], visit["second"]]


def test_a_deleted_visit_gives_its_meetings_back_and_a_deleted_meeting_leaves_it(
        db: Database, visit: dict[str, str]) -> None:
    interactions.delete_interaction(db, visit["second"])
    entry = list_timeline(db, "person", visit["head"]).items[0].visit
    assert entry is not None and [m.id for m in entry.meetings] == [visit["first"]]
    # The guest attended only that meeting: the visit stays theirs through the meeting's
    # record no longer, so nothing is left.
    assert list_timeline(db, "person", visit["guest"]).total == 0
    visits.delete_visit(db, visit["visit"])
    page = list_timeline(db, "person", visit["head"])
    assert ids(page.items) == [visit["first"]] and page.total == 1
    assert list_timeline(db, "organization", visit["ours"]).total == 0
    visits.restore_visit(db, visit["visit"])
    assert ids(list_timeline(db, "person", visit["head"]).items) == [visit["visit"]]


def test_pages_run_newest_first_across_both_kinds(db: Database) -> None:
    party = make_organization(db, name="Frente Amplio", country="UY")
    made: list[tuple[date, str]] = []
    for number in range(23):
        day = date(2025, 1, 1) + timedelta(days=11 * number)
        made.append((day, make_interaction(db, organizations_=[party.id], start=day,
                                           title=f"Talks {number}").id))
    for number in range(7):
        day = date(2025, 1, 6) + timedelta(days=37 * number)
        role = {"host_id": party.id} if number % 2 else {"guest_id": party.id}
        made.append((day, visits.create_visit(db, {
            "title": f"Visit {number}", "direction": "inbound", "start": day,
            "end": day + timedelta(days=2), **role}).id))
    # Same day as an interaction: ties go by id, as in every list.
    tie = visits.create_visit(db, {"title": "Same day", "direction": "outbound",
                                   "start": made[4][0], "host_id": party.id})
    made.append((made[4][0], tie.id))
    newest = [i for _, i in sorted(made, reverse=True)]
    pages = [list_timeline(db, "organization", party.id, offset=offset, limit=7,
                           with_total=offset == 0) for offset in range(0, 35, 7)]
    assert (pages[0].total, pages[0].visits) == (31, 8) and pages[1].total == -1
    assert [len(p.items) for p in pages] == [7, 7, 7, 7, 3]
    assert [i for p in pages for i in ids(p.items)] == newest
    oldest = list_timeline(db, "organization", party.id, descending=False, limit=100)
    assert ids(oldest.items) == newest[::-1] and oldest.total == 31
    with db.reading() as session:
        assert count_timeline(session, "organization", party.id) == 31
        assert count_timeline(session, "person", party.id) == 0


def test_an_unknown_record_has_an_empty_timeline(db: Database) -> None:
    page = list_timeline(db, "organization", "no-such-id")
    assert page.items == () and page.total == 0


def test_sqlite_walks_the_timeline_index_without_sorting(sqlite_db: Database) -> None:
    """The page query merges the kinds in order: the interactions come straight off the
    participant's timeline index (read only as far as the page, never sorted), and a meeting
    attended is one exact probe of that index — on a database without statistics too."""
    from db.services.visit_timeline import timeline_statement

    for side, index in (("organization", "ix_participations_organization_timeline"),
                        ("person", "ix_participations_person_timeline")):
        statement = timeline_statement(side, "someone")  # type: ignore[arg-type]
        columns = statement.selected_columns
        paged = statement.order_by(columns.start.desc(), columns.id.desc()).limit(100)
        with sqlite_db.reading() as session:
            sql = str(paged.compile(session.get_bind(),
                                    compile_kwargs={"literal_binds": True}))
            plan = [(row[0], row[1], row[3]) for row in session.connection().exec_driver_sql(
                "EXPLAIN QUERY PLAN " + sql)]
        steps = [step for _, _, step in plan]
        assert steps[0] == "MERGE (UNION ALL)", steps
        # The kinds merge left to right, ((interactions, visits), events): the interactions
        # are the innermost LEFT.
        interactions_side = {[node for node, _, step in plan if step == "LEFT"][-1]}
        for node, parent, step in plan:  # the LEFT subtree: the interactions, in order
            if parent in interactions_side:
                interactions_side.add(node)
                assert "TEMP B-TREE" not in step and not step.startswith("SCAN"), steps
        assert f"SEARCH participations USING INDEX {index} ({side}_id=?)" in steps, steps
        exact = f"{index} ({side}_id=? AND start_date=? AND interaction_id=?)"
        assert any(exact in step for step in steps), steps
        assert not any(step.startswith("SCAN participations") for step in steps), steps
