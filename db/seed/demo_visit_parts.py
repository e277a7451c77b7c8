"""The parts a demo visit is made of (db/seed/demo_visits.py): the people a side can take, the
sides, the programme's items and what a programme draws from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Holder:
    """Someone in a current position: whom a side can take, with what it says of them."""

    person: int  # index into the generated people
    org: int  # index into the generated organizations
    title: str
    since: str  # ISO start of the position


@dataclass
class Member:
    holder: Holder | None
    org: int | None  # a host body on its own when holder is None
    side: str
    role: str


@dataclass
class Side:
    principal: int
    members: list[Member] = field(default_factory=list)

    @property
    def head(self) -> Holder:
        return next(m.holder for m in self.members if m.role == "head" and m.holder)

    def people(self, *roles: str) -> list[Member]:
        return [m for m in self.members if m.holder is not None and m.role in roles]


@dataclass
class Item:
    kind: str
    title: str
    place: str | None = None
    not_before: int = 0  # minutes after midnight: lunch or dinner
    # Meetings: (organization index or None, person index or None, participation role).
    taking_part: list[tuple[int | None, int | None, str]] = field(default_factory=list)
    summary_with: str = ""
    topic: tuple[str, str] = ("", "")  # a meeting's topic: id, name in lower case


@dataclass
class Plan:
    """What a visit's programme draws from, each used once while it lasts."""

    visit: dict[str, Any]
    hosts: Side
    guests: Side
    days: int
    topics: list[tuple[str, str]]  # the visit's own first
    sites: list[tuple[str, str]]
    counterparts: list[Member]  # whom the guests meet besides the talks

    @property
    def topic(self) -> tuple[str, str]:
        return self.topics[0]
