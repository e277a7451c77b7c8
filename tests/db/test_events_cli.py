"""`liaison stats` and multilateral events (issue 17): `--json` carries every event's figures,
each series' editions in order and each year's figures; `--events` prints them as tables to
read — checked against counts worked out by hand on a small fixture (the idea of
tests/db/test_events.py's). On SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date, timedelta
from io import StringIO
from typing import Any

import pytest

from db.cli.events import _width as width
from db.cli.main import main
from db.services import affiliations, events, invitations
from db.store.engine import Database
from tests.db.factories import make_interaction, make_organization, make_person

START = date(2026, 5, 10)
SERIES = "World Parties Dialogue"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    code = main(list(argv), out=out, err=err)
    assert "Traceback" not in err.getvalue() + out.getvalue()
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def office(db: Database) -> dict[str, Any]:
    """Three events in two years.

    The 3rd edition of the dialogue (2026-05-10, high-level meeting) invites A, B (Viet Nam),
    C (South Africa), D (Brazil) and one person on his own, P (France). A accepts and comes,
    led by its leader (a woman born 1960) with a man born 1995; B sends a representative (a
    man, no birth year) and comes; C accepts and comes, led by its leader (a woman born 1990),
    six strong; D declines and stays away; P accepts and comes (a man born 1980). The office
    met A in 2024, C came to the 2nd edition (2025-05-10: C alone invited, came, no one
    named). A thematic seminar in September 2026 invites D, who has not replied.

    By hand, the 3rd edition: invited 4 organizations + 1 person from 4 countries, 2 heads of
    party; accepted and attended 3 + 1 from 3 countries (VN, ZA, FR), 2 heads; attendees 5
    (A's two, B's one, C's head, P), women 2 of 5 = 40 %; birth years known for 4, under 35 on
    2026: the man born 1995 (31) — 1 of 4 = 25 %; first-time partners: B only (A met in 2024,
    C came in 2025); new countries: FR; delegates 2 + 1 + 6 + 1 = 10. The 2nd edition: C
    there for the first time."""
    org = {key: make_organization(db, name=name, country=country) for key, name, country in (
        ("A", "Communist Party of Vietnam", "VN"), ("B", "Vietnam Fatherland Front", "VN"),
        ("C", "African National Congress", "ZA"), ("D", "Partido dos Trabalhadores", "BR"))}
    person = {
        "a_head": make_person(db, name="Trương Thị Mai", gender="female", birth_year=1960),
        "a_member": make_person(db, name="Nguyễn Văn Nam", gender="male", birth_year=1995),
        "b_rep": make_person(db, name="Đỗ Văn Chiến", gender="male"),
        "c_head": make_person(db, name="Nomvula Mokonyane", gender="female", birth_year=1990),
        "p": make_person(db, name="Jean Dupont", gender="male", birth_year=1980,
                         nationality="FR"),
    }
    for key, org_key, role in (("a_head", "A", "Chair"), ("c_head", "C", "Secretary-General")):
        affiliations.create_affiliation(db, {"person_id": person[key].id,
                                             "organization_id": org[org_key].id, "role": role,
                                             "leader": True, "start": "2020-01-01"})
    make_interaction(db, title="Talks in Hà Nội", kind="talks", start="2024-03-01",
                     organizations_=[org["A"].id])
    second = events.create_event(db, {
        "name": "World Parties Dialogue 2025", "series": SERIES, "edition": 2,
        "mechanism": "high_level_meeting", "start": START - timedelta(days=365),
        "country": "CN"})
    invitations.invite(db, second.id, {"organization_id": org["C"].id, "reply": "accepted",
                                       "attendance": "attended"})
    third = events.create_event(db, {
        "name": "World Parties Dialogue 2026", "series": SERIES, "edition": 3,
        "mechanism": "high_level_meeting", "start": START, "end": START + timedelta(days=2),
        "country": "CN"})
    inv = {key: invitations.invite(db, third.id, {"organization_id": org[key].id})
           for key in "ABCD"}
    inv["P"] = invitations.invite(db, third.id, {"person_id": person["p"].id})
    for key, reply in (("A", "accepted"), ("B", "representative"), ("C", "accepted"),
                       ("D", "declined"), ("P", "accepted")):
        invitations.record_reply(db, inv[key].id, reply, replied_on=date(2026, 3, 1))
    invitations.add_delegate(db, inv["A"].id, {"person_id": person["a_head"].id, "role": "head"})
    invitations.add_delegate(db, inv["A"].id, {"person_id": person["a_member"].id})
    invitations.add_delegate(db, inv["B"].id, {"person_id": person["b_rep"].id})
    invitations.add_delegate(db, inv["C"].id, {"person_id": person["c_head"].id, "role": "head"})
    invitations.update_invitation(db, inv["C"].id, {"delegation_size": 6}, expected_version=None)
    for key in "ABC":
        invitations.record_attendance(db, third.id, organization_id=org[key].id)
    invitations.record_attendance(db, third.id, person_id=person["p"].id)
    invitations.record_attendance(db, third.id, "absent", organization_id=org["D"].id)
    seminar = events.create_event(db, {
        "name": "Seminar on governance", "mechanism": "thematic_seminar",
        "start": date(2026, 9, 1), "country": "CN"})
    invitations.invite(db, seminar.id, {"organization_id": org["D"].id})
    return {"second": second, "third": third, "seminar": seminar}


def test_stats_json_carries_each_event_series_and_year(db: Database,
                                                       office: dict[str, Any]) -> None:
    code, out, err = run("--db", db.url, "stats", "--json")
    assert code == 0, err
    found = json.loads(out)["events"]
    assert [e["name"] for e in found["events"]] == [
        "World Parties Dialogue 2025", "World Parties Dialogue 2026", "Seminar on governance"]
    third = found["events"][1]
    assert third["event_id"] == office["third"].id and third["start"] == "2026-05-10"
    assert third["invited"] == {"organizations": 4, "individuals": 1, "countries": 4,
                                "heads_of_party": 2}
    assert third["accepted"] == third["attended"] == {"organizations": 3, "individuals": 1,
                                                      "countries": 3, "heads_of_party": 2}
    assert third["replies"] == {"accepted": 3, "representative": 1, "declined": 1}
    assert third["attendance"] == {"attended": 4, "absent": 1}
    profile = third["profile"]
    assert (profile["attendees"], profile["women"], profile["gender_known"]) == (5, 2, 5)
    assert (profile["young"], profile["age_known"], profile["youth_age"]) == (1, 4, 35)
    assert profile["women_share"] == pytest.approx(0.4)
    assert profile["young_share"] == pytest.approx(0.25)
    assert [(p["name"], p["name_en"]) for p in profile["first_time_partners"]] == [
        ("Vietnam Fatherland Front", None)]
    assert profile["new_countries"] == ["FR"] and profile["delegates"] == 10
    assert {r["region"]: [r["invited"], r["accepted"], r["attended"]]
            for r in third["by_region"]} == {"Asia": [2, 2, 2], "Africa": [1, 1, 1],
                                             "Americas": [1, 0, 0], "Europe": [1, 1, 1]}
    seminar = found["events"][2]
    assert seminar["invited"]["organizations"] == 1 and seminar["replies"] == {"none": 1}
    assert seminar["attended"]["organizations"] == 0 and seminar["series"] is None

    # The series: its two editions in order, with the same figures; the seminar has none.
    assert list(found["series"]) == [SERIES]
    editions = found["series"][SERIES]
    assert [e["edition"] for e in editions] == [2, 3]
    assert editions[1] == third
    assert editions[0]["attended"] == {"organizations": 1, "individuals": 0, "countries": 1,
                                       "heads_of_party": 0}

    # The years.
    assert found["years"] == [
        {"year": 2025, "events": 1, "by_mechanism": {"high_level_meeting": 1},
         "invitations": 1, "organizations_attended": 1, "countries_attended": 1,
         "attendees": 0},
        {"year": 2026, "events": 2,
         "by_mechanism": {"high_level_meeting": 1, "thematic_seminar": 1},
         "invitations": 6, "organizations_attended": 3, "countries_attended": 3,
         "attendees": 5}]


def cells(out: str, first: str) -> list[str]:
    """The cells of the table row that begins with `first`, split on runs of spaces."""
    line = next(line for line in out.splitlines() if line.strip().startswith(first))
    return [cell for cell in line.strip().split("  ") if cell.strip()]


def test_stats_events_prints_the_tables(db: Database, office: dict[str, Any]) -> None:
    code, out, err = run("--db", db.url, "stats", "--events")
    assert code == 0 and err == "", err
    assert "Database:" not in out  # the events alone
    assert ("2026: 2 event(s) (High-level meeting 1, Thematic seminar 1); 6 invitation(s); "
            "attended by 3 organization(s) from 3 countries and 5 people") in out
    header = cells(out, "Date")
    assert header == ["Date", "Event", "Invited", "Accepted", "Attended", "Countries",
                      "Heads of party", "Women", "Young", "First-time partners"]
    assert [c.strip() for c in cells(out, "2026-05-10")] == [
        "2026-05-10", "World Parties Dialogue 2026", "5", "4", "4", "3", "2", "40%", "25%",
        "1"]
    assert [c.strip() for c in cells(out, "2026-09-01")] == [
        "2026-09-01", "Seminar on governance", "1", "0", "0", "0", "0", "–", "–", "0"]
    assert f"Series: {SERIES}" in out
    series = out.split(f"Series: {SERIES}")[1]
    rows = [cells(series, number) for number in ("2 ", "3 ")]
    # C came for the first time to the 2nd edition: a first-time partner there.
    assert [c.strip() for c in rows[0]] == ["2", "2025-05-10", "1", "1", "1", "1", "0", "–",
                                            "–", "1"]
    assert [c.strip() for c in rows[1]][:5] == ["3", "2026-05-10", "5", "4", "4"]
    assert "young means under 35" in out


def test_stats_events_in_chinese_keeps_the_columns_aligned(
        db: Database, monkeypatch: pytest.MonkeyPatch, office: dict[str, Any]) -> None:
    events.update_event(db, office["seminar"].id, {"name": "治国理政经验交流专题研讨会"},
                        expected_version=None)
    monkeypatch.setenv("LANGUAGE", "zh_CN")
    try:
        code, out, _err = run("--db", db.url, "stats", "--events")
    finally:
        monkeypatch.setenv("LANGUAGE", "en")
        run("--version")  # the command line speaks English again for what follows
    assert code == 0
    assert "高层对话会 1" in out and "专题研讨会 1" in out  # the mechanisms' Chinese labels
    # Every column but the first two is right-aligned, so a table's rows end in the same
    # terminal column — Chinese characters taking two.
    table = out.split("\n\n")[1].splitlines()[1:]
    assert len(table) == 3 and "治国理政经验交流专题研讨会" in table[2]
    assert len({width(line) for line in table}) == 1, table


def test_stats_events_with_no_events(sqlite_path: Any) -> None:
    code, out, err = run("--db", str(sqlite_path), "init")
    assert code == 0, err
    code, out, err = run("--db", str(sqlite_path), "stats", "--events")
    assert code == 0 and out.strip() == "No events are recorded."
    data = json.loads(run("--db", str(sqlite_path), "stats", "--json")[1])
    assert data["events"] == {"events": [], "series": {}, "years": []}
