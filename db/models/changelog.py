"""ChangeLog: who changed which field from what to what, when, and from where."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, IdColumn, UTCDateTime, new_id, utcnow


class ChangeLog(Base):
    """An append-only log; rows are never edited, so they carry no version."""

    __tablename__ = "changelog"

    id: Mapped[str] = mapped_column(IdColumn, primary_key=True, default=new_id)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(IdColumn, index=True)
    # "created", "deleted", "restored", or a field name.
    field: Mapped[str] = mapped_column(String(60))
    old: Mapped[str | None] = mapped_column(Text)  # JSON
    new: Mapped[str | None] = mapped_column(Text)  # JSON
    version: Mapped[int] = mapped_column(default=1)  # the record's version after the change
    who: Mapped[str | None] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(40), default="screen")
    source_detail: Mapped[str | None] = mapped_column(String(500))
    batch_id: Mapped[str | None] = mapped_column(
        IdColumn, ForeignKey("import_batches.id", ondelete="SET NULL"), index=True
    )
