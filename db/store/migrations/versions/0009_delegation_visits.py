"""delegation visits: visits, the people on each side (visit_members), their programme
(programme_items, talks and meetings pointing at interactions) and the gifts given and received

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('visits',
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('direction', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('country_code', sa.String(length=2), nullable=True),
    sa.Column('host_id', sa.String(length=36), nullable=True),
    sa.Column('guest_id', sa.String(length=36), nullable=True),
    sa.Column('purpose', sa.Text(), nullable=True),
    sa.Column('outcomes', sa.Text(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint('end_date IS NULL OR end_date >= start_date', name=op.f('ck_visits_dates_in_order')),
    sa.ForeignKeyConstraint(['country_code'], ['countries.code'], name=op.f('fk_visits_country_code_countries')),
    sa.ForeignKeyConstraint(['guest_id'], ['organizations.id'], name=op.f('fk_visits_guest_id_organizations')),
    sa.ForeignKeyConstraint(['host_id'], ['organizations.id'], name=op.f('fk_visits_host_id_organizations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visits'))
    )
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visits_country_code'), ['country_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_visits_direction'), ['direction'], unique=False)
        batch_op.create_index(batch_op.f('ix_visits_guest_id'), ['guest_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_visits_host_id'), ['host_id'], unique=False)
        batch_op.create_index('ix_visits_start_date_id', ['start_date', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_visits_status'), ['status'], unique=False)

    op.create_table('gifts',
    sa.Column('visit_id', sa.String(length=36), nullable=False),
    sa.Column('direction', sa.String(length=10), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=True),
    sa.Column('organization_id', sa.String(length=36), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_gifts_organization_id_organizations')),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_gifts_person_id_people')),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_gifts_visit_id_visits'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_gifts'))
    )
    with op.batch_alter_table('gifts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_gifts_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_gifts_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_gifts_visit_id'), ['visit_id'], unique=False)

    op.create_table('programme_items',
    sa.Column('visit_id', sa.String(length=36), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('starts', sa.String(length=5), nullable=True),
    sa.Column('ends', sa.String(length=5), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('city', sa.String(length=200), nullable=True),
    sa.Column('place', sa.String(length=300), nullable=True),
    sa.Column('interaction_id', sa.String(length=36), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['interaction_id'], ['interactions.id'], name=op.f('fk_programme_items_interaction_id_interactions')),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_programme_items_visit_id_visits'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_programme_items'))
    )
    with op.batch_alter_table('programme_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_programme_items_interaction_id'), ['interaction_id'], unique=False)
        batch_op.create_index('ix_programme_items_visit_day', ['visit_id', 'day', 'position'], unique=False)

    op.create_table('visit_members',
    sa.Column('visit_id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=True),
    sa.Column('organization_id', sa.String(length=36), nullable=True),
    sa.Column('side', sa.String(length=10), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint('person_id IS NOT NULL OR organization_id IS NOT NULL', name=op.f('ck_visit_members_someone')),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_visit_members_organization_id_organizations')),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_visit_members_person_id_people')),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_visit_members_visit_id_visits'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_members'))
    )
    with op.batch_alter_table('visit_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_members_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_visit_members_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_visit_members_visit_id'), ['visit_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('visit_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_members_visit_id'))
        batch_op.drop_index(batch_op.f('ix_visit_members_person_id'))
        batch_op.drop_index(batch_op.f('ix_visit_members_organization_id'))

    op.drop_table('visit_members')
    with op.batch_alter_table('programme_items', schema=None) as batch_op:
        batch_op.drop_index('ix_programme_items_visit_day')
        batch_op.drop_index(batch_op.f('ix_programme_items_interaction_id'))

    op.drop_table('programme_items')
    with op.batch_alter_table('gifts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_gifts_visit_id'))
        batch_op.drop_index(batch_op.f('ix_gifts_person_id'))
        batch_op.drop_index(batch_op.f('ix_gifts_organization_id'))

    op.drop_table('gifts')
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visits_status'))
        batch_op.drop_index('ix_visits_start_date_id')
        batch_op.drop_index(batch_op.f('ix_visits_host_id'))
        batch_op.drop_index(batch_op.f('ix_visits_guest_id'))
        batch_op.drop_index(batch_op.f('ix_visits_direction'))
        batch_op.drop_index(batch_op.f('ix_visits_country_code'))

    op.drop_table('visits')
