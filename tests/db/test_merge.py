"""Travel copies and merging (db/merge*.py, db/travel.py): an office database — a SQLite file or
the PostgreSQL test server — and a travel copy (a real SQLite file) changed apart and merged
back, field by field, through the real services."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from db.changes.recording import Actor
from db.merge import apply_merge, merge_plan
from db.merge.travel import export_travel_copy
from db.models import (
    ChangeLog,
    ImportBatch,
    Participation,
    Tag,
    country_tags,
    interaction_tags,
    interaction_topics,
    organization_tags,
    person_tags,
)
from db.models.base import Base
from db.seed.opening import open_database
from db.services import affiliations, history, interactions, organizations, people
from db.services.check import check_database
from db.store.engine import Database
from db.store.errors import LiaisonError

TRAVELLER = Actor("traveller")
COLLEAGUE = Actor("colleague")
SKIPPED_COLUMNS = {"version", "updated_at"}  # local counters and clocks, not content
TAG_LINKS = {"organizations": organization_tags, "people": person_tags,
             "interactions": interaction_tags}


def content(db: Database) -> dict[str, Any]:
    """Everything a user can see in a database, read with plain SQL (not with the merge's own
    readers): every record of every kind (deleted ones too) with its links; tags by name, since
    two copies may hold the same tag under different ids. Versions and update times are each
    copy's own and left out."""
    result: dict[str, Any] = {}
    with db.reading() as session:
        tag_names = {key: name.lower() for key, name in session.execute(
            select(Tag.id, Tag.name))}
        for table in ("organizations", "people", "affiliations", "interactions", "followups",
                      "topics", "tags"):
            rows = session.execute(select(Base.metadata.tables[table])).mappings().all()
            records = {}
            for row in rows:
                values = {k: v for k, v in row.items() if k not in SKIPPED_COLUMNS}
                key = row["name"].lower() if table == "tags" else row["id"]
                if table == "tags":  # a tag made apart in both copies keeps each copy's own
                    values.pop("id")
                    values.pop("created_at")
                records[key] = values
            result[table] = records
        for owner, link in TAG_LINKS.items():
            column = next(c for c in link.c if c.name != "tag_id")
            for owner_id, tag_id in session.execute(select(column, link.c.tag_id)):
                result[owner][owner_id].setdefault("tag_names", set()).add(tag_names[tag_id])
        for tag_id, country in session.execute(
                select(country_tags.c.tag_id, country_tags.c.country_id)):
            result["tags"][tag_names[tag_id]].setdefault("countries", set()).add(country)
        for interaction, topic in session.execute(
                select(interaction_topics.c.interaction_id, interaction_topics.c.topic_id)
        ):
            result["interactions"][interaction].setdefault("topic_ids", set()).add(topic)
        p = Participation
        for row in session.execute(select(p.interaction_id, p.organization_id, p.person_id,
                                          p.role, p.start).where(p.deleted_at.is_(None))):
            result["interactions"][row[0]].setdefault("participants", set()).add(tuple(row[1:]))
    return result


def assert_same_content(a: Database, b: Database) -> None:
    """The two copies hold the same; otherwise the failure names every record that differs."""
    left, right = content(a), content(b)
    found = []
    for table in left:
        for key in left[table].keys() | right[table].keys():
            x, y = left[table].get(key), right[table].get(key)
            if x != y:
                fields = "only in one copy" if x is None or y is None else {
                    k: (x.get(k), y.get(k)) for k in x.keys() | y.keys() if x.get(k) != y.get(k)}
                found.append(f"{table} {key}: {fields}")
    assert not found, "\n".join(found)


def log_ids(db: Database) -> set[str]:
    with db.reading() as session:
        return set(session.execute(select(ChangeLog.id)).scalars())


def differences(before: dict[str, Any], after: dict[str, Any]) -> dict[tuple[str, str], Any]:
    """(table, id) → the fields that changed ("new" for a record that appeared)."""
    found: dict[tuple[str, str], Any] = {}
    for table, records in after.items():
        for key, values in records.items():
            old = before[table].get(key)
            if old is None:
                found[(table, key)] = "new"
            elif old != values:
                found[(table, key)] = {k for k in values.keys() | old.keys()
                                       if values.get(k) != old.get(k)}
    return found


@pytest.fixture
def office(db: Database) -> Database:
    return db


