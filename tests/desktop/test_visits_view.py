"""The visits list on SQLite and PostgreSQL: the latest first with their sides, country and
programme; filters by words, direction, status and year; sorting in the database; opening,
New visit, deleting with undo; and its place in the main window."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from db.services import programme, visits
from db.store.engine import Database
from db.store.errors import NotFound
from desktop.context import AppContext
from desktop.views.visit_page import VisitPage
from desktop.views.visits import VisitsView
from desktop.windows.main_window import VIEWS, MainWindow
from desktop.windows.record_pages import new_context
from tests.db.factories import make_organization
from tests.desktop.conftest import RecordedMessages
from tests.desktop.helpers import settle

TITLE, DIRECTION, STATUS, DATES, COUNTRY, HOST, GUEST, ITEMS = range(8)


@pytest.fixture
def context(db: Database, qapp: object, recorded: RecordedMessages) -> Iterator[AppContext]:
    """The app's context on each back end."""
    ctx = new_context(db)
    yield ctx
    for window in list(ctx.windows.values()):
        window.close()
    ctx.close()


@pytest.fixture
def year_of_visits(context: AppContext) -> dict[str, Any]:
    db = context.database
    ours = make_organization(db, name="Partido dos Trabalhadores", abbreviation="PT",
                             country="BR")
    cpc = make_organization(db, name="中国共产党", name_en="Communist Party of China",
                            country="CN")
    anc = make_organization(db, name="African National Congress", country="ZA")
    beijing = visits.create_visit(db, {
        "title": "Delegation to Beijing", "direction": "outbound", "status": "done",
        "start": "2024-05-06", "end": "2024-05-10", "country": "CN", "host_id": cpc.id,
        "guest_id": ours.id})
    for day in ("2024-05-06", "2024-05-07"):
        programme.add_item(db, beijing.id, {"day": day, "title": f"Talks on {day}",
                                            "kind": "talks"})
    pretoria = visits.create_visit(db, {
        "title": "ANC delegation in Brasília", "direction": "inbound", "status": "planned",
        "start": "2025-02-03", "country": "BR", "host_id": ours.id, "guest_id": anc.id})
    # Under way at the turn of the year: it belongs to both years.
    winter = visits.create_visit(db, {
        "title": "Winter school in Johannesburg", "direction": "outbound",
        "status": "confirmed", "start": "2024-12-30", "end": "2025-01-02", "country": "ZA",
        "host_id": anc.id})
    return {"beijing": beijing, "pretoria": pretoria, "winter": winter, "cpc": cpc}


def make_view(qtbot: QtBot, context: AppContext) -> VisitsView:
    view = VisitsView(context)
    qtbot.addWidget(view)
    view.resize(1300, 600)
    view.show()
    settle()
    return view


def column(view: VisitsView, number: int) -> list[str]:
    settle()  # the list's pages come from the database worker
    return [view.model.index(row, number).data() for row in range(view.model.rowCount())]


def test_lists_the_latest_first_with_sides_and_programme(
        qtbot: QtBot, context: AppContext, year_of_visits: dict[str, Any],
        qtmodeltester: ModelTester) -> None:
    view = make_view(qtbot, context)
    assert column(view, TITLE) == ["ANC delegation in Brasília", "Winter school in Johannesburg",
                                   "Delegation to Beijing"]
    assert view.count.text() == "3 visits"
    model = view.model
    last = 2
    assert [model.index(last, n).data() for n in range(8)] == [
        "Delegation to Beijing", "Outbound (sent)", "Done", "2024-05-06 – 2024-05-10", "China",
        "中国共产党", "Partido dos Trabalhadores", "2"]
    assert model.index(0, ITEMS).data() == "0"
    assert model.index(0, TITLE).data(Qt.ItemDataRole.DecorationRole) is not None
    qtmodeltester.check(model)


def test_filters_by_words_direction_status_and_year(
        qtbot: QtBot, context: AppContext, year_of_visits: dict[str, Any]) -> None:
    view = make_view(qtbot, context)
    assert [view.year.itemData(n) for n in range(view.year.count())] == [None, 2025, 2024]
    qtbot.keyClicks(view.query, "beijing")
    qtbot.waitUntil(lambda: column(view, TITLE) == ["Delegation to Beijing"])
    view.query.clear()
    view.direction.setCurrentIndex(view.direction.findData("outbound"))
    qtbot.waitUntil(lambda: column(view, TITLE) == ["Winter school in Johannesburg",
                                                    "Delegation to Beijing"])
    view.status.setCurrentIndex(view.status.findData("confirmed"))
    assert column(view, TITLE) == ["Winter school in Johannesburg"]
    qtbot.mouseClick(view.clear_button, Qt.MouseButton.LeftButton)
    assert len(column(view, TITLE)) == 3
    view.year.setCurrentIndex(view.year.findData(2025))  # the winter school ran into 2025
    assert column(view, TITLE) == ["ANC delegation in Brasília", "Winter school in Johannesburg"]
    view.year.setCurrentIndex(view.year.findData(2024))
    assert column(view, TITLE) == ["Winter school in Johannesburg", "Delegation to Beijing"]
    assert view.count.text() == "2 visits"
    view.query.setText("nothing like this")
    qtbot.waitUntil(lambda: view.count.text() == "0 visits")


