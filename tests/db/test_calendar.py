"""The calendar file (issue 16, item 4): a visit's programme items, the visit as a band and the
follow-ups due, as an iCalendar file that icalendar reads back — every item once, at its time
in the visited country's zone, with stable UIDs, in any script; and `liaison calendar`. On
SQLite and PostgreSQL."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from io import StringIO
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

import db.cli.main as cli_module
from db.cli.main import main
from db.exchange.calendar import write_calendar, zone_of
from db.services import followups, programme, visits
from db.store.engine import Database
from tests.db.factories import make_organization, make_person

START = date(2026, 10, 12)
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
LONG_CHINESE = "中越两党理论研讨会第十九次会议暨治国理政经验交流座谈会" * 3  # folded lines


@pytest.fixture
def visit(db: Database) -> dict[str, Any]:
    """A five-day outbound visit to Viet Nam with a programme: a talk with participants, items
    with and without times, names in Vietnamese and Chinese; and the follow-ups."""
    ours = make_organization(db, name="中国共产党中央对外联络部", country="CN")
    cpv = make_organization(db, name="Communist Party of Vietnam", name_zh="越南共产党",
                            country="VN")
    head = make_person(db, name="刘建超", nationality="CN")
    host = make_person(db, name="Lê Hoài Trung", nationality="VN")
    record = visits.create_visit(db, {
        "title": "中联部代表团访问越南", "direction": "outbound", "start": START,
        "end": START + timedelta(days=4), "country": "VN", "host_id": cpv.id,
        "guest_id": ours.id, "status": "confirmed",
        "purpose": "Trao đổi kinh nghiệm xây dựng Đảng; 交流治党治国经验。"})
    visits.add_member(db, record.id, {"person_id": head.id, "side": "guest", "role": "head"})
    visits.add_member(db, record.id, {"person_id": host.id, "side": "host", "role": "head"})
    items: dict[str, Any] = {}
    items["talks"] = programme.add_item(db, record.id, {
        "day": START, "kind": "talks", "title": "Hội đàm với Ban Đối ngoại Trung ương",
        "starts": "09:30", "ends": "11:00", "city": "Hà Nội",
        "place": "Trụ sở Trung ương Đảng, 1 Hùng Vương"},
        participants=[{"organization_id": cpv.id, "role": "host"},
                      {"person_id": head.id, "role": "delegation_head"},
                      {"person_id": host.id}])
    items["arrival"] = programme.add_item(db, record.id, {
        "day": START, "kind": "travel", "title": "Arrival at Nội Bài", "starts": "07:15",
        "city": "Hà Nội"})
    items["site"] = programme.add_item(db, record.id, {
        "day": START + timedelta(days=1), "kind": "site_visit", "title": "参观越南共产党党史馆",
        "city": "Hà Nội"})
    items["seminar"] = programme.add_item(db, record.id, {
        "day": START + timedelta(days=2), "kind": "other", "title": LONG_CHINESE,
        "starts": "14:00", "ends": "17:30", "city": "Đà Nẵng", "place": "Furama"})
    items["banquet"] = programme.add_item(db, record.id, {
        "day": START + timedelta(days=3), "kind": "banquet", "title": "مأدبة عشاء",
        "starts": "19:00", "ends": "21:00", "city": "Thành phố Hồ Chí Minh"})
    items["departure"] = programme.add_item(db, record.id, {
        "day": START + timedelta(days=4), "kind": "travel", "title": "Departure",
        "city": "Thành phố Hồ Chí Minh"})
    gone = programme.add_item(db, record.id, {"day": START, "title": "Cancelled lunch",
                                              "kind": "banquet", "starts": "12:00"})
    programme.remove_item(db, gone.id)
    due = followups.create_followup(db, {
        "description": "Gửi ảnh cho đồng chí Trung\nand the minutes", "owner": "Wang Fang",
        "due": START + timedelta(days=10), "organization_id": cpv.id})
    followups.create_followup(db, {"description": "Already sent", "status": "done",
                                   "due": START + timedelta(days=11)})
    followups.create_followup(db, {"description": "Some day", "organization_id": cpv.id})
    later = visits.create_visit(db, {
        "title": "Return visit", "direction": "inbound", "start": START + timedelta(days=60),
        "country": "CN", "guest_id": cpv.id})
    return {"visit": record, "items": items, "followup": due, "later": later,
            "gone": gone.id, "cpv": cpv.id}


def read(path: Path) -> Calendar:
    return Calendar.from_ical(path.read_bytes())


def events(calendar: Calendar) -> dict[str, Any]:
    found = calendar.walk("VEVENT")
    uids = Counter(str(event["UID"]) for event in found)
    assert all(count == 1 for count in uids.values()), uids
    return {str(event["UID"]).removesuffix("@liaison"): event for event in found}


def test_every_programme_item_once_at_its_time_in_vietnam(
        db: Database, visit: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "liaison.ics"
    summary = write_calendar(db, path, start=date(2026, 1, 1), end=None)
    assert (summary.items, summary.visits, summary.followups) == (6, 2, 1)
    assert summary.events == 9 and summary.path == path.resolve()
    calendar = read(path)
    found = events(calendar)
    assert len(found) == 9
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    items = visit["items"]
    every = {item.id for item in programme.list_items(db, visit["visit"].id)}
    assert every == {item.id for item in items.values()} and every <= set(found)
    assert visit["gone"] not in found

    talks = found[items["talks"].id]
    assert talks.decoded("dtstart") == datetime(2026, 10, 12, 9, 30, tzinfo=HANOI)
    assert talks.decoded("dtend") == datetime(2026, 10, 12, 11, 0, tzinfo=HANOI)
    assert talks["DTSTART"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert talks.decoded("dtstart").utcoffset() == timedelta(hours=7)
    assert str(talks["SUMMARY"]) == "Hội đàm với Ban Đối ngoại Trung ương — 中联部代表团访问越南"
    assert str(talks["LOCATION"]) == "Trụ sở Trung ương Đảng, 1 Hùng Vương, Hà Nội"
    assert str(talks["UID"]) == f"{items['talks'].id}@liaison"
    assert talks["CATEGORIES"].cats == ["Talks"]
    description = str(talks["DESCRIPTION"])
    for name in ("Communist Party of Vietnam", "刘建超", "Lê Hoài Trung",
                 "Trao đổi kinh nghiệm xây dựng Đảng; 交流治党治国经验。"):
        assert name in description
    assert int(talks["SEQUENCE"]) == items["talks"].version
    assert talks.decoded("dtstamp").tzinfo is not None

    arrival = found[items["arrival"].id]  # a start and no end: a moment
    assert arrival.decoded("dtstart") == datetime(2026, 10, 12, 7, 15, tzinfo=HANOI)
    assert "DTEND" not in arrival and str(arrival["LOCATION"]) == "Hà Nội"
    assert "Participants" not in str(arrival["DESCRIPTION"])

    for key, offset in (("site", 1), ("departure", 4)):  # no time: the whole day
        whole_day = found[items[key].id]
        assert whole_day.decoded("dtstart") == START + timedelta(days=offset)
        assert not isinstance(whole_day.decoded("dtstart"), datetime)
        assert whole_day.decoded("dtend") == START + timedelta(days=offset + 1)
    assert str(found[items["site"].id]["SUMMARY"]).startswith("参观越南共产党党史馆 — ")

    seminar = found[items["seminar"].id]  # long text in Chinese, folded and unfolded whole
    assert str(seminar["SUMMARY"]) == f"{LONG_CHINESE} — 中联部代表团访问越南"
    assert seminar.decoded("dtend") == datetime(2026, 10, 14, 17, 30, tzinfo=HANOI)
    assert str(found[items["banquet"].id]["SUMMARY"]).startswith("مأدبة عشاء — ")
    assert max(len(line) for line in path.read_bytes().split(b"\r\n")) <= 75


def test_the_visit_band_and_the_followup_due(db: Database, visit: dict[str, Any],
                                             tmp_path: Path) -> None:
    path = tmp_path / "liaison.ics"
    write_calendar(db, path, start=date(2026, 1, 1), end=None)
    found = events(read(path))
    band = found[visit["visit"].id]
    assert band.decoded("dtstart") == START
    assert band.decoded("dtend") == START + timedelta(days=5)  # the day after the last
    assert str(band["SUMMARY"]) == "中联部代表团访问越南"
    assert str(band["STATUS"]) == "CONFIRMED" and str(band["TRANSP"]) == "TRANSPARENT"
    assert "Communist Party of Vietnam" in str(band["DESCRIPTION"])
    later = found[visit["later"].id]  # one day, in China
    assert later.decoded("dtend") - later.decoded("dtstart") == timedelta(days=1)
    assert str(later["STATUS"]) == "TENTATIVE"

    due = found[visit["followup"].id]
    assert str(due["SUMMARY"]) == "Due: Gửi ảnh cho đồng chí Trung"
    assert due.decoded("dtstart") == START + timedelta(days=10)
    assert due.decoded("dtend") == START + timedelta(days=11)
    assert "and the minutes" in str(due["DESCRIPTION"])
    assert "Wang Fang" in str(due["DESCRIPTION"])
    summaries = {str(event["SUMMARY"]) for event in found.values()}
    assert "Due: Already sent" not in summaries and "Due: Some day" not in summaries


def test_from_and_to_keep_what_overlaps(db: Database, visit: dict[str, Any],
                                        tmp_path: Path) -> None:
    path = tmp_path / "two-days.ics"
    summary = write_calendar(db, path, start=START + timedelta(days=1),
                             end=START + timedelta(days=2))
    found = events(read(path))
    items = visit["items"]
    assert set(found) == {visit["visit"].id, items["site"].id, items["seminar"].id}
    assert (summary.items, summary.visits, summary.followups) == (2, 1, 0)
    # The follow-up's day and the later visit, each on its own.
    write_calendar(db, path, start=START + timedelta(days=10), end=START + timedelta(days=10))
    assert set(events(read(path))) == {visit["followup"].id}
    write_calendar(db, path, start=START + timedelta(days=30), end=None)
    assert set(events(read(path))) == {visit["later"].id}


def test_by_default_from_thirty_days_ago(db: Database, tmp_path: Path) -> None:
    today = date.today()
    old = visits.create_visit(db, {"title": "Long ago", "direction": "inbound",
                                   "start": today - timedelta(days=40),
                                   "end": today - timedelta(days=35)})
    recent = visits.create_visit(db, {"title": "Last week", "direction": "inbound",
                                      "start": today - timedelta(days=7)})
    coming = visits.create_visit(db, {"title": "In two years", "direction": "outbound",
                                      "start": today + timedelta(days=730)})
    path = tmp_path / "default.ics"
    summary = write_calendar(db, path)
    assert summary.start == today - timedelta(days=30) and summary.end is None
    assert set(events(read(path))) == {recent.id, coming.id}
    assert old.id not in events(read(path))


def test_a_second_export_keeps_the_uids_and_counts_the_changes(
        db: Database, visit: dict[str, Any], tmp_path: Path) -> None:
    first, second = tmp_path / "first.ics", tmp_path / "second.ics"
    write_calendar(db, first, start=START, end=None)
    talks = visit["items"]["talks"]
    changed = programme.update_item(db, talks.id, {"starts": "10:00"},
                                    expected_version=talks.version)
    write_calendar(db, second, start=START, end=None)
    before, after = events(read(first)), events(read(second))
    assert set(before) == set(after)
    assert int(after[talks.id]["SEQUENCE"]) == changed.version > int(before[talks.id]["SEQUENCE"])
    assert after[talks.id].decoded("dtstart") == datetime(2026, 10, 12, 10, 0, tzinfo=HANOI)


def test_a_country_of_many_clocks_gives_floating_times(db: Database, tmp_path: Path) -> None:
    record = visits.create_visit(db, {"title": "To the United States", "direction": "outbound",
                                      "start": START, "country": "US"})
    item = programme.add_item(db, record.id, {"day": START, "title": "Seminar",
                                              "starts": "09:00", "ends": "10:00"})
    path = tmp_path / "us.ics"
    write_calendar(db, path, start=START, end=START)
    event = events(read(path))[item.id]
    assert event.decoded("dtstart") == datetime(2026, 10, 12, 9, 0)  # no zone: floating
    assert "TZID" not in event["DTSTART"].params
    assert zone_of("US", 2026) is None and zone_of("DE", 2026) == ZoneInfo("Europe/Berlin")
    assert zone_of("CN", 2026) == ZoneInfo("Asia/Shanghai") and zone_of(None, 2026) is None


# --- the command line ------------------------------------------------------------------------

@pytest.fixture
def crash_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Keep crash reports out of the user's folders, and fail a test that produced one."""
    path = tmp_path / "crash.log"
    monkeypatch.setattr(cli_module, "crash_log_path", lambda: path)
    monkeypatch.delenv("LIAISON_DB", raising=False)
    yield path
    assert not path.exists(), f"a command hit a bug:\n{path.read_text(encoding='utf-8')}"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    code = main(list(argv), out=out, err=err)
    assert "Traceback" not in err.getvalue() + out.getvalue()
    return code, out.getvalue(), err.getvalue()


