"""The one undo: any batch — an edit made on a screen, a deletion, an interaction's
participants, the starter register — is taken back from the change log, field by field, never
over a later change; the undo is a batch of its own, listed by `liaison batches`."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.changes.batches import list_batches
from db.changes.recording import Actor
from db.changes.undo import undo_batch
from db.seed.starter import run_starter
from db.services import interactions, organizations
from db.services.check import check_database
from db.services.organizations import OrganizationFilter, list_organizations
from db.store.engine import Database
from db.store.errors import LiaisonError, NotFound
from tests.db.factories import make_organization

OFFICER = Actor(who="Wang Fang", source="screen")
COLLEAGUE = Actor(who="Li Na", source="screen")


def latest(db: Database, kind: str = "screen") -> str:
    return list_batches(db, kinds=(kind,), limit=1)[0].id


def test_an_edit_made_on_a_screen_is_one_batch_and_undoes(db: Database) -> None:
    party = make_organization(db, name="Frelimo", country="MZ")
    organizations.update_organization(db, party.id, {"level": "close", "notes": "Met in Maputo",
                                                     "tags": ["Africa desk"]},
                                      expected_version=party.version, actor=OFFICER)
    [edit] = list_batches(db, kinds=("screen",), limit=1)
    assert (edit.who, edit.what, edit.changes) == (
        "Wang Fang", "the edit made on the screen",
        # the level set on the form is an entry of the level's history too
        {"organizations": {"updated": 1}, "tags": {"created": 1}, "levels": {"created": 1}})
    undone = undo_batch(db, edit.id, COLLEAGUE)
    # the party; the tag and the level's entry
    assert (undone.restored, undone.removed, undone.kept) == (1, 2, ())
    back = organizations.get_organization(db, party.id)
    assert (back.level, back.notes, back.tags) == (None, None, ())
    [undo] = list_batches(db, kinds=("undo",))
    assert (undo.who, undo.what, undo.changes) == (
        "Li Na", "the undo of the edit made on the screen", {"organizations": {"updated": 1}})
    with pytest.raises(LiaisonError, match="cannot itself be undone"):
        undo_batch(db, undo.id)


def test_a_field_changed_since_keeps_its_newer_value_and_the_rest_goes_back(db: Database) -> None:
    party = make_organization(db, name="SWAPO", country="NA")
    organizations.update_organization(db, party.id, {"level": "close", "ideology": "Left"},
                                      expected_version=party.version, actor=OFFICER)
    edit = latest(db)
    organizations.update_organization(db, party.id, {"level": "strategic"},
                                      expected_version=None, actor=COLLEAGUE)
    undone = undo_batch(db, edit)
    assert undone.restored == 1
    assert undone.kept == (
        "Organization “SWAPO”: “level” was changed after the edit made on the screen; its "
        "newer value was kept",
        # the same day's entry of the level's history, which the colleague corrected
        "Level change “strategic”: was edited after the edit made on the screen; it was moved "
        "to the deleted records instead of removed")
    back = organizations.get_organization(db, party.id)
    assert (back.level, back.ideology) == ("strategic", None)


def test_a_deletion_undoes_and_a_created_record_edited_since_moves_to_the_deleted(
        db: Database) -> None:
    kept = organizations.create_organization(db, {"name": "MPLA", "country": "AO"}, OFFICER)
    created = latest(db)
    organizations.delete_organization(db, kept.id, actor=OFFICER)
    deleted = latest(db)
    undo_batch(db, deleted)
    assert organizations.get_organization(db, kept.id).deleted_at is None
    undone = undo_batch(db, created)  # the undo of the deletion changed it since
    assert undone.removed == 0 and "moved to the deleted records" in undone.kept[0]
    assert organizations.get_organization(db, kept.id, include_deleted=True).deleted_at
    plain = organizations.create_organization(db, {"name": "FRETILIN", "country": "TL"}, OFFICER)
    assert undo_batch(db, latest(db)).removed == 1
    with pytest.raises(NotFound):
        organizations.get_organization(db, plain.id, include_deleted=True)


def test_participants_come_back_with_the_contact_figures(db: Database) -> None:
    anc = make_organization(db, name="African National Congress", country="ZA")
    sacp = make_organization(db, name="South African Communist Party", country="ZA")
    talks = interactions.create_interaction(db, {
        "kind": "talks", "title": "Talks in Pretoria", "start": "2025-03-04",
        "participants": [{"organization_id": anc.id, "role": "host"}]}, OFFICER)
    interactions.update_interaction(db, talks.id, {"participants": [
        {"organization_id": sacp.id, "role": "host"}]}, expected_version=None, actor=OFFICER)
    assert organizations.get_organization(db, anc.id).interaction_count == 0
    undo_batch(db, latest(db))
    assert [p.organization_id for p in interactions.get_interaction(db, talks.id).participants] \
        == [anc.id]
    assert organizations.get_organization(db, anc.id).interaction_count == 1
    assert organizations.get_organization(db, sacp.id).interaction_count == 0
    assert check_database(db) == []


def test_the_starter_register_is_one_batch_that_undoes(sqlite_db: Database, tmp_path: Path
                                                       ) -> None:
    loaded = run_starter(sqlite_db)
    [batch] = list_batches(sqlite_db, kinds=("starter",))
    # the parties, the multilateral platforms of the Chinese names, the "to confirm" tag
    created = batch.changes["organizations"]["created"]
    assert created >= loaded.created and batch.changes["tags"] == {"created": 1}
    party = list_organizations(sqlite_db, OrganizationFilter(query="Frelimo"), limit=1).items[0]
    organizations.update_organization(sqlite_db, party.id, {"notes": "Ours now"},
                                      expected_version=party.version, actor=OFFICER)
    undone = undo_batch(sqlite_db, batch.id)
    assert undone.removed == created - 1 + 1 and len(undone.kept) == 1
    left = list_organizations(sqlite_db, OrganizationFilter(), limit=10)
    assert left.total == 0, "the edited party moved to the deleted records"
