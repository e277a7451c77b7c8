"""What the import and merge commands print alike: the JSON report, the closing sentence,
and what an undo did."""

from __future__ import annotations

import json
from typing import Any, TextIO


def json_report(payload: Any, outcome: str, code: int, out: TextIO, err: TextIO) -> int:
    """`--json`: the one JSON object on standard output; a failing outcome also on stderr."""
    json.dump(payload, out, ensure_ascii=False, indent=2, default=str)
    out.write("\n")
    if code:
        print(outcome, file=err)
    return code


def closing(outcome: str, code: int, out: TextIO, err: TextIO) -> int:
    print(outcome, file=out if code == 0 else err)
    return code


def undone(what: str, result: Any, out: TextIO, err: TextIO) -> int:
    """The lines of an undone import or merge (`what`): records kept, then the counts."""
    for line in result.kept:
        print(f"kept: {line}", file=err)
    print(f"Undid {what} {result.batch_id}: {result.removed:,} records removed, "
          f"{result.restored:,} restored to their earlier values.", file=out)
    return 0
