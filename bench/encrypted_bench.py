"""Encrypted-database benchmark: `.venv/bin/python bench/encrypted_bench.py [--size medium|large]
[--rounds N] [--import-rows N]`.

Issue 15: merge, import, export, backup and the benchmarks work on encrypted files as on plain
ones; what does encryption cost? The same demo database (bench/out/demo-SIZE.sqlite3) is
measured as three variants, each a copy in a temporary folder under bench/out/:

- **plain**: the file as Liaison opens it. Its connections keep SQLite's default
  `mmap_size` (0: read calls); only an export's scanning reads map the file
  (`Database.reading(scanning=True)`, `SCAN_MMAP_BYTES`, 1 GiB), in this process and in the
  export's second, reading process (db/exchange/export/feed.py);
- **plain, mmap_size=0**: the same file with `SCAN_MMAP_BYTES = 0`, here and in the export's
  reading process: what SQLCipher's loss of memory-mapped I/O costs, without decryption;
- **encrypted**: the copy encrypted with db/store/cipher.py (bench/databases.py keeps it),
  opened with its passphrase. SQLCipher decrypts each page it reads and never maps the file
  (it accepts `PRAGMA mmap_size` and ignores it); the export's reading process gets the key
  through its pipe.

Each operation runs on the variants one right after the other, in an order that alternates
from round to round, so that a busy machine slows them alike; each figure is the best of its
rounds, and the ratios are what to read. Each variant's result is checked against the plain
one's (the same findings, pages, rows, counts), and an encrypted file's backups and copies
must be encrypted: an operation that fails or differs is reported, and the exit status is 1.

The timing code is the other benchmarks': the foundation's reads of bench/run.py, the export
of bench/export_bench.py, the import of bench/import_bench.py."""

from __future__ import annotations

import argparse
import contextlib
import gc
import hashlib
import shutil
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from databases import PASSPHRASE, copy_database, database_for, encrypted_database_for
from export_bench import liaison_write
from import_bench import liaison_import, make_sheet
from run import foundation_reads, timed

from db.exchange.export import feed as export_feed
from db.exchange.workbook import SHEETS
from db.merge import apply_merge, merge_plan
from db.merge.travel import export_travel_copy
from db.search.names import search_names
from db.seed.opening import open_database
from db.services import interactions, organizations
from db.services.organizations import OrganizationFilter, list_organizations
from db.store import cipher
from db.store import engine as store_engine
from db.store.backup import backup_database
from db.store.engine import Database

PLAIN, NO_MMAP, ENCRYPTED = "plain", "plain, mmap_size=0", "encrypted"
VARIANTS = (PLAIN, NO_MMAP, ENCRYPTED)
SCAN_MMAP = store_engine.SCAN_MMAP_BYTES  # what Liaison maps during an export's reads
IMPORT_ROWS = 10_000
MERGE_EDITS = 100  # organizations changed and interactions added in the travel copy
OPEN = "open (the encrypted file with its passphrase), to the organizations' first page"
EXPORT = "export the whole database (.xlsx), wall-clock"
READER = "the export's reading process alone (all rows, no workbook)"
BACKUP = "backup (liaison backup: copy, integrity check)"
MERGE = (f"merge a travel copy ({MERGE_EDITS} organizations changed, {MERGE_EDITS} "
         "interactions added; backup first)")


@dataclass(frozen=True)
class Variant:
    name: str
    path: Path  # the copy measured (the plain variants share one)
    scan_mmap: int  # SCAN_MMAP_BYTES meanwhile

    @property
    def encrypted(self) -> bool:
        return self.name == ENCRYPTED

    @property
    def passphrase(self) -> str | None:
        return PASSPHRASE if self.encrypted else None


class FeedProcesses:
    """Stands in for the subprocess module in db/exchange/export/feed.py: starts the export's
    reading process exactly as feed.py does, or, when `scan_mmap` is set, with
    db.store.engine.SCAN_MMAP_BYTES set to it first; and keeps each process, to check that a
    large export did read in a second process and that it ended well."""

    def __init__(self) -> None:
        self.scan_mmap: int | None = None
        self.started: list[subprocess.Popen[bytes]] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(subprocess, name)

    def Popen(self, command: list[str], **options: Any) -> subprocess.Popen[bytes]:
        if self.scan_mmap is not None:
            assert command[1:] == ["-m", "db.exchange.export.feed"], command
            command = [command[0], "-c",
                       f"import db.store.engine as e; e.SCAN_MMAP_BYTES = {self.scan_mmap}; "
                       "from db.exchange.export.feed import main; main()"]
        process = subprocess.Popen(command, **options)
        self.started.append(process)
        return process


