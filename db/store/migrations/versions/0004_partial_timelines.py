"""partial timeline indexes: the organization timeline index holds only organizations'
participations and the person timeline index only people's, so writing a participation
maintains one of them instead of both (bulk imports of interactions write hundreds of thousands)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TIMELINES = {
    "ix_participations_organization_timeline": "organization_id",
    "ix_participations_person_timeline": "person_id",
}


def upgrade() -> None:
    for name, column in TIMELINES.items():
        op.drop_index(name, table_name="participations")
        where = sa.text(f"{column} IS NOT NULL")
        op.create_index(name, "participations", [column, "start_date", "interaction_id"],
                        unique=False, sqlite_where=where, postgresql_where=where)


def downgrade() -> None:
    for name, column in TIMELINES.items():
        op.drop_index(name, table_name="participations")
        op.create_index(name, "participations", [column, "start_date", "interaction_id"],
                        unique=False)
