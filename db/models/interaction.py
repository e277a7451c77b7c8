"""Interactions (visits, talks, seminars, letters...) and who took part in them."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, IdColumn, Record


class Interaction(Record, Base):
    __tablename__ = "interactions"
    __table_args__ = (
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="dates_in_order"),
        # Newest first, ties by id (the list's and the export's order), without a sort.
        Index("ix_interactions_start_date_id", "start_date", "id"),
    )

    kind: Mapped[str] = mapped_column(String(40), index=True)
    title: Mapped[str] = mapped_column(String(500))
    start: Mapped[date] = mapped_column("start_date", Date)
    end: Mapped[date | None] = mapped_column("end_date", Date)
    city: Mapped[str | None] = mapped_column(String(200))
    country_code: Mapped[str | None] = mapped_column(
        String(2), ForeignKey("countries.code"), index=True
    )
    platform: Mapped[str | None] = mapped_column(String(300))
    summary: Mapped[str | None] = mapped_column(Text)
    outcomes: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)


class Participation(Record, Base):
    """One organization or one person taking part in an interaction, in a role."""

    __tablename__ = "participations"
    __table_args__ = (
        CheckConstraint(
            "(organization_id IS NULL) <> (person_id IS NULL)", name="one_participant"
        ),
        # A participant's timeline, newest first, straight from the index. Each row is either
        # an organization's or a person's, so each index holds only its own half (partial):
        # a bulk import of interactions maintains one timeline index per participant, not two.
        Index("ix_participations_organization_timeline", "organization_id", "start_date",
              "interaction_id", sqlite_where=text("organization_id IS NOT NULL"),
              postgresql_where=text("organization_id IS NOT NULL")),
        Index("ix_participations_person_timeline", "person_id", "start_date", "interaction_id",
              sqlite_where=text("person_id IS NOT NULL"),
              postgresql_where=text("person_id IS NOT NULL")),
    )

    interaction_id: Mapped[str] = mapped_column(
        IdColumn, ForeignKey("interactions.id", ondelete="CASCADE"), index=True
    )
    organization_id: Mapped[str | None] = mapped_column(IdColumn, ForeignKey("organizations.id"))
    person_id: Mapped[str | None] = mapped_column(IdColumn, ForeignKey("people.id"))
    role: Mapped[str] = mapped_column(String(40), default="participant")
    # The interaction's start date, kept here so timelines need no sort (see the indexes).
    start: Mapped[date | None] = mapped_column("start_date", Date)
