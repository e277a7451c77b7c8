"""Property-based tests of merging (hypothesis): two copies made from a common base, random
creates, edits, deletes and restores on each through the real services, then merged both ways.
An oracle independent of the merge's change-log reasoning — the classic three-way merge of
base, one copy and the other, field by field and link by link — says what every field must
end up as, and which fields are conflicts. Then: no edit lost, no duplicate, the conflicts
exactly those, idempotent, convergent (except, field by field, where conflicts stay open)."""

from __future__ import annotations

from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from db.changes.recording import Actor
from db.merge import apply_merge, merge_plan
from db.merge.records import SPECS
from db.models import Affiliation, FollowUp, Interaction, Organization, Person
from db.seed.opening import open_database
from db.services import affiliations, followups, interactions, organizations, people
from db.services.check import check_database
from db.store.engine import Database, backup_sqlite
from tests.db.test_merge import content

ORG_NAMES = ["Alpha Party", "Beta Front", "Gamma Union"]
PERSON_NAMES = ["Ama", "Bo", "Chen"]
POOLS: dict[str, list[Any]] = {
    "website": [None, "alpha.example.org", "beta.example.org"],
    "notes": [None, "Met in May.", "Call back."],
    "level": [None, "initial", "regular", "close"],
    "org_name": ORG_NAMES,
    "tags": [[], ["Youth"], ["Asia"], ["Youth", "Solidarity"], ["Solidarity"]],
    "title": [None, "Dr", "Secretary-General"],
    "languages": [[], ["en"], ["fr", "pt"]],
    "person_name": PERSON_NAMES,
    "interaction_title": ["Talks", "Seminar", "Visit"],
    "summary": [None, "Agreed an exchange.", "Follow up in autumn."],
    "start": ["2024-03-01", "2024-06-15", "2025-01-20"],
    "topics": [[], ["governance"], ["health", "youth"], ["governance", "health"]],
    "role": [None, "President", "Secretary"],
    "end": [None, "2024-12-31", "2025-06-30"],
    "status": ["open", "in_progress", "done"],
    "due": [None, "2025-02-01", "2025-03-01"],
    "owner": [None, "Li", "Sam"],
}
ROLES = ["participant", "host", "speaker"]
MODELS = {"organization": Organization, "person": Person, "interaction": Interaction,
          "affiliation": Affiliation, "followup": FollowUp}
DELETE = {"organization": organizations.delete_organization, "person": people.delete_person,
          "interaction": interactions.delete_interaction,
          "affiliation": affiliations.delete_affiliation, "followup": followups.delete_followup}
RESTORE = {"organization": organizations.restore_organization,
           "person": people.restore_person, "interaction": interactions.restore_interaction,
           "affiliation": affiliations.restore_affiliation,
           "followup": followups.restore_followup}
EDITS = {"organization": (organizations.update_organization,
                          ["website", "notes", "level", "org_name", "tags"]),
         "person": (people.update_person, ["title", "notes", "languages", "person_name", "tags"]),
         "interaction": (interactions.update_interaction,
                         ["interaction_title", "summary", "start", "topics", "participants",
                          "tags"]),
         "affiliation": (affiliations.update_affiliation, ["role", "end", "notes"]),
         "followup": (followups.update_followup, ["status", "due", "owner"])}
FIELD_OF = {"org_name": "name", "person_name": "name", "interaction_title": "title"}
OPS = ["create_organization", "create_person", "create_interaction", "create_affiliation",
       "create_followup", "edit", "edit", "edit", "edit", "edit", "delete", "restore"]
KINDS = list(MODELS)

operation = st.tuples(st.sampled_from(OPS), st.integers(0, 63), st.integers(0, 7),
                      st.integers(0, 63))
operations = st.lists(operation, max_size=6)
# Edits both copies make to the same field of the same record (same kind, target and field;
# the values may differ): where conflicts come from.
contested = st.lists(st.tuples(st.integers(0, 63), st.integers(0, 7), st.integers(0, 29),
                               st.integers(0, 5)), max_size=2)