@pytest.fixture
def party(office: Database) -> dict[str, str]:
    """A party with its leader, in the office database before the trip."""
    org = organizations.create_organization(
        office, {"name": "Frente de Libertação", "abbreviation": "FL", "country": "MZ",
                 "website": "fl.example.org", "tags": ["Southern Africa"]}, COLLEAGUE)
    leader = people.create_person(office, {"name": "Ana Leader", "nationality": "MZ"},
                                  COLLEAGUE)
    position = affiliations.create_affiliation(
        office, {"person_id": leader.id, "organization_id": org.id, "role": "President",
                 "start": "2015-03-01"}, COLLEAGUE)
    return {"org": org.id, "leader": leader.id, "position": position.id}


@pytest.fixture
def travel(office: Database, party: dict[str, str], tmp_path: Path) -> Iterator[Database]:
    folder = tmp_path / "laptop"
    folder.mkdir()
    copy = export_travel_copy(office, folder / "travel.sqlite3")
    database = open_database(copy.path)
    try:
        yield database
    finally:
        database.close()


def travel_path(travel: Database) -> str:
    assert travel.path is not None
    return str(travel.path)


# --- the "Done when" ------------------------------------------------------------------

def test_visit_and_new_leader_offline_website_at_the_office_both_arrive_and_nothing_else(
        office: Database, travel: Database, party: dict[str, str]) -> None:
    # On the road: a visit recorded, the party's leader changes.
    visit = interactions.create_interaction(travel, {
        "kind": "outbound_visit", "title": "Visit to Maputo", "start": "2025-05-12",
        "city": "Maputo", "country": "MZ", "topics": ["governance"],
        "participants": [{"organization_id": party["org"], "role": "host"}]}, TRAVELLER)
    successor = people.create_person(travel, {"name": "Bruno Successor"}, TRAVELLER)
    new_position = affiliations.create_affiliation(
        travel, {"person_id": successor.id, "organization_id": party["org"],
                 "role": "President", "start": "2025-05-01"}, TRAVELLER)
    affiliations.update_affiliation(travel, party["position"], {"end": "2025-04-30"},
                                    expected_version=None, actor=TRAVELLER)
    # Meanwhile at the office: a colleague changes the party's website.
    organizations.update_organization(office, party["org"], {"website": "fl.example.net"},
                                      expected_version=None, actor=COLLEAGUE)
    before = content(office)

    plan = merge_plan(office, travel_path(travel))
    assert not plan.conflicts and not plan.errors
    actions = {(r.kind, r.id): r.action for r in plan.records}
    assert actions == {("interactions", visit.id): "create", ("people", successor.id): "create",
                       ("positions", new_position.id): "create",
                       ("positions", party["position"]): "update",
                       ("organizations", party["org"]): "keep"}
    result = apply_merge(office, plan, Actor("officer"))
    assert result.batch_id is not None and not result.open_conflicts

    after = content(office)
    assert differences(before, after) == {
        ("interactions", visit.id): "new", ("people", successor.id): "new",
        ("affiliations", new_position.id): "new",
        ("affiliations", party["position"]): {"end_date"},
        # The party's contact figures follow the visit; its website stays the office's.
        ("organizations", party["org"]): {"last_contact", "interaction_count"},
    }
    org = organizations.get_organization(office, party["org"])
    assert org.website == "https://fl.example.net" and org.interaction_count == 1
    current = affiliations.list_affiliations(office, organization_id=party["org"],
                                             current_only=True)
    assert [a.person_name for a in current] == ["Bruno Successor"]
    assert check_database(office) == []

    # Every merged change is in the history: the traveller's own row, and the merge's.
    changes = history.history(office, party["position"])
    end = [c for c in changes if c.field == "end"]
    assert {(c.who, c.source) for c in end} == {("traveller", "screen"), ("officer", "merge")}
    assert {c.source_detail for c in end if c.source == "merge"} == {"travel.sqlite3"}
    with office.reading() as session:
        batch = session.get(ImportBatch, result.batch_id)
        assert batch is not None and batch.kind == "merge" and batch.status == "applied"

    # Back on the laptop, the office's change arrives and both copies hold the same.
    back = merge_plan(travel, office.url)
    assert [(r.kind, r.action, [f.field for f in r.fields]) for r in back.records] == [
        ("organizations", "update", ["website"])]
    apply_merge(travel, back)
    assert_same_content(travel, office)
    assert check_database(travel) == []


def test_merging_the_same_copy_twice_changes_nothing(office: Database, travel: Database,
                                                     party: dict[str, str]) -> None:
    organizations.update_organization(travel, party["org"], {"notes": "Met the youth wing."},
                                      expected_version=None, actor=TRAVELLER)
    people.create_person(travel, {"name": "New Contact"}, TRAVELLER)
    apply_merge(office, merge_plan(office, travel_path(travel)))
    snapshot, history_rows = content(office), log_ids(office)

    again = merge_plan(office, travel_path(travel))
    assert not again.writes and not again.history
    assert all(r.action in ("keep", "unchanged") for r in again.records)
    assert apply_merge(office, again).batch_id is None
    assert content(office) == snapshot and log_ids(office) == history_rows

    # The way back, twice: the second time finds nothing either.
    apply_merge(travel, merge_plan(travel, office.url))
    assert not merge_plan(travel, office.url).writes
    assert not merge_plan(office, travel_path(travel)).writes
    assert_same_content(travel, office)


