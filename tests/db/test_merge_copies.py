"""Merging, continued (db/merge*.py, db/travel.py): records without a history, undoing a
merge, what a merge refuses, travel copies, and copies that grew apart from the start (two
starter registers). Fixtures and helpers come from test_merge.py."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select, text, update

from db.changes.batches import logged_counts
from db.changes.recording import Actor
from db.merge import apply_merge, merge_plan, undo_merge
from db.merge.travel import export_travel_copy
from db.models import ChangeLog, Organization
from db.seed.opening import open_database
from db.services import affiliations, history, interactions, organizations, people, tags
from db.services.check import check_database
from db.store.engine import Database
from db.store.errors import LiaisonError
from tests.db import test_merge as shared
from tests.db.test_merge import (
    COLLEAGUE,
    TRAVELLER,
    assert_same_content,
    content,
    log_ids,
    travel_path,
)

# The office database, its party and the travel copy, as test_merge.py makes them.
office = shared.office
party = shared.party
travel = shared.travel


def test_records_without_history_go_by_version(office: Database, travel: Database,
                                               party: dict[str, str]) -> None:
    """Bulk-loaded data (demo, starter) has no ChangeLog rows: the newer record wins."""
    for database, ideology, bump in ((travel, "Travel", 2), (office, "Office", 1)):
        with database.transaction() as session:
            session.execute(update(Organization).where(Organization.id == party["org"]).values(
                ideology=ideology, version=Organization.version + bump))
    plan = merge_plan(office, travel_path(travel))
    [record] = plan.records
    assert [(f.field, f.status) for f in record.fields] == [("ideology", "apply")]
    apply_merge(office, plan)
    assert organizations.get_organization(office, party["org"]).ideology == "Travel"


def test_undo_of_a_merge_puts_everything_back_and_the_merge_can_be_redone(
        office: Database, travel: Database, party: dict[str, str]) -> None:
    organizations.update_organization(travel, party["org"], {"founded": 1962,
                                                             "tags": ["Liberation"]},
                                      expected_version=None, actor=TRAVELLER)
    interactions.create_interaction(travel, {
        "kind": "letter", "title": "Letter", "start": "2025-06-01",
        "participants": [{"organization_id": party["org"]}]}, TRAVELLER)
    before, history_before = content(office), log_ids(office)
    result = apply_merge(office, merge_plan(office, travel_path(travel)))
    assert result.batch_id is not None
    assert content(office) != before

    undone = undo_merge(office, result.batch_id)
    assert (undone.removed, undone.restored, undone.kept) == (2, 1, ())  # letter, tag; party
    after = content(office)
    assert after["organizations"] == before["organizations"]
    assert {k: v for k, v in after.items() if k != "organizations"} == \
        {k: v for k, v in before.items() if k != "organizations"}
    # Only the merge's own rows and the undo's remain of it in the history, all with the
    # source "merge", so the next merge does not take them for changes of this copy.
    assert {row for row in log_ids(office) - history_before} == \
        merge_rows(office, result.batch_id) | merge_rows(office, undone.batch_id)
    assert merge_rows(office, undone.batch_id)
    assert check_database(office) == []
    with pytest.raises(LiaisonError, match="already undone"):
        undo_merge(office, result.batch_id)

    redo = merge_plan(office, travel_path(travel))
    assert {r.action for r in redo.records} == {"create", "update"}
    apply_merge(office, redo)
    apply_merge(travel, merge_plan(travel, office.url))
    assert_same_content(office, travel)


def merge_rows(db: Database, batch_id: str) -> set[str]:
    with db.reading() as session:
        return set(session.execute(select(ChangeLog.id).where(
            ChangeLog.batch_id == batch_id, ChangeLog.source == "merge")).scalars())


def test_undo_keeps_what_was_changed_after_the_merge(office: Database, travel: Database,
                                                     party: dict[str, str]) -> None:
    """Field by field: a field edited since the merge keeps its newer value, the merge's
    other fields go back; a record the merge created that others point to since stays."""
    founded = organizations.get_organization(office, party["org"]).founded
    organizations.update_organization(travel, party["org"], {"founded": 1962,
                                                             "ideology": "Socialism"},
                                      expected_version=None, actor=TRAVELLER)
    contact = people.create_person(travel, {"name": "Contact"}, TRAVELLER)
    result = apply_merge(office, merge_plan(office, travel_path(travel)))
    assert result.batch_id is not None
    organizations.update_organization(office, party["org"], {"ideology": "Edited after."},
                                      expected_version=None, actor=COLLEAGUE)
    affiliations.create_affiliation(office, {"person_id": contact.id,
                                             "organization_id": party["org"]}, COLLEAGUE)
    undone = undo_merge(office, result.batch_id)
    assert (undone.removed, undone.restored, len(undone.kept)) == (0, 1, 2)
    assert any("“ideology” was changed after the merge" in line for line in undone.kept)
    assert any("“Contact”: other records point to it" in line for line in undone.kept)
    party_now = organizations.get_organization(office, party["org"])
    assert (party_now.founded, party_now.ideology) == (founded, "Edited after.")
    assert people.get_person(office, contact.id).name == "Contact"


def test_a_reference_neither_copy_holds_blocks_the_merge(
        office: Database, travel: Database, party: dict[str, str]) -> None:
    """A damaged copy (a position of a person that is not there) is refused, nothing written."""
    stranger = people.create_person(travel, {"name": "Stranger"}, TRAVELLER)
    affiliations.create_affiliation(travel, {"person_id": stranger.id,
                                             "organization_id": party["org"]}, TRAVELLER)
    travel.close()
    connection = sqlite3.connect(travel_path(travel))  # foreign keys are not enforced here
    with connection:
        connection.execute("DELETE FROM people WHERE id = ?", (stranger.id,))
    connection.close()
    plan = merge_plan(office, travel_path(travel))
    [problem] = plan.errors
    assert problem.kind == "positions" and "neither copy holds" in problem.message
    history_before, before = log_ids(office), content(office)
    with pytest.raises(LiaisonError, match="block the merge"):
        apply_merge(office, plan)
    assert log_ids(office) == history_before and content(office) == before


def test_the_database_itself_is_refused_and_the_other_copy_is_never_written(
        office: Database, travel: Database, party: dict[str, str], tmp_path: Path) -> None:
    with pytest.raises(LiaisonError, match="this database itself"):
        merge_plan(office, office.url)
    with pytest.raises(LiaisonError, match="There is no database file"):
        merge_plan(office, str(tmp_path / "nowhere.sqlite3"))
    people.create_person(travel, {"name": "Someone"}, TRAVELLER)
    travel.close()  # the laptop's app is closed: the file alone is the copy
    assert travel.path is not None
    digest = travel.path.read_bytes()
    apply_merge(office, merge_plan(office, str(travel.path)))
    assert travel.path.read_bytes() == digest


def test_a_travel_copy_is_complete_and_has_its_own_identity(
        office: Database, travel: Database, tmp_path: Path) -> None:
    assert_same_content(travel, office)
    assert log_ids(travel) == log_ids(office)
    with office.reading() as a, travel.reading() as b:
        mine = a.execute(text("SELECT key, value FROM meta")).all()
        theirs = dict(b.execute(text("SELECT key, value FROM meta")).all())
    assert theirs["copied_from"] == dict(mine)["database_id"] != theirs["database_id"]
    with pytest.raises(LiaisonError, match="already exists"):
        assert travel.path is not None
        export_travel_copy(office, travel.path)


def test_tag_groupings_merge_their_countries(office: Database, travel: Database) -> None:
    grouping = tags.create_tag(office, {"name": "Lusophone"}, COLLEAGUE)
    tags.tag_countries(office, grouping.id, ["MZ", "AO"], COLLEAGUE)
    apply_merge(travel, merge_plan(travel, office.url))
    tags.tag_countries(travel, grouping.id, ["MZ", "AO", "PT"], TRAVELLER)
    tags.tag_countries(office, grouping.id, ["MZ", "AO", "BR"], COLLEAGUE)
    apply_merge(office, merge_plan(office, travel_path(travel)))
    apply_merge(travel, merge_plan(travel, office.url))
    assert len(content(office)["tags"]["lusophone"]["countries"]) == 4
    assert_same_content(travel, office)


def seeded_party(database: Database, reference: str, name: str) -> str:
    """A party as the starter register loads it: its own id, the register's reference."""
    org = organizations.create_organization(database, {"name": name, "country": "BR"},
                                            Actor("system", source="starter"))
    with database.transaction() as session:
        session.execute(update(Organization).where(Organization.id == org.id)
                        .values(external_ref=reference))
    return org.id


