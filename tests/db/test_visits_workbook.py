"""Visits travel in the Liaison workbook (issue 16, item 5): the visits, members, programme
and gifts sheets are exported with ids, readable relations, date cells, dropdowns and the
hidden `_rev`; edited in a spreadsheet they come back exactly, with three-way conflicts, a
visit's rules checked at the row and column that break them, and an undo. On SQLite and
PostgreSQL."""

from __future__ import annotations

import io
import json
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from db.cli.main import main
from db.exchange.export.writer import write_workbook
from db.exchange.imports.importer import apply_plan, build_plan, undo_import
from db.exchange.imports.plan import ImportOptions, Plan, plan_json
from db.exchange.workbook import GIFTS, MEMBERS, PROGRAMME, VISITS
from db.seed.opening import open_database
from db.services import interactions, programme, visits
from db.store.engine import Database
from db.store.errors import LiaisonError
from tests.db.factories import make_organization, make_person

START = date(2026, 10, 12)


@pytest.fixture
def visit(db: Database) -> dict[str, str]:
    """An outbound visit to Viet Nam: two days of programme (talks recorded as an
    interaction), a delegation on each side, a gift each way."""
    ours = make_organization(db, name="Partido dos Trabalhadores", country="BR")
    cpv = make_organization(db, name="Communist Party of Vietnam", name_zh="越南共产党",
                            country="VN")
    head = make_person(db, name="Gleisi Hoffmann", nationality="BR")
    member = make_person(db, name="Romênio Pereira", nationality="BR")
    host = make_person(db, name="Lê Hoài Trung", nationality="VN")
    record = visits.create_visit(db, {
        "title": "PT delegation to Viet Nam", "direction": "outbound", "status": "confirmed",
        "start": START, "end": START + timedelta(days=2), "country": "VN",
        "host_id": cpv.id, "guest_id": ours.id, "purpose": "Exchange on party building."})
    ids = {"visit": record.id, "ours": ours.id, "cpv": cpv.id, "head": head.id,
           "member": member.id, "host": host.id}
    for key, person, side, role in (("head_member", head.id, "guest", "head"),
                                    ("plain_member", member.id, "guest", "member"),
                                    ("host_member", host.id, "host", "head")):
        ids[key] = visits.add_member(db, record.id, {"person_id": person, "side": side,
                                                     "role": role,
                                                     "title": "Delegate"}).id
    talks = programme.add_item(db, record.id, {
        "day": START, "kind": "talks", "title": "Talks with the CPV", "city": "Hà Nội",
        "starts": "10:00", "ends": "11:30"},
        participants=[{"organization_id": cpv.id, "role": "host"},
                      {"person_id": head.id, "role": "delegation_head"}])
    ids["talks"], ids["meeting"] = talks.id, str(talks.interaction_id)
    ids["tour"] = programme.add_item(db, record.id, {
        "day": START + timedelta(days=1), "kind": "site_visit", "title": "Industrial park",
        "city": "Bắc Ninh"}).id
    ids["given"] = visits.add_gift(db, record.id, {"direction": "given",
                                                   "description": "A book of photographs",
                                                   "organization_id": cpv.id}).id
    ids["received"] = visits.add_gift(db, record.id, {"direction": "received",
                                                      "description": "Lacquer painting",
                                                      "person_id": host.id}).id
    return ids


def export(db: Database, path: Path) -> Path:
    list(write_workbook(db, path))
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


def not_unchanged(plan: Plan) -> set[tuple[str, str]]:
    return {(r.sheet, r.action) for r in plan.rows if r.action != "unchanged"}


# -- export -----------------------------------------------------------------------------------

