"""The registry's entries for multilateral events (db/models/event.py): the event, its
sessions, its invitations and the delegates each brought. db/changes/registry.py lists them
with the other aggregates."""

from __future__ import annotations

from db.changes.dates import a_date
from db.changes.entity import Entity, Link, dates_in_order
from db.changes.event_checks import (
    dates_hold_sessions,
    delegate_rules,
    invitation_rules,
    session_within_event,
    someone_invited,
)
from db.changes.fields import choice, country, reference, text
from db.changes.numbers import whole_number, yes_no
from db.changes.recording import Schema
from db.changes.times import a_time, order_number
from db.models import (
    Delegate,
    Event,
    EventSession,
    Invitation,
    Organization,
    Person,
    event_co_organizers,
    session_speakers,
)
from db.models.vocabulary import ATTENDANCE, EVENT_MECHANISMS, INVITATION_REPLIES, MEMBER_ROLES
from db.store.translation import QT_TRANSLATE_NOOP

EVENT = Entity("event", "events", QT_TRANSLATE_NOOP("Records", "Event"), Schema(
    entity="event",
    model=Event,
    fields={
        "name": text(500, required=True, label=QT_TRANSLATE_NOOP("Validation", "The name")),
        "series": text(300, label=QT_TRANSLATE_NOOP("Validation", "The series")),
        "edition": whole_number(QT_TRANSLATE_NOOP("Validation", "The edition"), minimum=1,
                                maximum=10_000),
        "mechanism": choice(EVENT_MECHANISMS, QT_TRANSLATE_NOOP("Validation", "mechanism"),
                            default="other"),
        "start": a_date(QT_TRANSLATE_NOOP("Validation", "The start date"), required=True),
        "end": a_date(QT_TRANSLATE_NOOP("Validation", "The end date")),
        "city": text(200, label=QT_TRANSLATE_NOOP("Validation", "The city")),
        "country": country(),
        "online": yes_no(QT_TRANSLATE_NOOP("Validation", "Online")),
        "organizer_id": reference(Organization, "organization"),
        "theme": text(10_000, multiline=True, label=QT_TRANSLATE_NOOP("Validation", "The theme")),
        "notes": text(100_000, multiline=True, label=QT_TRANSLATE_NOOP("Validation", "The notes")),
    },
    required=("name", "start"),
    attributes={"country": "country_code"},
    checks=(dates_in_order,),
    session_checks=(dates_hold_sessions,),
), links=(Link("co_organizers", event_co_organizers, "event_id", "organization_id"),),
    natural_keys=("name", "start"),
    referrers=(EventSession.event_id, Invitation.event_id))

EVENT_SESSION = Entity(
    "event session", "sessions", QT_TRANSLATE_NOOP("Records", "Session"), Schema(
    entity="event session",
    model=EventSession,
    fields={
        "event_id": reference(Event, "event", required=True),
        "day": a_date(QT_TRANSLATE_NOOP("Validation", "The day"), required=True),
        "starts": a_time(QT_TRANSLATE_NOOP("Validation", "The start time")),
        "ends": a_time(QT_TRANSLATE_NOOP("Validation", "The end time")),
        "title": text(500, required=True, label=QT_TRANSLATE_NOOP("Validation", "The title")),
        "place": text(300, label=QT_TRANSLATE_NOOP("Validation", "The place")),
        "notes": text(100_000, multiline=True, label=QT_TRANSLATE_NOOP("Validation", "The notes")),
        "position": order_number(),
    },
    required=("event_id", "day", "title"),
    session_checks=(session_within_event,),
), links=(Link("speakers", session_speakers, "session_id", "person_id"),),
    title_field="title", natural_keys=("event_id", "day", "title"))

INVITATION = Entity(
    "invitation", "invitations", QT_TRANSLATE_NOOP("Records", "Invitation"), Schema(
    entity="invitation",
    model=Invitation,
    fields={
        "event_id": reference(Event, "event", required=True),
        "organization_id": reference(Organization, "organization"),
        "person_id": reference(Person, "person"),
        "invited_by": text(200, label=QT_TRANSLATE_NOOP("Validation", "Who invited them")),
        "invited_on": a_date(QT_TRANSLATE_NOOP("Validation", "The date of the invitation")),
        "reply": choice(INVITATION_REPLIES, QT_TRANSLATE_NOOP("Validation", "reply"),
                        default="none"),
        "replied_on": a_date(QT_TRANSLATE_NOOP("Validation", "The date of the reply")),
        "attendance": choice(ATTENDANCE, QT_TRANSLATE_NOOP("Validation", "attendance"),
                             default="unknown"),
        "delegation_size": whole_number(
            QT_TRANSLATE_NOOP("Validation", "The size of the delegation"), maximum=10_000),
        "notes": text(100_000, multiline=True, label=QT_TRANSLATE_NOOP("Validation", "The notes")),
    },
    required=("event_id",),
    checks=(someone_invited,),
    session_checks=(invitation_rules,),
), title_field="invited_by", natural_keys=("event_id", "organization_id", "person_id"),
    referrers=(Delegate.invitation_id,))

DELEGATE = Entity("delegate", "delegates", QT_TRANSLATE_NOOP("Records", "Delegate"), Schema(
    entity="delegate",
    model=Delegate,
    fields={
        "invitation_id": reference(Invitation, "invitation", required=True),
        "person_id": reference(Person, "person", required=True),
        "role": choice(MEMBER_ROLES, QT_TRANSLATE_NOOP("Validation", "role in a delegation"),
                       default="member"),
        "title": text(200, label=QT_TRANSLATE_NOOP("Validation", "The title")),
    },
    required=("invitation_id", "person_id"),
    session_checks=(delegate_rules,),
), title_field="title", natural_keys=("invitation_id", "person_id"))

EVENT_ENTITIES = (EVENT, EVENT_SESSION, INVITATION, DELEGATE)
