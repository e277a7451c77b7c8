"""founding dates keep their precision: organizations.founded holds ISO text — "1912" for a
year, "1912-01" for a month, "1912-01-08" for a day — instead of a year number

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE organizations ALTER COLUMN founded TYPE VARCHAR(10) "
                   "USING founded::text")
        return
    # SQLite: a column declared INTEGER would turn "1912" back into a number, so the values
    # move to a new text column (no table rebuild: other tables' foreign keys point here).
    op.execute("ALTER TABLE organizations ADD COLUMN founded_text VARCHAR(10)")
    op.execute("UPDATE organizations SET founded_text = CAST(founded AS TEXT) "
               "WHERE founded IS NOT NULL")
    op.execute("ALTER TABLE organizations DROP COLUMN founded")
    op.execute("ALTER TABLE organizations RENAME COLUMN founded_text TO founded")


def downgrade() -> None:
    # A month or a day goes back to its year.
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE organizations ALTER COLUMN founded TYPE INTEGER "
                   "USING substr(founded, 1, 4)::integer")
        return
    op.execute("ALTER TABLE organizations ADD COLUMN founded_year INTEGER")
    op.execute("UPDATE organizations SET founded_year = CAST(substr(founded, 1, 4) AS INTEGER) "
               "WHERE founded IS NOT NULL")
    op.execute("ALTER TABLE organizations DROP COLUMN founded")
    op.execute("ALTER TABLE organizations RENAME COLUMN founded_year TO founded")
