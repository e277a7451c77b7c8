"""What leaves the machine: crash reports and the crash log carry no login name, home folder or
URL password; exported workbooks name Liaison as their author, not the officer's login."""

from __future__ import annotations

import getpass
import zipfile
from io import StringIO
from pathlib import Path

import pytest

import db.cli.main as cli_module
from db.cli.main import main
from db.seed.opening import open_database
from db.services import organizations
from db.store.privacy import scrub


def test_scrub_hides_the_home_folder_the_login_and_url_passwords(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(getpass, "getuser", lambda: "wangfang")
    monkeypatch.setattr(Path, "home", staticmethod(lambda: Path("/home/wangfang")))
    text = ('File "/home/wangfang/liaison/db/cli/main.py", line 3\n'
            "postgresql+psycopg://wangfang:tea-at-five@db.office/liaison\n"
            "user wangfang; wangfang-laptop and ids like wangfangs stay")
    cleaned = scrub(text)
    assert "tea-at-five" not in cleaned and "/home/wangfang" not in cleaned
    assert 'File "~/liaison/db/cli/main.py"' in cleaned
    assert "postgresql+psycopg://<user>:***@db.office/liaison" in cleaned
    assert "user <user>;" in cleaned
    assert "wangfangs" in cleaned  # another word is left alone


def test_the_crash_log_holds_no_password_from_the_command_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "crash.log"
    monkeypatch.setattr(cli_module, "crash_log_path", lambda: log)
    monkeypatch.setattr(cli_module, "cmd_stats",
                        lambda *args: (_ for _ in ()).throw(KeyError("a bug")))
    monkeypatch.setitem(cli_module.COMMANDS, "stats", cli_module.cmd_stats)
    out, err = StringIO(), StringIO()
    code = main(["--db", "postgresql+psycopg://officer:s3cret@localhost:1/none", "stats"],
                out=out, err=err)
    assert code == 1 and "s3cret" not in err.getvalue()
    written = log.read_text(encoding="utf-8")
    assert "Traceback" in written and "s3cret" not in written and ":***@" in written


def test_an_exported_workbook_names_liaison_not_a_login(tmp_path: Path) -> None:
    database = open_database(tmp_path / "register.sqlite3")
    try:
        organizations.create_organization(database, {"name": "Frelimo", "country": "MZ"})
    finally:
        database.close()
    target = tmp_path / "out.xlsx"
    out, err = StringIO(), StringIO()
    assert main(["--db", str(tmp_path / "register.sqlite3"), "export", str(target)],
                out=out, err=err) == 0, err.getvalue()
    with zipfile.ZipFile(target) as book:
        core = book.read("docProps/core.xml").decode()
        everything = b"".join(book.read(name) for name in book.namelist())
    assert "<dc:creator>Liaison</dc:creator>" in core and "lastModifiedBy" not in core
    assert str(tmp_path).encode() not in everything
    assert str(Path.home()).encode() not in everything or str(Path.home()) == "/"


def test_a_database_error_names_no_record_field(tmp_path: Path) -> None:
    """A driver error (here a constraint) quotes Liaison's SQL, never the values bound to it."""
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    database = open_database(tmp_path / "register.sqlite3")
    try:
        with pytest.raises(IntegrityError) as raised, database.engine.begin() as connection:
            connection.execute(text("INSERT INTO meta (key, value) VALUES (:k, :v)"),
                               {"k": "secret-note", "v": "Talks with the Frente Amplio"})
            connection.execute(text("INSERT INTO meta (key, value) VALUES (:k, :v)"),
                               {"k": "secret-note", "v": "Talks with the Frente Amplio"})
        assert "Frente Amplio" not in str(raised.value)
        assert "parameters hidden" in str(raised.value)
    finally:
        database.close()
