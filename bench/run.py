"""Liaison benchmark: `make bench` (or `.venv/bin/python bench/run.py [--size large]`).

Times the foundation's operations on a generated database and prints a Markdown table for the
README. Machines here are noisy, so each figure also appears as a ratio against a raw baseline
measured in the same run: plain sqlite3 inserting the same number of rows it has to write."""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from db.seed.demo import SIZES, generate_demo
from db.seed.opening import open_database
from db.services.check import check_database
from db.services.interactions import InteractionFilter, list_interactions
from db.services.organizations import OrganizationFilter, list_organizations
from db.services.similarity import find_similar
from db.services.stats import database_stats
from db.store.engine import Database


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def raw_baseline(folder: Path, rows: int) -> float:
    """sqlite3 alone: insert `rows` rows of (uuid text primary key, 6 text columns)."""
    connection = sqlite3.connect(folder / "baseline.sqlite3")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("CREATE TABLE t (id TEXT PRIMARY KEY, a TEXT, b TEXT, c TEXT, d TEXT, "
                       "e TEXT, f TEXT)")
    start = time.perf_counter()
    batch = []
    for number in range(rows):
        batch.append((str(uuid.UUID(int=number, version=4)), "talks", "Talks with a party",
                      "2024-06-27", None, "KE", "Talks on governance."))
        if len(batch) == 20_000:
            connection.executemany("INSERT INTO t VALUES (?,?,?,?,?,?,?)", batch)
            batch.clear()
    connection.executemany("INSERT INTO t VALUES (?,?,?,?,?,?,?)", batch)
    connection.commit()
    elapsed = time.perf_counter() - start
    connection.close()
    return elapsed


def foundation_reads(db: Database) -> Iterator[tuple[str, float, Any]]:
    """The foundation's reads, timed one after the other on `db`: (name, seconds, result).
    Shared with bench/encrypted_bench.py, which runs them on a plain and an encrypted file."""
    seconds, findings = timed(lambda: check_database(db))
    assert findings == [], findings
    yield "check (integrity, orphans, contact figures)", seconds, findings
    seconds, stats = timed(lambda: database_stats(db))
    yield "stats", seconds, stats
    seconds, page = timed(lambda: list_organizations(
        db, OrganizationFilter(regions=("Africa",)), sort="last_contact", descending=True))
    yield "organizations: Africa, by last contact, first page", seconds, page
    busiest = page.items[0].id
    seconds, timeline = timed(lambda: list_interactions(
        db, InteractionFilter(organization_id=busiest), limit=100))
    yield "timeline of the busiest organization, first page", seconds, timeline
    seconds, similar = timed(lambda: find_similar(db, "organization",
                                                  ["Democratic Peoples Party"]))
    yield "find_similar over every organization", seconds, similar


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", choices=sorted(SIZES), default="large")
    args = parser.parse_args()
    size = SIZES[args.size]
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        db = open_database(folder / "bench.sqlite3")
        baseline = raw_baseline(folder, size.interactions)

        def load() -> None:
            for _ in generate_demo(db, args.size, seed=1):
                pass

        results: list[tuple[str, float, str]] = []
        seconds, _ = timed(load)
        results.append((f"demo --size {args.size} ({size.interactions:,} interactions)", seconds,
                        "< 120 s"))
        results.extend((name, seconds, "") for name, seconds, _ in foundation_reads(db))
        db.close()

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    print(f"Benchmark ({args.size}, commit {commit}, Python {sys.version.split()[0]}); raw "
          f"baseline: sqlite3 inserting {size.interactions:,} rows took {baseline:.1f} s.\n")
    print("| operation | seconds | × raw baseline | target |")
    print("|---|---:|---:|---|")
    for name, seconds, target in results:
        print(f"| {name} | {seconds:.2f} | {seconds / baseline:.2f} | {target} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
