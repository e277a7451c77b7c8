"""The interactions sheet's linked columns: each interaction's topics, participants (readable
and by id) and tags, joined into one text per cell.

Two ways to read them. For the whole table: each link table once, in interaction order
(`all_links`). For a few interactions of many, a chunk at a time as the main query streams
them: through the link tables' indexes (`links_by_chunk`), the chunk's ids one parameter.

(Tried and left out: running the next chunk's link queries in a worker thread on the same
SQLite connection while a chunk is written. SQLite does release the GIL while it works, but
the worker then waits for the GIL at every step back into Python; the export gained 0.2 s
of 13, within the noise.)"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cached_property
from operator import itemgetter
from typing import Any

from sqlalchemy import case, func, literal, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from db.exchange.workbook import LIST_SEPARATOR, invitation_text, participant_text
from db.models import (
    Event,
    Interaction,
    Invitation,
    Organization,
    Participation,
    Person,
    Tag,
    Topic,
    Visit,
    interaction_tags,
    interaction_topics,
)
from db.store.idlists import among

Links = tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, str]]
"""Per interaction id: topics, participants (readable), participant_ids, tags."""


def grouped(rows: Iterable[Any], text: Callable[[Any], str | None]) -> dict[str, str]:
    """The `text` of each row (rows come ordered by their first column, the owner), joined
    per owner; a row whose text is None is left out."""
    joined: dict[str, str] = {}
    owner: str | None = None
    texts: list[str] = []
    for row in rows:
        if row[0] != owner:
            if texts and owner is not None:
                joined[owner] = LIST_SEPARATOR.join(texts)
            owner, texts = row[0], []
        value = text(row)
        if value is not None:
            texts.append(value)
    if texts and owner is not None:
        joined[owner] = LIST_SEPARATOR.join(texts)
    return joined


class Readable(dict[str, str | None]):
    """A participant's readable text ("Name [role]") by its id text ("organization:ID:role"),
    None for a deleted participant; each worked out once, then a plain dictionary lookup."""

    def __init__(self, names: Names) -> None:
        super().__init__()
        self.names = names

    def __missing__(self, linked: str) -> str | None:
        kind, record, role = linked.split(":", 2)
        found = self.names.organizations if kind == "organization" else self.names.people
        name = found.get(record)
        text = None if name is None else participant_text(name, role)
        self[linked] = text
        return text


def participants(rows: Iterable[Any], names: Names) -> tuple[dict[str, str], dict[str, str]]:
    """Each interaction's participants, readable ("Name [role]; …") and by id
    ("organization:ID:role; …"), from rows (interaction, id text) ordered by interaction. A
    deleted participant is left out. One pass: this runs for every participation exported."""
    readable = names.participants
    shown: dict[str, str] = {}
    linked: dict[str, str] = {}
    owner: str | None = None
    texts: list[str] = []
    ids: list[str] = []
    for interaction_id, link in rows:
        if interaction_id != owner:
            if texts and owner is not None:
                shown[owner], linked[owner] = LIST_SEPARATOR.join(texts), LIST_SEPARATOR.join(ids)
            owner, texts, ids = interaction_id, [], []
        text = readable[link]
        if text is not None:
            texts.append(text)
            ids.append(link)
    if texts and owner is not None:
        shown[owner], linked[owner] = LIST_SEPARATOR.join(texts), LIST_SEPARATOR.join(ids)
    return shown, linked


def _participant_link() -> Any:
    """A participation's participant_id text, "organization:ID:role" or "person:ID:role"
    (workbook.participant_id), put together by the database."""
    p = Participation
    return case((p.organization_id.is_not(None), literal("organization:") + p.organization_id),
                else_=literal("person:") + p.person_id) + literal(":") + p.role


_topic, _tagged = interaction_topics.c, interaction_tags.c
_PARTICIPANTS = (select(Participation.interaction_id, _participant_link())
                 .where(Participation.deleted_at.is_(None)))
# Organizations first, then by role, then in the order they were added.
_WITHIN = (Participation.organization_id.is_(None), Participation.role, Participation.id)

_ALL_TOPICS = (select(_topic.interaction_id, Topic.name_en)
               .join(Topic, Topic.id == _topic.topic_id)
               .where(Topic.deleted_at.is_(None)).order_by(_topic.interaction_id, Topic.key))
_ALL_PARTICIPANTS = _PARTICIPANTS.order_by(Participation.interaction_id, *_WITHIN)
_ALL_TAGS = (select(_tagged.interaction_id, Tag.name).join(Tag, Tag.id == _tagged.tag_id)
             .where(Tag.deleted_at.is_(None))
             .order_by(_tagged.interaction_id, func.lower(Tag.name)))

# A chunk's, the ids one parameter (see db.store.idlists): topic and tag links are read from their
# primary keys alone and named in Python; participants come ordered as above.
_CHUNK_TOPICS = select(_topic.interaction_id, _topic.topic_id) \
    .where(among(_topic.interaction_id))
_CHUNK_PARTICIPANTS = _PARTICIPANTS.where(among(Participation.interaction_id)) \
    .order_by(Participation.interaction_id, *_WITHIN)
_CHUNK_TAGS = select(_tagged.interaction_id, _tagged.tag_id) \
    .where(among(_tagged.interaction_id))


def all_links(connection: Connection, names: Names, tagged: bool) -> Links:
    """The linked columns of all interactions. Tags are looked for only if `tagged` (some
    interaction has one)."""
    topics = grouped(connection.execute(_ALL_TOPICS), itemgetter(1))
    shown, linked = participants(connection.execute(_ALL_PARTICIPANTS), names)
    tags = grouped(connection.execute(_ALL_TAGS), itemgetter(1)) if tagged else {}
    return topics, shown, linked, tags


Ranked = dict[str, tuple[int, str]]


def _named(rows: Iterable[tuple[str, str]], ranked: Ranked) -> dict[str, str]:
    """Link rows (owner, topic or tag id) as each owner's names, in rank order; a link to a
    record not in `ranked` (deleted) is left out."""
    found: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for owner, key in rows:
        entry = ranked.get(key)
        if entry is not None:
            found[owner].append(entry)
    return {owner: LIST_SEPARATOR.join(name for _, name in sorted(entries))
            for owner, entries in found.items()}


class _ChunkReader:
    """Reads a chunk's links through the indexes."""

    def __init__(self, connection: Connection, names: Names, tagged: bool) -> None:
        self.connection, self.names, self.tagged = connection, names, tagged
        # Live topics and tags in the order their names are listed, and those names.
        self.topics = self._ranked(select(Topic.id, Topic.name_en)
                                   .where(Topic.deleted_at.is_(None)).order_by(Topic.key))
        self.tags = self._ranked(select(Tag.id, Tag.name).where(Tag.deleted_at.is_(None))
                                 .order_by(func.lower(Tag.name))) if tagged else {}

    def _ranked(self, statement: Any) -> Ranked:
        return {key: (rank, name) for rank, (key, name)
                in enumerate(self.connection.execute(statement))}

    def links(self, ids: list[str]) -> Links:
        run = self.connection.execute
        topics = _named(run(_CHUNK_TOPICS, {"ids": ids}).all(), self.topics)
        shown, linked = participants(run(_CHUNK_PARTICIPANTS, {"ids": ids}).all(), self.names)
        tags = _named(run(_CHUNK_TAGS, {"ids": ids}).all(), self.tags) if self.tagged else {}
        return topics, shown, linked, tags


