"""Export benchmark: `.venv/bin/python bench/export_bench.py [--size medium|large] [--runs N]
[--no-whole]`.

On a demo database (generated once into bench/out/), in one process:
- raw baseline: openpyxl's write-only writer alone writing the exact cell values Liaison
  exports for the first 100,000 interactions (no styles, no validations, no database),
- Liaison's export of those 100,000 interactions (queries, cells, styles, dropdowns, save),
- the export of the whole database, and its file size (unless --no-whole).
The two 100,000-row measures alternate, run after run, so that a busy machine slows both
alike; each is the best of its runs, in wall-clock time and in CPU time (which other programs
on the machine do not inflate; Liaison's includes the second process that reads the database
while this one writes, db/exchange/feed.py, so it is more than its wall-clock time).
Target (issue 4): the interactions export within 1.3× of the raw writer, in wall-clock time."""

from __future__ import annotations

import argparse
import gc
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from databases import database_for

from db.exchange.export import rows as data
from db.exchange.export.writer import _cell, write_workbook
from db.exchange.workbook import INTERACTIONS, fingerprint
from db.seed.opening import open_database

ROWS = 100_000
TARGET = 1.3


class _Captured:
    """Stands in for WriteOnlyCell: keeps the value the exporter would write, drops styling."""

    def __init__(self, ws: Any, value: Any = None) -> None:
        self.value = value


def exported_cells(path: Path) -> list[list[Any]]:
    """The interactions sheet's cells as the exporter produces them (header included)."""
    db = open_database(path)
    try:
        with db.reading() as session:
            names = data.Names(session)
            rows: list[list[Any]] = [list(INTERACTIONS.headers)]
            for n, (values, version) in enumerate(data.interactions(session, names), start=2):
                if n > ROWS + 1:
                    break
                cells = [_cell(_Captured, None, INTERACTIONS, i, value, n)
                         for i, value in enumerate(values)]
                rows.append([c.value if isinstance(c, _Captured) else c for c in cells]
                            + [fingerprint(values, version)])
    finally:
        db.close()
    return rows


Timing = tuple[float, float]  # wall-clock seconds, CPU seconds of this process and its children


def cpu() -> float:
    """CPU seconds used so far by this process and by its finished children (a large export
    reads the database in a second process: db/exchange/feed.py)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def raw_write(rows: list[list[Any]], out: Path) -> Timing:
    from openpyxl import Workbook

    gc.collect()
    start, used = time.perf_counter(), cpu()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(INTERACTIONS.name)
    for row in rows:
        ws.append(row)
    wb.save(out)
    return time.perf_counter() - start, cpu() - used


def liaison_write(path: Path, out: Path, **kwargs: Any) -> Timing:
    db = open_database(path)
    try:
        gc.collect()
        start, used = time.perf_counter(), cpu()
        for _ in write_workbook(db, out, **kwargs):
            pass
        return time.perf_counter() - start, cpu() - used
    finally:
        db.close()


def best(timings: list[Timing]) -> Timing:
    return min(t[0] for t in timings), min(t[1] for t in timings)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", choices=["small", "medium", "large"], default="large")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-whole", action="store_true",
                        help="skip the export of the whole database")
    args = parser.parse_args()
    path = database_for(args.size)

    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        rows = exported_cells(path)
        raw_runs: list[Timing] = []
        our_runs: list[Timing] = []
        for _ in range(args.runs):
            raw_runs.append(raw_write(rows, tmp / "raw.xlsx"))
            our_runs.append(liaison_write(path, tmp / "interactions.xlsx",
                                          sheets=[INTERACTIONS.name], limit=ROWS))
        rows.clear()
        raw, ours = best(raw_runs), best(our_runs)
        if not args.no_whole:
            whole = liaison_write(path, tmp / "whole.xlsx")[0]
            size = os.path.getsize(tmp / "whole.xlsx")

    try:
        import lxml  # noqa: F401
        engine = "lxml"
    except ImportError:
        engine = "no lxml"
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    print(f"Export benchmark ({args.size} demo database, commit {commit}, openpyxl {engine}, "
          f"best of {args.runs})\n")
    print("| measure | Liaison | raw baseline | × baseline | target |")
    print("|---|---:|---:|---:|---|")
    for number, unit in ((0, "wall-clock"), (1, "CPU, reading process included")):
        print(f"| export {ROWS:,} interactions (.xlsx), {unit} | {ours[number]:.2f} s | "
              f"{raw[number]:.2f} s (openpyxl write-only, same cells, no styles) | "
              f"{ours[number] / raw[number]:.2f} | "
              f"{f'≤ {TARGET} ×' if number == 0 else '(context: two processes)'} |")
    if not args.no_whole:
        print(f"| export the whole database | {whole:.2f} s ({size / 1e6:.1f} MB) | | | |")
    print("\nruns (wall-clock s, raw / Liaison): " + ", ".join(
        f"{r[0]:.2f} / {o[0]:.2f}" for r, o in zip(raw_runs, our_runs, strict=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
