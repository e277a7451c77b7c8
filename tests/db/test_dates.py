"""Dates as people write them (issue 13, item 2): every date field reads the common forms and
says exactly what is wrong with a value; a founding date keeps the precision it was given —
a year stays a year (a number cell), a day becomes a date (a date cell) — through the
services, export, re-import and merge."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from db.changes.dates import founding_cell, parse_founding
from db.changes.fields import FieldInvalid
from db.changes.recording import Actor
from db.exchange.export.writer import write_workbook
from db.exchange.imports.importer import build_plan
from db.merge import apply_merge, merge_plan
from db.services import affiliations, followups, interactions, organizations, people
from db.store.engine import Database
from db.store.errors import ValidationFailed
from tests.db import test_merge as shared
from tests.db.test_merge import TRAVELLER, travel_path

office = shared.office
party = shared.party
travel = shared.travel

OFFICER = Actor(who="officer", source="screen")


@pytest.mark.parametrize("typed, stored", [
    ("1912", "1912"), (1912, "1912"), (1912.0, "1912"), ("1912年", "1912"),
    ("1912-01", "1912-01"), ("1912年1月", "1912-01"), ("January 1912", "1912-01"),
    ("janvier 1912", "1912-01"),
    ("1912-01-08", "1912-01-08"), ("1912年1月8日", "1912-01-08"),
    ("8 January 1912", "1912-01-08"), ("January 8, 1912", "1912-01-08"),
    (date(1912, 1, 8), "1912-01-08"), ("", None), (None, None),
])
def test_a_founding_date_keeps_the_precision_it_was_given(typed: object,
                                                          stored: str | None) -> None:
    assert parse_founding(typed) == stored


@pytest.mark.parametrize("typed, words", [
    ("1993-02-30", "“1993-02-30” is not a real date: February 1993 has 28 days."),
    ("2024-13-01", "there is no month 13"),
    ("1912-13", "there is no month 13"),
    ("31 April 2024", "April 2024 has 30 days"),
    ("soon", "neither a year nor a date"),
    ("0999", "not a plausible year"),
    ("03/04/1999", "could be 3 April or 4 March"),
    (19.5, "must be a year such as 1921 or a date"),
])
def test_a_founding_date_that_cannot_be_says_why(typed: object, words: str) -> None:
    with pytest.raises(FieldInvalid) as caught:
        parse_founding(typed)
    assert words in caught.value.message
    assert caught.value.message.startswith("The founding date") or "“" not in words


def test_an_impossible_date_is_told_apart_from_text_that_is_no_date(db: Database) -> None:
    org = organizations.create_organization(db, {"name": "Partido"}, OFFICER)
    with pytest.raises(ValidationFailed) as impossible:
        organizations.update_organization(db, org.id, {"founded": "1993-02-30"},
                                          expected_version=None, actor=OFFICER)
    with pytest.raises(ValidationFailed) as nonsense:
        organizations.update_organization(db, org.id, {"founded": "next year"},
                                          expected_version=None, actor=OFFICER)
    [first] = impossible.value.problems
    [second] = nonsense.value.problems
    assert "February 1993 has 28 days" in first.message
    assert "neither a year nor a date" in second.message and first.message != second.message
    assert organizations.get_organization(db, org.id).founded is None, "nothing was written"


def test_every_date_field_reads_dates_as_people_write_them(db: Database) -> None:
    org = organizations.create_organization(db, {"name": "Frelimo", "country": "MZ"}, OFFICER)
    person = people.create_person(db, {"name": "Samora Machel"}, OFFICER)
    visit = interactions.create_interaction(db, {
        "kind": "inbound_visit", "title": "Visit", "start": "2024年6月27日", "end": "30 June 2024",
        "participants": [{"organization_id": org.id}]}, OFFICER)
    assert (visit.start, visit.end) == (date(2024, 6, 27), date(2024, 6, 30))
    position = affiliations.create_affiliation(db, {
        "person_id": person.id, "organization_id": org.id, "start": "25 June 1962"}, OFFICER)
    assert position.start == date(1962, 6, 25)
    commitment = followups.create_followup(db, {"description": "Send the report",
                                                "due": "2025/1/15"}, OFFICER)
    assert commitment.due == date(2025, 1, 15)
    with pytest.raises(ValidationFailed) as caught:
        followups.create_followup(db, {"description": "x", "due": "2025-02-29"}, OFFICER)
    assert [p.message for p in caught.value.problems] == [
        "The due date “2025-02-29” is not a real date: February 2025 has 28 days."]


def test_the_workbook_holds_a_year_as_a_number_and_a_day_as_a_date(
        db: Database, tmp_path: Path) -> None:
    for name, founded in (("Year", "1921"), ("Month", "1921-07"), ("Day", "1921年7月1日")):
        organizations.create_organization(db, {"name": name, "founded": founded}, OFFICER)
    path = tmp_path / "out.xlsx"
    list(write_workbook(db, path))
    sheet = load_workbook(path)["organizations"]
    header = [cell.value for cell in sheet[1]]
    column = header.index("founded")
    cells = {row[1].value: row[column] for row in sheet.iter_rows(min_row=2)}
    assert cells["Year"].value == 1921 and cells["Year"].data_type == "n"
    assert cells["Day"].is_date and cells["Day"].value.date() == date(1921, 7, 1)
    assert cells["Month"].value == "1921-07"
    # Read back, the file changes nothing: each value came back at its precision.
    plan = build_plan(db, path)
    assert not plan.errors and not plan.writes


def test_founding_cells_for_export() -> None:
    assert founding_cell("1912") == 1912
    assert founding_cell("1912-01-08") == date(1912, 1, 8)
    assert founding_cell("1912-01") == "1912-01"
    assert founding_cell(None) is None


def test_a_founding_date_merges_at_its_precision(office: Database, travel: Database,
                                                 party: dict[str, str]) -> None:
    organizations.update_organization(travel, party["org"], {"founded": "25 June 1962"},
                                      expected_version=None, actor=TRAVELLER)
    apply_merge(office, merge_plan(office, travel_path(travel)))
    assert organizations.get_organization(office, party["org"]).founded == "1962-06-25"
