"""Affiliations: a person's position in an organization over a period of time."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, IdColumn, Record


class Affiliation(Record, Base):
    __tablename__ = "affiliations"
    __table_args__ = (
        CheckConstraint("end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
                        name="dates_in_order"),
    )

    person_id: Mapped[str] = mapped_column(IdColumn, ForeignKey("people.id"), index=True)
    organization_id: Mapped[str] = mapped_column(
        IdColumn, ForeignKey("organizations.id"), index=True
    )
    role: Mapped[str | None] = mapped_column(String(200))
    start: Mapped[date | None] = mapped_column("start_date", Date)
    end: Mapped[date | None] = mapped_column("end_date", Date)
    notes: Mapped[str | None] = mapped_column(Text)
    # The position is the leadership of its party (chair, president, secretary-general…):
    # the heads of party an event counts.
    leader: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
