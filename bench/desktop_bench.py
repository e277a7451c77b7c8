"""Desktop benchmark: `.venv/bin/python bench/desktop_bench.py [--size medium|large]`.

Builds (or reuses, in bench/out/) a demo database and reports, each beside a raw baseline
measured in the same run:
- process start to a painted main window (baseline: an empty PySide6 window),
- one filter keystroke on the organizations list (baseline: the same LIKE in plain sqlite3),
- opening the busiest organization's timeline (first page),
- resident memory after browsing the large lists."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from databases import database_for

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent


def as_installed() -> dict[str, str]:
    """The environment of an installed Liaison: bytecode compiled once and then reused.
    (A shell with PYTHONDONTWRITEBYTECODE set would otherwise make every start compile all
    of Liaison's source again, which no user's start does.)"""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(HERE.parent / "db"),
                    str(HERE.parent / "desktop")], env=env, check=True, capture_output=True)
    return env


def startup(path: Path | None, runs: int = 5) -> float:
    env = as_installed()
    times = []
    command = [sys.executable, str(HERE / "startup_probe.py")]
    command += [str(path)] if path else ["--bare"]
    subprocess.run(command, capture_output=True, env=env, check=True)  # warm the disk cache
    for _ in range(runs):
        started = time.time()
        output = subprocess.run(command, capture_output=True, text=True, check=True,
                                env=env).stdout
        painted = float(next(line.split()[1] for line in output.splitlines()
                             if line.startswith("painted")))
        times.append(painted - started)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", choices=["small", "medium", "large"], default="large")
    args = parser.parse_args()
    path = database_for(args.size)

    bare = startup(None)
    liaison = startup(path)

    output = subprocess.run([sys.executable, str(HERE / "browse_probe.py"), str(path)],
                            capture_output=True, text=True, check=True).stdout
    figures = json.loads(output.strip().splitlines()[-1])

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    print(f"Desktop benchmark ({args.size} demo database, commit {commit})\n")
    print("| measure | Liaison | raw baseline | × baseline | target |")
    print("|---|---:|---:|---:|---|")
    print(f"| process start to painted window | {liaison:.2f} s | {bare:.2f} s (empty "
          f"PySide6 window) | {liaison / bare:.1f} | ≤ 0.8 s |")
    key, key_raw = figures["keystroke_ms"], figures["keystroke_raw_ms"]
    line, line_raw = figures["timeline_ms"], figures["timeline_raw_ms"]
    print(f"| filter keystroke on the organizations list (query + repaint) | {key:.1f} ms | "
          f"{key_raw:.1f} ms (sqlite3 LIKE) | {key / max(key_raw, 0.01):.1f} | ≤ 30 ms |")
    print(f"| opening the busiest organization's timeline (page + first rows) | {line:.1f} ms | "
          f"{line_raw:.1f} ms (sqlite3 join) | {line / max(line_raw, 0.01):.1f} | ≤ 20 ms |")
    print(f"| resident memory after scrolling 20k rows of every list | {figures['rss_mb']:.0f} MB | | | "
          "≤ 200 MB |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
