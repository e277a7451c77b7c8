"""A travel copy made before two records were merged here, merged back after: what the road did
to the record merged away (B) is not lost on its deleted row.

What points at B — positions, follow-ups, invitations, participations, a visit's members, a
level history — already lands on the survivor (A) through `IdMaps.reference`. B's own fields
edited on the road are another matter: A's values were chosen field by field in the merge, so
a road value does not simply replace one. Each becomes a conflict on A, shown with A's value
and the road's; settled for the other copy it is written to A, settled for this one A keeps
its value; left open, it comes back at the next merge (the road's rows about it are held back,
as any open conflict's are). Tags, aliases, e-mails and phones added to B on the road are
proposed as added to A's list (which holds what the merge kept of B's); an item the road took
off B's list is left on A's, where the merge may have put it for a reason of its own."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy.orm import Session

from db.changes.recording import to_json
from db.merge.read import load_states
from db.merge.records import SPEC_OF, FieldMerge, LogRow, RecordMerge
from db.merge.rules import IdMaps, _action, label

KINDS = ("organization", "person")
# An organization's level is its history's (whose entries made on the road land on the
# survivor, and the survivor's level follows them): not a value of its own to settle.
NOT_MOVED = frozenset({"deleted", "merged_into", "level"})


def onto_survivors(here: Session, records: Sequence[RecordMerge], maps: IdMaps,
                   theirs: Mapping[str, list[LogRow]]) -> list[RecordMerge]:
    """The plan's records with the road's edits to records merged away here turned into
    conflicts on their survivors."""
    result = list(records)
    position = {(r.entity, r.id): n for n, r in enumerate(result)}
    for number, record in enumerate(records):
        survivor = maps.merged.get(record.id)
        if record.entity not in KINDS or survivor is None:
            continue
        moved = [f for f in record.fields if f.status == "apply" and f.field not in NOT_MOVED]
        if not moved:
            continue
        spec = SPEC_OF[record.entity]
        state = load_states(here, spec, [survivor]).get(survivor)
        if state is None:
            continue
        rows = theirs.get(record.id, [])
        conflicts: list[FieldMerge] = []
        for f in moved:
            withheld = tuple(r.id for r in rows if r.merge_field == f.field)
            if f.field in spec.links:
                if f.field != "tags":
                    continue
                mine = frozenset(state.links.get("tags", ()))
                tagged = mine | frozenset(f.value or ())
                if tagged == mine:
                    continue
                conflicts.append(FieldMerge(
                    "tags", sorted(map(maps.tag_name, mine)),
                    sorted(map(maps.tag_name, tagged)), "conflict", tagged, mine, withheld))
                continue
            current = state.row[spec.column(f.field)]
            value: Any = f.value
            if isinstance(value, list) and (current is None or isinstance(current, list)):
                current = current or []
                # A list (aliases, e-mails, phones): A already holds B's items the merge
                # kept; what the road added to B's is proposed as added to A's.
                value = current + [item for item in value
                                   if item not in (f.here or ()) and item not in current]
            if to_json(current) == to_json(value):
                continue
            conflicts.append(FieldMerge(f.field, current, value, "conflict", value,
                                        current, withheld))
        # B keeps what else the merge does with it; the moved fields are no longer its own.
        kept = tuple(f for f in record.fields if f not in moved)
        result[number] = replace(record, fields=kept, action=_action(list(kept)))
        if not conflicts:
            continue
        at = position.get((record.entity, survivor))
        if at is None:
            position[(record.entity, survivor)] = len(result)
            result.append(RecordMerge(record.entity, record.kind, survivor, label(spec, state),
                                      "conflict", tuple(conflicts), version=state.version))
            continue
        named = {f.field for f in conflicts}
        fields = [f for f in result[at].fields if f.field not in named] + conflicts
        result[at] = replace(result[at], fields=tuple(fields), action=_action(fields))
    return [r for r in result if r.action != "unchanged" or r.fields]
