"""Export the database, edit the workbook as a colleague would, bring it back: exactly the
intended changes, and the `_rev` fingerprint's three-way comparison for rows changed in Liaison
meanwhile."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from db.exchange.export.writer import write_workbook
from db.exchange.imports.importer import apply_plan, build_plan, undo_import
from db.exchange.imports.plan import ImportOptions, plan_json
from db.services import affiliations, followups, interactions, organizations, people
from db.store.engine import Database
from tests.db.factories import make_interaction, make_organization, make_person


def export(db: Database, path: Path) -> Path:
    list(write_workbook(db, path))
    return path


def edit(path: Path, sheet: str, match: str, changes: dict[str, Any]) -> None:
    """Change cells of the row whose `name`/`title`/`description` equals `match`."""
    wb = load_workbook(path)
    ws = wb[sheet]
    headers = [c.value for c in ws[1]]
    key = next(h for h in ("name", "title", "description", "role") if h in headers)
    for row in ws.iter_rows(min_row=2):
        if row[headers.index(key)].value == match:
            for column, value in changes.items():
                row[headers.index(column)].value = value
            break
    else:
        raise AssertionError(f"no row {match!r} on {sheet}")
    wb.save(path)


def append(path: Path, sheet: str, values: dict[str, Any]) -> None:
    wb = load_workbook(path)
    ws = wb[sheet]
    headers = [c.value for c in ws[1]]
    ws.append([values.get(h) for h in headers])
    wb.save(path)


def small_world(db: Database) -> dict[str, Any]:
    cpc = make_organization(db, name="中国共产党", name_en="Communist Party of China",
                            abbreviation="CPC", country="CN", founded=1921, tags=["BRICS"])
    anc = make_organization(db, name="African National Congress", abbreviation="ANC",
                            country="ZA", notes="line one\nline two", level="close")
    person = make_person(db, name="Fikile Mbalula", nationality="ZA", title="Secretary-General")
    position = affiliations.create_affiliation(db, {"person_id": person.id,
                                                    "organization_id": anc.id,
                                                    "role": "Secretary-General",
                                                    "start": "2022-12-20"})
    talk = make_interaction(db, organizations_=[cpc.id, anc.id], people_=[person.id],
                            title="Party-to-party talks", start="2024-06-27",
                            summary="=SUM(A1) is text here")
    follow = followups.create_followup(db, {"description": "Send the seminar report",
                                            "due": "2024-07-15", "organization_id": anc.id,
                                            "interaction_id": talk.id})
    return {"cpc": cpc, "anc": anc, "person": person, "position": position, "talk": talk,
            "followup": follow}


def test_an_untouched_export_comes_back_unchanged(db: Database, tmp_path: Path) -> None:
    small_world(db)
    path = export(db, tmp_path / "liaison.xlsx")
    plan = build_plan(db, path)
    assert plan.kind == "workbook"
    assert not plan.errors, plan.errors
    assert {r.action for r in plan.rows} == {"unchanged"}, [
        (r.sheet, r.row, r.action, r.changes) for r in plan.rows if r.action != "unchanged"]
    assert len(plan.rows) == 7  # with the one level change (the levels sheet)
    assert not plan.writes


def test_edits_in_a_spreadsheet_come_back_exactly(db: Database, tmp_path: Path) -> None:
    world = small_world(db)
    path = export(db, tmp_path / "liaison.xlsx")
    edit(path, "organizations", "African National Congress",
         {"name_zh": "非洲人国民大会", "notes": None, "tags": "Partner; 金砖"})
    edit(path, "people", "Fikile Mbalula", {"title": "Secretary-General of the ANC"})
    edit(path, "interactions", "Party-to-party talks",
         {"participants": "CPC [host]; ANC", "outcomes": "Agreed a cadre exchange"})
    edit(path, "followups", "Send the seminar report", {"status": "done"})
    append(path, "organizations", {"name": "Frelimo", "country": "MZ", "kind": "party"})
    plan = build_plan(db, path)
    assert not plan.errors, plan.errors
    actions = {(r.sheet, r.action) for r in plan.rows if r.action != "unchanged"}
    assert actions == {("organizations", "update"), ("organizations", "create"),
                       ("people", "update"), ("interactions", "update"),
                       ("followups", "update")}
    anc_row = next(r for r in plan.rows if r.id == world["anc"].id)
    assert {c.field for c in anc_row.changes} == {"name_zh", "notes", "tags"}
    result = apply_plan(db, plan)

    anc = organizations.get_organization(db, world["anc"].id)
    assert anc.name_zh == "非洲人国民大会" and anc.notes is None
    assert set(anc.tags) == {"Partner", "金砖"}
    assert anc.level == "close"  # untouched fields stay
    talk = interactions.get_interaction(db, world["talk"].id)
    assert talk.outcomes == "Agreed a cadre exchange"
    assert talk.summary == "=SUM(A1) is text here"
    roles = {(p.organization_id or p.person_id, p.role) for p in talk.participants}
    assert roles == {(world["cpc"].id, "host"), (world["anc"].id, "participant")}
    assert followups.get_followup(db, world["followup"].id).status == "done"
    assert people.get_person(db, world["person"].id).title == "Secretary-General of the ANC"

    # Exported again and brought back: nothing more to do.
    again = build_plan(db, export(db, tmp_path / "again.xlsx"))
    assert {r.action for r in again.rows} == {"unchanged"}

    undo_import(db, result.batch_id)
    anc = organizations.get_organization(db, world["anc"].id)
    assert anc.name_zh is None and anc.notes == "line one\nline two"
    assert set(anc.tags) == set()
    talk = interactions.get_interaction(db, world["talk"].id)
    assert {p.role for p in talk.participants} == {"participant", "member"}


def test_three_way_comparison_with_changes_made_in_liaison(db: Database, tmp_path: Path) -> None:
    world = small_world(db)
    path = export(db, tmp_path / "liaison.xlsx")
    # After the export, Liaison changes three records…
    anc = organizations.get_organization(db, world["anc"].id)
    organizations.update_organization(db, anc.id, {"ideology": "Social democracy"},
                                      expected_version=anc.version)
    cpc = organizations.get_organization(db, world["cpc"].id)
    organizations.update_organization(db, cpc.id, {"website": "https://www.12371.cn",
                                                   "ideology": "Marxism"},
                                      expected_version=cpc.version)
    # …and the file changes one of them on other fields, and another on the same field.
    edit(path, "organizations", "中国共产党", {"notes": "Edited on the plane"})
    edit(path, "organizations", "African National Congress", {"ideology": "Progressive"})
    edit(path, "people", "Fikile Mbalula", {"title": "SG"})
    plan = build_plan(db, path)
    by_id = {r.id: r for r in plan.rows}
    merged = by_id[cpc.id]  # different fields changed on each side: both kept
    assert merged.action == "update" and [c.field for c in merged.changes] == ["notes"]
    conflict = by_id[anc.id]  # the same field changed on both sides
    assert conflict.action == "conflict" and not conflict.changes
    (field,) = conflict.conflicts
    assert (field.field, field.exported, field.file, field.database) == (
        "ideology", None, "Progressive", "Social democracy")
    assert by_id[world["person"].id].action == "update"
    assert [c["fields"][0]["field"] for c in plan_json(plan)["conflicts"]] == ["ideology"]
    apply_plan(db, plan)
    assert organizations.get_organization(db, anc.id).ideology == "Social democracy"
    cpc_now = organizations.get_organization(db, cpc.id)
    assert (cpc_now.website, cpc_now.ideology, cpc_now.notes) == (
        "https://www.12371.cn", "Marxism", "Edited on the plane")

    # The same file again: only the open conflict remains; choosing the file's value ends it.
    again = build_plan(db, path)
    assert [r.action for r in again.rows if r.action != "unchanged"] == ["conflict"]
    chosen = build_plan(db, path, ImportOptions(resolutions={(anc.id, "ideology"): "file"}))
    apply_plan(db, chosen)
    assert organizations.get_organization(db, anc.id).ideology == "Progressive"
    assert {r.action for r in build_plan(db, path).rows} == {"unchanged"}


def test_rows_deleted_from_the_sheet_are_only_proposed(db: Database, tmp_path: Path) -> None:
    world = small_world(db)
    path = export(db, tmp_path / "liaison.xlsx")
    wb = load_workbook(path)
    ws = wb["followups"]
    ws.delete_rows(2)
    wb.save(path)
    later = make_organization(db, name="Created after the export")
    plan = build_plan(db, path)
    deletions = plan.deletions
    assert [(r.entity, r.id) for r in deletions] == [("followup", world["followup"].id)]
    assert later.id not in {r.id for r in plan.rows}
    assert not plan.writes
    assert plan_json(plan)["proposed_deletions"][0]["id"] == world["followup"].id
    accepted = build_plan(db, path, ImportOptions(apply_deletions=True))
    result = apply_plan(db, accepted)
    assert followups.list_followups(db, open_only=False).total == 0
    undo_import(db, result.batch_id)
    assert followups.get_followup(db, world["followup"].id).description == \
        "Send the seminar report"


def test_positions_and_rows_added_in_the_file(db: Database, tmp_path: Path) -> None:
    world = small_world(db)
    path = export(db, tmp_path / "liaison.xlsx")
    append(path, "people", {"name": "Gwede Mantashe", "nationality": "ZA"})
    append(path, "positions", {"person": "Gwede Mantashe",
                               "organization": "African National Congress",
                               "role": "National Chairperson"})
    edit(path, "positions", "Secretary-General", {"end": "2027-12-31"})
    plan = build_plan(db, path)
    assert not plan.errors, plan.errors
    apply_plan(db, plan)
    positions = affiliations.list_affiliations(db, organization_id=world["anc"].id)
    assert {p.role for p in positions} == {"Secretary-General", "National Chairperson"}
    ended = next(p for p in positions if p.id == world["position"].id)
    assert str(ended.end) == "2027-12-31"
