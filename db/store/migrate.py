"""Schema migrations on open: back up the file, refuse a database from a newer Liaison."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from db.store.engine import MIGRATIONS_DIR, Database
from db.store.errors import DatabaseProblem
from db.store.guard import writing
from db.store.translation import translate


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(database: Database) -> str | None:
    with database.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def refuse_unusable(where: str, tables: Iterable[str], revision: str | None) -> None:
    """Refuse, before anything is written, a database from a newer Liaison or one holding
    someone else's tables."""
    if revision is not None and revision not in known_revisions():
        raise DatabaseProblem(translate(
            "Storage", "{where} was written by a newer version of Liaison (schema {revision}); "
                       "update Liaison to open it. Nothing in it was changed."
        ).format(where=where, revision=revision))
    if revision is None and any(not name.startswith("sqlite_") for name in tables):
        raise DatabaseProblem(translate(
            "Storage", "{where} holds tables but is not a Liaison database; Liaison will not "
                       "touch it.").format(where=where))


def upgrade_to_head(database: Database) -> list[Path]:
    """Bring the schema to head. Returns the backup files written (SQLite only)."""
    config = alembic_config()
    current = current_revision(database)
    if current == head_revision():
        return []
    refuse_unusable(database.describe(),
                    inspect(database.engine).get_table_names() if current is None else (),
                    current)
    backups: list[Path] = []
    if current is not None and database.path is not None:
        from db.store.backups import backup_file

        backups.append(backup_file(database.path, "migration", detail=f"from-{current}").path)
    # Migrations rewrite domain tables themselves: a named exception to the one writer.
    with writing("migration"), database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return backups
