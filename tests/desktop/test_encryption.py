"""Encryption in the app, against real files: File ▸ Encrypt this database… (a backup first,
the recovery key shown once, the open windows go on working), the passphrase asked when an
encrypted file opens (a wrong one said in the dialog, another try), an encrypted travel copy
(its passphrase asked again before it is merged back)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from db.seed.opening import open_database
from db.services import organizations
from db.store import cipher
from db.store.backups import list_backups
from desktop.app import launch
from desktop.context import AppContext
from desktop.dialogs import encryption, merge, travel_copy
from desktop.dialogs.passphrase import PassphraseDialog, RecoveryKeyDialog
from desktop.views.organizations import OrganizationsView
from desktop.windows.main_window import MainWindow
from tests.desktop.conftest import RecordedMessages
from tests.desktop.helpers import records, settle

NAME = "Partido Socialista Unido"


@pytest.fixture(autouse=True)
def no_keys() -> Any:
    cipher._KEYS.clear()
    yield
    cipher._KEYS.clear()


@pytest.fixture
def shown_keys(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The recovery keys the app showed (the dialog is answered at once)."""
    shown: list[str] = []

    def exec_(self: RecoveryKeyDialog) -> int:
        shown.append(self.recovery)
        return 1

    monkeypatch.setattr(RecoveryKeyDialog, "exec", exec_)
    return shown


def answer_passphrase_dialogs(monkeypatch: pytest.MonkeyPatch, typed: list[str],
                              said: list[str], *, untick: bool = False) -> None:
    """Each passphrase dialog gets the next of `typed` (twice when it asks twice) and OK,
    until it accepts or `typed` runs out (then Cancel); what it said wrong goes to `said`."""

    def exec_(self: PassphraseDialog) -> int:
        if untick:
            self.wanted.setChecked(False)
            self.accept()
            return int(self.result())
        while typed:
            value = typed.pop(0)
            self.passphrase.setText(value)
            self.again.setText(value)
            self.accept()
            if self.result() == QDialog.DialogCode.Accepted:
                return 1
            said.append(self.problem.text())
        return 0

    monkeypatch.setattr(PassphraseDialog, "exec", exec_)


def test_encrypting_the_open_database_from_the_file_menu(
        context: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
        shown_keys: list[str]) -> None:
    organizations.create_organization(context.database, {"name": NAME, "country": "UY"})
    window = MainWindow(context)
    qtbot.addWidget(window)
    view = window.view("organizations")
    assert isinstance(view, OrganizationsView)
    said: list[str] = []
    answer_passphrase_dialogs(monkeypatch, ["short", "tea at five o'clock"], said)
    assert window.encrypt_action.isEnabled()
    window.encrypt_action.trigger()
    job = context.jobs[0] if context.jobs else None
    assert job is not None
    qtbot.waitUntil(lambda: not job.running, timeout=20_000)
    assert job.error is None, job.error
    assert said and "at least 8" in said[0]  # too short: said in the dialog, then a new try
    path = context.database.path
    assert path is not None
    assert NAME.encode() not in path.read_bytes()
    assert len(shown_keys) == 1 and cipher.parse_recovery(shown_keys[0]) is not None
    assert "encryption" in {b.trigger for b in list_backups(path)}
    assert not window.encrypt_action.isEnabled()
    # the window goes on working on the encrypted file
    organizations.create_organization(context.database, {"name": "Frente Amplio",
                                                         "country": "UY"})
    context.notify("organization")
    settle()
    assert {r.name for r in records(view.model)} == {NAME, "Frente Amplio"}


