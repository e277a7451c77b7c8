"""Invitations to an event from a colleague's list of parties (issue 17, item 2): a sheet with
no Liaison ids — country, party, leader, title, e-mail, reply, attendance, delegation size,
headers in English or Chinese — becomes one invitation per row to the event the user chose.

Each row's party is matched to an organization by its names, aliases and country as any
foreign organizations sheet is (foreign.SheetPlanner), or planned as a new one; its leader is
matched or planned the same way as a person, with a position in the party flagged as its
leadership when none is recorded, and heads the delegation. Nothing is written while
planning; the plan (organizations, people, positions, invitations, delegates) is applied in
one transaction as one import batch, which Undo takes back whole. The event's rules are
checked over the whole plan (event_plan.py) and every problem is located at its row and
column: an unknown country, a party listed twice, a reply dated after the event."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.exchange.imports import mapping as maps
from db.exchange.imports.classify import Pending
from db.exchange.imports.event_plan import check_event_rows
from db.exchange.imports.event_rows import EventSheetPlanner
from db.exchange.imports.foreign import SheetPlanner
from db.exchange.imports.plan import ImportOptions, Note, Plan, RowPlan
from db.exchange.reading.readers import Table
from db.models import Affiliation, Event
from db.models.base import new_id
from db.store.engine import Database
from db.store.errors import LiaisonError
from db.store.translation import translate

# Words a colleague's list uses for a reply or for attendance beyond the vocabularies' own
# codes and labels (which `choice` reads already).
REPLY_WORDS = {"yes": "accepted", "y": "accepted", "ok": "accepted", "confirmed": "accepted",
               "是": "accepted", "已接受": "accepted", "确认": "accepted", "已确认": "accepted",
               "同意": "accepted", "接受邀请": "accepted", "no": "declined", "n": "declined",
               "否": "declined", "婉拒": "declined", "不参加": "declined", "拒绝": "declined",
               "派代表": "representative", "representative sent": "representative",
               "未回复": "none", "待回复": "none", "pending": "none"}
ATTENDANCE_WORDS = {"yes": "attended", "y": "attended", "present": "attended",
                    "是": "attended", "√": "attended", "✓": "attended", "已出席": "attended",
                    "no": "absent", "n": "absent", "否": "absent", "×": "absent",
                    "缺席": "absent", "未到": "absent"}
# The invitation's own fields among the list's columns.
OWN_FIELDS = ("reply", "attendance", "delegation_size", "invited_by", "invited_on",
              "replied_on", "notes")


def _columns(mapping: dict[int, str], wanted: dict[str, str]) -> dict[int, str]:
    """The list's columns a planner reads, each as the field `wanted` renames it to."""
    return {index: wanted[field] for index, field in mapping.items() if field in wanted}


def _filled(rows: list[tuple[int, Sequence[Any]]], mapping: dict[int, str],
            field: str) -> list[tuple[int, Sequence[Any]]]:
    at = next((i for i, f in mapping.items() if f == field), None)
    if at is None:
        return []
    return [(number, cells) for number, cells in rows
            if at < len(cells) and cells[at] not in (None, "")
            and str(cells[at]).strip()]


def _words(data: dict[str, Any], name: str, words: dict[str, str]) -> None:
    value = data.get(name)
    if isinstance(value, bool):
        data[name] = ("accepted" if name == "reply" else "attended") if value else \
            ("declined" if name == "reply" else "absent")
    elif isinstance(value, str) and value.strip().casefold() in words:
        data[name] = words[value.strip().casefold()]


def check_event(db: Database, event_id: str | None) -> tuple[str, str]:
    """The event's id and name, or a clear error."""
    if not event_id or not event_id.strip():
        raise LiaisonError(translate("Import", "Choose the event these rows are invitations "
                                               "to."))
    key = event_id.strip().lower()
    with db.reading() as session:
        event = session.get(Event, key)
        if event is None or event.deleted_at is not None:
            raise LiaisonError(translate("Import", "There is no event with id {id}.").format(
                id=event_id.strip()))
        return event.id, event.name


