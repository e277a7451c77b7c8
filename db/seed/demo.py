"""Generated, realistic, deterministic demo data — `liaison demo --size small|medium|large`.

The large size (10k organizations, 50k people, 1M interactions) must load in well under two
minutes, so rows go in through the driver's bulk path (executemany on SQLite, COPY on
PostgreSQL) inside one transaction: cancelling or failing leaves the database untouched."""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from db.changes.bulk import BulkWriter
from db.models import Country, Organization, Topic
from db.models.base import Base
from db.models.folding import search_text_for, sort_keys
from db.models.vocabulary import INTERACTION_KINDS
from db.seed import demo_words as words
from db.seed.demo_events import add_events, birth_years, leader_positions
from db.seed.demo_levels import add_levels
from db.seed.demo_visits import add_visits
from db.store.engine import Database
from db.store.errors import LiaisonError
from db.store.translation import translate


@dataclass(frozen=True)
class Size:
    organizations: int
    people: int
    interactions: int


SIZES = {
    "small": Size(200, 600, 2_000),
    "medium": Size(2_000, 20_000, 100_000),
    "large": Size(10_000, 50_000, 1_000_000),
}
KIND_WEIGHTS = {"party": 70, "think_tank": 8, "media": 5, "youth": 5, "women": 3, "enterprise": 3,
                "subnational_government": 3, "party_alliance": 2, "multilateral": 1}
INTERACTION_WEIGHTS = {"inbound_visit": 14, "outbound_visit": 10, "talks": 14, "meeting": 16,
                       "briefing": 8, "seminar": 8, "conference": 4, "video_call": 10,
                       "phone_call": 5, "letter": 6, "study_programme": 2,
                       "cooperation_project": 2, "other": 1}
LEVELS = ["none", "initial", "initial", "regular", "regular", "regular", "close", "strategic"]
STATUSES = ["governing", "coalition", "opposition", "opposition", "opposition",
            "extra_parliamentary"]
MULTI_DAY = {"inbound_visit", "outbound_visit", "seminar", "conference", "study_programme"}
CHUNK = 20_000
DEFERRED_INDEX_TABLES = ("interactions", "participations", "interaction_topics", "followups",
                         "people", "affiliations")


@dataclass(frozen=True)
class DemoProgress:
    stage: str
    done: int
    total: int


class Generator:
    def __init__(self, seed: int, countries: list[tuple[str, str, str | None, str]],
                 topics: list[tuple[str, str]], now: datetime) -> None:
        self.rng = random.Random(seed)
        self.counter = self.rng.getrandbits(40) << 6
        self.countries = countries  # (code, name_en, name_zh, region)
        self.topics = topics  # (id, name_en)
        self.stamp = now.strftime("%Y-%m-%d %H:%M:%S.%f")
        self.today = now.date()
        self.first_day = date(2005, 1, 1)
        span = (self.today - self.first_day).days
        self.days = [(self.first_day + timedelta(days=i)).isoformat() for i in range(span + 400)]
        self.span = span

    def uid(self) -> str:
        # Time-ordered ids (UUID version 7 layout: a rising 48-bit prefix, random tail) keep
        # primary-key inserts appending at the end of the index instead of all over it.
        self.counter += 1
        value = (self.counter << 80) | self.rng.getrandbits(80)
        value = (value & ~(0xF << 76)) | (7 << 76)  # version 7
        value = (value & ~(0x3 << 62)) | (0x2 << 62)  # RFC 4122 variant
        return str(uuid.UUID(int=value))

    def weighted(self, weights: dict[str, int]) -> list[str]:
        return [key for key, weight in weights.items() for _ in range(weight)]


def _slug(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isascii() and ch.isalnum())[:24] or "org"


