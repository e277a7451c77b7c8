"""Multilateral events (issue 17): an edition of a series with sessions, invitations, replies,
attendance and delegations; the figures the office reports checked against counts worked out
by hand on a small fixture; the rules that refuse bad input whole; undo and a travel copy's
merge. On SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from db.changes.recording import Actor
from db.changes.undo import undo_batch
from db.merge import apply_merge, merge_plan
from db.merge.travel import export_travel_copy
from db.models import ChangeLog, Invitation
from db.seed.opening import open_database
from db.services import affiliations, event_figures, events, invitations, organizations, people
from db.store.engine import Database
from db.store.errors import ValidationFailed
from tests.db.factories import make_interaction, make_organization, make_person

START = date(2026, 5, 10)


@pytest.fixture
def summit(db: Database) -> dict[str, Any]:
    """The 3rd edition of a dialogue, and the 2nd a year before.

    Invited: organizations A, B (Viet Nam), C (South Africa), D (Brazil), F (Germany) and one
    person on her own, P (France). A accepted and came (its leader, a woman born 1960, and a
    man born 1995); B sent a representative (a man, no birth year); C accepted and came, five
    strong, led by its leader (a woman born 1990); D declined; F has not replied; P came (a
    man born 1980). The office met A in 2024; C came to the 2nd edition."""
    org = {key: make_organization(db, name=name, country=country) for key, name, country in (
        ("A", "Communist Party of Vietnam", "VN"), ("B", "Vietnam Fatherland Front", "VN"),
        ("C", "African National Congress", "ZA"), ("D", "Partido dos Trabalhadores", "BR"),
        ("F", "Die Linke", "DE"))}
    person = {
        "a_head": make_person(db, name="Trương Thị Mai", gender="female", birth_year=1960),
        "a_member": make_person(db, name="Nguyễn Văn Nam", gender="male", birth_year=1995),
        "b_rep": make_person(db, name="Đỗ Văn Chiến", gender="male"),
        "c_head": make_person(db, name="Nomvula Mokonyane", gender="female", birth_year=1990),
        "p": make_person(db, name="Jean Dupont", gender="male", birth_year=1980,
                         nationality="FR"),
    }
    affiliations.create_affiliation(db, {"person_id": person["a_head"].id,
                                         "organization_id": org["A"].id, "role": "Chair",
                                         "leader": True})
    affiliations.create_affiliation(db, {"person_id": person["c_head"].id,
                                         "organization_id": org["C"].id,
                                         "role": "Secretary-General", "leader": "yes",
                                         "start": "2020-01-01"})
    affiliations.create_affiliation(db, {"person_id": person["b_rep"].id,
                                         "organization_id": org["B"].id, "role": "Member"})
    make_interaction(db, title="Talks in Hà Nội", kind="talks", start="2024-03-01",
                     organizations_=[org["A"].id])
    earlier = events.create_event(db, {
        "name": "World Political Parties Dialogue 2025", "series": "World Parties Dialogue",
        "edition": 2, "mechanism": "high_level_meeting", "start": START - timedelta(days=365),
        "country": "CN", "city": "Beijing"})
    invitations.invite(db, earlier.id, {"organization_id": org["C"].id, "reply": "accepted",
                                        "attendance": "attended"})
    event = events.create_event(db, {
        "name": "World Political Parties Dialogue 2026", "series": "World Parties Dialogue",
        "edition": "3", "mechanism": "high_level_meeting", "start": START,
        "end": START + timedelta(days=2), "city": "Beijing", "country": "CN",
        "organizer_id": org["A"].id, "co_organizers": [org["B"].id],
        "theme": "Modernization and the world"})
    inv: dict[str, Any] = {}
    inv["A"] = invitations.invite(db, event.id, {"organization_id": org["A"].id,
                                                 "invited_by": "Wang Fang",
                                                 "invited_on": "2026-02-01"})
    inv["B"] = invitations.invite(db, event.id, {"organization_id": org["B"].id})
    inv["C"] = invitations.invite(db, event.id, {"organization_id": org["C"].id,
                                                 "delegation_size": 5})
    inv["D"] = invitations.invite(db, event.id, {"organization_id": org["D"].id})
    inv["F"] = invitations.invite(db, event.id, {"organization_id": org["F"].id})
    inv["P"] = invitations.invite(db, event.id, {"person_id": person["p"].id})
    invitations.record_reply(db, inv["A"].id, "accepted", replied_on=date(2026, 3, 1))
    invitations.record_reply(db, inv["B"].id, "representative", replied_on=date(2026, 3, 2))
    invitations.record_reply(db, inv["C"].id, "accepted", replied_on=date(2026, 3, 3))
    invitations.record_reply(db, inv["D"].id, "declined", replied_on=date(2026, 3, 4))
    invitations.record_reply(db, inv["P"].id, "accepted", replied_on=date(2026, 3, 5))
    invitations.add_delegate(db, inv["A"].id, {"person_id": person["a_head"].id,
                                               "role": "head"})
    invitations.add_delegate(db, inv["A"].id, {"person_id": person["a_member"].id})
    invitations.add_delegate(db, inv["B"].id, {"person_id": person["b_rep"].id})
    invitations.add_delegate(db, inv["C"].id, {"person_id": person["c_head"].id,
                                               "role": "head"})
    for key in ("A", "B", "C"):
        invitations.record_attendance(db, event.id, organization_id=org[key].id)
    invitations.record_attendance(db, event.id, person_id=person["p"].id)
    invitations.record_attendance(db, event.id, "absent", organization_id=org["D"].id)
    return {"event": event, "earlier": earlier, "org": org, "person": person, "inv": inv}


def test_the_figures_match_the_counts_worked_out_by_hand(db: Database,
                                                         summit: dict[str, Any]) -> None:
    figures = event_figures.event_figures(db, summit["event"].id)
    assert figures.invited == event_figures.Stage(organizations=5, individuals=1, countries=5,
                                                  heads_of_party=2)
    assert figures.accepted == event_figures.Stage(3, 1, 3, 2)  # B's representative counts
    assert figures.attended == event_figures.Stage(3, 1, 3, 2)
    assert figures.replies == {"accepted": 3, "representative": 1, "declined": 1, "none": 1}
    assert figures.attendance == {"attended": 4, "absent": 1, "unknown": 1}
    profile = figures.profile
    assert (profile.attendees, profile.women, profile.gender_known) == (5, 2, 5)
    assert profile.women_share == pytest.approx(0.4)
    # 66, 31 and 36 and 46 years old in 2026; the representative's year is not known.
    assert (profile.young, profile.age_known, profile.youth_age) == (1, 4, 35)
    assert [p.name for p in profile.first_time_partners] == ["Vietnam Fatherland Front"]
    assert profile.new_countries == ("FR",)
    assert profile.delegates == 2 + 1 + 5 + 1
    regions = {r.region: (r.invited, r.accepted, r.attended) for r in figures.by_region}
    assert regions == {"Asia": (2, 2, 2), "Africa": (1, 1, 1), "Americas": (1, 0, 0),
                       "Europe": (2, 1, 1)}
    data = figures.as_dict()
    assert data["profile"]["women_share"] == pytest.approx(0.4) and data["start"] == "2026-05-10"

    event_figures.set_youth_age(db, 40)  # Settings: the 36-year-old counts as young now
    assert event_figures.event_figures(db, summit["event"].id).profile.young == 2


def test_the_series_compares_editions_and_the_year_adds_up(db: Database,
                                                          summit: dict[str, Any]) -> None:
    editions = event_figures.series_figures(db, "World Parties Dialogue")
    assert [f.edition for f in editions] == [2, 3]
    assert [f.attended.organizations for f in editions] == [1, 3]
    previous = events.previous_edition(db, summit["event"].id)
    assert previous is not None and previous.id == summit["earlier"].id
    assert events.previous_edition(db, summit["earlier"].id) is None
    year = event_figures.year_figures(db, 2026)
    assert (year.events, year.invitations, year.organizations_attended,
            year.countries_attended, year.attendees) == (1, 6, 3, 3, 5)
    assert year.by_mechanism == {"high_level_meeting": 1}
    assert event_figures.event_years(db) == [2025, 2026]


def test_the_event_record_and_its_sessions(db: Database, summit: dict[str, Any]) -> None:
    event = events.get_event(db, summit["event"].id)
    assert event.edition == 3 and event.invitations == 6 and not event.online
    assert event.organizer_name == "Communist Party of Vietnam"
    assert event.co_organizers == ((summit["org"]["B"].id, "Vietnam Fatherland Front"),)
    speaker = summit["person"]["a_head"]
    opening = events.add_session(db, event.id, {"day": START, "starts": "9:00",
                                                "ends": "10.30", "title": "Opening plenary",
                                                "speakers": [speaker.id]})
    assert (opening.starts, opening.ends, opening.speakers) == (
        "09:00", "10:30", ((speaker.id, "Trương Thị Mai"),))
    with pytest.raises(ValidationFailed) as refused:
        events.add_session(db, event.id, {"day": START + timedelta(days=5), "title": "Late"})
    assert refused.value.problems[0].field == "day"
    assert "outside the event" in refused.value.problems[0].message
    events.add_session(db, event.id, {"day": START + timedelta(days=2), "title": "Closing"})
    with pytest.raises(ValidationFailed) as refused:
        events.update_event(db, event.id, {"end": START}, expected_version=None)
    assert refused.value.problems[0].field == "end"
    assert [s.title for s in events.list_sessions(db, event.id)] == ["Opening plenary",
                                                                     "Closing"]
    page = events.list_events(db, events.EventFilter(series="World Parties Dialogue"))
    assert page.total == 2 and page.items[0].id == event.id
    assert events.list_events(db, events.EventFilter(year=2025)).total == 1
    assert events.list_events(db, events.EventFilter(
        organization_id=summit["org"]["F"].id)).total == 1
    assert events.series_names(db) == ["World Parties Dialogue"]


def test_bad_input_is_refused_whole(db: Database, summit: dict[str, Any]) -> None:
    inv, org, person = summit["inv"], summit["org"], summit["person"]
    event = summit["event"]
    with db.reading() as session:
        before = session.execute(select(func.count()).select_from(Invitation)).scalar_one()
    # A reply after the event is over.
    with pytest.raises(ValidationFailed) as refused:
        invitations.record_reply(db, inv["F"].id, "accepted", replied_on=date(2026, 5, 20))
    assert refused.value.problems[0].field == "replied_on"
    assert "was over on 2026-05-12" in refused.value.problems[0].message
    assert invitations.get_invitation(db, inv["F"].id).reply == "none"
    # A delegation's head from another organization.
    with pytest.raises(ValidationFailed) as refused:
        invitations.add_delegate(db, inv["D"].id, {"person_id": person["b_rep"].id,
                                                   "role": "head"})
    message = refused.value.problems[0].message
    assert "Vietnam Fatherland Front" in message and "Partido dos Trabalhadores" in message
    # A second head; a person twice.
    with pytest.raises(ValidationFailed, match="already has a head"):
        invitations.add_delegate(db, inv["A"].id, {"person_id": person["p"].id,
                                                   "role": "head"})
    with pytest.raises(ValidationFailed, match="already in this delegation"):
        invitations.add_delegate(db, inv["A"].id, {"person_id": person["a_member"].id})
    # A birth year in the future.
    with pytest.raises(ValidationFailed) as refused:
        people.create_person(db, {"name": "Future", "birth_year": date.today().year + 1})
    assert refused.value.problems[0].field == "birth_year"
    assert "in the future" in refused.value.problems[0].message
    # Invited twice.
    with pytest.raises(ValidationFailed, match="already invited"):
        invitations.invite(db, event.id, {"organization_id": org["A"].id})
    # Attendance before the event begins.
    future = events.create_event(db, {"name": "Next year's forum",
                                      "start": date.today() + timedelta(days=200)})
    with pytest.raises(ValidationFailed, match="once it has begun"):
        invitations.invite(db, future.id, {"organization_id": org["A"].id,
                                           "attendance": "attended"})
    with db.reading() as session:
        assert session.execute(select(func.count()).select_from(Invitation)).scalar_one() \
            == before


def test_an_attendee_who_was_not_invited_is_offered_the_invitation(
        db: Database, summit: dict[str, Any]) -> None:
    stranger = make_organization(db, name="Frente Amplio", country="UY")
    with pytest.raises(invitations.NotInvited) as refused:
        invitations.record_attendance(db, summit["event"].id, organization_id=stranger.id)
    assert "Frente Amplio is not on the invitation list" in refused.value.message
    assert invitations.list_invitations(db, summit["event"].id).total == 6
    added = invitations.record_attendance(db, summit["event"].id,
                                          organization_id=stranger.id, invite=True)
    assert added.attendance == "attended" and added.organization_name == "Frente Amplio"
    figures = event_figures.event_figures(db, summit["event"].id)
    assert figures.attended.organizations == 4 and figures.attended.countries == 4
    # A delegate of an invited organization is covered by its invitation.
    covered = invitations.record_attendance(db, summit["event"].id,
                                            person_id=summit["person"]["a_member"].id)
    assert covered.id == summit["inv"]["A"].id


def test_the_invitation_list_sorts_and_filters_by_every_name(
        db: Database, summit: dict[str, Any]) -> None:
    event_id, org = summit["event"].id, summit["org"]
    for key, chinese in (("A", "越南共产党"), ("C", "南非非洲人国民大会")):
        organizations.update_organization(db, org[key].id, {"name_zh": chinese},
                                          expected_version=None)

    def shown(names: str, text: str | None = None) -> list[str]:
        page = invitations.list_invitations(db, event_id, invitations.InvitationFilter(
            text=text), names=names)
        return [record.invitee for record in page.items]

    assert shown("original") == ["African National Congress", "Communist Party of Vietnam",
                                 "Die Linke", "Jean Dupont", "Partido dos Trabalhadores",
                                 "Vietnam Fatherland Front"]
    # In Chinese: Nánfēi and Yuènán by their pinyin, among the others' own names.
    assert shown("zh") == ["Die Linke", "Jean Dupont", "African National Congress",
                           "Partido dos Trabalhadores", "Vietnam Fatherland Front",
                           "Communist Party of Vietnam"]
    assert shown("zh", "越南") == ["Communist Party of Vietnam"]  # its Chinese name
    assert shown("original", "yuenan") == ["Communist Party of Vietnam"]  # pinyin
    assert shown("original", "TRABALHADORES") == ["Partido dos Trabalhadores"]
    assert shown("original", "dupont") == ["Jean Dupont"]


def test_two_hundred_and_fifty_invitations_at_once_or_none(db: Database) -> None:
    event = events.create_event(db, {"name": "Party forum", "start": START,
                                     "mechanism": "party_forum"})
    parties = [make_organization(db, name=f"Party {n:03d}", country=("KE", "VN", "BR")[n % 3])
               for n in range(250)]
    rows: list[dict[str, Any]] = [{"organization_id": p.id, "invited_by": "Li Wei"}
                                  for p in parties]
    rows[100] = {"organization_id": parties[5].id}  # invited twice
    rows[200] = {"invited_by": "nobody"}  # no one named
    with pytest.raises(ValidationFailed) as refused:
        invitations.invite_many(db, event.id, rows)
    fields = [p.field for p in refused.value.problems]
    assert fields == ["101: organization_id", "201: organization_id"]
    assert invitations.list_invitations(db, event.id).total == 0
    rows[100] = {"organization_id": parties[100].id}
    rows[200] = {"organization_id": parties[200].id}
    made = invitations.invite_many(db, event.id, rows)
    assert len(made) == 250
    page = invitations.list_invitations(db, event.id, invitations.InvitationFilter(text="party 01"))
    assert page.total == 10 and page.items[0].organization_name == "Party 010"
    assert event_figures.event_figures(db, event.id).invited == event_figures.Stage(
        250, 0, 3, 0)


def test_undo_takes_an_invitation_list_back(db: Database) -> None:
    event = events.create_event(db, {"name": "Seminar", "start": START})
    parties = [make_organization(db) for _ in range(3)]
    invitations.invite_many(db, event.id, [{"organization_id": p.id} for p in parties],
                            Actor("officer"))
    with db.reading() as session:
        batches = set(session.execute(select(ChangeLog.batch_id).where(
            ChangeLog.entity == "invitation")).scalars())
    assert len(batches) == 1  # the whole list is one batch
    (batch_id,) = batches
    assert batch_id is not None
    undo_batch(db, batch_id)
    assert invitations.list_invitations(db, event.id).total == 0


def test_a_travel_copy_brings_its_invitations_back(db: Database, tmp_path: Path) -> None:
    event = events.create_event(db, {"name": "Forum", "start": START})
    party = make_organization(db, name="Sandinista National Liberation Front", country="NI")
    invited = invitations.invite(db, event.id, {"organization_id": party.id})
    copy = export_travel_copy(db, tmp_path / "travel.sqlite3")
    road = open_database(copy.path)
    try:
        invitations.record_reply(road, invited.id, "accepted", replied_on=date(2026, 4, 1),
                                 actor=Actor("traveller"))
        head = make_person(road, name="Daniel Ortega")
        invitations.add_delegate(road, invited.id, {"person_id": head.id, "role": "head"},
                                 Actor("traveller"))
        events.add_session(road, event.id, {"day": START, "title": "Opening"},
                           Actor("traveller"))
    finally:
        road.close()
    plan = merge_plan(db, str(copy.path))
    apply_merge(db, plan)
    merged = invitations.get_invitation(db, invited.id)
    assert merged.reply == "accepted" and merged.head_name == "Daniel Ortega"
    assert [s.title for s in events.list_sessions(db, event.id)] == ["Opening"]
