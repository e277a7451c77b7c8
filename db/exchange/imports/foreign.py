"""Planning the import of a colleague's sheet (no Liaison ids, headers of their own): map the
columns, read every cell into the field it feeds, validate with the same rules as the screens,
match each row to an existing record, and classify it — without writing anything. Reading and
checking the cells is `cells.CellReader`'s part; this module matches each kind of row to the
records it means, and `classify` turns the matches into the plan's rows."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.changes.fields import FieldInvalid, country_code_for, split_list, text
from db.exchange.imports.cells import CellReader
from db.exchange.imports.classify import Pending, RowClassifier
from db.exchange.imports.matching import (
    UUID_TEXT,
    KeyIndex,
    Match,
    NameIndex,
    contact_keys,
    followup_key,
    interaction_key,
    live_ids,
    load_followup_keys,
    load_interaction_keys,
    reason_text,
)
from db.exchange.imports.plan import ImportOptions, RowPlan
from db.models import (
    Affiliation,
    FollowUp,
    Interaction,
    Organization,
    Person,
)
from db.models.base import new_id
from db.models.folding import CHINESE_SCRIPT_COUNTRIES, fold, has_han, has_latin
from db.models.vocabulary import PARTICIPATION_ROLES, lookup
from db.services.reference import topic_ids_for
from db.store.errors import LiaisonError, record_noun
from db.store.translation import QT_TRANSLATE_NOOP, translate

_role_text = text(200, label=QT_TRANSLATE_NOOP("Validation", "The role"))
_PARTICIPANT_SPLIT = re.compile(r"[;；、\n]")


class SheetPlanner(CellReader, RowClassifier):
    """Plans one sheet of one kind; `rows()` returns the RowPlans, `errors`/`warnings` the notes."""

    def __init__(self, session: Session, sheet: str, kind: str, headers: Sequence[str],
                 mapping: dict[int, str], options: ImportOptions, data_rows: int) -> None:
        super().__init__(session, sheet, kind, headers, mapping, options, data_rows)
        self._interaction_titles: dict[str, list[str]] = {}
        self._seen: dict[tuple[str, str], int] = {}
        self._patterns: dict[tuple[str, ...], frozenset[str]] = {}
        self._interaction_keys = KeyIndex()
        self._followup_keys = KeyIndex()

    # -- the kinds --------------------------------------------------------------------------
    def plan(self, rows: list[tuple[int, Sequence[Any]]],
             cancelled: Callable[[], bool] | None = None) -> list[RowPlan]:
        pending: list[Pending | RowPlan] = []
        builder = getattr(self, f"_plan_{self.kind}")
        if self.kind == "interactions":
            self._interaction_keys = self._load_interaction_keys(rows)
        elif self.kind == "followups":
            self._followup_keys = load_followup_keys(self.session)
        for count, (number, cells) in enumerate(rows):
            if cancelled is not None and count % 2000 == 0 and cancelled():
                raise LiaisonError(translate("Import", "The import was cancelled; nothing was "
                                                       "written."))
            rows[count] = (number, ())  # the cells are read: let them go
            before = len(self.errors)
            result = self.before_row(number, cells) or builder(number, cells)
            if result is None or len(self.errors) > before:
                pending.append(RowPlan(self.sheet, number, self.entity, "error",
                                       reason=self.errors[-1].message if self.errors else ""))
                continue
            pending.extend(result if isinstance(result, list) else [result])
        return self._finish(pending)

    def before_row(self, number: int, cells: Sequence[Any]) -> RowPlan | None:
        """A row's plan decided before its cells are read (the Liaison workbook's rows of
        records merged away); None for the row to be planned as its kind's rows are."""
        return None

    def _identity(self, number: int, data: dict[str, Any], model: Any,
                  index: NameIndex | KeyIndex | None) -> tuple[str, bool, str] | None:
        """(id, matched, reason) from an id cell; None when the row has no id."""
        given = data.get("id")
        if not given:
            return None
        text_ = str(given).strip().lower()
        if not UUID_TEXT.match(text_):
            self.error(number, "id", translate(
                "Import", "“{value}” is not a Liaison id; leave the id column empty for new "
                          "records.").format(value=given))
            return text_, False, ""
        live, deleted = live_ids(self.session, model, [text_])
        if text_ in deleted:
            self.error(number, "id", translate(
                "Import", "The {noun} with id {id} was deleted; restore it in Liaison first or "
                          "clear the id.").format(noun=record_noun(self.schema.entity), id=text_))
        if text_ in live:
            return text_, True, translate("Import", "same id")
        return text_, False, ""

    def _chinese_name(self, data: dict[str, Any], country_field: str) -> bool:
        """A sheet's one name column holding Chinese fills the Chinese name; it is also the name only
        where Chinese is the record's own script (China, Hong Kong, Macao, Taiwan) or the row
        has no other name. Returns True when the Chinese is a translation: a matched record
        then keeps its own name (the Chinese never overwrites an original-script name)."""
        name = data.get("name")
        if not isinstance(name, str) or not has_han(name) or has_latin(name):
            return False
        if "name_zh" in self.mapping.values():
            return False  # the sheet says which column is the Chinese name (a Liaison workbook)
        if data.get("name_zh") in (None, ""):
            data["name_zh"] = name
        country = data.get(country_field)
        code = country_code_for(self.session, str(country)) if country else None
        if code in CHINESE_SCRIPT_COUNTRIES:
            return False
        other = data.get("name_en")
        if other:
            data["name"] = other  # a new record's name until its own is known
        return True

    def _plan_organizations(self, number: int, cells: Sequence[Any]) -> Pending | None:
        data, ok = self.cells(number, cells)
        translated = self._chinese_name(data, "country")
        values = self.validate(number, data)
        if values is None or not ok:
            return None
        names = (values["name"], values.get("name_en"), values.get("name_zh"),
                 *values.get("aliases", []))
        identity = self._identity(number, data, Organization, self.organizations)
        if identity is not None:
            record_id, matched, reason = identity
        else:
            match = self.organizations.exact(names, values.get("abbreviation"),
                                             values.get("country"))
            if not match.ids and self.allow_fuzzy:
                match = self.organizations.fuzzy(values["name"], values.get("country"))
            if match.ambiguous:
                self.error(number, "name", translate(
                    "Import", "“{name}” matches {count} existing organizations ({records}); add "
                              "their id to the row or make the name more precise.").format(
                    name=values["name"], count=len(match.ids),
                    records=self.describe(match, "organization")))
                return None
            record_id, matched, reason = (match.found or new_id()), bool(match.found), \
                match.reason
        present = self._present(data)
        if translated and matched:
            present = present - {"name"}
        pending = Pending(number, "organization", record_id, matched, reason, values,
                          present, {"tags": split_list(data.get("tags"))})
        self._remember(pending, lambda: self.organizations.add(
            record_id, names, values.get("abbreviation"), values.get("country")))
        return pending

    def _plan_people(self, number: int, cells: Sequence[Any]) -> list[Any] | None:
        data, ok = self.cells(number, cells)
        translated = self._chinese_name(data, "nationality")
        values = self.validate(number, data)
        position = self._position(number, data) if data.get("organization") else {}
        if values is None or not ok or position is None:
            return None
        names = (values["name"], values.get("name_en"), values.get("name_zh"),
                 *values.get("aliases", []))
        identity = self._identity(number, data, Person, self.people)
        if identity is not None:
            record_id, matched, reason = identity
        else:
            match = self.people.exact(names, None, values.get("nationality"))
            if match.ambiguous and position:
                # Two people of the same name: the one already in this organization.
                members = set(self.session.execute(select(Affiliation.person_id).where(
                    Affiliation.organization_id == position["organization_id"],
                    Affiliation.person_id.in_(match.ids), Affiliation.deleted_at.is_(None))
                ).scalars())
                if len(members) == 1:
                    match = Match(tuple(members), reason_text(*match.basis, True)
                                  if match.basis is not None else match.reason)
            if not match.found:  # no name, or a name several people have: the address
                by_contact = self.people.by_contact(values["emails"], values["phones"])
                if not match.ids or by_contact.found in match.ids:
                    match = by_contact if by_contact.found else match
            if not match.ids and self.allow_fuzzy:
                match = self.people.fuzzy(values["name"], values.get("nationality"))
            if match.ambiguous:
                self.error(number, "name", translate(
                    "Import", "“{name}” matches {count} people ({records}); add their id to the "
                              "row.").format(name=values["name"], count=len(match.ids),
                                             records=self.describe(match, "person")))
                return None
            record_id, matched, reason = (match.found or new_id()), bool(match.found), \
                match.reason
        present = self._present(data)
        if translated and matched:
            present = present - {"name"}
        person = Pending(number, "person", record_id, matched, reason, values,
                         present, {"tags": split_list(data.get("tags"))})
        self._remember(person, lambda: self.people.add(
            record_id, names, None, values.get("nationality"),
            contacts=contact_keys(values["emails"], values["phones"])))
        result: list[Any] = [person]
        if position:
            position["person_id"] = record_id
            result.append(Pending(number, "position", new_id(), False, "", position,
                                  frozenset(position)))
        return result

    def _position(self, number: int, data: dict[str, Any]) -> dict[str, Any] | None:
        """The position a people row names: {} for none, None when the row is in error."""
        found = self.resolve(str(data["organization"]))
        if isinstance(found, Match):
            if found.ambiguous:
                self.error(number, "organization", translate(
                    "Import", "“{name}” matches several organizations ({records}); use its id.")
                    .format(name=data["organization"],
                            records=self.describe(found, "organization")))
                return None
            self.warn(number, "organization", translate(
                "Import", "No organization called “{name}”; the person is imported without this "
                          "position.").format(name=data["organization"]))
            return {}
        held = self.position_terms(number, data)
        if held is None:
            return None
        return {"organization_id": found[1], **held}

    def position_terms(self, number: int, data: dict[str, Any]) -> dict[str, Any] | None:
        """The role and dates of a position row, or None (reported) when they do not hold."""
        try:
            role = _role_text(self.session, data.get("role"), {})
        except FieldInvalid as exc:
            self.error(number, "role", exc.message)
            return None
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.error(number, "end", translate("Validation",
                                                "The end date is before the start date."))
            return None
        return {"role": role, "start": start, "end": end}

    def _load_interaction_keys(self, rows: Sequence[tuple[int, Sequence[Any]]]) -> KeyIndex:
        column = next((i for i, f in self.mapping.items() if f == "start"), None)
        dates: set[date] = set()
        if column is not None:
            for _number, cells in rows:
                value = cells[column] if column < len(cells) else None
                try:
                    day = self.date("start", value)
                except FieldInvalid:
                    continue
                if day:
                    dates.add(day)
        return load_interaction_keys(self.session, dates)

    def _plan_interactions(self, number: int, cells: Sequence[Any]) -> Pending | None:
        data, ok = self.cells(number, cells)
        if not data.get("kind"):
            data["kind"] = "other"
        values = self.validate(number, data)
        participants = self._participants(number, data)
        topics: list[str] = []
        if data.get("topics"):
            topics, unknown = topic_ids_for(self.session, split_list(data["topics"]))
            if unknown:
                self.warn(number, "topics", translate(
                    "Import", "Unknown topics left out: {topics} (add them under Settings → "
                              "Topics first).").format(topics=", ".join(unknown)))
        if values is None or not ok or participants is None:
            return None
        key = interaction_key(values["start"], values["title"])
        identity = self._identity(number, data, Interaction, None)
        if identity is not None:
            record_id, matched, reason = identity
        else:
            existing = self._interaction_keys.find(key)
            if len(existing) > 1:
                self.error(number, "title", translate(
                    "Import", "{count} interactions on {date} are called “{title}”; add the id of "
                              "the one you mean.").format(count=len(existing),
                                                          date=values["start"],
                                                          title=values["title"]))
                return None
            record_id = existing[0] if existing else new_id()
            matched = bool(existing)
            reason = translate("Import", "same date and title") if existing else ""
        links = {"participants": participants, "topics": topics,
                 "tags": split_list(data.get("tags"))}
        present = self._present(data, ("participants",) if participants else ())
        pending = Pending(number, "interaction", record_id, matched, reason, values, present,
                          links)
        self._remember(pending, lambda: self._interaction_keys.add(key, record_id))
        return pending

    def _participants(self, number: int, data: dict[str, Any]
                      ) -> list[tuple[str | None, str | None, str]] | None:
        cell = data.get("participants")
        wanted: list[tuple[str | None, str | None, str]] = []
        items = [" ".join(part.split()) for part in _PARTICIPANT_SPLIT.split(str(cell))] \
            if cell else []
        for item in dict.fromkeys(item for item in items if item):
            name, role = item, "participant"
            if item.endswith("]") and "[" in item:
                name, _, rest = item[:-1].rpartition("[")
                name = name.strip()
                code = lookup(PARTICIPATION_ROLES, rest.strip())
                if code is None:
                    self.warn(number, "participants", translate(
                        "Import", "“{role}” is not a participant role; {name} is recorded as a "
                                  "participant.").format(role=rest, name=name))
                role = code or "participant"
            found = self.resolve(name, None, ("organization", "person"))
            if isinstance(found, Match):
                if found.ambiguous:
                    self.error(number, "participants", translate(
                        "Import", "“{name}” matches several records ({records}); use the full "
                                  "name or the id.").format(
                        name=name, records=self.describe(found, "organization")))
                    return None
                self.warn(number, "participants", translate(
                    "Import", "No organization or person called “{name}”; left out of the "
                              "participants.").format(name=name))
                continue
            kind, record_id = found
            pair = (record_id, None, role) if kind == "organization" else (None, record_id, role)
            if not any(w[:2] == pair[:2] for w in wanted):
                wanted.append(pair)
        return wanted

    def _plan_followups(self, number: int, cells: Sequence[Any]) -> Pending | None:
        data, ok = self.cells(number, cells)
        own = {k: v for k, v in data.items() if k in self.schema.fields}
        if not self._followup_refs(number, data, own):
            return None
        values = self.validate(number, own)
        if values is None or not ok:
            return None
        key = followup_key(values["description"], values.get("due"))
        identity = self._identity(number, data, FollowUp, None)
        if identity is not None:
            record_id, matched, reason = identity
        else:
            existing = self._followup_keys.find(key)
            record_id = existing[0] if len(existing) == 1 else new_id()
            matched = len(existing) == 1
            reason = translate("Import", "same description and due date") if matched else ""
        present = self._present(data)
        present |= {"organization_id"} if "organization" in present else set()
        present |= {"interaction_id"} if "interaction" in present else set()
        pending = Pending(number, "followup", record_id, matched, reason, values, present)
        self._remember(pending, lambda: self._followup_keys.add(key, record_id))
        return pending

    def _followup_refs(self, number: int, data: dict[str, Any], own: dict[str, Any]) -> bool:
        """Resolve the organization and interaction a follow-up row names into `own`."""
        if data.get("organization"):
            found = self.resolve(str(data["organization"]))
            if isinstance(found, Match):
                text_ = (translate("Import", "“{name}” matches several organizations "
                                             "({records}).") if found.ambiguous
                         else translate("Import", "“{name}” is not an organization in Liaison."))
                self.error(number, "organization", text_.format(
                    name=data["organization"],
                    records=self.describe(found, "organization") if found.ambiguous else ""))
                return False
            own["organization_id"] = found[1]
        if data.get("interaction"):
            interaction = self._interaction_ref(str(data["interaction"]))
            if interaction is None:
                self.error(number, "interaction", translate(
                    "Import", "No single interaction is called “{name}”; use its id.").format(
                    name=data["interaction"]))
                return False
            own["interaction_id"] = interaction
        return True

    def _interaction_ref(self, text_: str) -> str | None:
        cleaned = text_.strip()
        if UUID_TEXT.match(cleaned):
            live, _ = live_ids(self.session, Interaction, [cleaned.lower()])
            return cleaned.lower() if live else None
        ids = self._interaction_titles.get(fold(cleaned))
        if ids is None:
            ids = list(self.session.execute(select(Interaction.id).where(
                func.lower(Interaction.title) == cleaned.lower(),
                Interaction.deleted_at.is_(None)).limit(2)).scalars())
            self._interaction_titles[fold(cleaned)] = ids
        return ids[0] if len(ids) == 1 else None
