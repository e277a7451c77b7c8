"""Reading a colleague's sheet row by row: every mapped cell converted into the field it feeds
(dates, founding years, lists fed by several columns), validated with the same rules as the
screens, each problem noted at its sheet, row and column; and the organizations and people that
cells name found. `foreign.SheetPlanner` builds on it to match and classify the rows."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time
from typing import Any

from sqlalchemy.orm import Session

from db.changes import registry, registry_events, registry_levels
from db.changes.dates import parse_date
from db.changes.fields import FieldInvalid
from db.exchange.imports import mapping as maps
from db.exchange.imports.matching import Match, NameIndex
from db.exchange.imports.plan import ImportOptions, Note
from db.exchange.reading.readers import CellError
from db.exchange.reading.values import as_founding, as_text
from db.store.translation import QT_TRANSLATE_NOOP, translate

# A visit and its parts: sheets of the Liaison workbook, named by the registry's kinds.
VISIT_PARTS = (registry.VISIT, registry.VISIT_MEMBER, registry.PROGRAMME_ITEM, registry.GIFT)
# A multilateral event and its parts, the same way.
EVENT_PARTS = registry_events.EVENT_ENTITIES
# The registry's aggregates a sheet can hold, by the import's word for each.
SCHEMAS = {"organization": registry.ORGANIZATION.schema, "person": registry.PERSON.schema,
           "interaction": registry.INTERACTION.schema, "followup": registry.FOLLOWUP.schema,
           "level change": registry_levels.LEVEL_CHANGE.schema,
           **{entity.name: entity.schema for entity in (*VISIT_PARTS, *EVENT_PARTS)}}
ENTITY_OF = {"organizations": "organization", "people": "person", "interactions": "interaction",
             "followups": "followup", "levels": "level change",
             **{entity.kind: entity.name for entity in (*VISIT_PARTS, *EVENT_PARTS)}}
# Fuzzy matching costs a scan of every name per row: worth it for a list of parties or people,
# not for a hundred thousand rows that carry ids or exact names.
FUZZY_ROW_LIMIT = 20_000
# The date fields as messages about their cells name them.
DATE_LABELS = {"due": QT_TRANSLATE_NOOP("Validation", "The due date"),
               "end": QT_TRANSLATE_NOOP("Validation", "The end date"),
               "day": QT_TRANSLATE_NOOP("Validation", "The day"),
               "invited_on": QT_TRANSLATE_NOOP("Validation", "The date of the invitation"),
               "replied_on": QT_TRANSLATE_NOOP("Validation", "The date of the reply"),
               "effective": QT_TRANSLATE_NOOP("Validation", "The date it took effect")}
# Fields whose normalized value depends on the cell alone, so a sheet's repeated values
# (kinds, countries, cities, dates) are normalized once; at most this many per column.
CACHE_LIMIT = 5000
_ROW_DEPENDENT = frozenset({"phone", "phones"})  # read in the record's country
_MISSING = object()


class CellReader:
    """The first half of a sheet planner: a row's cells → checked field values (the problems
    in `errors` and `warnings`), and the names written in cells → records."""

    def __init__(self, session: Session, sheet: str, kind: str, headers: Sequence[str],
                 mapping: dict[int, str], options: ImportOptions, data_rows: int) -> None:
        self.session = session
        self.sheet = sheet
        self.kind = kind
        self.entity = ENTITY_OF[kind]
        self.schema = SCHEMAS[self.entity]
        self.headers = headers
        self.mapping = mapping
        self.columns = {f: self.header(i) for i, f in mapping.items()}
        # A list field fed by several columns: its columns, to say which cell a problem is in.
        self.feeds = {f: [i for i in mapping if mapping[i] == f] for f in maps.LIST_FIELDS
                      if list(mapping.values()).count(f) > 1}
        self._cells: Sequence[Any] = ()
        self.options = options
        self.errors: list[Note] = []
        self.warnings: list[Note] = []
        self.allow_fuzzy = data_rows <= FUZZY_ROW_LIMIT
        self._organizations: NameIndex | None = None
        self._people: NameIndex | None = None
        self._resolved: dict[tuple[tuple[str, ...], str, str | None],
                             tuple[str, str] | Match] = {}
        self._cached: dict[str, dict[Any, Any]] = {
            name: {} for name in self.schema.fields if name not in _ROW_DEPENDENT}
        self._dates: dict[tuple[str, str], Any] = {}

    # -- indexes --------------------------------------------------------------------------
    @property
    def organizations(self) -> NameIndex:
        if self._organizations is None:
            self._organizations = NameIndex.load(self.session, "organization")
        return self._organizations

    @property
    def people(self) -> NameIndex:
        if self._people is None:
            self._people = NameIndex.load(self.session, "person")
        return self._people

    def share_indexes(self, other: CellReader) -> None:
        self._organizations = other._organizations
        self._people = other._people

    # -- notes ------------------------------------------------------------------------------
    def header(self, index: int) -> str:
        return self.headers[index] if index < len(self.headers) and self.headers[index] else \
            translate("Import", "column {number}").format(number=index + 1)

    def error(self, row: int, fieldname: str | None, message: str,
              column: str | None = None) -> None:
        self.errors.append(Note(self.sheet, row, column or self.columns.get(
            fieldname or "", fieldname), message))

    def warn(self, row: int, fieldname: str | None, message: str) -> None:
        self.warnings.append(Note(self.sheet, row, self.columns.get(fieldname or "", fieldname),
                                  message))

    # -- cells ------------------------------------------------------------------------------
    def cells(self, number: int, cells: Sequence[Any]) -> tuple[dict[str, Any], bool]:
        """Field → converted cell for the mapped columns; False when a cell could not be read."""
        raw: dict[str, Any] = {}
        ok = True
        self._cells = cells
        for index, name in self.mapping.items():
            value = cells[index] if index < len(cells) else None
            if isinstance(value, CellError):
                self.error(number, name, value.message)
                ok = False
                continue
            try:
                if name in maps.DATE_FIELDS:
                    raw[name] = self.date(name, value)
                elif name in maps.TIME_FIELDS and isinstance(value, datetime | time):
                    raw[name] = value  # a time cell: its field reads the time of day
                elif name == "founded":
                    raw[name] = as_founding(value, self.options.day_order)
                elif name in self.feeds:  # one list from several columns
                    raw[name] = maps.joined_cells(raw.get(name), maps.cell_text(
                        name, as_text(value)))
                else:
                    raw[name] = maps.cell_text(name, as_text(value))
            except FieldInvalid as exc:
                self.error(number, name, exc.message)
                ok = False
        for name, value in self.options.defaults.items():
            if raw.get(name) in (None, ""):
                raw[name] = value
        if "first_name" in raw or "last_name" in raw:
            joined = maps.full_name(raw.pop("first_name", None), raw.pop("last_name", None))
            if joined and not raw.get("name"):
                raw["name"] = joined
                self.columns.setdefault("name", self.columns.get("first_name", "name"))
        return raw, ok

    def date(self, name: str, value: Any) -> Any:
        """parse_date, remembered per text: a sheet repeats its dates a lot."""
        label = DATE_LABELS.get(name, QT_TRANSLATE_NOOP("Validation", "The date"))
        if value.__class__ is not str:
            return parse_date(value, self.options.day_order, label)
        key = (name, value)
        found = self._dates.get(key)
        if found is None:
            try:
                found = parse_date(value, self.options.day_order, label)
            except FieldInvalid as exc:
                found = exc
            self._dates[key] = found
        if isinstance(found, FieldInvalid):
            raise found
        return found

    def validate(self, number: int, data: dict[str, Any]) -> dict[str, Any] | None:
        """The schema's own rules (as recording.validate applies them to a new record), with
        every problem reported at its column; None when there is any."""
        schema = self.schema
        values: dict[str, Any] = {}
        failed: set[str] = set()
        session = self.session
        for name, normalizer in schema.fields.items():
            value = data.get(name)
            cache = self._cached.get(name)
            try:
                if cache is None or value.__class__ is not str:
                    values[name] = normalizer(session, value, values)
                else:
                    hit = cache.get(value, _MISSING)
                    if hit is _MISSING:
                        try:
                            hit = normalizer(session, value, values)
                        except FieldInvalid as exc:
                            hit = exc
                        if len(cache) < CACHE_LIMIT and not isinstance(hit, list):
                            cache[value] = hit
                    if isinstance(hit, FieldInvalid):
                        raise hit
                    values[name] = hit
            except FieldInvalid as exc:
                self.error(number, name, exc.message, self._culprit(name, normalizer, values))
                failed.add(name)
        for name in schema.required:
            if name not in failed and values.get(name) in (None, "", []):
                self.error(number, name, translate("Validation", "The {field} cannot be empty.")
                           .format(field=name.replace("_", " ")))
                failed.add(name)
        if failed:
            return None
        problems = [problem for check in schema.checks for problem in check(values)]
        for problem in problems:
            self.error(number, problem.field, problem.message)
        return None if problems else values

    def _culprit(self, name: str, normalizer: Any, values: dict[str, Any]) -> str | None:
        """Of the columns feeding one list, the first whose cell the field refuses."""
        for index in self.feeds.get(name, ()):
            value = self._cells[index] if index < len(self._cells) else None
            try:
                normalizer(self.session, maps.cell_text(name, as_text(value)), values)
            except FieldInvalid:
                return self.header(index)
        return None

    # -- references written by hand ----------------------------------------------------------
    def resolve(self, text_: str, country: str | None = None,
                kinds: tuple[str, ...] = ("organization",)) -> tuple[str, str] | Match:
        """An organization (or person) named in a cell → (entity, id), or the failed Match.
        Remembered per text: a sheet names the same partners again and again."""
        key = (kinds, text_, country)
        known = self._resolved.get(key)
        if known is not None:
            return known
        result: tuple[str, str] | Match = Match(())
        for kind in kinds:
            index = self.organizations if kind == "organization" else self.people
            match = index.resolve(text_, country, allow_fuzzy=self.allow_fuzzy)
            if not match.ids and country:
                match = index.resolve(text_, None, allow_fuzzy=False)
            if match.found:
                result = (kind, match.found)
                break
            result = match
            if match.ambiguous:
                break
        self._resolved[key] = result
        return result

    def describe(self, match: Match, kind: str) -> str:
        index = self.organizations if kind == "organization" else self.people
        names = [f"{index.names.get(i, i)}" + (f" ({index.country[i]})" if index.country.get(i)
                                               else "") for i in match.ids[:4]]
        return "; ".join(names)
