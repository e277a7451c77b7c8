"""Export to the Liaison workbook: text that round-trips and is never evaluated, real dates,
dropdowns, layout, README, fingerprints, no half files, the command line."""

from __future__ import annotations

import io
import time
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, update

from db.cli.main import main
from db.exchange.export.writer import write_workbook
from db.exchange.workbook import (
    FOLLOWUPS,
    INTERACTIONS,
    ORGANIZATIONS,
    PEOPLE,
    POSITIONS,
    decode_xstring,
    encode_xstring,
)
from db.models import Meta, Organization, Tag
from db.services import affiliations, followups, organizations
from db.store.engine import Database
from db.store.errors import LiaisonError
from tests.db.factories import make_interaction, make_organization, make_person

HOSTILE_NAMES = ["=1+1", "+33 1 23", "-x", "@SUM(A1)", "007", "中国共产党", "حزب",
                 "Единая Россия", "עברית", "🎉 Party"]
RAW_NOTES = ["\tTab", "\rCR", "a\rb", "literal _x000D_ text", "line1\nline2",
             "=HYPERLINK(\"http://x\")"]
LONG_NOTE = "长" * 2_500 + "x" * 2_500  # 5,000 characters


def export(db: Database, path: Path, **kwargs: Any) -> list[Any]:
    return list(write_workbook(db, path, **kwargs))


def sheet_dicts(ws: Any) -> list[dict[str, Any]]:
    rows = list(ws.iter_rows(values_only=True))
    header = rows[0]
    return [dict(zip(header, row, strict=True)) for row in rows[1:]]


@pytest.fixture
def filled(db: Database) -> dict[str, Any]:
    orgs = {name: make_organization(db, name=name, country="CN") for name in HOSTILE_NAMES}
    noted = {}
    for note in RAW_NOTES:
        record = make_organization(db, name=f"Notes {len(noted)}", notes="placeholder")
        noted[record.id] = note
    # The services trim leading tabs and CRs; the writer must still cope with such text.
    with db.transaction() as session:
        for record_id, note in noted.items():
            session.execute(update(Organization).where(Organization.id == record_id)
                            .values(notes=note))
    long_org = make_organization(db, name="Long notes", notes=LONG_NOTE, abbreviation="007",
                                 kind="think_tank", founded=1921, level="close",
                                 tags=["BRICS", "Partner"])
    person = make_person(db, name="Wang Yi", nationality="CN", gender="male",
                         notes="line1\nline2")
    position = affiliations.create_affiliation(db, {
        "person_id": person.id, "organization_id": long_org.id, "role": "Director",
        "start": "2020-01-15"})
    talk = make_interaction(db, organizations_=[long_org.id], people_=[person.id],
                            title="-minus title", start="2024-06-27", end="2024-06-28")
    follow = followups.create_followup(db, {"description": "@send report", "due": "2024-07-15",
                                            "organization_id": long_org.id,
                                            "interaction_id": talk.id})
    gone = make_organization(db, name="Deleted party")
    organizations.delete_organization(db, gone.id)
    return {"orgs": orgs, "noted": noted, "long": long_org, "person": person,
            "position": position, "talk": talk, "followup": follow, "gone": gone}


def test_text_round_trips_and_is_never_a_formula(db: Database, filled: dict[str, Any],
                                                 tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    export(db, path)
    wb = load_workbook(path)
    ws = wb["organizations"]
    header = [c.value for c in ws[1]]
    by_name = {}
    for row in ws.iter_rows(min_row=2):
        by_name[row[header.index("name")].value] = row
        for cell in row:
            assert cell.data_type != "f", f"{cell.coordinate} holds a formula"
    for name in HOSTILE_NAMES:
        cell = by_name[name][header.index("name")]
        assert cell.value == name
        assert cell.data_type == "s"
    notes_col = header.index("notes")
    id_col = header.index("id")
    for row in ws.iter_rows(min_row=2):
        record_id = row[id_col].value
        if record_id in filled["noted"]:
            # openpyxl does not decode OOXML's _xHHHH_ escapes (Excel and calamine do)
            assert decode_xstring(row[notes_col].value) == filled["noted"][record_id]
            assert row[notes_col].data_type == "s"
    long_row = by_name["Long notes"]
    assert long_row[notes_col].value == LONG_NOTE
    assert long_row[header.index("abbreviation")].value == "007"
    assert long_row[header.index("abbreviation")].data_type == "s"
    assert long_row[header.index("founded")].value == 1921
    assert long_row[header.index("tags")].value == "BRICS; Partner"
    # No formula anywhere in the file's XML.
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name)


def test_calamine_reads_the_same_text(db: Database, filled: dict[str, Any],
                                      tmp_path: Path) -> None:
    calamine = pytest.importorskip("python_calamine")
    path = tmp_path / "out.xlsx"
    export(db, path)
    rows = calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_name(
        "organizations").to_python()
    header = rows[0]
    values = {row[header.index("id")]: row for row in rows[1:]}
    names = {row[header.index("name")] for row in rows[1:]}
    assert set(HOSTILE_NAMES) <= names
    for record_id, note in filled["noted"].items():
        assert values[record_id][header.index("notes")] == note
    assert values[filled["long"].id][header.index("notes")] == LONG_NOTE
    dates = calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_name(
        "interactions").to_python()
    assert dates[1][dates[0].index("start")] == date(2024, 6, 27)


