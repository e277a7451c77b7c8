"""level history and merged records: each organization's relationship level over time
(level_changes; the level each organization has becomes the first entry of its history, in
effect from the day the record was made), the record a merged-away organization or person was
merged into, and the pairs a user said are not duplicates

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('not_duplicates',
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('first_id', sa.String(length=36), nullable=False),
    sa.Column('second_id', sa.String(length=36), nullable=False),
    sa.Column('decided_at', sa.DateTime(), nullable=False),
    sa.Column('who', sa.String(length=200), nullable=True),
    sa.PrimaryKeyConstraint('kind', 'first_id', 'second_id', name=op.f('pk_not_duplicates'))
    )
    op.create_table('level_changes',
    sa.Column('organization_id', sa.String(length=36), nullable=False),
    sa.Column('level', sa.String(length=40), nullable=False),
    sa.Column('effective', sa.Date(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_level_changes_organization_id_organizations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_level_changes'))
    )
    with op.batch_alter_table('level_changes', schema=None) as batch_op:
        batch_op.create_index('ix_level_changes_organization_effective', ['organization_id', 'effective'], unique=False)

    with op.batch_alter_table('organizations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('merged_into', sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f('ix_organizations_merged_into'), ['merged_into'], unique=False)

    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.add_column(sa.Column('merged_into', sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f('ix_people_merged_into'), ['merged_into'], unique=False)

    # Every level recorded so far becomes the first entry of its organization's history.
    import uuid
    from datetime import UTC, datetime

    bind = op.get_bind()
    rows = bind.execute(sa.text(
        "SELECT id, level, created_at FROM organizations WHERE level IS NOT NULL")).all()
    now = datetime.now(UTC).replace(tzinfo=None)
    for start in range(0, len(rows), 5000):
        bind.execute(sa.text(
            "INSERT INTO level_changes (id, created_at, updated_at, version, organization_id, "
            "level, effective) VALUES (:id, :now, :now, 1, :organization, :level, :effective)"),
            [{"id": str(uuid.uuid4()), "now": now, "organization": row[0], "level": row[1],
              "effective": _day(row[2])} for row in rows[start:start + 5000]])



def _day(value: object) -> object:
    """A record's creation moment as the day it was made (SQLite keeps text)."""
    from datetime import date, datetime

    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str):
        return datetime.fromisoformat(value.replace(" ", "T")[:19]).date()
    return value if isinstance(value, date) else date.today()


def downgrade() -> None:
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_people_merged_into'))
        batch_op.drop_column('merged_into')

    with op.batch_alter_table('organizations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organizations_merged_into'))
        batch_op.drop_column('merged_into')

    with op.batch_alter_table('level_changes', schema=None) as batch_op:
        batch_op.drop_index('ix_level_changes_organization_effective')

    op.drop_table('level_changes')
    op.drop_table('not_duplicates')