def one_line(text: str) -> str:
    assert text.endswith("\n") and text.count("\n") == 1, repr(text)
    return text.strip()


def test_liaison_calendar(db: Database, visit: dict[str, Any], tmp_path: Path,
                          crash_log: Path) -> None:
    path = tmp_path / "visits.ics"
    code, out, err = run("--db", db.url, "calendar", str(path), "--from", "2026-10-01",
                         "--to", "31/10/2026")
    assert code == 0, err
    assert one_line(out) == (f"Wrote 8 events to {path.resolve()} (programme items: 6, "
                             f"visits: 1, multilateral events: 0, sessions: 0, follow-ups "
                             f"due: 1).")
    assert set(events(read(path))) == {item.id for item in visit["items"].values()} | {
        visit["visit"].id, visit["followup"].id}


def test_liaison_calendar_refuses_in_one_sentence(db: Database, visit: dict[str, Any],
                                                  tmp_path: Path, crash_log: Path) -> None:
    path = tmp_path / "visits.ics"
    code, _, err = run("--db", db.url, "calendar", str(path), "--from", "the 32nd")
    assert code == 2 and "is not a date Liaison can read" in one_line(err)
    code, _, err = run("--db", db.url, "calendar", str(path), "--from", "2026-02-30")
    assert code == 2 and "February 2026 has 28 days" in one_line(err)
    code, _, err = run("--db", db.url, "calendar", str(path), "--from", "2026-10-20",
                       "--to", "2026-10-01")
    assert code == 2 and "before --from" in one_line(err)
    code, _, err = run("--db", db.url, "calendar", str(path), "--to", "2001-01-01")
    assert code == 2 and "give --from too" in one_line(err)
    code, _, err = run("--db", db.url, "calendar", str(tmp_path / "nowhere" / "v.ics"))
    assert code == 1 and "does not exist" in one_line(err)
    code, _, err = run("--db", db.url, "calendar", str(tmp_path))
    assert code == 1 and "must end in .ics" in one_line(err)
    (tmp_path / "folder.ics").mkdir()
    code, _, err = run("--db", db.url, "calendar", str(tmp_path / "folder.ics"))
    assert code == 1 and "is a folder" in one_line(err)
    assert not path.exists()