def test_the_four_sheets_of_a_visit(db: Database, visit: dict[str, str],
                                    tmp_path: Path) -> None:
    wb = load_workbook(export(db, tmp_path / "out.xlsx"))
    assert wb.sheetnames[-9:-5] == ["visits", "members", "programme", "gifts"]
    lists = {column[0].value: [c.value for c in column[1:] if c.value is not None]
             for column in wb["_lists"].iter_cols()}
    for spec in (VISITS, MEMBERS, PROGRAMME, GIFTS):
        ws = wb[spec.name]
        assert [c.value for c in ws[1]] == [*spec.columns, "_rev"]
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref
        assert ws.column_dimensions[ws.cell(1, len(spec.columns) + 1).column_letter].hidden
        assert all(len(row["_rev"]) == 16 for row in records(ws))
        # each vocabulary offered as a dropdown of its codes, on its own column
        rules = {str(dv.sqref).split(":")[0].rstrip("0123456789"): dv.formula1
                 for dv in ws.data_validations.dataValidation}
        for column, list_name in spec.lists.items():
            letter = ws.cell(1, spec.columns.index(column) + 1).column_letter
            assert rules[letter].startswith("_lists!$")
            assert lists[list_name], list_name
    assert lists["visit_direction"] == ["inbound", "outbound"]
    assert lists["member_role"] == ["head", "deputy", "member", "interpreter", "staff"]
    assert lists["side"] == ["guest", "host"] and lists["gift_direction"] == ["given", "received"]
    assert "site_visit" in lists["programme_kind"] and "under_way" in lists["visit_status"]

    [row] = records(wb["visits"])
    assert (row["id"], row["title"], row["direction"], row["status"]) == (
        visit["visit"], "PT delegation to Viet Nam", "outbound", "confirmed")
    assert (row["host_id"], row["host"]) == (visit["cpv"], "Communist Party of Vietnam")
    assert (row["guest_id"], row["guest"]) == (visit["ours"], "Partido dos Trabalhadores")
    assert row["start"] == datetime(2026, 10, 12) and row["end"] == datetime(2026, 10, 14)
    start_cell = wb["visits"].cell(2, VISITS.columns.index("start") + 1)
    assert start_cell.is_date and start_cell.number_format == "yyyy-mm-dd"

    members = records(wb["members"])
    assert [(m["side"], m["role"], m["person"]) for m in members] == [
        ("guest", "head", "Gleisi Hoffmann"), ("guest", "member", "Romênio Pereira"),
        ("host", "head", "Lê Hoài Trung")]
    assert {m["visit_id"] for m in members} == {visit["visit"]}
    assert {m["visit"] for m in members} == {"PT delegation to Viet Nam"}
    assert members[0]["id"] == visit["head_member"] and members[0]["person_id"] == visit["head"]

    items = records(wb["programme"])
    assert [(i["id"], i["day"], i["starts"], i["ends"], i["city"]) for i in items] == [
        (visit["talks"], datetime(2026, 10, 12), "10:00", "11:30", "Hà Nội"),
        (visit["tour"], datetime(2026, 10, 13), None, None, "Bắc Ninh")]
    assert (items[0]["interaction_id"], items[0]["interaction"]) == (visit["meeting"],
                                                                    "Talks with the CPV")
    assert wb["programme"].cell(2, PROGRAMME.columns.index("day") + 1).is_date

    gifts = records(wb["gifts"])
    assert [(g["direction"], g["description"], g["person"], g["organization"])
            for g in gifts] == [
        ("given", "A book of photographs", None, "Communist Party of Vietnam"),
        ("received", "Lacquer painting", "Lê Hoài Trung", None)]
    readme = "\n".join(str(v) for row in wb["README"].iter_rows(values_only=True)
                       for v in row if v)
    assert "visits (1 rows)" in readme and "programme (2 rows)" in readme
    assert "visit_id" in readme and "日程" in readme


def test_a_deleted_visit_leaves_the_workbook_with_its_parts(
        db: Database, visit: dict[str, str], tmp_path: Path) -> None:
    visits.delete_visit(db, visit["visit"])
    wb = load_workbook(export(db, tmp_path / "out.xlsx"))
    for sheet in ("visits", "members", "programme", "gifts"):
        assert records(wb[sheet]) == [], sheet
    assert not_unchanged(build_plan(db, tmp_path / "out.xlsx")) == set()


# -- round trip -------------------------------------------------------------------------------

