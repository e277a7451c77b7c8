"""Likely duplicates of an organization or a person, by every name, alias and abbreviation."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.changes.fields import country_code_for
from db.models import Organization, Person
from db.models.folding import fold
from db.store.engine import Database

Entity = Literal["organization", "person"]
_PUNCTUATION = re.compile(r"[\"'’‘“”`´()\[\]{}<>«»「」『』《》〈〉·•\-–—_/\\|:;!?¡¿、，。．·]+")


def normalize_name(text: str) -> str:
    """Case, whitespace (incl. non-breaking), diacritics, full-width forms and punctuation."""
    return " ".join(_PUNCTUATION.sub(" ", fold(text)).split())


@dataclass(frozen=True)
class SimilarRecord:
    id: str
    entity: Entity
    name: str
    country: str | None
    score: float
    matched_name: str
    reason: str  # in the user's words: "same abbreviation", "same name", "similar name"


def _candidates(session: Session, entity: Entity, country: str | None,
                exclude_id: str | None) -> list[Any]:
    model: Any = Organization if entity == "organization" else Person
    country_column = model.country_code if entity == "organization" else model.nationality
    statement = select(model).where(model.deleted_at.is_(None))
    if country:
        statement = statement.where(country_column == country)
    if exclude_id:
        statement = statement.where(model.id != exclude_id)
    return list(session.execute(statement).scalars())


def similar_in_session(session: Session, entity: Entity, names: Iterable[str | None], *,
                       country: str | None = None, abbreviation: str | None = None,
                       exclude_id: str | None = None, threshold: float = 85,
                       limit: int = 10) -> list[SimilarRecord]:
    wanted = [n for n in {normalize_name(x) for x in names if x} if n]
    wanted_abbreviation = normalize_name(abbreviation) if abbreviation else ""
    if not wanted and not wanted_abbreviation:
        return []
    code = country_code_for(session, country) if country else None
    candidates = _candidates(session, entity, code or country, exclude_id)
    choices: list[str] = []
    owners: list[tuple[Any, str, bool]] = []  # (record, original name, is_abbreviation)
    for record in candidates:
        for name in (record.name, record.name_en, record.name_zh, *(record.aliases or [])):
            if name:
                choices.append(normalize_name(name))
                owners.append((record, name, False))
        abbreviation_ = getattr(record, "abbreviation", None)
        if abbreviation_:
            choices.append(normalize_name(abbreviation_))
            owners.append((record, abbreviation_, True))
    best: dict[str, SimilarRecord] = {}

    def offer(index: int, score: float, reason: str) -> None:
        record, original, _ = owners[index]
        current = best.get(record.id)
        if current is None or score > current.score:
            best[record.id] = SimilarRecord(
                record.id, entity, record.name,
                record.country_code if entity == "organization" else record.nationality,
                round(score, 1), original, reason)

    for index, choice in enumerate(choices):
        is_abbreviation = owners[index][2]
        if is_abbreviation:
            # Abbreviations are too short for fuzzy scores: only an exact match counts.
            if len(choice) >= 2 and (choice == wanted_abbreviation or choice in wanted):
                offer(index, 100.0, "same abbreviation")
        elif wanted_abbreviation and choice == wanted_abbreviation:
            offer(index, 100.0, "name equals the abbreviation")
    for name in wanted:
        for _choice, score, index in process.extract(
            name, choices, scorer=fuzz.token_sort_ratio, score_cutoff=threshold, limit=None
        ):
            if owners[index][2]:
                continue
            offer(index, score, "same name" if score >= 100 else "similar name")
    ranked = sorted(best.values(), key=lambda s: (-s.score, s.name))
    return ranked[:limit]


def find_similar(db: Database, entity: Entity, names: Iterable[str | None], *,
                 country: str | None = None, abbreviation: str | None = None,
                 exclude_id: str | None = None, threshold: float = 85,
                 limit: int = 10) -> list[SimilarRecord]:
    """Likely duplicates among live records, within the same country when one is given."""
    with db.reading() as session:
        return similar_in_session(session, entity, list(names), country=country,
                                  abbreviation=abbreviation, exclude_id=exclude_id,
                                  threshold=threshold, limit=limit)
