"""An organization's Level tab (issue 18), driven like a user would, on SQLite and PostgreSQL:
a change of level with its reason shows in the chart and the table and in the page's header
as today's level; two changes on one day are refused beside the date with nothing written;
edits and removals; every write taken back and made again with the page's undo stack; and the
Organizations list filters on the level as it stood on a past date."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from db.services import levels, organizations
from db.store.engine import Database
from desktop.context import AppContext
from desktop.views.organization_levels import LevelDialog, LevelsTab
from desktop.views.organization_page import OrganizationPage
from desktop.views.organizations import OrganizationsView
from desktop.widgets.form import DateField, set_combo_value
from desktop.windows.record_pages import new_context
from tests.db.factories import make_organization
from tests.desktop.conftest import RecordedMessages
from tests.desktop.helpers import settle, show_tab, wait_until_active

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def context(db: Database, qapp: object, recorded: RecordedMessages) -> Iterator[AppContext]:
    ctx = new_context(db)
    yield ctx
    for window in list(ctx.windows.values()):
        window.close()
    ctx.close()


def level_tab(context: AppContext, qtbot: QtBot, organization_id: str
              ) -> tuple[OrganizationPage, LevelsTab]:
    page = context.open_organization(organization_id)
    assert isinstance(page, OrganizationPage)
    wait_until_active(page)
    show_tab(page.tabs, "Level")
    tab = page.levels_tab
    qtbot.waitUntil(lambda: tab.answer is None and tab.organization_id is not None)
    return page, tab


def fill(dialog: LevelDialog, level: str | None = None, effective: str | None = None,
         reason: str | None = None) -> None:
    form = dialog.form
    if level is not None:
        box = form.widgets["level"]
        assert isinstance(box, QComboBox)
        set_combo_value(box, level)
    if effective is not None:
        field = form.widgets["effective"]
        assert isinstance(field, DateField)
        field.edit.setText(effective)
    if reason is not None:
        text = form.widgets["reason"]
        assert isinstance(text, QPlainTextEdit)
        text.setPlainText(reason)


def press_ok(qtbot: QtBot, dialog: LevelDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), LEFT)
    settle()


def shown(tab: LevelsTab) -> list[tuple[str, str, str]]:
    return [(tab.model.index(row, 0).data(), tab.model.index(row, 1).data(),
             tab.model.index(row, 2).data()) for row in range(tab.model.rowCount())]


def test_a_change_with_its_reason_shows_in_the_chart_and_table_and_undo_takes_it_back(
        context: AppContext, qtbot: QtBot) -> None:
    db = context.database
    party = make_organization(db, name="Frente Amplio", country="UY")
    levels.change_level(db, party.id, "initial", effective="2021-03-01",
                        reason="First letter exchanged")
    page, tab = level_tab(context, qtbot, party.id)
    assert shown(tab) == [("1 March 2021", "Initial contact", "First letter exchanged")]
    assert [(s.effective, s.level) for s in tab.chart.steps] == [(date(2021, 3, 1), "initial")]

    qtbot.mouseClick(tab.change_button, LEFT)
    dialog = tab.dialog
    assert isinstance(dialog, LevelDialog)
    # today's level and today's date are offered
    assert dialog.form.value("level") == "initial"
    assert dialog.form.value("effective") == date.today().isoformat()
    fill(dialog, "close", "2024-06-01", "Cooperation agreement signed in Montevideo")
    press_ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert shown(tab) == [
        ("1 June 2024", "Close partner", "Cooperation agreement signed in Montevideo"),
        ("1 March 2021", "Initial contact", "First letter exchanged")]
    assert tab.model.index(0, 3).data()  # recorded by the officer
    assert [(s.effective, s.level) for s in tab.chart.steps] == [
        (date(2021, 3, 1), "initial"), (date(2024, 6, 1), "close")]
    assert organizations.get_organization(db, party.id).level == "close"
    qtbot.waitUntil(lambda: "level today: Close partner" in page.facts_label.text())
    assert "Close partner" in tab.summary.text() and "1 June 2024" in tab.summary.text()

    assert page.undo_stack.undoText() == "Change the level to Close partner"
    page.activateWindow()
    wait_until_active(page)
    assert page.undo_action.text() == "Undo Change the level to Close partner"
    qtbot.keyClick(page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert [r.level for r in levels.level_history(db, party.id)] == ["initial"]
    assert organizations.get_organization(db, party.id).level == "initial"
    assert len(shown(tab)) == 1 and len(tab.chart.steps) == 1
    page.undo_stack.redo()
    settle()
    assert [(r.level, r.effective) for r in levels.level_history(db, party.id)] == [
        ("close", date(2024, 6, 1)), ("initial", date(2021, 3, 1))]
    assert len(shown(tab)) == 2
    assert organizations.get_organization(db, party.id).level == "close"


def test_two_changes_on_one_day_are_refused_beside_the_date(
        context: AppContext, qtbot: QtBot) -> None:
    db = context.database
    party = make_organization(db, name="Partido Socialista", country="CL")
    levels.change_level(db, party.id, "regular", effective="2022-09-15")
    levels.change_level(db, party.id, "close", effective="2023-04-02")
    _page, tab = level_tab(context, qtbot, party.id)
    qtbot.mouseClick(tab.change_button, LEFT)
    dialog = tab.dialog
    assert isinstance(dialog, LevelDialog)
    fill(dialog, "strategic", "2023-04-02", "Party congress")
    press_ok(qtbot, dialog)
    assert dialog.isVisible()  # stays open, the problem beside the date
    error = dialog.form.errors["effective"]
    assert error.isVisible()
    assert error.text() == ("The level already changed on 2 April 2023 (to Close partner); "
                            "edit that entry instead.")
    assert [r.level for r in levels.level_history(db, party.id)] == ["close", "regular"]
    fill(dialog, effective="no date")
    press_ok(qtbot, dialog)
    assert dialog.isVisible() and "not a date" in dialog.form.errors["effective"].text()
    dialog.reject()
    settle()

    # editing an entry onto another's day: the service refuses it beside the date too
    tab.table.select_row(1)  # 15 September 2022
    tab.edit_selected()
    dialog = tab.dialog
    assert isinstance(dialog, LevelDialog)
    fill(dialog, effective="2023-04-02")
    press_ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.form.errors["effective"].isVisible()
    assert [r.effective for r in levels.level_history(db, party.id)] == [
        date(2023, 4, 2), date(2022, 9, 15)]
    dialog.reject()
    settle()


def test_editing_and_removing_an_entry_are_undone_on_the_page(
        context: AppContext, qtbot: QtBot, recorded: RecordedMessages) -> None:
    db = context.database
    party = make_organization(db, name="Swapo Party", country="NA")
    levels.change_level(db, party.id, "regular", effective="2019-05-20", reason="Visit")
    levels.change_level(db, party.id, "strategic", effective="2024-02-10", reason="Summit")
    page, tab = level_tab(context, qtbot, party.id)

    tab.table.select_row(1)
    tab.edit_selected()
    dialog = tab.dialog
    assert isinstance(dialog, LevelDialog)
    fill(dialog, "close", reason="Visit of the Secretary-General")
    press_ok(qtbot, dialog)
    assert shown(tab)[1] == ("20 May 2019", "Close partner", "Visit of the Secretary-General")
    assert page.undo_stack.undoText() == "Edit the level change of 20 May 2019"

    tab.table.select_row(0)
    assert tab.remove_selected()
    assert recorded.texts("confirm")[-1].startswith("Remove the change to Strategic partner")
    assert [r.level for r in levels.level_history(db, party.id)] == ["close"]
    assert organizations.get_organization(db, party.id).level == "close"
    assert len(shown(tab)) == 1

    page.undo_stack.undo()  # the removal
    settle()
    assert [r.level for r in levels.level_history(db, party.id)] == ["strategic", "close"]
    assert organizations.get_organization(db, party.id).level == "strategic"
    page.undo_stack.undo()  # the edit
    settle()
    assert [(r.level, r.reason) for r in levels.level_history(db, party.id)] == [
        ("strategic", "Summit"), ("regular", "Visit")]
    assert shown(tab)[1] == ("20 May 2019", "Regular contact", "Visit")
    page.undo_stack.redo()
    page.undo_stack.redo()
    settle()
    assert [(r.level, r.reason) for r in levels.level_history(db, party.id)] == [
        ("close", "Visit of the Secretary-General")]


def test_the_list_filters_on_the_level_as_of_a_past_date(
        context: AppContext, qtbot: QtBot) -> None:
    db = context.database
    rising = make_organization(db, name="Rising Party", country="KE")
    levels.change_level(db, rising.id, "initial", effective="2020-01-15")
    levels.change_level(db, rising.id, "strategic", effective="2024-01-10")
    steady = make_organization(db, name="Steady Party", country="KE")
    levels.change_level(db, steady.id, "close", effective="2019-03-01")
    make_organization(db, name="New Party", country="KE", level="close")  # since today
    view = OrganizationsView(context)
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    settle()

    def listed() -> list[str]:
        settle()
        return sorted(view.model.record(row).name for row in range(view.model.rowCount()))

    view.panel.check(view.panel.levels, ("close",))
    assert listed() == ["New Party", "Steady Party"]  # empty date: today's levels
    view.panel.level_on.edit.setText("2022-06-30")
    assert listed() == ["Steady Party"]
    view.panel.check(view.panel.levels, ("initial",))
    assert listed() == ["Rising Party"]
    view.panel.level_on.edit.setText("2022-13-45")  # no such day: said beside the field
    assert "13" in view.panel.level_on.edit.toolTip()  # the parser's sentence about it
    assert "#b3261e" in view.panel.level_on.edit.styleSheet()
    assert listed() == []  # today's levels: nobody is at initial contact today
    view.panel.level_on.edit.setText("30 June 2022")
    assert listed() == ["Rising Party"]
    view.panel.clear()
    assert view.panel.level_on.value() is None
    assert len(listed()) == 3
