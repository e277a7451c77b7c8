"""Every real-world workbook in ../shared/data/xlsx-wild through the whole import, not only the
reader: each one either imports with the expected content or stops with one clear sentence.
None crashes, and none silently imports nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from db.changes.fields import clean_text
from db.exchange.imports import mapping as maps
from db.exchange.imports.importer import apply_plan, build_plan
from db.exchange.imports.plan import ImportOptions
from db.exchange.reading.readers import CellError, open_source
from db.models import Organization
from db.store.engine import Database
from db.store.errors import LiaisonError
from tests.conftest import shared_data_dir

WILD = sorted((shared_data_dir() / "xlsx-wild").glob("*.xlsx"))


def one_sentence(message: str, path: Path) -> None:
    assert "\n" not in message and "Traceback" not in message, message
    assert message.endswith("."), message
    assert len(message) < 400, message


def first_sheet_rows(path: Path) -> tuple[str, list[list[Any]]] | None:
    try:
        with open_source(path) as source:
            table = source.read()
            return table.sheet, table.rows
    except LiaisonError:
        return None


@pytest.mark.parametrize("path", WILD, ids=[p.name for p in WILD])
def test_every_wild_workbook_imports_or_says_why(path: Path, sqlite_db: Database) -> None:
    # As it comes: the guessed mapping either plans the rows or says what is missing.
    try:
        plan = build_plan(sqlite_db, path)
    except LiaisonError as exc:
        one_sentence(exc.message, path)
    else:
        assert plan.rows or plan.errors, f"{path.name}: a plan with nothing in it"

    # Told which column holds the names, every readable sheet with text imports exactly.
    read = first_sheet_rows(path)
    if read is None:
        return
    sheet, rows = read
    header_index = maps.detect_header_row(rows)
    if header_index is None:
        assert not any(isinstance(c, str) and c.strip() for r in rows for c in r), path.name
        return
    headers = rows[header_index]
    column = next((i for i, cell in enumerate(headers) if isinstance(cell, str) and cell.strip()),
                  None)
    assert column is not None
    body = [r for r in rows[header_index + 1:] if any(c not in (None, "") for c in r)]
    if not body:
        with pytest.raises(LiaisonError) as caught:
            build_plan(sqlite_db, path, ImportOptions(kind="organizations", sheet=sheet,
                                                     header_row=header_index + 1,
                                                     mapping={column: "name"}))
        one_sentence(caught.value.message, path)
        return
    plan = build_plan(sqlite_db, path, ImportOptions(
        kind="organizations", sheet=sheet, header_row=header_index + 1,
        mapping={column: "name"}, skip_invalid=True, on_duplicate="skip"))
    assert len({r.row for r in plan.rows}) == len(body), path.name
    for row in plan.rows:
        cell = rows[row.row - 1][column] if column < len(rows[row.row - 1]) else None
        if row.action == "error":
            assert any(n.row == row.row for n in plan.errors)
            assert cell in (None, "") or isinstance(cell, CellError) or (
                isinstance(cell, str) and len(cell) > 300), (path.name, row.row, cell)
    if plan.writes:
        apply_plan(sqlite_db, plan)
    with sqlite_db.reading() as session:
        stored = set(session.execute(select(Organization.name)).scalars())
    for row in plan.rows:
        if row.action == "create":
            cell = rows[row.row - 1][column]
            expected = clean_text(cell if isinstance(cell, str) else _text(cell))
            assert expected in stored, (path.name, row.row, cell)


def _text(value: Any) -> str:
    from db.exchange.reading.values import as_text

    return str(as_text(value))
