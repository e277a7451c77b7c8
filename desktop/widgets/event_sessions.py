"""The lists of an event's page edited one entry at a time — the programme of sessions, and
(in the delegation dialog) the delegates an invitation brought — drawn and driven like a
visit's delegations (desktop/widgets/visit_entries.py): a table, Add…, Edit… and Remove, an
entry written when its dialog's OK is pressed, a problem (a session outside the event's
dates, a head from another organization) beside its field with nothing written, and each write
a step of the page's undo stack. The dialogs use the event's form, which knows several people
(a session's speakers)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QWidget

from db.models.vocabulary import MEMBER_ROLES
from db.services import events, invitations
from db.services.events import SessionRecord
from db.services.invitations import DelegateRecord
from db.services.timeline import record_names
from desktop.context import AppContext
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.naming import display_name
from desktop.qtmodels.paged import Column
from desktop.readable import date_text
from desktop.widgets.event_fields import DELEGATE_FIELDS, SESSION_FIELDS, EventForm
from desktop.widgets.visit_entries import EntriesTab, EntryDialog, EntryKind, ShownRecord


@dataclass(frozen=True)
class ShownEntry(ShownRecord):
    """A session or delegate (its record a SessionRecord or DelegateRecord) with its people's
    names in the preferred script."""

    names: str


class EventEntryDialog(EntryDialog):
    """One entry's form, the event's form (which knows several people, a session's
    speakers)."""

    form_type = EventForm
    form_width = 620


class EventEntriesTab(EntriesTab):
    """A visit's entries tab whose dialogs use the event's form. Its texts are in the
    "VisitPage" context, as the tab translates them there."""

    dialog_type = EventEntryDialog


def _time(record: SessionRecord) -> str:
    if record.starts and record.ends:
        return f"{record.starts}–{record.ends}"
    return record.starts or ""


SESSION_COLUMNS = [
    Column("day", QT_TRANSLATE_NOOP("Columns", "Day"), lambda s: date_text(s.record.day)),
    Column("time", QT_TRANSLATE_NOOP("Columns", "Time"), lambda s: _time(s.record)),
    Column("title", QT_TRANSLATE_NOOP("Columns", "Title"), lambda s: s.record.title,
           tooltip=lambda s: s.record.title + (f"\n\n{s.record.notes}" if s.record.notes
                                               else "")),
    Column("place", QT_TRANSLATE_NOOP("Columns", "Place"), lambda s: s.record.place or ""),
    Column("speakers", QT_TRANSLATE_NOOP("Columns", "Speakers"), lambda s: s.names),
]
DELEGATE_COLUMNS = [
    Column("role", QT_TRANSLATE_NOOP("Columns", "Role"),
           lambda s: MEMBER_ROLES[s.record.role].label() if s.record.role in MEMBER_ROLES
           else s.record.role),
    Column("person", QT_TRANSLATE_NOOP("Columns", "Person"), lambda s: s.names),
    Column("title", QT_TRANSLATE_NOOP("Columns", "Title at the time"),
           lambda s: s.record.title or ""),
]


def _people_names(context: AppContext, ids: Sequence[str]) -> dict[str, str]:
    found = record_names(context.database, [], ids)
    preference = context.name_preference()
    return {i: display_name(n, preference) for i, n in found.items()}


def shown_sessions(context: AppContext, records: Sequence[SessionRecord]) -> list[ShownEntry]:
    names = _people_names(context, [p for r in records for p, _n in r.speakers])
    return [ShownEntry(r, ", ".join(names.get(p, n) for p, n in r.speakers)) for r in records]


def shown_delegates(context: AppContext,
                    records: Sequence[DelegateRecord]) -> list[ShownEntry]:
    names = _people_names(context, [r.person_id for r in records])
    return [ShownEntry(r, names.get(r.person_id, r.person_name)) for r in records]


def session_kind(context: AppContext) -> EntryKind:
    db, actor = context.database, context.actor

    def one(record: SessionRecord) -> ShownEntry:
        return shown_sessions(context, [record])[0]

    return EntryKind(
        entity="event session", columns=SESSION_COLUMNS, fields=SESSION_FIELDS,
        read=lambda event_id: shown_sessions(context, events.list_sessions(db, event_id)),
        add=lambda event_id, data: one(events.add_session(db, event_id, data, actor())),
        update=lambda session_id, changes, version: one(events.update_session(
            db, session_id, changes, expected_version=version, actor=actor())),
        remove=lambda session_id: events.remove_session(db, session_id, actor=actor()),
        restore=lambda session_id: events.restore_session(db, session_id, actor()),
        values=lambda s: {"day": s.record.day, "starts": s.record.starts,
                          "ends": s.record.ends, "title": s.record.title,
                          "place": s.record.place,
                          "speakers": sorted(p for p, _n in s.record.speakers),
                          "notes": s.record.notes},
        label=lambda s: f"“{s.record.title}”",
        defaults={},
        add_text=QT_TRANSLATE_NOOP("VisitPage", "Add a session…"),
        placeholder=QT_TRANSLATE_NOOP(
            "VisitPage", "No sessions yet. Add the programme day by day: the opening, the "
                         "plenary and thematic sessions, with their speakers."),
        add_title=QT_TRANSLATE_NOOP("VisitPage", "Add a session"),
        edit_title=QT_TRANSLATE_NOOP("VisitPage", "Edit a session"),
        added=QT_TRANSLATE_NOOP("VisitPage", "Add the session {name}"),
        changed=QT_TRANSLATE_NOOP("VisitPage", "Edit the session {name}"),
        removed=QT_TRANSLATE_NOOP("VisitPage", "the session {name}"),
        remove_question=QT_TRANSLATE_NOOP("VisitPage", "Remove the session {name} from the "
                                                       "programme? Ctrl+Z brings it back."))


def delegate_kind(context: AppContext) -> EntryKind:
    db, actor = context.database, context.actor

    def one(record: DelegateRecord) -> ShownEntry:
        return shown_delegates(context, [record])[0]

    return EntryKind(
        entity="delegate", columns=DELEGATE_COLUMNS, fields=DELEGATE_FIELDS,
        read=lambda invitation_id: shown_delegates(context,
                                                   invitations.list_delegates(db, invitation_id)),
        add=lambda invitation_id, data: one(invitations.add_delegate(db, invitation_id, data,
                                                                     actor())),
        update=lambda delegate_id, changes, version: one(invitations.update_delegate(
            db, delegate_id, changes, expected_version=version, actor=actor())),
        remove=lambda delegate_id: invitations.remove_delegate(db, delegate_id, actor=actor()),
        restore=lambda delegate_id: invitations.restore_delegate(db, delegate_id, actor()),
        values=lambda s: {"person_id": s.record.person_id, "role": s.record.role,
                          "title": s.record.title},
        label=lambda s: s.names,
        defaults={"role": "member"},
        add_text=QT_TRANSLATE_NOOP("VisitPage", "Add a delegate…"),
        placeholder=QT_TRANSLATE_NOOP(
            "VisitPage", "Nobody named in this delegation yet. Add its head and members; a "
                         "person's title comes from their current position unless you say "
                         "otherwise."),
        add_title=QT_TRANSLATE_NOOP("VisitPage", "Add a delegate"),
        edit_title=QT_TRANSLATE_NOOP("VisitPage", "Edit a delegate"),
        added=QT_TRANSLATE_NOOP("VisitPage", "Add {name} to the delegation"),
        changed=QT_TRANSLATE_NOOP("VisitPage", "Edit {name} in the delegation"),
        removed=QT_TRANSLATE_NOOP("VisitPage", "{name} from the delegation"),
        remove_question=QT_TRANSLATE_NOOP("VisitPage", "Remove {name} from this delegation? "
                                                       "Ctrl+Z brings them back."))


class SessionsTab(EventEntriesTab):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, session_kind(context), parent)
        self.table.setObjectName("sessions_table")
        self.table.set_widths(150, 100, 330, 170, 240)

    def add(self, values: Mapping[str, Any] | None = None) -> Any:
        """A new session on the event's first day unless told otherwise."""
        first = {"day": self.first_day} if self.first_day is not None else {}
        return super().add({**first, **(values or {})})

    first_day: Any = None
