"""A year of multilateral events for the demo data (`liaison demo`, db/seed/demo.py).

Every size makes the same year: ten events in the twelve months before today and the two
after, across the mechanisms — the 3rd edition of the World Political Parties Dialogue (a
high-level meeting, about four months ago) with its 2nd edition a year before it, two thematic
seminars (one ahead), two party forums of groupings (the parties of a region; women's and
youth organizations), a think-tank and media forum, three editions of a study programme for
young party cadres (one ahead) and an online dialogue. Our party (the organization that stands
for the office in the demo's visits, db/seed/demo_visits.py) organizes most of them.

The 3rd edition invites about 250 from about 40 countries: the parties and organizations of the
forty countries with the most of them, up to 235; the rest people invited in their own
capacity from the same countries (the small size's 200 organizations hold about a hundred in
forty countries, so there the individuals make up the list).

Each invitation is dated by an officer, 40–80 days before the event; the replies mostly accept,
some decline, some send a representative, some never come, each dated before the event and
not after today. Attendance is recorded for the events that are over (mostly following the
reply, now and then not), never for the ones ahead. An organization that came, or accepted an
event ahead, brings a delegation: a head who holds a position in it on the event's first day
(its leader, when the party has one flagged and accepted in person), up to three of its
people, and now and then a size larger than the names known. A person invited on their own
comes alone. Each event has a programme of 2–4 sessions a day with speakers: our party's
people, the heads of delegation and those invited by name.

People gain a birth year (most of them, by the seniority of their title) and a party's
president, secretary-general or chairperson in a current position is flagged as its leader —
one per party. Both come from random streams of their own, so the organizations, people and
interactions the demo made before are unchanged; the events draw from another. A few of the
organizations at the latest Dialogue that is over are met there for the first time
(db/seed/demo_newcomers.py): the interactions made after the events leave them out before it.

Like the visits, no change log and no batch: the event tables are not among
db/changes/bulk.py's, so they go in through Core inserts under the write guard's "demo"."""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import Connection

from db.models.base import Base
from db.seed import demo_words as words
from db.seed.demo_newcomers import newcomers
from db.store.guard import writing

if TYPE_CHECKING:
    from db.seed.demo import Generator

SERIES = "World Political Parties Dialogue"
STUDY_SERIES = "Young Leaders Study Programme"
BIG_MEETING = 250  # invitations to the 3rd edition
BIG_COUNTRIES = 40
LEADER_TITLES = ("President", "Secretary-General", "Chairperson")  # in order of precedence
RANK = {title: rank for rank, title in enumerate(words.TITLES)}
AGES = {"President": (45, 76), "Secretary-General": (42, 72), "Chairperson": (45, 76),
        "Vice-President": (40, 70), "International Secretary": (30, 62),
        "Deputy Secretary-General": (35, 66), "Head of International Department": (32, 62),
        "Member of Parliament": (29, 70), "Director": (28, 62), "Spokesperson": (26, 55),
        "Youth Wing Leader": (22, 34), "Treasurer": (35, 68)}
REPLIES_PAST = {"accepted": 62, "representative": 10, "declined": 15, "none": 13}
REPLIES_AHEAD = {"accepted": 40, "representative": 8, "declined": 10, "none": 42}
THEMES = ["Paths to modernization and the responsibility of political parties",
          "Development, security and the common future of humankind",
          "Political parties and the global development agenda",
          "Dialogue among civilizations and exchanges between parties"]
PLACES = ["Main conference hall", "Conference room A", "Conference room B", "Banquet hall",
          "Multifunction hall"]
PARTY_KINDS = ("party", "party_alliance")
OPEN_KINDS = ("party", "party_alliance", "youth", "women", "think_tank")


@dataclass(frozen=True)
class Position:
    person: int  # index into the generated people
    org: int  # index into the generated organizations
    title: str
    start: date
    end: date | None
    leader: bool

    def held_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or self.end >= day)


