"""File ▸ Encrypt this database…, and the passphrase an encrypted file asks for when it opens.

Encrypting runs on the database worker: a backup first, then the file is converted (its
backups too, so no readable copy stays behind), and the open database is reconnected through
SQLCipher. The recovery key is shown once, to copy or save."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtWidgets import QMainWindow, QWidget
from sqlalchemy.orm import sessionmaker

from db.store import cipher
from db.store.backups import encrypt_backups, make_backup
from db.store.engine import Database, create_engine_for
from db.store.errors import LiaisonError
from desktop.context import AppContext
from desktop.dialogs.passphrase import PassphraseDialog, RecoveryKeyDialog
from desktop.errors import show_problem
from desktop.i18n import translate
from desktop.jobs.worker import Job
from desktop.messages import messages


def ask_passphrase(path: Path, parent: QWidget | None = None) -> bool:
    """The passphrase (or recovery key) of the encrypted file `path`, asked until it opens the
    file or the user cancels; True when it opened (its key is held for this process)."""
    dialog = PassphraseDialog(
        parent, translate("Passphrase", "Encrypted database"),
        translate("Passphrase", "{file} is encrypted. Enter its passphrase, or the recovery "
                                "key that was shown when it was encrypted.").format(
            file=path.name),
        check=lambda secret: cipher.unlock(path, secret))
    return bool(dialog.exec())


def is_encrypted(database: Database) -> bool:
    return database.path is not None and cipher.key_of(database.path) is not None


def reconnect(database: Database) -> None:
    """After the file under an open database was converted: new connections, keyed or not."""
    database.engine.dispose()
    database.engine = create_engine_for(database.url, read_only=database.read_only)
    database.sessions = sessionmaker(database.engine, expire_on_commit=False)


def encrypt_database(context: AppContext, window: QMainWindow) -> Job | None:
    """Ask for a new passphrase and encrypt the open database file with it."""
    database = context.database
    path = database.path
    if path is None:
        show_problem(window, LiaisonError(translate(
            "Encryption", "A team server's database is protected by the server (its own "
                          "encryption and accounts); Liaison encrypts database files.")),
            translate("Passphrase", "Encrypt this database"))
        return None
    if is_encrypted(database):
        show_problem(window, LiaisonError(translate(
            "Encryption", "{file} is encrypted already.").format(file=path.name)),
            translate("Passphrase", "Encrypt this database"))
        return None
    dialog = PassphraseDialog(
        window, translate("Passphrase", "Encrypt this database"),
        translate("Passphrase", "Choose a passphrase for {file}. Liaison will ask for it each "
                                "time the database opens. A backup is made first, and the "
                                "backups are encrypted too. Then a recovery key is shown "
                                "once: it opens the file if the passphrase is forgotten.")
        .format(file=path.name), new=True)
    if not dialog.exec():
        return None
    passphrase = dialog.take() or ""
    context.wait_for_jobs()

    def steps(_cancelled: Callable[[], bool]) -> Iterator[str | None]:
        yield None
        make_backup(database, "encryption")
        database.engine.dispose()  # no connection of ours may hold the plain file
        try:
            recovery = cipher.encrypt_file(path, passphrase)
        finally:
            reconnect(database)
        encrypt_backups(path)
        yield recovery

    def done(recovery: str | None) -> None:
        context.notify("*")
        if recovery is not None:
            RecoveryKeyDialog(window, recovery, path).exec()
        window.statusBar().showMessage(translate(
            "Passphrase", "{file} is encrypted; it asks for its passphrase when it opens.")
            .format(file=path.name), 15000)

    title = translate("Passphrase", "Encrypting the database")
    return context.start(Job(window, title, steps,
                             lambda _r: (0, 0, title), on_success=done))


def confirm_plain_copy(parent: QWidget | None) -> bool:
    """A travel copy without encryption: only when the user says so in so many words."""
    return messages.confirm(
        parent, translate("Passphrase", "Travel copy without encryption"),
        translate("Passphrase", "Anyone who finds or copies this file can read every record "
                                "in it. Write it without encryption anyway?"),
        yes=translate("Passphrase", "Write it unencrypted"))


def ask_copy_passphrase(parent: QWidget | None) -> tuple[bool, str | None]:
    """The travel copy's protection: (go on, its passphrase), the passphrase None for a copy
    the user chose — twice — to write unencrypted. Tests replace this."""
    dialog = PassphraseDialog(
        parent, translate("Passphrase", "Encrypt the travel copy"),
        translate("Passphrase", "A laptop on a trip can be lost. Choose a passphrase for the "
                                "copy; Liaison there asks for it when the copy opens. A "
                                "recovery key is shown once too."),
        new=True, optional=translate("Passphrase", "&Encrypt the copy (recommended)"))
    if not dialog.exec():
        return False, None
    passphrase = dialog.take()
    if passphrase is None and not confirm_plain_copy(parent):
        return False, None
    return True, passphrase


def unlock_other_copy(path: Path, parent: QWidget | None) -> bool:
    """Before merging the file `path`: when it is an encrypted Liaison file whose key this
    process does not hold, ask for its passphrase. False when the user cancelled."""
    if not path.is_file() or not cipher.looks_encrypted(path) \
            or cipher.key_of(path) is not None or not cipher.slot_path(path).exists():
        return True
    return ask_passphrase(path, parent)


def ask_workbook_password(parent: QWidget | None) -> str | None:
    """A new password for a protected workbook, typed twice; None when cancelled. Tests
    replace this."""
    dialog = PassphraseDialog(
        parent, translate("Passphrase", "Protect the workbook"),
        translate("Passphrase", "Choose the password the workbook opens with. Tell it to its "
                                "reader another way than the file (a call, a message): "
                                "whoever has both can read every record in it."),
        new=True, label=translate("Passphrase", "Password:"))
    return dialog.take() if dialog.exec() else None
