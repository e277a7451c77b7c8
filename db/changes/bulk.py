"""Plain tuples into the database fast: executemany on SQLite, COPY on PostgreSQL — the path
loaders (demo data, imports, merges) take instead of per-row ORM inserts, which are an order of
magnitude slower here."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection

from db.store.guard import writing

ALLOWED_TABLES = frozenset({"organizations", "people", "affiliations", "interactions",
                            "participations", "interaction_topics", "followups", "meta",
                            "organization_tags", "person_tags", "interaction_tags", "changelog"})


def stamp(moment: datetime | None = None) -> str:
    """A UTC timestamp in the text form both databases accept for UTCDateTime columns."""
    return (moment or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


class BulkWriter:
    """Insert plain tuples fast: executemany on SQLite, COPY on PostgreSQL. Values are given
    as the database's text forms (ISO dates, JSON strings), which both accept."""

    def __init__(self, connection: Connection, *, who: str = "writer") -> None:
        self.connection = connection
        self.sqlite = connection.dialect.name == "sqlite"
        self.who = who  # "demo": the generator's load, a named exception (db/store/guard.py)

    def insert(self, table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> None:
        assert table in ALLOWED_TABLES
        if not rows:
            return
        with writing(self.who):
            self._insert(table, columns, rows)

    def _insert(self, table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> None:
        names = ", ".join(columns)
        if self.sqlite:
            marks = ", ".join("?" * len(columns))
            self.connection.exec_driver_sql(f"INSERT INTO {table} ({names}) VALUES ({marks})",
                                            list(rows))
            return
        raw: Any = self.connection.connection.driver_connection
        with raw.cursor() as cursor, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def update_many(self, sql: str, rows: Sequence[tuple[Any, ...]]) -> None:
        if rows:
            if not self.sqlite:
                sql = sql.replace("?", "%s")
            with writing(self.who):
                self.connection.exec_driver_sql(sql, list(rows))
