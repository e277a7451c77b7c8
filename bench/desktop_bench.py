"""Desktop benchmark: `.venv/bin/python bench/desktop_bench.py [--size medium|large]`.

Builds (or reuses, in bench/out/) a demo database and reports, each beside a raw baseline
measured in the same run:
- process start to a painted main window (baseline: an empty PySide6 window),
- one filter keystroke on the organizations list (baseline: the same LIKE in plain sqlite3),
- opening the busiest organization's timeline (first page),
- resident memory after browsing the large lists."""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
OUT = HERE / "out"


def database_for(size: str) -> Path:
    from db.demo import generate_demo
    from db.engine import SCHEMA_HEAD, open_database, read_sqlite_schema

    path = OUT / f"demo-{size}.sqlite3"
    if path.exists() and read_sqlite_schema(path)[1] != SCHEMA_HEAD:
        path.unlink()
    if not path.exists():
        OUT.mkdir(exist_ok=True)
        db = open_database(path)
        for _ in generate_demo(db, size, seed=1):
            pass
        db.close()
    return path


def startup(path: Path | None, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        command = [sys.executable, str(HERE / "startup_probe.py")]
        command += [str(path)] if path else ["--bare"]
        started = time.time()
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        painted = float(next(line.split()[1] for line in output.splitlines()
                             if line.startswith("painted")))
        times.append(painted - started)
    return statistics.median(times)


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", choices=["small", "medium", "large"], default="large")
    args = parser.parse_args()
    path = database_for(args.size)

    bare = startup(None)
    liaison = startup(path)

    from PySide6.QtWidgets import QApplication

    from db.engine import open_database
    from db.services.interactions import InteractionFilter, list_interactions
    from desktop.context import AppContext
    from desktop.views.organizations import OrganizationsView

    app = QApplication([])
    context = AppContext(open_database(path))
    view = OrganizationsView(context)
    view.resize(1280, 800)
    view.show()
    app.processEvents()
    keystrokes = []
    raw = []
    connection = sqlite3.connect(path)
    for text in ("d", "de", "dem", "demo", "democ", "democr", "p", "pa", "par", "part"):
        view.query.setText(text)
        start = time.perf_counter()
        view.reload()
        view.table.viewport().repaint()
        keystrokes.append(time.perf_counter() - start)
        start = time.perf_counter()
        connection.execute("SELECT id, name FROM organizations WHERE deleted_at IS NULL AND "
                           "(lower(name) LIKE ? OR lower(abbreviation) LIKE ?) "
                           "ORDER BY lower(name) LIMIT 200",
                           (f"%{text}%", f"%{text}%")).fetchall()
        raw.append(time.perf_counter() - start)
    view.query.setText("")
    view.reload()
    busiest = connection.execute("SELECT id FROM organizations ORDER BY interaction_count DESC "
                                 "LIMIT 1").fetchone()[0]
    timeline = []
    raw_timeline = []
    for _ in range(5):
        start = time.perf_counter()
        list_interactions(context.database, InteractionFilter(organization_id=busiest), limit=200)
        timeline.append(time.perf_counter() - start)
        start = time.perf_counter()
        connection.execute("SELECT i.* FROM participations p JOIN interactions i "
                           "ON i.id = p.interaction_id WHERE p.organization_id = ? "
                           "ORDER BY p.start_date DESC LIMIT 200", (busiest,)).fetchall()
        raw_timeline.append(time.perf_counter() - start)
    for row in range(0, view.model.rowCount(), 37):  # scroll through every organization
        view.model.record(row)
    memory = rss_mb()

    def ms(values: list[float]) -> float:
        return statistics.median(values) * 1000

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    print(f"Desktop benchmark ({args.size} demo database, commit {commit})\n")
    print("| measure | Liaison | raw baseline | × baseline | target |")
    print("|---|---:|---:|---:|---|")
    print(f"| process start to painted window | {liaison:.2f} s | {bare:.2f} s (empty "
          f"PySide6 window) | {liaison / bare:.1f} | ≤ 0.8 s |")
    print(f"| filter keystroke, organizations list | {ms(keystrokes):.1f} ms | "
          f"{ms(raw):.1f} ms (sqlite3 LIKE) | {ms(keystrokes) / max(ms(raw), 0.01):.1f} | ≤ 30 ms |")
    print(f"| busiest organization's timeline, first page | {ms(timeline):.1f} ms | "
          f"{ms(raw_timeline):.1f} ms (sqlite3 join) | "
          f"{ms(timeline) / max(ms(raw_timeline), 0.01):.1f} | ≤ 20 ms |")
    print(f"| resident memory after browsing | {memory:.0f} MB | | | ≤ 200 MB |")
    context.database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
