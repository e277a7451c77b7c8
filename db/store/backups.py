"""The backups folder beside a SQLite database: automatic backups (the first start of each day,
and before every import, merge, restore and schema upgrade), each verified and rotated, listed
for the user to restore one.

A backup is made with SQLite's online backup API (never a file copy of a live database, which
would miss what is still in the write-ahead log), then checked with `PRAGMA integrity_check`:
a copy that does not pass is deleted and the operation it was to protect does not start.
Its name says when and why it was made — `register.import.20261204-093000.sqlite3` — so the
folder reads well in a file manager too. Rotation keeps the last N daily backups and the last
N made before a change (N per database, in its `meta` table); those made by hand are never
deleted by Liaison."""

from __future__ import annotations

import glob
import re
import shutil
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text

from db.store import cipher
from db.store.engine import (
    PARTIAL,
    Database,
    backup_folder,
    backup_sqlite,
    busy_timeout_seconds,
    sqlite_readonly_uri,
)
from db.store.errors import DatabaseProblem
from db.store.translation import QT_TRANSLATE_NOOP, translate

# Why a backup was made; in English, marked for the catalog (translate("Backups", ...)).
TRIGGERS: dict[str, str] = {
    "daily": QT_TRANSLATE_NOOP("Backups", "Daily"),
    "import": QT_TRANSLATE_NOOP("Backups", "Before an import"),
    "merge": QT_TRANSLATE_NOOP("Backups", "Before a merge"),
    "restore": QT_TRANSLATE_NOOP("Backups", "Before a restore"),
    "encryption": QT_TRANSLATE_NOOP("Backups", "Before an encryption change"),
    "migration": QT_TRANSLATE_NOOP("Backups", "Before an upgrade"),
    "manual": QT_TRANSLATE_NOOP("Backups", "Made by hand"),
}
EVENTS = frozenset(TRIGGERS) - {"daily", "manual"}
KEEP_DAILY = 7
KEEP_EVENTS = 10
KEEP_KEYS = {"daily": "backups.keep_daily", "events": "backups.keep_events"}
STAMP = "%Y%m%d-%H%M%S"

_NAME = re.compile(r"^(?P<stem>.+)\.(?P<trigger>" + "|".join(TRIGGERS) +
                   r")\.(?P<when>\d{8}-\d{6})(?:-\d+)?(?:\.[\w-]+)?\.sqlite3$")
# Names of earlier versions: "<stem>-<when>", "<stem>.before-restore-<when>",
# "<stem>.before-upgrade-<revision>-<when>".
_OLDER = (
    (re.compile(r"^(?P<stem>.+)\.before-upgrade-[0-9a-f]+-(?P<when>\d{8}-\d{6})(?:-\d+)?"
                r"\.sqlite3$"), "migration"),
    (re.compile(r"^(?P<stem>.+)\.before-restore-(?P<when>\d{8}-\d{6})(?:-\d+)?\.sqlite3$"),
     "restore"),
    (re.compile(r"^(?P<stem>.+)-(?P<when>\d{8}-\d{6})(?:-\d+)?\.sqlite3$"), "manual"),
)


@dataclass(frozen=True)
class Backup:
    path: Path
    made: datetime  # UTC
    size: int  # bytes
    trigger: str  # a key of TRIGGERS

    @property
    def reason(self) -> str:
        """Why it was made, in the user's language."""
        return translate("Backups", TRIGGERS[self.trigger])

    def as_json(self) -> dict[str, object]:
        return {"file": str(self.path), "made": self.made.isoformat(), "size": self.size,
                "trigger": self.trigger}


def now() -> datetime:
    """The time a backup is named by (UTC, to the second)."""
    return datetime.now(UTC).replace(microsecond=0)


def parse_name(path: Path, stem: str) -> tuple[str, datetime] | None:
    """The trigger and time a backup's name records, if it is a backup of `stem`."""
    for pattern, trigger in ((_NAME, None), *_OLDER):
        found = pattern.match(path.name)
        if found and found["stem"] == stem:
            when = datetime.strptime(found["when"], STAMP).replace(tzinfo=UTC)
            return (trigger or found["trigger"]), when
    return None


