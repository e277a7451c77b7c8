"""Topics (cooperation areas): the seeded list is the user's to extend, rename or retire."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from db.changes import recording, registry
from db.changes.recording import Actor
from db.models import Topic
from db.services.reference import TopicInfo, list_topics
from db.store.engine import Database

SCHEMA = registry.TOPIC.schema


def _info(topic: Topic) -> TopicInfo:
    return TopicInfo(topic.id, topic.key, topic.name_en, topic.name_zh)


def create_topic(db: Database, data: Mapping[str, Any], actor: Actor | None = None) -> TopicInfo:
    values = dict(data)
    if not values.get("key") and values.get("name_en"):
        values["key"] = re.sub(r"[^a-z0-9]+", "_", str(values["name_en"]).lower()).strip("_")
    with db.transaction() as session:
        return _info(recording.create(session, SCHEMA, values, actor or Actor()))


def update_topic(db: Database, topic_id: str, changes: Mapping[str, Any], *,
                 expected_version: int | None, actor: Actor | None = None) -> TopicInfo:
    with db.transaction() as session:
        topic, _ = recording.update(session, SCHEMA, topic_id, changes, actor or Actor(),
                                    expected_version=expected_version)
        return _info(topic)


def delete_topic(db: Database, topic_id: str, *, expected_version: int | None = None,
                 actor: Actor | None = None) -> None:
    """Retire a topic: interactions keep their link, the topic is no longer offered."""
    with db.transaction() as session:
        recording.soft_delete(session, SCHEMA, topic_id, actor or Actor(),
                              expected_version=expected_version)


def restore_topic(db: Database, topic_id: str, actor: Actor | None = None) -> TopicInfo:
    with db.transaction() as session:
        return _info(recording.restore(session, SCHEMA, topic_id, actor or Actor()))


def topics(db: Database) -> list[TopicInfo]:
    with db.reading() as session:
        return list_topics(session)