def test_sorts_in_the_database(qtbot: QtBot, context: AppContext,
                               year_of_visits: dict[str, Any]) -> None:
    view = make_view(qtbot, context)
    view.table.horizontalHeader().setSortIndicator(TITLE, Qt.SortOrder.AscendingOrder)
    assert column(view, TITLE) == ["ANC delegation in Brasília", "Delegation to Beijing",
                                   "Winter school in Johannesburg"]
    view.table.horizontalHeader().setSortIndicator(STATUS, Qt.SortOrder.AscendingOrder)
    assert column(view, STATUS) == ["Confirmed", "Done", "Planned"]
    # The host cannot be sorted by: the order stays.
    view.table.horizontalHeader().setSortIndicator(HOST, Qt.SortOrder.AscendingOrder)
    assert column(view, STATUS) == ["Confirmed", "Done", "Planned"]


def test_enter_opens_the_visit_and_new_opens_an_empty_page(
        qtbot: QtBot, context: AppContext, year_of_visits: dict[str, Any]) -> None:
    view = make_view(qtbot, context)
    view.table.setFocus()
    view.table.select_row(2)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    page = context.windows[("visit", year_of_visits["beijing"].id)]
    assert isinstance(page, VisitPage)
    assert page.form.value("title") == "Delegation to Beijing"
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    pages = [w for w in context.open_windows() if isinstance(w, VisitPage) and w.record is None]
    assert len(pages) == 1 and pages[0].windowTitle().startswith("New visit")


def test_a_visit_saved_elsewhere_shows_in_the_list(
        qtbot: QtBot, context: AppContext, year_of_visits: dict[str, Any]) -> None:
    view = make_view(qtbot, context)
    page = context.open_visit(year_of_visits["beijing"].id)
    assert isinstance(page, VisitPage)
    page.form.widgets["title"].setText("Delegation to Beijing and Shanghai")
    assert page.save()
    qtbot.waitUntil(lambda: "Delegation to Beijing and Shanghai" in column(view, TITLE))


def test_delete_selected_asks_and_undo_restores(
        qtbot: QtBot, context: AppContext, year_of_visits: dict[str, Any],
        recorded: RecordedMessages) -> None:
    view = make_view(qtbot, context)
    view.table.select_row(2)
    recorded.confirm_answer = False
    view.delete_selected()
    assert len(column(view, TITLE)) == 3
    recorded.confirm_answer = True
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert recorded.texts("confirm")[-1].startswith("Delete “Delegation to Beijing” with its")
    assert column(view, TITLE) == ["ANC delegation in Brasília", "Winter school in Johannesburg"]
    with pytest.raises(NotFound):
        visits.get_visit(context.database, year_of_visits["beijing"].id)
    context.undo_stack.undo()
    assert len(column(view, TITLE)) == 3
    assert len(programme.list_items(context.database, year_of_visits["beijing"].id)) == 2


def test_the_main_window_lists_visits_after_interactions(
        qtbot: QtBot, context: AppContext, year_of_visits: dict[str, Any]) -> None:
    keys = [entry.key for entry in VIEWS]
    assert keys.index("visits") == keys.index("interactions") + 1
    assert len({entry.shortcut for entry in VIEWS}) == len(VIEWS)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    view_menu = window.menuBar().actions()[2].menu()
    shortcut = next(a for a in view_menu.actions() if a.text() == "Visits").shortcut()
    assert shortcut.toString() == "Ctrl+5"
    view_menu.actions()[keys.index("visits")].trigger()
    assert isinstance(window.current_view(), VisitsView)
    assert window.windowTitle().startswith("Visits — ")
    assert not window.export_list_action.isEnabled()  # the workbook holds the visits
    window.new_in_current_view()
    assert any(isinstance(w, VisitPage) and w.record is None for w in context.open_windows())
    new_menu = window.menuBar().actions()[0].menu()
    assert window.new_visit in new_menu.actions()
