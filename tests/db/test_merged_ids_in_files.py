"""Files made before two records were merged, brought back after (issue 18): a Liaison workbook
exported before the merge lands every row naming the merged-away party (by id, by id with its
old name, by name alone, as an interaction's participant) on the survivor; the merged-away
party's own row is quiet when left alone and, when edited, one warning at the row says where
to edit instead, writing nothing; a duplicate the merge removed is quiet too. A travel copy
made before the merge and merged back after brings what the road created for the merged-away
party onto the survivor, and the road's edits to its own fields as conflicts on the survivor (what it added to a list
as additions to the survivor's list). On SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from db.changes.recording import Actor
from db.changes.undo import undo_batch
from db.exchange.export.writer import write_workbook
from db.exchange.imports.importer import apply_plan, build_plan, undo_import
from db.exchange.imports.plan import Plan
from db.merge import apply_merge, merge_plan
from db.merge.travel import export_travel_copy
from db.seed.opening import open_database
from db.services import (
    affiliations,
    events,
    followups,
    interactions,
    invitations,
    levels,
    organizations,
    people,
    visits,
)
from db.services.record_merge import merge_records
from db.store.engine import Database
from tests.db.factories import make_interaction, make_organization, make_person

DAY = date(2026, 5, 10)


@pytest.fixture
def pair(db: Database) -> dict[str, Any]:
    """The same party twice, each with records pointing at it; both invited to one seminar."""
    survivor = make_organization(db, name="Partido dos Trabalhadores", abbreviation="PT",
                                 country="BR", level="regular")
    other = make_organization(db, name="Workers' Party", country="BR", notes="Typed in 2019")
    lula = make_person(db, name="Luiz Inácio Lula da Silva")
    position = affiliations.create_affiliation(db, {"person_id": lula.id,
                                                    "organization_id": other.id,
                                                    "role": "Honorary President"})
    talks = make_interaction(db, title="Talks in Brasília", organizations_=[other.id])
    followup = followups.create_followup(db, {"description": "Send the report",
                                              "organization_id": other.id})
    seminar = events.create_event(db, {"name": "Seminar", "start": DAY})
    theirs = invitations.invite(db, seminar.id, {"organization_id": other.id})
    invitations.invite(db, seminar.id, {"organization_id": survivor.id})
    visit = visits.create_visit(db, {"title": "PT delegation", "direction": "inbound",
                                     "start": DAY, "guest_id": other.id})
    return {"survivor": survivor, "other": other, "lula": lula, "position": position,
            "talks": talks, "followup": followup, "seminar": seminar, "theirs": theirs,
            "visit": visit}


def export(db: Database, path: Path) -> Path:
    list(write_workbook(db, path))
    return path


def edit(path: Path, sheet: str, key: str, changes: dict[str, Any]) -> int:
    wb = load_workbook(path)
    ws = wb[sheet]
    headers = [c.value for c in ws[1]]
    number = next(n for n, row in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2)
                  if row[0] == key)
    for column, new in changes.items():
        ws.cell(number, headers.index(column) + 1).value = new
    wb.save(path)
    return number


def append(path: Path, sheet: str, values: dict[str, Any]) -> int:
    wb = load_workbook(path)
    ws = wb[sheet]
    headers = [c.value for c in ws[1]]
    ws.append([values.get(h) for h in headers])
    wb.save(path)
    return int(ws.max_row)


def position_of(db: Database, position_id: str) -> Any:
    return next(p for p in affiliations.list_affiliations(db) if p.id == position_id)


def changed(plan: Plan) -> set[tuple[str, str]]:
    return {(r.sheet, r.action) for r in plan.rows if r.action not in ("unchanged", "skip")}


# -- a workbook exported before the merge -------------------------------------------------------

def test_a_workbook_from_before_the_merge_comes_back_quietly(db: Database,
                                                             pair: dict[str, Any],
                                                             tmp_path: Path) -> None:
    path = export(db, tmp_path / "before.xlsx")
    merge_records(db, "organization", pair["survivor"].id, pair["other"].id,
                  choices={"name": "survivor"})
    plan = build_plan(db, path)
    assert not plan.errors, plan.errors
    assert not plan.warnings, plan.warnings
    assert changed(plan) == set()
    # the merged-away party's row, and its invitation the merge removed as a duplicate
    [own] = [r for r in plan.rows if r.id == pair["other"].id]
    assert own.action == "unchanged" and "merged into “Partido dos Trabalhadores”" in own.reason
    [duplicate] = [r for r in plan.rows if r.id == pair["theirs"].id]
    assert duplicate.action == "unchanged"


def test_rows_naming_the_merged_away_party_land_on_the_survivor(db: Database,
                                                                pair: dict[str, Any],
                                                                tmp_path: Path) -> None:
    survivor, other = pair["survivor"], pair["other"]
    path = export(db, tmp_path / "before.xlsx")
    merge_records(db, "organization", survivor.id, other.id, choices={"name": "survivor"})
    # by id with the old name beside it: an edited position, a new follow-up
    edit(path, "positions", pair["position"].id, {"role": "Founder"})
    append(path, "followups", {"description": "Call back", "organization_id": other.id,
                               "organization": "Workers' Party"})
    # by the old name alone: a new follow-up, a new meeting's participant
    append(path, "followups", {"description": "Send the book", "organization": "Workers' Party"})
    append(path, "interactions", {"kind": "meeting", "title": "Dinner", "start": DAY,
                                  "participants": "Workers' Party [participant]"})
    # by id in participant_ids with the old readable name: an edited summary
    edit(path, "interactions", pair["talks"].id, {"summary": "Agreed on a visit"})
    # a new member of the visit's guests, by the party's id
    append(path, "members", {"visit_id": pair["visit"].id, "visit": "PT delegation",
                             "organization_id": other.id, "organization": "Workers' Party",
                             "side": "guest", "role": "member"})
    plan = build_plan(db, path)
    assert not plan.errors, plan.errors
    assert changed(plan) == {("positions", "update"), ("followups", "create"),
                             ("interactions", "create"), ("interactions", "update"),
                             ("members", "create")}
    result = apply_plan(db, plan)
    position = position_of(db, pair["position"].id)
    assert (position.organization_id, position.role) == (survivor.id, "Founder")
    made = {f.description: f.organization_id for f in followups.list_followups(db).items}
    assert made["Call back"] == made["Send the book"] == survivor.id
    dinner = next(i for i in interactions.list_interactions(db).items if i.title == "Dinner")
    assert [p.organization_id for p in interactions.get_interaction(
        db, dinner.id).participants] == [survivor.id]
    talks = interactions.get_interaction(db, pair["talks"].id)
    assert talks.summary == "Agreed on a visit"
    assert [p.organization_id for p in talks.participants] == [survivor.id]
    assert {m.organization_id for m in visits.list_members(db, pair["visit"].id)} == {
        survivor.id}
    undo_import(db, result.batch_id)
    assert position_of(db, pair["position"].id).role == "Honorary President"


def test_an_edited_row_of_the_merged_away_party_is_one_warning(db: Database,
                                                               pair: dict[str, Any],
                                                               tmp_path: Path) -> None:
    survivor, other = pair["survivor"], pair["other"]
    path = export(db, tmp_path / "before.xlsx")
    merged = merge_records(db, "organization", survivor.id, other.id, choices={"name": "survivor"})
    row = edit(path, "organizations", other.id, {"notes": "Edited on the plane"})
    plan = build_plan(db, path)
    assert not plan.errors, plan.errors
    [warning] = plan.warnings
    assert (warning.sheet, warning.row) == ("organizations", row)
    assert "merged into “Partido dos Trabalhadores” on" in warning.message
    assert "Edit Partido dos Trabalhadores's row instead" in warning.message
    assert changed(plan) == set()
    assert organizations.get_organization(db, survivor.id).notes == "Typed in 2019"
    # once the merge is undone, the party is itself again and the edit is an update
    undo_batch(db, merged.batch_id)
    plan = build_plan(db, path)
    assert not plan.warnings and ("organizations", "update") in changed(plan)


# -- a travel copy made before the merge ---------------------------------------------------

def test_a_travel_copy_from_before_the_merge_lands_on_the_survivor(db: Database,
                                                                   pair: dict[str, Any],
                                                                   tmp_path: Path) -> None:
    survivor, other = pair["survivor"], pair["other"]
    copy = export_travel_copy(db, tmp_path / "travel.sqlite3")
    road = open_database(copy.path)
    traveller = Actor("traveller")
    try:
        dilma = make_person(road, name="Dilma Rousseff")
        position = affiliations.create_affiliation(road, {
            "person_id": dilma.id, "organization_id": other.id, "role": "President"}, traveller)
        followup = followups.create_followup(road, {"description": "Write to them",
                                                    "organization_id": other.id}, traveller)
        forum = events.create_event(road, {"name": "Forum", "start": DAY}, traveller)
        invited = invitations.invite(road, forum.id, {"organization_id": other.id}, traveller)
        met = interactions.create_interaction(road, {
            "kind": "meeting", "title": "Meeting on the road", "start": "2026-06-01",
            "participants": [{"organization_id": other.id}]}, traveller)
        member = visits.add_member(road, pair["visit"].id, {"organization_id": other.id,
                                                            "person_id": dilma.id,
                                                            "side": "guest"}, traveller)
        levels.change_level(road, other.id, "close", effective=date(2026, 1, 15),
                            reason="Met on the road", actor=traveller)
        organizations.update_organization(road, other.id, {"notes": "Met their new leader"},
                                          expected_version=None, actor=traveller)
    finally:
        road.close()
    merge_records(db, "organization", survivor.id, other.id)  # meanwhile, at the office
    plan = merge_plan(db, str(copy.path))
    assert not plan.errors, plan.errors
    [record] = [r for r in plan.conflicts if r.id == survivor.id]
    notes = next(f for f in record.conflicts if f.field == "notes")
    assert (notes.here, notes.there) == ("Typed in 2019", "Met their new leader")
    result = apply_merge(db, plan)
    assert position_of(db, position.id).organization_id == survivor.id
    assert followups.get_followup(db, followup.id).organization_id == survivor.id
    assert invitations.get_invitation(db, invited.id).organization_id == survivor.id
    assert [p.organization_id for p in interactions.get_interaction(
        db, met.id).participants] == [survivor.id]
    [arrived] = [m for m in visits.list_members(db, pair["visit"].id) if m.id == member.id]
    assert arrived.organization_id == survivor.id
    assert ("close", date(2026, 1, 15), "Met on the road") in [
        (c.level, c.effective, c.reason) for c in levels.level_history(db, survivor.id)]
    # the road's note is not lost: an open conflict on the survivor until settled
    assert any(r.id == survivor.id for r in result.open_conflicts)
    assert organizations.get_organization(db, survivor.id).notes == "Typed in 2019"
    again = merge_plan(db, str(copy.path))
    apply_merge(db, again, resolutions={(survivor.id, "notes"): "there"})
    assert organizations.get_organization(db, survivor.id).notes == "Met their new leader"
    # settled: the next merge has nothing left to say about it
    assert not [r for r in merge_plan(db, str(copy.path)).conflicts if r.id == survivor.id]


def test_names_and_addresses_added_on_the_road_join_the_survivor_s_lists(db: Database,
                                                                         tmp_path: Path) -> None:
    """Aliases (an organization's) and e-mails (a person's) added on the road to a record merged
    away at the office meanwhile are offered as additions to the survivor's lists — which hold
    what the merge kept — not as lists that would replace them."""
    survivor = make_organization(db, name="Partido dos Trabalhadores", country="BR",
                                 aliases=["PT Brasil"])
    other = make_organization(db, name="Workers' Party", country="BR")
    mine = make_person(db, name="Dilma Rousseff", emails=["dilma@pt.org.br"])
    theirs = make_person(db, name="Dilma Vana Rousseff", emails=["d.rousseff@gov.br"])
    copy = export_travel_copy(db, tmp_path / "travel.sqlite3")
    road = open_database(copy.path)
    try:
        organizations.update_organization(road, other.id, {"aliases": ["Partido Trabalhista"]},
                                          expected_version=None, actor=Actor("traveller"))
        people.update_person(road, theirs.id, {"emails": ["d.rousseff@gov.br",
                                                          "dilma@presidencia.br"]},
                             expected_version=None, actor=Actor("traveller"))
    finally:
        road.close()
    merge_records(db, "organization", survivor.id, other.id)  # meanwhile, at the office
    merge_records(db, "person", mine.id, theirs.id)
    kept_aliases = organizations.get_organization(db, survivor.id).aliases
    kept_emails = people.get_person(db, mine.id).emails
    assert "PT Brasil" in kept_aliases and "d.rousseff@gov.br" in kept_emails
    plan = merge_plan(db, str(copy.path))
    assert not plan.errors, plan.errors
    offered = {(r.id, f.field): f for r in plan.conflicts for f in r.conflicts}
    aliases = offered[(survivor.id, "aliases")]
    assert (aliases.here, aliases.value) == (list(kept_aliases),
                                             [*kept_aliases, "Partido Trabalhista"])
    emails = offered[(mine.id, "emails")]
    assert (emails.here, emails.value) == (list(kept_emails),
                                           [*kept_emails, "dilma@presidencia.br"])
    apply_merge(db, plan, resolutions={(survivor.id, "aliases"): "there",
                                       (mine.id, "emails"): "there"})
    assert organizations.get_organization(db, survivor.id).aliases == (
        *kept_aliases, "Partido Trabalhista")
    assert people.get_person(db, mine.id).emails == (*kept_emails, "dilma@presidencia.br")
