"""Demo data: each organization's relationship level over the years — the steps by which it
rose to the level it has today, each with the day it took effect and why — so a party's Level
tab has a history to show. From a random stream of its own: the rest of the demo is the same
with or without it."""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection

from db.models.base import Base
from db.models.vocabulary import RELATIONSHIP_LEVELS
from db.store.guard import writing

ORDER = list(RELATIONSHIP_LEVELS)  # none, initial, regular, close, strategic
REASONS = {
    "initial": ["First contact at an international conference of political parties",
                "Letter of greetings exchanged after the party congress",
                "Met during a multilateral forum; contacts exchanged"],
    "regular": ["Exchange of delegations; annual consultations agreed",
                "Regular video calls between the international departments",
                "Invited to and attended the party forum"],
    "close": ["Cooperation agreement signed",
              "Memorandum of understanding on cadre training",
              "Joint seminar series launched"],
    "strategic": ["Visit of the party leader; strategic dialogue opened",
                  "Party-to-party agreement raised to a strategic partnership",
                  "High-level mechanism of annual talks agreed"],
}


def level_rows(seed: int, orgs: Sequence[tuple[Any, ...]], columns: Sequence[str],
               today: date, stamp: str) -> list[dict[str, Any]]:
    """The history of every organization with a level: one to four rises ending at it."""
    rng = random.Random(seed * 7919 + 1811)
    made = datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S.%f").replace(tzinfo=UTC)
    at = {name: number for number, name in enumerate(columns)}
    rows: list[dict[str, Any]] = []
    first_year = today.year - 12
    for org in orgs:
        level = org[at["level"]]
        if level not in ORDER or level == "none":
            continue
        top = ORDER.index(level)
        steps = ORDER[max(1, top - rng.randrange(0, 4)):top + 1]
        span = (today - date(first_year, 1, 1)).days - 30
        days = sorted(rng.sample(range(span), len(steps)))
        for step, offset in zip(steps, days, strict=True):
            rows.append({
                "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "created_at": made, "updated_at": made, "version": 1,
                "organization_id": org[at["id"]], "level": step,
                "effective": date(first_year, 1, 1) + timedelta(days=offset),
                "reason": rng.choice(REASONS[step]) if rng.random() < 0.85 else None})
    return rows


def add_levels(connection: Connection, seed: int, orgs: Sequence[tuple[Any, ...]],
               columns: Sequence[str], today: date, stamp: str) -> int:
    rows = level_rows(seed, orgs, columns, today, stamp)
    with writing("demo"):
        for start in range(0, len(rows), 5000):
            connection.execute(Base.metadata.tables["level_changes"].insert(),
                               rows[start:start + 5000])
    return len(rows)
