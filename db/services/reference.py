"""Reference data: countries with their regions, cooperation topics, and country groupings.

Seeded from resources/reference on first open (ids derived from the codes, so two databases
created apart agree on them and merge cleanly); topics and groupings stay user-editable."""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Country, Meta, Tag, Topic, country_tags
from db.resources import load_json

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


@dataclass(frozen=True)
class TopicInfo:
    id: str
    key: str
    name_en: str
    name_zh: str | None


def ensure_reference_data(session: Session) -> None:
    """Insert any shipped country that is missing; seed topics and groupings once."""
    rows: list[dict[str, Any]] = load_json("reference", "countries.json")
    have = set(session.execute(select(Country.code)).scalars())
    missing = [row for row in rows if row["code"] not in have]
    for row in missing:
        session.add(Country(
            id=reference_id("country", row["code"]), code=row["code"], alpha3=row["alpha3"],
            numeric=row.get("numeric"), name_en=row["name_en"], name_zh=row.get("name_zh"),
            region=row.get("region"), region_zh=row.get("region_zh"),
            sub_region=row.get("sub_region"), sub_region_zh=row.get("sub_region_zh"),
            aliases=[*(row.get("aliases") or []), *(row.get("aliases_zh") or [])],
        ))
    if missing:
        session.flush()
        session.info.pop("country_index", None)
    if session.get(Meta, "reference_seeded") is not None:
        return
    for topic in load_json("reference", "topics.json"):
        if session.execute(select(Topic.id).where(Topic.key == topic["key"])).first() is None:
            session.add(Topic(id=reference_id("topic", topic["key"]), key=topic["key"],
                              name_en=topic["name_en"], name_zh=topic.get("name_zh")))
    country_ids = dict(session.execute(select(Country.code, Country.id)).all())
    for grouping in load_json("reference", "groupings.json"):
        if session.execute(select(Tag.id).where(Tag.name == grouping["name"])).first():
            continue
        tag = Tag(id=reference_id("tag", grouping["name"]), name=grouping["name"],
                  name_zh=grouping.get("name_zh"), source=grouping.get("source"))
        session.add(tag)
        session.flush()
        members = [country_ids[code] for code in grouping["members"] if code in country_ids]
        if members:
            session.execute(country_tags.insert(),
                            [{"country_id": cid, "tag_id": tag.id} for cid in members])
    session.add(Meta(key="reference_seeded", value="1"))
    if session.get(Meta, "database_id") is None:
        session.add(Meta(key="database_id", value=str(uuid.uuid4())))
    session.flush()


def fold(text: str) -> str:
    """Case-, width- and accent-insensitive form used to match names typed in any script."""
    if text.isascii():  # nothing to decompose: the common case, and a hot path of imports
        return " ".join(text.lower().replace(".", " ").replace(",", " ").split())
    text = unicodedata.normalize("NFKC", text).casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.replace(".", " ").replace(",", " ").split())


def search_text_for(values: Iterable[Any]) -> str:
    """Every name of a record, folded, one per line: what list filters and search match."""
    names: list[str] = []
    for value in values:
        for name in (value if isinstance(value, list | tuple) else [value]):
            if name:
                folded = fold(str(name))
                if folded and folded not in names:
                    names.append(folded)
    return "\n".join(names)


def _country_index(session: Session) -> dict[str, str]:
    index: dict[str, str] | None = session.info.get("country_index")
    if index is None:
        index = {}
        for country in session.execute(select(Country)).scalars():
            names = [country.code, country.alpha3, country.name_en, country.name_zh,
                     *(country.aliases or [])]
            for name in names:
                if name:
                    index.setdefault(fold(name), country.code)
        session.info["country_index"] = index
    return index


def country_code_for(session: Session, text: str) -> str | None:
    """An ISO alpha-2 or alpha-3 code, or an English or Chinese name or alias → alpha-2 code."""
    return _country_index(session).get(fold(text))


def list_countries(session: Session) -> list[CountryInfo]:
    return [
        CountryInfo(c.code, c.alpha3, c.name_en, c.name_zh, c.region, c.sub_region)
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
