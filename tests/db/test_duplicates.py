"""The duplicate scan (issue 18): likely pairs across scripts and transliterations — a party's
name in its own script, its English and its Chinese name typed as separate records, with and
without diacritics, with its abbreviation in brackets — found with why they matched; unrelated
parties and parties of two countries left apart; a pair marked not a duplicate, a merged-away
or a deleted record no longer shown. On SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest

from db.services import organizations, people
from db.services.duplicate_names import latin, read_records
from db.services.duplicates import (
    DuplicatePair,
    _Candidates,
    scan_duplicates,
    scan_steps,
)
from db.services.not_duplicates import forget_not_duplicate, mark_not_duplicate, not_duplicates
from db.services.record_merge import merge_records
from db.store.engine import Database
from db.store.errors import LiaisonError
from tests.db.factories import make_organization, make_person


@pytest.fixture
def register(db: Database) -> dict[str, str]:
    """A register fed by lists in several scripts: name → id."""
    made: dict[str, str] = {}

    def add(key: str, **fields: Any) -> None:
        made[key] = make_organization(db, **fields).id

    # Ukraine: the party in its own script, in English, in Chinese (its English name given).
    add("regions_ru", name="Партия регионов", abbreviation="ПР", country="UA")
    add("regions_en", name="Party of Regions", abbreviation="PR", aliases=["Partiya Regionov"],
        country="UA")
    add("regions_zh", name="地区党", name_en="Party of Regions", country="UA")
    add("batkivshchyna", name="Всеукраинское объединение «Батькивщина»", country="UA")
    # Viet Nam: its own name, English, Chinese (linked by an alias), and typed without
    # diacritics by a colleague who left the country empty.
    add("cpv_vi", name="Đảng Cộng sản Việt Nam", abbreviation="ĐCSVN", country="VN")
    add("cpv_en", name="Communist Party of Vietnam", abbreviation="CPV", country="VN")
    add("cpv_zh", name="越南共产党", aliases=["Communist Party of Vietnam"], country="VN")
    add("cpv_plain", name="Dang Cong San Viet Nam", country=None)
    add("fatherland", name="Mặt trận Tổ quốc Việt Nam", country="VN")
    # Brazil: the abbreviation in brackets after the name.
    add("pt", name="Partido dos Trabalhadores", abbreviation="PT", country="BR")
    add("pt_bracketed", name="Partido dos Trabalhadores (PT)", country="BR")
    add("psdb", name="Partido da Social Democracia Brasileira", abbreviation="PSDB",
        country="BR")
    # Mozambique: capitals, and the full name whose abbreviation is the other's name.
    add("frelimo", name="Frelimo", country="MZ")
    add("frelimo_caps", name="FRELIMO", country="MZ")
    add("frelimo_full", name="Frente de Libertação de Moçambique", abbreviation="FRELIMO",
        country="MZ")
    add("renamo", name="Resistência Nacional Moçambicana", abbreviation="RENAMO", country="MZ")
    # The same name in two countries: two parties.
    add("labour_gb", name="Labour Party", country="GB")
    add("labour_ie", name="Labour Party", country="IE")
    return made


def pairs_of(found: list[DuplicatePair]) -> dict[frozenset[str], DuplicatePair]:
    return {frozenset((p.first_id, p.second_id)): p for p in found}


def find(found: list[DuplicatePair], ids: dict[str, str], a: str, b: str
         ) -> DuplicatePair | None:
    return pairs_of(found).get(frozenset((ids[a], ids[b])))


def test_names_in_latin_letters() -> None:
    assert latin("партия регионов") == "partiya regionov"
    assert latin("dang cong san viet nam") == "dang cong san viet nam"
    assert latin("越南共产党") == "yue nan gong chan dang"
    assert latin("κομμουνιστικο κομμα ελλαδας").startswith("kommo")


def test_cross_script_pairs_are_found_with_why(db: Database, register: dict[str, str]
                                               ) -> None:
    found = scan_duplicates(db, "organization")
    regions = find(found, register, "regions_ru", "regions_en")
    assert regions is not None
    assert regions.score == 100
    assert regions.codes == ("same_name_other_script", "same_abbreviation", "same_country")
    assert regions.reasons == ("same name in another script", "same abbreviation",
                               "same country")
    assert set(regions.matched) == {"Партия регионов", "Partiya Regionov"}
    assert regions.country == "UA"
    chinese = find(found, register, "regions_zh", "regions_en")
    assert chinese is not None and chinese.codes[0] == "same_name"
    assert set(chinese.matched) == {"Party of Regions"}

    vietnam = find(found, register, "cpv_zh", "cpv_en")
    assert vietnam is not None and vietnam.score == 100
    # Without diacritics, no country: found by a shared rare word, not by comparing it with
    # every record.
    plain = find(found, register, "cpv_vi", "cpv_plain")
    assert plain is not None and plain.score == 100
    assert plain.codes == ("same_name",)  # no "same country": one of them has none
    assert plain.country == "VN"

    bracketed = find(found, register, "pt", "pt_bracketed")
    assert bracketed is not None and bracketed.score == 100
    assert bracketed.codes == ("same_name", "same_abbreviation", "same_country")
    caps = find(found, register, "frelimo", "frelimo_caps")
    assert caps is not None and caps.codes[0] == "same_name"
    full = find(found, register, "frelimo", "frelimo_full")
    assert full is not None and full.score == 95
    assert "abbreviation_is_name" in full.codes
    assert "abbreviation matches the name" in full.reasons

    scores = [p.score for p in found]
    assert scores == sorted(scores, reverse=True)


def test_unrelated_parties_and_other_countries_are_not_paired(
        db: Database, register: dict[str, str]) -> None:
    found = scan_duplicates(db, "organization")
    paired = set().union(*pairs_of(found)) if found else set()
    for alone in ("batkivshchyna", "fatherland", "psdb", "renamo", "labour_gb", "labour_ie"):
        assert register[alone] not in paired, alone
    assert find(found, register, "frelimo", "renamo") is None
    assert find(found, register, "labour_gb", "labour_ie") is None
    # Nothing below the lowest score asked for; a lower one finds more, never fewer.
    assert all(p.score >= 85 for p in found)
    assert len(scan_duplicates(db, "organization", min_score=60)) >= len(found)


def test_a_pair_marked_not_a_duplicate_is_not_shown_again(db: Database,
                                                          register: dict[str, str]) -> None:
    a, b = register["frelimo"], register["frelimo_caps"]
    mark_not_duplicate(db, "organization", b, a, who="Li Wei")
    mark_not_duplicate(db, "organization", a, b, who="Li Wei")  # twice: still one
    assert not_duplicates(db, "organization") == [tuple(sorted((a, b)))]
    found = scan_duplicates(db, "organization")
    assert find(found, register, "frelimo", "frelimo_caps") is None
    assert find(found, register, "frelimo", "frelimo_full") is not None  # only that pair
    assert forget_not_duplicate(db, "organization", a, b)
    assert not forget_not_duplicate(db, "organization", a, b)
    assert find(scan_duplicates(db, "organization"), register, "frelimo",
                "frelimo_caps") is not None


def test_marking_refuses_what_is_not_a_pair(db: Database, register: dict[str, str]) -> None:
    a = register["frelimo"]
    with pytest.raises(LiaisonError, match="same as itself"):
        mark_not_duplicate(db, "organization", a, a)
    with pytest.raises(LiaisonError, match="no organization with id nowhere"):
        mark_not_duplicate(db, "organization", a, "nowhere")
    with pytest.raises(LiaisonError, match="organizations or people"):
        mark_not_duplicate(db, "event", a, register["renamo"])
    person = make_person(db, name="Filipe Nyusi", nationality="MZ")
    with pytest.raises(LiaisonError, match="no person with id"):
        mark_not_duplicate(db, "person", a, person.id)  # an organization's id
    assert not_duplicates(db, "organization") == []


def test_merged_and_deleted_records_are_left_out(db: Database,
                                                 register: dict[str, str]) -> None:
    merge_records(db, "organization", register["regions_en"], register["regions_ru"])
    organizations.delete_organization(db, register["frelimo_caps"])
    found = scan_duplicates(db, "organization")
    paired = set().union(*pairs_of(found))
    assert register["regions_ru"] not in paired
    assert register["frelimo_caps"] not in paired
    # The survivor took the merged record's names as aliases: still the Chinese record's pair.
    assert find(found, register, "regions_zh", "regions_en") is not None


def test_people_across_scripts(db: Database) -> None:
    xi_zh = make_person(db, name="习近平", nationality="CN").id
    xi_en = make_person(db, name="Xi Jinping", nationality="CN").id
    xi_reversed = make_person(db, name="Jinping Xi", nationality="CN").id
    trong = make_person(db, name="Nguyễn Phú Trọng", nationality="VN").id
    trong_plain = make_person(db, name="Nguyen Phu Trong").id
    lavrov_ru = make_person(db, name="Сергей Лавров", name_en="Sergey Lavrov",
                            nationality="RU").id
    lavrov_en = make_person(db, name="Sergei Lavrov", nationality="RU").id
    lavrov_de = make_person(db, name="Sergej Lavrov", nationality="RU").id
    other = make_person(db, name="Nguyễn Xuân Phúc", nationality="VN").id
    kim = make_person(db, name="Kim Jong-un", nationality="KP").id
    kim_other = make_person(db, name="Kim Jong-un", nationality="KR").id  # another country
    found = pairs_of(scan_duplicates(db, "person"))
    assert found[frozenset((xi_zh, xi_en))].codes[0] == "same_name_other_script"
    assert found[frozenset((xi_en, xi_reversed))].codes[0] == "same_words"
    assert found[frozenset((trong, trong_plain))].codes[0] == "same_name"
    # "Сергей Лавров" in Latin letters is "Sergei Lavrov"
    assert found[frozenset((lavrov_ru, lavrov_en))].codes[0] == "same_name_other_script"
    lawrow = found[frozenset((lavrov_en, lavrov_de))]
    assert lawrow.codes[0] == "names_alike"
    assert lawrow.reasons[0] == f"names alike ({lawrow.score} %)"
    for pair in found:
        assert other not in pair
    assert frozenset((kim, kim_other)) not in found
    mark_not_duplicate(db, "person", xi_en, xi_reversed)
    assert frozenset((xi_en, xi_reversed)) not in pairs_of(scan_duplicates(db, "person"))
    people.delete_person(db, xi_zh)
    assert frozenset((xi_zh, xi_en)) not in pairs_of(scan_duplicates(db, "person"))


def test_progress_cancel_and_bad_input(db: Database, register: dict[str, str]) -> None:
    told: list[tuple[int, int]] = []
    scan_duplicates(db, "organization", progress=lambda done, total: told.append((done, total)))
    assert told[-1][0] == told[-1][1] == len(register) + 1
    assert [d for d, _t in told] == sorted(d for d, _t in told)
    with pytest.raises(InterruptedError):
        scan_duplicates(db, "organization", cancelled=lambda: True)
    steps = list(scan_steps(db, "organization"))
    assert steps[-1].stage == "done" and steps[-1].pairs is not None
    assert all(step.pairs is None for step in steps[:-1])
    with pytest.raises(LiaisonError, match="from 0 to 100"):
        scan_duplicates(db, "organization", min_score=101)
    with pytest.raises(LiaisonError, match="organizations or people"):
        scan_duplicates(db, "interaction")


def test_a_countryless_record_is_compared_with_few(db: Database,
                                                   register: dict[str, str]) -> None:
    records, _refused = read_records(db, "organization")
    index = {record.id: number for number, record in enumerate(records)}
    candidates = _Candidates(records).of(index[register["cpv_plain"]])
    assert index[register["cpv_vi"]] in candidates
    assert index[register["labour_gb"]] not in candidates
    assert len(candidates) < len(records) - 1

