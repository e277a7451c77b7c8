"""The registry's entry for an organization's level history (db/models/level.py): each change
of relationship level, the day it took effect and why."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.changes.dates import a_date
from db.changes.entity import Entity
from db.changes.fields import choice, reference, text
from db.changes.recording import Schema
from db.models import LevelChange, Organization
from db.models.vocabulary import RELATIONSHIP_LEVELS
from db.store.errors import Problem
from db.store.translation import QT_TRANSLATE_NOOP, translate


def one_change_a_day(session: Session, values: Mapping[str, Any],
                     record_id: str | None) -> list[Problem]:
    """An organization's level changes at most once on a given day."""
    organization, effective = values.get("organization_id"), values.get("effective")
    if not organization or effective is None:
        return []
    clash = session.execute(select(LevelChange.level).where(
        LevelChange.organization_id == organization, LevelChange.effective == effective,
        LevelChange.deleted_at.is_(None), LevelChange.id != (record_id or ""))).first()
    if clash is None:
        return []
    level = RELATIONSHIP_LEVELS.get(clash[0])
    return [Problem("effective", translate(
        "Validation", "The level already changed on {day} (to {level}); change that entry "
                      "instead.").format(day=effective.isoformat(),
                                         level=level.label() if level else clash[0]))]


LEVEL_CHANGE = Entity(
    "level change", "levels", QT_TRANSLATE_NOOP("Records", "Level change"), Schema(
    entity="level change",
    model=LevelChange,
    fields={
        "organization_id": reference(Organization, "organization", required=True),
        "level": choice(RELATIONSHIP_LEVELS, QT_TRANSLATE_NOOP("Validation",
                                                               "relationship level"),
                        required=True),
        "effective": a_date(QT_TRANSLATE_NOOP("Validation", "The date it took effect"),
                            required=True),
        "reason": text(10_000, multiline=True,
                       label=QT_TRANSLATE_NOOP("Validation", "The reason")),
    },
    required=("organization_id", "level", "effective"),
    session_checks=(one_change_a_day,),
), title_field="level", natural_keys=("organization_id", "effective"))
