"""Organizations: parties, alliances, think tanks, media, youth and women's organizations..."""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, IdColumn, Record, SortKey


class Organization(Record, Base):
    __tablename__ = "organizations"

    name: Mapped[str] = mapped_column(String(300), index=True)
    name_en: Mapped[str | None] = mapped_column(String(300))
    name_zh: Mapped[str | None] = mapped_column(String(300))
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    abbreviation: Mapped[str | None] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(40), default="party", index=True)
    country_code: Mapped[str | None] = mapped_column(
        String(2), ForeignKey("countries.code"), index=True
    )
    status: Mapped[str | None] = mapped_column(String(40))
    ideology: Mapped[str | None] = mapped_column(String(200))
    # A year ("1912"), a month ("1912-01") or a day ("1912-01-08"): the precision given.
    founded: Mapped[str | None] = mapped_column(String(10))
    website: Mapped[str | None] = mapped_column(String(500))
    email: Mapped[str | None] = mapped_column(String(320))
    phone: Mapped[str | None] = mapped_column(String(40))
    level: Mapped[str | None] = mapped_column(String(40))
    # Set when the record was merged into another: its id still names that one (imports, travel
    # copies); the record itself is deleted.
    merged_into: Mapped[str | None] = mapped_column(IdColumn, index=True)
    notes: Mapped[str | None] = mapped_column(Text)
    # Where the record came from when it was seeded (e.g. "partyfacts:1234"), to avoid reloading.
    external_ref: Mapped[str | None] = mapped_column(String(100), index=True)
    # Every name folded (case, width, accents), one per line; kept by the services.
    search_text: Mapped[str | None] = mapped_column(Text)
    # What lists sort by, one key per preferred script (the name shown first: original,
    # English or Chinese, the others standing in when it is empty); kept by the writer.
    sort_original: Mapped[str | None] = mapped_column(SortKey, index=True)
    sort_en: Mapped[str | None] = mapped_column(SortKey, index=True)
    sort_zh: Mapped[str | None] = mapped_column(SortKey, index=True)
    # Kept current by the interaction services so lists sort and filter on them cheaply.
    last_contact: Mapped[date | None] = mapped_column(Date, index=True)
    interaction_count: Mapped[int] = mapped_column(Integer, default=0)