@dataclass
class Plan:
    """One event as planned: when, where, who organizes it, whom it invites."""

    name: str
    mechanism: str
    start: date
    days: int
    theme: str
    series: str | None = None
    edition: int | None = None
    country: str | None = None
    online: bool = False
    organizer: int | None = None
    co_organizers: list[int] = field(default_factory=list)
    organizations: list[int] = field(default_factory=list)
    individuals: list[int] = field(default_factory=list)

    @property
    def last(self) -> date:
        return self.start + timedelta(days=self.days - 1)


# -- the people's birth years and the parties' leaders -----------------------------------------

def birth_years(seed: int, people: Sequence[tuple[Any, ...]], today: date) -> list[int | None]:
    """A birth year for most people (one in seven left unknown), by their title's usual ages."""
    rng = random.Random(f"demo birth years {seed}")
    years: list[int | None] = []
    for row in people:
        youngest, oldest = AGES.get(row[7], (28, 68))
        known = rng.random() >= 0.14
        age = rng.randint(youngest, oldest)
        years.append(today.year - age if known else None)
    return years


def leader_positions(orgs: Sequence[tuple[Any, ...]],
                     affiliations: Sequence[tuple[Any, ...]]) -> set[int]:
    """Indexes of the positions flagged as their party's leader: in each party, the current
    president, else secretary-general, else chairperson (the longest in office first)."""
    org_at = {row[0]: index for index, row in enumerate(orgs)}
    best: dict[int, tuple[int, str, int]] = {}
    for index, row in enumerate(affiliations):
        org = org_at[row[5]]
        if row[8] is not None or row[6] not in LEADER_TITLES or orgs[org][9] != "party":
            continue
        key = (LEADER_TITLES.index(row[6]), row[7], index)
        if org not in best or key < best[org]:
            best[org] = key
    return {key[2] for key in best.values()}


# -- the events --------------------------------------------------------------------------------

