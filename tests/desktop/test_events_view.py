"""The events list on SQLite and PostgreSQL, over the summit of tests/db/test_events.py and a
seminar: the latest first with series and edition, mechanism, dates, place, organizer and the
invitations; filters by mechanism, series, year and words; sorting in the database; Enter
opens the event, New event an empty page; deleting with undo; and its place in the main
window (after Visits, Ctrl+6, New event in the File and New menus)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from db.services import events
from db.store.engine import Database
from db.store.errors import NotFound
from desktop.context import AppContext
from desktop.views.event_page import EventPage
from desktop.views.events import EventsView
from desktop.windows.main_window import VIEWS, MainWindow
from desktop.windows.record_pages import new_context
from tests.db.test_events import summit  # noqa: F401  (the fixture)
from tests.desktop.conftest import RecordedMessages
from tests.desktop.helpers import settle

NAME, SERIES, MECHANISM, DATES, PLACE, ORGANIZER, INVITATIONS = range(7)


@pytest.fixture
def context(db: Database, qapp: object, recorded: RecordedMessages) -> Iterator[AppContext]:
    ctx = new_context(db)
    yield ctx
    for window in list(ctx.windows.values()):
        window.close()
    ctx.close()


@pytest.fixture
def year_of_events(context: AppContext, summit: dict[str, Any]) -> dict[str, Any]:  # noqa: F811
    seminar = events.create_event(context.database, {
        "name": "Seminar on poverty reduction", "mechanism": "thematic_seminar",
        "start": "2026-09-02", "online": True})
    return {**summit, "seminar": seminar}


def make_view(qtbot: QtBot, context: AppContext) -> EventsView:
    view = EventsView(context)
    qtbot.addWidget(view)
    view.resize(1400, 600)
    view.show()
    settle()
    return view


def column(view: EventsView, number: int) -> list[str]:
    settle()  # the list's pages come from the database worker
    return [view.model.index(row, number).data() for row in range(view.model.rowCount())]


def test_lists_the_latest_first(qtbot: QtBot, context: AppContext,
                                year_of_events: dict[str, Any],
                                qtmodeltester: ModelTester) -> None:
    view = make_view(qtbot, context)
    assert column(view, NAME) == ["Seminar on poverty reduction",
                                  "World Political Parties Dialogue 2026",
                                  "World Political Parties Dialogue 2025"]
    assert view.count.text() == "3 events"
    assert [view.model.index(1, n).data() for n in range(7)] == [
        "World Political Parties Dialogue 2026", "World Parties Dialogue · edition 3",
        "High-level meeting", "2026-05-10 – 2026-05-12", "Beijing, China",
        "Communist Party of Vietnam", "6"]
    assert column(view, PLACE)[0] == "Online"
    qtmodeltester.check(view.model)


def test_filters_and_sorts(qtbot: QtBot, context: AppContext,
                           year_of_events: dict[str, Any]) -> None:
    view = make_view(qtbot, context)
    assert [view.year.itemData(n) for n in range(view.year.count())] == [None, 2026, 2025]
    assert [view.series.itemData(n) for n in range(view.series.count())] == [
        None, "World Parties Dialogue"]
    view.mechanism.setCurrentIndex(view.mechanism.findData("thematic_seminar"))
    assert column(view, NAME) == ["Seminar on poverty reduction"]
    qtbot.mouseClick(view.clear_button, Qt.MouseButton.LeftButton)
    view.series.setCurrentIndex(1)
    view.year.setCurrentIndex(view.year.findData(2025))
    assert column(view, NAME) == ["World Political Parties Dialogue 2025"]
    qtbot.mouseClick(view.clear_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(view.query, "poverty")
    qtbot.waitUntil(lambda: column(view, NAME) == ["Seminar on poverty reduction"])
    view.query.clear()
    view.table.horizontalHeader().setSortIndicator(INVITATIONS, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: column(view, INVITATIONS) == ["6", "1", "0"])
    view.table.horizontalHeader().setSortIndicator(NAME, Qt.SortOrder.AscendingOrder)
    assert column(view, NAME)[0] == "Seminar on poverty reduction"


def test_enter_opens_new_and_delete_with_undo(
        qtbot: QtBot, context: AppContext, year_of_events: dict[str, Any],
        recorded: RecordedMessages) -> None:
    view = make_view(qtbot, context)
    view.table.setFocus()
    view.table.select_row(1)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    page = context.windows[("event", year_of_events["event"].id)]
    assert isinstance(page, EventPage) and page.form.value("edition") == "3"
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    assert any(isinstance(w, EventPage) and w.record is None for w in context.open_windows())
    view.table.select_row(0)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert recorded.texts("confirm")[-1].startswith("Delete “Seminar on poverty reduction”")
    assert len(column(view, NAME)) == 2
    with pytest.raises(NotFound):
        events.get_event(context.database, year_of_events["seminar"].id)
    context.undo_stack.undo()
    assert len(column(view, NAME)) == 3


def test_the_main_window_lists_events_after_visits(
        qtbot: QtBot, context: AppContext, year_of_events: dict[str, Any]) -> None:
    keys = [entry.key for entry in VIEWS]
    assert keys.index("events") == keys.index("visits") + 1
    assert len({entry.shortcut for entry in VIEWS}) == len(VIEWS)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    view_menu = window.menuBar().actions()[2].menu()
    shortcut = next(a for a in view_menu.actions() if a.text() == "Events").shortcut()
    assert shortcut.toString() == "Ctrl+6"
    view_menu.actions()[keys.index("events")].trigger()
    assert isinstance(window.current_view(), EventsView)
    assert not window.export_list_action.isEnabled()  # the workbook holds the events
    window.new_in_current_view()
    assert any(isinstance(w, EventPage) and w.record is None for w in context.open_windows())
    assert window.new_event in window.menuBar().actions()[0].menu().actions()
