"""`liaison export-travel-copy`, `liaison merge OTHER [--dry-run] [--json] [--resolve]` and
`liaison undo-merge` on real files: the issue's "Done when" end to end through the command
line, the JSON contract, exit codes, and a dry run that writes nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from io import StringIO
from pathlib import Path
from typing import Any

import pytest

import db.cli.main as cli_module
from db.changes.recording import Actor
from db.cli.main import main
from db.seed.opening import open_database
from db.services import affiliations, interactions, organizations, people
from db.store.engine import Database
from tests.db.test_merge import assert_same_content, content, log_ids

TRAVELLER = Actor("traveller")
COLLEAGUE = Actor("colleague")


@pytest.fixture(autouse=True)
def crash_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "crash.log"
    monkeypatch.setattr(cli_module, "crash_log_path", lambda: path)
    monkeypatch.delenv("LIAISON_DB", raising=False)
    yield path
    assert not path.exists(), f"a command hit a bug:\n{path.read_text(encoding='utf-8')}"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    code = main(list(argv), out=out, err=err)
    assert "Traceback" not in err.getvalue() + out.getvalue()
    return code, out.getvalue(), err.getvalue()


def merge_json(office: Path, travel: Path, *extra: str, expect: int = 0) -> Any:
    code, out, err = run("--db", str(office), "merge", str(travel), "--json", *extra)
    assert code == expect, err
    return json.loads(out)


class Copies:
    """The office file with a party and its leader, and a travel copy made from it."""

    def __init__(self, folder: Path) -> None:
        self.office_path = folder / "office" / "liaison.sqlite3"
        self.travel_path = folder / "laptop" / "travel.sqlite3"
        self.travel_path.parent.mkdir(parents=True)
        office = open_database(self.office_path)
        try:
            org = organizations.create_organization(office, {
                "name": "Partido Popular", "country": "CV", "website": "pp.example.org"},
                COLLEAGUE)
            leader = people.create_person(office, {"name": "Carla Leader"}, COLLEAGUE)
            position = affiliations.create_affiliation(office, {
                "person_id": leader.id, "organization_id": org.id, "role": "President"},
                COLLEAGUE)
        finally:
            office.close()
        self.org, self.position = org.id, position.id
        code, out, err = run("--db", str(self.office_path), "export-travel-copy",
                             str(self.travel_path), "--plain")
        assert code == 0, err
        assert f"liaison merge {self.travel_path}" in out

    def open(self, which: str) -> Database:
        return open_database(self.office_path if which == "office" else self.travel_path)


@pytest.fixture
def copies(tmp_path: Path) -> Copies:
    return Copies(tmp_path)


def test_done_when_through_the_command_line(copies: Copies) -> None:
    travel = copies.open("travel")
    try:  # offline: a visit, and the party's new leader
        visit = interactions.create_interaction(travel, {
            "kind": "outbound_visit", "title": "Visit to Praia", "start": "2025-09-03",
            "participants": [{"organization_id": copies.org}]}, TRAVELLER)
        successor = people.create_person(travel, {"name": "Duarte Successor"}, TRAVELLER)
        affiliations.create_affiliation(travel, {
            "person_id": successor.id, "organization_id": copies.org, "role": "President",
            "start": "2025-09-01"}, TRAVELLER)
        affiliations.update_affiliation(travel, copies.position, {"end": "2025-08-31"},
                                        expected_version=None, actor=TRAVELLER)
    finally:
        travel.close()
    office = copies.open("office")
    try:  # at the office: the website
        organizations.update_organization(office, copies.org, {"website": "pp.example.cv"},
                                          expected_version=None, actor=COLLEAGUE)
    finally:
        office.close()

    report = merge_json(copies.office_path, copies.travel_path)
    assert report["other"] == str(copies.travel_path)
    assert report["interactions"] == {"created": 1, "updated": 0, "unchanged": 0, "skipped": 0}
    assert report["people"] == {"created": 1, "updated": 0, "unchanged": 1, "skipped": 0}
    assert report["positions"] == {"created": 1, "updated": 1, "unchanged": 0, "skipped": 0}
    assert report["organizations"] == {"created": 0, "updated": 0, "unchanged": 1,
                                       "skipped": 0}
    assert report["conflicts"] == [] and report["errors"] == []
    assert report["batch_id"] and report["history_copied"] == 4
    assert {(row["kind"], row["action"]) for row in report["rows"]} == {
        ("interactions", "create"), ("people", "create"), ("positions", "create"),
        ("positions", "update"), ("organizations", "keep")}

    office = copies.open("office")
    try:
        org = organizations.get_organization(office, copies.org)
        assert org.website == "https://pp.example.cv" and org.interaction_count == 1
        assert interactions.get_interaction(office, visit.id).title == "Visit to Praia"
        current = affiliations.list_affiliations(office, organization_id=copies.org,
                                                 current_only=True)
        assert [a.person_name for a in current] == ["Duarte Successor"]
    finally:
        office.close()

    # A second run finds nothing to do.
    again = merge_json(copies.office_path, copies.travel_path)
    assert again["batch_id"] is None and again["history_copied"] == 0
    assert all(row["action"] == "keep" for row in again["rows"])

    # And the laptop takes the office's website back: both copies then hold the same.
    code, out, err = run("--db", str(copies.travel_path), "merge", str(copies.office_path))
    assert code == 0, err
    assert "organizations: 1 updated" in out and "Undo with: liaison undo-merge" in out
    office, travel = copies.open("office"), copies.open("travel")
    try:
        assert_same_content(office, travel)
    finally:
        office.close()
        travel.close()


def test_conflicts_are_reported_with_both_values_and_exit_1(copies: Copies) -> None:
    for which, website, actor in (("travel", "pp.travel.cv", TRAVELLER),
                                  ("office", "pp.office.cv", COLLEAGUE)):
        database = copies.open(which)
        try:
            organizations.update_organization(database, copies.org, {"website": website},
                                              expected_version=None, actor=actor)
            if which == "travel":
                people.create_person(database, {"name": "Also New"}, actor)
        finally:
            database.close()
    report = merge_json(copies.office_path, copies.travel_path, expect=1)
    assert report["conflicts"] == [{
        "kind": "organizations", "id": copies.org, "name": "Partido Popular",
        "fields": [{"field": "website", "here": "https://pp.office.cv",
                    "there": "https://pp.travel.cv"}]}]
    assert report["organizations"]["skipped"] == 1
    assert report["people"]["created"] == 1 and report["batch_id"]  # the rest is applied

    # Text output: one line per conflict, then what to do.
    code, out, err = run("--db", str(copies.office_path), "merge", str(copies.travel_path))
    assert code == 1 and out == ""
    lines = err.strip().splitlines()
    assert lines[0] == (f"conflict: organization “Partido Popular” ({copies.org}): website is "
                        "“https://pp.office.cv” here and “https://pp.travel.cv” in "
                        "travel.sqlite3")
    assert "left open" in lines[-1] and "--resolve" in lines[-1]

    settled = merge_json(copies.office_path, copies.travel_path, "--resolve", "there")
    assert settled["conflicts"] == [] and settled["batch_id"]
    assert merge_json(copies.office_path, copies.travel_path)["conflicts"] == []


def test_dry_run_writes_nothing_to_either_copy(copies: Copies) -> None:
    travel = copies.open("travel")
    try:
        organizations.update_organization(travel, copies.org, {"notes": "Dry"},
                                          expected_version=None, actor=TRAVELLER)
    finally:
        travel.close()
    office = copies.open("office")
    try:
        before, history_before = content(office), log_ids(office)
    finally:
        office.close()
    travel_bytes = copies.travel_path.read_bytes()

    report = merge_json(copies.office_path, copies.travel_path, "--dry-run")
    assert report["organizations"]["updated"] == 1 and report["batch_id"] is None
    code, out, _err = run("--db", str(copies.office_path), "merge", str(copies.travel_path),
                          "--dry-run")
    assert code == 0 and "Dry run" in out and "nothing was written" in out

    office = copies.open("office")
    try:
        assert content(office) == before and log_ids(office) == history_before
    finally:
        office.close()
    assert copies.travel_path.read_bytes() == travel_bytes


def test_undo_merge_through_the_command_line(copies: Copies) -> None:
    travel = copies.open("travel")
    try:
        organizations.update_organization(travel, copies.org, {"ideology": "Centre-right"},
                                          expected_version=None, actor=TRAVELLER)
    finally:
        travel.close()
    batch = merge_json(copies.office_path, copies.travel_path)["batch_id"]
    code, out, err = run("--db", str(copies.office_path), "undo-merge", batch)
    assert code == 0 and out.strip() == (f"Undid merge {batch}: 0 records removed, 1 "
                                         "restored to their earlier values.")
    office = copies.open("office")
    try:
        assert organizations.get_organization(office, copies.org).ideology is None
    finally:
        office.close()
    code, _out, err = run("--db", str(copies.office_path), "undo-merge", batch)
    assert code == 1 and "already undone" in err
    code, _out, err = run("--db", str(copies.office_path), "undo-merge", "no-such-batch")
    assert code == 1 and err.strip() == "There is no merge with batch id no-such-batch."


def test_refusals_are_one_sentence(copies: Copies, tmp_path: Path) -> None:
    code, out, err = run("--db", str(copies.office_path), "merge", str(copies.office_path))
    assert code == 1 and out == ""
    assert err.strip() == f"{copies.office_path} is this database itself; choose another " \
                          "copy to merge."
    not_sqlite = tmp_path / "notes.sqlite3"
    not_sqlite.write_text("name,country\n", encoding="utf-8")
    code, _out, err = run("--db", str(copies.office_path), "merge", str(not_sqlite))
    assert code == 1 and err.strip() == (f"{not_sqlite} is not a Liaison database (it is not "
                                         "a SQLite file).")
    code, _out, err = run("--db", str(copies.office_path), "export-travel-copy",
                          str(copies.travel_path), "--plain")
    assert code == 1 and "already exists" in err and err.count("\n") == 1