def test_two_starter_registers_loaded_apart_do_not_duplicate_their_parties(
        office: Database, tmp_path: Path) -> None:
    """Two laptops that each loaded the starter register hold the same parties under
    different ids: merged, each party is one record, and what points to it follows."""
    laptop = open_database(tmp_path / "colleague.sqlite3")
    try:
        mine = seeded_party(office, "partyfacts:42", "Partido Verde")
        theirs = seeded_party(laptop, "partyfacts:42", "Partido Verde")
        only_theirs = seeded_party(laptop, "partyfacts:7", "Partido Azul")
        organizations.update_organization(laptop, theirs, {"website": "pv.example.br"},
                                          expected_version=None, actor=TRAVELLER)
        organizations.update_organization(office, mine, {"notes": "Sister party."},
                                          expected_version=None, actor=COLLEAGUE)
        talk = interactions.create_interaction(laptop, {
            "kind": "talks", "title": "Talks in Brasília", "start": "2025-04-02",
            "participants": [{"organization_id": theirs}]}, TRAVELLER)
        member = people.create_person(laptop, {"name": "Member"}, TRAVELLER)
        position = affiliations.create_affiliation(
            laptop, {"person_id": member.id, "organization_id": theirs}, TRAVELLER)

        plan = merge_plan(office, str(laptop.path))
        assert not plan.errors and not plan.conflicts
        assert plan.counts()["organizations"] == {"created": 1, "updated": 1, "unchanged": 0,
                                                  "skipped": 0}
        apply_merge(office, plan)
        with office.reading() as session:
            assert session.execute(select(func.count()).select_from(Organization).where(
                Organization.external_ref == "partyfacts:42")).scalar_one() == 1
        party = organizations.get_organization(office, mine)
        assert (party.website, party.notes, party.interaction_count) == (
            "https://pv.example.br", "Sister party.", 1)
        assert [p.organization_id for p in interactions.get_interaction(
            office, talk.id).participants] == [mine]
        assert affiliations.list_affiliations(office, person_id=member.id)[0].organization_id \
            == mine
        assert organizations.get_organization(office, only_theirs).name == "Partido Azul"
        assert [c.field for c in history.history(office, mine)
                if c.who == "traveller"] == ["website"]
        assert check_database(office) == []
        assert position.id in {a.id for a in affiliations.list_affiliations(office)}

        # And back: the colleague's copy keeps its ids, takes the office's notes.
        apply_merge(laptop, merge_plan(laptop, office.url))
        assert organizations.get_organization(laptop, theirs).notes == "Sister party."
        with laptop.reading() as session:
            assert session.execute(select(func.count()).select_from(Organization).where(
                Organization.external_ref == "partyfacts:42")).scalar_one() == 1
        assert not merge_plan(office, str(laptop.path)).writes
        assert not merge_plan(laptop, office.url).writes
    finally:
        laptop.close()


