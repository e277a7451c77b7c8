"""Encrypted database files, with SQLCipher (the `sqlcipher3` package ships it).

Each encrypted file has its own random 256-bit key, K, which SQLCipher uses as a raw key:
every page of the file, and of its write-ahead log, is encrypted with it. Two things open
the file:

- the **passphrase** the officer chose: it unlocks a *key slot* in a small file beside the
  database (`register.sqlite3.keys`): K wrapped with AES-GCM under a key derived from the
  passphrase with scrypt. Changing the passphrase rewrites that slot only.
- the **recovery key**: K itself, written out once (when the file is encrypted) for the
  officer to print or store away, as 14 groups of 4 letters and digits with a checksum. It
  opens the file even without its `.keys` file, and lets a new passphrase be set.

The passphrase and K are never written anywhere else: not in a log, a setting, a crash report
or a command line. K is held in this process's memory for the files it opened (`remember`),
so that every connection to them — the app's, a backup's, an export's — can be keyed.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from db.store.errors import DatabaseProblem
from db.store.translation import translate

KEY_BYTES = 32
SLOT_FORMAT = "liaison-key-slot-1"
SCRYPT = {"n": 2 ** 15, "r": 8, "p": 1}  # ~0.1 s and 32 MB per try: slow to guess
WRAP_AAD = b"Liaison database key"
SQLITE_HEADER = b"SQLite format 3\x00"

_KEYS: dict[Path, bytes] = {}  # the keys of the encrypted files this process opened


class PassphraseNeeded(DatabaseProblem):
    """The file is encrypted and no passphrase (or recovery key) was given."""


class WrongPassphrase(DatabaseProblem):
    """The passphrase or recovery key given does not open the file."""


def _sqlcipher() -> Any:
    try:
        import sqlcipher3
    except ImportError as exc:  # a broken installation: say what is missing
        raise DatabaseProblem(translate(
            "Encryption", "Encrypted databases need the sqlcipher3 package, which is not "
                          "installed here.")) from exc
    return sqlcipher3


def errors() -> tuple[type[Exception], ...]:
    """The driver errors a connection to a SQLite file may raise, plain or encrypted."""
    try:
        import sqlcipher3
    except ImportError:
        return (sqlite3.Error,)
    return (sqlite3.Error, sqlcipher3.dbapi2.Error)


def slot_path(database: Path) -> Path:
    return database.with_name(database.name + ".keys")


def looks_encrypted(path: Path) -> bool:
    """A file that is not a plain SQLite file but has a key slot beside it, or whose first
    bytes are not SQLite's header (an encrypted file begins with its random salt)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError:
        return False
    return len(head) == len(SQLITE_HEADER) and head != SQLITE_HEADER


# -- keys held in memory ---------------------------------------------------------------------
def remember(path: Path, key: bytes) -> None:
    _KEYS[path.resolve()] = key


def forget(path: Path) -> None:
    _KEYS.pop(path.resolve(), None)


def key_of(path: Path) -> bytes | None:
    """The key this process holds for `path` (None: a plain file, or not opened)."""
    return _KEYS.get(path.resolve())


def pragma_key(key: bytes) -> str:
    return f"PRAGMA key = \"x'{key.hex()}'\""


def connect(path: Path, *, uri: str | None = None, key: bytes | None = None,
            **options: Any) -> Any:
    """A DB-API connection to the SQLite file `path` (through `uri` when given): SQLCipher's,
    keyed, when the file is encrypted (its key given or held), else the standard library's."""
    if key is None:
        key = key_of(path)
        if key is not None and _plain(path):  # a plain file now where an encrypted one was
            forget(path)
            key = None
    target = uri if uri is not None else str(path)
    if key is None:
        return sqlite3.connect(target, uri=uri is not None, **options)
    connection = _sqlcipher().connect(target, uri=uri is not None, **options)
    connection.execute(pragma_key(key))
    # Each page read from the file is decrypted (and checked) again: a larger page cache
    # than SQLite's 2 MB keeps a scan's pages decrypted once (an integrity check of the
    # medium demo database: 4.7 s at 2 MB, 2.3 s at 64 MB; plain: 1.2 s).
    connection.execute(f"PRAGMA cache_size = -{ENCRYPTED_CACHE_KB}")
    return connection


ENCRYPTED_CACHE_KB = 32 * 1024


def _plain(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


# -- the recovery key ------------------------------------------------------------------------
def recovery_text(key: bytes) -> str:
    """K as the officer writes it down: base32 with a 3-byte checksum, in groups of four."""
    raw = key + hashlib.sha256(key).digest()[:3]
    text = base64.b32encode(raw).decode("ascii")
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))


