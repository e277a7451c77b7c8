"""`liaison import` and `liaison undo-import` as scripts use them: the JSON contract of
DESIGN.md, exit codes, nothing written on errors, one clear sentence for a bad file."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from db.cli.main import main
from db.seed.opening import open_database
from db.services.organizations import OrganizationFilter, list_organizations
from tests.db.test_import import PARTIES, write_csv, write_xlsx


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def names(path: Path) -> set[str]:
    db = open_database(path)
    try:
        return {o.name for o in list_organizations(db, OrganizationFilter(), limit=100).items}
    finally:
        db.close()


def test_import_json_then_undo(tmp_path: Path) -> None:
    database = tmp_path / "liaison.sqlite3"
    assert run("init", str(database))[0] == 0
    source = write_xlsx(tmp_path / "parties.xlsx", PARTIES, title="名单", column_offset=1)
    code, out, err = run("--db", str(database), "import", str(source), "--dry-run", "--json")
    assert code == 0, err
    report: dict[str, Any] = json.loads(out)
    assert report["organizations"] == {"created": 4, "updated": 0, "unchanged": 0, "skipped": 0}
    assert report["errors"] == [] and report["conflicts"] == [] and report["batch_id"] is None
    assert {row["action"] for row in report["rows"]} == {"created"}
    assert report["rows"][0]["sheet"] == "Sheet1" and report["rows"][0]["row"] == 5
    assert names(database) == set()  # a dry run writes nothing

    code, out, err = run("--db", str(database), "import", str(source), "--json")
    assert code == 0, err
    batch = json.loads(out)["batch_id"]
    assert batch and len(names(database)) == 4

    code, out, _err = run("--db", str(database), "import", str(source), "--json")
    assert json.loads(out)["organizations"]["unchanged"] == 4

    code, out, err = run("--db", str(database), "undo-import", batch)
    assert code == 0 and "4 records removed" in out
    assert names(database) == set()
    code, _out, err = run("--db", str(database), "undo-import", batch)
    assert code == 1 and "already undone" in err


def test_errors_write_nothing_unless_invalid_rows_are_skipped(tmp_path: Path) -> None:
    database = tmp_path / "liaison.sqlite3"
    assert run("init", str(database))[0] == 0
    source = write_csv(tmp_path / "list.csv", [["Party", "Country", "Founded"],
                                               ["Frelimo", "MZ", "1962"],
                                               ["Narnia Party", "Narnia", "1950"]])
    code, out, err = run("--db", str(database), "import", str(source), "--json")
    assert code == 1
    report = json.loads(out)
    assert report["errors"] == [{"sheet": "list", "row": 3, "column": "Country",
                                 "message": report["errors"][0]["message"]}]
    assert "Narnia" in report["errors"][0]["message"]
    assert names(database) == set()
    code, out, err = run("--db", str(database), "import", str(source), "--skip-invalid")
    assert code == 0, err
    assert names(database) == {"Frelimo"}


def test_map_and_day_order_flags(tmp_path: Path) -> None:
    database = tmp_path / "liaison.sqlite3"
    assert run("init", str(database))[0] == 0
    run("--db", str(database), "import", str(write_csv(tmp_path / "o.csv", [
        ["Party", "Abbreviation"], ["Communist Party of China", "CPC"]])))
    source = write_csv(tmp_path / "visits.csv", [["When", "What", "Who"],
                                                 ["03/04/2024", "Talks", "CPC"]])
    code, _out, err = run("--db", str(database), "import", str(source), "--as", "interactions",
                          "--map", "When=start", "--map", "What=title",
                          "--map", "Who=participants")
    assert code == 1 and "day or the month" in err
    code, out, err = run("--db", str(database), "import", str(source), "--as", "interactions",
                         "--map", "When=start", "--map", "What=title",
                         "--map", "Who=participants", "--dayfirst", "--json")
    assert code == 0, err
    assert json.loads(out)["interactions"]["created"] == 1


def test_bad_input_is_one_sentence(tmp_path: Path) -> None:
    database = tmp_path / "liaison.sqlite3"
    garbage = tmp_path / "contacts.xlsx"
    garbage.write_bytes(b"this is not a spreadsheet at all")
    for argv in (["import", str(garbage)], ["import", str(tmp_path / "missing.xlsx")],
                 ["undo-import", "0b8e9d3c-0000-4000-8000-000000000000"],
                 ["import", str(garbage), "--map", "nonsense"]):
        code, out, err = run("--db", str(database), *argv)
        assert code == 1 and out == "", argv
        lines = err.strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in err, (argv, err)
        assert "unexpected error" not in err, err
