"""Delegation visits: received (inbound) or sent (outbound), with the delegation on each side,
a programme of days and items — the talks and meetings among them interactions of their
own — and the gifts given and received."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, IdColumn, Record


class Visit(Record, Base):
    __tablename__ = "visits"
    __table_args__ = (
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="dates_in_order"),
        Index("ix_visits_start_date_id", "start_date", "id"),
    )

    title: Mapped[str] = mapped_column(String(500))
    direction: Mapped[str] = mapped_column(String(20), index=True)
    status: Mapped[str] = mapped_column(String(20), default="planned", index=True)
    start: Mapped[date] = mapped_column("start_date", Date)
    end: Mapped[date | None] = mapped_column("end_date", Date)
    country_code: Mapped[str | None] = mapped_column(
        String(2), ForeignKey("countries.code"), index=True)
    # The two sides: the organization that receives the visit and the one that sends it.
    host_id: Mapped[str | None] = mapped_column(
        IdColumn, ForeignKey("organizations.id"), index=True)
    guest_id: Mapped[str | None] = mapped_column(
        IdColumn, ForeignKey("organizations.id"), index=True)
    purpose: Mapped[str | None] = mapped_column(Text)
    outcomes: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)


class VisitMember(Record, Base):
    """Who is on the guests' or the hosts' side of a visit: a person in a role (the head, a
    member, an interpreter…) with the organization and title they held at the time, or an
    organization of that side on its own (a co-host, a body the delegation meets)."""

    __tablename__ = "visit_members"
    __table_args__ = (
        CheckConstraint("person_id IS NOT NULL OR organization_id IS NOT NULL",
                        name="someone"),
    )

    visit_id: Mapped[str] = mapped_column(
        IdColumn, ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[str | None] = mapped_column(IdColumn, ForeignKey("people.id"), index=True)
    organization_id: Mapped[str | None] = mapped_column(
        IdColumn, ForeignKey("organizations.id"), index=True)
    side: Mapped[str] = mapped_column(String(10), default="guest")
    role: Mapped[str] = mapped_column(String(20), default="member")
    title: Mapped[str | None] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)


class ProgrammeItem(Record, Base):
    """One item of a visit's programme: on a day, in a city, from a time to a time. Talks,
    meetings and briefings point at the interaction that records them."""

    __tablename__ = "programme_items"
    __table_args__ = (
        Index("ix_programme_items_visit_day", "visit_id", "day", "position"),
    )

    visit_id: Mapped[str] = mapped_column(
        IdColumn, ForeignKey("visits.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    starts: Mapped[str | None] = mapped_column(String(5))  # "09:30"
    ends: Mapped[str | None] = mapped_column(String(5))
    kind: Mapped[str] = mapped_column(String(20), default="meeting")
    title: Mapped[str] = mapped_column(String(500))
    city: Mapped[str | None] = mapped_column(String(200))
    place: Mapped[str | None] = mapped_column(String(300))
    interaction_id: Mapped[str | None] = mapped_column(
        IdColumn, ForeignKey("interactions.id"), index=True)
    notes: Mapped[str | None] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Gift(Record, Base):
    """A gift given or received during a visit, and from or to whom."""

    __tablename__ = "gifts"

    visit_id: Mapped[str] = mapped_column(
        IdColumn, ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    direction: Mapped[str] = mapped_column(String(10), default="given")
    description: Mapped[str] = mapped_column(Text)
    person_id: Mapped[str | None] = mapped_column(IdColumn, ForeignKey("people.id"), index=True)
    organization_id: Mapped[str | None] = mapped_column(
        IdColumn, ForeignKey("organizations.id"), index=True)
    notes: Mapped[str | None] = mapped_column(Text)
