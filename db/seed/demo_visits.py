"""A year of delegation visits for the demo data (`liaison demo`, db/seed/demo.py).

What a size makes: small 12 visits, medium 40, large 120. Most lie in the twelve months before
today (done, a few cancelled), one is under way today, and about one in eight is planned or
confirmed for the next two months; half are inbound (we receive), half outbound (we send).
Each side has a head, up to six members (now and then a deputy among them), often an
interpreter and staff; the hosts sometimes a body of their country on its own (a co-host, a
body the delegation meets). The programme runs 2–7 days in 1–3 cities of the host country
(demo_words.CITIES, the capital first), 2–5 items a day at "HH:MM" times: the arrival, talks
and a welcome banquet on the first day, then meetings, briefings, site visits, meals, travel
between cities, and the departure. Gifts given and received on half the visits that took
place.

Our own side. The demo register holds no record of "our" party, so one demo organization
stands for it in every visit: the political party, in a country of demo_words.CITIES with more
than one city, whose country has the most people in a current position (then the party with
the most, then the first generated). Its country is home, where inbound visits take place; it
is the host of every inbound visit and the guest of every outbound one, so our side's
principal is never empty. Our side's people hold a current position in an organization of the
home country, the partner's side's in one of the partner's country (the principal's own people
and positions begun before the visit first); each comes with that position's organization and
title, as adding a member on the screen does.

The talks, meetings and briefings are interactions of those kinds, written the way the
generator writes its own (participations dated like them, a topic, the organizations' and
people's last contact and count), so they appear in timelines; their participants are all on
the visit's sides (db/changes/visit_checks.py). They count among the size's interactions — the
generator starts its count at theirs — so a size still makes its number of interactions. A
cancelled visit keeps its programme but records no meetings.

Like the rest of the demo data, no change log and no batch: invented rows with no history to
undo. The visit tables are not among db/changes/bulk.py's, so they go in through Core inserts
under the same named exception of the write guard ("demo"). The visits draw from a random
stream of their own, seeded from the demo's seed: the same seed gives the same visits, and the
organizations, people and the generator's own interactions are those it made before visits
existed (less the last few, which the meetings replace)."""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from db.changes.bulk import BulkWriter
from db.models.base import Base
from db.models.vocabulary import INTERACTION_KINDS
from db.seed import demo_words as words
from db.seed.demo_visit_parts import Holder, Item, Member, Plan, Side
from db.store.guard import writing

if TYPE_CHECKING:
    from db.seed.demo import Generator

VISITS = {"small": 12, "medium": 40, "large": 120}
DURATIONS = {2: 1, 3: 3, 4: 4, 5: 3, 6: 2, 7: 1}  # days, by weight
RANK = {title: rank for rank, title in enumerate(words.TITLES)}  # the most senior first
PARTNER_KINDS = {"party": 8, "party_alliance": 2, "youth": 2, "women": 2, "think_tank": 2,
                 "media": 1, "enterprise": 1, "subnational_government": 1}
LEVEL_WEIGHTS = {"strategic": 4, "close": 3, "regular": 2}
MINUTES = {"talks": (90, 120), "meeting": (45, 75), "briefing": (60, 90),
           "site_visit": (90, 120), "banquet": (90, 120), "travel": (60, 120)}
INTERACTION_COLUMNS = ("id", "created_at", "updated_at", "version", "kind", "title", "start_date",
                       "end_date", "city", "country_code", "platform", "summary", "outcomes")
PARTICIPATION_COLUMNS = ("id", "created_at", "updated_at", "version", "interaction_id",
                         "organization_id", "person_id", "role", "start_date")
GUEST_ROLES = {"head": "delegation_head", "deputy": "deputy_head"}  # the rest: member
HOST_ROLES = {"head": "host"}  # the rest: participant
Tallies = tuple[list[int], list[int], list[int], list[int]]


@dataclass(frozen=True)
class Loaded:
    visits: int
    meetings: int  # the interactions written for the programmes


def _time(minutes: int) -> str:
    minutes = max(0, min(minutes, 23 * 60 + 59))
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


