"""`liaison batches` (what was done, when, by whom, from where) and `liaison undo BATCH_ID`,
with `undo-import` and `undo-merge` kept as the same undo for one kind of batch."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO


def add_commands(sub: Any) -> None:
    """The arguments of the four commands (sub: the parser's subparsers)."""
    batches = sub.add_parser("batches", help="list the latest batches of changes: imports, "
                                             "merges, edits, undos")
    batches.add_argument("--kind", action="append", default=[], metavar="KIND",
                         help="only batches of this kind (import, merge, screen, starter, "
                              "revert, undo; repeatable)")
    batches.add_argument("--limit", type=int, default=50, help="how many (default: 50)")
    batches.add_argument("--json", action="store_true", help="print one JSON array")
    for name, help_text in (("undo", "undo a batch of changes (see `liaison batches`)"),
                            ("undo-import", "undo an import (the same as `liaison undo`)"),
                            ("undo-merge", "undo a merge (the same as `liaison undo`)")):
        undo = sub.add_parser(name, help=help_text)
        undo.add_argument("batch_id")
        undo.add_argument("--json", action="store_true", help="print one JSON object")


def counts_text(counts: dict[str, dict[str, int]]) -> str:
    """{"organizations": {"created": 4}} → "organizations: 4 created"."""
    parts = []
    for kind, words in counts.items():
        done = [f"{n:,} {word}" for word, n in words.items() if n]
        if done:
            parts.append(f"{kind}: " + ", ".join(done))
    return "; ".join(parts) or "nothing changed"


def cmd_batches(args: argparse.Namespace, out: TextIO, err: TextIO, open_db: Any) -> int:
    from db.changes.batches import list_batches

    db = open_db(args)
    found = list_batches(db, kinds=tuple(args.kind), limit=max(1, args.limit))
    if args.json:
        json.dump([b.as_json() for b in found], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    if not found:
        print(f"No batches in {db.describe()} yet.", file=out)
        return 0
    for b in found:
        status = "" if b.status == "applied" else f" [{b.status}]"
        print(f"{b.id}  {b.at:%Y-%m-%d %H:%M} UTC  {b.who or 'someone'}: {b.what}{status} — "
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
        print(f"kept: {line}", file=err)
    print(f"Undid {kind or 'batch'} {args.batch_id.strip()}: {result.removed:,} records "
          f"removed, {result.restored:,} restored to their earlier values.", file=out)
    return 0
