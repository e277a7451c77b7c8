"""The decisions of a merge, field by field, for one record present in both copies (the rules
are written out in db/merge.py). Pure functions of the two records and of the change-log rows
only one copy has: no session, no writes."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any, Final, Literal

from db.changes import registry
from db.changes.recording import from_json, to_json
from db.merge.read import Names, RecordState
from db.merge.records import Action, FieldMerge, LogRow, NewRecord, RecordMerge, Spec


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


# "This copy has no change of its own to the field since the copies last agreed."
MISSING: Final = _Missing()
Choice = Literal["same", "here", "there", "conflict", "unknown"]
Participants = dict[tuple[str | None, str | None], str]


def choose(here: Any, there: Any, base_here: Any, base_there: Any) -> Choice:
    """Three-way choice for one value. `base_here` is the value this copy had before its first
    change the other copy has not seen (MISSING: no such change); `base_there` likewise.
    Symmetric: swapping the copies swaps "here" and "there"."""
    if here == there:
        return "same"
    here_changed = base_here is not MISSING and here != base_here
    there_changed = base_there is not MISSING and there != base_there
    if here_changed and there_changed:
        # Both changed — unless one of them still holds the value the other started from,
        # which happens after an earlier conflict was settled in the other's favour.
        if here == base_there and there != base_here:
            return "there"
        if there == base_here and here != base_there:
            return "here"
        return "conflict"
    if there_changed:
        return "there"
    if here_changed:
        return "here"
    return "unknown"


def by_version(here: RecordState, there: RecordState) -> Choice:
    """Records with no change-log rows to go by (bulk-loaded data): the newer record wins."""
    mine = (here.version, here.row["updated_at"])
    theirs = (there.version, there.row["updated_at"])
    return "here" if mine > theirs else "there" if theirs > mine else "conflict"


class IdMaps:
    """Tags and topics match by id, then by name (tags) or key (topics): two copies that each
    created a tag “Youth” use this copy's tag for both. Organizations both copies loaded
    apart from the starter register match by its reference (`organizations`: the other
    copy's id → this copy's)."""

    def __init__(self, here: Names, there: Names,
                 organizations: Mapping[str, str] | None = None,
                 merged: Mapping[str, str] | None = None) -> None:
        self.here = here
        self.there = there
        self.organizations = dict(organizations or {})
        # Records this copy merged into others: the other copy's references to them name the
        # survivors (the records themselves keep their ids).
        self.merged = dict(merged or {})
        self.organizations_back = {mine: theirs for theirs, mine in self.organizations.items()}
        by_name = {name.lower(): key for key, name in here.tags.items()}
        self._tags = {key: key if key in here.tags else by_name.get(name.lower(), key)
                      for key, name in there.tags.items()}
        by_key = {name: key for key, name in here.topics.items()}
        self._topics = {key: key if key in here.topics else by_key.get(name, key)
                        for key, name in there.topics.items()}
        self._tag_by_name = {**{n.lower(): self._tags[k] for k, n in there.tags.items()},
                             **by_name}

    def organization(self, there_id: Any) -> Any:
        return self.organizations.get(there_id, there_id) if there_id else there_id

    def reference(self, there_id: Any) -> Any:
        """An organization or a person named by a record of the other copy, in this copy's
        ids: matched by the starter register, and a merged-away record's survivor."""
        if not there_id:
            return there_id
        mine = self.organizations.get(there_id, there_id)
        return self.merged.get(mine, mine)

    def tag(self, there_id: str) -> str:
        return self._tags.get(there_id, there_id)

    def topic(self, there_id: str) -> str:
        return self._topics.get(there_id, there_id)

    def tag_name(self, key: str) -> str:
        return self.here.tags.get(key) or self.there.tags.get(key) or key

    def topic_name(self, key: str) -> str:
        return self.here.topics.get(key) or self.there.topics.get(key) or key

    def tag_from_log(self, item: Any) -> str:
        """Tags are logged by name by the screens and by id by imports."""
        text = str(item)
        if text in self.here.tags:
            return text
        if text in self.there.tags:
            return self.tag(text)
        return self._tag_by_name.get(text.lower(), "?" + text.lower())


# Fields that name an organization: a follow-up's or a position's, a visit's two sides, an
# event's organizer; and the relations that list organizations (an event's co-organizers).
ORGANIZATION_FIELDS = ("organization_id", "host_id", "guest_id", "organizer_id")
ORGANIZATION_LINKS = ("co_organizers",)
# And those that name a person: a position's, a member's, a delegate's; a session's speakers.
PERSON_FIELDS = ("person_id",)
PERSON_LINKS = ("speakers",)
REFERENCE_FIELDS = (*ORGANIZATION_FIELDS, *PERSON_FIELDS)
REFERENCE_LINKS = (*ORGANIZATION_LINKS, *PERSON_LINKS)


