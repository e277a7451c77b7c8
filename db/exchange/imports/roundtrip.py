"""Bringing a Liaison workbook back: rows carry their record's id and the hidden `_rev`
fingerprint of the row as exported, which gives a three-way comparison for every row —
unchanged, changed in the file, changed in Liaison since the export (kept), or changed in both
(a conflict, shown field by field and left for the user)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.changes.fields import FieldInvalid, text
from db.changes.numbers import yes_no
from db.changes.recording import from_json
from db.exchange.export import rows as exported
from db.exchange.export.links import Names
from db.exchange.imports.classify import Pending
from db.exchange.imports.event_plan import check_event_rows
from db.exchange.imports.event_rows import EVENT_KINDS
from db.exchange.imports.foreign import SheetPlanner
from db.exchange.imports.level_rows import check_level_rows
from db.exchange.imports.matching import UUID_TEXT, Match
from db.exchange.imports.merged import MergedSheetPlanner
from db.exchange.imports.plan import (
    Action,
    Change,
    FieldConflict,
    ImportOptions,
    Note,
    Plan,
    RowPlan,
)
from db.exchange.imports.visit_plan import check_visit_rows
from db.exchange.imports.visit_rows import VISIT_KINDS
from db.exchange.reading.readers import Table
from db.exchange.reading.source import SourceFile
from db.exchange.workbook import (
    REV_COLUMN,
    SHEET_NAMES,
    SHEETS,
    canonical,
    fingerprint,
    participant_text,
)
from db.models import (
    Affiliation,
    ChangeLog,
    FollowUp,
    Interaction,
    LevelChange,
    Meta,
    Organization,
    Person,
)
from db.models.base import new_id
from db.models.folding import fold
from db.services.affiliations import SCHEMA as AFFILIATION_SCHEMA
from db.store.engine import Database
from db.store.errors import LiaisonError, record_noun
from db.store.translation import QT_TRANSLATE_NOOP, translate

_role_text = text(200, label=QT_TRANSLATE_NOOP("Validation", "The role"))
_leader = yes_no(QT_TRANSLATE_NOOP("Validation", "Leader of the party"))
# A visit's or an event's parts: sheets of the same name as their kind.
PARTS = {**VISIT_KINDS, **EVENT_KINDS}
KIND_OF_SHEET = {"organizations": "organizations", "levels": "levels", "people": "people",
                 "positions": "positions", "interactions": "interactions",
                 "followups": "followups", **{kind: kind for kind in PARTS}}


def exported_value(value: Any) -> Any:
    """A cell as read back, in the form the exporter fingerprinted it."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, datetime) and value.time() == time():
        return value.date()
    if value == "":
        return None
    return value


