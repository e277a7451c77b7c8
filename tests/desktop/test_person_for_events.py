"""What events read from a person's page (issue 17): a year of birth, refused in the future
beside its field, and a position flagged as its party's leadership, undone with Ctrl+Z."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.services import people
from db.services.affiliations import create_affiliation, list_affiliations
from desktop.context import AppContext
from desktop.views.person_page import PersonPage
from tests.db.factories import make_organization, make_person
from tests.desktop.helpers import column_texts, show_tab, type_into, wait_until_active


def open_page(context: AppContext, person_id: str | None = None,
              initial: dict[str, Any] | None = None) -> PersonPage:
    page = context.open_person(person_id, initial)
    assert isinstance(page, PersonPage)
    wait_until_active(page)
    return page


def test_a_year_of_birth_and_one_in_the_future(context: AppContext, qtbot: QtBot) -> None:
    person = make_person(context.database, name="Nomvula Mokonyane")
    page = open_page(context, person.id)
    type_into(qtbot, page.form, "birth_year", str(date.today().year + 3))
    assert not page.save()
    assert page.form.errors["birth_year"].isVisible()
    assert "in the future" in page.form.errors["birth_year"].text()
    assert people.get_person(context.database, person.id).birth_year is None
    page.form.widgets["birth_year"].clear()
    type_into(qtbot, page.form, "birth_year", "1962")
    assert page.save()
    assert people.get_person(context.database, person.id).birth_year == 1962


def test_a_position_marked_as_the_party_leader_and_back(context: AppContext,
                                                        qtbot: QtBot) -> None:
    person = make_person(context.database, name="Cyril Ramaphosa")
    anc = make_organization(context.database, name="African National Congress")
    create_affiliation(context.database, {"person_id": person.id, "organization_id": anc.id,
                                          "role": "President"})
    page = open_page(context, person.id)
    show_tab(page.tabs, "Positions")
    tab = page.positions_tab
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    tab.table.select_row(0)
    assert tab.leader_button.isEnabled() and not tab.leader_button.isChecked()
    qtbot.mouseClick(tab.leader_button, Qt.MouseButton.LeftButton)
    [position] = list_affiliations(context.database, person_id=person.id)
    assert position.leader
    qtbot.waitUntil(lambda: column_texts(tab.model, 5) == ["Leader"])
    context.stack_for(tab).undo()
    [position] = list_affiliations(context.database, person_id=person.id)
    assert not position.leader


def test_the_age_threshold_is_kept_in_the_database(context: AppContext, qtbot: QtBot) -> None:
    from db.services.event_figures import youth_age
    from desktop.dialogs.settings import SettingsDialog

    dialog = SettingsDialog(database=context.database)
    qtbot.addWidget(dialog)
    assert dialog.youth.value() == 35 and dialog.youth.isVisibleTo(dialog)
    dialog.youth.setValue(40)
    dialog.accept()
    assert youth_age(context.database) == 40
    again = SettingsDialog(database=context.database)
    qtbot.addWidget(again)
    assert again.youth.value() == 40