def ids(db: Database, kind: str, deleted: bool) -> list[str]:
    model = MODELS[kind]
    condition = model.deleted_at.is_not(None) if deleted else model.deleted_at.is_(None)
    with db.reading() as session:
        return list(session.execute(select(model.id).where(condition).order_by(model.id))
                    .scalars())


def participants(db: Database, bits: int) -> list[dict[str, str]]:
    candidates = [("organization_id", key) for key in ids(db, "organization", False)]
    candidates += [("person_id", key) for key in ids(db, "person", False)]
    chosen = [c for n, c in enumerate(candidates[:6]) if bits >> n & 1][:3]
    return [{column: key, "role": ROLES[(bits + n) % 3]} for n, (column, key) in
            enumerate(chosen)]


def pick(items: list[str], index: int) -> str | None:
    return items[index % len(items)] if items else None


def apply_operation(db: Database, op: tuple[str, int, int, int], actor: Actor) -> None:
    name, i, j, k = op
    if name == "create_organization":
        organizations.create_organization(db, {"name": ORG_NAMES[i % 3], "country": "KE",
                                               "website": POOLS["website"][j % 3]}, actor)
    elif name == "create_person":
        people.create_person(db, {"name": PERSON_NAMES[i % 3], "tags": POOLS["tags"][j % 5]},
                             actor)
    elif name == "create_interaction":
        interactions.create_interaction(db, {
            "kind": "talks", "title": POOLS["interaction_title"][i % 3],
            "start": POOLS["start"][j % 3], "topics": POOLS["topics"][k % 4],
            "participants": participants(db, i * 7 + k)}, actor)
    elif name == "create_affiliation":
        person = pick(ids(db, "person", False), i)
        org = pick(ids(db, "organization", False), j)
        if person and org:
            affiliations.create_affiliation(db, {"person_id": person, "organization_id": org,
                                                 "role": POOLS["role"][k % 3],
                                                 "start": "2020-01-01"}, actor)
    elif name == "create_followup":
        followups.create_followup(db, {"description": "Send the invitation",
                                       "organization_id": pick(ids(db, "organization", False),
                                                               i),
                                       "due": POOLS["due"][j % 3]}, actor)
    elif name in ("delete", "restore"):
        kind = KINDS[i % len(KINDS)]
        target = pick(ids(db, kind, name == "restore"), j)
        if target:
            if name == "delete":
                DELETE[kind](db, target, actor=actor)
            else:
                RESTORE[kind](db, target, actor)
    else:
        kind = KINDS[i % len(KINDS)]
        target = pick(ids(db, kind, False), j)
        update, fields = EDITS[kind]
        field = fields[k % len(fields)]
        if target is None:
            return
        value = participants(db, k * 5 + j) if field == "participants" else \
            POOLS[field][(k // len(fields) + j) % len(POOLS[field])]
        update(db, target, {FIELD_OF.get(field, field): value}, expected_version=None,
               actor=actor)


@pytest.fixture(scope="module")
def base_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The common base both copies start from: a few records of every kind."""
    path = tmp_path_factory.mktemp("base") / "base.sqlite3"
    db = open_database(path)
    actor = Actor("base")
    try:
        for n in range(3):
            apply_operation(db, ("create_organization", n, n, 0), actor)
            apply_operation(db, ("create_person", n, n + 1, 0), actor)
        for n in range(2):
            apply_operation(db, ("create_interaction", n, n, n + 1), actor)
            apply_operation(db, ("create_affiliation", n, n, n), actor)
        apply_operation(db, ("create_followup", 0, 1, 0), actor)
    finally:
        db.close()
    return path


# --- the oracle -------------------------------------------------------------------------------

DERIVED = {"search_text", "last_contact", "interaction_count", "created_at", "id"}
TABLE_ENTITY = {"organizations": "organization", "people": "person",
                "affiliations": "affiliation", "interactions": "interaction",
                "followups": "follow-up", "topics": "topic"}
FIELD_NAMES = {spec.entity: {spec.column(f): f for f in spec.schema.fields} for spec in SPECS}
LINK_NAMES = {"deleted_at": "deleted", "tag_names": "tags", "topic_ids": "topics",
              "participants": "participants"}


def field_name(table: str, column: str) -> str:
    return LINK_NAMES.get(column) or FIELD_NAMES[TABLE_ENTITY[table]].get(column, column)


def three_way(o: Any, a: Any, b: Any) -> tuple[Any, bool]:
    """(merged value, conflict)."""
    if a == b or b == o:
        return a, False
    if a == o:
        return b, False
    return None, True


def expected_value(column: str, o: Any, a: Any, b: Any) -> tuple[Any, bool]:
    if column in ("tag_names", "topic_ids"):
        o, a, b = (v or set() for v in (o, a, b))
        merged = {item for item in o | a | b if three_way(item in o, item in a, item in b)[0]}
        return merged or None, False
    if column == "participants":
        roles = [{(p[0], p[1]): p[2] for p in value or ()} for value in (o, a, b)]
        merged, clash = {}, False
        for key in roles[0].keys() | roles[1].keys() | roles[2].keys():
            value, conflict = three_way(*(r.get(key) for r in roles))
            clash = clash or conflict
            if value is not None:
                merged[key] = value
        return merged, clash
    if column == "deleted_at":
        deleted, _ = three_way(o is not None, a is not None, b is not None)
        return (min(t for t in (a, b) if t is not None) if deleted else None), False
    return three_way(o, a, b)


def comparable(column: str, value: Any) -> Any:
    if column == "participants" and not isinstance(value, dict):
        return {(p[0], p[1]): p[2] for p in value or ()}
    if column in ("tag_names", "topic_ids"):
        return value or None
    return value


def oracle(base: dict[str, Any], a: dict[str, Any], b: dict[str, Any]
           ) -> tuple[dict[tuple[str, str, str], Any], set[tuple[str, str]]]:
    """What every field of every record must be after the merge, and the conflicts
    (record id, field): (table, id, column) → value; conflicting fields are left out."""
    expected: dict[tuple[str, str, str], Any] = {}
    conflicts: set[tuple[str, str]] = set()
    for table in TABLE_ENTITY:
        for key in a[table].keys() | b[table].keys():
            o, x, y = base[table].get(key), a[table].get(key), b[table].get(key)
            if o is None:  # created in one copy: exactly as it is there
                for column, value in (x or y).items():
                    if column not in DERIVED:
                        expected[(table, key, column)] = comparable(column, value)
                continue
            for column in o.keys() | x.keys() | y.keys():
                if column in DERIVED:
                    continue
                value, conflict = expected_value(column, o.get(column), x.get(column),
                                                 y.get(column))
                if conflict:
                    conflicts.add((key, field_name(table, column)))
                else:
                    expected[(table, key, column)] = comparable(column, value)
    return expected, conflicts


def check_expected(merged: dict[str, Any], expected: dict[tuple[str, str, str], Any]) -> None:
    lost = [(table, key, column, value, comparable(column, merged[table][key].get(column)))
            for (table, key, column), value in expected.items()
            if comparable(column, merged[table][key].get(column)) != value]
    assert not lost, f"edits lost or wrong (table, id, field, expected, found): {lost}"


def without(data: dict[str, Any], conflicts: set[tuple[str, str]]) -> dict[str, Any]:
    """The content with the conflicting fields (and the figures that follow from them)
    left out."""
    result: dict[str, Any] = {}
    for table, records in data.items():
        result[table] = {}
        for key, values in records.items():
            kept = {column: value for column, value in values.items()
                    if table not in TABLE_ENTITY or column in DERIVED
                    or (key, field_name(table, column)) not in conflicts}
            if (key, "start") in conflicts and "participants" in kept:
                kept["participants"] = {p[:3] for p in kept["participants"]}
            if table in ("organizations", "people") and conflicts:
                kept.pop("last_contact", None)
                kept.pop("interaction_count", None)
            result[table][key] = kept
    return result


def copy_of(source: Path, target: Path) -> Path:
    return backup_sqlite(source, target)


@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(on_a=operations, on_b=operations, on_both=contested)
def test_merging_both_ways_loses_nothing_duplicates_nothing_and_converges(
        base_file: Path, on_a: list[tuple[str, int, int, int]],
        on_b: list[tuple[str, int, int, int]], on_both: list[tuple[int, int, int, int]]
) -> None:
    # 30 is a multiple of every kind's number of editable fields: k and k + 30·n edit the
    # same field, with values n steps apart in its pool.
    with TemporaryDirectory(prefix="liaison-merge-prop-") as name:
        run_example(base_file, Path(name),
                    [("edit", i, j, k) for i, j, k, _n in on_both] + on_a,
                    [("edit", i, j, k + 30 * n) for i, j, k, n in on_both] + on_b)


def run_example(base_file: Path, folder: Path, on_a: list[tuple[str, int, int, int]],
                on_b: list[tuple[str, int, int, int]]) -> None:
    paths = {side: copy_of(base_file, folder / f"{side}.sqlite3") for side in "AB"}
    for side, ops in (("A", on_a), ("B", on_b)):
        db = open_database(paths[side])
        try:
            for op in ops:
                apply_operation(db, op, Actor(f"officer {side}"))
        finally:
            db.close()
    base_db, a_db, b_db = (open_database(p) for p in (base_file, paths["A"], paths["B"]))
    try:
        base, a, b = content(base_db), content(a_db), content(b_db)
    finally:
        for db in (base_db, a_db, b_db):
            db.close()
    expected, conflicts = oracle(base, a, b)

    # A merged into (a copy of) B, and B merged into (a copy of) A.
    ab_path = copy_of(paths["B"], folder / "AB.sqlite3")
    ba_path = copy_of(paths["A"], folder / "BA.sqlite3")
    ab, ba = open_database(ab_path), open_database(ba_path)
    try:
        for target, other in ((ab, paths["A"]), (ba, paths["B"])):
            plan = merge_plan(target, str(other))
            assert not plan.errors
            assert {(r.id, f.field) for r in plan.conflicts for f in r.conflicts} == conflicts
            result = apply_merge(target, plan)
            assert {(r.id, f.field) for r in result.open_conflicts
                    for f in r.conflicts} == conflicts
            assert check_database(target) == []
        merged_ab, merged_ba = content(ab), content(ba)
        for table in merged_ab:  # no duplicate, nothing missing
            assert merged_ab[table].keys() == a[table].keys() | b[table].keys() \
                == merged_ba[table].keys(), table
        check_expected(merged_ab, expected)
        check_expected(merged_ba, expected)
        # Where a conflict stays open, each copy keeps its own value.
        for key, field in conflicts:
            table = next(t for t in TABLE_ENTITY if key in a[t])
            columns = [c for c in a[table][key] if c not in DERIVED
                       and field_name(table, c) == field]
            for column in columns:
                assert merged_ab[table][key].get(column) == b[table][key].get(column)
                assert merged_ba[table][key].get(column) == a[table][key].get(column)
        # Convergent: the same content either way (but for open conflicts).
        assert without(merged_ab, conflicts) == without(merged_ba, conflicts)

        # Idempotent: the same file again changes nothing.
        again = merge_plan(ab, str(paths["A"]))
        assert not again.writes
        assert apply_merge(ab, again).batch_id is None
        assert content(ab) == merged_ab

        # Merging back, the copies agree and nothing is left to exchange.
        if not conflicts:
            back = merge_plan(ba, str(ab_path))
            assert not back.conflicts
            apply_merge(ba, back)
            assert content(ba) == content(ab)
            assert not merge_plan(ab, str(ba_path)).writes
            assert not merge_plan(ba, str(ab_path)).writes
    finally:
        ab.close()
        ba.close()
