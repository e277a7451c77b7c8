"""folded search text: every name of an organization or person, folded for case, width and
accents, in one column that list filters and the search box match against; and indexes on
lower(name), the order lists open in

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

NAME_COLUMNS = {
    "organizations": ("name", "name_en", "name_zh", "abbreviation", "aliases"),
    "people": ("name", "name_en", "name_zh", "aliases"),
}


def _names(value: Any) -> Any:
    if isinstance(value, str) and value.startswith("["):
        return json.loads(value)
    return value


def upgrade() -> None:
    from db.models.folding import search_text_for

    for table in NAME_COLUMNS:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("search_text", sa.Text(), nullable=True)
            )
    bind = op.get_bind()
    for table, columns in NAME_COLUMNS.items():
        rows = bind.execute(sa.text(f"SELECT id, {', '.join(columns)} FROM {table}")).all()
        updates = [
            {"id": row[0], "text": search_text_for(_names(value) for value in row[1:])}
            for row in rows
        ]
        for start in range(0, len(updates), 5000):
            bind.execute(
                sa.text(f"UPDATE {table} SET search_text = :text WHERE id = :id"),
                updates[start : start + 5000],
            )


    op.create_index("ix_organizations_lower_name", "organizations", [sa.text("lower(name)")])
    op.create_index("ix_people_lower_name", "people", [sa.text("lower(name)")])


def downgrade() -> None:
    op.drop_index("ix_people_lower_name", table_name="people")
    op.drop_index("ix_organizations_lower_name", table_name="organizations")
    for table in NAME_COLUMNS:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("search_text")
