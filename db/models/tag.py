"""Tags: user-editable labels, linked to organizations, people, interactions and countries
(country groupings such as G20 or ASEAN are tags on countries)."""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, IdColumn, Record


class Tag(Record, Base):
    __tablename__ = "tags"

    name: Mapped[str] = mapped_column(String(120), unique=True)
    name_zh: Mapped[str | None] = mapped_column(String(120))
    description: Mapped[str | None] = mapped_column(Text)
    color: Mapped[str | None] = mapped_column(String(16))
    source: Mapped[str | None] = mapped_column(String(200))


def _link(name: str, owner_table: str, owner_column: str) -> Table:
    return Table(
        name,
        Base.metadata,
        Column(owner_column, IdColumn, ForeignKey(f"{owner_table}.id", ondelete="CASCADE"),
               primary_key=True),
        Column("tag_id", IdColumn, ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True,
               index=True),
    )


organization_tags = _link("organization_tags", "organizations", "organization_id")
person_tags = _link("person_tags", "people", "person_id")
interaction_tags = _link("interaction_tags", "interactions", "interaction_id")
country_tags = _link("country_tags", "countries", "country_id")
