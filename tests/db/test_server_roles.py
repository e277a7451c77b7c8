"""Roles on a team's PostgreSQL server (`liaison server-setup`, db/store/roles.py): a viewer's
account can only read — the server itself refuses its writes, and Liaison opens it read-only
— an editor's can change records, and an account without CREATEROLE is told so."""

from __future__ import annotations

import uuid
from io import StringIO

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

from db.cli.main import main
from db.seed.opening import open_database
from db.services import organizations
from db.store.errors import DatabaseProblem
from db.store.roles import EDITOR, VIEWER


def run(*argv: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    code = main(list(argv), out=out, err=err)
    assert "Traceback" not in err.getvalue()
    return code, out.getvalue(), err.getvalue()


def as_user(url: str, login: str, password: str) -> str:
    return make_url(url).set(username=login, password=password).render_as_string(
        hide_password=False)


@pytest.fixture
def logins() -> tuple[str, str]:
    tag = uuid.uuid4().hex[:8]
    return f"li_{tag}", f"wang_{tag}"


def test_a_viewer_only_reads_and_an_editor_writes(pg_url: str, logins: tuple[str, str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    editor, viewer = logins
    database = open_database(pg_url)  # Liaison's tables on the server first
    organizations.create_organization(database, {"name": "Frelimo", "country": "MZ"})
    database.close()
    monkeypatch.setenv("LIAISON_NEW_PASSWORD", "team-pass-1")
    code, out, err = run("--db", pg_url, "server-setup", "--editor", editor,
                         "--viewer", viewer)
    assert code == 0, err
    assert f"{editor} is in {EDITOR}" in out and f"{viewer} is in {VIEWER}" in out

    reader = open_database(as_user(pg_url, viewer, "team-pass-1"))
    try:
        assert reader.read_only
        assert {o.name for o in organizations.list_organizations(reader).items} == {"Frelimo"}
        with pytest.raises(DatabaseProblem, match="may only read"):
            organizations.create_organization(reader, {"name": "SWAPO", "country": "NA"})
        with pytest.raises(ProgrammingError, match="permission denied"), \
                reader.engine.begin() as connection:  # the server itself refuses
            connection.execute(text("UPDATE organizations SET notes = 'x'"))
    finally:
        reader.close()

    writer = open_database(as_user(pg_url, editor, "team-pass-1"))
    try:
        assert not writer.read_only
        organizations.create_organization(writer, {"name": "SWAPO", "country": "NA"})
        assert writer.history_name("Li Wei") == f"Li Wei ({editor})"
    finally:
        writer.close()

    # moved from viewer to editor: the server lets the account write now
    code, _, err = run("--db", pg_url, "server-setup", "--editor", viewer)
    assert code == 0, err
    promoted = open_database(as_user(pg_url, viewer, "team-pass-1"))
    try:
        assert not promoted.read_only
    finally:
        promoted.close()


def test_an_account_without_createrole_is_told_so(pg_url: str, logins: tuple[str, str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    editor, _ = logins
    open_database(pg_url).close()
    monkeypatch.setenv("LIAISON_NEW_PASSWORD", "team-pass-2")
    assert run("--db", pg_url, "server-setup", "--editor", editor)[0] == 0
    code, out, err = run("--db", as_user(pg_url, editor, "team-pass-2"), "server-setup")
    assert code == 1 and out == ""
    assert "CREATEROLE" in err and err.count("\n") == 1 and "team-pass-2" not in err


def test_a_new_account_needs_a_password(pg_url: str, logins: tuple[str, str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from db.cli import passphrases

    monkeypatch.setattr(passphrases, "on_terminal", lambda: False)
    monkeypatch.delenv("LIAISON_NEW_PASSWORD", raising=False)
    open_database(pg_url).close()
    code, _, err = run("--db", pg_url, "server-setup", "--viewer", logins[1])
    assert code == 1 and "LIAISON_NEW_PASSWORD" in err


def test_a_database_file_has_no_roles(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "register.sqlite3"
    run("init", str(path))
    code, _, err = run("--db", str(path), "server-setup")
    assert code == 1 and "PostgreSQL server" in err
