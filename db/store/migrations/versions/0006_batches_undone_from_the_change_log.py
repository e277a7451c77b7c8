"""batches undone from the change log: an import's or a merge's undo data no longer lists the
records and values it changed (the change log holds them, and the one undo reads them there);
a merge's keeps the change-log rows it copied from the other copy, under "copied"

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

BATCHES = sa.table("import_batches", sa.column("id", sa.String), sa.column("kind", sa.String),
                   sa.column("undo_data", sa.Text))
KEPT = ("other", "location", "other_database_id")  # what a merge's undo data said of the copy


def converted(kind: str, text: str | None) -> str | None:
    """The undo data of a batch of 0005 in the form of 0006."""
    if not text:
        return None
    data: dict[str, Any] = json.loads(text)
    if "copied" in data or kind not in ("import", "merge"):
        return text
    if kind == "import":
        return None
    merged = {key: data[key] for key in KEPT if key in data}
    merged["copied"] = data.get("log", {})
    return json.dumps(merged, ensure_ascii=False)


def upgrade() -> None:
    connection = op.get_bind()
    rows = connection.execute(sa.select(BATCHES.c.id, BATCHES.c.kind, BATCHES.c.undo_data)
                              .where(BATCHES.c.undo_data.is_not(None))).all()
    for batch_id, kind, text in rows:
        new = converted(kind, text)
        if new != text:
            connection.execute(BATCHES.update().where(BATCHES.c.id == batch_id)
                               .values(undo_data=new))


def downgrade() -> None:
    """Nothing to reshape: the tables are the same. Liaison 0005 undoes a batch from the lists
    this revision dropped, so undo batches before going back to it; no data is lost."""