def remapped_row(row: LogRow, maps: IdMaps) -> LogRow:
    """A change-log row of the other copy, in this copy's ids for organizations matched by
    their starter reference (what this copy's history shows, and what it copies)."""
    if not maps.organizations and not maps.merged:
        return row
    org, ref = maps.organization, maps.reference

    def convert(text: str | None) -> str | None:
        value = from_json(text)
        if row.field == "participants":
            value = [[ref(o), ref(p), r] for o, p, r in value or ()]
        elif row.field in REFERENCE_LINKS:
            value = [ref(o) for o in value or ()]
        elif row.field in REFERENCE_FIELDS:
            value = ref(value)
        elif row.field == "created" and isinstance(value, dict):
            value = {name: ref(item) if name in REFERENCE_FIELDS else item
                     for name, item in value.items()}
        return to_json(value)

    entity_id = org(row.entity_id) if row.entity == "organization" else row.entity_id
    if row.field in ("participants", "created", *REFERENCE_FIELDS, *REFERENCE_LINKS):
        return replace(row, entity_id=entity_id, old=convert(row.old), new=convert(row.new))
    return replace(row, entity_id=entity_id)


def remapped_state(spec: Spec, state: RecordState, maps: IdMaps) -> RecordState:
    """A record of the other copy in this copy's ids (see `remapped_row`)."""
    if not maps.organizations and not maps.merged:
        return state
    org, ref = maps.organization, maps.reference
    row = dict(state.row)
    links = dict(state.links)
    if spec.entity == "organization":
        row["id"] = org(row["id"])
    for name in REFERENCE_FIELDS:
        if name in row:
            row[name] = ref(row[name])
    for name in REFERENCE_LINKS:
        if name in links:
            links[name] = {ref(o) for o in links[name]}
    if "participations" in links:
        links["participations"] = [{**part, "organization_id": ref(part["organization_id"]),
                                    "person_id": ref(part["person_id"])}
                                   for part in links["participations"]]
        links["participants"] = {(ref(o), ref(p)): role
                                 for (o, p), role in links["participants"].items()}
    return RecordState(str(row["id"]), row, links)


def label(spec: Spec, state: RecordState) -> str:
    text = str(state.row.get(registry.entity(spec.entity).title_field) or spec.entity)
    text = " ".join(text.split())
    return text if len(text) <= 80 else text[:79] + "…"


def _base(rows: Iterable[LogRow], name: str) -> Any:
    """The value a copy had before its first unseen change to `name` (rows oldest first)."""
    for row in rows:
        if row.merge_field == name:
            if name == "deleted":
                return row.field == "restored"
            return row.old
    return MISSING


def _parsed(base: Any, convert: Callable[[Any], Any]) -> Any:
    return base if base is MISSING else convert(from_json(base))


def merge_sets(here: frozenset[str], there: frozenset[str], base_here: Any,
               base_there: Any) -> frozenset[str]:
    """Element by element: an element one copy added or removed is added or removed; where
    neither copy's change explains a difference, the element stays (nothing is lost)."""
    bh = here if base_here is MISSING else base_here
    bt = there if base_there is MISSING else base_there
    result = set()
    for item in here | there | bh | bt:
        in_here, in_there = item in here, item in there
        if in_here == in_there:
            keep = in_here
        else:
            here_changed = in_here != (item in bh)
            there_changed = in_there != (item in bt)
            keep = in_there if there_changed and not here_changed else \
                in_here if here_changed and not there_changed else True
        if keep:
            result.add(item)
    return frozenset(result)


def merge_participants(here: Participants, there: Participants, base_here: Any,
                       base_there: Any, fallback: Callable[[], Choice]
                       ) -> tuple[Participants, Participants, bool]:
    """Participant by participant (organization or person → role). Returns the result when
    clashes go the other copy's way, when they go this copy's way, and whether any clash."""
    theirs: Participants = {}
    mine: Participants = {}
    clash = False
    keys = set(here) | set(there)
    for base in (base_here, base_there):
        if base is not MISSING:
            keys |= set(base)
    for key in keys:
        bh = MISSING if base_here is MISSING else base_here.get(key)
        bt = MISSING if base_there is MISSING else base_there.get(key)
        x, y = here.get(key), there.get(key)
        choice = choose(x, y, bh, bt)
        if choice == "unknown":
            choice = "there" if x is None else "here" if y is None else fallback()
        pick_there = y if choice in ("there", "conflict") else x
        pick_here = x if choice in ("here", "conflict", "same") else y
        clash = clash or choice == "conflict"
        if pick_there is not None:
            theirs[key] = pick_there
        if pick_here is not None:
            mine[key] = pick_here
    return theirs, mine, clash


def _participants_of(value: Any) -> Participants:
    return {(org, person): role for org, person, role in (value or [])}


def _participant_list(value: Participants) -> list[list[str | None]]:
    return sorted(([org, person, role] for (org, person), role in value.items()), key=str)