# --- conflicts --------------------------------------------------------------------------------

def test_a_conflict_shows_both_values_and_stays_open_while_the_rest_applies(
        office: Database, travel: Database, party: dict[str, str]) -> None:
    organizations.update_organization(travel, party["org"], {"website": "fl.travel.org",
                                                             "ideology": "Socialism"},
                                      expected_version=None, actor=TRAVELLER)
    organizations.update_organization(office, party["org"], {"website": "fl.office.org"},
                                      expected_version=None, actor=COLLEAGUE)
    plan = merge_plan(office, travel_path(travel))
    [record] = plan.conflicts
    assert record.id == party["org"] and record.action == "conflict"
    [conflict] = record.conflicts
    assert (conflict.field, conflict.here, conflict.there) == (
        "website", "https://fl.office.org", "https://fl.travel.org")
    result = apply_merge(office, plan)
    assert [r.id for r in result.open_conflicts] == [party["org"]]
    org = organizations.get_organization(office, party["org"])
    assert (org.website, org.ideology) == ("https://fl.office.org", "Socialism")

    # Still open at the next merge; settled for the travel copy's value, it is gone.
    again = merge_plan(office, travel_path(travel))
    assert [f.field for r in again.conflicts for f in r.conflicts] == ["website"]
    apply_merge(office, again, resolutions={(party["org"], "website"): "there"})
    assert organizations.get_organization(office, party["org"]).website == \
        "https://fl.travel.org"
    settled = merge_plan(office, travel_path(travel))
    assert not settled.conflicts and not settled.writes

    # A later change on the laptop is not a conflict with the settled value.
    organizations.update_organization(travel, party["org"], {"website": "fl.new.org"},
                                      expected_version=None, actor=TRAVELLER)
    later = merge_plan(office, travel_path(travel))
    assert not later.conflicts
    apply_merge(office, later)
    apply_merge(travel, merge_plan(travel, office.url))
    assert organizations.get_organization(office, party["org"]).website == "https://fl.new.org"
    assert_same_content(travel, office)


def test_keeping_this_copys_value_sends_it_to_the_other_copy(
        office: Database, travel: Database, party: dict[str, str]) -> None:
    organizations.update_organization(travel, party["org"], {"level": "regular"},
                                      expected_version=None, actor=TRAVELLER)
    organizations.update_organization(office, party["org"], {"level": "close"},
                                      expected_version=None, actor=COLLEAGUE)
    result = apply_merge(office, merge_plan(office, travel_path(travel)), prefer="here")
    assert not result.open_conflicts
    back = merge_plan(travel, office.url)
    assert not back.conflicts
    apply_merge(travel, back)
    assert organizations.get_organization(travel, party["org"]).level == "close"
    assert_same_content(travel, office)


# --- deletions, links ---------------------------------------------------------------------------

def test_soft_deletes_travel_and_edits_made_meanwhile_are_kept(
        office: Database, travel: Database, party: dict[str, str]) -> None:
    talk = interactions.create_interaction(office, {
        "kind": "talks", "title": "Talks", "start": "2025-01-10",
        "participants": [{"organization_id": party["org"]}]}, COLLEAGUE)
    apply_merge(travel, merge_plan(travel, office.url))
    organizations.delete_organization(travel, party["org"], actor=TRAVELLER)
    organizations.update_organization(office, party["org"], {"notes": "Call back in June."},
                                      expected_version=None, actor=COLLEAGUE)
    interactions.delete_interaction(office, talk.id, actor=COLLEAGUE)

    plan = merge_plan(office, travel_path(travel))
    assert {(r.id, r.action) for r in plan.records} == {(party["org"], "delete"),
                                                        (talk.id, "keep")}
    apply_merge(office, plan)
    with pytest.raises(LiaisonError):
        organizations.get_organization(office, party["org"])
    deleted = organizations.get_organization(office, party["org"], include_deleted=True)
    assert deleted.notes == "Call back in June."

    apply_merge(travel, merge_plan(travel, office.url))
    assert interactions.get_interaction(travel, talk.id, include_deleted=True).deleted_at
    assert organizations.get_organization(travel, party["org"],
                                          include_deleted=True).interaction_count == 0
    assert_same_content(travel, office)
    assert check_database(travel) == [] and check_database(office) == []

    # A restore travels too.
    organizations.restore_organization(office, party["org"], COLLEAGUE)
    apply_merge(travel, merge_plan(travel, office.url))
    assert organizations.get_organization(travel, party["org"]).deleted_at is None


