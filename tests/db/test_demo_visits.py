"""The demo's year of delegation visits (issue 16, item 5; db/seed/demo_visits.py): the small
size's visits in their counts and ranges, every record of them passing the writer's own
validation — fields, the visit rules of db/changes/visit_checks.py — though the generator
writes in bulk, their talks and meetings recorded as interactions with participants,
`liaison check` finding nothing, and the same seed giving the same visits."""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from db.changes import recording, registry
from db.models import (
    Gift,
    Interaction,
    Participation,
    Person,
    ProgrammeItem,
    Visit,
    VisitMember,
)
from db.models.vocabulary import MEETING_KINDS
from db.seed import demo_words
from db.seed.demo import generate_demo
from db.seed.opening import open_database
from db.services.check import check_database
from db.store.engine import Database

CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def load(db: Database, seed: int = 1) -> None:
    stages = [step.stage for step in generate_demo(db, "small", seed)]
    assert "visits" in stages and stages[-1] == "done"


def count(db: Database, model: Any) -> int:
    with db.reading() as session:
        return int(session.execute(select(func.count()).select_from(model)).scalar_one())


def test_a_small_demo_has_a_year_of_visits_that_keep_every_rule(db: Database) -> None:
    load(db)
    today = datetime.now(UTC).date()
    with db.reading() as session:
        visits = list(session.execute(select(Visit).order_by(Visit.start)).scalars())
        members = list(session.execute(select(VisitMember)).scalars())
        items = list(session.execute(select(ProgrammeItem)).scalars())
        gifts = list(session.execute(select(Gift)).scalars())

        # The year: counts, directions, dates and statuses that agree with them.
        assert len(visits) == 12
        assert Counter(v.direction for v in visits) == {"inbound": 6, "outbound": 6}
        for visit in visits:
            last = visit.end or visit.start
            assert 2 <= (last - visit.start).days + 1 <= 7
            assert today - timedelta(days=365) <= visit.start <= today + timedelta(days=60)
            if last < today:
                assert visit.status in ("done", "cancelled"), visit.title
            elif visit.start > today:
                assert visit.status in ("planned", "confirmed"), visit.title
            else:
                assert visit.status == "under_way", visit.title
        statuses = Counter(v.status for v in visits)
        assert statuses["under_way"] == 1 and statuses["cancelled"] >= 1
        assert statuses["planned"] + statuses["confirmed"] >= 2

        # One organization stands for our party: the host received, the guest sent.
        ours = {v.host_id if v.direction == "inbound" else v.guest_id for v in visits}
        assert len(ours) == 1 and None not in ours
        partners = {v.guest_id if v.direction == "inbound" else v.host_id for v in visits}
        assert not partners & ours

        # Every record passes the writer's validation: its fields, its checks and the visit
        # rules that read other records (an item within its visit's days, a meeting's
        # participants on either side, a person once per visit, one head per side).
        for visit in visits:
            recording.validate(session, registry.VISIT.schema, {
                "title": visit.title, "direction": visit.direction, "status": visit.status,
                "start": visit.start, "end": visit.end, "country": visit.country_code,
                "host_id": visit.host_id, "guest_id": visit.guest_id, "purpose": visit.purpose,
                "outcomes": visit.outcomes, "notes": visit.notes}, record_id=visit.id)
        for member in members:
            recording.validate(session, registry.VISIT_MEMBER.schema, {
                "visit_id": member.visit_id, "person_id": member.person_id,
                "organization_id": member.organization_id, "side": member.side,
                "role": member.role, "title": member.title, "position": member.position},
                record_id=member.id)
        for item in items:
            checked = recording.validate(session, registry.PROGRAMME_ITEM.schema, {
                "visit_id": item.visit_id, "day": item.day, "starts": item.starts,
                "ends": item.ends, "kind": item.kind, "title": item.title, "city": item.city,
                "place": item.place, "interaction_id": item.interaction_id,
                "notes": item.notes, "position": item.position}, record_id=item.id)
            assert (checked["starts"], checked["ends"]) == (item.starts, item.ends)
            assert item.starts and item.ends and CLOCK.match(item.starts) \
                and CLOCK.match(item.ends) and item.starts <= item.ends
        for gift in gifts:
            recording.validate(session, registry.GIFT.schema, {
                "visit_id": gift.visit_id, "direction": gift.direction,
                "description": gift.description, "person_id": gift.person_id,
                "organization_id": gift.organization_id, "notes": gift.notes},
                record_id=gift.id)

        # The sides: a head each, a handful of people, each person once in the visit.
        by_visit = {v.id: v for v in visits}
        for visit in visits:
            side = [m for m in members if m.visit_id == visit.id]
            heads = Counter(m.side for m in side if m.role == "head")
            assert heads == {"guest": 1, "host": 1}, visit.title
            people = [m.person_id for m in side if m.person_id]
            assert len(people) == len(set(people)) >= 4
            guests = [m for m in side if m.side == "guest"]
            assert any(m.role == "interpreter" for m in side) and len(guests) >= 2
        head = session.get(Person, next(m.person_id for m in members if m.role == "head"))
        assert head is not None

        # The programme: 1–3 cities of the host country, 2–5 items a day, every day.
        for visit in visits:
            own = [i for i in items if i.visit_id == visit.id]
            per_day = Counter(i.day for i in own)
            days = (visit.end or visit.start) - visit.start
            assert sorted(per_day) == [visit.start + timedelta(days=n)
                                       for n in range(days.days + 1)]
            assert all(2 <= n <= 5 for n in per_day.values()), visit.title
            cities = {i.city for i in own}
            assert 1 <= len(cities) <= 3
            assert cities <= set(demo_words.CITIES[visit.country_code or ""])
            assert {"talks", "travel"} <= {i.kind for i in own}
            for day in per_day:
                positions = sorted(i.position for i in own if i.day == day)
                assert positions == list(range(len(positions)))

        # Talks, meetings and briefings are interactions with participants, unless the
        # visit was cancelled; nothing else is.
        meetings = [i for i in items if i.kind in MEETING_KINDS
                    and by_visit[i.visit_id].status != "cancelled"]
        assert len(meetings) >= 12
        assert all(i.interaction_id is None for i in items if i.kind not in MEETING_KINDS
                   or by_visit[i.visit_id].status == "cancelled")
        for item in meetings:
            assert item.interaction_id is not None, item.title
            interaction = session.get(Interaction, item.interaction_id)
            assert interaction is not None
            visit = by_visit[item.visit_id]
            assert (interaction.kind, interaction.title, interaction.start, interaction.city,
                    interaction.country_code) == (item.kind, item.title, item.day, item.city,
                                                  visit.country_code)
            taking_part = list(session.execute(select(
                Participation.organization_id, Participation.person_id, Participation.start)
                .where(Participation.interaction_id == interaction.id)))
            assert len(taking_part) >= 3
            assert {start for _o, _p, start in taking_part} == {item.day}
            assert any(person for _o, person, _s in taking_part)
            orgs = {org for org, _p, _s in taking_part if org}
            assert orgs & {visit.host_id, visit.guest_id}

        # Gifts given and received, on half the visits that took place.
        given = {g.visit_id for g in gifts}
        took_place = {v.id for v in visits if v.status in ("done", "under_way")}
        assert given <= took_place and len(given) == (len(took_place) + 1) // 2
        assert {g.direction for g in gifts} == {"given", "received"}

    # The meetings are among the size's interactions; the people are the size's.
    assert count(db, Interaction) == 2000 and count(db, Person) == 600
    assert check_database(db) == []


def visits_of(path: Path, seed: int) -> list[tuple[Any, ...]]:
    db = open_database(path)
    try:
        load(db, seed)
        with db.reading() as session:
            visits = [tuple(row) for row in session.execute(select(
                Visit.id, Visit.title, Visit.direction, Visit.status, Visit.start, Visit.end,
                Visit.country_code).order_by(Visit.start, Visit.id))]
            programme = [tuple(row) for row in session.execute(select(
                ProgrammeItem.visit_id, ProgrammeItem.day, ProgrammeItem.starts,
                ProgrammeItem.title, ProgrammeItem.city).order_by(ProgrammeItem.id))]
            members = [tuple(row) for row in session.execute(select(
                VisitMember.visit_id, VisitMember.person_id, VisitMember.side,
                VisitMember.role).order_by(VisitMember.id))]
        return [*visits, *programme, *members]
    finally:
        db.close()


def test_the_same_seed_gives_the_same_visits(tmp_path: Path) -> None:
    first = visits_of(tmp_path / "a.sqlite3", 7)
    assert first == visits_of(tmp_path / "b.sqlite3", 7)
    assert first != visits_of(tmp_path / "c.sqlite3", 8)
