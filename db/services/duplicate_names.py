"""The records the duplicate scan (db/services/duplicates.py) compares, as it reads them: each
live organization or person with every name it has — name, English and Chinese names,
aliases, an abbreviation (also one in brackets after a name) — folded and written in Latin
letters (Chinese as pinyin, any other script by anyascii), and within its country without the
country's own name, which tells nothing there."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any, Literal

from sqlalchemy import select

from db.models import Country, NotDuplicate, Organization, Person
from db.models.folding import has_han, pinyin
from db.services.similarity import normalize_name
from db.store.engine import Database

Kind = Literal["organization", "person"]
# "Partido dos Trabalhadores (PT)": a short capitalized word in brackets after a name.
_BRACKETED = re.compile(r"^(?P<name>.*\S)\s*[(（]\s*(?P<short>[^\s()（）]{1,12})\s*[)）]\s*$")


# -- names in Latin letters ------------------------------------------------------------------

@cache
def _anyascii() -> Callable[[str], str]:
    from anyascii import anyascii

    return anyascii


def latin(folded: str) -> str:
    """A folded name in Latin letters, words spaced: Chinese as pinyin syllables, any other
    script transliterated; punctuation set aside."""
    if folded.isascii():
        return folded
    if has_han(folded):
        text = " ".join(pinyin(folded))
        if text.isascii():
            return normalize_name(text)
        folded = text
    return normalize_name(_anyascii()(folded).lower())


def _compact(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


@dataclass
class NameForm:
    original: str  # as written
    folded: str  # normalize_name
    latin: str  # in Latin letters, spaced
    compact: str  # latin without spaces
    # What names alike are scored on: the spaced Latin form, whose words token_sort_ratio
    # may reorder — but a Chinese name as its characters: their order is the name
    # ("人民农民党" is not "农民人民党"), and pinyin's letters make any two names look alike
    # ("laodongminzu", "laodongaiguo"). A Chinese name and its pinyin meet as the same name.
    fuzzy: str


@dataclass
class NamedRecord:
    id: str
    name: str
    country: str | None
    weight: tuple[int, float]  # interactions, -created (which to keep)
    forms: list[NameForm] = field(default_factory=list)
    abbreviations: set[str] = field(default_factory=set)  # compact


_Forms = dict[str, tuple[str, str, str, str]]


def _form(original: str, cache_: _Forms) -> NameForm | None:
    known = cache_.get(original)
    if known is None:
        folded = normalize_name(original)
        spelled = latin(folded) if folded else ""
        compact = _compact(spelled)
        known = (folded, spelled, compact,
                 folded.replace(" ", "") if has_han(folded) else spelled)
        cache_[original] = known
    folded, spelled, compact, fuzzy = known
    return NameForm(original, folded, spelled, compact, fuzzy) if compact else None


def _record(row: Sequence[Any], kind: Kind, cache_: _Forms
            ) -> NamedRecord:
    if kind == "organization":
        (id_, name, name_en, name_zh, aliases, abbreviation, country, interactions,
         created) = row
    else:
        id_, name, name_en, name_zh, aliases, country, interactions, created = row
        abbreviation = None
    stamp = created.timestamp() if isinstance(created, datetime) else 0.0
    record = NamedRecord(id_, name, country, (interactions or 0, -stamp))
    shorts = [abbreviation] if abbreviation else []
    seen: set[str] = set()
    for value in (name, name_en, name_zh, *(aliases or [])):
        if not value or not isinstance(value, str):
            continue
        bracketed = _BRACKETED.match(value)
        if bracketed and bracketed["short"].upper() == bracketed["short"] \
                and not bracketed["short"].isdigit():
            shorts.append(bracketed["short"])
            value = bracketed["name"]
        made = _form(value, cache_)
        if made is not None and made.latin not in seen:
            seen.add(made.latin)
            record.forms.append(made)
    for short in shorts:
        made = _form(short, cache_)
        if made is not None and len(made.compact) >= 2:
            record.abbreviations.add(made.compact)
    return record


def _without_country(record: NamedRecord, names: tuple[list[str], re.Pattern[str] | None]) -> None:
    """Within one country its name tells nothing: "中国澳门农民社会党" and "中国澳门劳动党"
    are compared as "农民社会党" and "劳动党", "Gabon Green Party" as "green party"."""
    chinese, words = names
    for form in record.forms:
        if has_han(form.fuzzy):
            rest = next((form.fuzzy.replace(name, "", 1) for name in chinese
                         if name in form.fuzzy), form.fuzzy)
        elif words is not None:
            rest = " ".join(words.sub(" ", form.fuzzy).split())
        else:
            continue
        if len(rest) >= 2:
            form.fuzzy = rest


def _country_names(session: Any, cache_: _Forms
                   ) -> dict[str, tuple[list[str], re.Pattern[str] | None]]:
    """Each country's names (English, Chinese, aliases): the Chinese ones as written in a
    folded name, the longest first, and one pattern finding any other as whole words."""
    found: dict[str, tuple[list[str], re.Pattern[str] | None]] = {}
    for code, name_en, name_zh, aliases in session.execute(
            select(Country.code, Country.name_en, Country.name_zh, Country.aliases)).all():
        forms = [made for value in (name_en, name_zh, *(aliases or []))
                 if isinstance(value, str) and (made := _form(value, cache_)) is not None]
        chinese = sorted({f.fuzzy for f in forms if has_han(f.fuzzy)}, key=len, reverse=True)
        latin_ = sorted({f.latin for f in forms if not has_han(f.folded)}, key=len, reverse=True)
        words = re.compile("(?:^| )(?:{})(?= |$)".format("|".join(map(re.escape, latin_)))
                           ) if latin_ else None
        found[code] = (chinese, words)
    return found


def read_records(db: Database, kind: Kind
                 ) -> tuple[list[NamedRecord], set[tuple[str, str]]]:
    """The live records of `kind` with their names in every form the scan compares, and the
    pairs (id order) marked not duplicates."""
    cache_: _Forms = {}
    with db.reading(scanning=True) as session:
        countries = _country_names(session, cache_)
        rows: Sequence[Any]
        if kind == "organization":
            o = Organization
            rows = session.execute(select(
                o.id, o.name, o.name_en, o.name_zh, o.aliases, o.abbreviation, o.country_code,
                o.interaction_count, o.created_at).where(
                o.deleted_at.is_(None), o.merged_into.is_(None))).all()
        else:
            p = Person
            rows = session.execute(select(
                p.id, p.name, p.name_en, p.name_zh, p.aliases, p.nationality,
                p.interaction_count, p.created_at).where(
                p.deleted_at.is_(None), p.merged_into.is_(None))).all()
        refused = {(a, b) for a, b in session.execute(
            select(NotDuplicate.first_id, NotDuplicate.second_id).where(
                NotDuplicate.kind == kind)).all()}
    records = [_record(row, kind, cache_) for row in rows]
    for record in records:
        if kind == "organization" and record.country in countries:
            _without_country(record, countries[record.country])
    return records, refused