def test_the_merge_counts_what_the_change_log_records(office: Database, travel: Database,
                                                      party: dict[str, str]) -> None:
    """A record with a conflict left open still has its other fields merged: it counts as
    updated, as the change log says, and as skipped only when nothing of it was written."""
    organizations.update_organization(travel, party["org"], {"ideology": "Travel",
                                                             "founded": 1962},
                                      expected_version=None, actor=TRAVELLER)
    organizations.update_organization(office, party["org"], {"ideology": "Office"},
                                      expected_version=None, actor=COLLEAGUE)
    people.update_person(travel, party["leader"], {"title": "President"},
                         expected_version=None, actor=TRAVELLER)
    affiliations.delete_affiliation(travel, party["position"], actor=TRAVELLER)
    interactions.create_interaction(travel, {"kind": "letter", "title": "Letter",
                                             "start": "2025-06-01"}, TRAVELLER)
    result = apply_merge(office, merge_plan(office, travel_path(travel)))
    assert result.batch_id is not None and len(result.open_conflicts) == 1
    with office.reading() as session:
        logged = logged_counts(session, [result.batch_id])[result.batch_id]
    assert logged == {"organizations": {"updated": 1}, "people": {"updated": 1},
                      "positions": {"deleted": 1}, "interactions": {"created": 1}}
    for kind, words in result.counts.items():
        log = logged.get(kind, {})
        assert words["created"] == log.get("created", 0), kind
        assert words["updated"] == sum(log.get(w, 0) for w in ("updated", "deleted",
                                                                "restored")), kind
    assert result.counts["organizations"]["skipped"] == 0
