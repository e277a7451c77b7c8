"""The guard that keeps one write path: during the whole suite every statement any engine runs
is looked at (SQLAlchemy's `before_cursor_execute`), and an INSERT, UPDATE or DELETE on a
domain table that the writer (db/changes) did not make — nor a named exception: migrations,
the demo generator's bulk load — fails the test that caused it (docs/ARCHITECTURE.md).

A statement a test module runs itself (to build a database as an older Liaison left it, or to
damage one on purpose) is the test's own; helpers elsewhere say so with `writing_directly()`."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

from db.store.guard import current_writer, written_table

violations: list[str] = []
_direct = [0]


@contextmanager
def writing_directly() -> Iterator[None]:
    """For a test's own set-up: statements inside are not the application's writes."""
    _direct[0] += 1
    try:
        yield
    finally:
        _direct[0] -= 1


def _check(_conn: Any, _cursor: Any, statement: str, _parameters: Any, _context: Any,
           _executemany: bool) -> None:
    table = written_table(statement)
    if table is None or current_writer() is not None or _direct[0] or _issued_by_a_test():
        return
    message = (f"A write to the domain table {table!r} did not come from the writer "
               f"(db/changes): {statement.strip().splitlines()[0][:160]}")
    violations.append(message)
    raise AssertionError(message)


def _issued_by_a_test() -> bool:
    """A statement a test ran itself (to build a state the application cannot make, such as a
    record with no history): the first caller outside SQLAlchemy is a test module."""
    frame = sys._getframe(2)
    while frame is not None:
        name = frame.f_code.co_filename
        if not any(part in name for part in ("/sqlalchemy/", "/contextlib.py", "write_guard.py")):
            return (f"{os.sep}tests{os.sep}" in name and "conftest" not in name) or \
                name.endswith("factories.py")
        frame = frame.f_back  # type: ignore[assignment]
    return False


def install() -> None:
    if not event.contains(Engine, "before_cursor_execute", _check):
        event.listen(Engine, "before_cursor_execute", _check)


def take_violations() -> list[str]:
    found = list(violations)
    violations.clear()
    return found
