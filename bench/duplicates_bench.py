"""Duplicate scan benchmark: `.venv/bin/python bench/duplicates_bench.py [--size large]
[--rounds N]`.

Issue 18: the duplicate scan (db/services/duplicates.py, what Tools ▸ Find duplicates… and
`liaison duplicates` run) takes ≤ 10 s over the 10,000 organizations of the large demo
database (bench/out/demo-SIZE.sqlite3, made by bench/databases.py); the 50,000 people are
measured too. Each round opens the database afresh and scans organizations, then people.

Two baselines, measured in the same run:
- raw reading: plain sqlite3 on a fresh connection reads the same name columns (name,
  English and Chinese names, aliases, abbreviation, country) of the live records — the floor
  any scan stands on;
- unblocked rapidfuzz: the distinct folded names (db.services.similarity.normalize_name)
  scored all against all with the same scorer (process.cdist, token_sort_ratio, every core),
  with no blocking, no transliteration and no pairs made — timed on a sample of 1,000 rows
  against every name and scaled to all rows: what merely comparing every name with every
  other costs. (The demo's 50,000 people share ~1,000 distinct names, so theirs is small.)

Each figure is the median of the rounds; exits 1 when organizations take more than 10 s."""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

from databases import database_for

from db.seed.opening import open_database
from db.services.duplicates import DEFAULT_MIN_SCORES, scan_duplicates
from db.services.similarity import normalize_name

TARGET_S = 10.0
SAMPLE = 1000
COLUMNS = {
    "organization": ("organizations", "name, name_en, name_zh, aliases, abbreviation, "
                                      "country_code"),
    "person": ("people", "name, name_en, name_zh, aliases, nationality"),
}


def raw_names(path: Path, kind: str) -> tuple[float, list[str]]:
    """Plain sqlite3: the names of the live records (seconds), and every name as read."""
    table, columns = COLUMNS[kind]
    connection = sqlite3.connect(path)
    try:
        start = time.perf_counter()
        rows = connection.execute(
            f"SELECT {columns} FROM {table} WHERE deleted_at IS NULL AND merged_into IS NULL"
        ).fetchall()
        elapsed = time.perf_counter() - start
    finally:
        connection.close()
    names: list[str] = []
    for row in rows:
        for value in row[:3]:
            if value:
                names.append(value)
        names.extend(json.loads(row[3] or "[]"))
    return elapsed, names


def unblocked(names: list[str]) -> tuple[float, int]:
    """Seconds to score every distinct folded name against every other with no blocking (a
    sample's rows against all, scaled to all rows), and how many distinct names."""
    from rapidfuzz import fuzz, process

    folded = [n for n in {normalize_name(name) for name in names} if n]
    sample = folded[:SAMPLE]
    start = time.perf_counter()
    process.cdist(sample, folded, scorer=fuzz.token_sort_ratio, score_cutoff=85,
                  dtype="uint8", workers=-1)
    return (time.perf_counter() - start) * len(folded) / max(len(sample), 1), len(folded)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", choices=["small", "medium", "large"], default="large")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    path = database_for(args.size)
    kinds = ("organization", "person")
    scans: dict[str, list[float]] = {kind: [] for kind in kinds}
    raws: dict[str, list[float]] = {kind: [] for kind in kinds}
    alls: dict[str, list[float]] = {kind: [] for kind in kinds}
    counts: dict[str, tuple[int, int]] = {}
    distinct: dict[str, int] = {}
    for _ in range(args.rounds):
        for kind in kinds:
            seconds, names = raw_names(path, kind)
            raws[kind].append(seconds)
            seconds, distinct[kind] = unblocked(names)
            alls[kind].append(seconds)
            db = open_database(path)
            try:
                start = time.perf_counter()
                pairs = scan_duplicates(db, kind)
                scans[kind].append(time.perf_counter() - start)
            finally:
                db.close()
            exact = sum(1 for p in pairs if p.score == 100)
            counts[kind] = (len(pairs), exact)

    def median(values: list[float]) -> float:
        return statistics.median(values)

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    with sqlite3.connect(path) as connection:
        sizes = {kind: connection.execute(
            f"SELECT count(*) FROM {COLUMNS[kind][0]} WHERE deleted_at IS NULL").fetchone()[0]
            for kind in kinds}
    print(f"Duplicate scan benchmark ({args.size} demo database, commit {commit}, median of "
          f"{args.rounds} rounds)\n")
    print("| records | scan (Liaison) | pairs found (score 100) | raw: read the names "
          "(sqlite3) | unblocked rapidfuzz, every name × every name | target |")
    print("|---|---:|---:|---:|---:|---|")
    for kind in kinds:
        found, exact = counts[kind]
        word = "organizations" if kind == "organization" else "people"
        target = f"≤ {TARGET_S:.0f} s" if kind == "organization" else ""
        print(f"| {sizes[kind]:,} {word} (min score {DEFAULT_MIN_SCORES[kind]}) | "
              f"{median(scans[kind]):.2f} s | {found:,} ({exact:,}) | "
              f"{median(raws[kind]) * 1000:.0f} ms | {median(alls[kind]):.2f} s "
              f"({distinct[kind]:,} distinct names) | {target} |")
    return 1 if median(scans["organization"]) > TARGET_S else 0


if __name__ == "__main__":
    sys.exit(main())
