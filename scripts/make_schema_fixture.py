"""Save a small, representative Liaison database at the current schema revision, for the
migration test (tests/db/test_migrations.py): every revision's file must upgrade to head and
keep its data.

    python scripts/make_schema_fixture.py            # writes tests/fixtures/schema-<rev>.sqlite3

Run it once for each new migration, after `alembic revision`, and commit the new file next to
the older ones (never regenerate an old revision's file: it stands for databases users have).
Beside the database it writes schema-<rev>.json: the row count of every table, which the test
checks after the upgrade.

The data goes in through the services, as a user's would: organizations with names in Chinese,
Arabic and Portuguese, people with positions, interactions with participants and topics,
follow-ups, tags, and soft-deleted records. CORE holds fixed ids and values the test looks up;
keep them as they are when the script grows (add data, do not change it), so every revision's
file can be checked the same way.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

FIXTURES = REPO / "tests" / "fixtures"
# The seeded reference data alone (250 countries, ~600 country-grouping links keyed by UUIDs,
# their indexes) is ~190 KB of payload, so a file under 300 KB is out of reach; this cap keeps
# each revision's file small while holding all of it. Pages of 1 KiB (SQLite's default page size
# before 3.12, so such files exist) save ~180 KB of half-empty 4 KiB pages over ~70 indexes.
# Revision 0007's sort keys (three indexed columns per organization and person, two per
# country) add ~25 KB.
# Revision 0011's level history and merged-record columns take it past 450 KB.
MAX_BYTES = 480_000  # each revision adds tables and their index pages
PAGE_SIZE = 1024

# Fixed ids, so the migration test can find these records in every revision's file.
CORE = {
    "cpc": "00000000-0000-4000-8000-000000000001",
    "fln": "00000000-0000-4000-8000-000000000002",
    "anc": "00000000-0000-4000-8000-000000000003",
    "pt": "00000000-0000-4000-8000-000000000004",
    "igd": "00000000-0000-4000-8000-000000000005",
    "defunct": "00000000-0000-4000-8000-000000000006",
    "li_wei": "00000000-0000-4000-8000-000000000101",
    "benali": "00000000-0000-4000-8000-000000000102",
    "nkosi": "00000000-0000-4000-8000-000000000103",
    "gone": "00000000-0000-4000-8000-000000000104",
    "pos_li": "00000000-0000-4000-8000-000000000201",
    "pos_benali": "00000000-0000-4000-8000-000000000202",
    "pos_nkosi_old": "00000000-0000-4000-8000-000000000203",
    "pos_nkosi": "00000000-0000-4000-8000-000000000204",
    "seminar": "00000000-0000-4000-8000-000000000301",
    "visit": "00000000-0000-4000-8000-000000000302",
    "call": "00000000-0000-4000-8000-000000000303",
    "cancelled_visit": "00000000-0000-4000-8000-000000000304",
    "fu_open": "00000000-0000-4000-8000-000000000401",
    "fu_done": "00000000-0000-4000-8000-000000000402",
    "fln_visit": "00000000-0000-4000-8000-000000000501",  # from revision 0009: visits
    "dialogue": "00000000-0000-4000-8000-000000000601",  # from revision 0010: events
    "twin": "00000000-0000-4000-8000-000000000701",  # from revision 0011: merged into CPC
}


def populate(target: Path) -> None:
    """Fill a new database at `target` through the services."""
    from db.changes.recording import Actor
    from db.seed.opening import open_database
    from db.services import affiliations, followups, interactions, organizations, people, tags

    officer = Actor(who="fixture", source="screen")
    db = open_database(target)
    try:
        organizations.create_organization(db, {
            "name": "中国共产党", "name_en": "Communist Party of China", "name_zh": "中国共产党",
            "aliases": "CPC; Chinese Communist Party", "abbreviation": "CPC", "country": "CN",
            "kind": "party", "status": "governing", "founded": 1921,
            "website": "https://www.12371.cn", "level": "strategic",
            "tags": ["Priority partners"],
        }, officer, record_id=CORE["cpc"])
        organizations.create_organization(db, {
            "name": "جبهة التحرير الوطني", "name_en": "National Liberation Front",
            "name_zh": "民族解放阵线", "abbreviation": "FLN", "country": "Algeria",
            "kind": "party", "status": "governing", "founded": 1954, "level": "close",
            "notes": "Partner since the 1960s.\nSecond line: كلمة عربية.",
            "tags": ["Priority partners", "Africa desk"],
        }, officer, record_id=CORE["fln"])
        organizations.create_organization(db, {
            "name": "African National Congress", "name_zh": "南非非洲人国民大会",
            "abbreviation": "ANC", "country": "ZA", "kind": "party", "status": "governing",
            "founded": 1912, "website": "anc1912.org.za", "email": "info@anc1912.org.za",
            "level": "strategic", "tags": ["Africa desk"],
        }, officer, record_id=CORE["anc"])
        organizations.create_organization(db, {
            "name": "Partido dos Trabalhadores", "name_en": "Workers' Party",
            "name_zh": "劳工党", "abbreviation": "PT", "country": "巴西", "kind": "party",
            "status": "governing", "founded": 1980, "aliases": "Workers' Party; PT Brasil",
        }, officer, record_id=CORE["pt"])
        organizations.create_organization(db, {
            "name": "Institute for Global Dialogue", "abbreviation": "IGD", "country": "ZAF",
            "kind": "think_tank",
        }, officer, record_id=CORE["igd"])
        organizations.create_organization(db, {
            "name": "Défunct Parti Démocratique", "country": "FR", "kind": "party",
            "status": "dissolved",
        }, officer, record_id=CORE["defunct"])
        organizations.delete_organization(db, CORE["defunct"], actor=officer)

        people.create_person(db, {
            "name": "李伟", "name_en": "Li Wei", "name_zh": "李伟", "title": "Director-General",
            "gender": "male", "nationality": "CN", "languages": "Chinese; English",
            "emails": "li.wei@example.cn",
        }, officer, record_id=CORE["li_wei"])
        people.create_person(db, {
            "name": "فاطمة الزهراء بن علي", "name_en": "Fatima Zahra Benali",
            "title": "International Secretary", "gender": "female", "nationality": "DZ",
            "languages": "Arabic; French", "phones": "+213 21 12 34 56",
        }, officer, record_id=CORE["benali"])
        people.create_person(db, {
            "name": "Thabo Nkosi", "title": "Head of International Relations",
            "nationality": "ZA", "tags": ["Africa desk"],
        }, officer, record_id=CORE["nkosi"])
        people.create_person(db, {"name": "Temporary Contact", "nationality": "FR"},
                             officer, record_id=CORE["gone"])
        people.delete_person(db, CORE["gone"], actor=officer)

        affiliations.create_affiliation(db, {
            "person_id": CORE["li_wei"], "organization_id": CORE["cpc"],
            "role": "Director-General, Bureau for African Affairs", "start": "2019-03-01",
        }, officer, record_id=CORE["pos_li"])
        affiliations.create_affiliation(db, {
            "person_id": CORE["benali"], "organization_id": CORE["fln"],
            "role": "International Secretary", "start": "2021-06-15",
        }, officer, record_id=CORE["pos_benali"])
        affiliations.create_affiliation(db, {
            "person_id": CORE["nkosi"], "organization_id": CORE["igd"], "role": "Researcher",
            "start": "2010-01-01", "end": "2016-12-31",
        }, officer, record_id=CORE["pos_nkosi_old"])
        affiliations.create_affiliation(db, {
            "person_id": CORE["nkosi"], "organization_id": CORE["anc"],
            "role": "Head of International Relations", "start": "2017-01-01",
        }, officer, record_id=CORE["pos_nkosi"])

        interactions.create_interaction(db, {
            "kind": "seminar", "title": "Seminar on governance experience and poverty alleviation",
            "start": "2024-05-20", "end": "2024-05-23", "city": "北京", "country": "CN",
            "platform": "CPC and World Political Parties Dialogue",
            "summary": "Thematic seminar for African parties.",
            "outcomes": "Joint statement; study programme agreed.",
            "topics": ["Governance experience", "减贫"],
            "participants": [
                {"organization_id": CORE["cpc"], "role": "host"},
                {"organization_id": CORE["fln"], "role": "delegation_head"},
                {"organization_id": CORE["anc"], "role": "participant"},
                {"person_id": CORE["li_wei"], "role": "speaker"},
                {"person_id": CORE["benali"], "role": "delegation_head"},
            ],
            "tags": ["Africa desk"],
        }, officer, record_id=CORE["seminar"])
        interactions.create_interaction(db, {
            "kind": "outbound_visit", "title": "Delegation visit to Pretoria and Johannesburg",
            "start": "2025-02-10", "end": "2025-02-14", "city": "Pretoria", "country": "ZA",
            "topics": ["Party building"],
            "participants": [
                {"organization_id": CORE["anc"], "role": "host"},
                {"organization_id": CORE["igd"], "role": "participant"},
                {"person_id": CORE["nkosi"], "role": "host"},
            ],
        }, officer, record_id=CORE["visit"])
        interactions.create_interaction(db, {
            "kind": "video_call", "title": "Video call with the Workers' Party",
            "start": "2025-06-03", "participants": [{"organization_id": CORE["pt"]}],
            "topics": ["Green development"],
        }, officer, record_id=CORE["call"])
        interactions.create_interaction(db, {
            "kind": "inbound_visit", "title": "Visit that was called off", "start": "2025-09-01",
            "participants": [{"organization_id": CORE["fln"], "role": "delegation_head"}],
        }, officer, record_id=CORE["cancelled_visit"])
        interactions.delete_interaction(db, CORE["cancelled_visit"], actor=officer)

        followups.create_followup(db, {
            "description": "Send the seminar's joint statement in Arabic and French",
            "due": "2024-06-30", "status": "done", "completed_on": "2024-06-20",
            "owner": "fixture", "organization_id": CORE["fln"],
            "interaction_id": CORE["seminar"],
        }, officer, record_id=CORE["fu_done"])
        followups.create_followup(db, {
            "description": "Invite the ANC youth league to the 2026 study programme",
            "due": "2026-03-31", "status": "open", "owner": "fixture",
            "organization_id": CORE["anc"], "interaction_id": CORE["visit"],
        }, officer, record_id=CORE["fu_open"])

        _visit(db, officer)
        _event(db, officer)
        _register(db, officer)

        spare = tags.create_tag(db, {"name": "Unused tag", "name_zh": "未用"}, officer)
        tags.delete_tag(db, spare.id, actor=officer)
    finally:
        db.close()


def _visit(db: Any, officer: Any) -> None:
    """An inbound visit with both sides, a programme of two days and gifts (revision 0009)."""
    from db.services import programme, visits

    visit = visits.create_visit(db, {
        "title": "FLN delegation to Beijing and Xi'an", "direction": "inbound",
        "status": "done", "start": "2025-04-07", "end": "2025-04-08", "country": "CN",
        "host_id": CORE["cpc"], "guest_id": CORE["fln"],
        "purpose": "Exchange on youth work.", "outcomes": "Youth exchange in 2026.",
    }, officer, record_id=CORE["fln_visit"])
    visits.add_member(db, visit.id, {"person_id": CORE["benali"], "side": "guest",
                                     "role": "head"}, officer)
    visits.add_member(db, visit.id, {"person_id": CORE["li_wei"], "side": "host",
                                     "role": "head"}, officer)
    programme.add_item(db, visit.id, {"day": "2025-04-07", "kind": "talks",
                                      "title": "Talks", "city": "北京", "starts": "09:30",
                                      "ends": "11:00"}, officer,
                       participants=[{"organization_id": CORE["cpc"], "role": "host"},
                                     {"person_id": CORE["benali"],
                                      "role": "delegation_head"}])
    programme.add_item(db, visit.id, {"day": "2025-04-08", "kind": "site_visit",
                                      "title": "Terracotta Army", "city": "西安"}, officer)
    visits.add_gift(db, visit.id, {"direction": "received", "description": "Copper tray",
                                   "person_id": CORE["benali"]}, officer)
    gone = visits.add_gift(db, visit.id, {"description": "Book, recorded twice"}, officer)
    visits.remove_gift(db, gone.id, actor=officer)


def _event(db: Any, officer: Any) -> None:
    """A high-level meeting with a session, three invitations (a reply, an attendance, a
    delegation) and a leader among the positions (revision 0010)."""
    from db.services import affiliations, events, invitations, people

    event = events.create_event(db, {
        "name": "CPC and World Political Parties Dialogue", "series": "World Parties Dialogue",
        "edition": 2, "mechanism": "high_level_meeting", "start": "2025-06-10",
        "end": "2025-06-11", "city": "天津", "country": "CN", "organizer_id": CORE["cpc"],
        "co_organizers": [CORE["igd"]]}, officer, record_id=CORE["dialogue"])
    events.add_session(db, event.id, {"day": "2025-06-10", "starts": "09:00",
                                      "title": "Opening plenary",
                                      "speakers": [CORE["li_wei"]]}, officer)
    fln = invitations.invite(db, event.id, {"organization_id": CORE["fln"],
                                            "invited_by": "Li Wei", "reply": "accepted",
                                            "replied_on": "2025-05-02",
                                            "attendance": "attended"}, officer)
    invitations.add_delegate(db, fln.id, {"person_id": CORE["benali"], "role": "head"},
                             officer)
    invitations.invite(db, event.id, {"organization_id": CORE["anc"], "reply": "declined"},
                       officer)
    invitations.invite(db, event.id, {"organization_id": CORE["pt"]}, officer)
    affiliations.create_affiliation(db, {"person_id": CORE["nkosi"],
                                         "organization_id": CORE["anc"], "role": "President",
                                         "leader": True}, officer)
    people.update_person(db, CORE["benali"], {"birth_year": 1962}, expected_version=None,
                         actor=officer)


def _register(db: Any, officer: Any) -> None:
    """A level that rose, with its reason, and a duplicate merged away (revision 0011)."""
    from db.services import levels, organizations
    from db.services.record_merge import merge_records

    levels.change_level(db, CORE["fln"], "regular", effective="2019-05-01",
                        reason="Memorandum of understanding", actor=officer)
    organizations.create_organization(db, {"name": "Communist Party of China (CPC)",
                                           "country": "CN", "level": "close"}, officer,
                                      record_id=CORE["twin"])
    merge_records(db, "organization", CORE["cpc"], CORE["twin"],
                  choices={"name": "survivor", "level": "survivor"},
                  actor=officer)


def table_counts(path: Path) -> dict[str, int]:
    connection = sqlite3.connect(path)
    try:
        names = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite~_%' "
            "ESCAPE '~' ORDER BY name")]
        return {name: int(connection.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0])
                for name in names}
    finally:
        connection.close()


def compact(path: Path) -> None:
    """One self-contained small file: WAL folded in, rollback journal mode, vacuumed."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode = DELETE")
        connection.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        connection.execute("VACUUM")
        result = connection.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            raise RuntimeError(f"the fixture failed SQLite's integrity check: {result}")
    finally:
        connection.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def make_fixture(folder: Path, *, force: bool = False) -> Path:
    from db.store.migrate import head_revision

    revision = head_revision()
    target = folder / f"schema-{revision}.sqlite3"
    if target.exists() and not force:
        raise FileExistsError(
            f"{target} exists; a revision's fixture stands for databases users have and is "
            "never regenerated (pass --force to replace it anyway).")
    folder.mkdir(parents=True, exist_ok=True)
    building = folder / f".building-{revision}.sqlite3"
    for stale in (building, Path(f"{building}-wal"), Path(f"{building}-shm")):
        stale.unlink(missing_ok=True)
    populate(building)
    compact(building)
    size = building.stat().st_size
    if size > MAX_BYTES:
        raise RuntimeError(f"the fixture is {size:,} bytes; keep it under {MAX_BYTES:,}.")
    building.replace(target)
    expected = {"revision": revision, "tables": table_counts(target)}
    target.with_suffix(".json").write_text(json.dumps(expected, indent=2, sort_keys=True) + "\n",
                                           encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=FIXTURES, help="folder (default: %(default)s)")
    parser.add_argument("--force", action="store_true", help="replace an existing fixture")
    args = parser.parse_args(argv)
    try:
        target = make_fixture(args.out, force=args.force)
    except (FileExistsError, RuntimeError) as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Wrote {target} ({target.stat().st_size:,} bytes).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