def test_an_untouched_export_comes_back_unchanged(db: Database, visit: dict[str, str],
                                                   tmp_path: Path) -> None:
    plan = build_plan(db, export(db, tmp_path / "out.xlsx"))
    assert not plan.errors, plan.errors
    assert not_unchanged(plan) == set()
    counts = plan.counts()
    assert counts["visits"]["unchanged"] == 1 and counts["members"]["unchanged"] == 3
    assert counts["programme"]["unchanged"] == 2 and counts["gifts"]["unchanged"] == 2


def test_programme_edited_in_a_spreadsheet_comes_back(db: Database, visit: dict[str, str],
                                                      tmp_path: Path) -> None:
    path = export(db, tmp_path / "out.xlsx")
    edit(path, "programme", "id", visit["talks"], {"starts": "09:30", "city": "Hanoi"})
    # a time typed into a cell the spreadsheet took for a time of day
    edit(path, "programme", "id", visit["tour"], {"ends": time(16, 0)})
    append(path, "programme", {"visit_id": visit["visit"], "visit": "PT delegation to Viet Nam",
                               "day": datetime(2026, 10, 13), "starts": "19:00",
                               "kind": "banquet", "title": "Welcome dinner",
                               "city": "Hà Nội"})
    append(path, "members", {"visit_id": visit["visit"], "organization_id": visit["cpv"],
                             "organization": "Communist Party of Vietnam", "side": "host",
                             "role": "member"})
    edit(path, "gifts", "id", visit["given"], {"notes": "Signed by the author"})
    plan = build_plan(db, path)
    assert not plan.errors, plan.errors
    assert not_unchanged(plan) == {("programme", "update"), ("programme", "create"),
                                   ("members", "create"), ("gifts", "update")}
    talks_row = next(r for r in plan.rows if r.id == visit["talks"])
    assert {c.field: c.after for c in talks_row.changes} == {"starts": "09:30",
                                                             "city": "Hanoi"}
    result = apply_plan(db, plan)

    items = programme.list_items(db, visit["visit"])
    talks = next(i for i in items if i.id == visit["talks"])
    assert (talks.starts, talks.ends, talks.city) == ("09:30", "11:30", "Hanoi")
    # the meeting follows its item's city, as on the visit page
    assert interactions.get_interaction(db, visit["meeting"]).city == "Hanoi"
    tour = next(i for i in items if i.id == visit["tour"])
    assert tour.ends == "16:00"
    dinner = next(i for i in items if i.title == "Welcome dinner")
    assert (dinner.day, dinner.kind, dinner.starts) == (date(2026, 10, 13), "banquet", "19:00")
    assert dinner.position == tour.position + 1  # added at the end of its day
    hosts = [m for m in visits.list_members(db, visit["visit"]) if m.side == "host"]
    assert {(m.person_id, m.organization_id) for m in hosts} == {
        (visit["host"], None), (None, visit["cpv"])}
    gifts = {g.id: g for g in visits.list_gifts(db, visit["visit"])}
    assert gifts[visit["given"]].notes == "Signed by the author"

    # exported again and brought back: nothing more to do
    assert not_unchanged(build_plan(db, export(db, tmp_path / "again.xlsx"))) == set()

    undo_import(db, result.batch_id)
    items = programme.list_items(db, visit["visit"])
    assert [(i.title, i.starts, i.city) for i in items] == [
        ("Talks with the CPV", "10:00", "Hà Nội"), ("Industrial park", None, "Bắc Ninh")]
    assert interactions.get_interaction(db, visit["meeting"]).city == "Hà Nội"
    assert len(visits.list_members(db, visit["visit"])) == 3
    assert {g.notes for g in visits.list_gifts(db, visit["visit"])} == {None}


