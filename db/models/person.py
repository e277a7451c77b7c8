"""People: leaders, officials and contacts in partner organizations."""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, IdColumn, Record, SortKey


class Person(Record, Base):
    __tablename__ = "people"

    name: Mapped[str] = mapped_column(String(300), index=True)
    name_en: Mapped[str | None] = mapped_column(String(300))
    name_zh: Mapped[str | None] = mapped_column(String(300))
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    title: Mapped[str | None] = mapped_column(String(200))
    gender: Mapped[str | None] = mapped_column(String(20))
    # For the share of young people at an event; a year is all an office usually knows.
    birth_year: Mapped[int | None] = mapped_column(Integer)
    # Set when the record was merged into another: its id still names that one.
    merged_into: Mapped[str | None] = mapped_column(IdColumn, index=True)
    nationality: Mapped[str | None] = mapped_column(
        String(2), ForeignKey("countries.code"), index=True
    )
    emails: Mapped[list[str]] = mapped_column(JSON, default=list)
    phones: Mapped[list[str]] = mapped_column(JSON, default=list)  # E.164
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    notes: Mapped[str | None] = mapped_column(Text)
    # Every name folded (case, width, accents), one per line; kept by the services.
    search_text: Mapped[str | None] = mapped_column(Text)
    # What lists sort by, one key per preferred script (the name shown first: original,
    # English or Chinese, the others standing in when it is empty); kept by the writer.
    sort_original: Mapped[str | None] = mapped_column(SortKey, index=True)
    sort_en: Mapped[str | None] = mapped_column(SortKey, index=True)
    sort_zh: Mapped[str | None] = mapped_column(SortKey, index=True)
    last_contact: Mapped[date | None] = mapped_column(Date, index=True)
    interaction_count: Mapped[int] = mapped_column(Integer, default=0)

