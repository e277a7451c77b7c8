"""Pairs of records a user looked at and said are not the same (the duplicate scan shows them
no more). The pair is kept in id order; it belongs to this database, not to its history."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, IdColumn, UTCDateTime


class NotDuplicate(Base):
    __tablename__ = "not_duplicates"

    kind: Mapped[str] = mapped_column(String(20), primary_key=True)  # organization | person
    first_id: Mapped[str] = mapped_column(IdColumn, primary_key=True)
    second_id: Mapped[str] = mapped_column(IdColumn, primary_key=True)
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime())
    who: Mapped[str | None] = mapped_column(String(200))
