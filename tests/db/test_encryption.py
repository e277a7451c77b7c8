"""Encrypted databases (db/store/cipher.py, `liaison encrypt`, `decrypt`, and encrypted
travel copies): the file's bytes hold no name from the data and plain SQLite cannot open it;
the passphrase or the recovery key opens it, a wrong one gets one clear sentence and exit 1;
backups, restores, merges and exports work on it as on a plain file."""

from __future__ import annotations

import sqlite3
from io import StringIO
from pathlib import Path
from typing import Any

import pytest

from db.cli import passphrases
from db.cli.main import main
from db.merge.apply import apply_merge
from db.merge.plan import merge_plan
from db.seed.opening import open_database
from db.services import organizations
from db.services.check import check_database
from db.store import cipher
from db.store.backup import restore_database
from db.store.backups import list_backups, make_backup

NAMES = ("Partido Socialista Unido", "Frente Amplio", "Sozialdemokratische Partei")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    code = main(list(argv), out=out, err=err)
    assert "Traceback" not in err.getvalue()
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(autouse=True)
def no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test asks a real terminal; each starts with no key held and no passphrase set."""
    monkeypatch.setattr(passphrases, "on_terminal", lambda: False)
    for variable in ("LIAISON_PASSPHRASE", "LIAISON_OTHER_PASSPHRASE",
                     "LIAISON_TRAVEL_PASSPHRASE"):
        monkeypatch.delenv(variable, raising=False)
    cipher._KEYS.clear()


@pytest.fixture
def register(tmp_path: Path) -> Path:
    path = tmp_path / "office" / "register.sqlite3"
    database = open_database(path)
    try:
        for name in NAMES:
            organizations.create_organization(database, {"name": name, "country": "UY",
                                                         "notes": f"Talks with {name}"})
    finally:
        database.close()
    return path


def encrypt(path: Path, monkeypatch: pytest.MonkeyPatch, passphrase: str = "tea at five") -> str:
    monkeypatch.setenv("LIAISON_PASSPHRASE", passphrase)
    code, out, err = run("--db", str(path), "encrypt")
    assert code == 0, err
    recovery = next(line.strip() for line in out.splitlines() if line.count("-") == 13)
    cipher._KEYS.clear()  # as a new process would start
    return recovery


def no_plaintext(path: Path) -> None:
    data = path.read_bytes()
    for name in NAMES:
        assert name.encode() not in data, f"{name} readable in {path.name}"
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        sqlite3.connect(path).execute("SELECT count(*) FROM organizations").fetchone()


def test_encrypt_hides_every_name_and_plain_sqlite_cannot_open_it(
        register: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_backup_of(register)
    recovery = encrypt(register, monkeypatch)
    no_plaintext(register)
    assert cipher.parse_recovery(recovery) is not None
    for backup in list_backups(register):  # the backups are closed too
        no_plaintext(backup.path)
    assert {b.trigger for b in list_backups(register)} == {"manual", "encryption"}
    code, out, _ = run("--db", str(register), "stats")  # LIAISON_PASSPHRASE still set
    assert code == 0 and "3" in out


def make_backup_of(path: Path) -> None:
    database = open_database(path)
    try:
        make_backup(database, "manual")
    finally:
        database.close()


def test_without_or_with_a_wrong_passphrase_one_sentence_and_exit_1(
        register: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    encrypt(register, monkeypatch)
    monkeypatch.delenv("LIAISON_PASSPHRASE")
    code, out, err = run("--db", str(register), "stats")
    assert code == 1 and out == ""
    assert "encrypted" in err and "LIAISON_PASSPHRASE" in err and err.count("\n") == 1
    monkeypatch.setenv("LIAISON_PASSPHRASE", "tea at six")
    code, out, err = run("--db", str(register), "stats")
    assert code == 1 and out == "" and "does not open" in err and err.count("\n") == 1
    assert "tea at six" not in err


def test_a_terminal_gets_three_tries(register: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    encrypt(register, monkeypatch)
    monkeypatch.delenv("LIAISON_PASSPHRASE")
    monkeypatch.setattr(passphrases, "on_terminal", lambda: True)
    typed = iter(["tea at six", "tea at five"])
    monkeypatch.setattr(passphrases, "ask", lambda _prompt: next(typed))
    code, _out, err = run("--db", str(register), "stats")
    assert code == 0, err
    assert "does not open" in capsys.readouterr().err  # the first try was told it was wrong


def test_the_recovery_key_opens_it_without_its_key_file_and_a_new_passphrase_can_be_set(
        register: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    recovery = encrypt(register, monkeypatch)
    cipher.slot_path(register).unlink()  # the key file is lost
    monkeypatch.setenv("LIAISON_PASSPHRASE", "tea at five")
    code, _, err = run("--db", str(register), "stats")
    assert code == 1 and "Not a Liaison" not in err
    database = open_database(register, passphrase=recovery.lower().replace("-", " "))
    try:
        assert {o.name for o in organizations.list_organizations(database).items} == set(NAMES)
        key = cipher.key_of(register)
        assert key is not None
        cipher.change_passphrase(register, key, "new tea")
    finally:
        database.close()
    cipher._KEYS.clear()
    database = open_database(register, passphrase="new tea")
    database.close()


def test_decrypt_gives_a_plain_file_back(register: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    encrypt(register, monkeypatch)
    code, _out, err = run("--db", str(register), "decrypt")
    assert code == 0, err
    assert not cipher.slot_path(register).exists()
    connection = sqlite3.connect(register)
    try:
        assert connection.execute("SELECT count(*) FROM organizations").fetchone()[0] == 3
    finally:
        connection.close()
    assert [b.trigger for b in list_backups(register)].count("encryption") == 2


def test_backup_and_restore_of_an_encrypted_database(register: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    encrypt(register, monkeypatch)
    database = open_database(register, passphrase="tea at five")
    try:
        backup = make_backup(database, "manual")
        assert backup is not None
        no_plaintext(backup.path)
        organizations.create_organization(database, {"name": "Partido Nuevo", "country": "UY"})
        database.engine.dispose()
        safety = restore_database(database.url, backup.path)
        assert safety is not None and cipher.looks_encrypted(safety)
        assert "Partido Nuevo" not in {o.name for o in
                                       organizations.list_organizations(database).items}
        assert check_database(database) == []
    finally:
        database.close()


def test_an_encrypted_travel_copy_opens_only_with_its_passphrase_and_merges_back(
        register: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    copy = tmp_path / "laptop.sqlite3"
    code, _, err = run("--db", str(register), "export-travel-copy", str(copy))
    assert code == 2 and "--encrypt" in err and not copy.exists()  # a choice is required
    monkeypatch.setenv("LIAISON_TRAVEL_PASSPHRASE", "on the road")
    code, out, err = run("--db", str(register), "export-travel-copy", str(copy), "--encrypt")
    assert code == 0, err and "Recovery key" in out
    cipher._KEYS.clear()
    no_plaintext(copy)
    travel = open_database(copy, passphrase="on the road")
    try:
        organizations.create_organization(travel, {"name": "Partido de Viaje", "country": "UY"})
    finally:
        travel.close()
    cipher._KEYS.clear()
    code, _, err = run("--db", str(register), "merge", str(copy))
    assert code == 1 and "LIAISON_OTHER_PASSPHRASE" in err
    monkeypatch.setenv("LIAISON_OTHER_PASSPHRASE", "on the road")
    code, out, err = run("--db", str(register), "merge", str(copy))
    assert code == 0, err
    database = open_database(register)
    try:
        assert "Partido de Viaje" in {o.name for o in
                                      organizations.list_organizations(database).items}
    finally:
        database.close()


def test_a_plain_travel_copy_of_an_encrypted_database_is_plain(
        register: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    encrypt(register, monkeypatch)
    copy = tmp_path / "plain.sqlite3"
    code, _, err = run("--db", str(register), "export-travel-copy", str(copy), "--plain")
    assert code == 0, err
    connection = sqlite3.connect(copy)
    try:
        assert connection.execute("SELECT count(*) FROM organizations").fetchone()[0] == 3
    finally:
        connection.close()


def test_merge_api_reads_an_encrypted_copy_once_its_key_is_held(
        register: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from db.merge.travel import export_travel_copy

    database = open_database(register)
    try:
        copy = export_travel_copy(database, tmp_path / "copy.sqlite3", passphrase="p")
        assert copy.recovery is not None
        cipher.forget(copy.path)
        with pytest.raises(cipher.PassphraseNeeded):
            merge_plan(database, str(copy.path))
        cipher.unlock(copy.path, copy.recovery)
        result = apply_merge(database, merge_plan(database, str(copy.path)))
        assert result.batch_id is None  # nothing changed in either copy
    finally:
        database.close()


def test_a_large_export_reads_an_encrypted_file_in_its_second_process(
        register: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from db.exchange.export import feed

    encrypt(register, monkeypatch)
    monkeypatch.setattr(feed, "PROCESS_FROM_ROWS", 0)
    started: list[Any] = []
    real = feed.ProcessFeed.__init__

    def counting(self: Any, *args: Any) -> None:
        real(self, *args)
        started.append(self.process)

    monkeypatch.setattr(feed.ProcessFeed, "__init__", counting)
    target = tmp_path / "export.xlsx"
    code, _, err = run("--db", str(register), "export", str(target))
    assert code == 0, err
    assert len(started) == 1 and started[0].poll() == 0
    sheet = load_workbook(target)["organizations"]
    assert set(NAMES) <= {row[1] for row in sheet.iter_rows(values_only=True)}


def test_liaison_restore_on_an_encrypted_database_asks_its_passphrase(
        register: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line restores into an encrypted file (it works on the file without opening
    it, so it asks the key to match the backup's): without the passphrase one sentence and
    nothing restored, with it the backup comes back (a new process holds no key)."""
    encrypt(register, monkeypatch)
    code, _out, _err = run("--db", str(register), "backup")
    assert code == 0
    backup = next(p for p in (register.parent / "backups").glob("*.sqlite3"))
    code, _out, _err = run("--db", str(register), "import", str(write_parties(register.parent)))
    assert code == 0
    cipher._KEYS.clear()
    monkeypatch.delenv("LIAISON_PASSPHRASE")
    code, _out, err = run("--db", str(register), "restore", str(backup))
    assert code == 1 and "passphrase" in err
    monkeypatch.setenv("LIAISON_PASSPHRASE", "tea at five")
    cipher._KEYS.clear()
    code, _out, err = run("--db", str(register), "restore", str(backup))
    assert code == 0, err
    database = open_database(register, passphrase="tea at five")
    try:
        assert "Partido Nuevo" not in {o.name for o in
                                       organizations.list_organizations(database).items}
    finally:
        database.close()


def write_parties(folder: Path) -> Path:
    path = folder / "parties.csv"
    path.write_text("Name,Country\nPartido Nuevo,UY\n", encoding="utf-8")
    return path


def test_a_key_held_for_a_path_now_holding_a_plain_file_is_let_go(tmp_path: Path) -> None:
    """Keys are held by path: a plain file made later at the path of an encrypted one (a
    backup of the same name a second after the old one was deleted) opens as what it is."""
    import sqlite3

    path = tmp_path / "register.import.20261205-101500.sqlite3"
    cipher.remember(path, bytes(range(32)))
    plain = sqlite3.connect(path)
    plain.execute("CREATE TABLE t (x)")
    plain.close()
    connection = cipher.connect(path)
    try:
        assert connection.execute("SELECT count(*) FROM t").fetchone() == (0,)
    finally:
        connection.close()
    assert cipher.key_of(path) is None
