"""An organization's relationship level over time: each change with the date it took effect and
why. The organization's own `level` is the one in effect now (the latest change)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, IdColumn, Record


class LevelChange(Record, Base):
    __tablename__ = "level_changes"
    __table_args__ = (
        Index("ix_level_changes_organization_effective", "organization_id", "effective"),
    )

    organization_id: Mapped[str] = mapped_column(
        IdColumn, ForeignKey("organizations.id", ondelete="CASCADE"))
    level: Mapped[str] = mapped_column(String(40))
    effective: Mapped[date] = mapped_column(Date)
    reason: Mapped[str | None] = mapped_column(Text)
