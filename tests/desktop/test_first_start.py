"""The first start (issue 13): the user's name as it will stand in every record's history,
the language (the dialog turns into it at once), and what to start with — each asked only
while it is still open."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from db.services import organizations
from db.services.history import history
from db.store.engine import Database
from desktop import i18n, settings
from desktop.context import AppContext
from desktop.dialogs import initial_data
from desktop.dialogs.first_start import FirstStartDialog
from desktop.windows.record_pages import new_context


@pytest.fixture
def english_after(qapp: object) -> object:
    yield None
    i18n.install("en")


def never_shown(self: FirstStartDialog) -> int:
    raise AssertionError("the first-start dialog was shown although nothing was left to ask")


def test_name_and_language_are_asked_once_and_the_dialog_turns_chinese_at_once(
        sqlite_db: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
        english_after: object) -> None:
    i18n.install("en")
    seen: list[FirstStartDialog] = []

    def answer(dialog: FirstStartDialog) -> int:
        seen.append(dialog)
        qtbot.addWidget(dialog)
        assert dialog.name.text(), "the name field suggests the system's name for the login"
        assert dialog.person.isVisibleTo(dialog) and dialog.start.isVisibleTo(dialog)
        dialog.name.clear()
        assert not dialog.ok_button.isEnabled(), "no name, no start"
        dialog.name.setText("李伟")
        assert dialog.ok_button.isEnabled()
        assert dialog.windowTitle() == "Welcome to Liaison"
        dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
        assert dialog.windowTitle() == "欢迎使用 Liaison"
        assert dialog.buttons["starter"].text() == "载入世界政党初始名录"
        assert dialog.name_label.text() == "您的姓名(&N)："
        assert dialog.ok_button.text().startswith("开始")
        dialog.buttons["empty"].setChecked(True)
        return 1

    monkeypatch.setattr(FirstStartDialog, "exec", answer)
    assert initial_data.ask_first_start(sqlite_db) is None  # "empty": nothing to load
    assert len(seen) == 1
    assert settings.saved_officer_name() == "李伟" and settings.language() == "zh_CN"

    context = new_context(sqlite_db)
    try:
        record = organizations.create_organization(
            sqlite_db, {"name": "Lao People's Revolutionary Party", "country": "LA"},
            context.actor())
    finally:
        context.close()
    assert {change.who for change in history(sqlite_db, record.id)} == {"李伟"}

    monkeypatch.setattr(FirstStartDialog, "exec", never_shown)
    assert initial_data.ask_first_start(sqlite_db) is None  # asked once, on this machine


def test_a_new_empty_database_asks_only_what_to_start_with(
        sqlite_db: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    settings.set_officer_name("Ana Souza")
    shown: list[FirstStartDialog] = []

    def answer(dialog: FirstStartDialog) -> int:
        qtbot.addWidget(dialog)
        shown.append(dialog)
        assert not dialog.person.isVisibleTo(dialog) and dialog.start.isVisibleTo(dialog)
        assert "This database is empty" in dialog.intro.text()
        dialog.buttons["demo"].setChecked(True)
        return 1

    monkeypatch.setattr(FirstStartDialog, "exec", answer)
    assert initial_data.ask_first_start(sqlite_db) == "demo"
    assert settings.saved_officer_name() == "Ana Souza"
    monkeypatch.setattr(FirstStartDialog, "exec", never_shown)
    assert initial_data.ask_first_start(sqlite_db) is None


def test_closing_the_welcome_loads_nothing_and_asks_the_name_again(
        sqlite_db: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(FirstStartDialog, "exec", lambda dialog: qtbot.addWidget(dialog) or 0)
    assert initial_data.ask_first_start(sqlite_db) is None
    assert settings.saved_officer_name() == ""
    asked: list[bool] = []

    def answer(dialog: FirstStartDialog) -> int:
        qtbot.addWidget(dialog)
        asked.append(dialog.person.isVisibleTo(dialog) and not dialog.start.isVisibleTo(dialog))
        return 1

    monkeypatch.setattr(FirstStartDialog, "exec", answer)
    assert initial_data.ask_first_start(sqlite_db) is None
    assert asked == [True]


def test_a_team_server_keeps_its_user_name_beside_the_given_one(db: Database) -> None:
    settings.set_officer_name("Li Wei")
    context_actor = db.history_name("Li Wei")
    if db.is_sqlite:
        assert db.server_user is None and context_actor == "Li Wei"
    else:
        user = make_url(db.url).username
        assert user and db.server_user == user
        assert context_actor == f"Li Wei ({user})"
    record = organizations.create_organization(db, {"name": "Frente Amplio", "country": "UY"},
                                               AppContext.actor_for(db))
    assert {change.who for change in history(db, record.id)} == {context_actor}