def list_backups(database: Path, folder: Path | None = None) -> list[Backup]:
    """The backups of the database file `database` in its backups folder, newest first."""
    folder = folder or backup_folder(database)
    found: list[Backup] = []
    try:
        entries = list(folder.iterdir())
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise DatabaseProblem(translate(
            "Backups", "Cannot read the backups folder {folder}: {reason}.").format(
            folder=folder, reason=exc.strerror or exc)) from exc
    for entry in entries:
        parsed = parse_name(entry, database.stem)
        if parsed is None or not entry.is_file():
            continue
        try:
            size = entry.stat().st_size
        except OSError:  # deleted meanwhile
            continue
        found.append(Backup(entry, parsed[1], size, parsed[0]))
    return sorted(found, key=lambda b: (b.made, b.path.name), reverse=True)


def verify(path: Path) -> None:
    """Check a backup just written, page by page; one that fails is deleted."""
    problem: str | None = None
    try:
        connection = cipher.connect(path, uri=sqlite_readonly_uri(path))
        try:
            rows = connection.execute("PRAGMA integrity_check").fetchall()
        finally:
            connection.close()
        if rows != [("ok",)]:
            problem = "; ".join(str(row[0]) for row in rows[:3])
    except cipher.errors() as exc:
        problem = str(exc)
    if problem is not None:
        path.unlink(missing_ok=True)
        cipher.slot_path(path).unlink(missing_ok=True)
        raise DatabaseProblem(translate(
            "Backups", "The backup {file} did not pass its check ({problem}); it was deleted "
                       "and nothing else was done.").format(file=path.name, problem=problem))


def backup_file(database: Path, trigger: str, *, folder: Path | None = None,
                keep: tuple[int, int] | None = None, detail: str = "") -> Backup:
    """Back up the SQLite file `database` into `folder` (its backups folder), verify the copy
    and rotate the automatic ones. `keep` (daily, events) defaults to the database's own;
    `detail` (letters, digits, -) goes into the name: "from-0001", the schema upgraded from."""
    if trigger not in TRIGGERS:
        raise ValueError(f"unknown backup trigger {trigger!r}")
    folder = folder or backup_folder(database)
    made = now()
    extra = f".{detail}" if detail else ""
    path = backup_sqlite(database, folder / f"{database.stem}.{trigger}.{made.strftime(STAMP)}"
                                           f"{extra}.sqlite3")
    verify(path)
    backup = Backup(path, made, path.stat().st_size, trigger)
    rotate(database, folder, keep or read_keep(database), spare=(path,))
    return backup


def rotate(database: Path, folder: Path, keep: tuple[int, int],
           spare: Iterable[Path] = ()) -> list[Path]:
    """Delete the automatic backups beyond the last `keep` = (daily, events); those made by
    hand, and `spare`, stay. Returns what was deleted."""
    keep_daily, keep_events = keep
    spared = {p.resolve() for p in spare}
    backups = list_backups(database, folder)
    daily = [b for b in backups if b.trigger == "daily"]
    events = [b for b in backups if b.trigger in EVENTS]
    removed: list[Path] = []
    for backup in daily[max(keep_daily, 1):] + events[max(keep_events, 1):]:
        if backup.path.resolve() in spared:
            continue
        try:
            backup.path.unlink()
            cipher.slot_path(backup.path).unlink(missing_ok=True)
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise DatabaseProblem(translate(
                "Backups", "Cannot delete the old backup {file}: {reason}.").format(
                file=backup.path, reason=exc.strerror or exc)) from exc
        removed.append(backup.path)
    return removed + clear_leftovers(database, folder)


LEFTOVER_AGE = 3600  # seconds: a partial copy this old is not still being written


