"""An import whose rows all match records already in the register (issue 13, item 6): under
the default policy nothing is written, and the plan says what matched and what updating the
records or filling only their blanks would change — on the command line as in the wizard."""

from __future__ import annotations

import csv
from pathlib import Path

from db.exchange.imports.importer import apply_plan, build_plan
from db.exchange.imports.plan import ImportOptions, policy_preview
from db.services import organizations
from db.store.engine import Database
from tests.db.factories import make_organization
from tests.db.test_import_cli import run


def write_known_parties(path: Path) -> Path:
    """A colleague's GB18030 list of parties Liaison already has, with phones and notes."""
    with path.open("w", encoding="gb18030", newline="") as handle:
        csv.writer(handle).writerows([
            ["政党名称", "国家", "电话", "备注"],
            ["非洲人国民大会", "南非", "+27 11 376 1000", "2024年互访"],
            ["莫桑比克解放阵线党", "莫桑比克", "+258 21 300 100", "新的联系人"],
            ["南非共产党", "南非", None, None],
        ])
    return path


def known_register(db: Database) -> dict[str, str]:
    return {
        "anc": make_organization(db, name="African National Congress", name_zh="非洲人国民大会",
                                 country="ZA", phone="+27 11 000 0000").id,
        "frelimo": make_organization(db, name="Frelimo", name_zh="莫桑比克解放阵线党",
                                     country="MZ", notes="老朋友").id,
        "sacp": make_organization(db, name="South African Communist Party",
                                  name_zh="南非共产党", country="ZA").id,
    }


def test_matched_rows_say_what_update_or_fill_would_change(db: Database,
                                                           tmp_path: Path) -> None:
    ids = known_register(db)
    path = write_known_parties(tmp_path / "已有政党.csv")
    plan = build_plan(db, path)
    assert not plan.writes and not plan.errors
    assert {row.action for row in plan.rows} == {"skip", "unchanged"}
    preview = policy_preview(plan)
    assert preview is not None and preview.offers
    assert (preview.matched, preview.skipped, preview.update_rows) == (3, 2, 2)
    assert dict(preview.update_fields) == {"phone": 2, "notes": 2}
    # Only the blanks: the ANC's notes and Frelimo's phone.
    assert preview.fill_rows == 2 and dict(preview.fill_fields) == {"notes": 1, "phone": 1}

    filled = build_plan(db, path, ImportOptions(on_duplicate="fill"))
    assert policy_preview(filled) is None
    apply_plan(db, filled)
    anc = organizations.get_organization(db, ids["anc"])
    frelimo = organizations.get_organization(db, ids["frelimo"])
    assert (anc.phone, anc.notes) == ("+27110000000", "2024年互访"), "a stored value stays"
    assert (frelimo.phone, frelimo.notes) == ("+25821300100", "老朋友")


def test_the_command_line_names_the_other_policies(tmp_path: Path) -> None:
    from db.seed.opening import open_database

    database = tmp_path / "liaison.sqlite3"
    assert run("init", str(database))[0] == 0
    db = open_database(database)
    try:
        known_register(db)
    finally:
        db.close()
    path = write_known_parties(tmp_path / "已有政党.csv")
    code, out, err = run("--db", str(database), "import", str(path))
    assert code == 0
    assert "nothing to write" in out
    assert "2 row(s) match records already in Liaison" in err
    assert "--on-duplicate update would change 2 of them: phone (2), notes (2)." in err
    assert "--on-duplicate fill would fill blanks in 2: " in err
    code, out, err = run("--db", str(database), "import", str(path), "--on-duplicate", "update")
    assert code == 0 and "2 updated" in out, out
