"""An organization's relationship level over time (issue 18): each change kept with the day it
took effect and why; the organization's level is the one in effect today; lists ask for the
level as of a date; the levels recorded before the history existed become its first entries
(migration 0011, from the saved 0010 database). On SQLite and PostgreSQL."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from db.changes.undo import undo_batch
from db.models import ChangeLog, LevelChange, Organization
from db.seed.opening import open_database
from db.services import levels, organizations
from db.services.organizations import OrganizationFilter
from db.store.engine import Database
from db.store.errors import ValidationFailed
from tests.db.factories import make_organization

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_a_level_rises_and_the_history_says_when_and_why(db: Database) -> None:
    party = make_organization(db, name="African National Congress", country="ZA",
                              level="regular")
    [first] = levels.level_history(db, party.id)
    assert (first.level, first.effective) == ("regular", date.today())
    old = levels.change_level(db, party.id, "close", effective="2020-03-01",
                              reason="Cooperation agreement signed")
    # An earlier change is history: today's level stands.
    assert organizations.get_organization(db, party.id).level == "regular"
    # A change on a day that has one corrects it.
    rise = levels.change_level(db, party.id, "strategic",
                               reason="Visit of the Secretary-General")
    assert rise.who and rise.id == first.id
    assert organizations.get_organization(db, party.id).level == "strategic"
    history = levels.level_history(db, party.id)
    assert [(h.level, h.effective, h.reason) for h in history] == [
        ("strategic", date.today(), "Visit of the Secretary-General"),
        ("close", date(2020, 3, 1), "Cooperation agreement signed")]
    with pytest.raises(ValidationFailed) as refused:  # two changes on one day
        levels.update_level_change(db, old.id, {"effective": date.today()},
                                   expected_version=old.version)
    assert refused.value.problems[0].field == "effective"
    levels.remove_level_change(db, rise.id)
    assert organizations.get_organization(db, party.id).level == "close"


def test_the_form_records_a_change_and_undo_takes_it_back(db: Database) -> None:
    party = make_organization(db, name="Frelimo", country="MZ", level="initial")
    changed = organizations.update_organization(db, party.id, {"level": "close"},
                                                expected_version=party.version)
    assert changed.level == "close"
    assert [h.level for h in levels.level_history(db, party.id)] == ["close"]
    with db.reading() as session:
        batch = session.execute(select(ChangeLog.batch_id).where(
            ChangeLog.entity == "organization", ChangeLog.field == "level",
            ChangeLog.entity_id == party.id).order_by(ChangeLog.at.desc())).scalars().first()
    assert batch is not None
    undo_batch(db, batch)
    assert organizations.get_organization(db, party.id).level == "initial"
    assert [h.level for h in levels.level_history(db, party.id)] == ["initial"]


def test_lists_filter_on_the_level_as_of_a_date(db: Database) -> None:
    anc = make_organization(db, name="ANC", country="ZA", level="regular")
    levels.change_level(db, anc.id, "close", effective=date(2019, 1, 1))
    swapo = make_organization(db, name="SWAPO", country="NA")
    levels.change_level(db, swapo.id, "close", effective=date(2022, 6, 1))
    make_organization(db, name="Frelimo", country="MZ")  # no level, no history

    def names(day: date | None, *wanted: str) -> list[str]:
        page = organizations.list_organizations(db, OrganizationFilter(levels=wanted,
                                                                       level_on=day))
        return sorted(o.name for o in page.items)

    assert names(date(2020, 1, 1), "close") == ["ANC"]
    assert names(date(2023, 1, 1), "close") == ["ANC", "SWAPO"]
    assert names(None, "close") == ["SWAPO"]  # today ANC is regular
    assert names(date.today(), "regular") == ["ANC"]


def test_existing_levels_become_the_first_entries(tmp_path: Path) -> None:
    path = tmp_path / "liaison.sqlite3"
    shutil.copyfile(FIXTURES / "schema-0010.sqlite3", path)
    database = open_database(path)
    try:
        with database.reading() as session:
            with_level = session.execute(select(Organization.id, Organization.level,
                                                Organization.created_at).where(
                Organization.level.is_not(None))).all()
            entries = {row.organization_id: (row.level, row.effective)
                       for row in session.execute(select(LevelChange)).scalars()}
        assert len(with_level) == 3 and set(entries) == {row[0] for row in with_level}
        for organization_id, level, created in with_level:
            assert entries[organization_id] == (level, created.date())
        assert levels.level_history(database, with_level[0][0])[0].level == with_level[0][1]
    finally:
        database.close()
