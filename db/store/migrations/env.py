"""Alembic environment. Liaison runs migrations itself (db.store.migrate) and passes the connection
in ``config.attributes``; batch mode lets SQLite alter tables by copy-and-move."""

from __future__ import annotations

from alembic import context

import db.models  # noqa: F401  (registers every table)
from db.models.base import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run migrations through db.store.migrate, which supplies the connection.")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