FEED = FeedProcesses()


@contextlib.contextmanager
def configured(variant: Variant) -> Iterator[None]:
    store_engine.SCAN_MMAP_BYTES = variant.scan_mmap
    FEED.scan_mmap = None if variant.scan_mmap == SCAN_MMAP else variant.scan_mmap
    try:
        yield
    finally:
        store_engine.SCAN_MMAP_BYTES = SCAN_MMAP
        FEED.scan_mmap = None


@dataclass
class Measure:
    """One operation's figures: seconds per variant (every round), the results to compare."""

    name: str
    seconds: dict[str, list[float]] = field(default_factory=dict)
    results: dict[str, Any] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)

    def best(self, variant: str) -> float | None:
        runs = self.seconds.get(variant)
        return min(runs) if runs else None


class Bench:
    def __init__(self, folder: Path, variants: dict[str, Variant], rounds: int,
                 import_rows: int) -> None:
        self.folder, self.variants, self.rounds = folder, variants, rounds
        self.import_rows = import_rows
        self.measures: dict[str, Measure] = {}
        self.sheet = folder / "visits.xlsx"
        self.travel: dict[str, Path] = {}
        self.runs = 0
        self.first = 0  # 1: the first round runs the encrypted file first
        self.export_processes = 0

    def scratch(self, name: str) -> Path:
        """A new folder for one run of an operation. (A file's key is held by its path: a
        folder used again could meet, under the same name, a backup made in the same second
        by the run before, with that one's key.)"""
        self.runs += 1
        folder = self.folder / f"{name}-{self.runs}"
        folder.mkdir()
        return folder

    def record(self, name: str, variant: Variant, seconds: float, result: Any) -> None:
        measure = self.measures.setdefault(name, Measure(name))
        measure.seconds.setdefault(variant.name, []).append(seconds)
        measure.results.setdefault(variant.name, result)  # the first round's

    def fail(self, names: list[str], variant: Variant, exc: BaseException) -> None:
        frames = traceback.extract_tb(exc.__traceback__)
        where = next((f for f in reversed(frames) if "/db/" in f.filename), frames[-1])
        text = (f"{type(exc).__name__}: {exc} (in {Path(where.filename).name}, "
                f"{where.name}(), line {where.lineno})")
        for name in names:
            self.measures.setdefault(name, Measure(name)).failures.setdefault(variant.name, text)

    # -- the operations, in groups run on each variant in turn --------------------------------
    def open_first_query(self, v: Variant) -> None:
        """Open the file (with its passphrase: the key slot's scrypt, then SQLCipher) up to
        the organizations list's first page, as the app starts."""
        cipher.forget(v.path)
        seconds, (db, page) = timed(lambda: self._open_and_list(v))
        db.close()
        self.record(OPEN, v, seconds, [r.id for r in page.items])
        if v.encrypted:
            cipher.forget(v.path)
            seconds, _ = timed(lambda: cipher.unlock(v.path, PASSPHRASE))
            self.record("… of which: unlocking the key slot (scrypt)", v, seconds, None)

    @staticmethod
    def _open_and_list(v: Variant) -> tuple[Any, Any]:
        db = open_database(v.path, passphrase=v.passphrase)
        return db, list_organizations(db)

    def reads(self, v: Variant) -> None:
        db = open_database(v.path)
        try:
            with db.reading() as session:
                default = session.connection().exec_driver_sql("PRAGMA mmap_size").scalar()
            self.record("(mmap_size of a connection)", v, 0.0, default)
            for name, seconds, result in foundation_reads(db):
                self.record(name, v, seconds, comparable(result))
            seconds, page = timed(lambda: list_organizations(
                db, OrganizationFilter(query="democratic"), sort="name"))
            self.record("organizations: filter “democratic”, by name, first page", v, seconds,
                        comparable(page))
            seconds, hits = timed(lambda: search_names(db, "party"))
            self.record("search box: “party” (organizations and people)", v, seconds,
                        comparable(hits))
        finally:
            db.close()

    def export(self, v: Variant) -> None:
        out = self.folder / f"export-{v.name}.xlsx"
        started = len(FEED.started)
        wall, used = liaison_write(v.path, out)
        processes = FEED.started[started:]
        if [p.returncode for p in processes] not in ([], [0]):  # none: a small export
            raise RuntimeError("the export's reading process ended with "
                               f"{[p.returncode for p in processes]}")
        self.export_processes = len(processes)
        known = self.measures.get(EXPORT)
        rows = sheet_rows(out) if known is None or v.name not in known.results else None
        out.unlink()
        self.record(EXPORT, v, wall, rows)
        self.record("… CPU, both processes", v, used, None)

    def reader(self, v: Variant) -> None:
        """The export's reading process alone: every sheet's rows, read, fingerprinted and
        sent through the pipe, nothing written."""
        db = open_database(v.path)
        try:
            gc.collect()
            seconds, result = timed(lambda: read_all_rows(db, None))
            self.record(READER, v, seconds, result)
            gc.collect()
            seconds, first = timed(lambda: read_all_rows(db, 1))
            self.record("… its start: process, open (with the key handed), one row per sheet",
                        v, seconds, first)
        finally:
            db.close()

    def backup(self, v: Variant) -> None:
        folder = self.scratch("backups")
        db = open_database(v.path)
        try:
            seconds, path = timed(lambda: backup_database(db, folder))
        finally:
            db.close()
        try:
            if cipher.looks_encrypted(path) != v.encrypted:
                raise RuntimeError(f"the backup of the {v.name} file is "
                                   f"{'not ' if v.encrypted else ''}encrypted")
            if v.encrypted:  # its passphrase opens it: the key file went with it
                cipher.forget(path)
                cipher.unlock(path, PASSPHRASE)
            self.record(BACKUP, v, seconds, table_counts(path))
        finally:
            discard(folder)

    def make_import_sheet(self) -> None:
        make_sheet(self.variants[PLAIN].path, self.sheet, self.import_rows)

    def import_rows_of(self, v: Variant) -> None:
        folder = self.scratch("import")
        try:
            copy = copy_database(v.path, folder / "register.sqlite3")
            result = liaison_import(copy, self.sheet)
            if cipher.looks_encrypted(copy) != v.encrypted:
                raise RuntimeError(f"the {v.name} file changed its encryption in the import")
            [backup] = (folder / "backups").glob("*.sqlite3")
            if cipher.looks_encrypted(backup) != v.encrypted:
                raise RuntimeError(f"the backup before the import of the {v.name} file is "
                                   f"{'not ' if v.encrypted else ''}encrypted")
            self.record(f"import {self.import_rows:,} interactions (.xlsx; backup first)", v,
                        result["seconds"], result["created"])
            self.record("… of which: reading, matching, planning", v, result["plan"], None)
        finally:
            discard(folder)

    def make_travel_copy(self, v: Variant) -> None:
        """A travel copy of the variant's file (encrypted under its own passphrase when the
        file is), MERGE_EDITS organizations changed and interactions added in it."""
        folder = self.folder / "travel"
        folder.mkdir(exist_ok=True)
        db = open_database(v.path)
        try:
            copy = export_travel_copy(db, folder / f"{v.name}.sqlite3",
                                      passphrase=v.passphrase)
        finally:
            db.close()
        if cipher.looks_encrypted(copy.path) != v.encrypted:
            raise RuntimeError(f"the travel copy of the {v.name} file is "
                               f"{'not ' if v.encrypted else ''}encrypted")
        travel = open_database(copy.path)
        try:
            page = list_organizations(travel, limit=MERGE_EDITS)
            for n, org in enumerate(page.items):
                organizations.update_organization(travel, org.id, {"ideology": f"Travel {n}"},
                                                  expected_version=None)
                interactions.create_interaction(travel, {
                    "kind": "talks", "title": f"Talks on the road no. {n}",
                    "start": "2025-06-01", "participants": [{"organization_id": org.id}]})
        finally:
            travel.close()
        self.travel[v.name] = copy.path

    def merge(self, v: Variant) -> None:
        folder = self.scratch("office")
        try:
            office = open_database(copy_database(v.path, folder / "register.sqlite3"))
            try:
                def merged() -> Any:
                    return apply_merge(office, merge_plan(office, str(self.travel[v.name])))

                seconds, result = timed(merged)
            finally:
                office.close()
            if result.batch_id is None:
                raise RuntimeError("the merge found nothing to merge")
            self.record(MERGE, v, seconds, result.counts)
        finally:
            discard(folder)

    # -- running them ---------------------------------------------------------------------------
    def groups(self) -> list[tuple[Callable[[Variant], None], tuple[str, ...], list[str]]]:
        """Each group of operations, the variants it runs on, and the names it records (to
        report a failure under)."""
        every, two = VARIANTS, (PLAIN, ENCRYPTED)  # the plain variants differ in exports only
        return [
            (self.open_first_query, every, [OPEN]),
            (self.reads, every, ["check (integrity, orphans, contact figures)"]),
            (self.export, every, [EXPORT]),
            (self.reader, every, [READER]),
            (self.backup, two, [BACKUP]),
            (self.import_rows_of, two, [f"import {self.import_rows:,} interactions (.xlsx; "
                                        "backup first)"]),
            (self.merge, two, [MERGE]),
        ]

    def run(self, only: set[str] | None, progress: Callable[[str], None]) -> None:
        groups = [g for g in self.groups() if only is None or g[0].__name__ in only]
        names = {g[0].__name__ for g in groups}
        if "import_rows_of" in names:
            progress(f"writing the import sheet ({self.import_rows:,} rows)")
            self.make_import_sheet()
        if "merge" in names:
            for name in (PLAIN, ENCRYPTED):
                progress(f"making the {name} travel copy")
                try:
                    self.make_travel_copy(self.variants[name])
                except Exception as exc:
                    self.fail(["travel copy (export-travel-copy, then edits)"],
                              self.variants[name], exc)
        for number in range(self.rounds):
            for action, on, recorded in groups:
                order = on if (number + self.first) % 2 == 0 else tuple(reversed(on))
                for name in order:
                    if action.__name__ == "merge" and name not in self.travel:
                        continue
                    variant = self.variants[name]
                    progress(f"round {number + 1}: {action.__name__} on {name}")
                    try:
                        with configured(variant):
                            action(variant)
                    except Exception as exc:
                        self.fail(recorded, variant, exc)


