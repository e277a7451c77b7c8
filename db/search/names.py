"""Find organizations and people by any name, alias or abbreviation, as the user types.

Candidates come from SQL (a LIKE on the folded names every record keeps); ranking happens here: an exact name or
abbreviation first, then names that start with the query, then words that do, then the rest,
busier relationships before quieter ones."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from db.models import Country, Organization, Person
from db.models.folding import fold
from db.store.engine import Database

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


def _rank(query: str, names: Iterable[str | None]) -> tuple[int, str]:
    wanted = fold(query)
    best = (9, "")
    for name in names:
        if not name:
            continue
        folded = fold(name)
        if folded == wanted:
            rank = 0
        elif folded.startswith(wanted):
            rank = 1
        elif any(word.startswith(wanted) for word in folded.split()):
            rank = 2
        elif wanted in folded:
            rank = 3
        else:
            continue
        if rank < best[0]:
            best = (rank, name)
    return best


def _candidates(session: Session, model: Any, country_column: Any,
                folded: str) -> Sequence[Row[Any, str | None]]:
    """Live records whose folded names contain the query, busiest first."""
    return session.execute(
        select(model, Country.name_en)
        .outerjoin(Country, Country.code == country_column)
        .where(model.deleted_at.is_(None), model.search_text.contains(folded, autoescape=True))
        .order_by(model.interaction_count.desc()).limit(CANDIDATES)
    ).all()


def search_names(db: Database, query: str, *, kinds: Iterable[Kind] = ("organization", "person"),
                 limit: int = 20) -> list[NameHit]:
    query = query.strip()
    if not query:
        return []
    folded = fold(query)
    if not folded:
        return []
    hits: list[tuple[Any, ...]] = []
    with db.reading() as session:
        if "organization" in kinds:
            for org, country_name in _candidates(session, Organization, Organization.country_code,
                                                 folded):
                rank, matched = _rank(query, [org.abbreviation, org.name, org.name_en,
                                              org.name_zh, *(org.aliases or [])])
                hits.append((rank, -(org.interaction_count or 0), NameHit(
                    "organization", org.id, org.name, org.name_en, org.name_zh,
                    org.abbreviation, org.country_code, country_name, org.kind, matched or org.name,
                    rank)))
        if "person" in kinds:
            for person, country_name in _candidates(session, Person, Person.nationality, folded):
                rank, matched = _rank(query, [person.name, person.name_en, person.name_zh,
                                              *(person.aliases or [])])
                hits.append((rank, -(person.interaction_count or 0), NameHit(
                    "person", person.id, person.name, person.name_en, person.name_zh, None,
                    person.nationality, country_name, person.title, matched or person.name,
                    rank)))
    hits.sort(key=lambda h: (h[0], h[1], h[2].name.casefold()))
    return [hit for _, _, hit in hits[:limit]]
