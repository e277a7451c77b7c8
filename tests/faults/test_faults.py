"""Faults around the database file (issue 15, item 5): a full disk, a vanished or blocked
backups folder, two Liaison processes on one SQLite file. Each gets a clear message, leaves
nothing half-written, and never hangs."""

from __future__ import annotations

import csv
import resource
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.faults.killing import REPO, counts_of, liaison

LIAISON = [sys.executable, "-m", "tests.faults.child", "none", "--"]


def sheet(path: Path, rows: int, name: str = "Party of Progress") -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Name", "Country", "Notes"])
        for number in range(rows):
            writer.writerow([f"{name} {number}", "KE", f"Note {number}."])
    return path


@pytest.fixture
def register(tmp_path: Path) -> Path:
    path = tmp_path / "office" / "register.sqlite3"
    path.parent.mkdir()
    done = liaison("--db", str(path), "init")
    assert done.returncode == 0, done.stderr
    return path


def importing(database: Path, rows: Path, **popen: object) -> subprocess.Popen[str]:
    return subprocess.Popen([*LIAISON, "--db", str(database), "import", "--as",
                             "organizations", str(rows)], cwd=REPO, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **popen)  # type: ignore[call-overload]


def intact(database: Path) -> None:
    check = liaison("--db", str(database), "check")
    assert check.returncode == 0, check.stdout + check.stderr


def test_a_file_size_limit_mid_import_writes_nothing(register: Path, tmp_path: Path) -> None:
    """The disk fills (here: a limit on file size) while the import writes its rows."""
    before = counts_of(register)
    rows = sheet(tmp_path / "parties.csv", 5_000)

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (2_000_000, 2_000_000))

    process = importing(register, rows, preexec_fn=limit)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 1, out + err
    assert "could not be written" in err and "Nothing was saved" in err, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    intact(register)
    assert counts_of(register) == before


@pytest.fixture
def small_volume(tmp_path: Path) -> Iterator[Path]:
    """A 1.5 MB tmpfs: a real full disk (needs the right to mount, as root in CI)."""
    folder = tmp_path / "volume"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1536k", "tmpfs", str(folder)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small volume here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_full_disk_refuses_the_import_with_one_sentence(register: Path, tmp_path: Path,
                                                           small_volume: Path) -> None:
    """On a nearly full volume the backup before the import no longer fits: the import is
    refused, no partial backup is left to be mistaken for one, and the database is as it
    was. With room for the backup but not the rows, the rows are refused the same way."""
    database = small_volume / "register.sqlite3"
    shutil.copyfile(register, database)
    rows = sheet(tmp_path / "parties.csv", 5_000)
    before = counts_of(database)
    filler = small_volume / "filler"
    filler.write_bytes(b"\0" * (1536 * 1024 - 2 * database.stat().st_size + 100_000))
    for attempt in ("backup", "rows"):
        process = importing(database, rows)
        out, err = process.communicate(timeout=120)
        assert process.returncode == 1, out + err
        assert "disk is full" in err or "could not be written" in err, (attempt, err)
        assert "Traceback" not in err, err
        assert counts_of(database) == before, attempt
        intact(database)
        assert not list(small_volume.glob("backups/*.partial*")), attempt
        listed = liaison("--db", str(database), "backups", "--json")
        assert listed.returncode == 0, listed.stderr
        filler.unlink(missing_ok=True)  # room for a backup, not for 5,000 organizations
        (small_volume / "filler").write_bytes(b"\0" * 300_000)


def test_a_vanished_backups_folder_is_made_again(register: Path, tmp_path: Path) -> None:
    backups = register.parent / "backups"
    rows = sheet(tmp_path / "parties.csv", 10)
    assert importing(register, rows).wait(timeout=120) == 0
    shutil.rmtree(backups)
    more = sheet(tmp_path / "more.csv", 10, "Union of Labour")
    process = importing(register, more)
    _out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    assert len(list(backups.glob("register.import.*.sqlite3"))) == 1


def test_a_backups_folder_that_cannot_be_made_stops_the_import(register: Path,
                                                               tmp_path: Path) -> None:
    """Something else in the backups folder's place: no backup, so no import either."""
    (register.parent / "backups").write_text("not a folder", encoding="utf-8")
    before = counts_of(register)
    process = importing(register, sheet(tmp_path / "parties.csv", 10))
    out, err = process.communicate(timeout=120)
    assert process.returncode == 1, out + err
    assert "Cannot write a backup in" in err and "Traceback" not in err, err
    assert counts_of(register) == before


def test_two_processes_importing_the_same_sheet_import_it_once(register: Path,
                                                             tmp_path: Path) -> None:
    """Both plan against the same empty register; the second to write sees the first has
    moved the database on, plans again, and finds nothing new: no duplicates."""
    rows = sheet(tmp_path / "parties.csv", 3_000)
    first, second = importing(register, rows), importing(register, rows)
    outputs = [process.communicate(timeout=300) for process in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], outputs
    assert counts_of(register)["organizations"] == 3_000
    assert any("nothing to write" in out + err for out, err in outputs), outputs
    intact(register)


def test_two_processes_importing_different_sheets_import_both(register: Path,
                                                             tmp_path: Path) -> None:
    one = importing(register, sheet(tmp_path / "one.csv", 3_000))
    two = importing(register, sheet(tmp_path / "two.csv", 3_000, "Union of Labour"))
    outputs = [process.communicate(timeout=300) for process in (one, two)]
    assert [one.returncode, two.returncode] == [0, 0], outputs
    assert counts_of(register)["organizations"] == 6_000
    intact(register)


def test_a_process_holding_the_file_makes_the_other_say_why(register: Path,
                                                            tmp_path: Path) -> None:
    """Another program keeps the write lock (a stuck process, a tool left open): the import
    waits the busy timeout, then says the file is busy — it never hangs — and writes nothing."""
    holder = sqlite3.connect(register, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        started = time.monotonic()
        process = importing(register, sheet(tmp_path / "parties.csv", 10))
        out, err = process.communicate(timeout=120)
        waited = time.monotonic() - started
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert process.returncode == 1, out + err
    assert "busy" in err and "Traceback" not in err, err
    assert waited < 60
    assert counts_of(register)["organizations"] == 0
    intact(register)


def test_two_processes_merging_the_same_copy_merge_it_once(tmp_path: Path) -> None:
    """The second merge to write finds the first has moved this database on: it compares the
    copies again and finds nothing left to take (before: a unique-constraint crash)."""
    here, there = tmp_path / "here.sqlite3", tmp_path / "there.sqlite3"
    for path, seed in ((here, "1"), (there, "2")):
        for argv in (("init",), ("demo", "--size", "small", "--seed", seed)):
            assert liaison("--db", str(path), *argv).returncode == 0
    expected = counts_of(here)["organizations"] + counts_of(there)["organizations"]
    merges = [subprocess.Popen([*LIAISON, "--db", str(here), "merge", str(there)], cwd=REPO,
                               text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
              for _ in range(2)]
    outputs = [process.communicate(timeout=300) for process in merges]
    assert [process.returncode for process in merges] == [0, 0], outputs
    assert not any("Traceback" in err or "unexpected" in err for _out, err in outputs), outputs
    assert counts_of(here)["organizations"] == expected
    intact(here)
