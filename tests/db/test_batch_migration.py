"""Batches recorded before the one undo (schema 0005) still undo after it: an import and a merge
saved by Liaison 0005 (tests/fixtures/batches-0005.sqlite3, made by
scripts/make_batches_fixture.py) are upgraded, listed, and taken back by `liaison undo`."""

from __future__ import annotations

import json
import shutil
import sqlite3
from io import StringIO
from pathlib import Path

import pytest

from db.cli.main import main
from db.seed.opening import open_database
from db.services import interactions, organizations, people
from db.services.check import check_database
from db.services.organizations import OrganizationFilter, list_organizations
from db.services.tags import list_tags

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "batches-0005.sqlite3"
IMPORT = "01a241ce-4a5d-7000-97d2-c780ebed2276"  # partners.csv: 2 parties added, the ANC updated
MERGE = "01a241ce-4bd6-7000-8b07-c21935e3c4ea"  # travel.sqlite3: 1 party, 1 tag, 2 records edited
ANC = "00000000-0000-4000-8000-000000000003"
BENALI = "00000000-0000-4000-8000-000000000102"
CALL = "00000000-0000-4000-8000-000000000303"
COPIED = ("01a241ce-4ab2-7000-aed1-dd8c16e426b5", "01a241ce-4ac5-7000-a1fb-15b37480dea4",
          "01a241ce-4ace-7000-9769-1305f1bd3d73", "01a241ce-4ad1-7000-8bbf-1e464d72878c",
          "01a241ce-4ad2-7000-98a2-9ef92a4fc579", "01a241ce-4ae1-7000-b0c3-8a81742ec00f")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    code = main(list(argv), out=out, err=err)
    assert "Traceback" not in out.getvalue() + err.getvalue()
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def old(tmp_path: Path) -> Path:
    path = tmp_path / "liaison.sqlite3"
    shutil.copyfile(FIXTURE, path)
    return path


def undo_data(path: Path) -> dict[str, object]:
    connection = sqlite3.connect(path)
    try:
        return {batch: json.loads(text) if text else None for batch, text in connection.execute(
            "SELECT id, undo_data FROM import_batches WHERE kind IN ('import', 'merge')")}
    finally:
        connection.close()


def names(path: Path) -> set[str]:
    db = open_database(path)
    try:
        return {o.name for o in list_organizations(db, OrganizationFilter(), limit=100).items}
    finally:
        db.close()


def test_the_fixture_holds_batches_as_0005_recorded_them() -> None:
    saved = undo_data(FIXTURE)
    assert set(saved) == {IMPORT, MERGE}
    assert set(saved[IMPORT]) == {"created", "updated", "deleted", "tags_created"}  # type: ignore[arg-type]
    assert "log" in saved[MERGE] and "copied" not in saved[MERGE]  # type: ignore[operator]


def test_the_upgrade_converts_the_undo_data(old: Path) -> None:
    open_database(old).close()
    converted = undo_data(old)
    assert converted[IMPORT] is None, "the change log holds what an import's undo needs"
    merge = converted[MERGE]
    assert isinstance(merge, dict) and merge["other"] == "travel.sqlite3"
    assert sorted(row for rows in merge["copied"].values() for row in rows) == sorted(COPIED)


def test_an_import_and_a_merge_of_0005_undo_after_the_upgrade(old: Path) -> None:
    assert {"Frente Amplio", "Partido Socialista de Chile", "Movimiento al Socialismo"} <= \
        names(old)
    code, out, err = run("--db", str(old), "batches", "--json")
    assert code == 0, err
    listed = {b["id"]: b for b in json.loads(out)}
    assert listed[IMPORT]["what"] == "the import of partners.csv"
    assert listed[IMPORT]["changes"] == {"organizations": {"created": 2, "updated": 1}}
    assert listed[MERGE]["changes"] == {"tags": {"created": 1}, "organizations": {"created": 1},
                                        "people": {"updated": 1},
                                        "interactions": {"updated": 1}}

    code, out, err = run("--db", str(old), "undo", IMPORT)
    assert (code, err) == (0, "")
    assert out.strip() == (f"Undid batch {IMPORT}: 2 records removed, 1 restored to their "
                           "earlier values.")
    code, out, err = run("--db", str(old), "undo-merge", MERGE)
    assert (code, err) == (0, "")
    assert "2 records removed, 2 restored" in out

    assert not {"Frente Amplio", "Partido Socialista de Chile", "Movimiento al Socialismo"} & \
        names(old)
    db = open_database(old)
    try:
        anc = organizations.get_organization(db, ANC)
        assert (anc.level, anc.notes) == ("strategic", None)
        assert people.get_person(db, BENALI).title == "International Secretary"
        call = interactions.get_interaction(db, CALL)
        assert (call.summary, call.topics, call.tags) == (None, ("Green development",), ())
        assert "Latin America desk" not in {t.name for t in list_tags(db)}
        assert check_database(db) == []
    finally:
        db.close()
    connection = sqlite3.connect(old)
    try:
        left = connection.execute("SELECT COUNT(*) FROM changelog WHERE id IN "
                                  f"({', '.join('?' * len(COPIED))})", COPIED).fetchone()[0]
    finally:
        connection.close()
    assert left == 0, "the rows the merge copied went with it"
    code, out, _err = run("--db", str(old), "batches", "--json", "--kind", "undo")
    assert [b["what"] for b in json.loads(out)] == [
        "the undo of the merge from travel.sqlite3", "the undo of the import of partners.csv"]
    code, _out, err = run("--db", str(old), "undo", IMPORT)
    assert code == 1 and "already undone" in err