class _Positions:
    """The leader's position in the party: the one recorded, else a new one flagged as the
    party's leadership, with the leader's title as its role."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def plan(self, row: RowPlan, title: str | None, known: bool) -> RowPlan:
        """`known`: the leader is a person already in Liaison, whose positions elsewhere
        are not taken to have ended (the head's rule then says so, at the row)."""
        values = dict(row.values)
        held = self.session.execute(select(Affiliation.id, Affiliation.organization_id).where(
            Affiliation.person_id == values["person_id"], Affiliation.deleted_at.is_(None),
            Affiliation.end.is_(None))).all()
        mine = [key for key, organization in held if organization == values["organization_id"]]
        if mine or (known and held):
            return replace(row, action="unchanged", id=mine[0] if mine else row.id,
                           values={}, reason=translate("Import", "already recorded"))
        values.update(role=values.get("role") or title, leader=True)
        return replace(row, action="create", id=row.id or new_id(), values=values)


def plan_invitations(db: Database, table: Table, options: ImportOptions, *, file_name: str,
                     checksum: str, fmt: str,
                     cancelled: Callable[[], bool] | None = None) -> Plan:
    """Plan one sheet of parties as invitations to `options.event_id`. Writes nothing."""
    event_id, _event_name = check_event(db, options.event_id)
    rows = table.rows
    if options.header_row is not None:
        if not 1 <= options.header_row <= max(len(rows), 1):
            raise LiaisonError(translate(
                "Import", "Row {row} is beyond the end of sheet “{sheet}” ({count} rows).")
                .format(row=options.header_row, sheet=table.sheet, count=len(rows)))
        header_index: int | None = options.header_row - 1
    else:
        header_index = maps.detect_header_row(rows)
    if header_index is None:
        raise LiaisonError(translate(
            "Import", "Sheet “{sheet}” of {file} has no header row with column names; nothing to "
                      "import.").format(sheet=table.sheet, file=file_name))
    headers = maps.header_texts(rows[header_index])
    mapping = _mapping(headers, options)
    fields = set(mapping.values())
    if not fields & {"organization", "leader"}:
        raise LiaisonError(translate(
            "Import", "No column of sheet “{sheet}” names the party or the person invited; say "
                      "which one does (for example --map \"Party=organization\").").format(
            sheet=table.sheet))
    data = [(number, cells) for number, cells
            in enumerate(rows[header_index + 1:], start=header_index + 2)
            if any(cell not in (None, "") for cell in cells)]
    if not data:
        raise LiaisonError(translate(
            "Import", "Sheet “{sheet}” of {file} has a header row but no rows below it; nothing "
                      "to import.").format(sheet=table.sheet, file=file_name))
    sheet = table.sheet
    plans: list[RowPlan] = []
    with db.reading() as session:
        # The parties, then their leaders: as a foreign organizations sheet and a people sheet
        # would be, the people seeing the parties new in this list.
        matching = replace(options, kind=None, on_duplicate="fill", clear_empty=False)
        parties = SheetPlanner(session, sheet, "organizations", headers, _columns(
            mapping, {"organization": "name", "country": "country"}), matching, len(data))
        party_rows = _filled(list(data), mapping, "organization")
        by_row: dict[tuple[str, int], RowPlan] = {}
        for row in parties.plan(party_rows, cancelled):
            by_row[(row.entity, row.row)] = row
        leaders = SheetPlanner(session, sheet, "people", headers, _columns(
            mapping, {"leader": "name", "title": "title", "email": "emails",
                      "organization": "organization", "country": "nationality"}),
            matching, len(data))
        leaders.share_indexes(parties)
        for row in leaders.plan(_filled(list(data), mapping, "leader"), cancelled):
            by_row[(row.entity, row.row)] = row
        invited = EventSheetPlanner(session, sheet, "invitations", headers, _columns(
            mapping, {name: name for name in OWN_FIELDS}),
            replace(options, on_duplicate="update", clear_empty=False), len(data))
        invited.share_indexes(leaders)
        heads = EventSheetPlanner(session, sheet, "delegates", headers, _columns(
            mapping, {"title": "title"}), replace(options, on_duplicate="update"), len(data))
        positions = _Positions(session)
        header_of = {field: invited.header(index) for index, field in mapping.items()}
        pending_invitations: list[Pending | RowPlan] = []
        pending_heads: list[Pending | RowPlan] = []
        seen: dict[str, int] = {}
        for number, cells in data:
            party = by_row.get(("organization", number))
            leader = by_row.get(("person", number))
            position = by_row.get(("position", number))
            for part in (party, leader):
                if part is not None:
                    plans.append(part)
            if position is not None and leader is not None and leader.action != "error":
                title = leader.values.get("title") if leader.values else None
                plans.append(positions.plan(position, title, leader.action != "create"))
            if (party is not None and party.action == "error") or (
                    leader is not None and leader.action == "error"):
                plans.append(RowPlan(sheet, number, "invitation", "error",
                                     reason=translate("Import", "See the row's other "
                                                                "problems.")))
                continue
            before = len(invited.errors)
            values, organization, person = _invitation(invited, number, cells, event_id,
                                                       party, leader)
            if values is None or len(invited.errors) > before:
                plans.append(RowPlan(sheet, number, "invitation", "error",
                                     reason=invited.errors[-1].message if invited.errors
                                     else ""))
                continue
            invitee = organization or person or ""
            if invitee in seen:
                invited.error(number, None, column=header_of.get(
                              "organization" if organization else "leader"), message=translate("Import", "{name} is listed twice (row {row} too); an "
                                                  "organization is invited once.").format(
                                  name=_name(parties, leaders, invitee), row=seen[invitee]))
                plans.append(RowPlan(sheet, number, "invitation", "error",
                                     reason=invited.errors[-1].message))
                continue
            seen[invitee] = number
            pending = invited._pending(number, {}, values)
            pending.present = frozenset(values) - {"event_id"} if pending.matched else \
                pending.present
            pending_invitations.append(pending)
            if organization and person:
                head = {"invitation_id": pending.id, "person_id": person, "role": "head",
                        "title": leader.values.get("title") if leader and leader.values
                        else None}
                checked = heads.validate(number, head)
                if checked is not None:
                    pending_heads.append(heads._pending(number, {}, checked))
        plans.extend(invited._finish(pending_invitations))
        plans.extend(heads._finish(pending_heads))
        errors: list[Note] = [*parties.errors, *leaders.errors, *invited.errors, *heads.errors]
        warnings = [*parties.warnings, *leaders.warnings, *invited.warnings,
                    *heads.warnings]
        plans, found = check_event_rows(session, plans, options,
                                        lambda key: _name(parties, leaders, key or ""))
        by_field = {"organization": "organization", "person": "leader"}
        errors.extend(replace(note, column=header_of.get(
            by_field.get(note.column or "", note.column or ""), note.column)) for note in found)
    errors = list(dict.fromkeys(errors))  # a bad country is the party's and the leader's
    order = {"organization": 0, "person": 1, "position": 2, "invitation": 3, "delegate": 4}
    plans.sort(key=lambda row: (row.row, order.get(row.entity, 9)))
    errors.sort(key=lambda note: note.row or 0)
    return Plan(file_name, checksum, fmt, maps.INVITATIONS, (sheet,), header_index + 1,
                tuple(headers), mapping, options, tuple(plans), tuple(errors), tuple(warnings))


def _name(parties: SheetPlanner, leaders: SheetPlanner, key: str) -> str:
    return (parties.organizations.names.get(key) or leaders.people.names.get(key) or key)


def _invitation(planner: EventSheetPlanner, number: int, cells: Sequence[Any], event_id: str,
                party: RowPlan | None, leader: RowPlan | None
                ) -> tuple[dict[str, Any] | None, str | None, str | None]:
    """The invitation a row makes: to its party (its leader heading the delegation), or to
    its leader on their own when it names no party."""
    data, ok = planner.cells(number, cells)
    _words(data, "reply", REPLY_WORDS)
    _words(data, "attendance", ATTENDANCE_WORDS)
    organization = party.id if party is not None else None
    person = leader.id if leader is not None else None
    own = {name: value for name, value in data.items() if name in OWN_FIELDS}
    own.update(event_id=event_id, organization_id=organization,
               person_id=None if organization else person)
    values = planner.validate(number, own)
    if values is None or not ok:
        return None, organization, person
    return values, organization, person


def _mapping(headers: list[str], options: ImportOptions) -> dict[int, str]:
    targets = maps.TARGETS[maps.INVITATIONS]
    if options.mapping is not None:
        mapping = {i: f for i, f in options.mapping.items() if f}
    else:
        mapping = maps.auto_map(headers, maps.INVITATIONS)
    by_header = {maps.normalize_header(h): i for i, h in enumerate(headers)}
    for header, field in options.overrides.items():
        index = by_header.get(maps.normalize_header(header))
        if index is None:
            known = ", ".join(h for h in headers if h) or translate("Import", "none")
            raise LiaisonError(translate(
                "Import", "There is no column “{header}” to map (columns: {columns}).").format(
                header=header, columns=known))
        if field and field not in targets:
            raise LiaisonError(translate(
                "Import", "“{field}” is not a field of {kind}; choose one of: {fields}.").format(
                field=field, kind=maps.INVITATIONS, fields=", ".join(targets)))
        mapping = {i: f for i, f in mapping.items() if f != field and i != index}
        if field:
            mapping[index] = field
    bad = sorted(set(mapping.values()) - set(targets))
    if bad:
        raise LiaisonError(translate(
            "Import", "“{field}” is not a field of {kind}; choose one of: {fields}.").format(
            field=bad[0], kind=maps.INVITATIONS, fields=", ".join(targets)))
    return dict(sorted(mapping.items()))

