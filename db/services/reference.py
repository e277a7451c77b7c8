"""Reference data: countries with their regions, cooperation topics, and country groupings —
looked up by the services (the shipped data is seeded by db/seed/reference.py, with ids derived
from the codes, so two databases created apart agree on them and merge cleanly)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Country, Topic
from db.models.folding import fold

REFERENCE_NAMESPACE = uuid.UUID("6f1d8a52-3b8e-4c7e-9a55-1c0f7b2d9e40")


def reference_id(kind: str, key: str) -> str:
    return str(uuid.uuid5(REFERENCE_NAMESPACE, f"{kind}:{key}"))


@dataclass(frozen=True)
class CountryInfo:
    code: str
    alpha3: str
    name_en: str
    name_zh: str | None
    region: str | None
    sub_region: str | None
    region_zh: str | None = None


@dataclass(frozen=True)
class TopicInfo:
    id: str
    key: str
    name_en: str
    name_zh: str | None


def list_countries(session: Session) -> list[CountryInfo]:
    return [
        CountryInfo(c.code, c.alpha3, c.name_en, c.name_zh, c.region, c.sub_region, c.region_zh)
        for c in session.execute(
            select(Country).where(Country.deleted_at.is_(None)).order_by(Country.name_en)
        ).scalars()
    ]


def list_regions(session: Session) -> list[str]:
    return [r for r in session.execute(
        select(Country.region).where(Country.region.is_not(None)).distinct().order_by(Country.region)
    ).scalars() if r]


def list_topics(session: Session) -> list[TopicInfo]:
    return [
        TopicInfo(t.id, t.key, t.name_en, t.name_zh)
        for t in session.execute(
            select(Topic).where(Topic.deleted_at.is_(None)).order_by(Topic.name_en)
        ).scalars()
    ]


def topic_ids_for(session: Session, names: list[str]) -> tuple[list[str], list[str]]:
    """Resolve topics given by id, key, English or Chinese name → (ids, unknown names)."""
    index: dict[str, str] = {}
    for topic in session.execute(select(Topic).where(Topic.deleted_at.is_(None))).scalars():
        for name in (topic.id, topic.key, topic.name_en, topic.name_zh):
            if name:
                index[fold(name)] = topic.id
    ids: list[str] = []
    unknown: list[str] = []
    for name in names:
        found = index.get(fold(name))
        if found is None:
            unknown.append(name)
        elif found not in ids:
            ids.append(found)
    return ids, unknown


def country_count(session: Session) -> int:
    return int(session.execute(select(func.count()).select_from(Country)).scalar_one())
