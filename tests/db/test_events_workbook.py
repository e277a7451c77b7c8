"""Multilateral events travel in the Liaison workbook (issue 17, item 5): the events, sessions,
invitations and delegates sheets are exported with ids, readable relations, date cells,
dropdowns and the hidden `_rev`; edited in a spreadsheet they come back exactly, with
three-way conflicts, an event's rules checked at the row and column that break them, and an
undo. One event's invitation list goes out alone (`export --event`) and comes back as a round
trip; the participant list is a readable sheet for printing. On SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from db.cli.main import main
from db.exchange.export.participants import write_participants
from db.exchange.export.writer import write_workbook
from db.exchange.imports.importer import apply_plan, build_plan, undo_import
from db.exchange.imports.plan import ImportOptions, Plan
from db.exchange.workbook import DELEGATES, EVENTS, INVITATIONS, PEOPLE, POSITIONS, SESSIONS
from db.services import affiliations, events, invitations
from db.store import translation
from db.store.engine import Database
from db.store.errors import LiaisonError
from tests.db.factories import make_organization, make_person

START = date(2025, 11, 3)  # over: replies and attendance may both be recorded


@pytest.fixture
def summit(db: Database) -> dict[str, str]:
    """A dialogue of three days, organized by the CPC with the CPV as co-organizer: two
    sessions (one with a speaker), three invitations (a party that came with its leader at the
    head, a party that declined, a person on her own)."""
    cpc = make_organization(db, name="Communist Party of China", name_zh="中国共产党",
                            country="CN")
    cpv = make_organization(db, name="Communist Party of Vietnam", country="VN")
    anc = make_organization(db, name="African National Congress", country="ZA")
    pt = make_organization(db, name="Partido dos Trabalhadores", country="BR")
    mbalula = make_person(db, name="Fikile Mbalula", nationality="ZA", birth_year=1971)
    aide = make_person(db, name="Nomvula Mokonyane", nationality="ZA")
    speaker = make_person(db, name="Wang Huning", nationality="CN")
    solo = make_person(db, name="Marta Harnecker", nationality="CL")
    affiliations.create_affiliation(db, {"person_id": mbalula.id, "organization_id": anc.id,
                                         "role": "Secretary-General", "leader": True})
    event = events.create_event(db, {
        "name": "World Political Parties Dialogue", "series": "World Parties Dialogue",
        "edition": 3, "mechanism": "high_level_meeting", "start": START,
        "end": START + timedelta(days=2), "city": "Beijing", "country": "CN",
        "organizer_id": cpc.id, "co_organizers": [cpv.id], "theme": "Modernization"})
    opening = events.add_session(db, event.id, {
        "day": START, "starts": "09:00", "ends": "11:00", "title": "Opening plenary",
        "place": "Great Hall", "speakers": [speaker.id]})
    panel = events.add_session(db, event.id, {
        "day": START + timedelta(days=1), "title": "Panel on youth"})
    came = invitations.invite(db, event.id, {"organization_id": anc.id, "invited_by": "Li",
                                             "invited_on": START - timedelta(days=60),
                                             "reply": "accepted",
                                             "replied_on": START - timedelta(days=30),
                                             "attendance": "attended", "delegation_size": 3})
    declined = invitations.invite(db, event.id, {"organization_id": pt.id, "reply": "declined"})
    alone = invitations.invite(db, event.id, {"person_id": solo.id})
    head = invitations.add_delegate(db, came.id, {"person_id": mbalula.id, "role": "head"})
    return {"event": event.id, "cpc": cpc.id, "cpv": cpv.id, "anc": anc.id, "pt": pt.id,
            "mbalula": mbalula.id, "aide": aide.id, "speaker": speaker.id, "solo": solo.id,
            "opening": opening.id, "panel": panel.id, "came": came.id,
            "declined": declined.id, "alone": alone.id, "head": head.id}


def export(db: Database, path: Path, **options: Any) -> Path:
    list(write_workbook(db, path, **options))
    return path


def records(ws: Worksheet) -> list[dict[str, Any]]:
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def row_of(ws: Worksheet, column: str, value: Any) -> int:
    headers = [c.value for c in ws[1]]
    for number, row in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
        if row[headers.index(column)] == value:
            return number
    raise AssertionError(f"no {column} = {value!r} on {ws.title}")


def edit(path: Path, sheet: str, key: str, value: Any, changes: dict[str, Any]) -> int:
    wb = load_workbook(path)
    ws = wb[sheet]
    headers = [c.value for c in ws[1]]
    number = row_of(ws, key, value)
    for column, new in changes.items():
        ws.cell(number, headers.index(column) + 1).value = new
    wb.save(path)
    return number


def append(path: Path, sheet: str, values: dict[str, Any]) -> int:
    wb = load_workbook(path)
    ws = wb[sheet]
    headers = [c.value for c in ws[1]]
    ws.append([values.get(h) for h in headers])
    wb.save(path)
    return ws.max_row


def changed(plan: Plan) -> set[tuple[str, str]]:
    return {(r.sheet, r.action) for r in plan.rows if r.action != "unchanged"}


# -- export -----------------------------------------------------------------------------------

def test_the_four_sheets_of_an_event(db: Database, summit: dict[str, str],
                                     tmp_path: Path) -> None:
    wb = load_workbook(export(db, tmp_path / "out.xlsx"))
    assert wb.sheetnames[-5:] == ["events", "sessions", "invitations", "delegates", "_lists"]
    lists = {column[0].value: [c.value for c in column[1:] if c.value is not None]
             for column in wb["_lists"].iter_cols()}
    for spec in (EVENTS, SESSIONS, INVITATIONS, DELEGATES):
        ws = wb[spec.name]
        assert [c.value for c in ws[1]] == [*spec.columns, "_rev"]
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref
        assert ws.column_dimensions[ws.cell(1, len(spec.columns) + 1).column_letter].hidden
        assert all(len(row["_rev"]) == 16 for row in records(ws))
        rules = {str(dv.sqref).split(":")[0].rstrip("0123456789"): dv.formula1
                 for dv in ws.data_validations.dataValidation}
        for column, list_name in spec.lists.items():
            letter = ws.cell(1, spec.columns.index(column) + 1).column_letter
            assert rules[letter].startswith("_lists!$")
            assert lists[list_name], list_name
    assert lists["mechanism"][0] == "high_level_meeting"
    assert lists["reply"] == ["none", "accepted", "declined", "representative"]
    assert lists["attendance"] == ["unknown", "attended", "absent"]
    assert lists["yes_no"] == ["yes", "no"]

    [event] = records(wb["events"])
    assert event["id"] == summit["event"] and event["organizer_id"] == summit["cpc"]
    assert event["organizer"] == "Communist Party of China"
    assert event["co_organizers"] == "Communist Party of Vietnam"
    assert event["online"] == "no" and event["edition"] == 3
    assert event["start"].date() == START and wb["events"]["F2"].is_date
    sessions = {row["title"]: row for row in records(wb["sessions"])}
    assert sessions["Opening plenary"]["speakers"] == "Wang Huning"
    assert sessions["Opening plenary"]["event"] == "World Political Parties Dialogue"
    assert sessions["Opening plenary"]["starts"] == "09:00"
    invited = {row["id"]: row for row in records(wb["invitations"])}
    assert invited[summit["came"]]["organization"] == "African National Congress"
    assert invited[summit["came"]]["attendance"] == "attended"
    assert invited[summit["alone"]]["person"] == "Marta Harnecker"
    assert invited[summit["alone"]]["organization_id"] is None
    [delegate] = records(wb["delegates"])
    assert delegate["invitation"] == "African National Congress — World Political Parties " \
                                     "Dialogue"
    assert delegate["person"] == "Fikile Mbalula" and delegate["role"] == "head"
    # the people and positions sheets carry the birth year and the leader flag
    assert [c.value for c in wb["people"][1]][-2:] == ["birth_year", "_rev"]
    assert [c.value for c in wb["positions"][1]][-2:] == ["leader", "_rev"]
    assert PEOPLE.columns[-1] == "birth_year" and POSITIONS.columns[-1] == "leader"
    people = {row["name"]: row for row in records(wb["people"])}
    assert people["Fikile Mbalula"]["birth_year"] == 1971
    assert [row["leader"] for row in records(wb["positions"])] == ["yes"]
    readme = [row for row in wb["README"].iter_rows(values_only=True) if row and row[0]]
    events_line = next(row for row in readme if row[0] == "Events")
    assert "invitations" in events_line[1] and events_line[2] == "多边活动"


def test_the_workbook_comes_back_unchanged(db: Database, summit: dict[str, str],
                                           tmp_path: Path) -> None:
    plan = build_plan(db, export(db, tmp_path / "out.xlsx"))
    assert not plan.errors, plan.errors
    assert changed(plan) == set()
    assert plan.counts()["invitations"]["unchanged"] == 3
    assert plan.counts()["delegates"]["unchanged"] == 1


# -- round trip -------------------------------------------------------------------------------

def test_edits_and_new_rows_come_back_and_undo(db: Database, summit: dict[str, str],
                                               tmp_path: Path) -> None:
    path = export(db, tmp_path / "out.xlsx")
    edit(path, "events", "id", summit["event"],
         {"theme": "Modernization and the world", "online": "yes",
          "co_organizers": "Communist Party of Vietnam; Partido dos Trabalhadores"})
    edit(path, "sessions", "id", summit["panel"],
         {"speakers": "Fikile Mbalula; Wang Huning", "starts": "14:00"})
    edit(path, "invitations", "id", summit["alone"],
         {"reply": "accepted", "replied_on": START - timedelta(days=3), "attendance": "attended"})
    edit(path, "people", "id", summit["aide"], {"birth_year": 1963})
    # a delegate added to the ANC's delegation by the readable name of its invitation, and a
    # new event with a session and an invitation named by the event's name
    append(path, "delegates", {"invitation": "African National Congress — World Political "
                                             "Parties Dialogue",
                               "person": "Nomvula Mokonyane", "role": "member",
                               "title": "Minister"})
    append(path, "events", {"name": "Party Forum 2025", "mechanism": "party_forum",
                            "start": date(2025, 6, 1), "online": "yes"})
    append(path, "sessions", {"event": "Party Forum 2025", "day": date(2025, 6, 1),
                              "title": "Only session"})
    append(path, "invitations", {"event": "Party Forum 2025",
                                 "organization": "Communist Party of Vietnam",
                                 "reply": "accepted"})
    plan = build_plan(db, path)
    assert not plan.errors, plan.errors
    assert changed(plan) == {("events", "update"), ("sessions", "update"),
                             ("invitations", "update"), ("people", "update"),
                             ("delegates", "create"), ("events", "create"),
                             ("sessions", "create"), ("invitations", "create")}
    result = apply_plan(db, plan)
    event = events.get_event(db, summit["event"])
    assert event.theme == "Modernization and the world" and event.online
    assert {name for _id, name in event.co_organizers} == {"Communist Party of Vietnam",
                                                            "Partido dos Trabalhadores"}
    panel = {s.id: s for s in events.list_sessions(db, summit["event"])}[summit["panel"]]
    assert {name for _id, name in panel.speakers} == {"Fikile Mbalula", "Wang Huning"}
    assert panel.starts == "14:00"
    alone = invitations.get_invitation(db, summit["alone"])
    assert (alone.reply, alone.attendance) == ("accepted", "attended")
    assert {d.person_id for d in invitations.list_delegates(db, summit["came"])} == {
        summit["mbalula"], summit["aide"]}
    forum = [e for e in events.list_events(db).items if e.name == "Party Forum 2025"]
    assert len(forum) == 1 and forum[0].online
    assert len(events.list_sessions(db, forum[0].id)) == 1
    assert invitations.list_invitations(db, forum[0].id).total == 1
    # the same file again changes nothing
    assert changed(build_plan(db, path)) <= {("events", "unchanged")}
    undo_import(db, result.batch_id)
    event = events.get_event(db, summit["event"])
    assert event.theme == "Modernization" and not event.online
    assert [name for _id, name in event.co_organizers] == ["Communist Party of Vietnam"]
    assert invitations.get_invitation(db, summit["alone"]).reply == "none"
    assert len(invitations.list_delegates(db, summit["came"])) == 1
    assert not [e for e in events.list_events(db).items if e.name == "Party Forum 2025"]


def test_a_field_changed_in_both_places_is_a_conflict(db: Database, summit: dict[str, str],
                                                      tmp_path: Path) -> None:
    path = export(db, tmp_path / "out.xlsx")
    edit(path, "invitations", "id", summit["declined"], {"reply": "representative",
                                                         "notes": "Their embassy will come"})
    invitations.update_invitation(db, summit["declined"], {"reply": "accepted"},
                                  expected_version=None)
    plan = build_plan(db, path)
    [row] = [r for r in plan.rows if r.id == summit["declined"]]
    assert row.action == "update"  # the notes, changed in the file only, are written
    assert [c.field for c in row.conflicts] == ["reply"]
    conflict = row.conflicts[0]
    assert (conflict.exported, conflict.file, conflict.database) == ("declined",
                                                                    "representative",
                                                                    "accepted")
    apply_plan(db, plan)
    kept = invitations.get_invitation(db, summit["declined"])
    assert kept.reply == "accepted" and kept.notes == "Their embassy will come"
    choose = ImportOptions(resolutions={(summit["declined"], "reply"): "file"})
    edit(path, "invitations", "id", summit["declined"], {"notes": "Their embassy will come"})
    plan = build_plan(db, path, choose)
    apply_plan(db, plan)
    assert invitations.get_invitation(db, summit["declined"]).reply == "representative"


# -- the event's rules over the whole plan ------------------------------------------------------

def test_broken_rules_are_located_and_nothing_is_written(db: Database, summit: dict[str, str],
                                                          tmp_path: Path) -> None:
    other = make_organization(db, name="Workers' Party of Korea", country="KP")
    stranger = make_person(db, name="Kim Song", nationality="KP")
    affiliations.create_affiliation(db, {"person_id": stranger.id, "organization_id": other.id,
                                         "role": "Director"})
    path = export(db, tmp_path / "out.xlsx")
    late = edit(path, "invitations", "id", summit["declined"],
                {"replied_on": START + timedelta(days=10)})
    # Marta Harnecker's invitation turned into a second one of the ANC
    twice = edit(path, "invitations", "id", summit["alone"],
                 {"organization_id": None, "organization": "African National Congress",
                  "person_id": None, "person": None})
    # a row added for an invitation already on the sheet is the same record: left out
    again = append(path, "invitations", {"event_id": summit["event"],
                                         "event": "World Political Parties Dialogue",
                                         "organization": "Partido dos Trabalhadores"})
    outside = edit(path, "sessions", "id", summit["panel"], {"day": START + timedelta(days=9)})
    foreign_head = append(path, "delegates", {
        "invitation_id": summit["came"],
        "invitation": "African National Congress — World Political Parties Dialogue",
        "person": "Kim Song", "role": "head"})
    before = invitations.get_invitation(db, summit["declined"])
    plan = build_plan(db, path)
    located = {(e.sheet, e.row, e.column) for e in plan.errors}
    assert ("invitations", late, "replied_on") in located
    assert ("invitations", twice, "organization") in located
    assert ("sessions", outside, "day") in located
    assert ("delegates", foreign_head, "person") in located
    assert ("delegates", foreign_head, "role") in located  # the ANC has its head already
    assert any(w.row == again and "same" in w.message.lower() for w in plan.warnings)
    messages = " ".join(e.message for e in plan.errors)
    assert "already invited" in messages and "came after it" in messages
    assert "Workers' Party of Korea" in messages
    with pytest.raises(LiaisonError):
        apply_plan(db, plan)
    assert invitations.get_invitation(db, summit["declined"]) == before
    assert invitations.list_invitations(db, summit["event"]).total == 3


def test_an_event_moved_with_its_sessions_imports(db: Database, summit: dict[str, str],
                                                  tmp_path: Path) -> None:
    path = export(db, tmp_path / "out.xlsx")
    week = timedelta(days=7)
    edit(path, "events", "id", summit["event"], {"start": START + week,
                                                 "end": START + week + timedelta(days=2)})
    plan = build_plan(db, path)
    assert any(e.sheet == "events" and e.column == "start" for e in plan.errors)
    edit(path, "sessions", "id", summit["opening"], {"day": START + week})
    edit(path, "sessions", "id", summit["panel"], {"day": START + week + timedelta(days=1)})
    plan = build_plan(db, path)
    assert not plan.errors, plan.errors
    apply_plan(db, plan)
    assert events.get_event(db, summit["event"]).start == START + week


# -- one event out and back; the participant list -----------------------------------------------

def test_one_events_invitation_list_goes_out_and_comes_back(db: Database,
                                                            summit: dict[str, str],
                                                            tmp_path: Path) -> None:
    events.create_event(db, {"name": "Another seminar", "start": START, "mechanism": "other"})
    path = export(db, tmp_path / "list.xlsx", event=summit["event"])
    wb = load_workbook(path)
    assert [n for n in wb.sheetnames if not n.startswith("_")] == [
        "README", "events", "sessions", "invitations", "delegates"]
    assert [row["name"] for row in records(wb["events"])] == ["World Political Parties Dialogue"]
    assert len(records(wb["invitations"])) == 3
    # the colleague corrects a reply and adds a delegate
    edit(path, "invitations", "id", summit["alone"], {"reply": "declined"})
    append(path, "delegates", {"invitation_id": summit["came"],
                               "invitation": "African National Congress — World Political "
                                             "Parties Dialogue",
                               "person": "Nomvula Mokonyane"})
    plan = build_plan(db, path)
    assert not plan.errors, plan.errors
    # the other event is not in the file, and is not proposed for deletion
    assert not plan.deletions
    assert changed(plan) == {("invitations", "update"), ("delegates", "create")}
    apply_plan(db, plan)
    assert invitations.get_invitation(db, summit["alone"]).reply == "declined"
    with pytest.raises(LiaisonError, match="no event"):
        export(db, tmp_path / "none.xlsx", event="00000000-0000-0000-0000-000000000000")


def test_the_command_line_exports_an_event_and_its_participant_list(
        db: Database, summit: dict[str, str], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    target = db.url if db.path is None else str(db.path)
    out = tmp_path / "event.xlsx"
    assert main(["--db", target, "export", str(out), "--event", summit["event"]]) == 0
    assert load_workbook(out)["invitations"].max_row == 4
    printed = tmp_path / "participants.xlsx"
    assert main(["--db", target, "export", str(printed), "--event", summit["event"],
                 "--participants"]) == 0
    ws = load_workbook(printed).active
    rows = [row for row in ws.iter_rows(values_only=True)]
    header_at = next(i for i, row in enumerate(rows) if row and row[0] == "Country")
    body = rows[header_at + 1:]
    assert [row[0] for row in body] == ["Brazil", "Chile", "South Africa"]
    anc = next(row for row in body if row[1] == "African National Congress")
    assert anc[2:] == ("Fikile Mbalula", "Secretary-General", 3, "Accepted", "Attended")
    capsys.readouterr()
    assert main(["--db", target, "export", str(printed), "--participants"]) == 2
    assert "--event" in capsys.readouterr().err
    assert main(["--db", target, "import", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["invitations"]["unchanged"] == 3


def test_a_chinese_participant_list_names_parties_and_people_in_chinese(
        db: Database, summit: dict[str, str], tmp_path: Path) -> None:
    """In Chinese, the list at the door reads in Chinese: countries, parties and heads by their
    Chinese names where the register has them (else as registered), in pinyin order."""
    cpv = make_organization(db, name="Đảng Cộng sản Việt Nam", name_zh="越南共产党",
                            country="VN")
    trong = make_person(db, name="Nguyễn Phú Trọng", name_zh="阮富仲", nationality="VN")
    came = invitations.invite(db, summit["event"], {"organization_id": cpv.id,
                                                    "reply": "accepted",
                                                    "attendance": "attended"})
    invitations.add_delegate(db, came.id, {"person_id": trong.id, "role": "head",
                                           "title": "总书记"})
    printed = tmp_path / "participants-zh.xlsx"
    translation.set_language("zh_CN")
    try:
        list(write_participants(db, printed, summit["event"]))
    finally:
        translation.set_language("en")
    rows = list(load_workbook(printed).active.iter_rows(values_only=True))
    header_at = next(i for i, row in enumerate(rows) if row and row[0] == "国家")
    body = rows[header_at + 1:]
    # 巴西 (ba), 南非 (nan), 越南 (yue), 智利 (zhi): by pinyin
    assert [row[0] for row in body] == ["巴西", "南非", "越南", "智利"]
    vietnam = body[2]
    assert vietnam[1:4] == ("越南共产党", "阮富仲", "总书记")
    # without a Chinese name, the registered one
    assert body[1][1:3] == ("African National Congress", "Fikile Mbalula")