def _organization(g: Generator, kinds: list[str], used: set[tuple[str, str]]
                  ) -> tuple[tuple[Any, ...], str]:
    rng = g.rng
    code, country_full, country_zh, region = rng.choice(g.countries)
    country_en = country_full.split(",")[0]  # "Macao, China" reads "Macao" inside a name
    kind = rng.choice(kinds)
    zh_country = country_zh or ""
    if kind in ("party", "youth", "women", "party_alliance"):
        (a_en, a_zh), (b_en, b_zh) = rng.sample(words.PARTY_WORDS, 2)
        noun_en, noun_zh = rng.choice(words.PARTY_NOUNS)
        name_en, name_zh = f"{a_en} {b_en} {noun_en}", f"{zh_country}{a_zh}{b_zh}{noun_zh}"
        if kind == "youth":
            name_en, name_zh = f"{name_en} Youth League", f"{name_zh}青年团"
        elif kind == "women":
            name_en, name_zh = f"{name_en} Women's League", f"{name_zh}妇女联盟"
        elif kind == "party_alliance":
            name_en, name_zh = f"Coalition of the {name_en}", f"{name_zh}联合阵线"
    elif kind == "think_tank":
        field_en, field_zh = rng.choice(words.FIELDS)
        name_en, name_zh = f"{country_en} Institute of {field_en}", f"{zh_country}{field_zh}所"
    elif kind == "media":
        m_en, m_zh = rng.choice(words.MEDIA)
        name_en, name_zh = f"{country_en} {m_en}", f"{zh_country}{m_zh}"
    elif kind == "enterprise":
        e_en, e_zh = rng.choice(words.ENTERPRISE)
        name_en, name_zh = f"{country_en} {e_en}", f"{zh_country}{e_zh}"
    elif kind == "subnational_government":
        s_en, s_zh = rng.choice(words.SUBNATIONAL)
        name_en, name_zh = f"Government of the {s_en}, {country_en}", f"{zh_country}{s_zh}政府"
    else:
        m_en, m_zh = rng.choice(words.MULTILATERAL)
        name_en, name_zh = f"{region or 'International'} {m_en}", f"{m_zh}"
    base = name_en
    counter = 2
    while (code, name_en) in used:
        name_en = f"{base} ({counter})"
        counter += 1
    used.add((code, name_en))
    abbreviation = "".join(w[0] for w in name_en.replace("'", "").split() if w[0].isupper())[:8]
    slug = _slug(abbreviation + code)
    is_party = kind == "party"
    row = (
        g.uid(), g.stamp, g.stamp, 1, name_en, name_en, name_zh, "[]", abbreviation or None, kind,
        code, rng.choice(STATUSES) if is_party else None,
        rng.choice(words.IDEOLOGIES) if is_party else None,
        str(rng.randrange(1900, 2020)) if rng.random() < 0.8 else None,
        f"https://www.{slug}.org", f"international@{slug}.org", rng.choice(LEVELS), 0,
        search_text_for((name_en, name_zh, abbreviation)),
        *sort_keys({"name": name_en, "name_en": name_en, "name_zh": name_zh}).values(),
    )
    return row, region or ""


ORG_COLUMNS = ("id", "created_at", "updated_at", "version", "name", "name_en", "name_zh",
               "aliases", "abbreviation", "kind", "country_code", "status", "ideology", "founded",
               "website", "email", "level", "interaction_count", "search_text",
               "sort_original", "sort_en", "sort_zh")
PERSON_COLUMNS = ("id", "created_at", "updated_at", "version", "name", "name_en", "aliases",
                  "title", "gender", "nationality", "emails", "phones", "languages",
                  "interaction_count", "search_text", "sort_original", "sort_en", "sort_zh")
AFFILIATION_COLUMNS = ("id", "created_at", "updated_at", "version", "person_id",
                       "organization_id", "role", "start_date", "end_date")
INTERACTION_COLUMNS = ("id", "created_at", "updated_at", "version", "kind", "title", "start_date",
                       "end_date", "country_code", "platform", "summary", "outcomes")
PARTICIPATION_COLUMNS = ("id", "created_at", "updated_at", "version", "interaction_id",
                         "organization_id", "person_id", "role", "start_date")
FOLLOWUP_COLUMNS = ("id", "created_at", "updated_at", "version", "description", "due", "status",
                    "owner", "organization_id", "interaction_id", "completed_on")


