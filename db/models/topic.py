"""Topics: the cooperation areas interactions are about (user-editable)."""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, IdColumn, Record


class Topic(Record, Base):
    __tablename__ = "topics"

    key: Mapped[str] = mapped_column(String(60), unique=True)
    name_en: Mapped[str] = mapped_column(String(200))
    name_zh: Mapped[str | None] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)


interaction_topics = Table(
    "interaction_topics",
    Base.metadata,
    Column("interaction_id", IdColumn, ForeignKey("interactions.id", ondelete="CASCADE"),
           primary_key=True),
    Column("topic_id", IdColumn, ForeignKey("topics.id", ondelete="CASCADE"), primary_key=True,
           index=True),
)
