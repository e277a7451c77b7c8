"""Organization services on SQLite and PostgreSQL: the write path, validation, conflicts,
soft delete, history, filters."""

from __future__ import annotations

import pytest

from db.changes.recording import Actor
from db.services import organizations as orgs
from db.services.history import history
from db.services.organizations import OrganizationFilter
from db.store.engine import Database
from db.store.errors import ConflictError, NotFound, ValidationFailed


def test_create_normalizes_and_logs(db: Database) -> None:
    record = orgs.create_organization(db, {
        "name": "  Partido\u00a0dos   Trabalhadores ", "abbreviation": "PT", "country": "Brazil",
        "kind": "Political party", "status": "governing", "founded": "1980",
        "website": "pt.org.br", "aliases": "Workers' Party; workers' party; PT Brasil",
        "phone": "(61) 3213-1313", "tags": ["Latin America", "Foro de São Paulo"],
    }, Actor(who="li.wei", source="screen"))
    assert record.name == "Partido dos Trabalhadores"
    assert record.country == "BR" and record.region == "Americas"
    assert record.kind == "party" and record.status == "governing"
    assert record.founded == "1980"
    assert record.website == "https://pt.org.br"
    assert record.aliases == ("Workers' Party", "PT Brasil")
    assert record.phone == "+556132131313"
    assert record.tags == ("Foro de São Paulo", "Latin America")
    assert record.version == 1
    [entry] = history(db, record.id)
    assert entry.field == "created" and entry.who == "li.wei" and entry.source == "screen"
    assert entry.new["name"] == "Partido dos Trabalhadores"


@pytest.mark.parametrize(("data", "field", "words"), [
    ({"name": "  "}, "name", "cannot be empty"),
    ({"name": "X", "country": "Atlantis"}, "country", "not a country"),
    ({"name": "X", "website": "not a url"}, "website", "not a web address"),
    ({"name": "X", "founded": "nineteen"}, "founded", "neither a year nor a date"),
        ({"name": "X", "founded": "1993-02-30"}, "founded", "February 1993 has 28 days"),
    ({"name": "X", "kind": "club"}, "kind", "not a known kind"),
    ({"name": "X", "email": "someone@"}, "email", "not an email"),
    ({"name": "X", "phone": "12"}, "phone", "phone number"),
    ({"name": "X", "colour": "red"}, "colour", "not a field"),
])
def test_bad_input_is_explained_and_writes_nothing(db: Database, data: dict[str, str],
                                                   field: str, words: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        orgs.create_organization(db, data)
    [problem] = [p for p in caught.value.problems if p.field == field]
    assert words in problem.message
    assert orgs.list_organizations(db).total == 0


def test_all_problems_are_reported_at_once(db: Database) -> None:
    with pytest.raises(ValidationFailed) as caught:
        orgs.create_organization(db, {"name": "", "country": "Nowhere", "founded": "x"})
    assert {p.field for p in caught.value.problems} == {"name", "country", "founded"}


def test_update_logs_each_field_and_bumps_version(db: Database) -> None:
    created = orgs.create_organization(db, {"name": "African National Congress",
                                            "country": "ZA"})
    updated = orgs.update_organization(db, created.id, {"abbreviation": "ANC", "level": "close",
                                                        "name": "African National Congress"},
                                       expected_version=1, actor=Actor(who="zhang.min"))
    assert updated.version == 2 and updated.abbreviation == "ANC" and updated.level == "close"
    fields = {(c.field, c.old, c.new) for c in history(db, created.id) if c.version == 2}
    assert fields == {("abbreviation", None, "ANC"), ("level", None, "close")}
    unchanged = orgs.update_organization(db, created.id, {"abbreviation": "ANC"},
                                         expected_version=2)
    assert unchanged.version == 2


def test_stale_version_is_a_conflict_naming_the_change(db: Database) -> None:
    created = orgs.create_organization(db, {"name": "Frelimo", "country": "MZ"})
    orgs.update_organization(db, created.id, {"website": "https://frelimo.org.mz"},
                             expected_version=1, actor=Actor(who="colleague"))
    with pytest.raises(ConflictError) as caught:
        orgs.update_organization(db, created.id, {"level": "regular"}, expected_version=1)
    message = caught.value.message
    assert "website" in message and "colleague" in message and "frelimo.org.mz" in message
    assert orgs.get_organization(db, created.id).level is None


def test_soft_delete_and_restore(db: Database) -> None:
    created = orgs.create_organization(db, {"name": "Chama Cha Mapinduzi", "country": "TZ"})
    orgs.delete_organization(db, created.id, expected_version=1)
    with pytest.raises(NotFound):
        orgs.get_organization(db, created.id)
    assert orgs.list_organizations(db).total == 0
    assert orgs.get_organization(db, created.id, include_deleted=True).deleted_at is not None
    restored = orgs.restore_organization(db, created.id)
    assert restored.deleted_at is None and restored.version == 3
    assert [c.field for c in history(db, created.id)] == ["restored", "deleted", "created"]


def test_tags_change_is_logged(db: Database) -> None:
    created = orgs.create_organization(db, {"name": "Party A", "tags": "BRICS partner"})
    updated = orgs.update_organization(db, created.id, {"tags": ["Priority", "BRICS partner"]},
                                       expected_version=created.version)
    assert updated.tags == ("BRICS partner", "Priority")
    [change] = [c for c in history(db, created.id) if c.field == "tags"]
    assert change.old == ["BRICS partner"] and change.new == ["BRICS partner", "Priority"]


def test_list_filters_sort_and_page(db: Database) -> None:
    for name, country, kind, level in [
        ("Alpha Party", "FR", "party", "close"), ("Beta Institute", "FR", "think_tank", None),
        ("Gamma Party", "KE", "party", "regular"), ("Delta Front", "BR", "party", "close"),
        ("Épsilon Media", "JP", "media", None),
    ]:
        orgs.create_organization(db, {"name": name, "country": country, "kind": kind,
                                      "level": level})
    europe = orgs.list_organizations(db, OrganizationFilter(regions=("Europe",)))
    assert {o.name for o in europe.items} == {"Alpha Party", "Beta Institute"}
    parties = orgs.list_organizations(db, OrganizationFilter(kinds=("party",), levels=("close",)))
    assert {o.name for o in parties.items} == {"Alpha Party", "Delta Front"}
    page = orgs.list_organizations(db, sort="name", descending=True, offset=1, limit=2)
    assert page.total == 5
    # Accents folded: Épsilon between Delta and Gamma, as a reader expects.
    assert [o.name for o in page.items] == ["Épsilon Media", "Delta Front"]
    found = orgs.list_organizations(db, OrganizationFilter(query="gamma"))
    assert [o.name for o in found.items] == ["Gamma Party"]
    by_country = orgs.list_organizations(db, sort="country")
    assert by_country.items[0].country_name == "Brazil"
    no_contact = orgs.list_organizations(db, OrganizationFilter(no_contact_months=12))
    assert no_contact.total == 5


def test_unknown_id_is_not_found(db: Database) -> None:
    with pytest.raises(NotFound, match="no organization"):
        orgs.update_organization(db, "00000000-0000-4000-8000-000000000000", {"name": "x"},
                                 expected_version=1)
