"""Event page benchmark: `.venv/bin/python bench/event_bench.py [--size large] [--rounds N]`.

Issue 17: the page of the demo's 250-invitation high-level meeting opens in ≤ 100 ms on the large
demo database (bench/out/demo-SIZE.sqlite3, made by bench/databases.py). Opening it reads what
the page shows, one service call after another as the desktop's worker makes them:
events.get_event, event_figures.event_figures (invited, accepted and attended, heads of party,
regions, the participation profile), invitations.list_invitations (the first page of 500) and
events.list_sessions. Besides it: the figures of its series (every edition) and of its year.

Each round opens the database afresh (new connections, SQLite's page cache empty; the file
itself is in the system's cache after the first round) and opens the page twice: the first
open, then again warm. The raw baseline, measured in the same rounds on a fresh plain sqlite3
connection, reads the rows the page lists — the event, its invitations with the invitee's name
in name order, its sessions — with no figures: what the page costs beyond reading its rows is
what the ratio shows. Each figure is the median of the rounds."""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from databases import database_for

from db.seed.demo_events import BIG_MEETING, SERIES
from db.seed.opening import open_database
from db.services import event_figures, events, invitations
from db.store.engine import Database

TARGET_MS = 100.0


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = action()
    return (time.perf_counter() - start) * 1000, result


def open_page(db: Database, event_id: str) -> tuple[float, dict[str, float]]:
    """The event page's reads: total milliseconds, and each call's."""
    parts: dict[str, float] = {}
    parts["get_event"], record = timed(lambda: events.get_event(db, event_id))
    parts["event_figures"], figures = timed(lambda: event_figures.event_figures(db, event_id))
    parts["list_invitations"], page = timed(lambda: invitations.list_invitations(
        db, event_id, limit=500))
    parts["list_sessions"], sessions = timed(lambda: events.list_sessions(db, event_id))
    assert record.invitations == page.total == len(page.items) == BIG_MEETING, page.total
    assert figures.invited.organizations + figures.invited.individuals == BIG_MEETING
    assert sessions
    return sum(parts.values()), parts


def raw_page(path: Path, event_id: str) -> float:
    """Plain sqlite3 on a fresh connection: the event, its invitations with names in name
    order (the first 500), its sessions."""
    connection = sqlite3.connect(path)
    try:
        start = time.perf_counter()
        connection.execute("SELECT * FROM events WHERE id = ?", (event_id,)).fetchall()
        rows = connection.execute(
            "SELECT i.*, coalesce(o.name, p.name) FROM invitations i "
            "LEFT JOIN organizations o ON o.id = i.organization_id "
            "LEFT JOIN people p ON p.id = i.person_id "
            "WHERE i.event_id = ? AND i.deleted_at IS NULL "
            "ORDER BY coalesce(o.sort_original, p.sort_original), i.id LIMIT 500",
            (event_id,)).fetchall()
        connection.execute("SELECT * FROM event_sessions WHERE event_id = ? "
                           "AND deleted_at IS NULL ORDER BY day, position",
                           (event_id,)).fetchall()
        elapsed = (time.perf_counter() - start) * 1000
    finally:
        connection.close()
    assert len(rows) == BIG_MEETING, len(rows)
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", choices=["small", "medium", "large"], default="large")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    path = database_for(args.size)

    db = open_database(path)
    try:
        meeting = events.editions_of(db, SERIES)[-1]
        year = meeting.start.year
    finally:
        db.close()
    first: list[float] = []
    warm: list[float] = []
    raw: list[float] = []
    series: list[float] = []
    years: list[float] = []
    parts: dict[str, list[float]] = {}
    for _ in range(args.rounds):
        raw.append(raw_page(path, meeting.id))
        db = open_database(path)
        try:
            total, _parts = open_page(db, meeting.id)
            first.append(total)
            total, split = open_page(db, meeting.id)
            warm.append(total)
            for name, value in split.items():
                parts.setdefault(name, []).append(value)
            milliseconds, editions = timed(lambda d=db: event_figures.series_figures(d, SERIES))
            assert [f.edition for f in editions][-2:] == [2, 3]
            series.append(milliseconds)
            milliseconds, figures = timed(lambda d=db: event_figures.year_figures(d, year))
            assert figures.invitations >= BIG_MEETING
            years.append(milliseconds)
        finally:
            db.close()

    def median(values: list[float]) -> float:
        return statistics.median(values)

    baseline = median(raw)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    print(f"Event page benchmark ({args.size} demo database, commit {commit}, median of "
          f"{args.rounds} rounds): “{meeting.name}”, {BIG_MEETING} invitations\n")
    print("| measure | Liaison | raw baseline | × baseline | target |")
    print("|---|---:|---:|---:|---|")
    raw_text = f"{baseline:.1f} ms (sqlite3: event, invitations with names, sessions)"
    print(f"| event page, first open (get_event + event_figures + list_invitations + "
          f"list_sessions) | {median(first):.1f} ms | {raw_text} | "
          f"{median(first) / max(baseline, 0.01):.1f} | ≤ {TARGET_MS:.0f} ms |")
    print(f"| event page, opened again | {median(warm):.1f} ms | {raw_text} | "
          f"{median(warm) / max(baseline, 0.01):.1f} | ≤ {TARGET_MS:.0f} ms |")
    for name, values in parts.items():
        print(f"| … of which {name} | {median(values):.1f} ms | | | |")
    print(f"| series figures ({SERIES}, every edition) | {median(series):.1f} ms | | | |")
    print(f"| year figures ({year}) | {median(years):.1f} ms | | | |")
    slow = max(median(first), median(warm)) > TARGET_MS
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
