"""Crash tests (issue 15, item 5): SIGKILL during a large import, a merge of two databases and
a restore — just before and just after each commit and backup, at random SQL statements and at
random times — and the database always opens, passes `liaison check`, and holds all or nothing
of the interrupted work.

Brief in the everyday suite (three kills each, smaller files); `make soak` runs twenty kills
each on a 100,000-row import and medium databases and writes its table to bench/out/soak.md."""

from __future__ import annotations

import csv
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.faults.killing import REPO, Operation, liaison

COUNTRIES = ["KE", "ZA", "VN", "BR", "DE", "NP", "LK", "MZ", "AO", "CU", "CN", "LA"]


def scale(request: pytest.FixtureRequest) -> dict[str, object]:
    if "soak" in (request.config.option.markexpr or ""):
        return {"kills": 20, "rows": 100_000, "size": "medium"}
    return {"kills": 3, "rows": 5_000, "size": "small"}


def demo(path: Path, size: object, seed: int) -> Path:
    for argv in (("init",), ("demo", "--size", str(size), "--seed", str(seed))):
        done = liaison("--db", str(path), *argv)
        assert done.returncode == 0, done.stderr
    return path


def sheet(path: Path, rows: int) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Name", "Country", "City", "Notes"])
        for number in range(rows):
            writer.writerow([f"Party of Progress {number}", COUNTRIES[number % len(COUNTRIES)],
                             "Capital", f"Met at the congress, note {number}."])
    return path


@pytest.fixture(params=["import", "merge", "restore"])
def operation(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Operation]:
    wanted = scale(request)
    sources = tmp_path / "sources"
    sources.mkdir()
    if request.param == "import":
        pristine = sources / "liaison.sqlite3"
        done = liaison("--db", str(pristine), "init")
        assert done.returncode == 0, done.stderr
        rows = sheet(sources / "parties.csv", int(str(wanted["rows"])))
        argv = ["--db", "{db}", "import", "--as", "organizations", str(rows)]
    elif request.param == "merge":
        pristine = demo(sources / "liaison.sqlite3", wanted["size"], 1)
        other = demo(sources / "colleague.sqlite3", wanted["size"], 2)
        argv = ["--db", "{db}", "merge", str(other)]
    else:
        pristine = demo(sources / "liaison.sqlite3", wanted["size"], 1)
        other = demo(sources / "yesterday.sqlite3", wanted["size"], 2)
        argv = ["--db", "{db}", "restore", str(other)]
    what = f"{wanted['rows']:,} rows" if request.param == "import" else f"{wanted['size']} databases"
    yield Operation(f"{request.param} ({what})", pristine, argv, tmp_path / "runs")


def run_kills(operation: Operation, kills: int, seed: int) -> None:
    operation.measure()
    for number, moment in enumerate(operation.moments(kills, random.Random(seed))):
        trial = operation.kill(moment, number)
        assert trial.outcome.startswith(("before", "after")), (
            f"{operation.name}, killed at {moment}: {trial.outcome}")
    seen = {trial.outcome for trial in operation.trials}
    if operation.counts["commits"]:  # killed before and after the commit that holds the work
        assert {"before", "after"} <= seen, seen
    # What a kill left behind can be worked on: the same command finishes on it.
    last = operation.folder / f"kill-{len(operation.trials) - 1}" / operation.pristine.name
    again = liaison(*operation.arguments(last))
    assert again.returncode == 0, again.stderr


def test_a_killed_command_leaves_all_or_nothing(operation: Operation,
                                               request: pytest.FixtureRequest) -> None:
    run_kills(operation, int(str(scale(request)["kills"])), seed=15)


SUMMARIES: list[str] = []


@pytest.fixture(scope="module")
def soak_report() -> Iterator[list[str]]:
    """The soak run's table, for the README: bench/out/soak.md."""
    yield SUMMARIES
    if SUMMARIES:
        report = REPO / "bench" / "out" / "soak.md"
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text("| operation | kills | uninterrupted run | commits | left |\n"
                          "|---|---|---|---|---|\n" + "\n".join(sorted(SUMMARIES)) + "\n",
                          encoding="utf-8")


@pytest.mark.soak
def test_soak_twenty_kills_each(operation: Operation, request: pytest.FixtureRequest,
                                soak_report: list[str]) -> None:
    run_kills(operation, int(str(scale(request)["kills"])), seed=random.randrange(1 << 30))
    soak_report.append(operation.summary())
