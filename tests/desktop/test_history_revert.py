"""The History tab: where each change came from, and reverting one change — asked first in
words that say exactly what will happen, written through the app context, undone with Undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from db.changes.recording import Actor
from db.services import organizations, people
from db.services.history import history
from db.store.errors import NotFound
from desktop import settings
from desktop.context import AppContext
from desktop.views.history import HistoryTab
from desktop.views.organization_page import OrganizationPage
from desktop.views.person_page import PersonPage
from tests.db.factories import make_organization, make_person
from tests.desktop.conftest import RecordedMessages
from tests.desktop.helpers import show_tab, wait_until_active

LEFT = Qt.MouseButton.LeftButton
WHAT, BEFORE, AFTER, FROM = 2, 3, 4, 5


@pytest.fixture(autouse=True)
def officer() -> None:
    settings.set_officer_name("Li Wei")


def open_history(context: AppContext, record_id: str, kind: str = "organization"
                 ) -> tuple[OrganizationPage | PersonPage, HistoryTab]:
    page = (context.open_organization(record_id) if kind == "organization"
            else context.open_person(record_id))
    assert isinstance(page, OrganizationPage | PersonPage)
    wait_until_active(page)
    show_tab(page.tabs, "History")
    return page, page.history_tab


def rows(tab: HistoryTab) -> list[list[str]]:
    model = tab.table.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def select_change(tab: HistoryTab, what: str, after: str) -> None:
    for number, row in enumerate(rows(tab)):
        if row[WHAT] == what and row[AFTER] == after:
            tab.table.select_row(number)
            return
    raise AssertionError(f"no change of {what} to {after} in {rows(tab)}")


@pytest.fixture
def moved_website(context: AppContext) -> str:
    """An organization whose website a colleague changed from the old address to a new one."""
    org = make_organization(context.database, name="Green Party",
                            website="https://old.example.org")
    organizations.update_organization(context.database, org.id,
                                      {"website": "https://new.example.org"},
                                      expected_version=org.version, actor=Actor(who="Anna"))
    return org.id


# -- where a change came from ----------------------------------------------------------------
def test_the_from_column_says_where_each_change_came_from(
        context: AppContext, qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    db = context.database
    org = organizations.create_organization(
        db, {"name": "Labour Party"}, Actor("Li Wei", "starter", "Party Facts"))
    steps = [
        ({"ideology": "social democracy"}, Actor("Li Wei", "screen")),
        ({"website": "https://labour.example"}, Actor("Li Wei", "import", "parties 2024.xlsx")),
        ({"email": "info@labour.example"}, Actor("Wang Fang", "merge",
                                                 "/home/wang/travel/liaison.sqlite3")),
        ({"phone": "+44 20 7946 0000"}, Actor("Li Wei", "cli")),
    ]
    record = org
    for changes, actor in steps:
        record = organizations.update_organization(db, org.id, changes,
                                                   expected_version=record.version, actor=actor)
    _, tab = open_history(context, org.id)
    qtmodeltester.check(tab.table.model())
    assert tab.table.model().headerData(FROM, Qt.Orientation.Horizontal) == "From"
    sources = {row[WHAT]: row[FROM] for row in rows(tab)}
    assert sources == {
        "Created": "Starter register (Party Facts)",
        "Ideology": "Screen",
        "Website": "Import of parties 2024.xlsx",
        "Email": "Merge from liaison.sqlite3",
        "Phone": "Command line",
    }
    email = next(n for n, row in enumerate(rows(tab)) if row[WHAT] == "Email")
    tooltip = tab.table.model().index(email, FROM).data(Qt.ItemDataRole.ToolTipRole)
    assert "/home/wang/travel/liaison.sqlite3" in tooltip


# -- reverting -----------------------------------------------------------------------------
def test_revert_asks_exactly_what_it_will_do_then_puts_the_value_back(
        context: AppContext, qtbot: QtBot, recorded: RecordedMessages,
        moved_website: str) -> None:
    page, tab = open_history(context, moved_website)
    assert not tab.revert_button.isEnabled()  # nothing selected
    select_change(tab, "Website", "https://new.example.org")
    assert tab.revert_button.isEnabled()
    assert tab.revert_button.toolTip() == "Set Website back to “https://old.example.org”?"

    qtbot.mouseClick(tab.revert_button, LEFT)

    question = recorded.texts("confirm")[-1]
    assert question.startswith("Set Website back to “https://old.example.org”?")
    assert "Anna's change" in question
    assert organizations.get_organization(context.database, moved_website).website == \
        "https://old.example.org"
    assert page.form.value("website") == "https://old.example.org"  # the page refreshed
    newest = rows(tab)[0]
    assert newest[WHAT:FROM] == ["Website", "https://new.example.org", "https://old.example.org"]
    assert newest[1] == "Li Wei"
    assert newest[FROM] == "Revert of Anna's change"
    when = tab.table.model().index(0, FROM).data(Qt.ItemDataRole.ToolTipRole)
    assert when.startswith("Revert of Anna's change of ") and rows(tab)[1][0] in when
    assert context.stack_for(tab).undoText() == "Set Website back to “https://old.example.org”"


def test_undo_takes_the_revert_back_and_redo_makes_it_again(
        context: AppContext, qtbot: QtBot, recorded: RecordedMessages,
        moved_website: str) -> None:
    page, tab = open_history(context, moved_website)
    select_change(tab, "Website", "https://new.example.org")
    assert tab.revert_selected()

    context.stack_for(tab).undo()
    assert organizations.get_organization(context.database, moved_website).website == \
        "https://new.example.org"
    qtbot.waitUntil(lambda: page.form.value("website") == "https://new.example.org")
    qtbot.waitUntil(lambda: len(rows(tab)) == 4)  # created, Anna's, the revert, its undo
    context.stack_for(tab).redo()
    assert organizations.get_organization(context.database, moved_website).website == \
        "https://old.example.org"
    assert [c.field for c in history(context.database, moved_website)] == [
        "website", "website", "website", "website", "created"]


def test_cancel_at_the_question_changes_nothing(
        context: AppContext, qtbot: QtBot, recorded: RecordedMessages,
        moved_website: str) -> None:
    _, tab = open_history(context, moved_website)
    select_change(tab, "Website", "https://new.example.org")
    recorded.confirm_answer = False
    qtbot.mouseClick(tab.revert_button, LEFT)
    assert organizations.get_organization(context.database, moved_website).website == \
        "https://new.example.org"
    assert context.stack_for(tab).count() == 0 and len(rows(tab)) == 2


def test_a_change_overtaken_by_a_later_one_cannot_be_reverted(
        context: AppContext, qtbot: QtBot, moved_website: str) -> None:
    record = organizations.get_organization(context.database, moved_website)
    organizations.update_organization(context.database, moved_website,
                                      {"website": "https://newer.example.org"},
                                      expected_version=record.version, actor=Actor(who="Bob"))
    _, tab = open_history(context, moved_website)
    select_change(tab, "Website", "https://new.example.org")
    assert not tab.revert_button.isEnabled()
    assert "changed again later" in tab.reason.text() and "Bob" in tab.reason.text()
    select_change(tab, "Website", "https://newer.example.org")
    assert tab.revert_button.isEnabled() and tab.reason.text() == ""


def test_the_service_refusing_is_shown_in_its_words_and_nothing_changes(
        context: AppContext, qtbot: QtBot, recorded: RecordedMessages,
        moved_website: str) -> None:
    _, tab = open_history(context, moved_website)
    select_change(tab, "Website", "https://new.example.org")
    record = organizations.get_organization(context.database, moved_website)
    organizations.update_organization(context.database, moved_website,  # behind the page
                                      {"website": "https://elsewhere.example.org"},
                                      expected_version=record.version, actor=Actor(who="Bob"))
    assert not tab.revert_selected()
    assert any("changed again after this change" in text for text in recorded.texts("warning"))
    assert organizations.get_organization(context.database, moved_website).website == \
        "https://elsewhere.example.org"
    assert context.stack_for(tab).count() == 0
    assert rows(tab)[0][AFTER] == "https://elsewhere.example.org"  # the history caught up


def test_the_context_menu_offers_the_revert(context: AppContext, qtbot: QtBot,
                                            moved_website: str) -> None:
    _, tab = open_history(context, moved_website)
    rect = tab.table.visualRect(tab.table.model().index(0, WHAT))
    tab.table.customContextMenuRequested.emit(rect.center())
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    assert tab.revert_action in menu.actions() and tab.revert_action.isEnabled()
    assert tab.selected() is not None and tab.selected().field == "website"
    menu.close()


def test_reverting_an_empty_field_change_clears_it_and_a_creation_deletes(
        context: AppContext, qtbot: QtBot, recorded: RecordedMessages) -> None:
    person = make_person(context.database, name="Amina Diallo")
    people.update_person(context.database, person.id, {"title": "Secretary-General"},
                         expected_version=person.version, actor=Actor(who="Anna"))
    page, tab = open_history(context, person.id, "person")
    select_change(tab, "Title", "Secretary-General")
    assert tab.revert_button.toolTip() == "Clear Title? It was empty before this change."
    assert tab.revert_selected()
    assert people.get_person(context.database, person.id).title is None
    assert page.form.value("title") is None

    select_change(tab, "Created", rows(tab)[-1][AFTER])
    assert tab.revert_button.toolTip() == "Delete this person, taking back its creation?"
    assert tab.revert_selected()
    with pytest.raises(NotFound):
        people.get_person(context.database, person.id)
    assert page.is_deleted and page.banner.isVisible()
    context.stack_for(tab).undo()  # the person is back
    assert people.get_person(context.database, person.id).name == "Amina Diallo"
    assert not page.is_deleted


def test_undo_never_takes_back_a_colleagues_later_change(
        context: AppContext, qtbot: QtBot, recorded: RecordedMessages,
        moved_website: str) -> None:
    _, tab = open_history(context, moved_website)
    select_change(tab, "Website", "https://new.example.org")
    assert tab.revert_selected()
    record = organizations.get_organization(context.database, moved_website)
    organizations.update_organization(context.database, moved_website,
                                      {"website": "https://bob.example.org"},
                                      expected_version=record.version, actor=Actor(who="Bob"))
    context.stack_for(tab).undo()
    assert any("changed again after this change" in text for text in recorded.texts("warning"))
    assert organizations.get_organization(context.database, moved_website).website == \
        "https://bob.example.org"
    assert context.stack_for(tab).count() == 0  # the step that can no longer be undone is gone