def clear_leftovers(database: Path, folder: Path) -> list[Path]:
    """What backups cut short left in `folder` (a process killed or a disk full mid-copy):
    partial copies and key files whose backup is gone."""
    removed: list[Path] = []
    try:
        entries = list(folder.glob(glob.escape(database.stem) + ".*"))
    except OSError:
        return removed
    for entry in entries:
        try:
            if entry.name.endswith((PARTIAL, PARTIAL + "-journal")):
                stale = time.time() - entry.stat().st_mtime > LEFTOVER_AGE
            else:
                stale = (entry.name.endswith(".sqlite3.keys")
                         and not entry.with_name(entry.name.removesuffix(".keys")).exists())
            if stale:
                entry.unlink()
                removed.append(entry)
        except OSError:
            continue  # gone already, or not ours to delete: left for the next time
    return removed


def read_keep(database: Path) -> tuple[int, int]:
    """How many daily and event backups this database keeps (its `meta` table, else the
    defaults)."""
    values = {"daily": KEEP_DAILY, "events": KEEP_EVENTS}
    try:
        connection = cipher.connect(database, uri=sqlite_readonly_uri(database),
                                    timeout=busy_timeout_seconds())
        try:
            for name, key in KEEP_KEYS.items():
                row = connection.execute("SELECT value FROM meta WHERE key = ?",
                                         (key,)).fetchone()
                if row is not None and str(row[0]).isdigit():
                    values[name] = int(row[0])
        finally:
            connection.close()
    except cipher.errors():
        pass  # no meta table yet (a database being created): the defaults
    return values["daily"], values["events"]


def make_backup(db: Database, trigger: str, *, folder: Path | None = None) -> Backup | None:
    """Back up the open database (SQLite only: a server is backed up with its own tools,
    `liaison backup`; None there)."""
    if db.path is None or not db.path.exists():
        return None
    return backup_file(db.path, trigger, folder=folder)


def daily_backup_if_due(db: Database, today: datetime | None = None) -> Backup | None:
    """The first start of each day backs the database up (by the local calendar); None when
    today's is made already, or on a server, or on a read-only file."""
    if db.path is None or db.read_only or not db.path.exists():
        return None
    local_today = (today or datetime.now().astimezone()).date()
    for backup in list_backups(db.path):
        if backup.trigger == "daily" and backup.made.astimezone().date() == local_today:
            return None
    return backup_file(db.path, "daily")


def set_keep(db: Database, daily: int, events: int) -> None:
    """How many daily and event backups to keep (Settings; stored with the database, so a
    script and the app rotate alike)."""
    if not (1 <= daily <= 365 and 1 <= events <= 365):
        raise DatabaseProblem(translate(
            "Backups", "Keep between 1 and 365 backups of each kind."))
    with db.transaction() as session:
        for name, value in (("daily", daily), ("events", events)):
            session.execute(text("INSERT INTO meta (key, value) VALUES (:key, :value) "
                                 "ON CONFLICT (key) DO UPDATE SET value = :value"),
                            {"key": KEEP_KEYS[name], "value": str(value)})


def keep_of(db: Database) -> tuple[int, int]:
    """How many daily and event backups `db` keeps."""
    values = {"daily": KEEP_DAILY, "events": KEEP_EVENTS}
    with db.reading() as session:
        for name, key in KEEP_KEYS.items():
            value = session.execute(text("SELECT value FROM meta WHERE key = :key"),
                                    {"key": key}).scalar()
            if value is not None and str(value).isdigit():
                values[name] = int(value)
    return values["daily"], values["events"]


def encrypt_backups(database: Path) -> list[Path]:
    """After `database` was encrypted: its plain backups are encrypted with its key too, and
    its key file copied beside each, so that no readable copy of the data stays behind in the
    backups folder (a stolen laptop's backups are as closed as its database)."""
    key = cipher.key_of(database)
    if key is None:
        return []
    done: list[Path] = []
    for backup in list_backups(database):
        if cipher.looks_encrypted(backup.path):
            continue
        cipher.encrypt_with(backup.path, key)
        slot = cipher.slot_path(database)
        if slot.exists():
            shutil.copyfile(slot, cipher.slot_path(backup.path))
        done.append(backup.path)
    return done
