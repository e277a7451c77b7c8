"""find_similar: likely duplicates by every name, alias and abbreviation, normalized."""

from __future__ import annotations

import pytest

from db.services.similarity import find_similar, normalize_name
from db.store.engine import Database
from tests.db.factories import make_organization, make_person


@pytest.mark.parametrize(("typed", "stored"), [
    ("ＡＮＣ", "ANC"),
    ("African\u00a0National   Congress", "african national congress"),
    ("Partido dos Trabalhadores", "PARTIDO DOS TRABALHADÓRES"),
    ("Frente Farabundo Martí", "frente farabundo marti"),
    ("A.N.C.", "A N C"),
])
def test_normalize_name(typed: str, stored: str) -> None:
    assert normalize_name(typed) == normalize_name(stored)


def test_similar_by_every_name_within_the_country(db: Database) -> None:
    anc = make_organization(db, name="African National Congress", abbreviation="ANC",
                            country="ZA", name_zh="南非非洲人国民大会",
                            aliases=["Congrès national africain"])
    make_organization(db, name="Amani National Congress", abbreviation="ANC", country="KE")
    make_organization(db, name="Democratic Alliance", country="ZA")

    def ids(*names: str, **kw: str) -> list[str]:
        return [s.id for s in find_similar(db, "organization", names, country="ZA", **kw)]

    assert ids("african national congres") == [anc.id]
    assert ids("AFRICAN\u00a0NATIONAL CONGRESS") == [anc.id]
    assert ids("Congres National Africain") == [anc.id]
    assert ids("南非非洲人国民大会") == [anc.id]
    assert ids("Something", abbreviation="ａｎｃ") == [anc.id]
    assert ids("Economic Freedom Fighters") == []
    everywhere = find_similar(db, "organization", ["ANC"])
    assert {s.name for s in everywhere} == {"African National Congress",
                                             "Amani National Congress"}
    assert all(s.reason == "same abbreviation" for s in everywhere)
    found = find_similar(db, "organization", ["African National Congress"], country="ZA",
                         exclude_id=anc.id)
    assert found == []


def test_similar_people(db: Database) -> None:
    person = make_person(db, name="José Martínez", nationality="MX")
    make_person(db, name="Jose Martinez", nationality="CU")
    [match] = find_similar(db, "person", ["Martinez Jose"], country="Mexico")
    assert match.id == person.id and match.score >= 90


def test_a_name_added_after_fuzzy_matching_began_is_found_by_it() -> None:
    """An import adds each row it creates to the index it matches against; the fuzzy choices
    take the new name in place (rebuilding them for every row made a 20,000-row sheet take a
    minute) and still find it, in its country and in none."""
    from db.exchange.imports.matching import NameIndex

    index = NameIndex("organization")
    index.add("a", ["African National Congress"], "ANC", "ZA")
    assert not index.fuzzy("Kenya African National Union", "KE").ids  # choices laid out
    index.add("b", ["Kenya African National Union"], "KANU", "KE")
    assert index.fuzzy("Kenya African Natonal Union", "KE").ids == ("b",)
    assert index.fuzzy("Kenya African Natonal Union").ids == ("b",)
    assert not index.fuzzy("Kenya African Natonal Union", "ZA").ids