class WorkbookSheetPlanner(MergedSheetPlanner):
    def __init__(self, session: Session, sheet: str, kind: str, headers: Sequence[str],
                 mapping: dict[int, str], options: ImportOptions, data_rows: int,
                 revs: dict[int, tuple[str, list[Any]]],
                 exported_at: datetime | None = None) -> None:
        super().__init__(session, sheet, "people" if kind == "positions" else kind, headers,
                         mapping, options, data_rows)
        self.kind = kind
        if kind == "positions":
            self.entity = "position"
            self.schema = AFFILIATION_SCHEMA
        self.revs = revs
        self.exported_at = exported_at
        self._exported: dict[str, tuple[list[Any], int]] | None = None
        self._since: dict[str, dict[str, Any]] | None = None

    # -- relation columns: the id wins unless the readable name beside it was edited ----------
    def _by_id_or_name(self, number: int, data: dict[str, Any], id_field: str, name_field: str,
                       kind: str) -> str | bool | None:
        index = self.organizations if kind == "organization" else self.people
        given = str(data.get(id_field) or "").strip().lower()
        name = data.get(name_field)
        survivor = self.survivor(given, name, index.names) if given else None
        if survivor is not None and index.knows(survivor):
            return survivor  # merged into it since the export
        if given and UUID_TEXT.match(given) and index.knows(given) and (
                not name or fold(str(name)) == fold(index.names.get(given, ""))):
            return given
        if given and not name:
            self.error(number, id_field, translate("Records", "There is no {noun} with id {id}.")
                       .format(noun=record_noun(kind), id=given))
            return False
        if not name:
            return None
        found = self.resolve(str(name), None, (kind,))
        if isinstance(found, Match):
            if found.ambiguous:
                problem = translate("Import", "“{name}” matches several records ({records}); "
                                              "use the id.")
            elif kind == "organization":
                problem = translate("Import", "“{name}” is not an organization in Liaison.")
            else:
                problem = translate("Import", "“{name}” is not a person in Liaison.")
            self.error(number, name_field, problem.format(
                name=name, records=self.describe(found, kind) if found.ambiguous else ""))
            return False
        return found[1]

    def _participants(self, number: int, data: dict[str, Any]
                      ) -> list[tuple[str | None, str | None, str]] | None:
        ids_cell = str(data.get("participant_ids") or "").strip()
        from_ids: list[tuple[str | None, str | None, str]] = []
        readable: list[str] = []
        ok = bool(ids_cell)
        for item in filter(None, (part.strip() for part in ids_cell.split(";"))):
            kind, _, rest = item.partition(":")
            record_id, _, role = rest.partition(":")
            index = self.organizations if kind == "organization" else self.people
            record_id, shown = self.participant(kind, record_id)
            if kind not in ("organization", "person") or not index.knows(record_id):
                ok = False
                break
            from_ids.append((record_id, None, role) if kind == "organization"
                            else (None, record_id, role))
            readable.append(participant_text(shown, role))
        text_cell = " ".join(str(data.get("participants") or "").split())
        if ok and text_cell == " ".join("; ".join(readable).split()):
            return from_ids
        return super()._participants(number, data)

    def _followup_refs(self, number: int, data: dict[str, Any], own: dict[str, Any]) -> bool:
        organization = self._by_id_or_name(number, data, "organization_id", "organization",
                                           "organization")
        if organization is False:
            return False
        own["organization_id"] = organization
        given = str(data.get("interaction_id") or "").strip().lower()
        if given:
            own["interaction_id"] = self._interaction_ref(given)
            if own["interaction_id"] is None:
                self.error(number, "interaction_id", translate(
                    "Records", "There is no {noun} with id {id}.").format(
                    noun=record_noun("interaction"), id=given))
                return False
        elif data.get("interaction"):
            return super()._followup_refs(number, {"interaction": data["interaction"]}, own)
        else:
            own["interaction_id"] = None
        return True

    def _plan_positions(self, number: int, cells: Sequence[Any]) -> Pending | None:
        data, ok = self.cells(number, cells)
        person = self._by_id_or_name(number, data, "person_id", "person", "person")
        organization = self._by_id_or_name(number, data, "organization_id", "organization",
                                           "organization")
        if person is None:
            self.error(number, "person", translate("Import", "A position needs the person it "
                                                             "belongs to."))
        if organization is None:
            self.error(number, "organization", translate("Import", "A position needs its "
                                                                   "organization."))
        if not ok or not person or not organization:
            return None
        held = self.position_terms(number, data)
        if held is None:
            return None
        values = {"person_id": person, "organization_id": organization, **held}
        if "leader" in data:
            try:
                values["leader"] = _leader(self.session, data["leader"], values)
            except FieldInvalid as exc:
                self.error(number, "leader", exc.message)
                return None
        identity = self._identity(number, data, Affiliation, None)
        record_id, matched, reason = identity if identity else (new_id(), False, "")
        present = frozenset({"person_id", "organization_id"}) | (self._present(data) & set(values))
        return Pending(number, "position", record_id, matched, reason, values, present)

    # -- three-way comparison ----------------------------------------------------------------
    def exported_rows(self) -> dict[str, tuple[list[Any], int]]:
        if self._exported is None:
            reader = exported.READERS[self.sheet]
            wanted = {item.id for item in self._matched}
            self._exported = {values[0]: (values, version)
                              for values, version in reader(self.session,
                                                            Names(self.session))
                              if values[0] in wanted}
        return self._exported

    def _finish(self, pending: list[Pending | RowPlan]) -> list[RowPlan]:
        self._matched = [p for p in pending if isinstance(p, Pending) and p.matched]
        return super()._finish(pending)

    def changed_since_export(self, record_id: str) -> dict[str, Any] | None:
        """Fields Liaison changed on this record since the export, each with its value at
        export time (the `old` of its first change after it); None when the export time is
        unknown."""
        if self.exported_at is None:
            return None
        if self._since is None:
            self._since = {}
            ids = sorted({item.id for item in self._matched})
            for start in range(0, len(ids), 500):
                for entity_id, name, old in self.session.execute(
                        select(ChangeLog.entity_id, ChangeLog.field, ChangeLog.old)
                        .where(ChangeLog.entity_id.in_(ids[start:start + 500]),
                               ChangeLog.at >= self.exported_at)
                        .order_by(ChangeLog.at, ChangeLog.id)):
                    fields = self._since.setdefault(entity_id, {})
                    if name not in fields and name not in ("created", "deleted", "restored"):
                        fields[name] = from_json(old)
        return self._since.get(record_id, {})

    def _judge(self, item: Pending, action: Action, changes: list[Change], reason: str,
               version: int) -> tuple[Action, list[Change], str, list[FieldConflict]]:
        rev = self.revs.get(item.row)
        if rev is None or not rev[0]:
            return action, changes, reason, []
        file_rev, file_values = rev
        now = self.exported_rows().get(item.id)
        if now is None:
            return action, changes, reason, []
        if fingerprint(now[0], now[1]) == file_rev:
            return action, changes, (translate("Import", "Changed in the file.") if changes
                                     else reason), []
        # Liaison changed the record since the export.
        since = self.changed_since_export(item.id)
        if not since:
            # No field-level history (bulk-loaded data, or a related record renamed): compare
            # whole rows. A file row as exported means Liaison's newer record stays.
            if not changes or any(fingerprint(file_values, v) == file_rev
                                  for v in range(now[1], 0, -1)):
                return "unchanged", [], translate("Import", KEPT), []
            since = {c.field: _UNKNOWN for c in changes}
        write: list[Change] = []
        open_: list[FieldConflict] = []
        for change in changes:
            if change.field not in since:
                write.append(change)  # changed in the file only
                continue
            exported = since[change.field]
            if exported is not _UNKNOWN and same(change.after, exported):
                continue  # the file kept the exported value: Liaison's change stays
            pick = self.options.resolutions.get((item.id, change.field),
                                                self.options.conflict_default)
            if pick == "file":
                write.append(change)
            elif pick is None:
                open_.append(FieldConflict(change.field,
                                           None if exported is _UNKNOWN else exported,
                                           change.after, change.before))
        if open_:
            fields = ", ".join(c.field for c in open_)
            why = translate("Import", "Changed both in the file and in Liaison since the export "
                                      "({fields}); those fields are left as they are until you "
                                      "choose.").format(fields=fields)
            return ("update" if write else "conflict"), write, why, open_
        if write:
            kept = set(since) - {c.field for c in write}
            why = (translate("Import", "Changed in the file; Liaison's own changes since the "
                                       "export are kept.")
                   if kept else translate("Import", "Changed in the file."))
            return "update", write, why, []
        return "unchanged", [], translate("Import", KEPT), []


