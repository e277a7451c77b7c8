"""The demo databases the benchmarks run on, generated once into bench/out/ and reused."""

from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
PASSPHRASE = "bench passphrase"  # the encrypted demo databases' (bench/encrypted_bench.py)


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


def encrypted_database_for(size: str) -> Path:
    """bench/out/demo-SIZE.encrypted.sqlite3 (and its .keys file): the same database as
    `database_for(size)`, encrypted with db/store/cipher.py under PASSPHRASE; made again when
    missing or when its schema differs from the plain one's. Its key is held afterwards."""
    from db.store import cipher
    from db.store.engine import read_sqlite_schema

    plain = database_for(size)
    path = OUT / f"demo-{size}.encrypted.sqlite3"
    if path.exists() and cipher.slot_path(path).exists():
        cipher.unlock(path, PASSPHRASE)
        if read_sqlite_schema(path)[1] == read_sqlite_schema(plain)[1]:
            return path
        cipher.forget(path)
    partial = path.with_name(f".{path.name}.copying")
    copy_database(plain, partial)
    for stale in (path, cipher.slot_path(path)):
        stale.unlink(missing_ok=True)
    cipher.encrypt_file(partial, PASSPHRASE)
    cipher.forget(partial)
    partial.rename(path)
    cipher.slot_path(partial).rename(cipher.slot_path(path))
    cipher.unlock(path, PASSPHRASE)
    return path


def copy_database(source: Path, target: Path) -> Path:
    """A consistent copy of the SQLite file `source` (plain, or encrypted with a key this
    process holds, which the copy keeps, with its .keys file) at `target`."""
    from db.store import cipher
    from db.store.engine import backup_sqlite

    for stale in (target, cipher.slot_path(target), Path(f"{target}-wal"),
                  Path(f"{target}-shm")):
        stale.unlink(missing_ok=True)
    made = backup_sqlite(source, target)
    assert made == target, made
    return target