def parse_recovery(text: str) -> bytes | None:
    """The key a recovery text stands for; None when `text` is not one (a passphrase)."""
    compact = "".join(ch for ch in text.upper() if ch.isalnum())
    if len(compact) != 56:
        return None
    try:
        raw = base64.b32decode(compact)
    except ValueError:
        return None
    key, check = raw[:KEY_BYTES], raw[KEY_BYTES:]
    return key if hashlib.sha256(key).digest()[:3] == check else None


# -- the key slot ----------------------------------------------------------------------------
def _derive(passphrase: str, salt: bytes, params: dict[str, int]) -> bytes:
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=params["n"], r=params["r"],
                          p=params["p"], maxmem=128 * 1024 * 1024, dklen=32)


def write_slot(database: Path, key: bytes, passphrase: str, *,
               target: Path | None = None) -> Path:
    """Wrap `key` under `passphrase` into the key slot beside `database` (or at `target`),
    replacing the file whole only once it is written."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if not passphrase:
        raise DatabaseProblem(translate("Encryption", "The passphrase cannot be empty."))
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    wrapped = AESGCM(_derive(passphrase, salt, SCRYPT)).encrypt(nonce, key, WRAP_AAD)
    slot = {"format": SLOT_FORMAT, "kdf": "scrypt", **SCRYPT,
            "salt": base64.b64encode(salt).decode(), "nonce": base64.b64encode(nonce).decode(),
            "wrapped": base64.b64encode(wrapped).decode()}
    path = target or slot_path(database)
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.write_text(json.dumps(slot, indent=1), encoding="utf-8")
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise DatabaseProblem(translate(
            "Encryption", "Cannot write the key file {file}: {reason}.").format(
            file=path, reason=exc.strerror or exc)) from exc
    return path


def _unwrap(database: Path, passphrase: str) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    path = slot_path(database)
    try:
        slot = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise WrongPassphrase(translate(
            "Encryption", "The key file {file} that the passphrase unlocks is not beside the "
                          "database. Open it with its recovery key instead (then choose a new "
                          "passphrase).").format(file=path.name)) from None
    except (OSError, ValueError) as exc:
        raise DatabaseProblem(translate(
            "Encryption", "The key file {file} cannot be read: {reason}. Open the database "
                          "with its recovery key instead.").format(file=path, reason=exc)) from exc
    if not isinstance(slot, dict) or slot.get("format") != SLOT_FORMAT:
        raise DatabaseProblem(translate(
            "Encryption", "{file} is not a Liaison key file. Open the database with its "
                          "recovery key instead.").format(file=path))
    try:
        params = {name: int(slot[name]) for name in ("n", "r", "p")}
        salt, nonce, wrapped = (base64.b64decode(slot[name])
                                for name in ("salt", "nonce", "wrapped"))
        return AESGCM(_derive(passphrase, salt, params)).decrypt(nonce, wrapped, WRAP_AAD)
    except InvalidTag:
        raise WrongPassphrase(translate(
            "Encryption", "That passphrase does not open {file}. Try again (letters are "
                          "case-sensitive), or use the recovery key.").format(
            file=database.name)) from None
    except (KeyError, TypeError, ValueError) as exc:
        raise DatabaseProblem(translate(
            "Encryption", "The key file {file} is damaged: {reason}. Open the database with "
                          "its recovery key instead.").format(file=path, reason=exc)) from exc


def opens(path: Path, key: bytes) -> bool:
    """Does `key` open the encrypted file `path`?"""
    try:
        connection = connect(path, uri=path.resolve().as_uri() + "?mode=ro", key=key)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            connection.close()
    except errors():
        return False
    return True


def unlock(path: Path, secret: str) -> bytes:
    """The key of the encrypted file `path`, from the passphrase or the recovery key; it is
    also held for this process's later connections to the file."""
    if not secret:
        raise PassphraseNeeded(translate(
            "Encryption", "{file} is encrypted: enter its passphrase or recovery key.").format(
            file=path.name))
    key = parse_recovery(secret)
    if key is None:
        key = _unwrap(path, secret)
    if not opens(path, key):
        raise WrongPassphrase(translate(
            "Encryption", "That key does not open {file}: it belongs to another file, or the "
                          "file is damaged.").format(file=path.name))
    remember(path, key)
    return key


# -- converting a file -----------------------------------------------------------------------
def _replace(partial: Path, path: Path) -> None:
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    os.replace(partial, path)


