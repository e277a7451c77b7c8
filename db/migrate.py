"""Schema migrations on open: back up the file, refuse a database from a newer Liaison."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from db.engine import MIGRATIONS_DIR, Database, backup_folder, backup_sqlite, timestamp
from db.errors import DatabaseProblem


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(database: Database) -> str | None:
    with database.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade_to_head(database: Database) -> list[Path]:
    """Bring the schema to head. Returns the backup files written (SQLite only)."""
    config = alembic_config()
    script = ScriptDirectory.from_config(config)
    known = {rev.revision for rev in script.walk_revisions()}
    current = current_revision(database)
    head = script.get_current_head()
    if current == head:
        return []
    if current is not None and current not in known:
        raise DatabaseProblem(
            f"{database.describe()} was written by a newer version of Liaison "
            f"(schema {current}); update Liaison to open it. The file was not changed."
        )
    if current is None:
        from sqlalchemy import inspect

        if inspect(database.engine).get_table_names():
            raise DatabaseProblem(
                f"{database.describe()} holds tables but is not a Liaison database; "
                "Liaison will not touch it."
            )
    backups: list[Path] = []
    if current is not None and database.path is not None:
        target = backup_folder(database.path) / (
            f"{database.path.stem}.before-upgrade-{current}-{timestamp()}.sqlite3"
        )
        backups.append(backup_sqlite(database.path, target))
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return backups