def new_record(spec: Spec, there: RecordState, maps: IdMaps) -> RecordMerge:
    links: dict[str, tuple[Any, ...]] = {}
    if "tags" in spec.links:
        links["tags"] = tuple(sorted({maps.tag(t) for t in there.links["tags"]}))
    if "topics" in spec.links:
        links["topics"] = tuple(sorted({maps.topic(t) for t in there.links["topics"]}))
    if "countries" in spec.links:
        links["countries"] = tuple(sorted(there.links["countries"]))
    if "participants" in spec.links:
        links["participations"] = tuple(there.links["participations"])
    return RecordMerge(spec.entity, spec.kind, there.id, label(spec, there), "create",
                       new=NewRecord(there.row, links))


def decide(spec: Spec, here: RecordState, there: RecordState, here_rows: list[LogRow],
           there_rows: list[LogRow], maps: IdMaps) -> RecordMerge:
    """Field by field for a record both copies hold. `*_rows`: the change-log rows of this
    record only that copy has, oldest first."""
    mine = [r for r in here_rows if not r.is_echo and r.merge_field]
    theirs = [r for r in there_rows if not r.is_echo and r.merge_field]
    fields: list[FieldMerge] = []

    def withheld(name: str) -> tuple[str, ...]:
        return tuple(r.id for r in theirs if r.merge_field == name)

    def add(name: str, choice: Choice, shown_here: Any, shown_there: Any, value: Any,
            value_if_kept: Any) -> None:
        if choice == "unknown":
            choice = by_version(here, there)
        if choice == "same":
            return
        status = {"here": "keep", "there": "apply", "conflict": "conflict"}[choice]
        fields.append(FieldMerge(name, shown_here, shown_there, status,  # type: ignore[arg-type]
                                 value, value_if_kept,
                                 withheld(name) if status == "conflict" else ()))

    for name in spec.schema.fields:
        column = spec.column(name)
        x, y = here.row[column], there.row[column]
        if to_json(x) != to_json(y):
            add(name, choose(to_json(x), to_json(y), _base(mine, name), _base(theirs, name)),
                x, y, y, x)
    for name in spec.links:
        _link(spec, name, here, there, mine, theirs, maps, add)
    _deletion(here, there, mine, theirs, add)
    return RecordMerge(spec.entity, spec.kind, here.id, label(spec, here),
                       _action(fields), tuple(fields), version=here.version)


def _link(spec: Spec, name: str, here: RecordState, there: RecordState, mine: list[LogRow],
          theirs: list[LogRow], maps: IdMaps, add: Callable[..., None]) -> None:
    if name == "participants":
        x: Participants = here.links[name]
        y: Participants = there.links[name]
        if x == y:
            return
        with_theirs, with_mine, clash = merge_participants(
            x, y, _parsed(_base(mine, name), _participants_of),
            _parsed(_base(theirs, name), _participants_of), lambda: by_version(here, there))
        choice: Choice = "conflict" if clash else "here" if with_theirs == x else "there"
        add(name, choice, _participant_list(x), _participant_list(y), with_theirs, with_mine)
        return
    convert: Callable[[Any], str] = {"tags": maps.tag_from_log, "topics": maps.topic}.get(
        name, str)
    mapped: Callable[[str], str] = {"tags": maps.tag, "topics": maps.topic}.get(
        name, lambda key: key)
    show: Callable[[str], str] = {"tags": maps.tag_name, "topics": maps.topic_name}.get(
        name, lambda key: key)
    x_set = frozenset(here.links[name])
    y_set = frozenset(mapped(item) for item in there.links[name])
    if x_set == y_set:
        return
    merged = merge_sets(
        x_set, y_set,
        _parsed(_base(mine, name), lambda items: frozenset(convert(i) for i in items or ())),
        _parsed(_base(theirs, name), lambda items: frozenset(convert(i) for i in items or ())))
    add(name, "here" if merged == x_set else "there", sorted(map(show, x_set)),
        sorted(map(show, y_set)), merged, x_set)


def _deletion(here: RecordState, there: RecordState, mine: list[LogRow], theirs: list[LogRow],
              add: Callable[..., None]) -> None:
    x: datetime | None = here.row["deleted_at"]
    y: datetime | None = there.row["deleted_at"]
    if (x is None) == (y is None):
        if x is not None and y is not None and y < x:  # deleted in both: the first deletion
            add("deleted", "there", x, y, y, x)
        return
    add("deleted", choose(x is not None, y is not None, _base(mine, "deleted"),
                          _base(theirs, "deleted")), x, y, y, x)


def _action(fields: list[FieldMerge]) -> Action:
    if any(f.status == "conflict" for f in fields):
        return "conflict"
    applied = [f for f in fields if f.status == "apply"]
    if any(f.field == "deleted" and f.value is not None for f in applied):
        return "delete"
    if applied:
        return "update"
    return "keep" if fields else "unchanged"


def rows_by_record(rows: Iterable[LogRow]) -> Mapping[str, list[LogRow]]:
    grouped: dict[str, list[LogRow]] = {}
    for row in rows:
        grouped.setdefault(row.entity_id, []).append(row)
    return grouped
