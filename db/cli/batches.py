"""`liaison batches` (what was done, when, by whom, from where) and `liaison undo BATCH_ID`,
with `undo-import` and `undo-merge` kept as the same undo for one kind of batch."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from db.store.translation import QT_TRANSLATE_NOOP, translate

# A batch's status as the list shows it (a batch still applied shows none).
STATUSES = {"undone": QT_TRANSLATE_NOOP("CommandLine", "undone")}
# What `liaison undo` undid, by the kind of batch the command is for.
UNDID = {
    None: QT_TRANSLATE_NOOP("CommandLine", "Undid batch {id}: {removed:,} records removed, "
                                           "{restored:,} restored to their earlier values."),
    "import": QT_TRANSLATE_NOOP("CommandLine", "Undid import {id}: {removed:,} records removed, "
                                               "{restored:,} restored to their earlier values."),
    "merge": QT_TRANSLATE_NOOP("CommandLine", "Undid merge {id}: {removed:,} records removed, "
                                              "{restored:,} restored to their earlier values."),
}


def add_commands(sub: Any) -> None:
    """The arguments of the four commands (sub: the parser's subparsers)."""
    batches = sub.add_parser("batches", help=translate(
        "CommandLine", "list the latest batches of changes: imports, merges, edits, undos"))
    batches.add_argument("--kind", action="append", default=[], metavar="KIND", help=translate(
        "CommandLine", "only batches of this kind (import, merge, screen, starter, revert, "
                       "undo; repeatable)"))
    batches.add_argument("--limit", type=int, default=50,
                         help=translate("CommandLine", "how many (default: 50)"))
    batches.add_argument("--json", action="store_true",
                         help=translate("CommandLine", "print one JSON array"))
    for name, help_text in (
            ("undo", translate("CommandLine", "undo a batch of changes (see `liaison batches`)")),
            ("undo-import", translate("CommandLine",
                                      "undo an import (the same as `liaison undo`)")),
            ("undo-merge", translate("CommandLine",
                                     "undo a merge (the same as `liaison undo`)"))):
        undo = sub.add_parser(name, help=help_text)
        undo.add_argument("batch_id")
        undo.add_argument("--json", action="store_true",
                          help=translate("CommandLine", "print one JSON object"))


def counts_text(counts: dict[str, dict[str, int]]) -> str:
    """{"organizations": {"created": 4}} → "organizations: 4 created" (in the current
    language)."""
    from db.changes.batches import counts_text as in_words

    return in_words(counts, translate("CommandLine", "nothing changed"), thousands=True)


def cmd_batches(args: argparse.Namespace, out: TextIO, err: TextIO, open_db: Any) -> int:
    from db.changes.batches import list_batches

    db = open_db(args)
    found = list_batches(db, kinds=tuple(args.kind), limit=max(1, args.limit))
    if args.json:
        json.dump([b.as_json() for b in found], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    if not found:
        print(translate("CommandLine", "No batches in {database} yet.").format(
            database=db.describe()), file=out)
        return 0
    for b in found:
        shown = STATUSES.get(b.status)
        status = "" if b.status == "applied" else " [{}]".format(
            translate("CommandLine", shown) if shown else b.status)
        who = b.who or translate("CommandLine", "someone")
        print(f"{b.id}  {b.at:%Y-%m-%d %H:%M} UTC  {who}: {b.what}{status} — "
              f"{counts_text(b.changes)}", file=out)
    return 0


def cmd_undo(args: argparse.Namespace, out: TextIO, err: TextIO, open_db: Any) -> int:
    from db.changes.recording import Actor
    from db.changes.undo import undo_batch

    kind = {"undo-import": "import", "undo-merge": "merge"}.get(args.command)
    db = open_db(args)
    result = undo_batch(db, args.batch_id, Actor(source="cli"), kind=kind)
    if args.json:
        json.dump({"undone": args.batch_id.strip(), "batch_id": result.batch_id,
                   "counts": result.counts, "removed": result.removed,
                   "restored": result.restored, "kept": list(result.kept)},
                  out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    for line in result.kept:
        print(translate("CommandLine", "kept: {what}").format(what=line), file=err)
    print(translate("CommandLine", UNDID[kind]).format(
        id=args.batch_id.strip(), removed=result.removed, restored=result.restored), file=out)
    return 0
