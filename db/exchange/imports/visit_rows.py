"""Planning the rows of the Liaison workbook's visit sheets — visits, members, programme,
gifts. Each row's relations are found by id, with the readable name beside it (as on the
other sheets); a member, programme or gift row may name a visit added on the visits sheet of
the same file, by its title. A row without an id is matched on its aggregate's natural keys
(the entity registry's), so a row added twice is one record.

The rules of a visit that read other records (a programme day within its visit, a person in a
visit once) are checked over the whole plan afterwards (visit_plan.py): here the rows of one
sheet are known, there those of all four."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.changes import registry
from db.changes.fields import clean_text
from db.changes.recording import Schema
from db.exchange.imports.cells import VISIT_PARTS
from db.exchange.imports.classify import Pending
from db.exchange.imports.foreign import SheetPlanner
from db.exchange.imports.matching import UUID_TEXT
from db.exchange.imports.plan import ImportOptions
from db.models import Affiliation, ProgrammeItem, Visit, VisitMember
from db.models.base import new_id
from db.models.folding import fold
from db.store.errors import record_noun
from db.store.translation import QT_TRANSLATE_NOOP, translate

# The sheets of a visit, by the registry's word for each kind (its `kind`).
VISIT_KINDS = {entity.kind: entity for entity in VISIT_PARTS}
# The fields naming another record: the planner finds them, among the records in Liaison
# and the rows of this file, before the schema sees the row.
REFERENCES = frozenset({"visit_id", "person_id", "organization_id", "host_id", "guest_id",
                        "interaction_id"})
# The column beside an id column that names the record for a reader.
READABLE = {"visit_id": "visit", "person_id": "person", "organization_id": "organization",
            "host_id": "host", "guest_id": "guest", "interaction_id": "interaction"}
SAME_KEYS = QT_TRANSLATE_NOOP("Import", "same {fields}")


def _as_given(_session: Session, value: Any, _row: dict[str, Any]) -> str | None:
    return clean_text(value)


def trusting(schema: Schema) -> Schema:
    """The schema with its references taken as the planner found them."""
    return replace(schema, fields={name: _as_given if name in REFERENCES else normalizer
                                   for name, normalizer in schema.fields.items()})


class VisitIndex:
    """The visits a row may name: the live ones in Liaison and those planned in this file,
    by id and by folded title (a visit renamed in the file answers to both its titles)."""

    def __init__(self, session: Session) -> None:
        self.titles: dict[str, set[str]] = defaultdict(set)
        self.by_title: dict[str, set[str]] = defaultdict(set)
        self.shown: dict[str, str] = {}
        for record_id, title in session.execute(
                select(Visit.id, Visit.title).where(Visit.deleted_at.is_(None))):
            self.add(record_id, title)

    def add(self, record_id: str, title: str) -> None:
        folded = fold(title)
        self.titles[record_id].add(folded)
        self.by_title[folded].add(record_id)
        self.shown[record_id] = title

    def knows(self, record_id: str) -> bool:
        return record_id in self.titles

    def named(self, record_id: str, title: str) -> bool:
        return fold(title) in self.titles.get(record_id, ())

    def find(self, title: str) -> list[str]:
        return sorted(self.by_title.get(fold(title), ()))


class VisitSheetPlanner(SheetPlanner):
    """The visit sheets' part of the workbook's sheet planner."""

    def __init__(self, session: Session, sheet: str, kind: str, headers: Sequence[str],
                 mapping: dict[int, str], options: ImportOptions, data_rows: int) -> None:
        super().__init__(session, sheet, kind, headers, mapping, options, data_rows)
        if kind in VISIT_KINDS or kind == "followups":  # the follow-ups' too: see below
            self.schema = trusting(self.schema)
        self._visits: VisitIndex | None = None
        # Interactions new in this file (their ids are the file's): a follow-up or a
        # programme item may point at one by id.
        self.new_interactions: set[str] = set()
        # Rows without an id, by their natural keys: a second such row is the same record.
        self._keys: dict[tuple[Any, ...], str] = {}
        # The next place in a list (a visit's members, a day's items) for a row added to it.
        self._next: dict[tuple[Any, ...], int] = {}

    @property
    def visits(self) -> VisitIndex:
        if self._visits is None:
            self._visits = VisitIndex(self.session)
        return self._visits

    def share_indexes(self, other: Any) -> None:
        super().share_indexes(other)
        if isinstance(other, VisitSheetPlanner):
            self._visits = other._visits
            self.new_interactions = other.new_interactions

    # A follow-up's organization and interaction are found the same way (roundtrip.py), so
    # one may be new in this file as well.
    def _by_id_or_name(self, number: int, data: dict[str, Any], id_field: str, name_field: str,
                       kind: str) -> str | bool | None:
        raise NotImplementedError  # the workbook's planner finds organizations and people

    # -- references -------------------------------------------------------------------------
    def _interaction_ref(self, text_: str) -> str | None:
        cleaned = text_.strip().lower()
        if cleaned in self.new_interactions:
            return cleaned
        return super()._interaction_ref(text_)

    def _visit_ref(self, number: int, data: dict[str, Any]) -> str | None:
        """The visit a row belongs to: its id, unless the title beside it names another;
        by title alone for a visit added in this file. None (reported) when there is none."""
        given = str(data.get("visit_id") or "").strip().lower()
        title = clean_text(data.get("visit"))
        index = self.visits
        if given and index.knows(given) and (not title or index.named(given, title)):
            return given
        if given and not title:
            self.error(number, "visit_id", translate("Records", "There is no {noun} with id "
                                                                "{id}.")
                       .format(noun=record_noun("visit"), id=given))
            return None
        if not title:
            self.error(number, "visit", translate(
                "Import", "Name the visit this row belongs to: its id in visit_id, or its "
                          "title in visit."))
            return None
        found = index.find(title)
        if len(found) == 1:
            return found[0]
        if found:
            self.error(number, "visit", translate(
                "Import", "“{name}” matches several records ({records}); use the id.").format(
                name=title, records="; ".join(found[:4])))
        else:
            self.error(number, "visit", translate(
                "Import", "“{name}” is not a visit in Liaison or on the visits sheet of this "
                          "file.").format(name=title))
        return None

    def _people_refs(self, number: int, data: dict[str, Any], own: dict[str, Any]) -> bool:
        """A member's or a gift's person and organization, by id or name, into `own`."""
        person = self._by_id_or_name(number, data, "person_id", "person", "person")
        organization = self._by_id_or_name(number, data, "organization_id", "organization",
                                           "organization")
        if person is False or organization is False:
            return False
        own["person_id"], own["organization_id"] = person or None, organization or None
        return True

    def _own(self, data: dict[str, Any]) -> dict[str, Any]:
        return {name: value for name, value in data.items() if name in self.schema.fields}

    def _with_readable(self, present: frozenset[str]) -> frozenset[str]:
        """A readable column mapped stands for its id field (the sheet may lack the id)."""
        extra = {field for field, column in READABLE.items()
                 if column in present and field in self.schema.fields}
        return present | extra if extra - present else present

    # -- identity ---------------------------------------------------------------------------
    def _which(self, number: int, data: dict[str, Any], values: dict[str, Any]
               ) -> tuple[str, bool, str]:
        """(id, matched, reason): by the id cell, else by the registry's natural keys among
        the live records and the rows of this sheet planned before."""
        model = self.schema.model
        identity = self._identity(number, data, model, None)
        if identity is not None:
            return identity
        entity = registry.entity(self.schema.entity)
        keys = entity.natural_keys
        key = (self.kind, *(values.get(name) for name in keys))
        earlier = self._keys.get(key)
        if earlier is not None:
            return earlier, False, ""
        statement = select(model.id).where(model.deleted_at.is_(None)).limit(2)
        for name in keys:
            column = getattr(model, self.schema.attribute(name))
            value = values.get(name)
            statement = statement.where(column.is_(None) if value is None else column == value)
        found = self.session.execute(statement).scalars().all()
        if len(found) == 1:
            return found[0], True, translate("Import", SAME_KEYS).format(
                fields=", ".join(READABLE.get(name, name) for name in keys))
        record_id = new_id()
        self._keys[key] = record_id
        return record_id, False, ""

    def _place(self, list_key: tuple[Any, ...], model: Any, *conditions: Any) -> int:
        """The next place at the end of a list for a row added to it."""
        if list_key not in self._next:
            last = self.session.execute(select(func.max(model.position)).where(
                model.deleted_at.is_(None), *conditions)).scalar()
            self._next[list_key] = 0 if last is None else int(last) + 1
        place = self._next[list_key]
        self._next[list_key] = place + 1
        return place

    def _pending(self, number: int, data: dict[str, Any], values: dict[str, Any]) -> Pending:
        record_id, matched, reason = self._which(number, data, values)
        pending = Pending(number, self.entity, record_id, matched, reason, values,
                          self._with_readable(self._present(data)))
        self._remember(pending, lambda: None)
        return pending

    # -- the sheets -------------------------------------------------------------------------
    def _plan_visits(self, number: int, cells: Sequence[Any]) -> Pending | None:
        data, ok = self.cells(number, cells)
        own = self._own(data)
        host = self._by_id_or_name(number, data, "host_id", "host", "organization")
        guest = self._by_id_or_name(number, data, "guest_id", "guest", "organization")
        if host is False or guest is False:
            return None
        own["host_id"], own["guest_id"] = host or None, guest or None
        values = self.validate(number, own)
        if values is None or not ok:
            return None
        pending = self._pending(number, data, values)
        if not pending.skip:
            self.visits.add(pending.id, values["title"])
        return pending

    def _plan_members(self, number: int, cells: Sequence[Any]) -> Pending | None:
        data, ok = self.cells(number, cells)
        own = self._own(data)
        visit = self._visit_ref(number, data)
        if not self._people_refs(number, data, own) or visit is None:
            return None
        own["visit_id"] = visit
        values = self.validate(number, own)
        if values is None or not ok:
            return None
        pending = self._pending(number, data, values)
        if not pending.matched:
            values.update(self._held_position(values))
            values["position"] = self._place(("members", visit), VisitMember,
                                             VisitMember.visit_id == visit)
        return pending

    def _held_position(self, values: dict[str, Any]) -> dict[str, Any]:
        """A new member's organization and title, where the row leaves them empty: those of
        the position the person holds now (as a member added on the visit page gets)."""
        if not values.get("person_id") or (values.get("organization_id") and values.get("title")):
            return {}
        found = self.session.execute(select(Affiliation.organization_id, Affiliation.role).where(
            Affiliation.person_id == values["person_id"], Affiliation.deleted_at.is_(None),
            Affiliation.end.is_(None)).order_by(Affiliation.start.desc().nulls_last())).first()
        if found is None:
            return {}
        return {"organization_id": values.get("organization_id") or found[0],
                "title": values.get("title") or found[1]}

    def _plan_programme(self, number: int, cells: Sequence[Any]) -> Pending | None:
        data, ok = self.cells(number, cells)
        own = self._own(data)
        visit = self._visit_ref(number, data)
        interaction = self._meeting_ref(number, data)
        if visit is None or interaction is False:
            return None
        own["visit_id"], own["interaction_id"] = visit, interaction
        values = self.validate(number, own)
        if values is None or not ok:
            return None
        pending = self._pending(number, data, values)
        if data.get("position") not in (None, ""):
            return pending
        if pending.matched:  # no place given: the item stays where it is
            pending.present = pending.present - {"position"}
        else:
            day: date = values["day"]
            values["position"] = self._place(("programme", visit, day), ProgrammeItem,
                                             ProgrammeItem.visit_id == visit,
                                             ProgrammeItem.day == day)
        return pending

    def _meeting_ref(self, number: int, data: dict[str, Any]) -> str | bool | None:
        """The interaction recording a programme item: by its id (the title beside it is for
        reading); by its title when the id cell is empty."""
        given = str(data.get("interaction_id") or "").strip()
        title = clean_text(data.get("interaction"))
        if given:
            found = self._interaction_ref(given) if UUID_TEXT.match(given) else None
            if found is None:
                self.error(number, "interaction_id", translate(
                    "Records", "There is no {noun} with id {id}.").format(
                    noun=record_noun("interaction"), id=given))
                return False
            return found
        if title:
            found = self._interaction_ref(title)
            if found is None:
                self.error(number, "interaction", translate(
                    "Import", "No single interaction is called “{name}”; use its id.").format(
                    name=title))
                return False
            return found
        return None

    def _plan_gifts(self, number: int, cells: Sequence[Any]) -> Pending | None:
        data, ok = self.cells(number, cells)
        own = self._own(data)
        visit = self._visit_ref(number, data)
        if not self._people_refs(number, data, own) or visit is None:
            return None
        own["visit_id"] = visit
        values = self.validate(number, own)
        if values is None or not ok:
            return None
        return self._pending(number, data, values)
