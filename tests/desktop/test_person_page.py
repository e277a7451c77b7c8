"""The person page: creating with the look-alike check, phones stored in E.164 and shown in
international format, positions over time, interactions attended, history, delete and undo."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from db.services import people
from db.services.affiliations import create_affiliation, list_affiliations
from db.services.people import list_people
from db.store.errors import NotFound
from desktop.context import AppContext
from desktop.dialogs import similar
from desktop.views.person_page import PersonPage, international
from tests.db.factories import make_interaction, make_organization, make_person
from tests.desktop.conftest import RecordedMessages
from tests.desktop.helpers import column_texts, show_tab, type_into, wait_until_active

LEFT = Qt.MouseButton.LeftButton


def open_page(context: AppContext, person_id: str | None = None,
              initial: dict[str, Any] | None = None) -> PersonPage:
    page = context.open_person(person_id, initial)
    assert isinstance(page, PersonPage)
    wait_until_active(page)
    return page


def test_a_new_person_is_created_with_phones_in_e164(context: AppContext, qtbot: QtBot) -> None:
    page = open_page(context)
    assert page.windowTitle().startswith("New person")
    type_into(qtbot, page.form, "name", "Wanjiku Kamau")
    type_into(qtbot, page.form, "nationality", "Kenya")
    type_into(qtbot, page.form, "emails", "wanjiku@example.org; w.kamau@example.org")
    type_into(qtbot, page.form, "phones", "0712 345678; +44 20 7946 0958")
    type_into(qtbot, page.form, "languages", "Swahili; English")
    qtbot.mouseClick(page.save_button, LEFT)

    [person] = list_people(context.database).items
    assert person.nationality == "KE"
    assert person.phones == ("+254712345678", "+442079460958")
    assert person.emails == ("wanjiku@example.org", "w.kamau@example.org")
    assert page.form.value("phones") == ["+254 712 345678", "+44 20 7946 0958"]
    assert "+254 712 345678" in page.facts_label.text()
    assert not page.form.is_dirty()  # formatting for display is not an edit
    assert page.tabs.isTabEnabled(1)


def test_a_wrong_phone_number_is_explained_beside_the_field(context: AppContext,
                                                            qtbot: QtBot) -> None:
    page = open_page(context)
    type_into(qtbot, page.form, "name", "Jean Dupont")
    type_into(qtbot, page.form, "phones", "12")
    qtbot.mouseClick(page.save_button, LEFT)
    assert page.form.errors["phones"].isVisible()
    assert "12" in page.form.errors["phones"].text()
    assert list_people(context.database).total == 0


def test_phone_edits_keep_international_display(context: AppContext, qtbot: QtBot) -> None:
    person = make_person(context.database, name="Ama Owusu", nationality="GH",
                         phones=["+233 24 123 4567"])
    assert person.phones == ("+233241234567",)
    assert international("+233241234567") == "+233 24 123 4567"
    page = open_page(context, person.id)
    assert page.form.value("phones") == ["+233 24 123 4567"]
    type_into(qtbot, page.form, "phones", "; 020 123 4567")
    assert page.save()
    assert people.get_person(context.database, person.id).phones == (
        "+233241234567", "+233201234567")


@pytest.mark.parametrize("answer", ["create", "cancel"])
def test_a_look_alike_person_is_shown_before_creating(context: AppContext, qtbot: QtBot,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      answer: str) -> None:
    existing = make_person(context.database, name="Nguyen Van An", nationality="VN")
    asked: list[Any] = []
    monkeypatch.setattr(similar, "ask_about_similar",
                        lambda _parent, candidates, _names=None: asked.append(candidates) or answer)
    page = open_page(context)
    type_into(qtbot, page.form, "name", "Nguyễn Văn An")
    type_into(qtbot, page.form, "nationality", "VN")
    qtbot.mouseClick(page.save_button, LEFT)
    assert [c.id for c in asked[0]] == [existing.id]
    assert list_people(context.database).total == (2 if answer == "create" else 1)


def test_a_new_person_with_a_position_is_created_in_one_go(context: AppContext,
                                                           qtbot: QtBot) -> None:
    org = make_organization(context.database, name="Democratic Party")
    page = open_page(context, initial={"organization_id": org.id,
                                       "organization_name": "Democratic Party",
                                       "role": "Chair", "name": "Sara"})
    assert page.position_form is not None
    assert page.form.value("name") == "Sara"
    type_into(qtbot, page.position_form, "start", "2024-13-01")
    qtbot.mouseClick(page.save_button, LEFT)
    assert page.position_form.errors["start"].isVisible()
    assert list_people(context.database).total == 0  # nothing half-written

    page.position_form.widgets["start"].set_value("2024-01-15")
    qtbot.mouseClick(page.save_button, LEFT)
    [position] = list_affiliations(context.database, organization_id=org.id)
    assert (position.person_name, position.role, position.start) == (
        "Sara", "Chair", date(2024, 1, 15))
    assert page.position_box is not None and page.position_box.isHidden()
    assert "Now: Chair, Democratic Party" in page.facts_label.text()


def test_positions_link_an_organization_and_list_past_ones(
        context: AppContext, qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    person = make_person(context.database, name="Omar Haddad")
    old = make_organization(context.database, name="Old Party")
    make_organization(context.database, name="New Front", abbreviation="NF")
    create_affiliation(context.database, {"person_id": person.id, "organization_id": old.id,
                                          "role": "Member", "start": "2001-01-01",
                                          "end": "2010-12-31"})
    page = open_page(context, person.id)
    show_tab(page.tabs, "Positions")
    tab = page.positions_tab
    qtbot.keyClicks(tab.picker, "NF")
    qtbot.keyClick(tab.picker, Qt.Key.Key_Return)
    qtbot.keyClicks(tab.role, "Spokesperson")
    qtbot.keyClick(tab.role, Qt.Key.Key_Return)

    qtmodeltester.check(tab.model)
    assert column_texts(tab.model, 0) == ["New Front", "Old Party"]
    assert column_texts(tab.model, 4) == ["Current", "Past"]
    assert tab.model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    qtbot.waitUntil(lambda: "Spokesperson, New Front" in page.facts_label.text())


def test_interactions_attended_are_listed(context: AppContext, qtbot: QtBot,
                                          qtmodeltester: ModelTester) -> None:
    person = make_person(context.database, name="Lena Berg")
    org = make_organization(context.database, name="Nordic Alliance")
    make_interaction(context.database, organizations_=[org.id], people_=[person.id],
                     title="Study visit", kind="study_programme")
    make_interaction(context.database, organizations_=[org.id], title="Without her")
    page = open_page(context, person.id)
    show_tab(page.tabs, "Interactions")
    model = page.timeline_tab.model
    qtmodeltester.check(model)
    assert column_texts(model, 2) == ["Study visit"]
    assert column_texts(model, 3) == ["Nordic Alliance"]


def test_an_edit_shows_in_the_history(context: AppContext, qtbot: QtBot) -> None:
    person = make_person(context.database, name="Carlos Ruiz")
    page = open_page(context, person.id)
    type_into(qtbot, page.form, "title", "Senator")
    qtbot.keyClick(page.form.widgets["title"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert people.get_person(context.database, person.id).title == "Senator"
    show_tab(page.tabs, "History")
    model = page.history_tab.table.model()
    assert [model.index(0, c).data() for c in (2, 3, 4)] == ["Title", "—", "Senator"]


def test_delete_and_undo(context: AppContext, qtbot: QtBot,
                         recorded: RecordedMessages) -> None:
    person = make_person(context.database, name="Eva Novak")
    page = open_page(context, person.id)
    assert page.ask_delete()
    assert "Eva Novak" in recorded.texts("confirm")[-1]
    with pytest.raises(NotFound):
        people.get_person(context.database, person.id)
    assert not page.isVisible()
    context.undo_stack.undo()
    assert people.get_person(context.database, person.id).name == "Eva Novak"


def test_closing_a_new_person_with_a_name_asks(context: AppContext, qtbot: QtBot,
                                               recorded: RecordedMessages) -> None:
    page = open_page(context)
    type_into(qtbot, page.form, "name", "Someone")
    recorded.save_answer = "cancel"
    assert not page.close()
    assert recorded.shown[-1] == ("unsaved", "Unsaved changes", "The new person")
    recorded.save_answer = "discard"
    assert page.close()
    assert list_people(context.database).total == 0
