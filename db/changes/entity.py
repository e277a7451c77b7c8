"""What the registry says of each aggregate (db/changes/registry.py): an `Entity` with its
schema, its relations logged as fields (`Link`), the fields an import matches on and the columns
that point at it; and the one cross-field rule most aggregates share."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table

from db.changes.recording import Schema
from db.store.errors import Problem, record_noun
from db.store.translation import translate


def dates_in_order(values: Mapping[str, Any]) -> list[Problem]:
    start, end = values.get("start"), values.get("end")
    if start and end and end < start:
        return [Problem("end", translate("Validation", "The end date is before the start date."))]
    return []



@dataclass(frozen=True)
class Link:
    """A relation logged as one field of its owner: the rows of `table` whose `owner` column
    holds the record's id (tags, topics, countries of a grouping), or its participants."""

    name: str  # the logged field: "tags", "topics", "countries", "participants"
    table: Table
    owner: str  # the column naming the owner
    item: str  # the column naming the linked record


@dataclass(frozen=True)
class Entity:
    """One aggregate."""

    name: str  # ChangeLog.entity and the user's word: "organization", "follow-up"
    kind: str  # the plural in counts, JSON and workbook sheets: "organizations", "followups"
    # The user's word for one, capitalised: "Organization", "Position" — in English, marked
    # for the catalog; `shown_label()` gives it in the current language.
    label: str
    schema: Schema
    links: tuple[Link, ...] = ()
    # Fields that name the record for a person reading a list, a merge or an undo report.
    title_field: str = "name"
    # Fields an import matches rows on, besides the id (names with the country).
    natural_keys: tuple[str, ...] = ()
    # Columns of other tables that point at a record of this kind: while one of them does,
    # undo moves the record to the deleted records instead of removing it.
    referrers: tuple[Any, ...] = ()
    # Those of them whose rows belong to the record (its level history): they go with it when
    # an undo removes it, instead of keeping it.
    children: tuple[Any, ...] = ()

    def shown_label(self) -> str:
        """The word for one record of this kind, capitalised, in the current language."""
        return translate("Records", self.label)

    def noun(self) -> str:
        """The word for one record of this kind in sentences, in the current language."""
        return record_noun(self.name)

    @property
    def model(self) -> Any:
        return self.schema.model

    @property
    def table(self) -> Table:
        table: Table = self.schema.model.__table__
        return table

    def column(self, field: str) -> str:
        """The column holding a field (`start` lives in `start_date`, `country` in
        `country_code`)."""
        attribute = self.model.__mapper__.attrs[self.schema.attribute(field)]
        return str(attribute.columns[0].name)

    def link(self, name: str) -> Link | None:
        return next((link for link in self.links if link.name == name), None)

    @property
    def link_names(self) -> tuple[str, ...]:
        return tuple(link.name for link in self.links)