def discard(folder: Path) -> None:
    """Delete a folder of copies, and forget the keys held for them."""
    for path in folder.rglob("*.sqlite3"):
        cipher.forget(path)
    shutil.rmtree(folder)


def read_all_rows(db: Database, limit: int | None) -> tuple[int, str]:
    """Every data sheet's rows (up to `limit` each) through the export's reading process:
    how many, and a digest of their _rev fingerprints (the same data gives the same digest)."""
    names = [spec.name for spec in SHEETS]
    reader = export_feed.ProcessFeed(db, names, limit)
    digest = hashlib.sha256()
    rows = 0
    try:
        for name in names:
            for _values, fingerprint, _plain in reader.rows(name):
                digest.update(fingerprint.encode())
                rows += 1
    finally:
        reader.close()
    if reader.process.returncode != 0:
        raise RuntimeError(f"the reading process ended with {reader.process.returncode}")
    return rows, digest.hexdigest()


def sheet_rows(path: Path) -> dict[str, int]:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    return {name: len(book.get_sheet_by_name(name).to_python())
            for name in book.sheet_names if name in {spec.name for spec in SHEETS}}


def table_counts(path: Path) -> dict[str, int]:
    connection = cipher.connect(path)
    try:
        return cipher._counts(connection)
    finally:
        connection.close()


