"""A visit's briefing pack as plain values (db/services/briefing.py): the counterparts are the
other side from ours plus those met in the programme — never our own delegation — each with
their names, last contacts (this visit's own meetings and future ones left out), open
follow-ups and positions. On SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from db.services import affiliations, followups, people, programme, visits
from db.services.briefing import Briefing, Profile, briefing_of
from db.store import translation
from db.store.engine import Database
from db.store.errors import NotFound
from tests.db.factories import make_interaction, make_organization, make_person

TODAY = date.today()
START = TODAY - timedelta(days=20)  # a visit that is over: its meetings are in the past


def profile(briefing: Briefing, name: str) -> Profile:
    return next(p for p in briefing.profiles if p.names.name == name)


@pytest.fixture
def delegation(db: Database) -> dict[str, str]:
    """An outbound visit to Viet Nam: our party sends the guests, the CPV hosts."""
    ours = make_organization(db, name="Partido dos Trabalhadores", country="BR",
                             kind="party")
    cpv = make_organization(db, name="Đảng Cộng sản Việt Nam",
                            name_en="Communist Party of Vietnam", name_zh="越南共产党",
                            abbreviation="CPV", aliases=["ĐCSVN"], country="VN",
                            kind="party", level="strategic", status="governing")
    city = make_organization(db, name="Ho Chi Minh City Party Committee", country="VN")
    head = make_person(db, name="Gleisi Hoffmann", nationality="BR")
    interpreter = make_person(db, name="Lê Thu Hà", nationality="VN")
    host = make_person(db, name="Lê Hoài Trung", name_zh="黎怀忠", nationality="VN",
                       title="Head of the Commission for External Relations")
    affiliations.create_affiliation(db, {"person_id": host.id, "organization_id": cpv.id,
                                         "role": "Head of the External Relations Commission",
                                         "start": "2021-04-01"})
    affiliations.create_affiliation(db, {"person_id": host.id, "organization_id": city.id,
                                         "role": "Deputy Secretary", "start": "2015-01-01",
                                         "end": "2020-12-31"})
    visit = visits.create_visit(db, {
        "title": "PT delegation to Viet Nam", "direction": "outbound", "start": START,
        "end": START + timedelta(days=4), "country": "VN", "host_id": cpv.id,
        "guest_id": ours.id, "purpose": "Exchange on party building."})
    for person, side, role in ((head.id, "guest", "head"),
                               (interpreter.id, "guest", "interpreter"),
                               (host.id, "host", "head")):
        visits.add_member(db, visit.id, {"person_id": person, "side": side, "role": role})
    visits.add_member(db, visit.id, {"organization_id": city.id, "side": "host"})
    return {"visit": visit.id, "ours": ours.id, "cpv": cpv.id, "city": city.id,
            "head": head.id, "interpreter": interpreter.id, "host": host.id}


def test_the_counterparts_are_the_other_side_and_those_met(
        db: Database, delegation: dict[str, str]) -> None:
    visit = delegation["visit"]
    museum = make_organization(db, name="Ho Chi Minh Museum", country="VN")
    member = visits.add_member(db, visit, {"organization_id": museum.id, "side": "host"})
    programme.add_item(db, visit, {"day": START, "kind": "talks", "title": "Talks with the CPV",
                                   "starts": "09:00", "city": "Hà Nội", "place": "Party HQ"},
                       participants=[{"organization_id": delegation["cpv"], "role": "host"},
                                     {"person_id": delegation["host"], "role": "host"},
                                     {"person_id": delegation["head"],
                                      "role": "delegation_head"}])
    programme.add_item(db, visit, {"day": START + timedelta(days=1), "kind": "meeting",
                                   "title": "At the museum"},
                       participants=[{"organization_id": museum.id}])
    programme.add_item(db, visit, {"day": START + timedelta(days=1), "kind": "travel",
                                   "title": "To Đà Nẵng", "starts": "16:00"})
    # Taken off the hosts' list after the meeting was planned: still met in the programme.
    visits.remove_member(db, member.id)

    briefing = briefing_of(db, visit)

    assert [p.names.name for p in briefing.profiles] == [
        "Đảng Cộng sản Việt Nam", "Ho Chi Minh City Party Committee", "Ho Chi Minh Museum",
        "Lê Hoài Trung"]
    assert briefing.visit.counterpart_side == "host"
    assert briefing.visit.host is not None and briefing.visit.host.name_zh == "越南共产党"
    assert briefing.visit.country == "Vietnam"
    assert (briefing.visit.direction_label, briefing.visit.status_label) == (
        "Outbound (sent)", "Planned")
    cpv = profile(briefing, "Đảng Cộng sản Việt Nam")
    assert cpv.kind == "organization" and cpv.side_label == "Hosts"
    assert cpv.names.all == ("Đảng Cộng sản Việt Nam", "Communist Party of Vietnam",
                             "越南共产党", "CPV", "ĐCSVN")
    assert (cpv.country, cpv.kind_label, cpv.level_label, cpv.status_label) == (
        "Vietnam", "Political party", "Strategic partner", "Governing")
    assert [m.title for m in cpv.meetings] == ["Talks with the CPV"]
    museum_profile = profile(briefing, "Ho Chi Minh Museum")
    assert museum_profile.side_label is None  # met in the programme only
    assert [m.title for m in museum_profile.meetings] == ["At the museum"]
    host = profile(briefing, "Lê Hoài Trung")
    assert (host.kind, host.role_label, host.names.name_zh) == (
        "person", "Head of delegation", "黎怀忠")
    assert host.title == "Head of the Commission for External Relations"
    # The programme by day, every day of the visit, with its meetings' participants.
    assert [d.day for d in briefing.days] == [START + timedelta(days=n) for n in range(5)]
    first = briefing.days[0].items[0]
    assert (first.starts, first.kind_label, first.title, first.city, first.place) == (
        "09:00", "Talks", "Talks with the CPV", "Hà Nội", "Party HQ")
    assert set(first.participants) == {"Đảng Cộng sản Việt Nam", "Lê Hoài Trung",
                                       "Gleisi Hoffmann"}
    assert [i.kind_label for i in briefing.days[1].items] == ["Meeting", "Travel"]
    heads = [(m.side, m.role_label, m.names.name) for m in briefing.members]
    assert heads[0] == ("guest", "Head of delegation", "Gleisi Hoffmann")
    assert ("host", "", "Ho Chi Minh City Party Committee") in heads


def test_an_inbound_visit_profiles_its_guests(db: Database) -> None:
    ours = make_organization(db, name="Our party", country="CN")
    fln = make_organization(db, name="جبهة التحرير الوطني", name_en="National Liberation Front",
                            name_zh="民族解放阵线", country="DZ")
    guest = make_person(db, name="عبد الكريم بن مبارك", name_en="Abdelkrim Benmbarek",
                        nationality="DZ")
    ours_person = make_person(db, name="Wang Wei", name_zh="王伟", nationality="CN")
    visit = visits.create_visit(db, {"title": "FLN delegation", "direction": "inbound",
                                     "start": START, "host_id": ours.id, "guest_id": fln.id})
    visits.add_member(db, visit.id, {"person_id": guest.id, "side": "guest", "role": "head"})
    visits.add_member(db, visit.id, {"person_id": ours_person.id, "side": "host",
                                     "role": "head"})

    briefing = briefing_of(db, visit.id)

    assert [p.names.name for p in briefing.profiles] == ["جبهة التحرير الوطني",
                                                         "عبد الكريم بن مبارك"]
    assert briefing.visit.counterpart_side_label == "Guests"
    assert profile(briefing, "جبهة التحرير الوطني").country == "Algeria"


def test_last_contacts_follow_ups_and_positions(db: Database,
                                                delegation: dict[str, str]) -> None:
    cpv, host, visit = delegation["cpv"], delegation["host"], delegation["visit"]
    for n in range(7):
        make_interaction(db, organizations_=[cpv, delegation["ours"]],
                         title=f"Contact {n}", start=START - timedelta(days=100 - 10 * n),
                         city="Hà Nội", country="VN")
    make_interaction(db, organizations_=[cpv], title="Planned call",
                     start=TODAY + timedelta(days=30))
    make_interaction(db, people_=[host], title="Dinner with Trung",
                     start=START - timedelta(days=3))
    programme.add_item(db, visit, {"day": START, "title": "Talks"},
                       participants=[{"organization_id": cpv}])
    for description, due, status in (("Send the seminar report", TODAY + timedelta(days=9),
                                      "open"),
                                     ("Invite the youth league", TODAY - timedelta(days=2),
                                      "in_progress"),
                                     ("Thank-you letter", None, "done")):
        followups.create_followup(db, {"description": description, "due": due,
                                       "status": status, "organization_id": cpv,
                                       "owner": "Ana"})
    followups.create_followup(db, {"description": "Send Trung the photos", "person_id": host})
    gone = make_person(db, name="Deleted Person")
    affiliations.create_affiliation(db, {"person_id": gone.id, "organization_id": cpv,
                                         "role": "Member"})
    people.delete_person(db, gone.id)
    former = make_person(db, name="Former Official")
    affiliations.create_affiliation(db, {"person_id": former.id, "organization_id": cpv,
                                         "role": "Ambassador", "start": "2010-01-01",
                                         "end": "2014-01-01"})

    briefing = briefing_of(db, visit)
    party = profile(briefing, "Đảng Cộng sản Việt Nam")

    # The newest five up to today; the planned call and this visit's talks are left out.
    assert [c.title for c in party.last_contacts] == [f"Contact {n}" for n in (6, 5, 4, 3, 2)]
    latest = party.last_contacts[0]
    assert party.last_contact == latest.start == START - timedelta(days=40)
    assert (latest.kind_label, latest.place, latest.others) == (
        "Talks", "Hà Nội, Vietnam", ("Partido dos Trabalhadores",))
    assert [f.description for f in party.open_followups] == ["Invite the youth league",
                                                             "Send the seminar report"]
    assert party.open_followup_count == 2
    assert party.open_followups[0].overdue and not party.open_followups[1].overdue
    assert party.open_followups[0].status_label == "In progress"
    assert [(p.holder.name, p.role) for p in party.positions] == [
        ("Lê Hoài Trung", "Head of the External Relations Commission")]
    assert party.position_count == 1

    trung = profile(briefing, "Lê Hoài Trung")
    assert [c.title for c in trung.last_contacts] == ["Dinner with Trung"]
    assert [f.description for f in trung.open_followups] == ["Send Trung the photos"]
    assert [(p.holder.name, p.current) for p in trung.positions] == [
        ("Đảng Cộng sản Việt Nam", True), ("Ho Chi Minh City Party Committee", False)]
    assert trung.positions[0].holder.name_zh == "越南共产党"


@pytest.fixture
def chinese() -> Iterator[None]:
    translation.set_language("zh_CN")
    try:
        yield
    finally:
        translation.set_language("en")


def test_labels_and_countries_in_chinese(db: Database, delegation: dict[str, str],
                                         chinese: None) -> None:
    briefing = briefing_of(db, delegation["visit"])
    party = profile(briefing, "Đảng Cộng sản Việt Nam")
    assert (party.kind_label, party.level_label, party.country) == ("政党", "战略伙伴", "越南")
    assert briefing.visit.direction_label == "出访"
    assert profile(briefing, "Lê Hoài Trung").role_label == "团长"


def test_an_unknown_visit_is_one_sentence(db: Database) -> None:
    with pytest.raises(NotFound):
        briefing_of(db, "00000000-0000-0000-0000-000000000000")