def test_xstring_escaping_is_reversible() -> None:
    for text in ["\rCR", "a\r\nb", "_x000D_", "_x005F_", "\x01bell", "plain", "_x12_"]:
        assert decode_xstring(encode_xstring(text)) == text


def test_relations_dates_and_deleted_records(db: Database, filled: dict[str, Any],
                                             tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    export(db, path)
    wb = load_workbook(path)
    orgs = sheet_dicts(wb["organizations"])
    assert filled["gone"].id not in {row["id"] for row in orgs}
    assert len(orgs) == len(HOSTILE_NAMES) + len(RAW_NOTES) + 1
    long_org, person = filled["long"], filled["person"]

    [position] = sheet_dicts(wb["positions"])
    assert position["id"] == filled["position"].id
    assert (position["person_id"], position["person"]) == (person.id, "Wang Yi")
    assert (position["organization_id"], position["organization"]) == (long_org.id,
                                                                        "Long notes")
    assert position["start"] == datetime(2020, 1, 15) and position["end"] is None

    [talk] = sheet_dicts(wb["interactions"])
    assert talk["title"] == "-minus title"
    assert talk["participants"] == "Long notes [participant]; Wang Yi [member]"
    assert talk["participant_ids"] == (f"organization:{long_org.id}:participant; "
                                       f"person:{person.id}:member")
    start_cell = wb["interactions"]["D2"]
    assert start_cell.is_date and start_cell.number_format == "yyyy-mm-dd"

    [follow] = sheet_dicts(wb["followups"])
    assert follow["description"] == "@send report"
    assert follow["due"] == datetime(2024, 7, 15)
    assert (follow["organization_id"], follow["interaction_id"]) == (long_org.id,
                                                                     filled["talk"].id)
    assert follow["interaction"] == "-minus title"

    [wang] = sheet_dicts(wb["people"])
    assert (wang["nationality"], wang["gender"], wang["notes"]) == ("CN", "male",
                                                                    "line1\nline2")


def test_layout_readme_rev_and_dropdowns(db: Database, filled: dict[str, Any],
                                         tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    export(db, path)
    wb = load_workbook(path)
    assert wb.sheetnames == ["README", "organizations", "levels", "people", "positions",
                             "interactions",
                             "followups", "visits", "members", "programme", "gifts", "events",
                             "sessions", "invitations", "delegates", "_lists"]
    assert wb["_lists"].sheet_state == "hidden"
    with db.reading() as session:
        meta = session.get(Meta, "database_id")
        assert meta is not None
        database_id = meta.value
    readme_text = "\n".join(str(v) for row in wb["README"].iter_rows(values_only=True)
                            for v in row if v)
    assert database_id in readme_text
    # the database by name, never by a local path (a folder often names its owner)
    assert db.title() in readme_text
    assert db.path is None or str(db.path.parent) not in readme_text
    # in both languages, whatever the interface's: the file travels between colleagues
    assert "How to edit" in readme_text and "如何编辑" in readme_text
    for spec in (ORGANIZATIONS, PEOPLE, POSITIONS, INTERACTIONS, FOLLOWUPS):
        ws = wb[spec.name]
        header = [c.value for c in ws[1]]
        assert header == [*spec.columns, "_rev"]
        assert header[0] == "id"
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:")
        rev_letter = ws.cell(1, len(header)).column_letter
        assert ws.column_dimensions[rev_letter].hidden
        for row in ws.iter_rows(min_row=2, values_only=True):
            assert isinstance(row[-1], str) and len(row[-1]) == 16
    validations = {str(dv.sqref).split(":")[0].rstrip("0123456789"): dv.formula1
                   for dv in wb["organizations"].data_validations.dataValidation}
    kind_letter = chr(ord("A") + ORGANIZATIONS.columns.index("kind"))
    country_letter = chr(ord("A") + ORGANIZATIONS.columns.index("country"))
    assert kind_letter in validations and country_letter in validations
    country_range = validations[country_letter]
    assert country_range.startswith("_lists!")
    codes = [row[0] for row in wb["_lists"].iter_rows(min_row=2, values_only=True) if row[0]]
    assert "CN" in codes and "KE" in codes
    interaction_rules = wb["interactions"].data_validations.dataValidation
    assert len(interaction_rules) == 2
    assert len(wb["followups"].data_validations.dataValidation) == 1


def test_rev_changes_with_the_record(db: Database, filled: dict[str, Any],
                                     tmp_path: Path) -> None:
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    export(db, first)
    export(db, second)
    revs = [{r["id"]: r["_rev"] for r in sheet_dicts(load_workbook(p)["organizations"])}
            for p in (first, second)]
    assert revs[0] == revs[1]
    organizations.update_organization(db, filled["long"].id, {"ideology": "Changed"},
                                      expected_version=filled["long"].version)
    export(db, second)
    changed = {r["id"]: r["_rev"] for r in sheet_dicts(load_workbook(second)["organizations"])}
    assert changed[filled["long"].id] != revs[0][filled["long"].id]
    untouched = filled["orgs"]["007"].id
    assert changed[untouched] == revs[0][untouched]


def test_cancel_leaves_no_file(db: Database, filled: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    with pytest.raises(InterruptedError):
        export(db, path, cancelled=lambda: True)
    assert list(tmp_path.glob("*.xlsx*")) == [] and not path.exists()
    # Stopping the generator half way leaves nothing either.
    steps = write_workbook(db, path)
    next(steps)
    steps.close()
    assert list(tmp_path.glob("*.xlsx*")) == []


def test_benchmark_can_narrow_the_export(db: Database, filled: dict[str, Any],
                                         tmp_path: Path) -> None:
    path = tmp_path / "narrow.xlsx"
    export(db, path, sheets=[ORGANIZATIONS.name], limit=2)
    book = load_workbook(path)
    assert ORGANIZATIONS.name in book.sheetnames and PEOPLE.name not in book.sheetnames
    assert len(sheet_dicts(book[ORGANIZATIONS.name])) == 2


def test_too_long_text_is_a_clear_error(sqlite_db: Database, tmp_path: Path) -> None:
    record = make_organization(sqlite_db, name="Verbose", notes="n")
    with sqlite_db.transaction() as session:
        session.execute(update(Organization).where(Organization.id == record.id)
                        .values(notes="x" * 32_768))
    path = tmp_path / "out.xlsx"
    with pytest.raises(LiaisonError, match="32,767"):
        export(sqlite_db, path)
    assert list(tmp_path.glob("*.xlsx*")) == []


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def test_cli_export(sqlite_path: Path, tmp_path: Path) -> None:
    code, _, err = run("--db", str(sqlite_path), "demo", "--size", "small")
    assert code == 0, err
    target = tmp_path / "export.xlsx"
    code, out, err = run("--db", str(sqlite_path), "export", str(target))
    assert code == 0, err
    assert "Exported" in out and target.exists()
    wb = load_workbook(target, read_only=True)
    assert wb.sheetnames[0] == "README"
    assert sum(1 for _ in wb["organizations"].iter_rows(min_row=2)) == 200


@pytest.mark.parametrize("where", ["missing/out.xlsx", "out.txt"])
def test_cli_export_bad_destination(sqlite_path: Path, tmp_path: Path, where: str) -> None:
    code, _, err = run("--db", str(sqlite_path), "export", str(tmp_path / where))
    assert code == 1
    assert err.count("\n") == 1 and "Traceback" not in err


def test_starter_register_exports_quickly(sqlite_path: Path, tmp_path: Path) -> None:
    assert run("--db", str(sqlite_path), "starter")[0] == 0
    started = time.perf_counter()
    code, _, err = run("--db", str(sqlite_path), "export", str(tmp_path / "starter.xlsx"))
    seconds = time.perf_counter() - started
    assert code == 0, err
    assert seconds < 10, f"the starter register took {seconds:.1f} s to export"


def test_a_few_of_many_interactions_read_as_in_the_whole_export(db: Database) -> None:
    """The benchmark's narrowed export reads a chunk's topics, participants and tags through
    the link tables' indexes (db.store.idlists); it must give exactly the rows of the whole path:
    the same order (newest first, ties by id descending), the same joined texts."""
    from db.exchange.export import rows as data
    from db.services import tags as tag_service

    parties = [make_organization(db, name=f"Party {n}") for n in range(3)]
    people_ = [make_person(db, name=f"Envoy {n}") for n in range(2)]
    for n in range(14):
        make_interaction(db, organizations_=[parties[n % 3].id, parties[(n + 1) % 3].id],
                         people_=[people_[n % 2].id], start=f"2024-06-{10 + n // 3:02d}",
                         topics=["food_security", "governance"][: n % 3],
                         tags=["Zeta", "Mid", "alpha"][: n % 3 + 1])
    with db.reading() as session:
        gone = session.execute(select(Tag.id).where(Tag.name == "Mid")).scalar_one()
    tag_service.delete_tag(db, gone)  # a deleted tag is left out on both paths
    with db.reading() as session:
        whole = list(data.interactions(session, data.Names(session)))
        few = list(data.interactions(session, data.Names(session), limit=3))  # 3 * 4 < 14
    assert len(whole) == 14 and few == whole[:3]
    starts = [(values[3], values[0]) for values, _ in whole]
    assert starts == sorted(starts, reverse=True)
    texts = {values[2]: values for values, _ in whole}
    assert any(v[8] == "Food security; Governance experience" for v in texts.values())
    assert {v[14] for v in texts.values()} == {"Zeta", "alpha; Zeta"}
    assert all(v[9] and "Party" in v[9] and "Envoy" in v[9] for v in texts.values())