def comparable(result: Any) -> Any:
    """What must be the same on the plain and the encrypted file."""
    if hasattr(result, "items") and hasattr(result, "total"):  # a Page
        return result.total, [r.id for r in result.items]
    if isinstance(result, list):
        return [getattr(r, "id", r) for r in result]
    return result


def show(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def ratio(a: float | None, b: float | None) -> str:
    return "—" if a is None or b is None or b == 0 else f"{a / b:.2f}"


def report(bench: Bench, header: str) -> int:
    problems: list[str] = []
    print(header)
    print("| operation | plain | encrypted | encrypted ÷ plain | plain, mmap_size=0 | "
          "mmap_size=0 ÷ plain (no mmap) | encrypted ÷ mmap_size=0 (decryption) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for measure in bench.measures.values():
        for variant, failure in measure.failures.items():
            problems.append(f"{measure.name} — {variant}: {failure}")
        if measure.name.startswith("("):
            continue
        plain, no_mmap, encrypted = (measure.best(v) for v in VARIANTS)
        cells = [show(plain), "FAILED" if ENCRYPTED in measure.failures else show(encrypted),
                 ratio(encrypted, plain), show(no_mmap), ratio(no_mmap, plain),
                 ratio(encrypted, no_mmap)]
        print(f"| {measure.name} | " + " | ".join(cells) + " |")
        expected = measure.results.get(PLAIN)
        for variant in (NO_MMAP, ENCRYPTED):
            if variant in measure.results and measure.results[variant] != expected:
                problems.append(f"{measure.name}: the {variant} file gave "
                                f"{short(measure.results[variant])}, the plain one "
                                f"{short(expected)}")
    mmap = bench.measures.get("(mmap_size of a connection)")
    if mmap is not None:
        print("\nmmap_size on the engine's connections: " + ", ".join(
            f"{v} {value}" for v, value in mmap.results.items()) +
              f"; an export's scanning reads set {SCAN_MMAP:,} (SCAN_MMAP_BYTES), which "
              "SQLCipher accepts and ignores.")
    print(f"\nbest of {bench.rounds} rounds; every round (s), "
          "plain / mmap_size=0 / encrypted:")
    for measure in bench.measures.values():
        if measure.name.startswith("("):
            continue
        runs = " / ".join(",".join(f"{s:.3f}" if s < 1 else f"{s:.2f}"
                                   for s in measure.seconds.get(v, [])) or "—"
                          for v in VARIANTS)
        print(f"- {measure.name}: {runs}")
    if problems:
        print("\nPROBLEMS:")
        for problem in problems:
            print(f"- {problem}")
        return 1
    print("\nEvery operation gave the same results on the encrypted file as on the plain one.")
    return 0


def short(value: Any) -> str:
    text = repr(value)
    return text if len(text) < 300 else text[:300] + "…"


def versions() -> str:
    import sqlite3

    import sqlcipher3

    connection = sqlcipher3.connect(":memory:")
    try:
        connection.execute("PRAGMA key = 'any'")  # the cipher's settings need a keyed file
        version = connection.execute("PRAGMA cipher_version").fetchone()[0]
        provider = connection.execute("PRAGMA cipher_provider").fetchone()[0]
    finally:
        connection.close()
    return (f"SQLite {sqlite3.sqlite_version} (plain), SQLCipher {version} on SQLite "
            f"{sqlcipher3.sqlite_version} with {provider} (encrypted)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", choices=["small", "medium", "large"], default="medium")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--import-rows", type=int, default=IMPORT_ROWS)
    parser.add_argument("--only", nargs="+", metavar="GROUP",
                        choices=["open_first_query", "reads", "export", "reader", "backup",
                                 "import_rows_of", "merge"],
                        help="run only these groups of operations")
    parser.add_argument("--encrypted-first", action="store_true",
                        help="the first round runs the encrypted file first (rounds alternate)")
    parser.add_argument("--quiet", action="store_true", help="no progress on standard error")
    args = parser.parse_args(argv)

    def progress(text: str) -> None:
        if not args.quiet:
            print(f"… {text}", file=sys.stderr, flush=True)

    progress(f"the {args.size} demo database, plain and encrypted (made once, in bench/out)")
    plain_source = database_for(args.size)
    encrypted_source = encrypted_database_for(args.size)
    export_feed.subprocess = FEED  # type: ignore[assignment]
    try:
        with tempfile.TemporaryDirectory(dir=plain_source.parent) as temp:
            folder = Path(temp)
            (folder / "plain").mkdir()
            (folder / "encrypted").mkdir()
            plain = copy_database(plain_source, folder / "plain" / "register.sqlite3")
            encrypted = copy_database(encrypted_source,
                                      folder / "encrypted" / "register.sqlite3")
            variants = {PLAIN: Variant(PLAIN, plain, SCAN_MMAP),
                        NO_MMAP: Variant(NO_MMAP, plain, 0),
                        ENCRYPTED: Variant(ENCRYPTED, encrypted, SCAN_MMAP)}
            bench = Bench(folder, variants, args.rounds, args.import_rows)
            bench.first = int(args.encrypted_first)
            try:
                bench.run(set(args.only) if args.only else None, progress)
                sizes = (plain.stat().st_size, encrypted.stat().st_size)
            finally:
                for path in folder.rglob("*.sqlite3"):
                    cipher.forget(path)
    finally:
        export_feed.subprocess = subprocess  # type: ignore[assignment]
        FEED.started.clear()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    header = (f"Encrypted-database benchmark ({args.size} demo database: {sizes[0] / 1e6:.0f} MB "
              f"plain, {sizes[1] / 1e6:.0f} MB encrypted; commit {commit}; {versions()}; "
              f"best of {args.rounds} rounds, variants alternating, "
              f"{'encrypted' if args.encrypted_first else 'plain'} first; the export read the "
              f"database in {'a second process' if bench.export_processes else 'its own'})\n")
    return report(bench, header)

if __name__ == "__main__":
    sys.exit(main())