def links_by_chunk(connection: Connection, names: Names, tagged: bool,
                   chunks: Iterator[Sequence[Any]]) -> Iterator[tuple[Sequence[Any], Links]]:
    """Each chunk of interaction rows (id first) with its links."""
    reader = _ChunkReader(connection, names, tagged)
    for chunk in chunks:
        yield chunk, reader.links([row[0] for row in chunk])


class Names:
    """Readable names of the live records rows refer to, each kind read when first needed."""

    def __init__(self, session: Session, event: str | None = None) -> None:
        self.session = session
        self.event = event  # the one event an export is narrowed to (rows.py), if any

    def _names(self, statement: Any) -> dict[str, str]:
        return {key: name for key, name in self.session.connection().execute(statement)}

    @cached_property
    def organizations(self) -> dict[str, str]:
        return self._names(select(Organization.id, Organization.name)
                           .where(Organization.deleted_at.is_(None)))

    @cached_property
    def people(self) -> dict[str, str]:
        return self._names(select(Person.id, Person.name).where(Person.deleted_at.is_(None)))

    @cached_property
    def participants(self) -> Readable:
        """Participants' readable texts by their id texts, worked out as met."""
        return Readable(self)

    @cached_property
    def interactions(self) -> dict[str, str]:
        return self._names(select(Interaction.id, Interaction.title)
                           .where(Interaction.deleted_at.is_(None)))

    @cached_property
    def visits(self) -> dict[str, str]:
        return self._names(select(Visit.id, Visit.title).where(Visit.deleted_at.is_(None)))

    @cached_property
    def events(self) -> dict[str, str]:
        return self._names(select(Event.id, Event.name).where(Event.deleted_at.is_(None)))

    @cached_property
    def invitations(self) -> dict[str, str]:
        """An invitation as the delegates sheet names it: "invitee — event"."""
        events, organizations, people = self.events, self.organizations, self.people
        shown: dict[str, str] = {}
        for key, event_id, organization_id, person_id in self.session.connection().execute(
                select(Invitation.id, Invitation.event_id, Invitation.organization_id,
                       Invitation.person_id).where(Invitation.deleted_at.is_(None))):
            event = events.get(event_id)
            invitee = (organizations.get(organization_id) if organization_id
                       else people.get(person_id or ""))
            if event is not None and invitee is not None:
                shown[key] = invitation_text(invitee, event)
        return shown