def test_a_multilateral_event_and_its_sessions(db: Database, tmp_path: Path) -> None:
    from db.services import events as meetings

    organizer = make_organization(db, name="International Department", country="CN")
    speaker = make_person(db, name="王毅")
    forum = meetings.create_event(db, {
        "name": "世界政党高层对话会", "mechanism": "high_level_meeting", "start": START,
        "end": START + timedelta(days=1), "city": "天津", "country": "CN",
        "organizer_id": organizer.id, "theme": "现代化之路"})
    opening = meetings.add_session(db, forum.id, {"day": START, "starts": "09:00",
                                                "ends": "10:30", "title": "开幕式",
                                                "place": "梅江会展中心",
                                                "speakers": [speaker.id]})
    untimed = meetings.add_session(db, forum.id, {"day": START + timedelta(days=1),
                                                "title": "Field trip"})
    online = meetings.create_event(db, {"name": "Webinar", "start": START, "online": True,
                                      "country": "CN"})
    timed = meetings.add_session(db, online.id, {"day": START, "starts": "15:00",
                                               "title": "Panel"})
    path = tmp_path / "events.ics"
    summary = write_calendar(db, path, start=START, end=START + timedelta(days=1))
    assert (summary.meetings, summary.sessions, summary.events) == (2, 3, 5)
    found = events(read(path))
    band = found[forum.id]
    assert str(band["SUMMARY"]) == "世界政党高层对话会"
    assert band.decoded("dtend") == START + timedelta(days=2)
    assert str(band["LOCATION"]) == "天津, China"
    assert band["CATEGORIES"].cats == ["High-level meeting"]
    assert "现代化之路" in str(band["DESCRIPTION"])
    session = found[opening.id]
    assert session.decoded("dtstart") == datetime(2026, 10, 12, 9, 0,
                                                  tzinfo=ZoneInfo("Asia/Shanghai"))
    assert str(session["SUMMARY"]) == "开幕式 — 世界政党高层对话会"
    assert str(session["LOCATION"]) == "梅江会展中心, 天津" and "王毅" in str(session["DESCRIPTION"])
    assert not isinstance(found[untimed.id].decoded("dtstart"), datetime)
    assert str(found[online.id]["LOCATION"]) == "Online"
    assert "TZID" not in found[timed.id]["DTSTART"].params  # online: the viewer's own clock
