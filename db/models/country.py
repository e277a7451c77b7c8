"""Countries and territories: ISO 3166 reference data shipped in resources/reference."""

from __future__ import annotations

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, Record, SortKey


class Country(Record, Base):
    __tablename__ = "countries"

    # ISO 3166-1 alpha-2 (plus the few user-assigned codes real data uses, such as XK).
    code: Mapped[str] = mapped_column(String(2), unique=True)
    alpha3: Mapped[str] = mapped_column(String(3), unique=True)
    numeric: Mapped[str | None] = mapped_column(String(3))
    name_en: Mapped[str] = mapped_column(String(200))
    name_zh: Mapped[str | None] = mapped_column(String(200))
    region: Mapped[str | None] = mapped_column(String(60), index=True)
    # What the country column sorts by in each language (db/models/folding.py sort_key).
    sort_en: Mapped[str | None] = mapped_column(SortKey)
    sort_zh: Mapped[str | None] = mapped_column(SortKey)
    region_zh: Mapped[str | None] = mapped_column(String(60))
    sub_region: Mapped[str | None] = mapped_column(String(60))
    sub_region_zh: Mapped[str | None] = mapped_column(String(60))
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