def test_a_new_visit_with_its_parts_in_the_same_file(db: Database, visit: dict[str, str],
                                                     tmp_path: Path) -> None:
    path = export(db, tmp_path / "out.xlsx")
    append(path, "visits", {"title": "CPV delegation to Brazil", "direction": "inbound",
                            "start": datetime(2026, 11, 3), "end": datetime(2026, 11, 5),
                            "country": "Brazil", "host": "Partido dos Trabalhadores",
                            "guest_id": visit["cpv"]})
    append(path, "members", {"visit": "CPV delegation to Brazil", "person_id": visit["host"],
                             "side": "guest", "role": "Head of delegation"})
    append(path, "programme", {"visit": "CPV delegation to Brazil",
                               "day": datetime(2026, 11, 4), "starts": "9.00", "kind": "talks",
                               "title": "Talks in Brasília"})
    append(path, "programme", {"visit": "CPV delegation to Brazil",
                               "day": datetime(2026, 11, 4), "starts": "15:00",
                               "kind": "site_visit", "title": "Embrapa"})
    append(path, "gifts", {"visit": "CPV delegation to Brazil", "direction": "received",
                           "description": "Tea set", "organization_id": visit["cpv"]})
    plan = build_plan(db, path)
    assert not plan.errors, plan.errors
    assert not_unchanged(plan) == {(s, "create") for s in ("visits", "members", "programme",
                                                           "gifts")}
    result = apply_plan(db, plan)
    [new] = [v for v in visits.list_visits(db).items if v.id != visit["visit"]]
    assert (new.direction, new.country, new.host_id, new.guest_id) == (
        "inbound", "BR", visit["ours"], visit["cpv"])
    [member] = visits.list_members(db, new.id)
    assert (member.person_id, member.role, member.side) == (visit["host"], "head", "guest")
    items = programme.list_items(db, new.id)
    assert [(i.title, i.starts, i.position) for i in items] == [
        ("Talks in Brasília", "09:00", 0), ("Embrapa", "15:00", 1)]
    assert [g.description for g in visits.list_gifts(db, new.id)] == ["Tea set"]
    # the same file again: every row is there already (matched on the registry's keys)
    assert not_unchanged(build_plan(db, path)) == set()

    undo_import(db, result.batch_id)
    assert [v.id for v in visits.list_visits(db).items] == [visit["visit"]]


def test_a_visit_moved_with_its_programme(db: Database, visit: dict[str, str],
                                          tmp_path: Path) -> None:
    """The visit is postponed a week and every day of its programme with it: record by
    record, half-way, the programme would lie outside the visit; as a whole it does not."""
    path = export(db, tmp_path / "out.xlsx")
    week = timedelta(days=7)
    edit(path, "visits", "id", visit["visit"], {"start": datetime(2026, 10, 19),
                                                "end": datetime(2026, 10, 21)})
    edit(path, "programme", "id", visit["talks"], {"day": datetime(2026, 10, 19)})
    edit(path, "programme", "id", visit["tour"], {"day": datetime(2026, 10, 20)})
    plan = build_plan(db, path)
    assert not plan.errors, plan.errors
    apply_plan(db, plan)
    assert visits.get_visit(db, visit["visit"]).start == START + week
    assert [i.day for i in programme.list_items(db, visit["visit"])] == [
        START + week, START + week + timedelta(days=1)]
    assert interactions.get_interaction(db, visit["meeting"]).start == START + week


def test_the_workbook_fills_an_empty_database(db: Database, visit: dict[str, str],
                                              tmp_path: Path) -> None:
    """A colleague's empty database takes the whole file: the visit's parts point at
    organizations, people and the meeting that are new in the same import."""
    path = export(db, tmp_path / "out.xlsx")
    other = open_database(tmp_path / "colleague.sqlite3")
    try:
        plan = build_plan(other, path)
        assert not plan.errors, plan.errors
        assert {r.action for r in plan.rows} == {"create"}
        apply_plan(other, plan)
        [copy] = visits.list_visits(other).items
        assert (copy.id, copy.host_id, copy.guest_id) == (visit["visit"], visit["cpv"],
                                                          visit["ours"])
        assert len(visits.list_members(other, copy.id)) == 3
        talks = programme.list_items(other, copy.id)[0]
        assert talks.interaction_id == visit["meeting"]
        assert set(talks.participant_names) == {"Communist Party of Vietnam", "Gleisi Hoffmann"}
        assert not_unchanged(build_plan(other, path)) == set()
    finally:
        other.close()


# -- conflicts and problems -------------------------------------------------------------------