def _counts(connection: Any) -> dict[str, int]:
    tables = [row[0] for row in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite~_%' "
        "ESCAPE '~'")]
    return {t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


@contextmanager
def _partial_beside(path: Path, tag: str) -> Iterator[Path]:
    partial = path.with_name(f".{path.name}.{tag}.partial")
    partial.unlink(missing_ok=True)
    try:
        yield partial
    finally:
        partial.unlink(missing_ok=True)


def _export(source: Any, partial: Path, key: bytes | None) -> None:
    """Copy every table, index and row of `source` into a new file `partial`, encrypted
    with `key` (plain when None): SQLCipher's sqlcipher_export."""
    source.execute("ATTACH DATABASE ? AS converted KEY ?",
                   (str(partial), "" if key is None else f"x'{key.hex()}'"))
    try:
        source.execute("SELECT sqlcipher_export('converted')")
        version = source.execute("PRAGMA main.user_version").fetchone()[0]
        source.execute(f"PRAGMA converted.user_version = {int(version)}")
    finally:
        source.execute("DETACH DATABASE converted")


def encrypt_file(path: Path, passphrase: str) -> str:
    """Encrypt the plain SQLite file `path` in place (nothing may have it open) under a new
    random key, with a key slot for `passphrase`; returns the recovery text, to show once.
    The file is replaced only once the encrypted copy is complete and checked."""
    if not passphrase:
        raise DatabaseProblem(translate("Encryption", "The passphrase cannot be empty."))
    if looks_encrypted(path):
        raise DatabaseProblem(translate("Encryption", "{file} is encrypted already.").format(
            file=path.name))
    key = secrets.token_bytes(KEY_BYTES)
    slot = write_slot(path, key, passphrase, target=slot_path(path).with_name(
        f".{slot_path(path).name}.partial-slot"))
    try:
        encrypt_with(path, key)
        os.replace(slot, slot_path(path))
    finally:
        slot.unlink(missing_ok=True)
    return recovery_text(key)


def encrypt_with(path: Path, key: bytes) -> None:
    """Encrypt the plain SQLite file `path` in place with `key` (a backup of a database just
    encrypted gets the database's key, so that its passphrase opens the backup too)."""
    _convert(path, None, key, "encrypting")
    remember(path, key)


def decrypt_file(path: Path, key: bytes) -> None:
    """Turn the encrypted file `path` back into a plain SQLite file (nothing may have it
    open); its key slot is deleted."""
    _convert(path, key, None, "decrypting")
    slot_path(path).unlink(missing_ok=True)
    forget(path)


def _convert(path: Path, key: bytes | None, new_key: bytes | None, tag: str) -> None:
    """Rewrite the SQLite file `path` (under `key`, or plain) under `new_key` (or plain) in
    place: exported beside it, checked, and only then put in its place."""
    with _partial_beside(path, tag) as partial:
        source = _sqlcipher().connect(str(path))
        try:
            if key is not None:
                source.execute(pragma_key(key))
            source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            expected = _counts(source)
            _export(source, partial, new_key)
        finally:
            source.close()
        _check(partial, new_key, expected)
        try:
            _replace(partial, path)
        except OSError as exc:
            raise DatabaseProblem(translate(
                "Encryption", "Cannot replace {file}: {reason}. It was left as it was.").format(
                file=path, reason=exc.strerror or exc)) from exc


def _check(partial: Path, key: bytes | None, expected: dict[str, int] | None) -> None:
    """A converted copy passes SQLite's check and holds as many rows as its source (when
    `expected` is known)."""
    connection = connect(partial, key=key)
    try:
        rows = connection.execute("PRAGMA integrity_check").fetchall()
        counts = _counts(connection)
        connection.execute("PRAGMA journal_mode = WAL")
    finally:
        connection.close()
    if rows != [("ok",)] or (expected is not None and counts != expected):
        raise DatabaseProblem(translate(
            "Encryption", "The converted copy did not match the database; nothing was "
                          "changed."))


def change_passphrase(path: Path, key: bytes, passphrase: str) -> Path:
    """A new passphrase for the encrypted file `path` (its key, and so its recovery key,
    stay the same)."""
    return write_slot(path, key, passphrase)


def export_copy(source: Path, target: Path, passphrase: str | None) -> str | None:
    """Write a new copy of the SQLite file `source` (plain, or encrypted with a key this
    process holds) at `target`, reading `source` in one transaction: encrypted under a new
    key with a slot for `passphrase` (no plain copy touches the disk; returns the copy's
    recovery text), or plain when `passphrase` is None."""
    if passphrase is not None and not passphrase:
        raise DatabaseProblem(translate("Encryption", "The passphrase cannot be empty."))
    key = secrets.token_bytes(KEY_BYTES) if passphrase is not None else None
    source_key = key_of(source)
    failures: tuple[type[BaseException], ...] = (*errors(), DatabaseProblem)
    try:
        connection = _sqlcipher().connect(str(source))
        try:
            if source_key is not None:
                connection.execute(pragma_key(source_key))
            _export(connection, target, key)
        finally:
            connection.close()
        _check(target, key, None)
    except failures as exc:
        target.unlink(missing_ok=True)
        raise DatabaseProblem(translate(
            "Encryption", "Cannot write the copy {file}: {reason}.").format(
            file=target, reason=exc)) from exc
    if key is None or passphrase is None:
        return None
    remember(target, key)
    write_slot(target, key, passphrase)
    return recovery_text(key)
