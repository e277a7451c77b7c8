"""Passphrases on the command line, and `liaison encrypt` and `liaison decrypt`.

A passphrase (or a recovery key) comes from an environment variable, so a script can run
unattended, or is asked for on the terminal, never echoed; it is never taken as an argument,
where it would show in the shell's history and in the list of processes:

- LIAISON_PASSPHRASE opens the database (--db), and is the new passphrase for `encrypt`;
- LIAISON_OTHER_PASSPHRASE opens the other copy of `merge`;
- LIAISON_TRAVEL_PASSPHRASE encrypts the copy of `export-travel-copy --encrypt`.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from db.store import cipher
from db.store.errors import LiaisonError
from db.store.translation import translate

TRIES = 3


def on_terminal() -> bool:
    return sys.stdin.isatty()


def ask(prompt: str) -> str:
    """Read a secret from the terminal without echoing it (tests replace this)."""
    return getpass.getpass(prompt)


def secret_for(path: Path, variable: str) -> str | None:
    """The passphrase for `path` from `variable`, or None (then the caller asks)."""
    return os.environ.get(variable) or None


def with_passphrase(path: Path | None, variable: str, attempt: Callable[[str | None], Any]) -> Any:
    """Run `attempt(passphrase)`: first with the environment's passphrase (or none); when the
    file turns out to be encrypted, ask on a terminal — up to three tries — or say which
    variable to set."""
    given = secret_for(path, variable) if path is not None else None
    try:
        return attempt(given)
    except (cipher.PassphraseNeeded, cipher.WrongPassphrase) as exc:
        if given is not None or path is None or not on_terminal():
            if isinstance(exc, cipher.PassphraseNeeded):
                raise LiaisonError(exc.message + " " + translate(
                    "CommandLine", "Set {variable}, or run this on a terminal to be asked."
                ).format(variable=variable)) from None
            raise
        problem: LiaisonError = exc
    for _ in range(TRIES):
        secret = ask(translate("CommandLine", "Passphrase or recovery key for {file}: ").format(
            file=path.name))
        try:
            return attempt(secret)
        except cipher.WrongPassphrase as exc:
            print(exc.message, file=sys.stderr)
            problem = exc
    raise problem


def unlock_other(target: str) -> None:
    """The other copy of a merge, when it is an encrypted file: its key, from
    LIAISON_OTHER_PASSPHRASE or asked for."""
    from db.store.engine import resolve_url, sqlite_path_of

    path = sqlite_path_of(resolve_url(target))
    if path is None or not path.is_file() or not cipher.looks_encrypted(path) \
            or cipher.key_of(path) is not None:
        return
    if not cipher.slot_path(path).exists() and not secret_for(path, "LIAISON_OTHER_PASSPHRASE"):
        return  # not an encrypted Liaison file (no key file): the merge says what it is

    def attempt(secret: str | None) -> bytes:
        if secret is None:
            raise cipher.PassphraseNeeded(translate(
                "Merge", "{file} is encrypted: give its passphrase or recovery key to merge "
                         "it.").format(file=path.name))
        return cipher.unlock(path, secret)

    with_passphrase(path, "LIAISON_OTHER_PASSPHRASE", attempt)


def unlock_database(target: str) -> None:
    """The database itself, for a command that works on its file without opening it (restore):
    its key from LIAISON_PASSPHRASE or asked for, so an encrypted backup can be matched."""
    from db.store.engine import resolve_url, sqlite_path_of

    path = sqlite_path_of(resolve_url(target))
    if path is None or not path.is_file() or not cipher.looks_encrypted(path) \
            or cipher.key_of(path) is not None or not cipher.slot_path(path).exists():
        return

    def attempt(secret: str | None) -> bytes:
        if secret is None:
            raise cipher.PassphraseNeeded(translate(
                "Encryption", "{file} is encrypted: give its passphrase or recovery key.")
                .format(file=path.name))
        return cipher.unlock(path, secret)

    with_passphrase(path, "LIAISON_PASSPHRASE", attempt)


def new_passphrase(variable: str) -> str:
    """A new passphrase: from `variable`, or typed twice on a terminal."""
    given = os.environ.get(variable)
    if given:
        return given
    if not on_terminal():
        raise LiaisonError(translate(
            "CommandLine", "Set {variable} to the new passphrase, or run this on a terminal "
                           "to be asked.").format(variable=variable))
    first = ask(translate("CommandLine", "New passphrase: "))
    if not first:
        raise LiaisonError(translate("Encryption", "The passphrase cannot be empty."))
    if ask(translate("CommandLine", "The same passphrase again: ")) != first:
        raise LiaisonError(translate("CommandLine", "The two passphrases differ; nothing was "
                                                    "changed."))
    return first


def show_recovery(recovery: str, file: Path, out: TextIO) -> None:
    print(translate(
        "CommandLine", "Recovery key for {file} — print it or store it somewhere safe, apart "
                       "from the laptop. It opens the file if the passphrase is forgotten, and "
                       "it is shown only this once:\n\n    {key}\n").format(
        file=file.name, key=recovery), file=out)


def add_commands(sub: Any) -> None:
    sub.add_parser("encrypt", help=translate(
        "CommandLine", "encrypt the database file (a backup is made first; the new passphrase "
                       "comes from LIAISON_PASSPHRASE or is asked for)"))
    sub.add_parser("decrypt", help=translate(
        "CommandLine", "turn an encrypted database file back into a plain one (a backup is "
                       "made first)"))


def cmd_encrypt(args: argparse.Namespace, out: TextIO, err: TextIO, open_db: Any) -> int:
    from db.store.backups import encrypt_backups, make_backup

    db = open_db(args)
    path = db.path
    if path is None:
        raise LiaisonError(translate(
            "CommandLine", "A team server's database is protected by the server (its own "
                           "encryption and accounts); Liaison encrypts database files."))
    if cipher.key_of(path) is not None:
        raise LiaisonError(translate("Encryption", "{file} is encrypted already.").format(
            file=path.name))
    db.ensure_writable()
    passphrase = new_passphrase("LIAISON_PASSPHRASE")
    make_backup(db, "encryption")
    db.close()
    args.opened = None
    recovery = cipher.encrypt_file(path, passphrase)
    encrypt_backups(path)
    print(translate("CommandLine", "Encrypted {file} and its backups.").format(file=path),
          file=out)
    show_recovery(recovery, path, out)
    return 0


def cmd_decrypt(args: argparse.Namespace, out: TextIO, err: TextIO, open_db: Any) -> int:
    from db.store.backups import make_backup

    db = open_db(args)
    path = db.path
    key = cipher.key_of(path) if path is not None else None
    if path is None or key is None:
        raise LiaisonError(translate("Encryption", "{file} is not encrypted.").format(
            file=db.describe()))
    db.ensure_writable()
    make_backup(db, "encryption")
    db.close()
    args.opened = None
    cipher.decrypt_file(path, key)
    print(translate("CommandLine", "Decrypted {file}: it opens without a passphrase now.")
          .format(file=path), file=out)
    return 0


COMMANDS = {"encrypt": cmd_encrypt, "decrypt": cmd_decrypt}