def test_opening_an_encrypted_file_asks_until_the_passphrase_is_right(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object) -> None:
    path = tmp_path / "register.sqlite3"
    database = open_database(path)
    organizations.create_organization(database, {"name": NAME, "country": "UY"})
    database.close()
    recovery = cipher.encrypt_file(path, "tea at five o'clock")
    cipher._KEYS.clear()
    said: list[str] = []
    answer_passphrase_dialogs(monkeypatch, ["tea at six", "tea at five o'clock"], said)
    opened = launch.open_or_offer_new(str(path))
    assert opened is not None
    try:
        assert {o.name for o in organizations.list_organizations(opened).items} == {NAME}
    finally:
        opened.close()
    assert said and "does not open" in said[0]
    cipher._KEYS.clear()
    answer_passphrase_dialogs(monkeypatch, [], said)  # Cancel: nothing opens
    assert launch.open_or_offer_new(str(path)) is None
    answer_passphrase_dialogs(monkeypatch, [recovery], said)  # the recovery key opens it too
    again = launch.open_or_offer_new(str(path))
    assert again is not None
    again.close()


def test_an_encrypted_travel_copy_asks_for_its_passphrase_before_the_merge(
        context: AppContext, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        shown_keys: list[str], recorded: RecordedMessages) -> None:
    organizations.create_organization(context.database, {"name": NAME, "country": "UY"})
    target = tmp_path / "trip.sqlite3"
    monkeypatch.setattr(travel_copy, "ask_travel_copy_path", lambda parent: str(target))
    said: list[str] = []
    answer_passphrase_dialogs(monkeypatch, ["on the road again"], said)
    parent = QWidget()
    qtbot.addWidget(parent)
    job = travel_copy.export_travel_copy_from_app(context, parent)
    assert job is not None
    qtbot.waitUntil(lambda: bool(recorded.texts("info")), timeout=10_000)
    assert len(shown_keys) == 1
    assert NAME.encode() not in target.read_bytes()

    cipher._KEYS.clear()  # as back at the office, another day
    monkeypatch.setattr(merge, "choose_other_copy", lambda parent: str(target))
    answer_passphrase_dialogs(monkeypatch, [], said)
    assert merge.open_merge_dialog(context, parent) is None  # Cancel: no merge
    answer_passphrase_dialogs(monkeypatch, ["on the road again"], said)
    dialog = merge.open_merge_dialog(context, parent)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.outcome == "planned", timeout=10_000)
    dialog.start_merge()
    qtbot.waitUntil(lambda: dialog.outcome == "merged", timeout=10_000)
    assert dialog.delete_copy_button.isVisibleTo(dialog)
    recorded.confirm_answer = True
    assert dialog.delete_copy()  # the merged copy need not travel on
    assert not target.exists() and not cipher.slot_path(target).exists()
    dialog.close()


def test_a_plain_travel_copy_needs_a_second_yes(
        context: AppContext, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        recorded: RecordedMessages) -> None:
    target = tmp_path / "trip.sqlite3"
    monkeypatch.setattr(travel_copy, "ask_travel_copy_path", lambda parent: str(target))
    answer_passphrase_dialogs(monkeypatch, [], [], untick=True)
    recorded.confirm_answer = False
    assert travel_copy.export_travel_copy_from_app(context, None) is None
    assert "can read every record" in recorded.texts("confirm")[-1]
    assert not target.exists()
    recorded.confirm_answer = True
    job = travel_copy.export_travel_copy_from_app(context, None)
    assert job is not None
    qtbot.waitUntil(lambda: not job.running, timeout=10_000)
    assert target.read_bytes().startswith(b"SQLite format 3")


