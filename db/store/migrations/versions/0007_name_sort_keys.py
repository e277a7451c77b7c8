"""name sort keys: organizations and people sort by a key per preferred script (Latin names
with accents folded, Chinese names by pinyin, in one order), countries by a key per language;
the folded search text gains the pinyin of Chinese names and reads traditional characters as
simplified; the lower(name) indexes give way to the keys'

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

NAME_COLUMNS = {
    "organizations": ("name", "name_en", "name_zh", "abbreviation", "aliases"),
    "people": ("name", "name_en", "name_zh", "aliases"),
}
KEYS = ("sort_original", "sort_en", "sort_zh")
CHUNK = 5000


def sort_key_type() -> Any:
    return sa.String(900).with_variant(sa.String(900, collation="C"), "postgresql")


def _names(value: Any) -> Any:
    if isinstance(value, str) and value.startswith("["):
        return json.loads(value)
    return value


def upgrade() -> None:
    from db.models.folding import search_text_for, sort_key, sort_keys

    for table in NAME_COLUMNS:
        for key in KEYS:
            op.add_column(table, sa.Column(key, sort_key_type(), nullable=True))
    for key in ("sort_en", "sort_zh"):
        op.add_column("countries", sa.Column(key, sort_key_type(), nullable=True))
    bind = op.get_bind()
    for table, columns in NAME_COLUMNS.items():
        rows = bind.execute(sa.text(f"SELECT id, {', '.join(columns)} FROM {table}")).all()
        updates = []
        for row in rows:
            values = dict(zip(columns, (_names(v) for v in row[1:]), strict=True))
            updates.append({"id": row[0], "text": search_text_for(values.values()),
                            **sort_keys(values)})
        for start in range(0, len(updates), CHUNK):
            bind.execute(sa.text(
                f"UPDATE {table} SET search_text = :text, sort_original = :sort_original, "
                f"sort_en = :sort_en, sort_zh = :sort_zh WHERE id = :id"),
                updates[start:start + CHUNK])
    countries = [{"id": row[0], "en": sort_key(row[1]), "zh": sort_key(row[2] or row[1])}
                 for row in bind.execute(sa.text("SELECT id, name_en, name_zh FROM countries"))]
    if countries:
        bind.execute(sa.text("UPDATE countries SET sort_en = :en, sort_zh = :zh WHERE id = :id"),
                     countries)
    op.drop_index("ix_organizations_lower_name", table_name="organizations")
    op.drop_index("ix_people_lower_name", table_name="people")
    for table in NAME_COLUMNS:
        for key in KEYS:
            op.create_index(f"ix_{table}_{key}", table, [key])


def downgrade() -> None:
    for table in NAME_COLUMNS:
        for key in KEYS:
            op.drop_index(f"ix_{table}_{key}", table_name=table)
        with op.batch_alter_table(table) as batch_op:
            for key in KEYS:
                batch_op.drop_column(key)
    with op.batch_alter_table("countries") as batch_op:
        batch_op.drop_column("sort_en")
        batch_op.drop_column("sort_zh")
    op.create_index("ix_organizations_lower_name", "organizations", [sa.text("lower(name)")])
    op.create_index("ix_people_lower_name", "people", [sa.text("lower(name)")])
