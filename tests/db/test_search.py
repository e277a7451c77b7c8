"""search_names: every name, alias and abbreviation; best matches first."""

from __future__ import annotations

from db.search.names import search_names
from db.store.engine import Database
from tests.db.factories import make_organization, make_person


def test_search_ranks_exact_abbreviation_first(db: Database) -> None:
    anc = make_organization(db, name="African National Congress", abbreviation="ANC",
                            country="ZA", name_zh="南非非洲人国民大会")
    make_organization(db, name="Alliance Nationale pour le Changement", country="TG")
    make_organization(db, name="Lanc Party", country="FR")
    make_person(db, name="Ancelotti Carlo")
    hits = search_names(db, "anc")
    assert hits[0].id == anc.id and hits[0].matched == "ANC"
    assert {h.kind for h in hits} == {"organization", "person"}
    assert [h.id for h in search_names(db, "国民大会")] == [anc.id]
    assert search_names(db, "anc", kinds=("person",))[0].name == "Ancelotti Carlo"
    assert search_names(db, "   ") == []
    assert search_names(db, "100%") == []


def test_lists_and_search_ignore_case_width_and_accents(db: Database) -> None:
    from db.services import organizations
    from db.services.organizations import OrganizationFilter

    org = make_organization(db, name="Acção Democrática Independente", abbreviation="ADI",
                            country="ST")
    for typed in ("accao democratica", "ＡＤＩ", "DEMOCRÁTICA"):
        found = organizations.list_organizations(db, OrganizationFilter(query=typed))
        assert [o.id for o in found.items] == [org.id], typed
        assert search_names(db, typed)[0].id == org.id, typed
    renamed = organizations.update_organization(db, org.id, {"name": "Ação Nova"},
                                                expected_version=org.version)
    assert organizations.list_organizations(db, OrganizationFilter(query="acao nova")).total == 1
    assert organizations.list_organizations(db, OrganizationFilter(query="independente")).total == 0
    assert renamed.version == org.version + 1
