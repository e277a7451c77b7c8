"""An organization's level history travels in the Liaison workbook (issue 18): the levels sheet
is exported with ids, the organization's id and name, a dropdown of levels, date cells and the
hidden `_rev`; edited in a spreadsheet it comes back with three-way conflicts, "one change a
day" checked over the plan at its row and column, and an undo. Every import keeps the history:
a level set by a colleague's list of parties, or changed on the workbook's organizations
sheet, is a change effective today — unless the levels sheet of the same file says so. On
SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from db.exchange.export.writer import write_workbook
from db.exchange.imports.importer import apply_plan, build_plan, undo_import
from db.exchange.imports.plan import ImportOptions, Plan
from db.exchange.workbook import LEVELS
from db.services import levels, organizations
from db.store.engine import Database
from db.store.errors import LiaisonError
from tests.db.factories import make_organization

AGREEMENT = date(2024, 1, 1)


@pytest.fixture
def parties(db: Database) -> dict[str, str]:
    """The ANC: regular contact, then a strategic partner since an agreement; the CPV: close
    partner (the level it was created with is its history's first entry)."""
    anc = make_organization(db, name="African National Congress", country="ZA",
                            level="regular")
    cpv = make_organization(db, name="Communist Party of Vietnam", country="VN", level="close")
    first = levels.level_history(db, anc.id)[0]
    levels.update_level_change(db, first.id, {"effective": date(2015, 5, 1)},
                               expected_version=None)
    agreement = levels.change_level(db, anc.id, "strategic", effective=AGREEMENT,
                                    reason="Party-to-party agreement")
    return {"anc": anc.id, "cpv": cpv.id, "first": first.id, "agreement": agreement.id}


def export(db: Database, path: Path) -> Path:
    list(write_workbook(db, path))
    return path


def row_of(ws: Any, column: str, value: Any) -> int:
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
    return int(ws.max_row)


def changed(plan: Plan) -> set[tuple[str, str]]:
    return {(r.sheet, r.action) for r in plan.rows if r.action not in ("unchanged", "skip")}


def history(db: Database, organization: str) -> list[tuple[str, date, str | None]]:
    return [(c.level, c.effective, c.reason) for c in levels.level_history(db, organization)]


def test_the_levels_sheet(db: Database, parties: dict[str, str], tmp_path: Path) -> None:
    wb = load_workbook(export(db, tmp_path / "out.xlsx"))
    assert wb.sheetnames[:4] == ["README", "organizations", "levels", "people"]
    ws = wb["levels"]
    assert [c.value for c in ws[1]] == [*LEVELS.columns, "_rev"]
    rows = [dict(zip(LEVELS.headers, row, strict=True))
            for row in ws.iter_rows(min_row=2, values_only=True)]
    assert [(r["organization"], r["level"], r["effective"].date(), r["reason"])
            for r in rows] == [
        ("African National Congress", "regular", date(2015, 5, 1), None),
        ("African National Congress", "strategic", AGREEMENT, "Party-to-party agreement"),
        ("Communist Party of Vietnam", "close", date.today(), None)]
    assert rows[0]["organization_id"] == parties["anc"] and rows[0]["id"] == parties["first"]
    assert ws["E2"].is_date
    assert ws.column_dimensions["G"].hidden  # _rev
    rules = {str(rule.sqref): rule.formula1 for rule in ws.data_validations.dataValidation}
    assert any(ref.startswith("D2") for ref in rules)  # the level's dropdown
    readme = " ".join(str(c.value) for row in wb["README"].iter_rows() for c in row if c.value)
    assert "levels holds each organization's relationship level over time" in readme
    assert "levels 表列出每个组织关系层级的历次变化" in readme


def test_the_workbook_comes_back_unchanged(db: Database, parties: dict[str, str],
                                           tmp_path: Path) -> None:
    plan = build_plan(db, export(db, tmp_path / "out.xlsx"))
    assert not plan.errors, plan.errors
    assert changed(plan) == set()
    assert plan.counts()["levels"]["unchanged"] == 3


def test_edits_and_new_rows_come_back_and_undo(db: Database, parties: dict[str, str],
                                               tmp_path: Path) -> None:
    path = export(db, tmp_path / "out.xlsx")
    edit(path, "levels", "id", parties["agreement"], {"reason": "Agreement signed in Pretoria"})
    append(path, "levels", {"organization": "Communist Party of Vietnam", "level": "strategic",
                            "effective": date(2025, 3, 1), "reason": "Congress"})
    # a level added in the past for the CPV: its history's latest is still today's "close"
    plan = build_plan(db, path)
    assert not plan.errors, plan.errors
    assert changed(plan) == {("levels", "update"), ("levels", "create")}
    result = apply_plan(db, plan)
    assert history(db, parties["anc"])[0] == ("strategic", AGREEMENT,
                                              "Agreement signed in Pretoria")
    assert history(db, parties["cpv"]) == [("close", date.today(), None),
                                           ("strategic", date(2025, 3, 1), "Congress")]
    assert changed(build_plan(db, path)) == set()  # the same file again changes nothing
    undo_import(db, result.batch_id)
    assert history(db, parties["anc"])[0][2] == "Party-to-party agreement"
    assert history(db, parties["cpv"]) == [("close", date.today(), None)]


def test_a_change_entered_in_the_sheet_moves_the_level(db: Database, parties: dict[str, str],
                                                       tmp_path: Path) -> None:
    path = export(db, tmp_path / "out.xlsx")
    # the agreement taken back: the ANC's level is "regular" again
    wb = load_workbook(path)
    wb["levels"].delete_rows(row_of(wb["levels"], "id", parties["agreement"]))
    wb.save(path)
    plan = build_plan(db, path, ImportOptions(apply_deletions=True))
    assert ("levels", "delete") in changed(plan)
    result = apply_plan(db, plan)
    assert organizations.get_organization(db, parties["anc"]).level == "regular"
    undo_import(db, result.batch_id)
    assert organizations.get_organization(db, parties["anc"]).level == "strategic"


def test_a_field_changed_in_both_places_is_a_conflict(db: Database, parties: dict[str, str],
                                                      tmp_path: Path) -> None:
    path = export(db, tmp_path / "out.xlsx")
    edit(path, "levels", "id", parties["agreement"], {"reason": "Signed in Pretoria"})
    levels.update_level_change(db, parties["agreement"], {"reason": "Signed in Beijing"},
                               expected_version=None)
    plan = build_plan(db, path)
    [row] = [r for r in plan.rows if r.id == parties["agreement"]]
    assert row.action == "conflict"
    [conflict] = row.conflicts
    assert (conflict.field, conflict.exported, conflict.file, conflict.database) == (
        "reason", "Party-to-party agreement", "Signed in Pretoria", "Signed in Beijing")
    apply_plan(db, plan)
    assert history(db, parties["anc"])[0][2] == "Signed in Beijing"
    apply_plan(db, build_plan(db, path, ImportOptions(
        resolutions={(parties["agreement"], "reason"): "file"})))
    assert history(db, parties["anc"])[0][2] == "Signed in Pretoria"


def test_one_change_a_day_is_checked_over_the_plan(db: Database, parties: dict[str, str],
                                                   tmp_path: Path) -> None:
    path = export(db, tmp_path / "out.xlsx")
    # a row moved onto the day the first entry holds, and two new rows on one day
    moved = edit(path, "levels", "id", parties["agreement"], {"effective": date(2015, 5, 1)})
    append(path, "levels", {"organization_id": parties["cpv"],
                            "organization": "Communist Party of Vietnam", "level": "initial",
                            "effective": date(2010, 1, 1)})
    second = append(path, "levels", {"organization": "Communist Party of Vietnam",
                                     "level": "regular", "effective": date(2010, 1, 1)})
    unknown = append(path, "levels", {"organization": "Nobody's Party", "level": "close",
                                      "effective": date(2020, 1, 1)})
    plan = build_plan(db, path)
    located = {(e.sheet, e.row, e.column) for e in plan.errors}
    assert ("levels", moved, "effective") in located
    assert ("levels", unknown, "organization") in located
    # the second row of one day is the same record (natural keys): a warning, not a clash
    assert any(w.row == second for w in plan.warnings)
    assert any("already changed on 2015-05-01" in e.message for e in plan.errors)
    before = history(db, parties["anc"])
    with pytest.raises(LiaisonError):
        apply_plan(db, plan)
    assert history(db, parties["anc"]) == before


def test_a_row_moved_onto_a_day_of_another_new_row_is_refused(
        db: Database, parties: dict[str, str], tmp_path: Path) -> None:
    path = export(db, tmp_path / "out.xlsx")
    edit(path, "levels", "id", parties["first"], {"effective": date(2020, 6, 1)})
    clash = edit(path, "levels", "id", parties["agreement"], {"effective": date(2020, 6, 1)})
    plan = build_plan(db, path)
    assert [(e.row, e.column) for e in plan.errors] == [(clash, "effective")]


# -- imports keep the history ---------------------------------------------------------------

def test_a_colleagues_list_of_parties_with_levels_leaves_one_entry_each(
        db: Database, parties: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "parties.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.append(["Party", "Country", "Relationship level"])
    ws.append(["Frente Amplio", "UY", "initial"])  # new
    ws.append(["Communist Party of Vietnam", "VN", "strategic"])  # changed
    ws.append(["African National Congress", "ZA", "strategic"])  # as it is
    wb.save(path)
    plan = build_plan(db, path, ImportOptions(on_duplicate="update"))
    assert not plan.errors, plan.errors
    result = apply_plan(db, plan)
    new = next(o for o in organizations.list_organizations(db).items
               if o.name == "Frente Amplio")
    assert history(db, new.id) == [("initial", date.today(), None)]
    assert history(db, parties["cpv"]) == [("strategic", date.today(), None)]  # corrected
    assert organizations.get_organization(db, parties["cpv"]).level == "strategic"
    assert len(history(db, parties["anc"])) == 2
    undo_import(db, result.batch_id)
    assert history(db, parties["cpv"]) == [("close", date.today(), None)]
    assert organizations.get_organization(db, parties["cpv"]).level == "close"


def test_a_level_changed_on_the_organizations_sheet_is_a_change_today(
        db: Database, parties: dict[str, str], tmp_path: Path) -> None:
    path = export(db, tmp_path / "out.xlsx")
    edit(path, "organizations", "id", parties["anc"], {"level": "close"})
    result = apply_plan(db, build_plan(db, path))
    assert history(db, parties["anc"])[0] == ("close", date.today(), None)
    assert len(history(db, parties["anc"])) == 3
    assert organizations.get_organization(db, parties["anc"]).level == "close"
    undo_import(db, result.batch_id)
    assert len(history(db, parties["anc"])) == 2
    assert organizations.get_organization(db, parties["anc"]).level == "strategic"


def test_unless_the_levels_sheet_of_the_same_file_says_so(db: Database,
                                                          parties: dict[str, str],
                                                          tmp_path: Path) -> None:
    path = export(db, tmp_path / "out.xlsx")
    edit(path, "organizations", "id", parties["anc"], {"level": "close"})
    append(path, "levels", {"organization_id": parties["anc"],
                            "organization": "African National Congress", "level": "close",
                            "effective": date(2025, 9, 1), "reason": "Cooled after the row"})
    apply_plan(db, build_plan(db, path))
    assert history(db, parties["anc"])[0] == ("close", date(2025, 9, 1),
                                              "Cooled after the row")
    assert len(history(db, parties["anc"])) == 3  # no second entry for today
    assert organizations.get_organization(db, parties["anc"]).level == "close"