class EventMaker:
    def __init__(self, g: Generator, seed: int, orgs: Sequence[tuple[Any, ...]],
                 people: Sequence[tuple[Any, ...]], affiliations: Sequence[tuple[Any, ...]],
                 leaders: set[int], born: Sequence[int | None]) -> None:
        self.g = g
        self.born = born
        self.rng = random.Random(f"demo events {seed}")
        self.counter = self.rng.getrandbits(40) << 6
        self.orgs, self.people = orgs, people
        self.today = g.today
        self.created = datetime.strptime(g.stamp, "%Y-%m-%d %H:%M:%S.%f").replace(tzinfo=UTC)
        self.region_of = {code: region or "" for code, _en, _zh, region in g.countries}
        org_at = {row[0]: index for index, row in enumerate(orgs)}
        person_at = {row[0]: index for index, row in enumerate(people)}
        self.positions: dict[int, list[Position]] = {}
        for index, row in enumerate(affiliations):
            org = org_at[row[5]]
            self.positions.setdefault(org, []).append(Position(
                person_at[row[4]], org, row[6], date.fromisoformat(row[7]),
                date.fromisoformat(row[8]) if row[8] else None, index in leaders))
        self.events: list[dict[str, Any]] = []
        self.co_organizers: list[dict[str, Any]] = []
        self.sessions: list[dict[str, Any]] = []
        self.speakers: list[dict[str, Any]] = []
        self.invitations: list[dict[str, Any]] = []
        self.delegates: list[dict[str, Any]] = []

    def uid(self) -> str:
        # The generator's id layout (time-ordered UUID version 7), from this stream's counter.
        self.counter += 1
        value = (self.counter << 80) | self.rng.getrandbits(80)
        value = (value & ~(0xF << 76)) | (7 << 76)
        value = (value & ~(0x3 << 62)) | (0x2 << 62)
        return str(uuid.UUID(int=value))

    def record(self) -> dict[str, Any]:
        return {"id": self.uid(), "created_at": self.created, "updated_at": self.created,
                "version": 1, "deleted_at": None}

    # -- who --------------------------------------------------------------------------------

    def holders(self, org: int, day: date) -> list[Position]:
        """The organization's people in a position on `day`: its leader, then by seniority."""
        return sorted((p for p in self.positions.get(org, []) if p.held_on(day)),
                      key=lambda p: (not p.leader, RANK.get(p.title, 99), p.person))

    def our_party(self) -> int | None:
        """The organization demo_visits.VisitMaker.our_party picks, by the same rule: the
        party of a country with more than one city in demo_words.CITIES whose country has
        the most people in a current position, then the one with the most itself."""
        current: dict[int, int] = {}
        by_country: dict[str, int] = {}
        for org, positions in self.positions.items():
            code = self.orgs[org][10]
            if code not in words.CITIES:
                continue
            held = sum(p.end is None for p in positions)
            if held:
                current[org] = held
                by_country[code] = by_country.get(code, 0) + held
        homes = [i for i in current if len(words.CITIES[self.orgs[i][10]]) > 1]
        parties = [i for i in homes if self.orgs[i][9] == "party"] or homes
        if not parties:
            return None
        return max(parties, key=lambda i: (by_country[self.orgs[i][10]], current[i], -i))

    def of_kinds(self, kinds: Sequence[str], exclude: set[int], region: str | None = None
                 ) -> list[int]:
        return [i for i, row in enumerate(self.orgs) if row[9] in kinds and i not in exclude
                and (region is None or self.region_of.get(row[10]) == region)]

    def sample(self, pool: list[int], count: int) -> list[int]:
        return sorted(self.rng.sample(pool, min(count, len(pool))))

    def home_city(self, home: str, number: int = 0) -> str:
        cities = words.CITIES[home]
        return cities[min(number, len(cities) - 1)]

    # -- what -------------------------------------------------------------------------------

    def plans(self, ours: int) -> list[Plan]:
        rng, today, orgs = self.rng, self.today, self.orgs
        home = orgs[ours][10]
        not_ours = {ours}
        topics = [name.lower() for _key, name in rng.sample(self.g.topics, min(6, len(
            self.g.topics)))] or ["party building"]
        regions = sorted({r for r in self.region_of.values() if r})
        parties_in = {r: len(self.of_kinds(PARTY_KINDS, not_ours, r)) for r in regions}
        busiest = sorted(regions, key=lambda r: (-parties_in[r], r))

        # The high-level meeting: the forty countries with the most organizations.
        open_orgs = self.of_kinds(OPEN_KINDS, not_ours)
        in_country: dict[str, list[int]] = {}
        for index in open_orgs:
            in_country.setdefault(orgs[index][10], []).append(index)
        countries = sorted(in_country, key=lambda c: (-len(in_country[c]), c))[:BIG_COUNTRIES]
        invited: list[int] = []
        for code in countries:  # parties first, then the others, country by country in turn
            in_country[code].sort(key=lambda i: (orgs[i][9] != "party", i))
        for round_ in range(max((len(in_country[c]) for c in countries), default=0)):
            invited += [in_country[c][round_] for c in countries if round_ < len(in_country[c])]
        invited = sorted(invited[:BIG_MEETING - 15])
        meeting = today - timedelta(days=rng.randint(100, 140))
        # In their own capacity: people of those countries other than the most senior of
        # an invited organization, who would lead its delegation.
        leading = {p.person for i in invited for p in self.holders(i, meeting)[:1]}
        people_there = [n for n, row in enumerate(self.people)
                        if row[9] in countries and n not in leading]
        home_think_tanks = [i for i in self.of_kinds(("think_tank",), not_ours)
                            if orgs[i][10] == home and i not in set(invited)]
        third = Plan(
            f"{SERIES} {meeting.year}", "high_level_meeting", meeting, 3, rng.choice(THEMES),
            series=SERIES, edition=3, country=home, organizer=ours,
            co_organizers=home_think_tanks[:1], organizations=invited,
            individuals=self.sample(people_there, BIG_MEETING - len(invited)))
        earlier = meeting - timedelta(days=364)
        again = self.sample(invited, round(len(invited) * 0.5))
        others = [i for i in open_orgs if i not in set(invited)]
        second = Plan(
            f"{SERIES} {earlier.year}", "high_level_meeting", earlier, 3, rng.choice(THEMES),
            series=SERIES, edition=2, country=home, organizer=ours,
            organizations=sorted(again + self.sample(others, 15)),
            individuals=self.sample(third.individuals, 5))

        def day(low: int, high: int) -> date:
            return today + timedelta(days=rng.randint(low, high))

        region_a, region_b = busiest[0], busiest[1 % len(busiest)]
        groupings = self.of_kinds(("party_alliance", "multilateral"), not_ours, region_b)
        forum_host = groupings[0] if groupings else None
        forum_country = orgs[forum_host][10] if forum_host is not None else None
        think_tanks = self.of_kinds(("think_tank",), not_ours, self.region_of.get(home))
        young = [n for n, year in enumerate(self.born) if year and today.year - year < 40]
        plans = [second, third]
        plans.append(Plan(
            f"Thematic seminar on {topics[0]} for parties from {region_a}", "thematic_seminar",
            day(-260, -200), 3, f"Experience of governance: {topics[0]}", country=home,
            organizer=ours, organizations=self.sample(
                self.of_kinds(PARTY_KINDS, not_ours, region_a), 40)))
        plans.append(Plan(
            f"Thematic seminar on {topics[1]}", "thematic_seminar", day(25, 45), 3,
            f"Parties and {topics[1]}", country=home, organizer=ours,
            organizations=self.sample(self.of_kinds(PARTY_KINDS, not_ours), 35)))
        plans.append(Plan(
            f"{region_b} Political Parties Forum", "party_forum", day(-190, -150), 2,
            f"{region_b} parties and {topics[2]}", series=f"{region_b} Political Parties Forum",
            edition=rng.randint(4, 9), country=forum_country or home,
            organizer=forum_host if forum_host is not None else ours,
            co_organizers=[ours] if forum_host is not None else [],
            organizations=self.sample(self.of_kinds(PARTY_KINDS, not_ours | {
                forum_host if forum_host is not None else ours}, region_b), 50)))
        plans.append(Plan(
            "International Forum of Women's and Youth Organizations of Political Parties",
            "party_forum", day(-350, -320), 2, "The participation of women and young people",
            series="Women's and Youth Organizations Forum", edition=2, country=home,
            organizer=ours, organizations=self.sample(self.of_kinds(
                ("women", "youth"), not_ours), 30)))
        plans.append(Plan(
            f"Think Tank and Media Forum on {topics[3]}", "think_tank_forum", day(-80, -40), 2,
            f"Think tanks, media and {topics[3]}", series="Think Tank and Media Forum",
            edition=rng.randint(5, 8), country=home,
            organizer=think_tanks[0] if think_tanks else ours,
            co_organizers=[ours] if think_tanks else [],
            organizations=self.sample(self.of_kinds(("think_tank", "media"), not_ours | set(
                think_tanks[:1])), 35)))
        edition = rng.randint(6, 9)
        for number, (low, high, region) in enumerate(((-330, -290, busiest[-1]),
                                                      (-100, -85, region_a),
                                                      (50, 55, region_b))):
            start = day(low, high)
            plans.append(Plan(
                f"{STUDY_SERIES}: party cadres from {region}", "study_programme", start, 10,
                f"Party building and {topics[(4 + number) % len(topics)]}",
                series=STUDY_SERIES, edition=edition + number, country=home,
                organizer=ours, organizations=self.sample(self.of_kinds(
                    ("youth",), not_ours, region), 4),
                individuals=self.sample([n for n in young if self.region_of.get(
                    self.people[n][9]) == region], 12)))
        plans.append(Plan(
            f"Online dialogue on {topics[-1]}", "other", day(-30, -10), 1,
            f"Exchange of views on {topics[-1]}", online=True, organizer=ours,
            organizations=self.sample(self.of_kinds(PARTY_KINDS, not_ours), 30)))
        return plans

    def make(self) -> tuple[int, int]:
        """(events, invitations) made."""
        ours = self.our_party()
        if ours is None:
            return 0, 0
        for plan in sorted(self.plans(ours), key=lambda p: p.start):
            self.event(plan, ours)
        return len(self.events), len(self.invitations)

    def event(self, plan: Plan, ours: int) -> None:
        rng, orgs = self.rng, self.orgs
        city = None
        if not plan.online and plan.country in words.CITIES:
            city = self.home_city(plan.country, 0 if plan.mechanism != "thematic_seminar" else 1)
        event = {**self.record(), "name": plan.name, "series": plan.series,
                 "edition": plan.edition, "mechanism": plan.mechanism,
                 "start_date": plan.start,
                 "end_date": plan.last if plan.days > 1 else None, "city": city,
                 "country_code": None if plan.online else plan.country, "online": plan.online,
                 "organizer_id": orgs[plan.organizer][0] if plan.organizer is not None else None,
                 "theme": plan.theme, "notes": None}
        self.events.append(event)
        for org in plan.co_organizers:
            if org != plan.organizer:
                self.co_organizers.append({"event_id": event["id"], "organization_id": orgs[org][0]})
        over = plan.last < self.today
        used: set[int] = set(plan.individuals)
        guests: list[int] = []
        for org in plan.organizations:
            head = self.invitation(event["id"], plan, org, None, over, used)
            if head is not None:
                guests.append(head)
        for person in plan.individuals:
            if self.invitation(event["id"], plan, None, person, over, used) is not None:
                guests.append(person)
        rng.shuffle(guests)
        hosts = [p.person for p in self.holders(ours, plan.start)[:3] if p.person not in used]
        self.programme(event["id"], plan, hosts, guests)

    def invitation(self, event_id: str, plan: Plan, org: int | None, person: int | None,
                   over: bool, used: set[int]) -> int | None:
        """One invitation with its reply, attendance and delegation; the person who speaks
        for it at the event (its head, or the one invited by name) when it comes."""
        rng, today = self.rng, self.today
        weights = REPLIES_PAST if plan.start <= today else REPLIES_AHEAD
        reply = rng.choices(list(weights), list(weights.values()))[0]
        invited_on = min(plan.start - timedelta(days=rng.randint(40, 80)),
                         today - timedelta(days=rng.randint(3, 10)))
        replied_on = None
        if reply != "none":
            latest = min(plan.start - timedelta(days=1), today)
            earliest = min(invited_on + timedelta(days=2), latest)
            replied_on = earliest + timedelta(days=rng.randint(0, (latest - earliest).days))
        attendance = "unknown"
        if over:
            came = {"accepted": 0.92, "representative": 0.95, "declined": 0.04,
                    "none": 0.05}[reply]
            attendance = "attended" if rng.random() < came else (
                "absent" if reply != "none" or rng.random() < 0.7 else "unknown")
        invitation = {**self.record(), "event_id": event_id,
                      "organization_id": self.orgs[org][0] if org is not None else None,
                      "person_id": self.people[person][0] if person is not None else None,
                      "invited_by": rng.choice(words.OFFICERS), "invited_on": invited_on,
                      "reply": reply, "replied_on": replied_on, "attendance": attendance,
                      "delegation_size": None, "notes": None}
        self.invitations.append(invitation)
        coming = attendance == "attended" or (not over and reply in ("accepted",
                                                                     "representative"))
        if not coming:
            return None
        if org is None:
            return person
        return self.delegation(invitation, org, plan.start, reply == "representative", used)

    def delegation(self, invitation: dict[str, Any], org: int, day: date, represented: bool,
                   used: set[int]) -> int | None:
        rng = self.rng
        holders = [p for p in self.holders(org, day) if p.person not in used]
        if not holders:  # the office knows no one there: only how many came
            invitation["delegation_size"] = rng.randint(1, 3)
            return None
        if represented and len(holders) > 1:
            head = rng.choice([p for p in holders[1:] if not p.leader] or holders[1:])
        else:
            head = holders[0] if holders[0].leader or rng.random() < 0.8 else rng.choice(holders)
        others = [p for p in holders if p is not head]
        rng.shuffle(others)
        team = [(head, "head")] + [(p, "member") for p in others[:rng.randint(0, 3)]]
        if len(team) >= 3 and rng.random() < 0.3:
            team[-1] = (team[-1][0], "interpreter")
        for position, role in team:
            used.add(position.person)
            self.delegates.append({**self.record(), "invitation_id": invitation["id"],
                                   "person_id": self.people[position.person][0],
                                   "role": role, "title": position.title})
        if rng.random() < 0.3:
            invitation["delegation_size"] = len(team) + rng.randint(1, 3)
        return head.person

    def programme(self, event_id: str, plan: Plan, hosts: list[int], guests: list[int]
                  ) -> None:
        """2–4 sessions a day; the opening's speakers are our party's first and two guests,
        the others' one to three of anyone speaking at the event."""
        rng = self.rng
        speakers = hosts + guests
        topics = [name.lower() for _key, name in rng.sample(self.g.topics, min(
            8, len(self.g.topics)))] or ["party building"]
        position = 0
        for number in range(plan.days):
            day = plan.start + timedelta(days=number)
            if number == 0:
                titles = ["Opening ceremony", f"Plenary session: {plan.theme}"]
            elif plan.mechanism == "study_programme":
                site = rng.choice(words.SITES)[0]
                titles = [f"Lecture: {rng.choice(topics)}", site,
                          "Discussion with party officials"][:rng.randint(2, 3)]
            else:
                titles = [f"Panel discussion: {rng.choice(topics)}",
                          f"Roundtable: {rng.choice(topics)}"]
                if rng.random() < 0.5:
                    titles.append(f"Parallel session on {rng.choice(topics)}")
            if number == plan.days - 1 and plan.days > 1:
                titles.append("Closing session and adoption of the joint statement"
                              if plan.mechanism == "high_level_meeting" else "Closing session")
            clock = rng.choice([9 * 60, 9 * 60 + 30])
            for title in titles:
                minutes = rng.randrange(60, 151, 15)
                session = {**self.record(), "event_id": event_id, "day": day,
                           "starts": _time(clock), "ends": _time(clock + minutes),
                           "title": title[:500],
                           "place": "Online" if plan.online else rng.choice(PLACES),
                           "notes": None, "position": position}
                self.sessions.append(session)
                position += 1
                clock += minutes + rng.choice([15, 30])
                chosen = hosts[:1] + guests[:2] if title == "Opening ceremony" else rng.sample(
                    speakers, min(len(speakers), rng.randint(1, 3)))
                for person in dict.fromkeys(chosen):
                    self.speakers.append({"session_id": session["id"],
                                          "person_id": self.people[person][0]})

    # -- into the database ------------------------------------------------------------------

    def write(self, connection: Connection) -> None:
        with writing("demo"):
            for table, rows in (("events", self.events),
                                ("event_co_organizers", self.co_organizers),
                                ("event_sessions", self.sessions),
                                ("session_speakers", self.speakers),
                                ("invitations", self.invitations),
                                ("delegates", self.delegates)):
                if rows:
                    connection.execute(Base.metadata.tables[table].insert(), rows)


def _time(minutes: int) -> str:
    minutes = max(0, min(minutes, 23 * 60 + 59))
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def add_events(g: Generator, connection: Connection, seed: int,
               orgs: Sequence[tuple[Any, ...]], people: Sequence[tuple[Any, ...]],
               affiliations: Sequence[tuple[Any, ...]], leaders: set[int],
               born: Sequence[int | None], met: Sequence[int]) -> tuple[int, int, dict[int, int]]:
    """Write the year of events with their sessions, invitations and delegations; returns
    (events, invitations, the newcomers of db/seed/demo_newcomers.py). `leaders`: the
    positions flagged as a party's leader (indexes into `affiliations`); `born`: the people's
    birth years; `met`: each organization's interactions so far."""
    maker = EventMaker(g, seed, orgs, people, affiliations, leaders, born)
    made, invited = maker.make()
    maker.write(connection)
    return made, invited, newcomers(seed, g.first_day, orgs, maker.events, maker.invitations,
                                    met, SERIES, g.today)
