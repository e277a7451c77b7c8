"""Find organizations and people by any name, alias or abbreviation, as the user types.

Candidates come from SQL (the folded names every record keeps, with the pinyin of Chinese
names: a Chinese query anywhere in a name, a Latin one at the start of a word); ranking happens
here, defined once for the search box, `liaison search` and the completers: an exact name or
abbreviation first, then names that start with the query, then words that do, then the rest;
within each, the office's own partners first — a higher relationship level, a more recent
contact, more interactions — before parties it has never dealt with, and among those a party
in government before one in opposition. Chinese names a party of a Chinese-speaking place
unqualified and a foreign one with its country before it (国民党 is the Kuomintang, 菲律宾国民党
the Philippines' Nacionalista), so within a rank a record of China, Hong Kong, Macao or Taiwan
found by its Chinese name (typed in characters or pinyin) comes first."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from sqlalchemy import Row, case, select
from sqlalchemy.orm import Session

from db.models import Country, Organization, Person
from db.models.folding import CHINESE_SCRIPT_COUNTRIES, fold, has_han, name_matches, query_forms
from db.models.vocabulary import RELATIONSHIP_LEVELS
from db.store.engine import Database
from db.store.translation import CHINESE, language

Kind = Literal["organization", "person"]
CANDIDATES = 300


@dataclass(frozen=True)
class NameHit:
    kind: Kind
    id: str
    name: str
    name_en: str | None
    name_zh: str | None
    abbreviation: str | None
    country: str | None
    country_name: str | None
    detail: str | None  # kind of organization, or a person's title
    matched: str  # the name that matched
    rank: int


def _rank(forms: list[str], names: Iterable[str | None], aliases: Iterable[str | None],
          search_text: str | None, country: Iterable[str] = ()) -> tuple[int, str]:
    """How well a record's names match the query — 0 a name or the abbreviation exactly, 1 an
    alias exactly, 2 a name starts with it, 3 a word does, 4 anywhere — and the name that
    matched best. A Chinese name matched through its pinyin (the other lines of the record's
    stored `search_text`: nothing is converted again here) ranks like a name. A Chinese name
    that is the query with the record's country before it (古巴共产党 for 共产党, the way
    Chinese names a foreign party; `country` holds the country's name in the forms of
    `_country_forms`) ranks like an alias."""
    prefixes = [form for form in country if form]
    best = (9, "")
    primary = [name for name in names if name]
    others = [alias for alias in aliases if alias]
    folded = {fold(n): n for n in primary + others}
    chinese = next((n for n in primary + others if has_han(n)), None)
    pinyin = [line.strip() for line in (search_text or "").split("\n")
              if chinese and line.strip() not in folded]
    candidates = [*((n, f, n in primary) for f, n in folded.items()),
                  *((chinese, line, chinese in primary) for line in pinyin if chinese)]
    for name, text, is_primary in candidates:
        bare = [text[len(prefix):] for prefix in prefixes if text.startswith(prefix)]
        for wanted in forms:
            if text == wanted:
                rank = 0 if is_primary else 1
            elif wanted in bare:
                rank = 1
            elif any(b.startswith(wanted) for b in bare) or text.startswith(wanted):
                rank = 2
            elif any(word.startswith(wanted) for word in text.split()):
                rank = 3
            elif wanted in text:
                rank = 4
            else:
                continue
            if rank < best[0]:
                best = (rank, name)
    return best


# Among records the office has no relation with, a party in government before one in
# opposition: "CPC" means the governing Communist Party of China before Canada's opposition.
STANDING_BY_STATUS = {"governing": 3, "coalition": 2, "opposition": 1}


def _standing(record: Any) -> tuple[int, int, int, int]:
    """The office's own partners before parties it has never dealt with: a higher relationship
    level, then a more recent contact, then more interactions, then a party in government
    (larger sorts first)."""
    level = getattr(record, "level", None)
    rank = list(RELATIONSHIP_LEVELS).index(level) + 1 if level in RELATIONSHIP_LEVELS else 0
    last = record.last_contact.toordinal() if record.last_contact else 0
    status = STANDING_BY_STATUS.get(getattr(record, "status", None) or "", 0)
    return rank, last, record.interaction_count or 0, status


@cache  # a few hundred countries, asked about for every candidate of every keystroke
def _country_forms(name_zh: str | None, pinyin: str | None) -> tuple[str, ...]:
    """A country's Chinese name as it stands before a party's name in each form the record's
    search text keeps: the characters, the pinyin syllables, the joined pinyin, the initials
    (from the stored pinyin sort key: nothing is converted here)."""
    if not name_zh:
        return ()
    syllables = (pinyin or "").split()
    if not syllables:
        return (fold(name_zh),)
    return (fold(name_zh), " ".join(syllables) + " ", "".join(syllables),
            "".join(s[0] for s in syllables))


def _candidates(session: Session, model: Any, country_column: Any,
                query: str) -> Sequence[Row[Any, str | None, str | None, str | None]]:
    """Live records whose folded names match the query, the office's partners first."""
    order = [case({code: n for n, code in enumerate(RELATIONSHIP_LEVELS, start=1)},
                  value=model.level, else_=0).desc()] if hasattr(model, "level") else []
    return session.execute(
        select(model, Country.name_en, Country.name_zh, Country.sort_zh)
        .outerjoin(Country, Country.code == country_column)
        .where(model.deleted_at.is_(None), name_matches(model.search_text, query))
        .order_by(*order, model.last_contact.desc().nulls_last(),
                  model.interaction_count.desc()).limit(CANDIDATES)
    ).all()


def search_names(db: Database, query: str, *, kinds: Iterable[Kind] = ("organization", "person"),
                 limit: int = 20) -> list[NameHit]:
    query = query.strip()
    forms = query_forms(query)
    if not forms:
        return []
    chinese = language() == CHINESE
    def home(country: str | None, matched: str) -> int:
        """0 for a record of a Chinese-speaking place found by its Chinese name."""
        return 0 if has_han(matched) and country in CHINESE_SCRIPT_COUNTRIES else 1

    hits: list[tuple[Any, ...]] = []
    with db.reading() as session:
        if "organization" in kinds:
            for org, country_en, country_zh, pinyin in _candidates(session, Organization,
                                                           Organization.country_code, query):
                rank, matched = _rank(forms, [org.abbreviation, org.name, org.name_en,
                                              org.name_zh], org.aliases or [], org.search_text,
                                      _country_forms(country_zh, pinyin))
                hits.append((rank, home(org.country_code, matched), _standing(org),
                             org.sort_original or "", NameHit(
                    "organization", org.id, org.name, org.name_en, org.name_zh,
                    org.abbreviation, org.country_code,
                    (country_zh if chinese and country_zh else country_en), org.kind,
                    matched or org.name, rank)))
        if "person" in kinds:
            for person, country_en, country_zh, pinyin in _candidates(session, Person,
                                                              Person.nationality, query):
                rank, matched = _rank(forms, [person.name, person.name_en, person.name_zh],
                                      person.aliases or [], person.search_text,
                                      _country_forms(country_zh, pinyin))
                hits.append((rank, home(person.nationality, matched), _standing(person),
                             person.sort_original or "", NameHit(
                    "person", person.id, person.name, person.name_en, person.name_zh, None,
                    person.nationality, (country_zh if chinese and country_zh else country_en),
                    person.title, matched or person.name, rank)))
    hits.sort(key=lambda h: (h[0], h[1], tuple(-n for n in h[2]), h[3]))
    return [hit for *_, hit in hits[:limit]]
