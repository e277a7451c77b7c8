"""What the import and merge commands print alike: the JSON report and the closing sentence."""

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
