"""interactions by date, then id: the start-date index also holds the id, so the interactions
list and the export (newest first, ties by id) walk it backwards without sorting

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_interactions_start_date", table_name="interactions")
    op.create_index("ix_interactions_start_date_id", "interactions", ["start_date", "id"],
                    unique=False)


def downgrade() -> None:
    op.drop_index("ix_interactions_start_date_id", table_name="interactions")
    op.create_index("ix_interactions_start_date", "interactions", ["start_date"], unique=False)
