"""Undoing an import (the one undo of db/changes/undo.py, for batches of kind "import"), the
list of imports, and the report of skipped rows and problems."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from db.changes.batches import list_batches as batches
from db.changes.recording import Actor
from db.changes.undo import UndoResult, undo_batch
from db.exchange.imports.plan import Plan
from db.store.engine import Database
from db.store.translation import QT_TRANSLATE_NOOP, translate

# The words of the report (its sheet names stay as they are): severities and what became of a
# row, translated where written.
REPORT_WORDS = {"error": QT_TRANSLATE_NOOP("Import", "error"),
                "warning": QT_TRANSLATE_NOOP("Import", "warning"),
                "skip": QT_TRANSLATE_NOOP("Import", "skip"),
                "conflict": QT_TRANSLATE_NOOP("Import", "conflict")}


def _word(code: str) -> str:
    known = REPORT_WORDS.get(code)
    return translate("Import", known) if known else code


def undo_import(db: Database, batch_id: str, actor: Actor | None = None) -> UndoResult:
    """Take an import back in one transaction: records it created are removed (or, when
    edited since, moved to the deleted records), fields it changed get their earlier values
    unless they were changed again since."""
    return undo_batch(db, batch_id, actor, kind="import")


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
    ws.append([translate("Import", "severity"), translate("Import", "sheet"),
               translate("Import", "row"), translate("Import", "column"),
               translate("Import", "message")])
    for severity, notes in (("error", plan.errors), ("warning", plan.warnings)):
        for note in notes:
            ws.append([_word(severity), safe(note.sheet), note.row, safe(note.column),
                       safe(note.message)])
    skipped = wb.create_sheet("Skipped rows")
    skipped.append([translate("Import", "sheet"), translate("Import", "row"),
                    translate("Import", "action"), translate("Import", "reason")])
    for row in plan.rows:
        if row.action in ("skip", "error", "conflict"):
            skipped.append([safe(row.sheet), row.row, _word(row.action), safe(row.reason)])
    for sheet in (ws, skipped):
        sheet.freeze_panes = "A2"
        sheet.column_dimensions["E" if sheet is ws else "D"].width = 90
    wb.save(target)
    return target


def list_batches(db: Database, limit: int = 50) -> list[dict[str, Any]]:
    """The latest imports, newest first, as the undo dialog lists them."""
    return [{"id": b.id, "file_name": b.file_name, "at": b.at, "who": b.who,
             "status": b.status, "counts": b.counts}
            for b in batches(db, kinds=("import",), limit=limit)]
