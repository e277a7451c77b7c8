"""The rows of the Liaison workbook's data sheets, each with its `_rev` fingerprint and whether
every value in it can be written as it is — read in a second process when there are many.

Reading the database and fingerprinting the rows costs about a third of what openpyxl takes to
write them, and both hold Python's GIL, so a thread would gain nothing. A second process does
the reading on another core while this one writes, which brings a large export close to the
writer's own time (see bench/export_bench.py). It opens the database by its URL and reads every
sheet in one read transaction (one consistent snapshot, as in one process), and sends the rows
in pickled batches through a pipe. Small exports, in-memory databases, and any failure to start
the process read in this process instead, the same rows in the same order."""

from __future__ import annotations

import contextlib
import os
import pickle
import struct
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy.orm import Session

from db.exchange.export import rows as data
from db.exchange.export.links import Names
from db.exchange.workbook import SHEETS, digest, plain_row, row_text
from db.store import cipher
from db.store.engine import Database, sqlite_path_of
from db.store.errors import LiaisonError
from db.store.translation import language, set_language, translate

FedRow = tuple[list[Any], str, bool]  # the values, the _rev fingerprint, all plain
# From this many rows (estimated) on, a second process reads them: starting it costs ~0.4 s.
PROCESS_FROM_ROWS = 20_000
BATCH = 2_000
_WIDTHS = {spec.name: len(spec.columns) for spec in SHEETS}


def fed(values: list[Any], version: int, width: int) -> FedRow:
    text = row_text(values, version)
    return values, digest(text), plain_row(text, width)


class LocalFeed:
    """The rows read here, in this process, in the export's own session."""

    def __init__(self, session: Session, limit: int | None, event: str | None = None) -> None:
        self.session, self.limit = session, limit
        self.names = Names(session, event)

    def rows(self, name: str) -> Iterator[FedRow]:
        width = _WIDTHS[name]
        for values, version in data.READERS[name](self.session, self.names, self.limit):
            yield fed(values, version, width)

    def close(self) -> None:
        pass


class ProcessFeed:
    """The rows read by a second Python process (this module run as a program), sheet after
    sheet in the order asked for. It is a plain new interpreter, not a multiprocessing child,
    so nothing of the program that started it runs again there. The job (with the database
    URL, which may hold a password) goes through its standard input, never its command line;
    the rows come back as length-prefixed pickles on its standard output."""

    def __init__(self, db: Database, sheets: Sequence[str], limit: int | None) -> None:
        root = str(Path(__file__).resolve().parents[2])  # where the db package lives
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            [root, *filter(None, [os.environ.get("PYTHONPATH")])])}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "db.exchange.export.feed"], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, env=env)
        assert self.process.stdin is not None and self.process.stdout is not None
        self.output = self.process.stdout
        self.unread = len(sheets)
        try:
            # The language too: a problem the reader meets is told in the user's language;
            # and an encrypted file's key, which the reader needs to open it (through the
            # pipe, like the URL: never on a command line or in the environment).
            key = cipher.key_of(db.path) if db.path is not None else None
            self.process.stdin.write(pickle.dumps((db.url, list(sheets), limit, language(),
                                                   key)))
            self.process.stdin.close()
        except OSError:
            self.close()
            raise

    def _frame(self) -> tuple[str, Any]:
        head = self.output.read(_HEAD.size)
        size = _HEAD.unpack(head)[0] if len(head) == _HEAD.size else -1
        body = self.output.read(size) if size >= 0 else b""
        if size < 0 or len(body) != size:
            raise LiaisonError(translate("Export", "Reading the database for the export "
                                                   "stopped unexpectedly; no file was written. "
                                                   "Try again."))
        kind, payload = pickle.loads(body)
        return kind, payload

    def rows(self, name: str) -> Iterator[FedRow]:
        while True:
            kind, payload = self._frame()
            if kind == "rows":
                yield from payload
            elif kind == "end":
                if payload != name:
                    raise RuntimeError(f"the export's reader sent {payload}, expected {name}")
                self.unread -= 1
                return
            elif kind == "problem":
                raise LiaisonError(payload)
            else:
                raise RuntimeError(f"The export's reading process failed:\n{payload}")

    def close(self) -> None:
        if self.unread == 0:  # all read: it is finishing on its own
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(10)
        if self.process.poll() is None:
            self.process.kill()  # cancelled or failed: its reading is of no more use
        self.output.close()
        self.process.wait()


_HEAD = struct.Struct("<Q")


def produce(job: tuple[str, list[str], int | None, str, bytes | None],
            output: BinaryIO) -> None:
    """The second process: every sheet's rows, in batches, then ("end", sheet name); or
    ("problem", a sentence for the user, in `job`'s language) or ("failed", a traceback)."""
    url, sheets, limit, spoken, key = job
    set_language(spoken)
    path = sqlite_path_of(url)
    if key is not None and path is not None:
        cipher.remember(path, key)

    def send(kind: str, payload: Any) -> None:
        body = pickle.dumps((kind, payload), protocol=pickle.HIGHEST_PROTOCOL)
        output.write(_HEAD.pack(len(body)))
        output.write(body)

    try:
        from db.store.opening import open_store

        db = open_store(url, migrate=False)
        try:
            with db.reading(scanning=True) as session:
                feed = LocalFeed(session, limit)
                for name in sheets:
                    batch: list[FedRow] = []
                    for row in feed.rows(name):
                        batch.append(row)
                        if len(batch) == BATCH:
                            send("rows", batch)
                            batch = []
                    if batch:
                        send("rows", batch)
                    send("end", name)
        finally:
            db.close()
    except LiaisonError as exc:
        send("problem", str(exc))
    except Exception:  # this reading process's one top-level boundary: the parent reports it
        import traceback

        send("failed", traceback.format_exc())
    output.flush()


@contextmanager
def row_feed(db: Database, session: Session, sheets: Sequence[str], limit: int | None,
             rows_expected: int, event: str | None = None) -> Iterator[LocalFeed | ProcessFeed]:
    """Where the export takes its rows from: a second process for a large export of a
    database another process can open, this process otherwise (always for one event's
    sheets, which are few)."""
    feed: LocalFeed | ProcessFeed
    if event is not None:
        feed = LocalFeed(session, limit, event)
    elif rows_expected >= PROCESS_FROM_ROWS and (db.path is not None or not db.is_sqlite):
        try:
            feed = ProcessFeed(db, sheets, limit)
        except OSError:  # no process can be started here: read in this one
            feed = LocalFeed(session, limit)
    else:
        feed = LocalFeed(session, limit)
    try:
        yield feed
    finally:
        feed.close()


def main() -> None:
    job = pickle.loads(sys.stdin.buffer.read())
    # The rows own standard output; anything else printed goes to standard error.
    output = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    with contextlib.suppress(BrokenPipeError), output:  # cancelled: nobody reads any more
        produce(job, output)


if __name__ == "__main__":
    main()
