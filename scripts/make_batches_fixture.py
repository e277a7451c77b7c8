"""Save a database holding an import batch and a merge batch as Liaison 0005 recorded them, for
the test that batches from before a change of the undo still undo after it
(tests/db/test_batch_migration.py).

    python scripts/make_batches_fixture.py      # writes tests/fixtures/batches-0005.sqlite3

It starts from tests/fixtures/schema-0005.sqlite3 and runs the command line on it as a user
would: an import of a small CSV that adds two organizations and updates one, then a merge of
a travel copy in which a person and an interaction were edited and an organization added.
Never regenerate the committed file with newer code: it stands for batches users have.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

FIXTURES = REPO / "tests" / "fixtures"
SOURCE = FIXTURES / "schema-0005.sqlite3"
TARGET = FIXTURES / "batches-0005.sqlite3"

CSV = """name,country,abbreviation,level,notes
Frente Amplio,UY,FA,close partner,Met at the Montevideo seminar
Partido Socialista de Chile,CL,PS,regular contact,
African National Congress,ZA,ANC,close partner,Level raised after the 2025 visit
"""


def run(*argv: str) -> None:
    from db.cli.main import main

    code = main(list(argv))
    if code != 0:
        raise RuntimeError(f"liaison {' '.join(argv)} exited with {code}")


def make(target: Path) -> dict[str, str]:
    from db.changes.recording import Actor
    from db.seed.opening import open_database
    from db.services import interactions, organizations, people

    work = Path(tempfile.mkdtemp())
    building = work / "main.sqlite3"
    shutil.copyfile(SOURCE, building)
    sheet = work / "partners.csv"
    sheet.write_text(CSV, encoding="utf-8")
    run("--db", str(building), "import", str(sheet), "--as", "organizations",
        "--on-duplicate", "update")
    copy = work / "travel.sqlite3"
    run("--db", str(building), "export-travel-copy", str(copy))
    officer = Actor(who="traveller", source="screen")
    other = open_database(copy)
    try:
        benali = "00000000-0000-4000-8000-000000000102"
        person = people.get_person(other, benali)
        people.update_person(other, benali, {"title": "Secretary for External Relations"},
                             expected_version=person.version, actor=officer)
        call = "00000000-0000-4000-8000-000000000303"
        found = interactions.get_interaction(other, call)
        interactions.update_interaction(other, call, {
            "summary": "Agreed a youth exchange for 2027.",
            "topics": ["Green development", "Youth"], "tags": ["Latin America desk"]},
            expected_version=found.version, actor=officer)
        organizations.create_organization(other, {
            "name": "Movimiento al Socialismo", "abbreviation": "MAS", "country": "BO",
            "kind": "party"}, officer)
    finally:
        other.close()
    run("--db", str(building), "merge", str(copy))
    db = open_database(building)
    try:
        from sqlalchemy import select

        from db.models import ImportBatch

        with db.reading() as session:
            batches = {b.kind: b.id for b in session.execute(select(ImportBatch)).scalars()}
    finally:
        db.close()
    from scripts.make_schema_fixture import compact

    compact(building)
    shutil.copyfile(building, target)
    shutil.rmtree(work, ignore_errors=True)
    return batches


def main() -> int:
    if TARGET.exists():
        print(f"{TARGET} exists; it stands for batches users have and is never regenerated.",
              file=sys.stderr)
        return 1
    batches = make(TARGET)
    print(f"Wrote {TARGET} ({TARGET.stat().st_size:,} bytes): {json.dumps(batches)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
