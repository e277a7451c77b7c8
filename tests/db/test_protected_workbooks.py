"""Password-protected workbooks (Office's own encryption, msoffcrypto-tool): an export can be
protected, and an import opens a protected file once given its password — a wrong one is one
sentence and writes nothing."""

from __future__ import annotations

from io import BytesIO, StringIO
from pathlib import Path

import msoffcrypto
import pytest
from openpyxl import Workbook

from db.cli import passphrases
from db.cli.main import main
from db.exchange.imports.importer import build_plan
from db.exchange.reading import readers
from db.exchange.reading.read_types import PasswordProtected, WrongPassword
from db.seed.opening import open_database
from db.services import organizations

NAME = "Partido Socialista Unido"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    code = main(list(argv), out=out, err=err)
    assert "Traceback" not in err.getvalue()
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(autouse=True)
def clean(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(passphrases, "on_terminal", lambda: False)
    monkeypatch.delenv("LIAISON_WORKBOOK_PASSWORD", raising=False)
    readers._PASSWORDS.clear()


def protected(path: Path, password: str) -> Path:
    """A protected workbook as Excel writes one: a sheet of parties, encrypted."""
    import io

    from msoffcrypto.format.ooxml import OOXMLFile

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Name", "Country"])
    sheet.append([NAME, "Uruguay"])
    plain = io.BytesIO()
    book.save(plain)
    plain.seek(0)
    with path.open("wb") as out:
        OOXMLFile(plain).encrypt(password, out)
    return path


def test_an_export_protected_with_a_password_opens_only_with_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    database = tmp_path / "register.sqlite3"
    db = open_database(database)
    organizations.create_organization(db, {"name": NAME, "country": "UY"})
    db.close()
    target = tmp_path / "for-a-colleague.xlsx"
    monkeypatch.setenv("LIAISON_WORKBOOK_PASSWORD", "tea at five")
    code, _, err = run("--db", str(database), "export", str(target), "--protect")
    assert code == 0, err
    assert NAME.encode() not in target.read_bytes()
    with target.open("rb") as handle:
        office = msoffcrypto.OfficeFile(handle)
        assert office.is_encrypted()
        with pytest.raises((msoffcrypto.exceptions.InvalidKeyError,
                            msoffcrypto.exceptions.DecryptionError)):
            office.load_key(password="tea at six")
            office.decrypt(BytesIO())
    # and Liaison imports it back with the password (into a new database)
    other = tmp_path / "colleague.sqlite3"
    run("init", str(other))
    code, _out, err = run("--db", str(other), "import", str(target))
    assert code == 0, err
    db = open_database(other)
    try:
        assert NAME in {o.name for o in organizations.list_organizations(db).items}
    finally:
        db.close()


def test_a_list_and_a_dossier_can_be_protected_too(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    database = tmp_path / "register.sqlite3"
    db = open_database(database)
    org = organizations.create_organization(db, {"name": NAME, "country": "UY"})
    db.close()
    monkeypatch.setenv("LIAISON_WORKBOOK_PASSWORD", "tea at five")
    for extra, name in ((["--view", "organizations"], "list.xlsx"),
                        (["--organization", org.id], "dossier.xlsx")):
        code, _, err = run("--db", str(database), "export", str(tmp_path / name), "--protect",
                           *extra)
        assert code == 0, err
        with (tmp_path / name).open("rb") as handle:
            assert msoffcrypto.OfficeFile(handle).is_encrypted()


def test_importing_a_protected_file_asks_for_its_password_and_a_wrong_one_writes_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = protected(tmp_path / "parties.xlsx", "s3cret")
    database = tmp_path / "register.sqlite3"
    run("init", str(database))
    code, out, err = run("--db", str(database), "import", str(source))
    assert code == 1 and out == "" and "protected by a password" in err
    assert "LIAISON_WORKBOOK_PASSWORD" in err and err.count("\n") == 1
    monkeypatch.setenv("LIAISON_WORKBOOK_PASSWORD", "wrong")
    code, out, err = run("--db", str(database), "import", str(source))
    assert code == 1 and "does not open" in err and "wrong" not in err.replace(
        "does not open", "")
    db = open_database(database)
    try:
        assert organizations.list_organizations(db).total == 0
    finally:
        db.close()
    monkeypatch.setenv("LIAISON_WORKBOOK_PASSWORD", "s3cret")
    code, out, err = run("--db", str(database), "import", str(source))
    assert code == 0, err


def test_the_reader_api_without_and_with_the_password(tmp_path: Path) -> None:
    source = protected(tmp_path / "parties.xlsx", "s3cret")
    db = open_database(tmp_path / "register.sqlite3")
    try:
        with pytest.raises(PasswordProtected) as raised:
            build_plan(db, source)
        assert not isinstance(raised.value, WrongPassword)
        readers.remember_password(source, "nope")
        with pytest.raises(WrongPassword):
            build_plan(db, source)
        readers.remember_password(source, "s3cret")
        plan = build_plan(db, source)
        assert [r.action for r in plan.rows] == ["create"]
    finally:
        db.close()
