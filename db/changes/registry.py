"""The entity registry: every aggregate described once — its table, its fields and their kinds
(the normalizers that validate them), its relations (links), how it is matched, the word for it
in counts and JSON, and its labels — for the screens' services, import, merge, history, revert
and undo to read instead of each keeping a list of its own.

Adding a field to an aggregate means adding it here (and to its model and a migration): the
writer validates and logs it, import maps it, merge and undo carry it, the history shows it."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Table

from db.changes.dates import a_date, founding
from db.changes.entity import Entity, Link, dates_in_order
from db.changes.fields import (
    choice,
    country,
    email,
    emails,
    phone,
    phones,
    reference,
    text,
    text_list,
    website,
)
from db.changes.numbers import birth_year, yes_no
from db.changes.recording import Schema
from db.changes.registry_events import DELEGATE, EVENT, EVENT_SESSION, INVITATION
from db.changes.registry_levels import LEVEL_CHANGE
from db.changes.times import a_time, order_number
from db.changes.visit_checks import (
    dates_hold_programme,
    item_within_visit,
    member_once,
    someone,
)
from db.models import (
    Affiliation,
    Delegate,
    Event,
    FollowUp,
    Gift,
    Interaction,
    Invitation,
    LevelChange,
    Organization,
    Participation,
    Person,
    ProgrammeItem,
    Tag,
    Topic,
    Visit,
    VisitMember,
    country_tags,
    event_co_organizers,
    interaction_tags,
    interaction_topics,
    organization_tags,
    person_tags,
    session_speakers,
)
from db.models.vocabulary import (
    FOLLOWUP_STATUSES,
    GENDERS,
    GIFT_DIRECTIONS,
    INTERACTION_KINDS,
    MEMBER_ROLES,
    ORGANIZATION_KINDS,
    POLITICAL_STATUSES,
    PROGRAMME_KINDS,
    RELATIONSHIP_LEVELS,
    VISIT_DIRECTIONS,
    VISIT_SIDES,
    VISIT_STATUSES,
)
from db.store.errors import Problem
from db.store.translation import QT_TRANSLATE_NOOP, translate

PARTICIPATIONS: Table = Participation.__table__  # type: ignore[assignment]


def key_is_snake_case(values: Mapping[str, Any]) -> list[Problem]:
    key = values.get("key")
    if key and not re.fullmatch(r"[a-z0-9_]+", key):
        return [Problem("key", translate(
            "Validation", "The key may hold only lower-case letters, digits and _."))]
    return []


ORGANIZATION = Entity(
    "organization", "organizations", QT_TRANSLATE_NOOP("Records", "Organization"), Schema(
    entity="organization",
    model=Organization,
    fields={
        "name": text(300, required=True, label=QT_TRANSLATE_NOOP("Validation", "The name")),
        "name_en": text(300, label=QT_TRANSLATE_NOOP("Validation", "The English name")),
        "name_zh": text(300, label=QT_TRANSLATE_NOOP("Validation", "The Chinese name")),
        "aliases": text_list(300, label=QT_TRANSLATE_NOOP("Validation", "An alias")),
        "abbreviation": text(60, label=QT_TRANSLATE_NOOP("Validation", "The abbreviation")),
        "kind": choice(ORGANIZATION_KINDS,
                       QT_TRANSLATE_NOOP("Validation", "kind of organization"), default="party"),
        "country": country(),
        "status": choice(POLITICAL_STATUSES, QT_TRANSLATE_NOOP("Validation", "political status")),
        "ideology": text(200, label=QT_TRANSLATE_NOOP("Validation", "The ideology")),
        "founded": founding(QT_TRANSLATE_NOOP("Validation", "The founding date")),
        "website": website(),
        "email": email(),
        "phone": phone("country"),
        "level": choice(RELATIONSHIP_LEVELS, QT_TRANSLATE_NOOP("Validation", "relationship level")),
        "notes": text(100_000, multiline=True, label=QT_TRANSLATE_NOOP("Validation", "The notes")),
        "merged_into": reference(Organization, "organization"),
    },
    required=("name",),
    search_fields=("name", "name_en", "name_zh", "abbreviation", "aliases"),
    attributes={"country": "country_code"},
), links=(Link("tags", organization_tags, "organization_id", "tag_id"),),
    natural_keys=("name", "name_en", "name_zh", "aliases", "abbreviation", "country"),
    referrers=(Participation.organization_id, Affiliation.organization_id,
               FollowUp.organization_id, Visit.host_id, Visit.guest_id,
               VisitMember.organization_id, Gift.organization_id, Event.organizer_id,
               event_co_organizers.c.organization_id, Invitation.organization_id,
               LevelChange.organization_id, Organization.merged_into),
    children=(LevelChange.organization_id,))

PERSON = Entity("person", "people", QT_TRANSLATE_NOOP("Records", "Person"), Schema(
    entity="person",
    model=Person,
    fields={
        "name": text(300, required=True, label=QT_TRANSLATE_NOOP("Validation", "The name")),
        "name_en": text(300, label=QT_TRANSLATE_NOOP("Validation", "The English name")),
        "name_zh": text(300, label=QT_TRANSLATE_NOOP("Validation", "The Chinese name")),
        "aliases": text_list(300, label=QT_TRANSLATE_NOOP("Validation", "An alias")),
        "title": text(200, label=QT_TRANSLATE_NOOP("Validation", "The title")),
        "gender": choice(GENDERS, QT_TRANSLATE_NOOP("Validation", "gender")),
        "birth_year": birth_year(),
        "nationality": country(),
        "emails": emails(),
        "phones": phones("nationality"),
        "languages": text_list(60, label=QT_TRANSLATE_NOOP("Validation", "A language")),
        "notes": text(100_000, multiline=True, label=QT_TRANSLATE_NOOP("Validation", "The notes")),
        "merged_into": reference(Person, "person"),
    },
    required=("name",),
    search_fields=("name", "name_en", "name_zh", "aliases"),
), links=(Link("tags", person_tags, "person_id", "tag_id"),),
    natural_keys=("name", "name_en", "name_zh", "aliases", "nationality"),
    referrers=(Participation.person_id, Affiliation.person_id, FollowUp.person_id,
               VisitMember.person_id, Gift.person_id, Invitation.person_id,
               Delegate.person_id, session_speakers.c.person_id, Person.merged_into))

AFFILIATION = Entity("affiliation", "positions", QT_TRANSLATE_NOOP("Records", "Position"), Schema(
    entity="affiliation",
    model=Affiliation,
    fields={
        "person_id": reference(Person, "person", required=True),
        "organization_id": reference(Organization, "organization", required=True),
        "role": text(200, label=QT_TRANSLATE_NOOP("Validation", "The role")),
        "start": a_date(QT_TRANSLATE_NOOP("Validation", "The start date")),
        "end": a_date(QT_TRANSLATE_NOOP("Validation", "The end date")),
        "notes": text(10_000, multiline=True, label=QT_TRANSLATE_NOOP("Validation", "The notes")),
        "leader": yes_no(QT_TRANSLATE_NOOP("Validation", "Leader of the party")),
    },
    required=("person_id", "organization_id"),
    checks=(dates_in_order,),
), title_field="role", natural_keys=("person_id", "organization_id", "role"))

INTERACTION = Entity(
    "interaction", "interactions", QT_TRANSLATE_NOOP("Records", "Interaction"), Schema(
    entity="interaction",
    model=Interaction,
    fields={
        "kind": choice(INTERACTION_KINDS,
                       QT_TRANSLATE_NOOP("Validation", "kind of interaction"), required=True),
        "title": text(500, required=True, label=QT_TRANSLATE_NOOP("Validation", "The title")),
        "start": a_date(QT_TRANSLATE_NOOP("Validation", "The start date"), required=True),
        "end": a_date(QT_TRANSLATE_NOOP("Validation", "The end date")),
        "city": text(200, label=QT_TRANSLATE_NOOP("Validation", "The city")),
        "country": country(),
        "platform": text(300, label=QT_TRANSLATE_NOOP("Validation", "The platform or mechanism")),
        "summary": text(100_000, multiline=True,
                        label=QT_TRANSLATE_NOOP("Validation", "The summary")),
        "outcomes": text(100_000, multiline=True,
                         label=QT_TRANSLATE_NOOP("Validation", "The outcomes")),
        "notes": text(100_000, multiline=True, label=QT_TRANSLATE_NOOP("Validation", "The notes")),
    },
    required=("kind", "title", "start"),
    attributes={"country": "country_code"},
    checks=(dates_in_order,),
), links=(Link("participants", PARTICIPATIONS, "interaction_id", "organization_id"),
          Link("topics", interaction_topics, "interaction_id", "topic_id"),
          Link("tags", interaction_tags, "interaction_id", "tag_id")),
    title_field="title", natural_keys=("title", "start", "kind"),
    referrers=(FollowUp.interaction_id, ProgrammeItem.interaction_id))

FOLLOWUP = Entity("follow-up", "followups", QT_TRANSLATE_NOOP("Records", "Follow-up"), Schema(
    entity="follow-up",
    model=FollowUp,
    fields={
        "description": text(10_000, required=True, multiline=True,
                            label=QT_TRANSLATE_NOOP("Validation", "The description")),
        "due": a_date(QT_TRANSLATE_NOOP("Validation", "The due date")),
        "status": choice(FOLLOWUP_STATUSES,
                         QT_TRANSLATE_NOOP("Validation", "status"), default="open"),
        "owner": text(200, label=QT_TRANSLATE_NOOP("Validation", "The owner")),
        "organization_id": reference(Organization, "organization"),
        "person_id": reference(Person, "person"),
        "interaction_id": reference(Interaction, "interaction"),
        "completed_on": a_date(QT_TRANSLATE_NOOP("Validation", "The completion date")),
    },
    required=("description",),
), title_field="description", natural_keys=("description", "due"))

TAG = Entity("tag", "tags", QT_TRANSLATE_NOOP("Records", "Tag"), Schema(
    entity="tag",
    model=Tag,
    fields={
        "name": text(120, required=True, label=QT_TRANSLATE_NOOP("Validation", "The tag name")),
        "name_zh": text(120, label=QT_TRANSLATE_NOOP("Validation", "The Chinese name")),
        "description": text(2000, multiline=True,
                            label=QT_TRANSLATE_NOOP("Validation", "The description")),
        "color": text(16, label=QT_TRANSLATE_NOOP("Validation", "The colour")),
    },
    required=("name",),
), links=(Link("countries", country_tags, "tag_id", "country_id"),), natural_keys=("name",),
    referrers=(organization_tags.c.tag_id, person_tags.c.tag_id, interaction_tags.c.tag_id,
               country_tags.c.tag_id))

TOPIC = Entity("topic", "topics", QT_TRANSLATE_NOOP("Records", "Topic"), Schema(
    entity="topic",
    model=Topic,
    fields={
        "key": text(60, required=True, label=QT_TRANSLATE_NOOP("Validation", "The key")),
        "name_en": text(200, required=True,
                        label=QT_TRANSLATE_NOOP("Validation", "The English name")),
        "name_zh": text(200, label=QT_TRANSLATE_NOOP("Validation", "The Chinese name")),
        "description": text(5000, multiline=True,
                            label=QT_TRANSLATE_NOOP("Validation", "The description")),
    },
    required=("key", "name_en"),
    checks=(key_is_snake_case,),
), title_field="name_en", natural_keys=("key",),
    referrers=(interaction_topics.c.topic_id,))

VISIT = Entity("visit", "visits", QT_TRANSLATE_NOOP("Records", "Visit"), Schema(
    entity="visit",
    model=Visit,
    fields={
        "title": text(500, required=True, label=QT_TRANSLATE_NOOP("Validation", "The title")),
        "direction": choice(VISIT_DIRECTIONS, QT_TRANSLATE_NOOP("Validation", "direction"),
                            required=True),
        "status": choice(VISIT_STATUSES, QT_TRANSLATE_NOOP("Validation", "status of a visit"),
                         default="planned"),
        "start": a_date(QT_TRANSLATE_NOOP("Validation", "The start date"), required=True),
        "end": a_date(QT_TRANSLATE_NOOP("Validation", "The end date")),
        "country": country(),
        "host_id": reference(Organization, "organization"),
        "guest_id": reference(Organization, "organization"),
        "purpose": text(100_000, multiline=True,
                        label=QT_TRANSLATE_NOOP("Validation", "The purpose")),
        "outcomes": text(100_000, multiline=True,
                         label=QT_TRANSLATE_NOOP("Validation", "The outcomes")),
        "notes": text(100_000, multiline=True, label=QT_TRANSLATE_NOOP("Validation", "The notes")),
    },
    required=("title", "direction", "start"),
    attributes={"country": "country_code"},
    checks=(dates_in_order,),
    session_checks=(dates_hold_programme,),
), title_field="title", natural_keys=("title", "start", "direction"),
    referrers=(VisitMember.visit_id, ProgrammeItem.visit_id, Gift.visit_id))

VISIT_MEMBER = Entity(
    "visit member", "members", QT_TRANSLATE_NOOP("Records", "Member of a visit"), Schema(
    entity="visit member",
    model=VisitMember,
    fields={
        "visit_id": reference(Visit, "visit", required=True),
        "person_id": reference(Person, "person"),
        "organization_id": reference(Organization, "organization"),
        "side": choice(VISIT_SIDES, QT_TRANSLATE_NOOP("Validation", "side"), default="guest"),
        "role": choice(MEMBER_ROLES, QT_TRANSLATE_NOOP("Validation", "role in a visit"),
                       default="member"),
        "title": text(200, label=QT_TRANSLATE_NOOP("Validation", "The title")),
        "position": order_number(),
    },
    required=("visit_id",),
    checks=(someone,),
    session_checks=(member_once,),
), title_field="title", natural_keys=("visit_id", "person_id", "organization_id"))

PROGRAMME_ITEM = Entity(
    "programme item", "programme", QT_TRANSLATE_NOOP("Records", "Programme item"), Schema(
    entity="programme item",
    model=ProgrammeItem,
    fields={
        "visit_id": reference(Visit, "visit", required=True),
        "day": a_date(QT_TRANSLATE_NOOP("Validation", "The day"), required=True),
        "starts": a_time(QT_TRANSLATE_NOOP("Validation", "The start time")),
        "ends": a_time(QT_TRANSLATE_NOOP("Validation", "The end time")),
        "kind": choice(PROGRAMME_KINDS, QT_TRANSLATE_NOOP("Validation", "kind of programme item"),
                       default="meeting"),
        "title": text(500, required=True, label=QT_TRANSLATE_NOOP("Validation", "The title")),
        "city": text(200, label=QT_TRANSLATE_NOOP("Validation", "The city")),
        "place": text(300, label=QT_TRANSLATE_NOOP("Validation", "The place")),
        "interaction_id": reference(Interaction, "interaction"),
        "notes": text(100_000, multiline=True, label=QT_TRANSLATE_NOOP("Validation", "The notes")),
        "position": order_number(),
    },
    required=("visit_id", "day", "title"),
    session_checks=(item_within_visit,),
), title_field="title", natural_keys=("visit_id", "day", "title"))

GIFT = Entity("gift", "gifts", QT_TRANSLATE_NOOP("Records", "Gift"), Schema(
    entity="gift",
    model=Gift,
    fields={
        "visit_id": reference(Visit, "visit", required=True),
        "direction": choice(GIFT_DIRECTIONS, QT_TRANSLATE_NOOP("Validation", "given or received"),
                            default="given"),
        "description": text(10_000, required=True, multiline=True,
                            label=QT_TRANSLATE_NOOP("Validation", "The description")),
        "person_id": reference(Person, "person"),
        "organization_id": reference(Organization, "organization"),
        "notes": text(10_000, multiline=True, label=QT_TRANSLATE_NOOP("Validation", "The notes")),
    },
    required=("visit_id", "description"),
), title_field="description", natural_keys=("visit_id", "description"))

# In the order records are created (what others point at first); undo goes the other way.
ENTITIES: tuple[Entity, ...] = (TAG, TOPIC, ORGANIZATION, PERSON, AFFILIATION, INTERACTION,
                                FOLLOWUP, VISIT, VISIT_MEMBER, PROGRAMME_ITEM, GIFT,
                                EVENT, EVENT_SESSION, INVITATION, DELEGATE, LEVEL_CHANGE)
BY_NAME: Mapping[str, Entity] = {entity.name: entity for entity in ENTITIES}
BY_KIND: Mapping[str, Entity] = {entity.kind: entity for entity in ENTITIES}


def entity(name: str) -> Entity:
    """The aggregate whose change-log word is `name` ("organization", "follow-up")."""
    return BY_NAME[name]