KEPT = QT_TRANSLATE_NOOP("Import", "Changed in Liaison since the export; Liaison's version is "
                                   "kept.")
_UNKNOWN = object()


def canonical_value(value: Any) -> Any:
    """Values from the plan, the database and the change log (JSON) in one comparable form."""
    if value in (None, "", [], ()):
        return None
    if isinstance(value, list | tuple | set | frozenset):
        items = [canonical_value(v) for v in value]
        return sorted(repr(v) for v in items)
    if isinstance(value, date):
        return value.isoformat()[:10]
    return value


def same(a: Any, b: Any) -> bool:
    return bool(canonical_value(a) == canonical_value(b))


def _mapping_for(headers: list[str], kind: str) -> dict[int, str]:
    spec = next(s for s in SHEETS if s.name == kind)
    return {i: h for i, h in enumerate(headers) if h in spec.columns}


MODELS: dict[str, Any] = {"organizations": Organization, "levels": LevelChange,
                          "people": Person,
                          "positions": Affiliation, "interactions": Interaction,
                          "followups": FollowUp,
                          **{kind: entity.model for kind, entity in PARTS.items()}}
# The columns naming a row of a visit's or an event's sheets, the first one filled.
VISIT_LABELS = {"visits": ("title",), "members": ("person", "organization"),
                "programme": ("title",), "gifts": ("description",),
                "events": ("name",), "sessions": ("title",),
                "invitations": ("organization", "person"), "delegates": ("person",),
                "levels": ("organization",)}
