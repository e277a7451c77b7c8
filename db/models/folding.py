"""Folding names for matching and sorting: case, width and accents set aside, traditional
Chinese characters as simplified ones, and Chinese names also in pinyin — full, with or
without spaces, and as initials — so a name typed in any script, or as a Chinese user types
it, finds the record (the `search_text` column of organizations and people), and names sort
by pinyin beside Latin ones (`sort_key`).

pypinyin (~0.2 s, ~57 MB) and OpenCC are loaded on the first Chinese name folded, never at
start-up."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from typing import Any

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
# Letters NFKD does not decompose into a base letter and a mark.
_LETTERS = str.maketrans({"đ": "d", "ħ": "h", "ł": "l", "ø": "o", "ı": "i", "æ": "ae",
                          "œ": "oe", "þ": "th", "ŀ": "l", "ŧ": "t"})
# What sorts after every name that has a key: a name with nothing to sort by.
LAST = "\U0010ffff"


# Where Chinese is an organization's (or person's) own script: its Chinese name is its name.
CHINESE_SCRIPT_COUNTRIES = frozenset({"CN", "HK", "MO", "TW"})


def has_han(text: str) -> bool:
    return _HAN.search(text) is not None


def has_latin(text: str) -> bool:
    return any("a" <= ch <= "z" or "A" <= ch <= "Z" for ch in text)


@cache
def _to_simplified() -> Callable[[str], str]:
    import opencc

    convert: Callable[[str], str] = opencc.OpenCC("t2s").convert
    return convert


@cache
def _pinyin() -> tuple[Any, Any]:
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin, Style


def simplified(text: str) -> str:
    """Traditional characters as simplified ones (國民黨 → 国民党); other text unchanged."""
    return _to_simplified()(text) if has_han(text) else text


def fold(text: str) -> str:
    """Case-, width- and accent-insensitive form used to match names typed in any script;
    Chinese in simplified characters."""
    if text.isascii():  # nothing to decompose: the common case, and a hot path of imports
        return " ".join(text.lower().replace(".", " ").replace(",", " ").split())
    text = unicodedata.normalize("NFKC", text).casefold().translate(_LETTERS)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    if has_han(stripped):
        stripped = simplified(unicodedata.normalize("NFC", stripped))
    return " ".join(stripped.replace(".", " ").replace(",", " ").split())


def pinyin(text: str) -> list[str]:
    """The words of a folded name with each Chinese character as its toneless pinyin
    syllable: "越南 party" → ["yue", "nan", "party"]."""
    lazy_pinyin, _style = _pinyin()
    words: list[str] = []
    for part in lazy_pinyin(text, errors="default"):
        words.extend(part.split())
    return words


def pinyin_forms(folded: str) -> list[str]:
    """How a Chinese user may type a folded Chinese name in Latin letters: the pinyin spaced,
    run together, and its initials ("yue nan gong chan dang", "yuenangongchandang",
    "yngcd"). Nothing for a name without Chinese characters."""
    if not has_han(folded):
        return []
    lazy_pinyin, style = _pinyin()
    syllables = pinyin(folded)
    initials = "".join(s[0] for s in lazy_pinyin(folded, style=style.FIRST_LETTER,
                                                  errors="default") if s.strip())
    return [" ".join(syllables), "".join(syllables), initials.replace(" ", "")]


def sort_key(name: str | None) -> str:
    """What a name sorts by: Latin letters with accents folded, Chinese by pinyin, in one
    order ("越南共产党" sorts as "yue nan gong chan dang", between "Youth" and "Zanu"). A name
    with nothing to sort by (empty, or only marks) sorts last; never an error."""
    if not name:
        return LAST
    try:
        folded = fold(str(name))
        words = pinyin(folded) if has_han(folded) else folded.split()
    except (ValueError, KeyError, IndexError):  # a name that cannot be keyed sorts at the end
        return LAST + str(name)
    key = " ".join("".join(ch for ch in word if ch.isalnum()) for word in words)
    key = " ".join(key.split())
    return key if key else LAST + str(name)


def search_text_for(values: Iterable[Any]) -> str:
    """Every name of a record, folded, one per line, with the pinyin forms of Chinese names:
    what list filters and search match. Each line starts with a space, so every word of
    every name follows one and a word-prefix match is a single LIKE '% word%'."""
    names: list[str] = []
    for value in values:
        for name in (value if isinstance(value, list | tuple) else [value]):
            if name:
                folded = fold(str(name))
                for form in (folded, *pinyin_forms(folded)):
                    if form and form not in names:
                        names.append(form)
    return "".join(f"\n {name}" for name in names)[1:] if names else ""


# The name shown first for each preferred script, and those standing in when it is empty
# (desktop/naming.py shows them in this order).
NAME_ORDERS = {
    "original": ("name", "name_en", "name_zh"),
    "en": ("name_en", "name", "name_zh"),
    "zh": ("name_zh", "name", "name_en"),
}


def sort_keys(names: Mapping[str, Any]) -> dict[str, str]:
    """The sort key of each preferred script's shown name: {"sort_original": …, "sort_en": …,
    "sort_zh": …} from a record's name, name_en and name_zh."""
    keys = {}
    for preference, order in NAME_ORDERS.items():
        shown = next((names.get(field) for field in order if names.get(field)), None)
        keys[f"sort_{preference}"] = sort_key(shown)
    return keys


def query_forms(query: str) -> list[str]:
    """What a typed query is looked for as: folded, and — when it is Latin letters, as pinyin
    may be typed — with tone numbers and spaces taken out ("yue4 nan2" → "yuenan"). A number
    of its own is kept: "party 01" is not looked for as "party"."""
    folded = fold(query)
    if not folded:
        return []
    forms = [folded]
    if folded.isascii():
        bare = _TONE_NUMBER.sub("", folded).replace(" ", "")
        if bare.isalpha() and len(bare) > 1 and bare not in forms:
            forms.append(bare)
    return forms


_TONE_NUMBER = re.compile(r"(?<=[a-z])[1-5]")  # pinyin's tone: a digit right after a syllable


def name_matches(column: Any, query: str) -> Any:
    """A SQL condition: the folded names in `column` (search_text) match the query the way a
    list filter should — a Chinese query anywhere in a name (Chinese has no spaces), a Latin
    one at the start of a word, so "ANC" finds the ANC and not every "Alliance"."""
    from sqlalchemy import false, or_

    conditions = []
    for form in query_forms(query):
        if has_han(form) or not form.isascii():
            conditions.append(column.contains(form, autoescape=True))
        else:
            conditions.append(column.contains(" " + form, autoescape=True))
    return or_(*conditions) if conditions else false()
