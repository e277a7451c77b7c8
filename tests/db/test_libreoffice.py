"""The Liaison workbook through a real spreadsheet program: LibreOffice Calc, headless.

A re-saved export must come back as "unchanged", and edits made inside LibreOffice must import
exactly like the same edits scripted into the file. These tests need LibreOffice Calc and its
Python bridge (Debian: libreoffice-calc-nogui python3-uno; .ci/run installs them); without them
they fail loudly instead of skipping."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from db.exchange.export.writer import write_workbook
from db.exchange.imports.importer import apply_plan, build_plan
from db.services import followups, organizations
from db.store.engine import Database
from tests.db.test_roundtrip import append, edit, export, small_world

EDITOR = Path(__file__).resolve().parents[1] / "libreoffice_edit.py"
SYSTEM_PYTHON = "/usr/bin/python3"
EDITS: list[dict[str, Any]] = [
    {"sheet": "organizations", "find_column": "name", "find": "African National Congress",
     "column": "name_zh", "value": "非洲人国民大会"},
    {"sheet": "organizations", "find_column": "name", "find": "African National Congress",
     "column": "notes", "value": None},
    {"sheet": "organizations", "find_column": "name", "find": "中国共产党",
     "column": "tags", "value": "BRICS; 金砖"},
    {"sheet": "people", "find_column": "name", "find": "Fikile Mbalula",
     "column": "title", "value": "@Secretary-General"},
    {"sheet": "followups", "find_column": "description", "find": "Send the seminar report",
     "column": "status", "value": "done"},
    {"sheet": "organizations", "append": {"name": "Frelimo", "country": "MZ", "kind": "party",
                                          "founded": 1962}},
]


@pytest.fixture(scope="module")
def soffice() -> str:
    path = shutil.which("soffice")
    ready = path is not None and subprocess.run(
        [SYSTEM_PYTHON, "-c", "import uno"], capture_output=True, check=False).returncode == 0
    if not ready or path is None:
        pytest.fail("LibreOffice Calc and its Python bridge are needed for this test: "
                    "apt-get install libreoffice-calc-nogui python3-uno")
    return path


def resave(soffice: str, source: Path, folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    subprocess.run([soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                    "--headless", "--convert-to", "xlsx", "--outdir", str(folder), str(source)],
                   check=True, capture_output=True, timeout=180)
    return folder / source.name


def edit_in_libreoffice(source: Path, target: Path, edits: list[dict[str, Any]],
                        folder: Path, password: str | None = None) -> Path:
    plan = folder / "edits.json"
    plan.write_text(json.dumps(edits, ensure_ascii=False), encoding="utf-8")
    environment = dict(os.environ)
    if password:
        environment["LIAISON_LO_PASSWORD"] = password
    result = subprocess.run([SYSTEM_PYTHON, str(EDITOR), str(source), str(target), str(plan),
                             str(folder / "uno-profile")], capture_output=True, text=True,
                            timeout=240, check=False, env=environment)
    assert result.returncode == 0, result.stderr[-2000:]
    return target


def outcome(plan: Any) -> set[tuple[Any, ...]]:
    """What a plan would do, independent of row numbers and new ids."""
    found = set()
    for row in plan.rows:
        if row.action == "create":
            found.add((row.sheet, "create", row.values.get("name")))
        elif row.action != "unchanged":
            found.add((row.sheet, row.action, row.id,
                       tuple(sorted((c.field, repr(c.after)) for c in row.changes))))
    return found


def test_an_export_saved_again_by_libreoffice_comes_back_unchanged(
        soffice: str, db: Database, tmp_path: Path) -> None:
    small_world(db)
    saved = resave(soffice, export(db, tmp_path / "liaison.xlsx"), tmp_path / "calc")
    plan = build_plan(db, saved)
    assert plan.kind == "workbook" and not plan.errors, plan.errors
    assert {r.action for r in plan.rows} == {"unchanged"}, [
        (r.sheet, r.row, r.action, r.changes) for r in plan.rows if r.action != "unchanged"]
    assert not plan.deletions


def test_edits_made_in_libreoffice_import_like_scripted_edits(
        soffice: str, db: Database, tmp_path: Path) -> None:
    world = small_world(db)
    exported = export(db, tmp_path / "liaison.xlsx")
    scripted = tmp_path / "scripted.xlsx"
    shutil.copyfile(exported, scripted)
    for item in EDITS:
        if "append" in item:
            append(scripted, item["sheet"], item["append"])
        else:
            edit(scripted, item["sheet"], item["find"], {item["column"]: item["value"]})
    in_calc = edit_in_libreoffice(exported, tmp_path / "calc.xlsx", EDITS, tmp_path)

    expected = build_plan(db, scripted)
    plan = build_plan(db, in_calc)
    assert not plan.errors and not expected.errors, (plan.errors, expected.errors)
    assert outcome(plan) == outcome(expected)
    assert {r.action for r in plan.rows} == {"unchanged", "update", "create"}

    apply_plan(db, plan)
    anc = organizations.get_organization(db, world["anc"].id)
    assert anc.name_zh == "非洲人国民大会" and anc.notes is None
    assert set(organizations.get_organization(db, world["cpc"].id).tags) == {"BRICS", "金砖"}
    assert followups.get_followup(db, world["followup"].id).status == "done"
    frelimo = [o for o in organizations.list_organizations(
        db, organizations.OrganizationFilter(query="Frelimo")).items]
    assert [(o.country, o.founded) for o in frelimo] == [("MZ", "1962")]
    # The same file a second time: nothing more to do.
    assert not build_plan(db, in_calc).writes


def test_a_protected_export_opens_in_libreoffice_and_comes_back(
        soffice: str, db: Database, tmp_path: Path) -> None:
    """A workbook exported with a password (Office's encryption, as Excel and WPS write it)
    opens in Calc with that password, and what is edited there comes back."""
    small_world(db)
    exported = tmp_path / "protected.xlsx"
    list(write_workbook(db, exported, password="chá às seis"))
    edits = [item for item in EDITS if item.get("column") == "name_zh"]
    in_calc = edit_in_libreoffice(exported, tmp_path / "calc.xlsx", edits, tmp_path,
                                  password="chá às seis")
    plan = build_plan(db, in_calc)
    assert not plan.errors, plan.errors
    changed = [(row.sheet, change.field, change.after) for row in plan.rows
               for change in row.changes]
    assert changed == [("organizations", "name_zh", "非洲人国民大会")]
