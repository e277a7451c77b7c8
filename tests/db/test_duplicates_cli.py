"""`liaison duplicates` and `liaison merge-records` (issue 18): the pairs as a table to read
and as JSON, people too, the lowest score; a merge with the default choices that says what
moved and the batch that `liaison undo` takes back; refusals in one sentence with exit 1.
On SQLite and PostgreSQL."""

from __future__ import annotations

import json
from io import StringIO
from typing import Any

import pytest

from db.cli.main import main
from db.services import organizations
from db.services.not_duplicates import mark_not_duplicate
from db.store.engine import Database
from tests.db.factories import make_interaction, make_organization, make_person


def run(*argv: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    code = main(list(argv), out=out, err=err)
    assert "Traceback" not in err.getvalue() + out.getvalue()
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def register(db: Database) -> dict[str, Any]:
    made: dict[str, Any] = {
        "regions_ru": make_organization(db, name="Партия регионов", abbreviation="ПР",
                                        country="UA"),
        "regions_en": make_organization(db, name="Party of Regions", abbreviation="PR",
                                        aliases=["Partiya Regionov"], country="UA"),
        "frelimo": make_organization(db, name="Frelimo", country="MZ"),
        "frelimo_caps": make_organization(db, name="FRELIMO", country="MZ"),
        "renamo": make_organization(db, name="RENAMO", country="MZ"),
        "xi": make_person(db, name="习近平", nationality="CN"),
        "xi_en": make_person(db, name="Xi Jinping", nationality="CN"),
    }
    made["talks"] = make_interaction(db, organizations_=[made["regions_ru"].id])
    return made


def test_duplicates_as_json(db: Database, register: dict[str, Any]) -> None:
    code, out, err = run("--db", db.url, "duplicates", "--json")
    assert code == 0, err
    found = json.loads(out)
    assert found["kind"] == "organization" and found["min_score"] == 85
    pairs = {frozenset((p["first"]["id"], p["second"]["id"])): p for p in found["pairs"]}
    assert set(pairs) == {
        frozenset((register["regions_ru"].id, register["regions_en"].id)),
        frozenset((register["frelimo"].id, register["frelimo_caps"].id))}
    regions = pairs[frozenset((register["regions_ru"].id, register["regions_en"].id))]
    assert regions["score"] == 100 and regions["country"] == "UA"
    assert regions["reasons"] == ["same name in another script", "same abbreviation",
                                  "same country"]
    # The one with more history comes first: the one to keep.
    assert regions["first"] == {"id": register["regions_ru"].id, "name": "Партия регионов"}

    code, out, err = run("--db", db.url, "duplicates", "--json", "--kind", "people")
    assert code == 0, err
    people = json.loads(out)
    assert people["kind"] == "person" and people["min_score"] == 90
    assert [p["reasons"][0] for p in people["pairs"]] == ["same name in another script"]


def test_duplicates_as_a_table(db: Database, register: dict[str, Any]) -> None:
    code, out, err = run("--db", db.url, "duplicates")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split() == ["score", "keep", "merge", "into", "it", "country", "why"]
    regions = next(line for line in lines if "Партия регионов" in line)
    assert regions.split()[0] == "100"
    assert regions.rstrip().endswith("same name in another script; same abbreviation; "
                                      "same country")
    ids = lines[lines.index(regions) + 1].split()
    assert ids == [register["regions_ru"].id, register["regions_en"].id]
    assert "2 likely duplicate pairs of organizations (score 85 or more)" in out
    assert "liaison merge-records KEEP OTHER" in out
    # A pair marked not a duplicate is gone; the lowest score narrows the list.
    mark_not_duplicate(db, "organization", register["frelimo"].id,
                       register["frelimo_caps"].id)
    code, out, _err = run("--db", db.url, "duplicates")
    assert "1 likely duplicate pair of organizations" in out and "FRELIMO" not in out
    organizations.delete_organization(db, register["regions_en"].id)
    code, out, _err = run("--db", db.url, "duplicates")
    assert code == 0 and out.startswith("No likely duplicate organizations (score 85 or more)")


def test_duplicates_bad_input(db: Database, register: dict[str, Any]) -> None:
    code, _out, err = run("--db", db.url, "duplicates", "--min-score", "101")
    assert code == 2 and err.strip() == "--min-score is a number from 0 to 100 (given: 101)."
    code, _out, err = run("--db", db.url, "duplicates", "--kind", "events")
    assert code == 2 and "invalid choice" in err


def test_merge_records_and_undo(db: Database, register: dict[str, Any]) -> None:
    kept, other = register["regions_en"].id, register["regions_ru"].id
    code, out, err = run("--db", db.url, "merge-records", kept, other)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Merged “Партия регионов” into “Party of Regions”; moved to it: " \
                       "1 interaction."
    batch = lines[1].split()[1].rstrip(":")
    assert lines[1] == f"Batch {batch}: “liaison undo {batch}” takes the merge back."
    assert organizations.get_organization(db, kept).aliases[-1] == "Партия регионов"
    code, out, err = run("--db", db.url, "duplicates", "--json")
    assert all(other not in (p["first"]["id"], p["second"]["id"])
               for p in json.loads(out)["pairs"])
    code, out, err = run("--db", db.url, "undo", batch)
    assert code == 0, err
    assert organizations.get_organization(db, other).name == "Партия регионов"
    assert "Партия регионов" not in organizations.get_organization(db, kept).aliases


def test_merge_records_as_json(db: Database, register: dict[str, Any]) -> None:
    code, out, err = run("--db", db.url, "merge-records", register["xi_en"].id,
                         register["xi"].id, "--json")
    assert code == 0, err
    merged = json.loads(out)
    assert merged["kind"] == "person"
    assert merged["survivor"] == {"id": register["xi_en"].id, "name": "Xi Jinping"}
    assert merged["other"] == {"id": register["xi"].id, "name": "习近平"}
    assert merged["moved"] == {} and merged["batch_id"]


def test_merge_records_refusals(db: Database, register: dict[str, Any]) -> None:
    org, person = register["frelimo"].id, register["xi"].id
    for argv, sentence in (
            ((org, org), "A record cannot be merged into itself: choose two different "
                         "organizations."),
            ((org, "nowhere"), "There is no organization or person with id nowhere."),
            ((org, person), f"{org} and {person} are one organization and one person: only "
                            "two organizations or two people can be merged.")):
        code, out, err = run("--db", db.url, "merge-records", *argv)
        assert code == 1 and out == ""
        assert err.strip() == sentence
    run("--db", db.url, "merge-records", org, register["frelimo_caps"].id)
    code, _out, err = run("--db", db.url, "merge-records", register["renamo"].id,
                          register["frelimo_caps"].id)
    assert code == 1
    assert err.strip() == ("“FRELIMO” was already merged into another record; merge with "
                           "that one instead.")