def test_an_item_changed_in_the_file_and_in_liaison_is_a_conflict(
        db: Database, visit: dict[str, str], tmp_path: Path) -> None:
    path = export(db, tmp_path / "out.xlsx")
    talks = next(i for i in programme.list_items(db, visit["visit"]) if i.id == visit["talks"])
    programme.update_item(db, talks.id, {"city": "Hải Phòng", "notes": "Moved"},
                          expected_version=talks.version)
    edit(path, "programme", "id", visit["talks"], {"city": "Hanoi", "ends": "12:00"})
    plan = build_plan(db, path)
    assert not plan.errors, plan.errors
    row = next(r for r in plan.rows if r.id == visit["talks"])
    assert row.action == "update"  # the end time changed in the file only
    assert [(c.field, c.after) for c in row.changes] == [("ends", "12:00")]
    [conflict] = row.conflicts
    assert (conflict.field, conflict.exported, conflict.file, conflict.database) == (
        "city", "Hà Nội", "Hanoi", "Hải Phòng")
    [reported] = plan_json(plan)["conflicts"]
    assert (reported["sheet"], reported["kind"], reported["fields"][0]["field"]) == (
        "programme", "programme", "city")
    apply_plan(db, plan)
    talks = next(i for i in programme.list_items(db, visit["visit"]) if i.id == visit["talks"])
    assert (talks.city, talks.ends, talks.notes) == ("Hải Phòng", "12:00", "Moved")

    chosen = build_plan(db, path, ImportOptions(resolutions={(talks.id, "city"): "file"}))
    apply_plan(db, chosen)
    assert programme.list_items(db, visit["visit"])[0].city == "Hanoi"


def problems_of(plan: Plan) -> set[tuple[str, int | None, str | None]]:
    return {(n.sheet, n.row, n.column) for n in plan.errors}


def test_bad_edits_are_located_and_nothing_is_written(db: Database, visit: dict[str, str],
                                                      tmp_path: Path) -> None:
    path = export(db, tmp_path / "out.xlsx")
    day_row = edit(path, "programme", "id", visit["tour"], {"day": datetime(2026, 10, 20),
                                                            "title": "Moved tour"})
    role_row = edit(path, "members", "id", visit["plain_member"], {"role": "chauffeur"})
    times_row = edit(path, "programme", "id", visit["talks"], {"ends": "09:00"})
    plan = build_plan(db, path)
    assert problems_of(plan) == {("programme", day_row, "day"),
                                 ("members", role_row, "role"),
                                 ("programme", times_row, "ends")}
    day_note = next(n for n in plan.errors if n.column == "day")
    assert "2026-10-20" in day_note.message and "2026-10-12" in day_note.message
    role_note = next(n for n in plan.errors if n.column == "role")
    assert "chauffeur" in role_note.message
    assert plan_json(plan)["errors"][0]["sheet"] in ("programme", "members")
    with pytest.raises(LiaisonError):
        apply_plan(db, plan)
    titles = [i.title for i in programme.list_items(db, visit["visit"])]
    assert titles == ["Talks with the CPV", "Industrial park"]
    assert {m.role for m in visits.list_members(db, visit["visit"])} == {"head", "member"}


def test_a_visits_rules_across_rows(db: Database, visit: dict[str, str],
                                    tmp_path: Path) -> None:
    path = export(db, tmp_path / "out.xlsx")
    # a second head of the guests; a person twice (the row names another organization,
    # so it is not the member already there); new dates leaving an item outside
    head_row = edit(path, "members", "id", visit["plain_member"], {"role": "head"})
    twice_row = append(path, "members", {"visit_id": visit["visit"],
                                         "person_id": visit["head"],
                                         "organization_id": visit["ours"], "side": "host",
                                         "role": "staff"})
    visit_row = edit(path, "visits", "id", visit["visit"], {"end": datetime(2026, 10, 12)})
    stranger = make_person(db, name="Somebody Else")
    meeting = interactions.create_interaction(db, {
        "kind": "meeting", "title": "Side meeting", "start": "2026-10-12",
        "participants": [{"person_id": stranger.id, "role": "participant"}]})
    meeting_row = edit(path, "programme", "id", visit["talks"],
                       {"interaction_id": meeting.id, "interaction": None})
    plan = build_plan(db, path)
    assert problems_of(plan) == {("members", head_row, "role"),
                                 ("members", twice_row, "person"),
                                 ("visits", visit_row, "end"),
                                 ("programme", meeting_row, "interaction_id")}
    messages = {n.column: n.message for n in plan.errors}
    assert "Gleisi Hoffmann" in messages["role"] and "Gleisi Hoffmann" in messages["person"]
    assert "2026-10-13" in messages["end"] and "Somebody Else" in messages["interaction_id"]
    assert {r.action for r in plan.rows if r.row in (head_row, twice_row)
            and r.sheet == "members"} == {"error"}
    with pytest.raises(LiaisonError):
        apply_plan(db, plan)
    assert visits.get_visit(db, visit["visit"]).end == START + timedelta(days=2)


