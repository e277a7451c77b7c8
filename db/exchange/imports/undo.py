"""Undoing an import batch, listing batches, and the report of skipped rows and problems."""


from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from db.changes import recording
from db.changes import rows as rows_path
from db.changes.batches import UndoResult, batch_to_undo
from db.changes.recording import Actor
from db.changes.rows import refresh_contact_stats
from db.exchange.imports.apply import ORDER, SCHEMA_OF, TAG_LINKS, _Applier
from db.exchange.imports.plan import Plan
from db.models import (
    Affiliation,
    FollowUp,
    ImportBatch,
    Interaction,
    Organization,
    Participation,
    Person,
    Tag,
    interaction_topics,
)
from db.models.base import utcnow
from db.store.engine import Database

MODELS: dict[str, Any] = {"organization": Organization, "person": Person, "position": Affiliation,
          "interaction": Interaction, "followup": FollowUp}


def undo_import(db: Database, batch_id: str, actor: Actor | None = None) -> UndoResult:
    """Take an import back in one transaction: records it created are removed (or, when
    edited since, moved to the deleted records), records it updated get their earlier values
    unless they were edited again since."""
    base = actor or Actor()
    actor = Actor(base.who, "undo", f"undo of import {batch_id}", None)
    kept: list[str] = []
    removed = restored = 0
    with db.transaction() as session:
        batch = batch_to_undo(session, batch_id, "import")
        data = json.loads(batch.undo_data or "{}")
        touched_orgs: set[str] = set()
        touched_people: set[str] = set()
        for item in reversed(data.get("updated", [])):
            schema = SCHEMA_OF[item["entity"]]
            obj = session.get(schema.model, item["id"])
            if obj is None or obj.deleted_at is not None or obj.version != item["version"]:
                kept.append(f"{schema.entity} {item['id']} was changed after the import; "
                            "its newer values were kept")
                continue
            own = {k: v for k, v in item["before"].items() if k in schema.fields}
            if own:
                recording.update(session, schema, item["id"], own, actor,
                                 expected_version=obj.version)
            links = {k: v for k, v in item["before"].items() if k not in schema.fields}
            if links:
                applier = _Applier(session, actor)
                diff = applier._update_links(item["entity"], obj, links)
                if diff:
                    recording.touch(session, schema, obj, actor, diff, obj.version)
                applier.finish()
            restored += 1
        for item in data.get("deleted", []):
            schema = SCHEMA_OF[item["entity"]]
            obj = session.get(schema.model, item["id"])
            if obj is not None and obj.deleted_at is not None:
                recording.restore(session, schema, item["id"], actor)
                restored += 1
                if item["entity"] == "interaction":
                    for org, person in session.execute(
                            select(Participation.organization_id, Participation.person_id)
                            .where(Participation.interaction_id == item["id"])):
                        if org:
                            touched_orgs.add(org)
                        if person:
                            touched_people.add(person)
        created: dict[str, list[str]] = data.get("created", {})
        for entity in reversed(ORDER):
            ids = created.get(entity, [])
            schema = SCHEMA_OF[entity]
            model = MODELS[entity]
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                edited = set(session.execute(select(model.id).where(
                    model.id.in_(chunk), model.version > 1)).scalars())
                if entity == "interaction":
                    for org, person in session.execute(
                            select(Participation.organization_id, Participation.person_id)
                            .where(Participation.interaction_id.in_(chunk))):
                        if org:
                            touched_orgs.add(org)
                        if person:
                            touched_people.add(person)
                for record_id in sorted(edited):
                    recording.soft_delete(session, schema, record_id, actor)
                    kept.append(f"{schema.entity} {record_id} was edited after the import; it "
                                "was moved to the deleted records instead of removed")
                plain = [i for i in chunk if i not in edited]
                if plain:
                    removed += _remove(session, entity, plain)
        leftover = [t for t in data.get("tags_created", []) if not _tag_used(session, t)]
        if leftover:
            rows_path.execute(session, delete(Tag).where(Tag.id.in_(leftover)))
        refresh_contact_stats(session, touched_orgs, touched_people)
        batch.status = "undone"
        batch.undone_at = utcnow()
        rows_path.flush(session)
    return UndoResult(batch_id, removed, restored, tuple(kept))


def _remove(session: Session, entity: str, ids: list[str]) -> int:
    model = MODELS[entity]
    if entity in TAG_LINKS:
        table, column = TAG_LINKS[entity]
        rows_path.execute(session, table.delete().where(table.c[column].in_(ids)))
    if entity == "interaction":
        rows_path.execute(session, delete(Participation).where(
            Participation.interaction_id.in_(ids)))
        rows_path.execute(session, interaction_topics.delete().where(
            interaction_topics.c.interaction_id.in_(ids)))
        rows_path.execute(session, update(FollowUp).where(FollowUp.interaction_id.in_(ids))
                        .values(interaction_id=None))
    result = rows_path.execute(session, delete(model).where(model.id.in_(ids))
                             .execution_options(synchronize_session=False))
    return int(getattr(result, "rowcount", 0) or 0)


def _tag_used(session: Session, tag_id: str) -> bool:
    for table, _column in TAG_LINKS.values():
        if session.execute(select(table.c.tag_id).where(table.c.tag_id == tag_id).limit(1)).first():
            return True
    return False


def write_report(plan: Plan, path: str | Path) -> Path:
    """The rows the import skipped and every problem, as a small workbook to fix and re-send."""
    from openpyxl import Workbook

    from db.exchange.workbook import is_formula_like

    def safe(value: Any) -> Any:
        return "'" + value if isinstance(value, str) and is_formula_like(value) else value

    target = Path(path)
    wb = Workbook()
    ws = wb.active
    ws.title = "Problems"
    ws.append(["severity", "sheet", "row", "column", "message"])
    for severity, notes in (("error", plan.errors), ("warning", plan.warnings)):
        for note in notes:
            ws.append([severity, safe(note.sheet), note.row, safe(note.column),
                       safe(note.message)])
    skipped = wb.create_sheet("Skipped rows")
    skipped.append(["sheet", "row", "action", "reason"])
    for row in plan.rows:
        if row.action in ("skip", "error", "conflict"):
            skipped.append([safe(row.sheet), row.row, row.action, safe(row.reason)])
    for sheet in (ws, skipped):
        sheet.freeze_panes = "A2"
        sheet.column_dimensions["E" if sheet is ws else "D"].width = 90
    wb.save(target)
    return target


def list_batches(db: Database, limit: int = 50) -> list[dict[str, Any]]:
    with db.reading() as session:
        rows = session.execute(select(ImportBatch).where(ImportBatch.kind == "import")
                               .order_by(ImportBatch.created_at.desc()).limit(limit)).scalars()
        return [{"id": b.id, "file_name": b.file_name, "at": b.created_at, "who": b.who,
                 "status": b.status, "counts": b.counts} for b in rows]
