"""Multilateral events: a high-level meeting of world political parties, a grouping's party
forum, a thematic seminar, a think-tank or media forum, a study programme — each an edition
of a series, with its programme of sessions and speakers, the organizations and people invited,
their replies and attendance, and the delegation each sent."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, IdColumn, Record


class Event(Record, Base):
    __tablename__ = "events"
    __table_args__ = (
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="dates_in_order"),
        CheckConstraint("edition IS NULL OR edition > 0", name="edition_positive"),
        Index("ix_events_start_date_id", "start_date", "id"),
        Index("ix_events_series_edition", "series", "edition"),
    )

    name: Mapped[str] = mapped_column(String(500))
    # The recurring meeting this is an edition of ("World Political Parties Summit"), and which.
    series: Mapped[str | None] = mapped_column(String(300))
    edition: Mapped[int | None] = mapped_column(Integer)
    mechanism: Mapped[str] = mapped_column(String(30), default="other", index=True)
    start: Mapped[date] = mapped_column("start_date", Date)
    end: Mapped[date | None] = mapped_column("end_date", Date)
    city: Mapped[str | None] = mapped_column(String(200))
    country_code: Mapped[str | None] = mapped_column(
        String(2), ForeignKey("countries.code"), index=True)
    online: Mapped[bool] = mapped_column(Boolean, default=False)
    organizer_id: Mapped[str | None] = mapped_column(
        IdColumn, ForeignKey("organizations.id"), index=True)
    theme: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)


# The organizations that co-organize an event beside its organizer.
event_co_organizers = Table(
    "event_co_organizers",
    Base.metadata,
    Column("event_id", IdColumn, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("organization_id", IdColumn, ForeignKey("organizations.id", ondelete="CASCADE"),
           primary_key=True, index=True),
)


class EventSession(Record, Base):
    """One session of an event's programme: a plenary, a panel, a side meeting."""

    __tablename__ = "event_sessions"
    __table_args__ = (
        Index("ix_event_sessions_event_day", "event_id", "day", "position"),
    )

    event_id: Mapped[str] = mapped_column(
        IdColumn, ForeignKey("events.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    starts: Mapped[str | None] = mapped_column(String(5))  # "09:30"
    ends: Mapped[str | None] = mapped_column(String(5))
    title: Mapped[str] = mapped_column(String(500))
    place: Mapped[str | None] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)


session_speakers = Table(
    "session_speakers",
    Base.metadata,
    Column("session_id", IdColumn, ForeignKey("event_sessions.id", ondelete="CASCADE"),
           primary_key=True),
    Column("person_id", IdColumn, ForeignKey("people.id", ondelete="CASCADE"),
           primary_key=True, index=True),
)


class Invitation(Record, Base):
    """An organization or a person invited to an event: by whom and when, the reply, and —
    separately, since a party that accepted may not come and one that declined may send
    someone after all — whether it attended, and how large a delegation it sent."""

    __tablename__ = "invitations"
    __table_args__ = (
        CheckConstraint("person_id IS NOT NULL OR organization_id IS NOT NULL",
                        name="someone"),
        CheckConstraint("delegation_size IS NULL OR delegation_size >= 0",
                        name="size_not_negative"),
        Index("ix_invitations_event_reply", "event_id", "reply"),
    )

    event_id: Mapped[str] = mapped_column(
        IdColumn, ForeignKey("events.id", ondelete="CASCADE"))
    organization_id: Mapped[str | None] = mapped_column(
        IdColumn, ForeignKey("organizations.id"), index=True)
    person_id: Mapped[str | None] = mapped_column(IdColumn, ForeignKey("people.id"), index=True)
    invited_by: Mapped[str | None] = mapped_column(String(200))
    invited_on: Mapped[date | None] = mapped_column(Date)
    reply: Mapped[str] = mapped_column(String(20), default="none")
    replied_on: Mapped[date | None] = mapped_column(Date)
    attendance: Mapped[str] = mapped_column(String(20), default="unknown")
    # How many came, when the names are not all known; the named delegates count otherwise.
    delegation_size: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str | None] = mapped_column(Text)


class Delegate(Record, Base):
    """A person in the delegation an invitation brought: its head, a member, an interpreter,
    with the title they held at the time."""

    __tablename__ = "delegates"

    invitation_id: Mapped[str] = mapped_column(
        IdColumn, ForeignKey("invitations.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[str] = mapped_column(IdColumn, ForeignKey("people.id"), index=True)
    role: Mapped[str] = mapped_column(String(20), default="member")
    title: Mapped[str | None] = mapped_column(String(200))