def test_tags_topics_and_participants_merge_one_by_one(
        office: Database, travel: Database, party: dict[str, str]) -> None:
    visit = interactions.create_interaction(office, {
        "kind": "meeting", "title": "Meeting", "start": "2025-02-01", "topics": ["governance"],
        "participants": [{"organization_id": party["org"]}]}, COLLEAGUE)
    guest = people.create_person(office, {"name": "Guest"}, COLLEAGUE)
    apply_merge(travel, merge_plan(travel, office.url))
    # Both copies add a tag to the party — the laptop one it creates, the office one of the
    # same name it creates too — and change the meeting's participants and topics.
    organizations.update_organization(travel, party["org"],
                                      {"tags": ["Southern Africa", "Solidarity"]},
                                      expected_version=None, actor=TRAVELLER)
    organizations.update_organization(office, party["org"], {"tags": ["Solidarity", "Youth"]},
                                      expected_version=None, actor=COLLEAGUE)
    interactions.update_interaction(travel, visit.id, {
        "participants": [{"organization_id": party["org"]},
                         {"person_id": party["leader"], "role": "speaker"}],
        "topics": ["governance", "health"]}, expected_version=None, actor=TRAVELLER)
    interactions.update_interaction(office, visit.id, {
        "participants": [{"organization_id": party["org"]}, {"person_id": guest.id}],
        "topics": []}, expected_version=None, actor=COLLEAGUE)

    apply_merge(office, merge_plan(office, travel_path(travel)))
    # Removed at the office ("Southern Africa", governance), added on the road (health, the
    # leader) and at the office (Youth, the guest): every one-sided change survives.
    assert organizations.get_organization(office, party["org"]).tags == ("Solidarity", "Youth")
    merged = interactions.get_interaction(office, visit.id)
    assert {(p.organization_id, p.person_id, p.role) for p in merged.participants} == {
        (party["org"], None, "participant"), (None, party["leader"], "speaker"),
        (None, guest.id, "participant")}
    assert merged.topics == ("Health",)
    with office.reading() as session:
        assert session.execute(select(func.count()).select_from(Tag).where(
            func.lower(Tag.name) == "solidarity")).scalar_one() == 1
    apply_merge(travel, merge_plan(travel, office.url))
    assert_same_content(travel, office)
    assert check_database(office) == []


def test_one_participant_given_two_roles_is_a_conflict(
        office: Database, travel: Database, party: dict[str, str]) -> None:
    talk = interactions.create_interaction(office, {
        "kind": "talks", "title": "Talks", "start": "2025-03-01",
        "participants": [{"person_id": party["leader"], "role": "member"}]}, COLLEAGUE)
    apply_merge(travel, merge_plan(travel, office.url))
    interactions.update_interaction(travel, talk.id, {
        "participants": [{"person_id": party["leader"], "role": "speaker"}]},
        expected_version=None, actor=TRAVELLER)
    interactions.update_interaction(office, talk.id, {
        "participants": [{"person_id": party["leader"], "role": "host"}]},
        expected_version=None, actor=COLLEAGUE)
    plan = merge_plan(office, travel_path(travel))
    [record] = plan.conflicts
    assert [f.field for f in record.conflicts] == ["participants"]
    apply_merge(office, plan, prefer="there")
    [part] = interactions.get_interaction(office, talk.id).participants
    assert part.role == "speaker"


# --- records without a history, undo, refusals ---------------------------------------------


def test_a_merge_plan_this_copy_moved_on_from_is_refused(tmp_path: Path) -> None:
    """Between the preview and Merge, another window wrote here: the plan is refused whole."""
    from db.changes.freshness import PlanOutdated
    from db.merge import apply_merge, merge_plan
    from db.seed.opening import open_database
    from db.services import organizations

    here = open_database(tmp_path / "here.sqlite3")
    there = open_database(tmp_path / "there.sqlite3")
    organizations.create_organization(there, {"name": "Frelimo", "country": "MZ"})
    there.close()
    plan = merge_plan(here, str(tmp_path / "there.sqlite3"))
    organizations.create_organization(here, {"name": "Renamo", "country": "MZ"})
    with pytest.raises(PlanOutdated, match="changed while the merge"):
        apply_merge(here, plan)
    plan = merge_plan(here, str(tmp_path / "there.sqlite3"))
    assert apply_merge(here, plan).batch_id is not None
    here.close()
