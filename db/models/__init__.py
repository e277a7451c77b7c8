"""One module per aggregate; importing this package registers every table on Base.metadata."""

from db.models.affiliation import Affiliation
from db.models.changelog import ChangeLog
from db.models.country import Country
from db.models.duplicates import NotDuplicate
from db.models.event import (
    Delegate,
    Event,
    EventSession,
    Invitation,
    event_co_organizers,
    session_speakers,
)
from db.models.followup import FollowUp
from db.models.import_batch import ImportBatch
from db.models.interaction import Interaction, Participation
from db.models.level import LevelChange
from db.models.meta import Meta
from db.models.organization import Organization
from db.models.person import Person
from db.models.tag import Tag, country_tags, interaction_tags, organization_tags, person_tags
from db.models.topic import Topic, interaction_topics
from db.models.visit import Gift, ProgrammeItem, Visit, VisitMember

__all__ = [
    "Affiliation",
    "ChangeLog",
    "Country",
    "Delegate",
    "Event",
    "EventSession",
    "FollowUp",
    "Gift",
    "ImportBatch",
    "Interaction",
    "Invitation",
    "LevelChange",
    "Meta",
    "NotDuplicate",
    "Organization",
    "Participation",
    "Person",
    "ProgrammeItem",
    "Tag",
    "Topic",
    "Visit",
    "VisitMember",
    "country_tags",
    "event_co_organizers",
    "interaction_tags",
    "interaction_topics",
    "organization_tags",
    "person_tags",
    "session_speakers",
]
