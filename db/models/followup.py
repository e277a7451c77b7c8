"""Follow-ups: commitments made in an interaction, with a due date and an owner."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, IdColumn, Record


class FollowUp(Record, Base):
    __tablename__ = "followups"

    description: Mapped[str] = mapped_column(Text)
    due: Mapped[date | None] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    owner: Mapped[str | None] = mapped_column(String(200))
    organization_id: Mapped[str | None] = mapped_column(
        IdColumn, ForeignKey("organizations.id"), index=True
    )
    person_id: Mapped[str | None] = mapped_column(IdColumn, ForeignKey("people.id"), index=True)
    interaction_id: Mapped[str | None] = mapped_column(
        IdColumn, ForeignKey("interactions.id"), index=True
    )
    completed_on: Mapped[date | None] = mapped_column(Date)
