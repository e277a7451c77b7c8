"""The starter register in Chinese: the world's parties get the Chinese names Chinese official
media use (resources/starter/names_zh.csv), with their short forms as aliases; a name not
certain is tagged for the office to confirm; a second load fills blanks only; and a Chinese
user finds 越南共产党 by typing 越南, 越共 or yuenan."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from db.changes.recording import Actor
from db.search.names import search_names
from db.seed.names_zh import TO_CONFIRM, read_names
from db.seed.resources import resource_path
from db.seed.starter import run_starter
from db.services import organizations
from db.services.organizations import OrganizationFilter, list_organizations
from db.store.engine import Database

CPV = "partyfacts:4898"


def by_ref(db: Database, ref: str) -> organizations.OrganizationRecord:
    from sqlalchemy import select

    from db.models import Organization

    with db.reading() as session:
        org_id = session.execute(select(Organization.id).where(
            Organization.external_ref == ref)).scalar_one()
    return organizations.get_organization(db, org_id)


def test_the_data_file_says_where_every_form_is_known_from() -> None:
    rows = read_names()
    parties = [row for row in rows if row.partyfacts_id]
    assert len(parties) >= 400, "the bar: every governing party and main opposition"
    assert all(row.source and row.confidence in ("sure", "to confirm") for row in rows)
    with resource_path("starter", "parties.csv").open(encoding="utf-8", newline="") as handle:
        register = {row["partyfacts_id"]: row for row in csv.DictReader(handle)}
    for row in parties:
        assert row.partyfacts_id in register, row
        assert register[row.partyfacts_id]["name"] == row.name, row
        assert register[row.partyfacts_id]["country_alpha3"] == row.country_alpha3, row
    assert len({row.external_ref for row in rows}) == len(rows), "one row per party"
    assert any(not row.partyfacts_id for row in rows), "the multilateral platforms"


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with the starter register loaded, copied for each test."""
    from db.seed.opening import open_database

    path = tmp_path_factory.mktemp("starter") / "liaison.sqlite3"
    db = open_database(path)
    try:
        result = run_starter(db)
        assert result.named >= 400
    finally:
        db.close()
    return path


@pytest.fixture
def db(loaded: Path, tmp_path: Path) -> Database:
    import shutil

    from db.seed.opening import open_database

    copy = tmp_path / "liaison.sqlite3"
    shutil.copyfile(loaded, copy)
    database = open_database(copy)
    yield database  # type: ignore[misc]
    database.close()


def test_parties_carry_their_chinese_names_and_short_forms(db: Database) -> None:
    cpv = by_ref(db, CPV)
    assert cpv.name_zh == "越南共产党" and "越共" in cpv.aliases
    platforms = list_organizations(db, OrganizationFilter(kinds=("party_international",
                                                                 "multilateral")), limit=100)
    assert platforms.total >= 5 and all(p.name_zh for p in platforms.items)


@pytest.mark.parametrize("typed", ["越南", "越共", "yuenan", "yue nan", "Yuènán", "越南共產黨"])
def test_a_chinese_user_finds_the_communist_party_of_vietnam_first(db: Database,
                                                                    typed: str) -> None:
    [first, *_] = search_names(db, typed, kinds=("organization",))
    assert first.name_zh == "越南共产党", [hit.name_zh for hit in search_names(db, typed)]


@pytest.mark.parametrize(("typed", "wanted"), [
    ("共产党", "中国共产党"), ("gongchandang", "中国共产党"), ("gong chan dang", "中国共产党"),
    ("國民黨", "中国国民党"), ("guomindang", "中国国民党"),
    ("古巴共产党", "古巴共产党"), ("gubagongchandang", "古巴共产党"),
])
def test_a_party_named_without_its_country_is_the_chinese_one(db: Database, typed: str,
                                                              wanted: str) -> None:
    """Chinese puts the country before a foreign party's name (古巴共产党, 菲律宾国民党) and
    names China's and Taiwan's parties bare: 国民党 is the Kuomintang, not a party that merely
    has those characters inside its name; a foreign name typed in full is still that party."""
    [first, *rest] = search_names(db, typed, kinds=("organization",))
    assert first.name_zh == wanted, [hit.name_zh for hit in (first, *rest)]
    if typed == "共产党":  # the foreign ones follow, before names that merely contain it
        assert {"越南共产党", "古巴共产党"} <= {hit.name_zh for hit in rest[:6]}


def test_names_to_confirm_are_tagged_for_review(db: Database) -> None:
    unsure = [row for row in read_names() if row.confidence == "to confirm"]
    assert unsure, "the file marks the forms it is not sure of"
    from db.seed.names_zh import read_extra

    extra = [row for row in read_extra() if row["confidence"] == "to confirm"]
    tagged = list_organizations(db, OrganizationFilter(tag=TO_CONFIRM), limit=2000)
    assert tagged.total == len({row.external_ref for row in unsure}) + len(extra)
    assert "越南共产党" not in {o.name_zh for o in tagged.items}


def test_loading_again_fills_blanks_only(db: Database) -> None:
    cpv = by_ref(db, CPV)
    organizations.update_organization(db, cpv.id, {"name_zh": "越南共产党（越共）"},
                                      expected_version=cpv.version,
                                      actor=Actor(who="王芳", source="screen"))
    again = run_starter(db)
    assert again.created == 0 and again.named == 0
    assert by_ref(db, CPV).name_zh == "越南共产党（越共）", "what the office entered stays"


def test_parties_party_facts_lacks_are_added_once(db: Database) -> None:
    """Governing and main opposition parties missing from Party Facts come from
    parties_extra.csv, each once, with their Chinese names; a second load adds nothing."""
    from sqlalchemy import func, select

    from db.models import Organization
    from db.seed.names_zh import read_extra

    extra = read_extra()
    assert extra, "the register's supplement"
    with resource_path("starter", "parties.csv").open(encoding="utf-8", newline="") as handle:
        register = {(row["country_alpha3"], key.casefold()) for row in csv.DictReader(handle)
                    for key in (row["name"], row["name_en"], row["abbreviation"]) if key}
    for row in extra:
        assert row["name_zh"] and row["source"] and row["confidence"] in ("sure", "to confirm")
        assert (row["country_alpha3"], row["name"].casefold()) not in register, row["name"]
        assert (row["country_alpha3"], (row["name_en"] or "").casefold()) not in register, row
    with db.reading() as session:
        loaded = session.execute(select(func.count()).select_from(Organization).where(
            Organization.external_ref.like("extra:%"))).scalar_one()
    assert loaded == len(extra)
    assert run_starter(db).created == 0
