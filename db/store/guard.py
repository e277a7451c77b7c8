"""Who may write the domain tables: the writer (db/changes), and — named exceptions — the
migrations and the demo generator's bulk load. The writer marks the work it does with
`writing()`; the test suite listens to every statement (SQLAlchemy's `before_cursor_execute`)
and fails an INSERT, UPDATE or DELETE on a domain table made outside it (tests/conftest.py,
docs/ARCHITECTURE.md)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

# The tables whose rows are the user's data and its history.
DOMAIN_TABLES = frozenset({
    "organizations", "people", "affiliations", "interactions", "participations", "followups",
    "tags", "topics", "countries", "organization_tags", "person_tags", "interaction_tags",
    "interaction_topics", "country_tags", "changelog", "import_batches",
    "visits", "visit_members", "programme_items", "gifts",
    "events", "event_co_organizers", "event_sessions", "session_speakers", "invitations",
    "delegates", "level_changes",
})
# Who else may write them, by name (docs/ARCHITECTURE.md says why).
EXCEPTIONS = frozenset({"migration", "demo"})

_WRITER: ContextVar[tuple[str, ...]] = ContextVar("liaison_writer", default=())
_WRITE = re.compile(r"^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM"
                    r"|COPY)\s+\"?(\w+)\"?", re.IGNORECASE)


@contextmanager
def writing(who: str = "writer") -> Iterator[None]:
    """Mark the statements run inside as the writer's (or a named exception's)."""
    assert who == "writer" or who in EXCEPTIONS, who
    token = _WRITER.set((*_WRITER.get(), who))
    try:
        yield
    finally:
        _WRITER.reset(token)


def current_writer() -> str | None:
    """Who is writing now: "writer", a named exception, or None."""
    stack = _WRITER.get()
    return stack[-1] if stack else None


def written_table(statement: str) -> str | None:
    """The domain table an INSERT, UPDATE, DELETE or COPY statement writes, if any."""
    match = _WRITE.match(statement)
    if match is None:
        return None
    table = match.group(1).lower()
    return table if table in DOMAIN_TABLES else None