ENTITY_OF_SHEET = {"organizations": "organization", "levels": "level change",
                   "people": "person",
                   "positions": "position", "interactions": "interaction",
                   "followups": "followup",
                   **{kind: entity.name for kind, entity in PARTS.items()}}


def workbook_facts(source: SourceFile) -> tuple[datetime | None, str | None]:
    """When the workbook was exported and from which database, from its README sheet."""
    exported, database, _event = _facts(source)
    return exported, database


def _facts(source: SourceFile) -> tuple[datetime | None, str | None, str | None]:
    """When the workbook was exported, from which database, and the one event it holds."""
    try:
        rows = source.read("README", limit=40).rows
    except LiaisonError:
        return None, None, None
    facts = {str(row[0]).strip(): row[1] for row in rows if len(row) > 1 and row[0]}
    exported: datetime | None = None
    value = facts.get("Exported (UTC)")
    if isinstance(value, datetime):
        exported = value.replace(tzinfo=UTC)
    elif isinstance(value, str):
        try:
            exported = datetime.fromisoformat(value.strip()).replace(tzinfo=UTC)
        except ValueError:
            exported = None
    database = facts.get("Database id")
    event = str(facts.get("Event") or "").partition(":")[0].strip().lower() or None
    return exported, str(database).strip() if database else None, event


def _proposed_deletions(session: Session, sheet: str, present: set[str],
                        exported_at: datetime, event: str | None = None) -> list[RowPlan]:
    """Live records that existed at export time but whose rows are gone from the sheet (of
    the one event a narrowed workbook holds, when it holds one)."""
    model = MODELS[sheet]
    if event is not None and sheet not in EVENT_KINDS:
        return []
    if sheet in PARTS or sheet == "levels":
        # Of a visit's parts, those the workbook holds (of live visits; a member of a live
        # person), as the export chooses them, named as the sheet names them.
        spec = SHEET_NAMES[sheet]
        label_at = [spec.columns.index(c) for c in VISIT_LABELS[sheet]]
        shown = {values[0]: (f"{values[2]}: {values[3]} ({canonical(values[4])})"
                             if sheet == "levels"  # the organization, the level, the day
                             else next((values[i] for i in label_at if values[i]), None))
                 for values, _version in exported.READERS[sheet](session,
                                                                 Names(session, event))}
        rows = [(key, shown[key]) for key in session.execute(select(model.id).where(
            model.deleted_at.is_(None), model.created_at <= exported_at)).scalars()
            if key in shown]
    else:
        label = getattr(model, {"interactions": "title", "followups": "description",
                                "positions": "role"}.get(sheet, "name"))
        rows = [(key, name) for key, name in session.execute(select(model.id, label).where(
            model.deleted_at.is_(None), model.created_at <= exported_at))]
    return [RowPlan(sheet, 0, ENTITY_OF_SHEET[sheet], "delete", record_id,
                    {"name": name or record_id},
                    reason=translate("Import", "Not in the sheet any more: {name}").format(
                        name=name or record_id))
            for record_id, name in rows if record_id not in present]


def _namer(planner: SheetPlanner) -> Callable[[str | None], str]:
    """A person's or an organization's name by id, those new in the file included."""
    def named(record_id: str | None) -> str:
        key = record_id or ""
        return (planner.people.names.get(key) or planner.organizations.names.get(key)
                or key)
    return named


