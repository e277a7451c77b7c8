"""Seeding the shipped reference data (resources/reference): countries with their regions,
cooperation topics and country groupings, on every open of a database (missing countries) and
once (topics and groupings, which stay user-editable)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.changes import rows as rows_path
from db.models import Country, Meta, Tag, Topic, country_tags
from db.models.folding import sort_key
from db.seed.resources import load_json
from db.services.reference import reference_id


def ensure_reference_data(session: Session) -> None:
    """Insert any shipped country that is missing; seed topics and groupings once."""
    rows: list[dict[str, Any]] = load_json("reference", "countries.json")
    have = set(session.execute(select(Country.code)).scalars())
    missing = [row for row in rows if row["code"] not in have]
    rows_path.add(session, *(Country(
            id=reference_id("country", row["code"]), code=row["code"], alpha3=row["alpha3"],
            numeric=row.get("numeric"), name_en=row["name_en"], name_zh=row.get("name_zh"),
            region=row.get("region"), region_zh=row.get("region_zh"),
            sub_region=row.get("sub_region"), sub_region_zh=row.get("sub_region_zh"),
            aliases=[*(row.get("aliases") or []), *(row.get("aliases_zh") or [])],
            sort_en=sort_key(row["name_en"]), sort_zh=sort_key(row.get("name_zh") or row["name_en"]),
        ) for row in missing))
    if missing:
        session.info.pop("country_index", None)
    if session.get(Meta, "reference_seeded") is not None:
        return
    for topic in load_json("reference", "topics.json"):
        if session.execute(select(Topic.id).where(Topic.key == topic["key"])).first() is None:
            rows_path.add(session, Topic(id=reference_id("topic", topic["key"]),
                                         key=topic["key"], name_en=topic["name_en"],
                                         name_zh=topic.get("name_zh")))
    country_ids = dict(session.execute(select(Country.code, Country.id)).all())
    for grouping in load_json("reference", "groupings.json"):
        if session.execute(select(Tag.id).where(Tag.name == grouping["name"])).first():
            continue
        tag = Tag(id=reference_id("tag", grouping["name"]), name=grouping["name"],
                  name_zh=grouping.get("name_zh"), source=grouping.get("source"))
        rows_path.add(session, tag)
        members = [country_ids[code] for code in grouping["members"] if code in country_ids]
        if members:
            rows_path.execute(session, country_tags.insert(),
                              [{"country_id": cid, "tag_id": tag.id} for cid in members])
    session.add(Meta(key="reference_seeded", value="1"))
    if session.get(Meta, "database_id") is None:
        session.add(Meta(key="database_id", value=str(uuid.uuid4())))
    session.flush()