class VisitMaker:
    def __init__(self, g: Generator, seed: int, orgs: Sequence[tuple[Any, ...]],
                 people: Sequence[tuple[Any, ...]], affiliations: Sequence[tuple[Any, ...]],
                 tallies: Tallies) -> None:
        self.g = g
        self.rng = random.Random(f"demo visits {seed}")
        self.counter = self.rng.getrandbits(40) << 6
        self.orgs, self.people = orgs, people
        self.org_last, self.org_count, self.person_last, self.person_count = tallies
        self.created = datetime.strptime(g.stamp, "%Y-%m-%d %H:%M:%S.%f").replace(tzinfo=UTC)
        org_at = {row[0]: index for index, row in enumerate(orgs)}
        person_at = {row[0]: index for index, row in enumerate(people)}
        self.by_country: dict[str, list[Holder]] = {}
        self.by_org: dict[int, list[Holder]] = {}
        self.orgs_in: dict[str, list[int]] = {}
        for index, row in enumerate(orgs):
            if row[10] in words.CITIES:
                self.orgs_in.setdefault(row[10], []).append(index)
        for row in affiliations:
            org = org_at[row[5]]
            if row[8] is None and orgs[org][10] in words.CITIES:
                holder = Holder(person_at[row[4]], org, row[6], row[7])
                self.by_country.setdefault(orgs[org][10], []).append(holder)
                self.by_org.setdefault(org, []).append(holder)
        self.visits: list[dict[str, Any]] = []
        self.members: list[dict[str, Any]] = []
        self.items: list[dict[str, Any]] = []
        self.gifts: list[dict[str, Any]] = []
        self.interactions: list[tuple[Any, ...]] = []
        self.participations: list[tuple[Any, ...]] = []
        self.topic_links: list[tuple[str, str]] = []

    def uid(self) -> str:
        # The generator's id layout (time-ordered UUID version 7), from this stream's counter.
        self.counter += 1
        value = (self.counter << 80) | self.rng.getrandbits(80)
        value = (value & ~(0xF << 76)) | (7 << 76)
        value = (value & ~(0x3 << 62)) | (0x2 << 62)
        return str(uuid.UUID(int=value))

    def record(self) -> dict[str, Any]:
        return {"id": self.uid(), "created_at": self.created, "updated_at": self.created,
                "version": 1}

    # -- who ----------------------------------------------------------------------------------

    def our_party(self) -> int | None:
        # At home, a visit can go to more than one city.
        homes = [i for i in self.by_org if len(words.CITIES[self.orgs[i][10]]) > 1]
        parties = [i for i in homes if self.orgs[i][9] == "party"] or homes
        if not parties:
            return None
        return max(parties, key=lambda i: (len(self.by_country[self.orgs[i][10]]),
                                           len(self.by_org[i]), -i))

    def partners(self, home: str) -> tuple[list[int], list[int]]:
        chosen, weights = [], []
        for index in sorted(self.by_org):
            row = self.orgs[index]
            if row[10] == home or row[9] not in PARTNER_KINDS:
                continue
            chosen.append(index)
            weights.append(PARTNER_KINDS[row[9]] * LEVEL_WEIGHTS.get(row[16], 1)
                           * min(len(self.by_country[row[10]]), 6))
        # A delegation of three at least, where the register has enough such partners.
        roomy = [n for n, index in enumerate(chosen)
                 if len(self.by_country[self.orgs[index][10]]) >= 3]
        if len(roomy) >= 5:
            chosen, weights = [chosen[n] for n in roomy], [weights[n] for n in roomy]
        return chosen, weights

    def side(self, principal: int, since: str, used: set[int], *, ours: bool) -> Side:
        """A head (the principal organization's most senior; ours rotates among the top
        three), an interpreter, up to six members, staff — the principal's own people and
        positions begun before `since` first, each person once in the visit."""
        rng = self.rng
        pool = [h for h in self.by_country[self.orgs[principal][10]] if h.person not in used]
        own = [h for h in pool if h.org == principal] or pool
        ranked = sorted(own, key=lambda h: (h.since > since, RANK.get(h.title, 99), h.person))
        head = rng.choice(ranked[:3]) if ours else ranked[0]
        side = Side(principal, [Member(head, head.org, "", "head")])
        rest = [h for h in pool if h is not head]
        rng.shuffle(rest)
        rest.sort(key=lambda h: (h.org != principal, h.since > since))
        if len(rest) >= 2 and (ours or rng.random() < 0.5):
            junior = sorted(rest, key=lambda h: -RANK.get(h.title, 99))[:3]
            interpreter = rng.choice(junior)
            rest.remove(interpreter)
            side.members.append(Member(interpreter, interpreter.org, "", "interpreter"))
        wanted = rng.randint(2, 6)
        members, rest = rest[:wanted], rest[wanted:]
        members.sort(key=lambda h: (RANK.get(h.title, 99), h.person))
        for number, holder in enumerate(members):
            # A deputy now and then: the most senior member, if not above the head.
            deputy = (number == 0 and len(members) >= 3 and rng.random() < 0.5
                      and RANK.get(holder.title, 99) >= RANK.get(head.title, 99))
            side.members.append(Member(holder, holder.org, "", "deputy" if deputy else "member"))
        rest.sort(key=lambda h: -RANK.get(h.title, 99))  # staff: the most junior
        for holder in rest[:rng.randint(0, 2 if ours else 1)]:
            side.members.append(Member(holder, holder.org, "", "staff"))
        used.update(m.holder.person for m in side.members if m.holder)
        return side

    # -- when -----------------------------------------------------------------------------------

    def schedule(self, count: int) -> list[tuple[date, int, str]]:
        """(start, days, status) for `count` visits, in date order."""
        rng, today = self.rng, self.g.today
        lengths, weights = list(DURATIONS), list(DURATIONS.values())
        future = max(2, round(count * 0.12))
        past = count - future - 1
        cancelled = set(rng.sample(range(past), max(1, round(past * 0.08)))) if past > 0 else set()
        plans = []
        for number in range(past):
            days = rng.choices(lengths, weights)[0]
            start = today - timedelta(days=rng.randint(days, 365))
            plans.append((start, days, "cancelled" if number in cancelled else "done"))
        days = rng.choices(lengths, weights)[0]
        plans.append((today - timedelta(days=rng.randint(0, days - 1)), days, "under_way"))
        for _ in range(future):
            days = rng.choices(lengths, weights)[0]
            ahead = rng.randint(2, 60 - days)
            plans.append((today + timedelta(days=ahead),
                          days, "confirmed" if ahead <= 21 or rng.random() < 0.3 else "planned"))
        return sorted(plans[:count], key=lambda plan: plan[0])

    # -- a visit --------------------------------------------------------------------------------

    def make(self, count: int) -> int:
        ours = self.our_party()
        if ours is None or count <= 0:
            return 0
        home = self.orgs[ours][10]
        partners, weights = self.partners(home)
        if not partners:
            return 0
        plans = self.schedule(count)
        half = len(plans) // 2
        directions = ["inbound"] * half + ["outbound"] * (len(plans) - half)
        self.rng.shuffle(directions)
        took_place = [n for n, plan in enumerate(plans) if plan[2] in ("done", "under_way")]
        with_gifts = set(self.rng.sample(took_place, (len(took_place) + 1) // 2))
        for number, ((start, days, status), direction) in enumerate(
                zip(plans, directions, strict=True)):
            partner = self.rng.choices(partners, weights)[0]
            self.visit(ours, partner, direction, start, days, status,
                       gifts=number in with_gifts)
        return len(plans)

    def visit(self, ours: int, partner: int, direction: str, start: date, days: int,
              status: str, *, gifts: bool) -> None:
        rng, orgs = self.rng, self.orgs
        since = start.isoformat()
        used: set[int] = set()
        our_side = self.side(ours, since, used, ours=True)
        their_side = self.side(partner, since, used, ours=False)
        hosts, guests = (our_side, their_side) if direction == "inbound" else (
            their_side, our_side)
        for side, name in ((hosts, "host"), (guests, "guest")):
            for member in side.members:
                member.side = name
        host, guest = hosts.principal, guests.principal
        country = orgs[host][10]
        bodies = [i for i in self.orgs_in.get(country, []) if i not in (host, guest)]
        if bodies and rng.random() < 0.4:
            hosts.members.append(Member(None, rng.choice(bodies), "host", "member"))
        topics = [(key, name.lower()) for key, name in rng.sample(self.g.topics, min(
            5, len(self.g.topics)))]
        topic = topics[0][1]
        partner_name = orgs[partner][5]
        visit = {**self.record(),
                 "title": words.TITLE_TEMPLATES[f"{direction}_visit"].format(org=partner_name),
                 "direction": direction, "status": status, "start_date": start,
                 "end_date": start + timedelta(days=days - 1), "country_code": country,
                 "host_id": orgs[host][0], "guest_id": orgs[guest][0],
                 "purpose": f"Exchange of experience on {topic}; relations with {partner_name}.",
                 "outcomes": (rng.choice([o for o in words.OUTCOMES if o]).format(topic=topic)
                              if status == "done" else None),
                 "notes": (rng.choice(["Cancelled at the partner's request.",
                                       "Postponed; new dates to be agreed."])
                           if status == "cancelled" else None)}
        self.visits.append(visit)
        for position, member in enumerate(guests.members + hosts.members):
            holder = member.holder
            self.members.append({
                **self.record(), "visit_id": visit["id"],
                "person_id": self.people[holder.person][0] if holder else None,
                "organization_id": orgs[member.org][0] if member.org is not None else None,
                "side": member.side, "role": member.role,
                "title": holder.title if holder else None, "position": position})
        counterparts = [m for m in hosts.members if m.role in ("deputy", "member")]
        rng.shuffle(counterparts)
        plan = Plan(visit, hosts, guests, days, topics, rng.sample(words.SITES, len(words.SITES)),
                    counterparts)
        self.programme(plan, record=status != "cancelled")
        if gifts:
            self.presents(visit["id"], their_side)

    def programme(self, plan: Plan, *, record: bool) -> None:
        rng, days, visit = self.rng, plan.days, plan.visit
        cities = words.CITIES[visit["country_code"]]
        stops = 1 if days <= 2 else min(rng.choice([1, 2, 2, 3]), len(cities))
        route = [cities[0], *rng.sample(cities[1:], stops - 1)]
        cuts = sorted(rng.sample(range(1, days), stops - 1))
        for number in range(days):
            day = visit["start_date"] + timedelta(days=number)
            city = route[sum(cut <= number for cut in cuts)]
            before = route[sum(cut <= number - 1 for cut in cuts)]
            last = number == days - 1
            items: list[Item] = []
            if number == 0:
                items.append(Item("travel", f"Arrival in {city}", "International airport"))
                items.append(self.talks(plan))
            elif city != before:
                items.append(Item("travel", f"Travel from {before} to {city}"))
            wanted = rng.randint(2, 5)
            fillers: list[Item] = []
            while len(items) + len(fillers) + int(last) < wanted:
                kinds = self.open_kinds(plan, fillers)
                if not kinds:  # no one left to meet, nothing left to see: a shorter day
                    if len(items) + len(fillers) + int(last) >= 2:
                        break
                    kinds = ["site_visit"]
                fillers.append(self.filler(rng.choice(kinds), plan, number))
            fillers.sort(key=lambda i: i.kind == "banquet")  # lunch or dinner comes last
            items.extend(fillers)
            if last:
                items.append(Item("travel", f"Departure from {city}", "International airport"))
            self.day_items(visit, day, city, items, record=record)

    def talks(self, plan: Plan) -> Item:
        rng, hosts, guests = self.rng, plan.hosts, plan.guests
        outbound = plan.visit["direction"] == "outbound"
        name = self.orgs[(hosts if outbound else guests).principal][5]
        title = f"Talks with {name}" if outbound else f"Talks with the {name} delegation"
        place = (f"{self.orgs[hosts.principal][5]} headquarters" if rng.random() < 0.5
                 else rng.choice(words.VENUES))
        taking_part: list[tuple[int | None, int | None, str]] = [
            (hosts.principal, None, "host"), (guests.principal, None, "guest")]
        members = guests.people("member")
        for member in guests.people("head", "deputy") + rng.sample(members, min(2, len(members))):
            taking_part.append(self.person_part(member, "guest"))
        for member in hosts.people("head") + hosts.people("deputy", "member")[:1]:
            taking_part.append(self.person_part(member, "host"))
        return Item("talks", title, place, taking_part=taking_part, summary_with=name,
                    topic=plan.topic)

    def person_part(self, member: Member, side: str) -> tuple[int | None, int | None, str]:
        assert member.holder is not None
        roles, other = (GUEST_ROLES, "member") if side == "guest" else (HOST_ROLES, "participant")
        return (None, member.holder.person, roles.get(member.role, other))

    @staticmethod
    def open_kinds(plan: Plan, today: list[Item]) -> list[str]:
        """What can still fill a day, by weight: a meeting with someone of the hosts not met
        yet, a briefing on a topic not yet briefed, a site not yet seen (two a day at most),
        one meal a day."""
        kinds = []
        if plan.counterparts:
            kinds += ["meeting"] * 3
        if len(plan.topics) > 1:
            kinds += ["briefing"] * 2
        if plan.sites and sum(i.kind == "site_visit" for i in today) < 2:
            kinds += ["site_visit"] * 2
        if not any(i.kind == "banquet" for i in today):
            kinds.append("banquet")
        return kinds

    def filler(self, kind: str, plan: Plan, number: int) -> Item:
        rng, hosts, guests = self.rng, plan.hosts, plan.guests
        guest_head = guests.people("head")
        if kind == "meeting":
            counterpart = plan.counterparts.pop()
            taking_part: list[tuple[int | None, int | None, str]] = [
                (guests.principal, None, "guest"),
                *(self.person_part(m, "guest") for m in guest_head)]
            if counterpart.holder is None:
                assert counterpart.org is not None
                name = self.orgs[counterpart.org][5]
                taking_part.append((counterpart.org, None, "participant"))
            else:
                name = self.people[counterpart.holder.person][4]
                taking_part.append(self.person_part(counterpart, "host"))
            return Item("meeting", f"Meeting with {name}", rng.choice(words.VENUES),
                        taking_part=taking_part, summary_with=name, topic=plan.topic)
        if kind == "briefing":
            topic = plan.topics.pop()
            speaker = rng.choice(hosts.people("member", "deputy", "head"))
            assert speaker.holder is not None
            taking_part = [(hosts.principal, None, "host"), (guests.principal, None, "guest"),
                           (None, speaker.holder.person, "speaker")]
            listeners = guests.people("member", "deputy")
            taking_part.extend(self.person_part(m, "guest") for m in guest_head + rng.sample(
                listeners, min(2, len(listeners))))
            return Item("briefing", f"Briefing on {topic[1]}", "Conference centre",
                        taking_part=taking_part, summary_with=self.orgs[hosts.principal][5],
                        topic=topic)
        if kind != "banquet":
            title, place = plan.sites.pop() if plan.sites else rng.choice(words.SITES)
            return Item("site_visit", title, place)
        holder = rng.choice(hosts.people("head", "deputy", "member")).holder
        assert holder is not None
        if number == 0:
            return Item("banquet", "Welcome banquet", "State Guest House", not_before=19 * 60)
        if number == plan.days - 1:
            return Item("banquet", "Farewell luncheon", "Delegation hotel", not_before=12 * 60)
        return Item("banquet", f"Dinner hosted by {self.people[holder.person][4]}",
                    rng.choice(["Restaurant", "Delegation hotel"]), not_before=19 * 60)

    def day_items(self, visit: dict[str, Any], day: date, city: str, items: list[Item], *,
                  record: bool) -> None:
        rng, g = self.rng, self.g
        clock = rng.choice([8 * 60 + 30, 9 * 60, 9 * 60 + 30, 10 * 60])
        day_iso = day.isoformat()
        day_index = (day - g.first_day).days
        for position, item in enumerate(items):
            low, high = MINUTES[item.kind]
            minutes = rng.randrange(low, high + 1, 15)
            clock = max(clock, item.not_before)
            starts, ends = _time(clock), _time(clock + minutes)
            clock += minutes + rng.choice([15, 30, 30, 45])
            interaction_id = None
            if item.taking_part and record:
                interaction_id = self.meeting(visit, item, day_iso, day_index, city,
                                              day < g.today)
            self.items.append({
                **self.record(), "visit_id": visit["id"], "day": day, "starts": starts,
                "ends": ends, "kind": item.kind, "title": item.title, "city": city,
                "place": item.place, "interaction_id": interaction_id, "notes": None,
                "position": position})

    def meeting(self, visit: dict[str, Any], item: Item, day_iso: str, day_index: int,
                city: str, happened: bool) -> str:
        """The interaction that records talks, a meeting or a briefing, as the generator
        writes its own: participations dated like it, a topic, the last contacts."""
        g, rng = self.g, self.rng
        iid = self.uid()
        label = INTERACTION_KINDS[item.kind].en
        topic_id, topic = item.topic
        summary = f"{label} with {item.summary_with} on {topic}." if happened else None
        outcome = (rng.choice(words.OUTCOMES).format(topic=topic) or None) if happened else None
        self.interactions.append((iid, g.stamp, g.stamp, 1, item.kind, item.title[:500], day_iso,
                                  None, city, visit["country_code"], None, summary, outcome))
        self.topic_links.append((iid, topic_id))
        for org, person, role in item.taking_part:
            self.participations.append((
                self.uid(), g.stamp, g.stamp, 1, iid,
                self.orgs[org][0] if org is not None else None,
                self.people[person][0] if person is not None else None, role, day_iso))
            if org is not None:
                self.org_count[org] += 1
                self.org_last[org] = max(self.org_last[org], day_index)
            if person is not None:
                self.person_count[person] += 1
                self.person_last[person] = max(self.person_last[person], day_index)
        return iid

    def presents(self, visit_id: str, partner: Side) -> None:
        """Gifts to and from the partner's side: its head or the organization itself."""
        rng = self.rng
        head = self.people[partner.head.person][0]
        org = self.orgs[partner.principal][0]
        given = rng.randint(1, 2)
        descriptions = rng.sample(words.GIFTS, given + 1)
        for direction, count in (("given", given), ("received", 1)):
            for number in range(count):
                self.gifts.append({
                    **self.record(), "visit_id": visit_id, "direction": direction,
                    "description": descriptions.pop(),
                    "person_id": head if number == 0 else None,
                    "organization_id": org if number else None, "notes": None})

    # -- into the database --------------------------------------------------------------------

    def write(self, writer: BulkWriter) -> None:
        writer.insert("interactions", INTERACTION_COLUMNS, self.interactions)
        writer.insert("participations", PARTICIPATION_COLUMNS, self.participations)
        writer.insert("interaction_topics", ("interaction_id", "topic_id"), self.topic_links)
        with writing(writer.who):
            for table, rows in (("visits", self.visits), ("visit_members", self.members),
                                ("programme_items", self.items), ("gifts", self.gifts)):
                if rows:
                    writer.connection.execute(Base.metadata.tables[table].insert(), rows)


def add_visits(g: Generator, writer: BulkWriter, size: str, seed: int,
               orgs: Sequence[tuple[Any, ...]], people: Sequence[tuple[Any, ...]],
               affiliations: Sequence[tuple[Any, ...]], tallies: Tallies) -> Loaded:
    """Write the size's visits with their members, programmes, meetings and gifts; the
    meetings' participations are added to `tallies` (the generator's last-contact day index
    and count per organization, then per person)."""
    maker = VisitMaker(g, seed, orgs, people, affiliations, tallies)
    count = maker.make(VISITS[size])
    maker.write(writer)
    return Loaded(count, len(maker.interactions))
