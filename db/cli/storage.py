"""`liaison init`, `backup`, `save-copy` and `restore`: the commands about the database file as
a whole — making a new, empty one, writing a consistent copy of it, and putting a copy back."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from db.store.errors import LiaisonError
from db.store.translation import translate


def add_init_command(sub: Any) -> None:
    """The arguments of `init`, the first command the help lists (sub: the parser's
    subparsers)."""
    init = sub.add_parser("init", help=translate(
        "CommandLine", "make a new, empty database (the other commands only open one)"))
    init.add_argument("path", nargs="?", metavar="PATH", help=translate(
        "CommandLine", "the new SQLite file (default: --db, $LIAISON_DB, or the local "
                       "database in your data folder)"))


def add_commands(sub: Any) -> None:
    """The arguments of backup, save-copy and restore (sub: the parser's subparsers)."""
    backup = sub.add_parser("backup", help=translate(
        "CommandLine", "write a consistent copy of the database"))
    backup.add_argument("--to", metavar="DIR", help=translate(
        "CommandLine", "folder for the copy (default: backups/ beside the database)"))
    save = sub.add_parser("save-copy", help=translate(
        "CommandLine", "save a consistent copy of the database as one file (safe while the "
                       "app runs)"))
    save.add_argument("file")
    restore = sub.add_parser("restore", help=translate(
        "CommandLine", "replace the database with a backup copy (the state it replaces is "
                       "backed up first)"))
    restore.add_argument("file")
    listing = sub.add_parser("backups", help=translate(
        "CommandLine", "list the database's backups: when, how large, and why each was made"))
    listing.add_argument("--json", action="store_true", help=translate(
        "CommandLine", "print JSON instead of a table"))


def cmd_storage(args: argparse.Namespace, out: TextIO, err: TextIO, open_db: Any) -> int:
    """The command `args.command` names: init, backup, save-copy or restore."""
    return COMMANDS[args.command](args, out, err, open_db)


def cmd_init(args: argparse.Namespace, out: TextIO, err: TextIO, open_db: Any) -> int:
    from db.store.engine import resolve_url, sqlite_path_of

    if args.path:
        if args.db and args.db != args.path:
            raise LiaisonError(translate("CommandLine", "Give the new database's path once: "
                                                      "either after init or with --db."))
        args.db = args.path
    path = sqlite_path_of(resolve_url(args.db))
    existed = path is not None and path.exists() and path.stat().st_size > 0
    db = open_db(args)
    message = (translate("CommandLine", "{database} already holds a Liaison database; it was "
                                        "left as it was.") if existed else
               translate("CommandLine", "Made a new, empty Liaison database: {database}. Fill "
                                        "it with “liaison --db {target} starter” (the world's "
                                        "parties) or start the app on it."))
    print(message.format(database=db.describe(), target=args.db or db.describe()), file=out)
    return 0


def cmd_backup(args: argparse.Namespace, out: TextIO, err: TextIO, open_db: Any) -> int:
    from db.store.backup import backup_database

    db = open_db(args)
    path = backup_database(db, Path(args.to) if args.to else None)
    print(translate("CommandLine", "Backed up {database} to {file}.").format(
        database=db.describe(), file=path), file=out)
    return 0


def cmd_save_copy(args: argparse.Namespace, out: TextIO, err: TextIO, open_db: Any) -> int:
    from db.store.backup import save_copy

    db = open_db(args)
    path = save_copy(db, Path(args.file))
    print(translate("CommandLine", "Saved a copy of {database} as {file}.").format(
        database=db.describe(), file=path), file=out)
    return 0


def cmd_restore(args: argparse.Namespace, out: TextIO, err: TextIO, open_db: Any) -> int:
    """Works on the database's file, not on an open database: `open_db` stays unused (an
    encrypted file's key is asked for, to match the backup's)."""
    from db.cli.passphrases import unlock_database
    from db.store.backup import restore_database
    from db.store.engine import resolve_url

    unlock_database(args.db)
    safety = restore_database(resolve_url(args.db), Path(args.file))
    if safety:
        print(translate("CommandLine", "Restored {file}; the database as it was is kept at "
                                       "{safety}.").format(file=args.file, safety=safety),
              file=out)
    else:
        print(translate("CommandLine", "Restored {file}.").format(file=args.file), file=out)
    return 0


def cmd_backups(args: argparse.Namespace, out: TextIO, err: TextIO, open_db: Any) -> int:
    """Lists the files beside the database; a server's dumps are wherever `backup --to` put
    them."""
    import json

    from db.store.backups import list_backups
    from db.store.engine import resolve_url, sqlite_path_of

    path = sqlite_path_of(resolve_url(args.db))
    if path is None:
        raise LiaisonError(translate(
            "CommandLine", "A server's backups are the pg_dump archives “liaison backup” wrote; "
                           "Liaison keeps no list of them."))
    backups = list_backups(path)
    if args.json:
        json.dump([b.as_json() for b in backups], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    if not backups:
        print(translate("CommandLine", "No backups of {database} yet.").format(database=path),
              file=out)
        return 0
    for backup in backups:
        print(f"{backup.made.astimezone():%Y-%m-%d %H:%M}  {backup.size / 1e6:9.1f} MB  "
              f"{backup.reason:<28}  {backup.path}", file=out)
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO, TextIO, Any], int]] = {
    "init": cmd_init, "backup": cmd_backup, "save-copy": cmd_save_copy, "restore": cmd_restore,
    "backups": cmd_backups,
}