def test_an_idle_encrypted_database_locks_and_keeps_what_was_typed(
        tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
        recorded: RecordedMessages) -> None:
    from desktop.windows.idle_lock import IdleLock
    from desktop.windows.record_pages import new_context

    path = tmp_path / "register.sqlite3"
    database = open_database(path)
    organizations.create_organization(database, {"name": NAME, "country": "UY"})
    database.close()
    cipher.encrypt_file(path, "tea at five o'clock")
    cipher._KEYS.clear()
    context = new_context(open_database(path, passphrase="tea at five o'clock"))
    try:
        window = MainWindow(context)
        qtbot.addWidget(window)
        window.show()
        lock = IdleLock(context, window)
        lock.timer.setInterval(50)
        page = context.open_organization(None, initial={"name": "Unsaved party"})
        seen: list[tuple[bool, bool]] = []
        said: list[str] = []
        tries = iter(["tea at six", "tea at five o'clock"])

        def ask(_path: object) -> bool:
            seen.append((window.isVisible(), page.isVisible()))
            try:
                lock.check(next(tries))
            except cipher.WrongPassphrase as exc:
                said.append(exc.message)
                return False
            return True

        monkeypatch.setattr(lock, "ask", ask)
        lock.timer.start()
        qtbot.waitUntil(lambda: len(seen) == 2, timeout=5_000)
        assert seen == [(False, False), (False, False)]  # hidden while locked
        assert said and "does not open" in said[0]
        qtbot.waitUntil(lambda: window.isVisible() and page.isVisible())
        assert page.form.values()["name"] == "Unsaved party"  # the edit is still there
    finally:
        for window_ in list(context.windows.values()):
            window_.close()
        context.close()
        context.database.close()


def test_a_plain_database_never_locks(context: AppContext, qtbot: QtBot) -> None:
    from desktop.windows.idle_lock import IdleLock

    lock = IdleLock(context)
    assert lock.lock() is False


def test_the_import_wizard_asks_a_protected_workbooks_password(
        context: AppContext, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from db.exchange.reading import readers
    from desktop.dialogs.import_wizard.wizard import ImportWizard
    from tests.db.test_protected_workbooks import protected
    from tests.desktop.wizard_helpers import choose, next_enabled

    readers._PASSWORDS.clear()
    source = protected(tmp_path / "parties.xlsx", "s3cret")
    wizard = ImportWizard(context)
    qtbot.addWidget(wizard)
    wizard.show()
    said: list[str] = []
    answer_passphrase_dialogs(monkeypatch, ["wrong", "s3cret"], said)
    choose(wizard, qtbot, source, monkeypatch)
    assert said and "does not open" in said[0]
    assert wizard.file_page.flow.facts is not None and next_enabled(wizard)
    readers._PASSWORDS.clear()
    answer_passphrase_dialogs(monkeypatch, [], said)  # Cancel: the page says why it stops
    choose(wizard, qtbot, source, monkeypatch)
    assert "protected by a password" in wizard.file_page.notice.text.text()
    context.wait_for_jobs()


def test_export_protected_workbook_from_the_file_menu(
        context: AppContext, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import msoffcrypto

    organizations.create_organization(context.database, {"name": NAME, "country": "UY"})
    window = MainWindow(context)
    qtbot.addWidget(window)
    target = tmp_path / "for-a-colleague.xlsx"
    monkeypatch.setattr(window, "choose_export_path", lambda: str(target))
    monkeypatch.setattr(encryption, "ask_workbook_password", lambda parent: "tea at five")
    window.export_protected_action.trigger()
    qtbot.waitUntil(lambda: target.exists() and not context.jobs, timeout=20_000)
    with target.open("rb") as handle:
        assert msoffcrypto.OfficeFile(handle).is_encrypted()
    assert NAME.encode() not in target.read_bytes()


def test_the_recovery_key_prints_on_a_page_that_names_no_folder(qtbot: QtBot,
                                                                 tmp_path: Path) -> None:
    """Print… puts the key on a page (here a PDF printer): the document is Liaison's, titled
    as a recovery key, and carries the database's file name but not where it lives."""
    from PySide6.QtPrintSupport import QPrinter

    key = "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789"
    database = tmp_path / "secret folder" / "register.sqlite3"
    dialog = RecoveryKeyDialog(None, key, database)
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(target))
    dialog.print_to(printer)
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 1000
    assert b"Liaison" in data  # the creator, in the document's information
    assert b"secret folder" not in data and str(tmp_path).encode() not in data
