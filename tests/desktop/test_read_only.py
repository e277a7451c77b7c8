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