def test_an_unknown_visit_is_a_located_problem(db: Database, visit: dict[str, str],
                                               tmp_path: Path) -> None:
    path = export(db, tmp_path / "out.xlsx")
    row = append(path, "gifts", {"visit": "A visit nobody made", "description": "Scarf"})
    plan = build_plan(db, path)
    [note] = plan.errors
    assert (note.sheet, note.row, note.column) == ("gifts", row, "visit")
    assert "A visit nobody made" in note.message


def test_a_removed_member_is_only_proposed_for_deletion(
        db: Database, visit: dict[str, str], tmp_path: Path) -> None:
    path = export(db, tmp_path / "out.xlsx")
    wb = load_workbook(path)
    ws = wb["members"]
    ws.delete_rows(row_of(ws, "id", visit["plain_member"]))
    wb.save(path)
    plan = build_plan(db, path)
    assert [(r.entity, r.id, r.reason) for r in plan.deletions] == [
        ("visit member", visit["plain_member"], "Not in the sheet any more: Romênio Pereira")]
    assert not plan.writes
    result = apply_plan(db, build_plan(db, path, ImportOptions(apply_deletions=True)))
    assert len(visits.list_members(db, visit["visit"])) == 2
    undo_import(db, result.batch_id)
    assert len(visits.list_members(db, visit["visit"])) == 3


# -- the command line -------------------------------------------------------------------------

def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def test_liaison_export_then_import(sqlite_path: Path, tmp_path: Path) -> None:
    db = open_database(sqlite_path)
    try:
        ours = make_organization(db, name="Our party", country="BR")
        record = visits.create_visit(db, {"title": "Study tour", "direction": "inbound",
                                          "start": START, "guest_id": ours.id})
        item = programme.add_item(db, record.id, {"day": START, "title": "Opening",
                                                  "kind": "briefing"})
    finally:
        db.close()
    target = tmp_path / "out.xlsx"
    code, _, err = run("--db", str(sqlite_path), "export", str(target))
    assert code == 0, err
    edit(target, "programme", "id", item.id, {"place": "Party school"})
    code, out, err = run("--db", str(sqlite_path), "import", str(target), "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["programme"] == {"created": 0, "updated": 1, "unchanged": 0, "skipped": 0}
    assert report["visits"]["unchanged"] == 1 and report["batch_id"]
    db = open_database(sqlite_path)
    try:
        assert programme.list_items(db, record.id)[0].place == "Party school"
    finally:
        db.close()


def test_a_programme_item_deleted_in_the_file_takes_its_meeting_along(
        db: Database, visit: dict[str, str], tmp_path: Path) -> None:
    """As on the visit page: the talks' meeting belongs to the programme."""
    path = export(db, tmp_path / "out.xlsx")
    wb = load_workbook(path)
    ws = wb["programme"]
    ws.delete_rows(row_of(ws, "id", visit["talks"]))
    wb.save(path)
    result = apply_plan(db, build_plan(db, path, ImportOptions(apply_deletions=True)))
    assert [item.id for item in programme.list_items(db, visit["visit"])] == [visit["tour"]]
    assert interactions.get_interaction(db, visit["meeting"], include_deleted=True).deleted_at
    undo_import(db, result.batch_id)
    assert interactions.get_interaction(db, visit["meeting"]).deleted_at is None
    assert len(programme.list_items(db, visit["visit"])) == 2
