"""Undo where the user expects it: Ctrl+Z in a record window takes back that record's last
change and nothing else; in the main window, the last delete or import."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db.exchange.imports.apply import apply_plan
from db.exchange.imports.importer import build_plan
from db.services.affiliations import create_affiliation, list_affiliations
from db.services.organizations import (
    OrganizationFilter,
    delete_organization,
    get_organization,
    list_organizations,
    restore_organization,
)
from desktop.context import AppContext
from desktop.dialogs.undo_import import push_batch_undo
from desktop.views.organization_page import OrganizationPage
from desktop.windows.main_window import MainWindow
from tests.db.factories import make_organization, make_person
from tests.desktop.helpers import show_tab, wait_until_active

CTRL = Qt.KeyboardModifier.ControlModifier


def open_page(context: AppContext, organization_id: str) -> OrganizationPage:
    page = context.open_organization(organization_id)
    assert isinstance(page, OrganizationPage)
    wait_until_active(page)
    return page


def end_first_position(page: OrganizationPage, qtbot: QtBot) -> None:
    show_tab(page.tabs, "People")
    tab = page.people_tab
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    tab.table.select_row(0)
    qtbot.mouseClick(tab.end_button, Qt.MouseButton.LeftButton)


def names(context: AppContext) -> list[str]:
    page = list_organizations(context.database, OrganizationFilter(), limit=50)
    return sorted(o.name for o in page.items)


def test_ctrl_z_in_a_record_window_undoes_that_records_change_and_nothing_else(
        context: AppContext, qtbot: QtBot) -> None:
    db = context.database
    liberal = make_organization(db, name="Liberal Party")
    green = make_organization(db, name="Green Party")
    gone = make_organization(db, name="Old Party")
    person = make_person(db, name="Ana Lima")
    position = create_affiliation(db, {"person_id": person.id, "organization_id": liberal.id,
                                       "role": "Chair"})
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()

    liberal_page = open_page(context, liberal.id)
    end_first_position(liberal_page, qtbot)
    assert list_affiliations(db, organization_id=liberal.id)[0].end == date.today()
    # Meanwhile a deletion elsewhere: in the main window's list, on its own stack.
    assert context.delete(window, "organization", gone.id, "“Old Party”",
                          lambda: delete_organization(db, gone.id),
                          lambda: restore_organization(db, gone.id))
    green_page = open_page(context, green.id)
    assert not green_page.undo_action.isEnabled()  # nothing of the Green Party's to undo
    green_page.close()

    liberal_page.activateWindow()
    wait_until_active(liberal_page)
    assert liberal_page.undo_action.text() == "Undo End position of Ana Lima"
    qtbot.keyClick(liberal_page, Qt.Key.Key_Z, CTRL)
    assert list_affiliations(db, organization_id=liberal.id)[0].end is None
    assert "Old Party" not in names(context)  # the deletion elsewhere stays done
    assert not liberal_page.undo_action.isEnabled()
    assert position.id == list_affiliations(db, organization_id=liberal.id)[0].id

    # Edit ▸ Undo of the main window speaks of its own stack: the deletion.
    liberal_page.close()
    window.activateWindow()
    wait_until_active(window)
    qtbot.waitUntil(lambda: context.undo_group.activeStack() is context.undo_stack)
    assert window.undo_action.text() == "&Undo Delete “Old Party”"
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert "Old Party" in names(context)
    assert get_organization(db, gone.id).name == "Old Party"


def test_ctrl_z_in_the_main_window_undoes_the_last_import(
        context: AppContext, qtbot: QtBot, tmp_path: Path) -> None:
    make_organization(context.database, name="Kept Party")
    path = tmp_path / "parties.csv"
    path.write_text("Party,Country\nNew Labour Party,GB\nPartido Verde,BR\n", encoding="utf-8")
    result = apply_plan(context.database, build_plan(context.database, path))
    push_batch_undo(context, result.batch_id, "import", path.name)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    wait_until_active(window)
    assert names(context) == ["Kept Party", "New Labour Party", "Partido Verde"]
    assert window.undo_action.text() == "&Undo Import of parties.csv"

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: not context.jobs, timeout=10_000)
    assert names(context) == ["Kept Party"]
    assert context.undo_stack.count() == 0  # an undone import is not made again by redo
    assert QApplication.activeWindow() is window
