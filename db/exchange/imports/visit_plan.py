"""The rules of a visit that read other records, checked over a whole workbook plan: a
programme day lies within its visit's dates and ends after it starts, a meeting's
participants are on either side, a person is in a visit once, each side has one head, and a
visit's new dates still hold its programme.

The registry's session checks (db/changes/visit_checks.py) apply the same rules to one record
against the database; an import changes many records at once — a visit moved a week later
with every day of its programme, a new visit with its members — so here each rule sees the
database as the whole plan would leave it, and a problem is located at the row and column
that break it. The messages are the session checks' own."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.changes import recording, registry
from db.changes.recording import Actor
from db.changes.rows import move_participation_dates
from db.exchange.imports.plan import ImportOptions, Note, RowPlan
from db.models import Participation, ProgrammeItem, Visit, VisitMember
from db.models.vocabulary import MEMBER_ROLES, VISIT_SIDES
from db.services.programme import SHARED
from db.store.translation import translate

VISIT_ENTITIES = frozenset({"visit", "visit member", "programme item", "gift"})
# The column a problem with a field is shown in: the readable one beside an id.
COLUMN_OF = {"person_id": "person", "organization_id": "organization", "visit_id": "visit"}
_MEMBER_FIELDS = frozenset({"visit_id", "person_id", "organization_id", "side", "role"})

Named = Callable[[str | None], str]


@dataclass
class _State:
    """Visits, members and programme items as the plan would leave them (those of the
    visits the plan touches), and the rows planning to write each."""

    visits: dict[str, dict[str, Any]] = field(default_factory=dict)
    members: dict[str, dict[str, Any]] = field(default_factory=dict)
    items: dict[str, dict[str, Any]] = field(default_factory=dict)
    planned: dict[str, RowPlan] = field(default_factory=dict)
    participants: dict[str, list[tuple[str | None, str | None]]] = field(default_factory=dict)


def _load(session: Session, columns: Iterable[Any], where: Any) -> dict[str, dict[str, Any]]:
    columns = list(columns)
    return {row[0]: dict(zip([c.key for c in columns[1:]], row[1:], strict=True))
            for row in session.execute(select(*columns).where(where))}


_VISIT = (Visit.id, Visit.start, Visit.end, Visit.host_id, Visit.guest_id)
_MEMBER = (VisitMember.id, VisitMember.visit_id, VisitMember.person_id,
           VisitMember.organization_id, VisitMember.side, VisitMember.role)
_ITEM = (ProgrammeItem.id, ProgrammeItem.visit_id, ProgrammeItem.day, ProgrammeItem.starts,
         ProgrammeItem.ends, ProgrammeItem.interaction_id)


def _chunks(ids: Iterable[str]) -> Iterable[list[str]]:
    ordered = sorted(ids)
    for start in range(0, len(ordered), 500):
        yield ordered[start:start + 500]


def _state(session: Session, rows: list[RowPlan], gone: set[str]) -> _State:
    state = _State()
    writing = [r for r in rows if r.entity in VISIT_ENTITIES and r.id
               and r.action in ("create", "update", "conflict")]
    state.planned = {r.id: r for r in writing if r.id and r.action != "conflict"}
    by_entity: dict[str, list[RowPlan]] = defaultdict(list)
    for row in writing:
        by_entity[row.entity].append(row)
    # The visits concerned: those planned, and those of the members and items planned.
    stored_parts: dict[str, dict[str, Any]] = {}
    for entity, columns in (("visit member", _MEMBER), ("programme item", _ITEM)):
        for chunk in _chunks(r.id for r in by_entity[entity] if r.id and r.action != "create"):
            stored_parts |= _load(session, columns, columns[0].in_(chunk))
    visit_ids = {r.id for r in by_entity["visit"] if r.id}
    for row in (*by_entity["visit member"], *by_entity["programme item"]):
        owner = row.values.get("visit_id") or stored_parts.get(row.id or "", {}).get("visit_id")
        if owner:
            visit_ids.add(str(owner))
    for chunk in _chunks(visit_ids):
        state.visits |= _load(session, _VISIT, Visit.id.in_(chunk) & Visit.deleted_at.is_(None))
        state.members |= _load(session, _MEMBER, VisitMember.visit_id.in_(chunk)
                               & VisitMember.deleted_at.is_(None))
        state.items |= _load(session, _ITEM, ProgrammeItem.visit_id.in_(chunk)
                             & ProgrammeItem.deleted_at.is_(None))
    for entity, records in (("visit", state.visits), ("visit member", state.members),
                            ("programme item", state.items)):
        for row in by_entity[entity]:
            if row.values:  # what the row writes (a conflict's open fields are not)
                base = records.get(row.id or "") or stored_parts.get(row.id or "", {})
                records[row.id or ""] = {**base, **row.values}
    for records in (state.visits, state.members, state.items):
        for key in gone & set(records):
            del records[key]
    meetings = {str(item["interaction_id"]) for item in state.items.values()
                if item.get("interaction_id")}
    for chunk in _chunks(meetings):
        for interaction, organization, person in session.execute(
                select(Participation.interaction_id, Participation.organization_id,
                       Participation.person_id).where(Participation.interaction_id.in_(chunk),
                                                      Participation.deleted_at.is_(None))):
            state.participants.setdefault(interaction, []).append((organization, person))
    for row in rows:  # the participants the file gives a meeting replace the stored ones
        if row.entity == "interaction" and row.id and row.id in meetings \
                and "participants" in row.links and row.action in ("create", "update"):
            state.participants[row.id] = [(o, p) for o, p, _role in row.links["participants"]]
    return state


def _span(visit: dict[str, Any]) -> tuple[date, date]:
    return visit["start"], visit.get("end") or visit["start"]


def _item_problems(state: _State, item_id: str, row: RowPlan,
                   named: Named) -> list[tuple[str, str]]:
    item = state.items.get(item_id)
    visit = state.visits.get(item.get("visit_id") or "") if item else None
    if item is None or visit is None:
        return []
    problems: list[tuple[str, str]] = []
    day = item.get("day")
    first, last = _span(visit)
    if day is not None and not first <= day <= last:
        problems.append(("day", translate(
            "Validation", "{day} is outside the visit, which runs from {first} to {last}.")
            .format(day=day.isoformat(), first=first.isoformat(), last=last.isoformat())))
    starts, ends = item.get("starts"), item.get("ends")
    if starts and ends and ends < starts:
        problems.append(("ends", translate(
            "Validation", "The item ends ({ends}) before it starts ({starts}).").format(
            ends=ends, starts=starts)))
    meeting = item.get("interaction_id")
    if meeting and (row.action == "create" or "interaction_id" in row.values):
        sides = {visit.get("host_id"), visit.get("guest_id")}
        for member in state.members.values():
            if member.get("visit_id") == item["visit_id"]:
                sides |= {member.get("person_id"), member.get("organization_id")}
        strangers = sorted({named(organization or person) for organization, person
                            in state.participants.get(meeting, ())
                            if (organization or person) not in sides})
        if strangers:
            problems.append(("interaction_id", translate(
                "Validation", "{names} take part in this meeting but are on neither side of "
                              "the visit; add them to the guests or the hosts first.").format(
                names=", ".join(strangers))))
    return problems


def _role_word(role: str) -> str:
    return MEMBER_ROLES[role].label().lower() if role in MEMBER_ROLES else role


def _side_word(side: str) -> str:
    return VISIT_SIDES[side].label().lower() if side in VISIT_SIDES else side


def _member_problems(state: _State, member_id: str, row: RowPlan,
                     named: Named) -> list[tuple[str, str]]:
    member = state.members.get(member_id)
    if member is None or not (row.action == "create" or _MEMBER_FIELDS & set(row.values)):
        return []
    others = [other for key, other in state.members.items()
              if key != member_id and other.get("visit_id") == member.get("visit_id")]
    person, side = member.get("person_id"), member.get("side") or "guest"
    problems: list[tuple[str, str]] = []
    if not person:
        if member.get("role") == "head":
            problems.append(("role", translate(
                "Validation", "The head of a delegation is a person; name them.")))
        elif any(not o.get("person_id") and o.get("organization_id")
                 == member.get("organization_id") and (o.get("side") or "guest") == side
                 for o in others):
            problems.append(("organization_id", translate(
                "Validation", "{organization} is already on this side of the visit.").format(
                organization=named(member.get("organization_id")))))
        return problems
    for other in others:
        if other.get("person_id") == person:
            problems.append(("person_id", translate(
                "Validation", "{person} is already in this visit as {role}; a person is in a "
                              "visit once.").format(person=named(person),
                                                    role=_role_word(other.get("role") or ""))))
    if member.get("role") == "head":
        for other in others:
            if other.get("role") == "head" and (other.get("side") or "guest") == side \
                    and other.get("person_id") != person:
                problems.append(("role", translate(
                    "Validation", "The {side} already have a head of delegation: {person}.")
                    .format(side=_side_word(side), person=named(other.get("person_id")))))
    return problems


def _visit_problems(state: _State, visit_id: str, row: RowPlan) -> list[tuple[str, str]]:
    """New dates of a visit must hold the items of its programme the file leaves alone (the
    others are checked on their own rows)."""
    visit = state.visits.get(visit_id)
    if visit is None or not {"start", "end"} & set(row.values) or row.action == "create":
        return []
    first, last = _span(visit)
    outside = sorted(item["day"] for key, item in state.items.items()
                     if item.get("visit_id") == visit_id and key not in state.planned
                     and item.get("day") is not None and not first <= item["day"] <= last)
    if not outside:
        return []
    return [("start" if outside[0] < first else "end", translate(
        "Validation", "{count} programme item(s) would fall outside these dates (the first on "
                      "{day}); move them or change the dates.").format(
        count=len(outside), day=outside[0].isoformat()))]


def check_visit_rows(session: Session, rows: list[RowPlan], options: ImportOptions,
                     named: Named) -> tuple[list[RowPlan], list[Note]]:
    """The plan's rows, those breaking a rule of a visit turned into errors, and the
    problems found, each at its sheet, row and column. `named` gives a person's or an
    organization's name by id."""
    if not any(row.entity in VISIT_ENTITIES and row.action in ("create", "update")
               for row in rows):
        return rows, []
    gone = {row.id for row in rows if row.action == "delete" and options.apply_deletions
            and row.id}
    state = _state(session, rows, gone)
    notes: list[Note] = []
    checked: list[RowPlan] = []
    for row in rows:
        problems: list[tuple[str, str]] = []
        if row.id and row.action in ("create", "update"):
            if row.entity == "programme item":
                problems = _item_problems(state, row.id, row, named)
            elif row.entity == "visit member":
                problems = _member_problems(state, row.id, row, named)
            elif row.entity == "visit":
                problems = _visit_problems(state, row.id, row)
        if not problems:
            checked.append(row)
            continue
        notes.extend(Note(row.sheet, row.row, COLUMN_OF.get(name, name), message)
                     for name, message in problems)
        checked.append(replace(row, action="error", values={}, links={}, changes=(),
                               conflicts=(), reason=problems[0][1]))
    return checked, notes


def follow_meeting(session: Session, item: ProgrammeItem, changed: set[str],
                   actor: Actor) -> None:
    """A programme item's meeting follows its new title, day or city, as it does when the
    item is edited on the visit page (db/services/programme.py)."""
    shared = {SHARED[name]: getattr(item, name) for name in changed if name in SHARED}
    if not item.interaction_id or not shared:
        return
    meeting, diff = recording.update(session, registry.INTERACTION.schema,
                                     item.interaction_id, shared, actor, expected_version=None)
    if any(name == "start" for name, _old, _new in diff):
        move_participation_dates(session, meeting.id, meeting.start)
