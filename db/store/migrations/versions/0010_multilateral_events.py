"""multilateral events: events (editions of a series, with organizer and co-organizers), their
sessions and speakers, invitations with replies and attendance, the delegates each brought; a
person's birth year and a position's flag for the leader of a party

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('events',
    sa.Column('name', sa.String(length=500), nullable=False),
    sa.Column('series', sa.String(length=300), nullable=True),
    sa.Column('edition', sa.Integer(), nullable=True),
    sa.Column('mechanism', sa.String(length=30), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('city', sa.String(length=200), nullable=True),
    sa.Column('country_code', sa.String(length=2), nullable=True),
    sa.Column('online', sa.Boolean(), nullable=False),
    sa.Column('organizer_id', sa.String(length=36), nullable=True),
    sa.Column('theme', sa.Text(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint('edition IS NULL OR edition > 0', name=op.f('ck_events_edition_positive')),
    sa.CheckConstraint('end_date IS NULL OR end_date >= start_date', name=op.f('ck_events_dates_in_order')),
    sa.ForeignKeyConstraint(['country_code'], ['countries.code'], name=op.f('fk_events_country_code_countries')),
    sa.ForeignKeyConstraint(['organizer_id'], ['organizations.id'], name=op.f('fk_events_organizer_id_organizations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events'))
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_country_code'), ['country_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_mechanism'), ['mechanism'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_organizer_id'), ['organizer_id'], unique=False)
        batch_op.create_index('ix_events_series_edition', ['series', 'edition'], unique=False)
        batch_op.create_index('ix_events_start_date_id', ['start_date', 'id'], unique=False)

    op.create_table('event_co_organizers',
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.Column('organization_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_co_organizers_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_event_co_organizers_organization_id_organizations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', 'organization_id', name=op.f('pk_event_co_organizers'))
    )
    with op.batch_alter_table('event_co_organizers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_co_organizers_organization_id'), ['organization_id'], unique=False)

    op.create_table('event_sessions',
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('starts', sa.String(length=5), nullable=True),
    sa.Column('ends', sa.String(length=5), nullable=True),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('place', sa.String(length=300), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_sessions_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_sessions'))
    )
    with op.batch_alter_table('event_sessions', schema=None) as batch_op:
        batch_op.create_index('ix_event_sessions_event_day', ['event_id', 'day', 'position'], unique=False)

    op.create_table('invitations',
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.Column('organization_id', sa.String(length=36), nullable=True),
    sa.Column('person_id', sa.String(length=36), nullable=True),
    sa.Column('invited_by', sa.String(length=200), nullable=True),
    sa.Column('invited_on', sa.Date(), nullable=True),
    sa.Column('reply', sa.String(length=20), nullable=False),
    sa.Column('replied_on', sa.Date(), nullable=True),
    sa.Column('attendance', sa.String(length=20), nullable=False),
    sa.Column('delegation_size', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint('delegation_size IS NULL OR delegation_size >= 0', name=op.f('ck_invitations_size_not_negative')),
    sa.CheckConstraint('person_id IS NOT NULL OR organization_id IS NOT NULL', name=op.f('ck_invitations_someone')),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_invitations_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_invitations_organization_id_organizations')),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_invitations_person_id_people')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invitations'))
    )
    with op.batch_alter_table('invitations', schema=None) as batch_op:
        batch_op.create_index('ix_invitations_event_reply', ['event_id', 'reply'], unique=False)
        batch_op.create_index(batch_op.f('ix_invitations_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_invitations_person_id'), ['person_id'], unique=False)

    op.create_table('delegates',
    sa.Column('invitation_id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['invitation_id'], ['invitations.id'], name=op.f('fk_delegates_invitation_id_invitations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_delegates_person_id_people')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_delegates'))
    )
    with op.batch_alter_table('delegates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_delegates_invitation_id'), ['invitation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_delegates_person_id'), ['person_id'], unique=False)

    op.create_table('session_speakers',
    sa.Column('session_id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_session_speakers_person_id_people'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['session_id'], ['event_sessions.id'], name=op.f('fk_session_speakers_session_id_event_sessions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('session_id', 'person_id', name=op.f('pk_session_speakers'))
    )
    with op.batch_alter_table('session_speakers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_session_speakers_person_id'), ['person_id'], unique=False)

    with op.batch_alter_table('affiliations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('leader', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))

    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.add_column(sa.Column('birth_year', sa.Integer(), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_column('birth_year')

    with op.batch_alter_table('affiliations', schema=None) as batch_op:
        batch_op.drop_column('leader')

    with op.batch_alter_table('session_speakers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_session_speakers_person_id'))

    op.drop_table('session_speakers')
    with op.batch_alter_table('delegates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_delegates_person_id'))
        batch_op.drop_index(batch_op.f('ix_delegates_invitation_id'))

    op.drop_table('delegates')
    with op.batch_alter_table('invitations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_invitations_person_id'))
        batch_op.drop_index(batch_op.f('ix_invitations_organization_id'))
        batch_op.drop_index('ix_invitations_event_reply')

    op.drop_table('invitations')
    with op.batch_alter_table('event_sessions', schema=None) as batch_op:
        batch_op.drop_index('ix_event_sessions_event_day')

    op.drop_table('event_sessions')
    with op.batch_alter_table('event_co_organizers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_co_organizers_organization_id'))

    op.drop_table('event_co_organizers')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ix_events_start_date_id')
        batch_op.drop_index('ix_events_series_edition')
        batch_op.drop_index(batch_op.f('ix_events_organizer_id'))
        batch_op.drop_index(batch_op.f('ix_events_mechanism'))
        batch_op.drop_index(batch_op.f('ix_events_country_code'))

    op.drop_table('events')
