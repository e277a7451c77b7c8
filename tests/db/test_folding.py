"""Folding and sorting names as Chinese and Latin users type and read them."""

from __future__ import annotations

import pytest

from db.models.folding import LAST, fold, query_forms, search_text_for, sort_key


@pytest.mark.parametrize(("typed", "stored"), [
    ("國民黨", "中国国民党"),  # traditional characters find the simplified name
    ("Đảng", "Đảng Cộng sản Việt Nam"),  # đ is folded to d like any accent
    ("dang cong san", "Đảng Cộng sản Việt Nam"),
    ("ＡＮＣ", "ANC"),  # full-width letters, as a Chinese input method types them
])
def test_folded_names_meet(typed: str, stored: str) -> None:
    assert fold(typed) in fold(stored)


def test_chinese_names_are_found_by_pinyin_in_every_form() -> None:
    lines = search_text_for(["越南共产党"]).split("\n")
    assert lines == [" 越南共产党", " yue nan gong chan dang", " yuenangongchandang", " yngcd"]
    assert search_text_for(["中國國民黨"]).split("\n")[0] == " 中国国民党"


def test_names_sort_by_pinyin_among_latin_names() -> None:
    names = ["Zanu-PF", "越南共产党", "African National Congress", "古巴共产党", "Youth League",
             "老挝人民革命党", "Đảng Cộng sản Việt Nam"]
    assert sorted(names, key=sort_key) == [
        "African National Congress", "Đảng Cộng sản Việt Nam", "古巴共产党", "老挝人民革命党",
        "Youth League", "越南共产党", "Zanu-PF"]


@pytest.mark.parametrize("name", ["", None, "·", "«»"])
def test_a_name_with_nothing_to_sort_by_sorts_last(name: str | None) -> None:
    assert sort_key(name).startswith(LAST)
    assert sorted(["Zzz", name or ""], key=sort_key)[0] == "Zzz"


@pytest.mark.parametrize(("typed", "forms"), [
    ("yue4 nan2", ["yue4 nan2", "yuenan"]),  # pinyin with tone numbers
    ("Yue Nan", ["yue nan", "yuenan"]),
    ("Party 01", ["party 01"]),  # a number of its own is not a tone: not every "party"
    ("G20", ["g20"]),
    ("a1", ["a1"]),  # one letter would match every word that starts with it
    ("ANC", ["anc"]),
])
def test_a_query_is_looked_for_as_typed_and_as_bare_pinyin(typed: str, forms: list[str]
                                                            ) -> None:
    assert query_forms(typed) == forms
