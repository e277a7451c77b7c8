"""Hostile-file benchmark: `.venv/bin/python bench/hostile_bench.py [--rounds N] [--only TEXT]`.

Issue 15: each hostile file (an XML or zip bomb, a 100 MB cell, a folder given as the file, a
contact card with a 50 MB photo…) gets its one sentence within 2 s and 200 MB. The files are
the suite's own (tests/db/test_hostile_files.py makes them); each is imported as a user does,
`liaison --db X import FILE` in a child process that times itself and measures its peak memory
above its own baseline.

Raw baseline, measured in the same run and the same kind of child: reading the file's bytes
and counting its line feeds — the floor any reader of that file stands on (for a zip it is
the compressed file, for a folder nothing). The figure per file is the median of the rounds;
exits 1 when one takes more than 2 s or 200 MB."""

from __future__ import annotations

import argparse
import io
import json
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from db.cli.main import main as liaison

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.db.test_hostile_files import (  # noqa: E402 — the suite's makers, from the root
    BAR_SECONDS,
    GROWTH_MB,
    HOSTILE,
    photo_card,
    run_import,
)

RAW = r"""
import json, sys, time
from pathlib import Path
path = Path(sys.argv[1])
started = time.perf_counter()
lines = path.read_bytes().count(b"\n") if path.is_file() else 0
print(json.dumps({"seconds": time.perf_counter() - started, "lines": lines}))
"""


def raw_read(file: Path) -> float:
    done = subprocess.run([sys.executable, "-c", RAW, str(file)], capture_output=True,
                          text=True, check=True, timeout=120)
    seconds: float = json.loads(done.stdout)["seconds"]
    return seconds


def cases() -> dict[str, tuple[str, Callable[[Path], Path]]]:
    made: dict[str, tuple[str, Callable[[Path], Path]]] = {
        case: (name, build) for case, (name, build, _expected) in HOSTILE.items()}
    for version in ("2.1", "3.0", "4.0"):
        made[f"contact card {version}, 50 MB photo"] = (
            "jane.vcf", lambda path, version=version: photo_card(path, version))
    return made


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", default="", help="only the cases whose name holds this")
    args = parser.parse_args()
    rows = []
    worst = 0.0
    over = False
    for case, (name, build) in cases().items():
        if args.only and args.only not in case:
            continue
        seconds, growth, raw = [], [], []
        for _round in range(args.rounds):
            with tempfile.TemporaryDirectory() as folder:
                database = Path(folder) / "liaison.sqlite3"
                assert liaison(["--db", str(database), "init"], io.StringIO(),
                               io.StringIO()) == 0
                file = build(Path(folder) / name)
                raw.append(raw_read(file))
                result = run_import(database, file)
                seconds.append(result["seconds"])
                growth.append(result["growth_mb"])
        took, grew, floor = (statistics.median(seconds), statistics.median(growth),
                             statistics.median(raw))
        worst = max(worst, took)
        over = over or took > BAR_SECONDS or grew > GROWTH_MB
        rows.append(f"| {case} | {took:.2f} s | +{grew:.0f} MB | {floor:.3f} s |")
        print(rows[-1], file=sys.stderr, flush=True)
    print(f"Hostile files, median of {args.rounds} (bar: {BAR_SECONDS:.0f} s, {GROWTH_MB} MB)\n")
    print("| file | import, one sentence | memory above baseline | raw read |")
    print("|---|---|---|---|")
    print("\n".join(rows))
    print(f"\nslowest: {worst:.2f} s")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
