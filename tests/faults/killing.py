"""Killing a `liaison` command at chosen and random moments and checking what it leaves: the
database opens, passes `liaison check`, and holds all or nothing of the interrupted work —
its row counts, table by table, are exactly those before or those after an uninterrupted run."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import db.models  # noqa: F401  (registers every table)
from db.models.base import Base

REPO = Path(__file__).resolve().parents[2]
Counts = dict[str, int]


def counts_of(path: Path) -> Counts:
    """Rows in each of Liaison's tables (the FTS index and SQLite's own tables left out)."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
                for name in sorted(Base.metadata.tables)}
    finally:
        connection.close()


def intact(path: Path) -> bool:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    except sqlite3.DatabaseError:
        return False
    finally:
        connection.close()


def child(spec: str, argv: Sequence[str]) -> subprocess.Popen[bytes]:
    environment = dict(os.environ, PYTHONPATH=str(REPO), LANG="C.UTF-8")
    return subprocess.Popen([sys.executable, "-m", "tests.faults.child", spec, "--", *argv],
                            cwd=REPO, env=environment, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)


def liaison(*argv: str) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ, PYTHONPATH=str(REPO), LANG="C.UTF-8")
    return subprocess.run([sys.executable, "-m", "tests.faults.child", "none", "--", *argv],
                          cwd=REPO, env=environment,
                          capture_output=True, text=True, timeout=600)


@dataclass
class Trial:
    moment: str
    outcome: str  # "before", "after", or what went wrong
    seconds: float


@dataclass
class Operation:
    """A command on a copy of `pristine`, with the states it may leave."""

    name: str
    pristine: Path
    argv: list[str]  # "{db}" stands for the copy's path
    folder: Path
    before: Counts = field(default_factory=dict)
    after: Counts = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    trials: list[Trial] = field(default_factory=list)

    def copy(self, name: str) -> Path:
        target = self.folder / name / self.pristine.name
        if target.parent.exists():
            shutil.rmtree(target.parent)
        target.parent.mkdir(parents=True)
        shutil.copyfile(self.pristine, target)
        return target

    def arguments(self, database: Path) -> list[str]:
        return [part.replace("{db}", str(database)) for part in self.argv]

    def measure(self) -> None:
        """One uninterrupted run: how long it takes, how many commits, the state it leaves."""
        self.before = counts_of(self.pristine)
        database = self.copy("uninterrupted")
        report = self.folder / "counts.json"
        started = time.perf_counter()
        process = child(f"count:{report}", self.arguments(database))
        out, err = process.communicate(timeout=600)
        self.seconds = time.perf_counter() - started
        assert process.returncode == 0, (out + err).decode()
        self.counts = json.loads(report.read_text(encoding="utf-8"))
        self.after = counts_of(database)
        assert self.after != self.before, "the operation changed nothing to interrupt"

    def moments(self, kills: int, rng: random.Random) -> list[str]:
        """Just before and just after each commit and backup, then random statements and
        random times, `kills` in all."""
        chosen = []
        for number in range(self.counts["commits"], 0, -1):
            chosen += [f"before-commit:{number}", f"after-commit:{number}"]
        chosen += [f"after-backup:{n}" for n in range(1, self.counts["backups"] + 1)]
        chosen = chosen[:max(kills - kills // 2, 2)]
        while len(chosen) < kills:
            if self.counts["statements"] > 2 and len(chosen) % 2:
                chosen.append(f"statement:{rng.randint(1, self.counts['statements'])}")
            elif len(chosen) % 4 == 0:  # the last fifth, where the work is committed
                chosen.append(f"time:{rng.uniform(0.8 * self.seconds, self.seconds):.3f}")
            else:
                chosen.append(f"time:{rng.uniform(0.05, self.seconds):.3f}")
        return chosen[:kills]

    def kill(self, moment: str, number: int) -> Trial:
        database = self.copy(f"kill-{number}")
        started = time.perf_counter()
        if moment.startswith("time:"):
            process = child("none", self.arguments(database))
            try:
                process.wait(timeout=float(moment.partition(":")[2]))
            except subprocess.TimeoutExpired:
                process.send_signal(signal.SIGKILL)
        else:
            process = child(moment, self.arguments(database))
        process.communicate(timeout=600)
        seconds = time.perf_counter() - started
        killed = process.returncode == -signal.SIGKILL
        trial = Trial(moment, self.judge(database, killed), seconds)
        self.trials.append(trial)
        return trial

    def judge(self, database: Path, killed: bool) -> str:
        check = liaison("--db", str(database), "check")
        if check.returncode != 0 or "Traceback" in check.stderr:
            return f"check failed: {check.stdout}{check.stderr}"
        for backup in (database.parent / "backups").glob("*.sqlite3"):
            if not intact(backup):
                return f"a backup that does not pass its check: {backup.name}"
        counts = counts_of(database)
        if counts == self.before:
            return "before"
        if counts == self.after:
            return "after" if killed else "after (finished)"
        changed = {name: (self.before[name], counts[name], self.after[name])
                   for name in counts if counts[name] not in (self.before[name],
                                                              self.after[name])}
        return f"partial: {changed}"

    def summary(self) -> str:
        outcomes: dict[str, int] = {}
        for trial in self.trials:
            key = trial.outcome if trial.outcome.startswith(("before", "after")) else "LOST"
            outcomes[key] = outcomes.get(key, 0) + 1
        shown = ", ".join(f"{key} {value}" for key, value in sorted(outcomes.items()))
        return (f"| {self.name} | {len(self.trials)} | {self.seconds:.1f} s | "
                f"{self.counts['commits']} | {shown} |")
