"""participant timelines: each participation carries its interaction's start date, indexed
with the participant, so a timeline comes newest-first straight from the index

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("participations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("start_date", sa.Date(), nullable=True))
    op.execute(
        "UPDATE participations SET start_date = (SELECT interactions.start_date "
        "FROM interactions WHERE interactions.id = participations.interaction_id)"
    )
    with op.batch_alter_table("participations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_participations_organization_id"))
        batch_op.drop_index(batch_op.f("ix_participations_person_id"))
        batch_op.create_index(
            "ix_participations_organization_timeline",
            ["organization_id", "start_date", "interaction_id"],
            unique=False,
        )
        batch_op.create_index(
            "ix_participations_person_timeline",
            ["person_id", "start_date", "interaction_id"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("participations", schema=None) as batch_op:
        batch_op.drop_index("ix_participations_person_timeline")
        batch_op.drop_index("ix_participations_organization_timeline")
        batch_op.create_index(
            batch_op.f("ix_participations_person_id"), ["person_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_participations_organization_id"), ["organization_id"], unique=False
        )
        batch_op.drop_column("start_date")