def generate_demo(db: Database, size: str, seed: int = 1,
                  cancelled: Callable[[], bool] | None = None) -> Iterator[DemoProgress]:
    """Fill an empty database with demo data, yielding progress; one transaction."""
    if size not in SIZES:
        raise LiaisonError(translate(
            "Seed", "“{size}” is not a demo size; choose small, medium or large."
        ).format(size=size))
    target = SIZES[size]
    with db.reading() as session:
        existing = session.execute(select(func.count()).select_from(Organization)).scalar_one()
        if existing:
            raise LiaisonError(translate(
                "Seed", "The database already holds {count} organizations; demo data goes into "
                        "an empty database (choose another file with --db)."
            ).format(count=existing))
        countries = [tuple(r) for r in session.execute(
            select(Country.code, Country.name_en, Country.name_zh, Country.region)
            .where(Country.region.is_not(None)).order_by(Country.code))]
        topics = [tuple(r) for r in session.execute(
            select(Topic.id, Topic.name_en).where(Topic.deleted_at.is_(None))
            .order_by(Topic.key))]
    g = Generator(seed, countries, topics, datetime.now(UTC))  # type: ignore[arg-type]
    rng = g.rng

    def check_cancel() -> None:
        if cancelled is not None and cancelled():
            raise InterruptedError(translate(
                "Seed", "Demo data was not loaded (cancelled); nothing was written."))

    with db.engine.begin() as connection:
        # Invented rows with no history to undo: no change log, no batch (ARCHITECTURE.md).
        writer = BulkWriter(connection, who="demo")
        if writer.sqlite:
            connection.exec_driver_sql("PRAGMA cache_size = -262144")
        # Secondary indexes are rebuilt once at the end: sorting a finished table is far
        # cheaper than millions of inserts landing all over the index. The drop is part of
        # the transaction, so a cancel puts them back.
        deferred = [secondary for name in DEFERRED_INDEX_TABLES
                    for secondary in Base.metadata.tables[name].indexes if not secondary.unique]
        for secondary in deferred:
            secondary.drop(connection)
        kinds = g.weighted(KIND_WEIGHTS)
        used: set[tuple[str, str]] = set()
        orgs: list[tuple[Any, ...]] = []
        org_regions: list[str] = []
        for _ in range(target.organizations):
            row, region = _organization(g, kinds, used)
            orgs.append(row)
            org_regions.append(region)
        writer.insert("organizations", ORG_COLUMNS, orgs)
        add_levels(connection, seed, orgs, ORG_COLUMNS, g.today, g.stamp)
        yield DemoProgress("organizations", len(orgs), len(orgs))
        by_region: dict[str, list[int]] = {}
        for index, region in enumerate(org_regions):
            by_region.setdefault(region, []).append(index)

        people: list[tuple[Any, ...]] = []
        affiliations: list[tuple[Any, ...]] = []
        members: list[list[int]] = [[] for _ in orgs]
        for person_index in range(target.people):
            org_index = person_index % len(orgs) if person_index < len(orgs) else rng.randrange(len(orgs))
            org = orgs[org_index]
            region = org_regions[org_index] or "Europe"
            given, family = rng.choice(words.GIVEN[region]), rng.choice(words.FAMILY[region])
            name = f"{given} {family}"
            title = rng.choice(words.TITLES)
            person_id = g.uid()
            languages = json.dumps(sorted(set(rng.sample(words.LANGUAGES[region], 2))))
            email = json.dumps([f"{_slug(given)}.{_slug(family)}@{org[14].split('www.')[1]}"])
            people.append((person_id, g.stamp, g.stamp, 1, name, name, "[]", title,
                           rng.choice(("female", "male")), org[10], email, "[]", languages, 0,
                           search_text_for((name,)), *sort_keys({"name": name}).values()))
            start = rng.randrange(0, g.span)
            ended = rng.random() < 0.2
            end = g.days[min(g.span - 1, start + rng.randrange(200, 2000))] if ended else None
            affiliations.append((g.uid(), g.stamp, g.stamp, 1, person_id, org[0], title,
                                 g.days[start], end))
            members[org_index].append(person_index)
        born = birth_years(seed, people, g.today)  # streams of their own (demo_events.py)
        leaders = leader_positions(orgs, affiliations)
        writer.insert("people", (*PERSON_COLUMNS, "birth_year"),
                      [(*row, year) for row, year in zip(people, born, strict=True)])
        writer.insert("affiliations", (*AFFILIATION_COLUMNS, "leader"),
                      [(*row, n in leaders) for n, row in enumerate(affiliations)])
        yield DemoProgress("people", len(people), len(people))
        check_cancel()

        interaction_kinds = g.weighted(INTERACTION_WEIGHTS)
        org_last = [-1] * len(orgs)
        org_count = [0] * len(orgs)
        person_last = [-1] * len(people)
        person_count = [0] * len(people)
        visits = add_visits(g, writer, size, seed, orgs, people, affiliations,
                            (org_last, org_count, person_last, person_count))
        yield DemoProgress("visits", visits.visits, visits.visits)
        made, _invitations, opens = add_events(g, connection, seed, orgs, people,
                                               affiliations, leaders, born, org_count)
        yield DemoProgress("events", made, made)
        done = visits.meetings  # the programmes' talks and meetings are among the interactions
        while done < target.interactions:
            batch = min(CHUNK, target.interactions - done)
            rows: list[tuple[Any, ...]] = []
            parts: list[tuple[Any, ...]] = []
            links: list[tuple[Any, ...]] = []
            followups: list[tuple[Any, ...]] = []
            for _ in range(batch):
                iid = g.uid()
                kind = rng.choice(interaction_kinds)
                primary = int(len(orgs) * rng.random() ** 2)
                org = orgs[primary]
                day = g.span - 1 - int(g.span * rng.random() ** 1.6)
                if day < opens.get(primary, 0):  # a newcomer (demo_newcomers.py): after
                    day = opens[primary] + day % (g.span - opens[primary])
                last_day = day + rng.randrange(1, 6) if kind in MULTI_DAY and rng.random() < 0.7 else 0
                topic_id, topic_name = rng.choice(topics)
                title = words.TITLE_TEMPLATES[kind].format(org=org[5], topic=topic_name.lower())
                country = org[10] if kind != "inbound_visit" else None
                platform = rng.choice(words.PLATFORMS) if rng.random() < 0.3 else None
                label = INTERACTION_KINDS[kind].en
                summary = f"{label} with {org[5]} on {topic_name.lower()}."
                outcome = rng.choice(words.OUTCOMES).format(topic=topic_name.lower()) or None
                rows.append((iid, g.stamp, g.stamp, 1, kind, title[:500], g.days[day],
                             g.days[last_day] if last_day else None, country, platform, summary, outcome))
                chosen = [primary]
                if rng.random() < 0.45:
                    other = rng.choice(by_region.get(org_regions[primary]) or [primary])
                    if other != primary and day >= opens.get(other, 0):
                        chosen.append(other)
                for position, index in enumerate(chosen):
                    role = "delegation_head" if position == 0 and kind in MULTI_DAY else "participant"
                    parts.append((g.uid(), g.stamp, g.stamp, 1, iid, orgs[index][0], None, role,
                                  g.days[day]))
                    org_count[index] += 1
                    if day > org_last[index]:
                        org_last[index] = day
                staff = members[primary]
                if staff:
                    for person_index in rng.sample(staff, min(len(staff), rng.randrange(0, 3))):
                        parts.append((g.uid(), g.stamp, g.stamp, 1, iid, None,
                                      people[person_index][0], "member", g.days[day]))
                        person_count[person_index] += 1
                        if day > person_last[person_index]:
                            person_last[person_index] = day
                links.append((iid, topic_id))
                if rng.random() < 0.3:
                    second = rng.choice(topics)[0]
                    if second != topic_id:
                        links.append((iid, second))
                if rng.random() < 0.05:
                    due = day + rng.randrange(20, 120)
                    is_done = due < g.span - 60 and rng.random() < 0.8
                    followups.append((
                        g.uid(), g.stamp, g.stamp, 1,
                        rng.choice(words.FOLLOWUPS).format(topic=topic_name.lower()),
                        g.days[due], "done" if is_done else "open", rng.choice(words.OFFICERS),
                        org[0], iid, g.days[due] if is_done else None))
            writer.insert("interactions", INTERACTION_COLUMNS, rows)
            writer.insert("participations", PARTICIPATION_COLUMNS, parts)
            writer.insert("interaction_topics", ("interaction_id", "topic_id"), links)
            writer.insert("followups", FOLLOWUP_COLUMNS, followups)
            done += batch
            yield DemoProgress("interactions", done, target.interactions)
            check_cancel()

        writer.update_many(
            "UPDATE organizations SET last_contact = ?, interaction_count = ? WHERE id = ?",
            [(g.days[last], count, orgs[i][0])
             for i, (last, count) in enumerate(zip(org_last, org_count, strict=True)) if count])
        writer.update_many(
            "UPDATE people SET last_contact = ?, interaction_count = ? WHERE id = ?",
            [(g.days[last], count, people[i][0])
             for i, (last, count) in enumerate(zip(person_last, person_count, strict=True)) if count])
        writer.insert("meta", ("key", "value"), [("demo", f"{size} seed {seed}")])
        check_cancel()
        yield DemoProgress("indexes", 0, len(deferred))
        for number, secondary in enumerate(deferred, start=1):
            secondary.create(connection)
            yield DemoProgress("indexes", number, len(deferred))
            check_cancel()
        if writer.sqlite:
            connection.exec_driver_sql("ANALYZE")
    yield DemoProgress("done", target.interactions, target.interactions)