def plan_workbook(db: Database, source: SourceFile, options: ImportOptions, checksum: str,
                  cancelled: Callable[[], bool] | None = None) -> Plan:
    available = {sheet.name for sheet in source.sheets}
    wanted = [spec for spec in SHEETS if spec.name in available]
    if not wanted:
        raise LiaisonError(translate(
            "Import", "{file} has none of the Liaison workbook's sheets (organizations, people, "
                      "positions, interactions, followups).").format(file=source.path.name))
    rows: list[RowPlan] = []
    errors: list[Note] = []
    warnings: list[Note] = []
    exported_when, database_id, one_event = _facts(source)
    # Ids in the file win, and each row is compared with what was exported: an emptied cell
    # means the user emptied it.
    options = ImportOptions(kind="workbook", on_duplicate="update", clear_empty=True,
                            skip_invalid=options.skip_invalid, day_order=options.day_order,
                            resolutions=options.resolutions,
                            conflict_default=options.conflict_default,
                            apply_deletions=options.apply_deletions)
    previous: SheetPlanner | None = None
    with db.reading() as session:
        here = session.get(Meta, "database_id")
        if database_id and here is not None and here.value != database_id:
            warnings.append(Note("README", None, None, translate(
                "Import", "This workbook was exported from another Liaison database ({id}); its "
                          "rows are matched by id and by name.").format(id=database_id)))
        for spec in wanted:
            table: Table = source.read(spec.name, cancelled=cancelled)
            if not table.rows:
                continue
            headers = ["" if h is None else str(h).strip() for h in table.rows[0]]
            missing = [c for c in ("id", *spec.columns[1:3]) if c not in headers]
            if missing:
                errors.append(Note(spec.name, 1, None, translate(
                    "Import", "The header row lacks the columns {columns}; was it changed?")
                    .format(columns=", ".join(missing))))
                continue
            mapping = _mapping_for(headers, spec.name)
            rev_at = headers.index(REV_COLUMN) if REV_COLUMN in headers else None
            id_at = headers.index("id")
            exported_at = [headers.index(c) if c in headers else len(headers)
                           for c in spec.columns]
            data: list[tuple[int, Sequence[Any]]] = []
            revs: dict[int, tuple[str, list[Any]]] = {}
            present: set[str] = set()
            for number, cells in enumerate(table.rows[1:], start=2):
                if not any(cell not in (None, "") for cell in cells):
                    continue
                data.append((number, cells))
                if id_at < len(cells) and cells[id_at]:
                    present.add(str(cells[id_at]).strip().lower())
                if rev_at is not None and rev_at < len(cells) and cells[rev_at]:
                    revs[number] = (str(cells[rev_at]), [
                        exported_value(cells[i]) if i < len(cells) else None
                        for i in exported_at])
            if data:
                planner = WorkbookSheetPlanner(session, spec.name, KIND_OF_SHEET[spec.name],
                                               headers, mapping, options, len(data), revs,
                                               exported_when)
                if previous is not None:  # rows of one sheet may name records new in another
                    planner.share_indexes(previous)
                previous = planner
                planned = planner.plan(data, cancelled)
                if planner.entity == "interaction":
                    planner.new_interactions.update(
                        row.id for row in planned if row.action == "create" and row.id)
                rows.extend(planned)
                errors.extend(planner.errors)
                warnings.extend(planner.warnings)
            if exported_when is not None and (database_id is None or here is None
                                              or here.value == database_id):
                rows.extend(_proposed_deletions(session, spec.name, present, exported_when,
                                                one_event))
        if previous is not None:
            rows, found = check_visit_rows(session, rows, options, _namer(previous))
            errors.extend(found)
            rows, found = check_event_rows(session, rows, options, _namer(previous))
            errors.extend(found)
            rows, found = check_level_rows(session, rows, options)
            errors.extend(found)
    return Plan(source.path.name, checksum, source.format, "workbook",
                tuple(spec.name for spec in wanted), 1, (), {}, options, tuple(rows),
                tuple(errors), tuple(warnings))
