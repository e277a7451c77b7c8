"""Where the shipped reference files live (installed with the `resources` package)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any


def resource_path(*parts: str) -> Path:
    import resources

    assert resources.__file__ is not None
    return Path(resources.__file__).parent.joinpath(*parts)


@cache
def load_json(*parts: str) -> Any:
    with resource_path(*parts).open(encoding="utf-8") as handle:
        return json.load(handle)
