"""A read-only database opens in the app (issue 13, item 7): a banner says it is read-only,
the title says so, the actions that write are off, records show but cannot be saved, and
"Save a copy to work on" makes a copy that opens writable."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from db.seed.opening import open_database
from db.services import organizations
from desktop.windows import database_menu
from desktop.windows.main_window import MainWindow
from desktop.windows.record_pages import new_context
from tests.desktop.conftest import RecordedMessages


@pytest.fixture
def locked(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    path = tmp_path / "archive" / "2019 visits.sqlite3"
    database = open_database(path)
    record = organizations.create_organization(database, {"name": "Communist Party of Vietnam",
                                                          "country": "VN"})
    database.close()
    path.chmod(0o444)
    try:
        yield path, record.id
    finally:
        path.chmod(0o644)


def test_a_read_only_database_opens_with_a_banner_and_nothing_that_writes(
        locked: tuple[Path, str], qapp: object, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    path, record_id = locked
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    context = new_context(open_database(path, create=False))
    try:
        window = MainWindow(context)
        qtbot.addWidget(window)
        window.show()
        window.show_view(0)
        assert window.read_only_banner is not None and window.read_only_banner.isVisible()
        assert "Read-only" in window.read_only_banner.text.text()
        assert "(read-only)" in window.windowTitle() and path.name in window.windowTitle()
        for action in (window.new_action, window.import_action, window.delete_action,
                       window.starter_action, window.merge_travel_action):
            assert not action.isEnabled(), action.text()
        assert window.export_action.isEnabled() and window.save_copy_action.isEnabled()

        page = context.open_organization(record_id)
        qtbot.waitExposed(page)
        assert page.title_label.text() == "Communist Party of Vietnam"
        page.form.widgets["name"].setText("Đảng Cộng sản Việt Nam")
        assert not page.save_button.isEnabled() and not page.delete_action.isEnabled()
        banner = page.findChild(type(window.read_only_banner), "read_only_banner")
        assert banner is not None and banner.isVisible()
        page.form.widgets["name"].setText("Communist Party of Vietnam")
        page.close()

        copy = path.parent.parent / "to work on.sqlite3"
        launched: list[str] = []
        monkeypatch.setattr(database_menu, "ask_copy_path", lambda *_a: str(copy))
        monkeypatch.setattr(database_menu, "launch", lambda where: launched.append(where) or True)
        button = window.read_only_banner.buttons[0]
        assert button.text() == "Save a copy to work on…"
        button.click()
        qtbot.waitUntil(lambda: launched == [str(copy)])
        writable = open_database(copy, create=False)
        assert not writable.read_only
        assert organizations.list_organizations(writable).total == 1
        writable.close()
    finally:
        for open_window in list(context.windows.values()):
            open_window.close()
        context.close()
        context.database.close()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_viewer_account_on_the_team_server_is_shown_read_only(
        pg_url: str, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
        recorded: RecordedMessages) -> None:
    """server-setup's viewer role: the window says so, with nothing that writes."""
    import uuid
    from io import StringIO

    from sqlalchemy.engine import make_url

    from db.cli.main import main

    open_database(pg_url).close()
    viewer = f"viewer_{uuid.uuid4().hex[:8]}"
    monkeypatch.setenv("LIAISON_NEW_PASSWORD", "team-pass-3")
    assert main(["--db", pg_url, "server-setup", "--viewer", viewer], out=StringIO(),
                err=StringIO()) == 0
    url = make_url(pg_url).set(username=viewer, password="team-pass-3").render_as_string(
        hide_password=False)
    context = new_context(open_database(url))
    try:
        window = MainWindow(context)
        qtbot.addWidget(window)
        window.show()
        assert window.read_only_banner is not None
        text = window.read_only_banner.text.text()
        assert "team server" in text and "editor role" in text
        assert not window.new_action.isEnabled() and not window.import_action.isEnabled()
        assert window.read_only_banner.buttons == []  # no "save a copy" for a server
    finally:
        context.close()
        context.database.close()
