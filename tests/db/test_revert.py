"""Reverting a single change from a record's history, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from db.services import interactions, organizations
from db.services.history import history
from db.services.revert import revert_change
from db.store.engine import Database
from db.store.errors import LiaisonError
from tests.db.factories import make_interaction, make_organization, make_person


def change_of(db: Database, record_id: str, field: str, nth: int = 0) -> str:
    return [c.id for c in history(db, record_id) if c.field == field][nth]


def test_a_field_change_is_reverted_and_the_revert_is_history(db: Database) -> None:
    org = make_organization(db, name="Frelimo", website="https://old.example.org")
    org = organizations.update_organization(db, org.id, {"website": "https://www.frelimo.org.mz"},
                                            expected_version=org.version)
    done = revert_change(db, change_of(db, org.id, "website"))
    assert done.value == "https://old.example.org"
    assert organizations.get_organization(db, org.id).website == "https://old.example.org"
    newest = history(db, org.id)[0]
    assert newest.field == "website" and "revert" in (newest.source_detail or "")
    revert_change(db, newest.id)  # the revert can be taken back in turn
    assert organizations.get_organization(db, org.id).website == "https://www.frelimo.org.mz"


def test_a_change_overtaken_by_a_later_one_is_not_reverted(db: Database) -> None:
    org = make_organization(db, name="ANC", ideology="Socialism")
    org = organizations.update_organization(db, org.id, {"ideology": "Social democracy"},
                                            expected_version=org.version)
    org = organizations.update_organization(db, org.id, {"ideology": "Progressivism"},
                                            expected_version=org.version)
    earlier = change_of(db, org.id, "ideology", nth=1)
    with pytest.raises(LiaisonError, match="changed again"):
        revert_change(db, earlier)
    assert organizations.get_organization(db, org.id).ideology == "Progressivism"


def test_tags_participants_creation_and_deletion(db: Database) -> None:
    org = make_organization(db, name="SPD", tags=["Europe"])
    org = organizations.update_organization(db, org.id, {"tags": ["Europe", "G20"]},
                                            expected_version=org.version)
    revert_change(db, change_of(db, org.id, "tags"))
    assert list(organizations.get_organization(db, org.id).tags) == ["Europe"]

    other = make_organization(db, name="CPC")
    person = make_person(db, name="Wang Yi")
    talk = make_interaction(db, organizations_=[org.id])
    talk = interactions.update_interaction(
        db, talk.id, {"participants": [{"organization_id": other.id, "role": "host"},
                                       {"person_id": person.id, "role": "member"}]},
        expected_version=talk.version)
    revert_change(db, change_of(db, talk.id, "participants"))
    restored = interactions.get_interaction(db, talk.id)
    assert [(p.organization_id, p.role) for p in restored.participants] == [
        (org.id, "participant")]

    revert_change(db, change_of(db, org.id, "created"))  # taking back a creation deletes
    with pytest.raises(LiaisonError):
        organizations.get_organization(db, org.id)
    revert_change(db, change_of(db, org.id, "deleted"))  # and that deletion comes back
    assert organizations.get_organization(db, org.id).name == "SPD"


def test_latest_change_moves_when_anyone_writes(db: Database) -> None:
    from db.services.history import latest_change

    before = latest_change(db)
    org = make_organization(db, name="Frelimo")
    after = latest_change(db)
    assert after is not None and (before is None or after > before)
    assert latest_change(db) == after  # nothing new, nothing moves
    organizations.update_organization(db, org.id, {"notes": "x"}, expected_version=org.version)
    moved = latest_change(db)
    assert moved is not None and moved > after
