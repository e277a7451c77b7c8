"""A `liaison` command run in a child process that kills itself (SIGKILL, no clean-up of any
kind) at a chosen moment, for the crash tests: `python -m tests.faults.child SPEC -- ARGS…`.

SPEC is one of
- `count:FILE` — run to the end and write how many commits and SQL statements it made to FILE;
- `before-commit:N` / `after-commit:N` — die just before / just after the N-th commit reaches
  the database (SQLAlchemy's dialect `do_commit`, under every SQLite and PostgreSQL commit);
- `statement:N` — die as the N-th SQL statement is about to run;
- `after-backup:N` — die just after the N-th backup file was written and verified;
- `none` — run to the end (the parent may kill it at a random time instead).
"""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.engine.default import DefaultDialect

counts = {"commits": 0, "statements": 0, "backups": 0}


def die() -> None:
    sys.stdout.flush()
    os.kill(os.getpid(), signal.SIGKILL)


def install(spec: str) -> None:
    moment, _, value = spec.partition(":")
    target = int(value) if value.isdigit() else 0
    commit = DefaultDialect.do_commit

    def do_commit(self: DefaultDialect, dbapi_connection: Any) -> None:
        counts["commits"] += 1
        if moment == "before-commit" and counts["commits"] == target:
            die()
        commit(self, dbapi_connection)
        if moment == "after-commit" and counts["commits"] == target:
            die()

    DefaultDialect.do_commit = do_commit  # type: ignore[method-assign]

    @event.listens_for(Engine, "before_cursor_execute")
    def statement(*_args: Any) -> None:
        counts["statements"] += 1
        if moment == "statement" and counts["statements"] == target:
            die()

    from db.store import backups

    backup_file = backups.backup_file

    def backed_up(*args: Any, **kwargs: Any) -> Any:
        made = backup_file(*args, **kwargs)
        counts["backups"] += 1
        if moment == "after-backup" and counts["backups"] == target:
            die()
        return made

    backups.backup_file = backed_up  # type: ignore[assignment]


def main() -> int:
    spec, separator, *argv = sys.argv[1:]
    assert separator == "--", "usage: child SPEC -- LIAISON-ARGS"
    install(spec)
    from db.cli.main import main as liaison

    code = liaison(argv)
    if spec.startswith("count:"):
        Path(spec.partition(":")[2]).write_text(json.dumps(counts), encoding="utf-8")
    return code


if __name__ == "__main__":
    sys.exit(main())
