"""The demo databases the benchmarks run on, generated once into bench/out/ and reused."""

from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"


def database_for(size: str) -> Path:
    """bench/out/demo-SIZE.sqlite3, regenerated when missing or at an older schema."""
    from db.seed.demo import generate_demo
    from db.seed.opening import open_database
    from db.store.engine import SCHEMA_HEAD, read_sqlite_schema

    path = OUT / f"demo-{size}.sqlite3"
    if path.exists() and read_sqlite_schema(path)[1] != SCHEMA_HEAD:
        path.unlink()
    if not path.exists():
        OUT.mkdir(exist_ok=True)
        db = open_database(path)
        for _ in generate_demo(db, size, seed=1):
            pass
        db.close()
    return path
