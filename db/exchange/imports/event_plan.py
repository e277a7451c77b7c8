"""The rules of a multilateral event that read other records (db/changes/event_checks.py),
checked over a whole import plan: a session lies within its event's days and ends after it
starts, an event's new dates still hold its sessions, an organization (or a person on their
own) is invited to an event once, a reply does not come after the event nor an invitation,
attendance is not recorded before the event begins, a person is in a delegation once, a
delegation has one head and its head comes from the organization invited.

As for visits (visit_plan.py), each rule sees the database as the whole plan would leave it —
an event moved with its sessions, a new event with its invitations, a party and its leader
new in the same file — and a problem is located at the row and column that break it. The
messages are the session checks' own."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.exchange.imports.plan import ImportOptions, Note, RowPlan
from db.models import Affiliation, Delegate, Event, EventSession, Invitation
from db.store.errors import record_noun
from db.store.translation import translate

EVENT_ENTITIES = frozenset({"event", "event session", "invitation", "delegate"})
COLUMN_OF = {"person_id": "person", "organization_id": "organization", "event_id": "event",
             "invitation_id": "invitation"}
_INVITATION_FIELDS = frozenset({"event_id", "organization_id", "person_id", "reply",
                                "replied_on", "invited_on", "attendance"})
_DELEGATE_FIELDS = frozenset({"invitation_id", "person_id", "role"})

Named = Callable[[str | None], str]


@dataclass
class _State:
    events: dict[str, dict[str, Any]] = field(default_factory=dict)
    sessions: dict[str, dict[str, Any]] = field(default_factory=dict)
    invitations: dict[str, dict[str, Any]] = field(default_factory=dict)
    delegates: dict[str, dict[str, Any]] = field(default_factory=dict)
    planned: set[str] = field(default_factory=set)
    # person → positions (organization, start, end), stored and planned
    positions: dict[str, list[tuple[str, date | None, date | None]]] = field(
        default_factory=lambda: defaultdict(list))


def _load(session: Session, columns: Iterable[Any], where: Any) -> dict[str, dict[str, Any]]:
    columns = list(columns)
    return {row[0]: dict(zip([c.key for c in columns[1:]], row[1:], strict=True))
            for row in session.execute(select(*columns).where(where))}


def _chunks(ids: Iterable[str]) -> Iterable[list[str]]:
    ordered = sorted(ids)
    for start in range(0, len(ordered), 500):
        yield ordered[start:start + 500]


_EVENT = (Event.id, Event.start, Event.end)
_SESSION = (EventSession.id, EventSession.event_id, EventSession.day, EventSession.starts,
            EventSession.ends)
_INVITATION = (Invitation.id, Invitation.event_id, Invitation.organization_id,
               Invitation.person_id, Invitation.reply, Invitation.replied_on,
               Invitation.invited_on, Invitation.attendance)
_DELEGATE = (Delegate.id, Delegate.invitation_id, Delegate.person_id, Delegate.role)


def _state(session: Session, rows: list[RowPlan], gone: set[str]) -> _State:
    state = _State()
    writing = [r for r in rows if r.id and r.action in ("create", "update", "conflict")
               and (r.entity in EVENT_ENTITIES or r.entity == "position")]
    state.planned = {r.id for r in writing if r.id and r.action != "conflict"}
    by_entity: dict[str, list[RowPlan]] = defaultdict(list)
    for row in writing:
        by_entity[row.entity].append(row)
    stored: dict[str, dict[str, Any]] = {}
    for entity, columns in (("event session", _SESSION), ("invitation", _INVITATION),
                            ("delegate", _DELEGATE)):
        for chunk in _chunks(r.id for r in by_entity[entity] if r.id and r.action != "create"):
            stored |= _load(session, columns, columns[0].in_(chunk))
    # The invitations of the delegates planned, then the events concerned.
    invitation_ids = {str(r.values.get("invitation_id")
                          or stored.get(r.id or "", {}).get("invitation_id") or "")
                      for r in by_entity["delegate"]} - {""}
    for chunk in _chunks(invitation_ids - set(stored)):
        stored |= _load(session, _INVITATION, Invitation.id.in_(chunk))
    event_ids = {r.id for r in by_entity["event"] if r.id}
    for row in (*by_entity["event session"], *by_entity["invitation"]):
        owner = row.values.get("event_id") or stored.get(row.id or "", {}).get("event_id")
        if owner:
            event_ids.add(str(owner))
    for invitation in invitation_ids:
        owner = stored.get(invitation, {}).get("event_id")
        if owner:
            event_ids.add(str(owner))
    planned_invitations = {r.id: r.values for r in by_entity["invitation"] if r.id}
    for invitation in invitation_ids:
        owner = planned_invitations.get(invitation, {}).get("event_id")
        if owner:
            event_ids.add(str(owner))
    for chunk in _chunks(event_ids):
        state.events |= _load(session, _EVENT, Event.id.in_(chunk) & Event.deleted_at.is_(None))
        state.sessions |= _load(session, _SESSION, EventSession.event_id.in_(chunk)
                                & EventSession.deleted_at.is_(None))
        state.invitations |= _load(session, _INVITATION, Invitation.event_id.in_(chunk)
                                   & Invitation.deleted_at.is_(None))
    for chunk in _chunks(set(state.invitations) | invitation_ids):
        state.delegates |= _load(session, _DELEGATE, Delegate.invitation_id.in_(chunk)
                                 & Delegate.deleted_at.is_(None))
    for entity, records in (("event", state.events), ("event session", state.sessions),
                            ("invitation", state.invitations), ("delegate", state.delegates)):
        for row in by_entity[entity]:
            if row.values:  # what the row writes (a conflict's open fields are not)
                base = records.get(row.id or "") or stored.get(row.id or "", {})
                records[row.id or ""] = {**base, **row.values}
    for records in (state.events, state.sessions, state.invitations, state.delegates):
        for key in gone & set(records):
            del records[key]
    heads = {str(d["person_id"]) for d in state.delegates.values()
             if d.get("role") == "head" and d.get("person_id")}
    for chunk in _chunks(heads):
        for person, organization, start, end in session.execute(
                select(Affiliation.person_id, Affiliation.organization_id, Affiliation.start,
                       Affiliation.end).where(Affiliation.person_id.in_(chunk),
                                              Affiliation.deleted_at.is_(None))):
            state.positions[person].append((organization, start, end))
    for row in by_entity["position"]:
        if row.action == "create" and row.values.get("person_id") in heads:
            state.positions[row.values["person_id"]].append(
                (row.values["organization_id"], row.values.get("start"),
                 row.values.get("end")))
    return state


def _span(event: dict[str, Any]) -> tuple[date, date]:
    return event["start"], event.get("end") or event["start"]


def _session_problems(state: _State, key: str) -> list[tuple[str, str]]:
    item = state.sessions.get(key)
    event = state.events.get(item.get("event_id") or "") if item else None
    if item is None or event is None:
        return []
    problems: list[tuple[str, str]] = []
    day = item.get("day")
    first, last = _span(event)
    if day is not None and not first <= day <= last:
        problems.append(("day", translate(
            "Validation", "{day} is outside the event, which runs from {first} to {last}.")
            .format(day=day.isoformat(), first=first.isoformat(), last=last.isoformat())))
    starts, ends = item.get("starts"), item.get("ends")
    if starts and ends and ends < starts:
        problems.append(("ends", translate(
            "Validation", "The session ends ({ends}) before it starts ({starts}).").format(
            ends=ends, starts=starts)))
    return problems


def _event_problems(state: _State, key: str, row: RowPlan) -> list[tuple[str, str]]:
    event = state.events.get(key)
    if event is None or row.action == "create" or not {"start", "end"} & set(row.values):
        return []
    first, last = _span(event)
    outside = sorted(item["day"] for other, item in state.sessions.items()
                     if item.get("event_id") == key and other not in state.planned
                     and item.get("day") is not None and not first <= item["day"] <= last)
    if not outside:
        return []
    return [("start" if outside[0] < first else "end", translate(
        "Validation", "{count} session(s) would fall outside these dates (the first on {day}); "
                      "move them or change the dates.").format(
        count=len(outside), day=outside[0].isoformat()))]


def _invitation_problems(state: _State, key: str, row: RowPlan, named: Named,
                         earlier: dict[tuple[str, str, str], str]) -> list[tuple[str, str]]:
    invitation = state.invitations.get(key)
    if invitation is None or not (row.action == "create" or _INVITATION_FIELDS & set(row.values)):
        return []
    event = state.events.get(invitation.get("event_id") or "")
    if event is None:
        return []
    problems: list[tuple[str, str]] = []
    organization, person = invitation.get("organization_id"), invitation.get("person_id")
    invitee = ("organization", str(organization)) if organization else ("person", str(person))
    clash_key = (str(invitation["event_id"]), *invitee)
    if clash_key in earlier and earlier[clash_key] != key:
        problems.append(("organization_id" if organization else "person_id", translate(
            "Validation", "{name} is already invited to this event.").format(
            name=named(organization or person))))
    first, last = _span(event)
    replied = invitation.get("replied_on")
    if replied is not None and (invitation.get("reply") or "none") != "none" and replied > last:
        problems.append(("replied_on", translate(
            "Validation", "The event was over on {last}; a reply dated {day} came after it. "
                          "Record whether they attended instead.").format(
            last=last.isoformat(), day=replied.isoformat())))
    invited = invitation.get("invited_on")
    if invited is not None and invited > last:
        problems.append(("invited_on", translate(
            "Validation", "The invitation is dated {day}, after the event ended on {last}.")
            .format(day=invited.isoformat(), last=last.isoformat())))
    if invitation.get("attendance") in ("attended", "absent") and first > date.today():
        problems.append(("attendance", translate(
            "Validation", "The event begins on {first}: attendance can be recorded once it "
                          "has begun.").format(first=first.isoformat())))
    return problems


def _invited(state: _State) -> dict[tuple[str, str, str], str]:
    """Each (event, invitee) → the invitation that holds it: the stored one, or else the
    first row of the plan — so the second row naming it is the one in error."""
    held: dict[tuple[str, str, str], str] = {}
    for key, invitation in sorted(state.invitations.items(),
                                  key=lambda item: item[0] in state.planned):
        organization, person = invitation.get("organization_id"), invitation.get("person_id")
        invitee = ("organization", str(organization)) if organization else ("person",
                                                                             str(person))
        held.setdefault((str(invitation.get("event_id")), *invitee), key)
    return held


def _delegate_problems(state: _State, key: str, row: RowPlan,
                       named: Named) -> list[tuple[str, str]]:
    delegate = state.delegates.get(key)
    if delegate is None or not (row.action == "create" or _DELEGATE_FIELDS & set(row.values)):
        return []
    invitation = state.invitations.get(delegate.get("invitation_id") or "")
    person = delegate.get("person_id")
    if invitation is None or not person:
        return []
    others = [other for other_key, other in state.delegates.items()
              if other_key != key and other.get("invitation_id") == delegate["invitation_id"]]
    problems: list[tuple[str, str]] = []
    if any(other.get("person_id") == person for other in others):
        problems.append(("person_id", translate(
            "Validation", "{person} is already in this delegation.").format(
            person=named(person))))
    if delegate.get("role") == "head":
        head = next((o.get("person_id") for o in others if o.get("role") == "head"), None)
        if head is not None:
            problems.append(("role", translate(
                "Validation", "This delegation already has a head: {person}.").format(
                person=named(head))))
        problems.extend(_head_of_the_sender(state, invitation, str(person), named))
    return problems


def _head_of_the_sender(state: _State, invitation: dict[str, Any], person: str,
                        named: Named) -> list[tuple[str, str]]:
    sender = invitation.get("organization_id")
    event = state.events.get(invitation.get("event_id") or "")
    if not sender or event is None:
        return []
    on = event["start"]
    held = [organization for organization, start, end in state.positions.get(person, ())
            if (start is None or start <= on) and (end is None or end >= on)]
    if not held or sender in held:
        return []
    return [("person_id", translate(
        "Validation", "{person} holds a position in {other}, not in {sender}, which sends this "
                      "delegation; a delegation's head comes from the organization invited.")
        .format(person=named(person), other=named(held[0]), sender=named(sender)))]


def check_event_rows(session: Session, rows: list[RowPlan], options: ImportOptions,
                     named: Named) -> tuple[list[RowPlan], list[Note]]:
    """The plan's rows, those breaking a rule of an event turned into errors, and the
    problems found, each at its sheet, row and column. `named` gives a person's or an
    organization's name by id."""
    if not any(row.entity in EVENT_ENTITIES and row.action in ("create", "update")
               for row in rows):
        return rows, []
    gone = {row.id for row in rows if row.action == "delete" and options.apply_deletions
            and row.id}
    state = _state(session, rows, gone)
    invited = _invited(state)
    notes: list[Note] = []
    checked: list[RowPlan] = []
    failed: set[str] = set()
    for row in rows:
        problems: list[tuple[str, str]] = []
        if row.id and row.action in ("create", "update"):
            if row.entity == "event session":
                problems = _session_problems(state, row.id)
            elif row.entity == "event":
                problems = _event_problems(state, row.id, row)
            elif row.entity == "invitation":
                problems = _invitation_problems(state, row.id, row, named, invited)
            elif row.entity == "delegate":
                problems = _delegate_problems(state, row.id, row, named)
        if not problems:
            checked.append(row)
            continue
        if row.action == "create" and row.id:
            failed.add(row.id)
        notes.extend(Note(row.sheet, row.row, COLUMN_OF.get(name, name), message)
                     for name, message in problems)
        checked.append(replace(row, action="error", values={}, links={}, changes=(),
                               conflicts=(), reason=problems[0][1]))
    # What hangs on a new record in error cannot be written without it.
    for position, row in enumerate(checked):
        owner = row.values.get("invitation_id") or row.values.get("event_id")
        if row.action == "create" and owner in failed:
            message = translate("Import", "Its {noun} is in error; fix that row first.").format(
                noun=record_noun("invitation" if row.entity == "delegate" else "event"))
            notes.append(Note(row.sheet, row.row, None, message))
            checked[position] = replace(row, action="error", values={}, links={},
                                        reason=message)
    return checked, notes
