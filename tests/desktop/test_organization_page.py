"""The organization page driven like a user would: typing, clicking, answering questions —
against a real SQLite file."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from db.changes.recording import Actor
from db.services import organizations
from db.services.affiliations import create_affiliation, list_affiliations
from db.services.followups import create_followup, get_followup
from db.services.organizations import OrganizationFilter, list_organizations
from db.store.errors import NotFound
from desktop.context import AppContext
from desktop.dialogs import similar
from desktop.dialogs.similar import SimilarDialog
from desktop.views.organization_page import OrganizationPage
from desktop.views.person_page import PersonPage
from tests.db.factories import make_interaction, make_organization, make_person
from tests.desktop.conftest import RecordedConflicts, RecordedMessages
from tests.desktop.helpers import column_texts, settle, show_tab, type_into, wait_until_active

LEFT = Qt.MouseButton.LeftButton


def open_page(context: AppContext, organization_id: str | None = None,
              initial: dict[str, Any] | None = None) -> OrganizationPage:
    """Open the page as the app does; wait until it is the active window, so its keyboard
    shortcuts (which belong to the active window) work."""
    page = context.open_organization(organization_id, initial)
    assert isinstance(page, OrganizationPage)
    wait_until_active(page)
    return page


def organization_count(context: AppContext) -> int:
    return list_organizations(context.database).total


# -- creating ------------------------------------------------------------------------------
def test_a_new_organization_is_created_from_the_form(context: AppContext, qtbot: QtBot) -> None:
    page = open_page(context)
    assert page.windowTitle().startswith("New organization")
    assert not page.tabs.isTabEnabled(1)
    type_into(qtbot, page.form, "name", "Partido Verde")
    type_into(qtbot, page.form, "name_en", "Green Party")
    type_into(qtbot, page.form, "country", "Brazil")
    type_into(qtbot, page.form, "founded", "1986年1月17日")  # as a Chinese user writes it
    qtbot.mouseClick(page.save_button, LEFT)

    saved = list_organizations(context.database).items
    assert [(o.name, o.name_en, o.country, o.founded) for o in saved] == [
        ("Partido Verde", "Green Party", "BR", "1986-01-17")]
    assert page.record.id == saved[0].id
    assert page.windowTitle() == "Partido Verde"
    assert page.tabs.isTabEnabled(1) and page.delete_action.isEnabled()
    assert context.windows[("organization", saved[0].id)] is page
    assert "Brazil" in page.facts_label.text()


@pytest.mark.parametrize("answer", ["create", "cancel", "open"])
def test_a_look_alike_is_shown_before_creating(context: AppContext, qtbot: QtBot,
                                               monkeypatch: pytest.MonkeyPatch,
                                               answer: str) -> None:
    existing = make_organization(context.database, name="Partido dos Trabalhadores",
                                 abbreviation="PT", country="BR")
    asked: list[list[Any]] = []

    def ask(_parent: Any, candidates: list[Any], _names: Any = None) -> str:
        asked.append(candidates)
        return similar.open_choice(candidates[0].id) if answer == "open" else answer

    monkeypatch.setattr(similar, "ask_about_similar", ask)
    page = open_page(context)
    type_into(qtbot, page.form, "name", "Partido dos Trabalhadores")
    type_into(qtbot, page.form, "country", "BR")
    qtbot.mouseClick(page.save_button, LEFT)

    assert [c.id for c in asked[0]] == [existing.id]
    if answer == "create":
        assert organization_count(context) == 2
        assert page.record is not None and page.record.id != existing.id
    elif answer == "cancel":
        assert organization_count(context) == 1
        assert page.isVisible() and page.record is None
        assert page.form.value("name") == "Partido dos Trabalhadores"
    else:
        assert organization_count(context) == 1
        qtbot.waitUntil(lambda: ("organization", existing.id) in context.windows)
        qtbot.waitUntil(lambda: not any(isinstance(w, OrganizationPage) and w.record is None
                                        for w in context.open_windows()))


def test_the_similar_dialog_answers_open_create_and_cancel(context: AppContext,
                                                           qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    first = make_organization(context.database, name="Labour Party", country="GB")
    second = make_organization(context.database, name="Labour Party UK", country="GB")
    from db.services.similarity import find_similar

    candidates = find_similar(context.database, "organization", ["Labour Party"], country="GB")
    dialog = SimilarDialog(candidates, country_names={"GB": "United Kingdom"})
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert {c.id for c in candidates} == {first.id, second.id}
    assert dialog.model.index(0, 2).data() == "United Kingdom"
    qtbot.mouseClick(dialog.open_button, LEFT)
    assert dialog.choice == similar.open_choice(candidates[0].id)
    assert similar.opened_id(dialog.choice) == candidates[0].id
    qtbot.mouseClick(dialog.create_button, LEFT)
    assert dialog.choice == "create"
    qtbot.mouseClick(dialog.cancel_button, LEFT)
    assert dialog.choice == "cancel"


def test_the_real_dialog_is_modal_and_answers(context: AppContext, qtbot: QtBot) -> None:
    make_organization(context.database, name="Workers' Party", country="BR")
    page = open_page(context)
    type_into(qtbot, page.form, "name", "Workers Party")
    type_into(qtbot, page.form, "country", "BR")

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SimilarDialog)
        dialog.create_button.click()

    QTimer.singleShot(50, answer)
    assert page.save()
    assert organization_count(context) == 2


def test_a_problem_appears_beside_its_field_and_nothing_is_saved(context: AppContext,
                                                                 qtbot: QtBot) -> None:
    page = open_page(context)
    type_into(qtbot, page.form, "name", "Socialist Party")
    type_into(qtbot, page.form, "founded", "nineteen")
    qtbot.mouseClick(page.save_button, LEFT)
    error = page.form.errors["founded"]
    assert error.isVisible()
    assert "year" in error.text() and "nineteen" in error.text()
    assert organization_count(context) == 0
    assert page.record is None
    # An impossible date is told as such, not as text that is no date.
    page.form.widgets["founded"].clear()
    type_into(qtbot, page.form, "founded", "1993-02-30")
    qtbot.mouseClick(page.save_button, LEFT)
    assert "February 1993 has 28 days" in error.text()
    assert organization_count(context) == 0


def test_a_problem_when_editing_leaves_the_record_unchanged(context: AppContext,
                                                            qtbot: QtBot) -> None:
    org = make_organization(context.database, name="Union Party")
    page = open_page(context, org.id)
    page.form.widgets["email"].clear()
    type_into(qtbot, page.form, "email", "not an address")
    page.save()
    assert page.form.errors["email"].isVisible()
    assert organizations.get_organization(context.database, org.id).version == org.version


# -- editing ---------------------------------------------------------------------------------
def test_an_edit_is_saved_and_shows_in_the_history(context: AppContext, qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    org = make_organization(context.database, name="Democratic Alliance")
    page = open_page(context, org.id)
    type_into(qtbot, page.form, "ideology", "liberalism")
    qtbot.keyClick(page.form.widgets["ideology"], Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier)

    saved = organizations.get_organization(context.database, org.id)
    assert saved.ideology == "liberalism" and saved.version == org.version + 1
    assert not page.form.is_dirty()
    show_tab(page.tabs, "History")
    model = page.history_tab.table.model()
    qtmodeltester.check(model)
    rows = [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]
    assert rows[0][2:5] == ["Ideology", "—", "liberalism"]
    assert rows[0][1] == context.actor().who and rows[0][5] == "Screen"
    assert rows[-1][2] == "Created"


def test_only_changed_fields_are_sent(context: AppContext, qtbot: QtBot,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    org = make_organization(context.database, name="Green Left", aliases=["GL"], tags=["EU"])
    page = open_page(context, org.id)
    sent: list[dict[str, Any]] = []
    real = organizations.update_organization

    def spy(db: Any, organization_id: str, changes: dict[str, Any], **kwargs: Any) -> Any:
        sent.append(dict(changes))
        return real(db, organization_id, changes, **kwargs)

    monkeypatch.setattr(organizations, "update_organization", spy)
    type_into(qtbot, page.form, "website", "greenleft.example")
    assert page.save()
    assert sent == [{"website": "greenleft.example"}]


def test_a_conflict_asks_per_field_and_cancel_keeps_the_edits(
        context: AppContext, qtbot: QtBot, conflicts: RecordedConflicts) -> None:
    org = make_organization(context.database, name="People's Party")
    page = open_page(context, org.id)
    organizations.update_organization(context.database, org.id, {"notes": "Their note"},
                                      expected_version=org.version, actor=Actor(who="bob"))
    type_into(qtbot, page.form, "ideology", "centrism")
    qtbot.mouseClick(page.save_button, LEFT)  # the recorder answers Cancel

    asked = conflicts.last()
    assert set(asked) == {"notes", "ideology"}
    assert (asked["notes"].mine, asked["notes"].theirs, asked["notes"].by) == (
        "—", "Their note", "bob")
    assert asked["notes"].default == "theirs" and not asked["notes"].edited
    assert (asked["ideology"].mine, asked["ideology"].theirs, asked["ideology"].by) == (
        "centrism", "—", None)
    assert asked["ideology"].default == "mine"
    current = organizations.get_organization(context.database, org.id)
    assert current.notes == "Their note" and current.ideology is None
    assert page.form.value("ideology") == "centrism" and page.form.is_dirty()
    assert page.banner.isVisible() and "bob changed" in page.banner.text.text()

    conflicts.answer = {"notes": "theirs", "ideology": "mine"}
    again = next(b for b in page.banner.buttons if "Compare" in b.text())
    qtbot.mouseClick(again, LEFT)
    current = organizations.get_organization(context.database, org.id)
    assert (current.notes, current.ideology) == ("Their note", "centrism")
    assert page.form.value("notes") == "Their note" and not page.form.is_dirty()
    assert not page.banner.isVisible()


def test_a_change_notice_refreshes_the_tabs_but_keeps_unsaved_edits(
        context: AppContext, qtbot: QtBot) -> None:
    org = make_organization(context.database, name="Progress Party")
    other = make_organization(context.database, name="Ally Party")
    page = open_page(context, org.id)
    type_into(qtbot, page.form, "ideology", "progressivism")
    interaction = make_interaction(context.database, organizations_=[org.id, other.id],
                                   title="Talks on trade")
    context.notify("interaction", interaction.id)
    show_tab(page.tabs, "Timeline")
    qtbot.waitUntil(lambda: page.timeline_tab.model.rowCount() == 1)
    assert page.form.value("ideology") == "progressivism"
    assert "1 interaction" in page.facts_label.text()

    organizations.update_organization(context.database, org.id, {"notes": "elsewhere"},
                                      expected_version=org.version)
    context.notify("organization", org.id)
    assert page.banner.isVisible() and "elsewhere" not in str(page.form.value("notes"))
    assert page.form.value("ideology") == "progressivism"


# -- people ----------------------------------------------------------------------------------
def test_a_new_person_with_a_position_is_added_from_the_people_tab(
        context: AppContext, qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    org = make_organization(context.database, name="Labour Party")
    page = open_page(context, org.id)
    show_tab(page.tabs, "People")
    tab = page.people_tab
    qtbot.keyClicks(tab.role, "International Secretary")
    qtbot.keyClicks(tab.start.edit, "2021-03-01")
    qtbot.mouseClick(tab.new_button, LEFT)

    person_page = next(w for w in context.open_windows() if isinstance(w, PersonPage))
    assert person_page.position_form is not None
    assert person_page.position_form.value("role") == "International Secretary"
    assert "Labour Party" in person_page.position_box.title()
    qtbot.keyClicks(person_page.form.widgets["name"], "Maria Souza")
    qtbot.mouseClick(person_page.save_button, LEFT)

    positions = list_affiliations(context.database, organization_id=org.id)
    assert [(p.person_name, p.role, p.start) for p in positions] == [
        ("Maria Souza", "International Secretary", date(2021, 3, 1))]
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    qtmodeltester.check(tab.model)
    assert tab.model.index(0, 0).data() == "Maria Souza"
    assert tab.model.index(0, 4).data() == "Current"


def test_an_existing_person_is_linked_ended_and_removed_with_undo(
        context: AppContext, qtbot: QtBot, recorded: RecordedMessages) -> None:
    org = make_organization(context.database, name="Liberal Party")
    make_person(context.database, name="Ana Lima")
    page = open_page(context, org.id)
    show_tab(page.tabs, "People")
    tab = page.people_tab
    qtbot.keyClicks(tab.picker, "Ana")
    qtbot.keyClick(tab.picker, Qt.Key.Key_Return)
    assert "Ana Lima" in tab.chosen_label.text()
    qtbot.keyClicks(tab.role, "Chair")
    qtbot.mouseClick(tab.link_button, LEFT)
    assert [(p.person_name, p.role) for p in list_affiliations(
        context.database, organization_id=org.id)] == [("Ana Lima", "Chair")]
    assert tab.model.rowCount() == 1

    tab.table.select_row(0)
    qtbot.mouseClick(tab.end_button, LEFT)
    assert list_affiliations(context.database, organization_id=org.id)[0].end == date.today()
    page.undo_stack.undo()
    assert list_affiliations(context.database, organization_id=org.id)[0].end is None

    tab.table.select_row(0)
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert recorded.shown[-1][0] == "confirm"
    assert list_affiliations(context.database, organization_id=org.id) == []
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0)
    page.undo_stack.undo()
    assert len(list_affiliations(context.database, organization_id=org.id)) == 1
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)


def test_a_wrong_position_date_is_explained(context: AppContext, qtbot: QtBot) -> None:
    org = make_organization(context.database, name="Centre Party")
    make_person(context.database, name="Li Wei")
    page = open_page(context, org.id)
    show_tab(page.tabs, "People")
    tab = page.people_tab
    qtbot.keyClicks(tab.picker, "Li Wei")
    qtbot.keyClick(tab.picker, Qt.Key.Key_Return)
    qtbot.keyClicks(tab.start.edit, "2020-02-30")
    assert not tab.link()
    assert tab.problem_label.isVisible() and "2020-02-30" in tab.problem_label.text()
    assert list_affiliations(context.database, organization_id=org.id) == []


# -- timeline and follow-ups -----------------------------------------------------------------
def test_the_timeline_lists_interactions_with_the_other_participants(
        context: AppContext, qtbot: QtBot, qtmodeltester: ModelTester, monkeypatch: pytest.MonkeyPatch) -> None:
    org = make_organization(context.database, name="Justice Party")
    partner = make_organization(context.database, name="Freedom Front")
    person = make_person(context.database, name="Kofi Mensah")
    make_interaction(context.database, organizations_=[partner.id], title="Not ours")
    older = make_interaction(context.database, organizations_=[org.id], title="First talks",
                             start="2023-01-10")
    newer = make_interaction(context.database, organizations_=[org.id, partner.id],
                             people_=[person.id], title="Delegation visit",
                             kind="inbound_visit", start="2024-05-02", end="2024-05-04")
    opened: list[Any] = []
    monkeypatch.setattr(context, "open_interaction",
                        lambda interaction_id=None, **kw: opened.append((interaction_id, kw)))
    page = open_page(context, org.id)
    show_tab(page.tabs, "Timeline")
    model = page.timeline_tab.model
    qtmodeltester.check(model)
    assert column_texts(model, 2) == ["Delegation visit", "First talks"]
    assert column_texts(model, 0)[0] == "2024-05-02 – 05-04"
    assert column_texts(model, 1)[0] == "Inbound visit"
    others = column_texts(model, 3)[0].split("; ")
    assert sorted(others) == ["Freedom Front", "Kofi Mensah"]
    assert model.index(0, 0).data(Qt.ItemDataRole.DecorationRole) is not None
    assert "2 interactions" in page.timeline_tab.count_label.text()

    page.timeline_tab.table.select_row(0)
    qtbot.keyClick(page.timeline_tab.table, Qt.Key.Key_Return)
    assert opened[-1] == (newer.id, {})
    qtbot.mouseClick(page.timeline_tab.record_button, LEFT)
    assert opened[-1] == (None, {"organization_ids": [org.id]})
    assert older.id != newer.id


def test_follow_ups_mark_overdue_ones_and_can_be_marked_done(
        context: AppContext, qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    org = make_organization(context.database, name="Solidarity Party")
    late = create_followup(context.database, {
        "description": "Send the seminar report", "organization_id": org.id,
        "due": date.today() - timedelta(days=10), "owner": "Wang"})
    create_followup(context.database, {"description": "Invite to the forum",
                                       "organization_id": org.id,
                                       "due": date.today() + timedelta(days=30)})
    page = open_page(context, org.id)
    show_tab(page.tabs, "Follow-ups")
    tab = page.followups_tab
    qtmodeltester.check(tab.model)
    assert column_texts(tab.model, 1) == ["Send the seminar report", "Invite to the forum"]
    assert "10 days overdue" in tab.model.index(0, 0).data()
    assert tab.model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert tab.model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    assert "1 overdue" in tab.summary.text()

    tab.table.select_row(0)
    qtbot.mouseClick(tab.done_button, LEFT)
    assert get_followup(context.database, late.id).status == "done"
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    tab.show_all.setChecked(True)
    settle()
    assert tab.model.rowCount() == 2
    page.undo_stack.undo()
    assert get_followup(context.database, late.id).status == "open"


# -- deleting and closing --------------------------------------------------------------------
def test_delete_asks_closes_the_page_and_undo_restores(context: AppContext, qtbot: QtBot,
                                                       recorded: RecordedMessages) -> None:
    org = make_organization(context.database, name="Reform Party")
    page = open_page(context, org.id)
    recorded.confirm_answer = False
    page.delete_action.trigger()
    assert organizations.get_organization(context.database, org.id).deleted_at is None
    assert page.isVisible()

    recorded.confirm_answer = True
    page.form.widgets["kind"].setFocus()
    qtbot.keyClick(page.form.widgets["kind"], Qt.Key.Key_Delete)  # in the form: not this
    assert len(recorded.shown) == 1
    page.tabs.tabBar().setFocus()
    qtbot.keyClick(page.tabs.tabBar(), Qt.Key.Key_Delete)
    assert "Reform Party" in recorded.texts("confirm")[-1]
    with pytest.raises(NotFound):
        organizations.get_organization(context.database, org.id)
    assert not page.isVisible()
    context.undo_stack.undo()
    assert organizations.get_organization(context.database, org.id).name == "Reform Party"
    context.undo_stack.redo()
    assert list_organizations(context.database, OrganizationFilter(query="Reform")).total == 0


def test_a_page_whose_record_is_deleted_elsewhere_says_so(context: AppContext,
                                                          qtbot: QtBot) -> None:
    org = make_organization(context.database, name="Green Union")
    page = open_page(context, org.id)
    organizations.delete_organization(context.database, org.id)
    context.notify("organization", org.id)
    assert page.banner.isVisible() and "deleted" in page.banner.text.text()
    assert not page.form.isEnabled()
    organizations.restore_organization(context.database, org.id)
    context.notify("organization", org.id)
    assert not page.banner.isVisible() and page.form.isEnabled()


@pytest.mark.parametrize("answer", ["cancel", "discard", "save"])
def test_closing_with_unsaved_edits_asks(context: AppContext, qtbot: QtBot,
                                         recorded: RecordedMessages, answer: str) -> None:
    org = make_organization(context.database, name="Civic Party")
    page = open_page(context, org.id)
    type_into(qtbot, page.form, "ideology", "civic nationalism")
    recorded.save_answer = answer
    closed = page.close()
    assert recorded.shown[-1][0] == "unsaved" and "Civic Party" in recorded.shown[-1][2]
    saved = organizations.get_organization(context.database, org.id).ideology
    if answer == "cancel":
        assert not closed and page.isVisible() and saved is None
        assert page.form.value("ideology") == "civic nationalism"
        recorded.save_answer = "discard"
    elif answer == "discard":
        assert closed and saved is None
    else:
        assert closed and saved == "civic nationalism"


def test_a_failed_save_keeps_the_window_open(context: AppContext, qtbot: QtBot,
                                             recorded: RecordedMessages) -> None:
    org = make_organization(context.database, name="Harmony Party")
    page = open_page(context, org.id)
    type_into(qtbot, page.form, "founded", "soon")
    recorded.save_answer = "save"
    assert not page.close()
    assert page.isVisible() and page.form.errors["founded"].isVisible()
    recorded.save_answer = "discard"  # so the page closes when the test ends


def test_escape_and_ctrl_w_close_a_clean_page(context: AppContext, qtbot: QtBot,
                                              recorded: RecordedMessages) -> None:
    org = make_organization(context.database, name="Quiet Party")
    page = open_page(context, org.id)
    qtbot.keyClick(page.tabs.tabBar(), Qt.Key.Key_Escape)
    assert not page.isVisible() and recorded.shown == []
    page = open_page(context, org.id)
    qtbot.keyClick(page.tabs.tabBar(), Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert not page.isVisible()


def test_a_new_page_starts_from_initial_values(context: AppContext, qtbot: QtBot,
                                               recorded: RecordedMessages) -> None:
    page = open_page(context, initial={"name": "Unity Movement", "country": "KE"})
    assert page.form.value("name") == "Unity Movement"
    assert page.form.value("country") == "KE"
    assert page.form.value("kind") == "party"
    recorded.save_answer = "cancel"
    assert not page.close()  # the pre-filled name counts as something to keep
    recorded.save_answer = "discard"


def test_names_follow_the_preferred_script(context: AppContext, qtbot: QtBot,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(context, "name_preference", lambda: "zh")
    org = make_organization(context.database, name="African National Congress",
                            name_en="African National Congress", name_zh="非洲人国民大会",
                            abbreviation="ANC", country="ZA")
    partner = make_organization(context.database, name="Partido Comunista",
                                name_zh="共产党", country="CU")
    person = make_person(context.database, name="Thabo", name_zh="塔博")
    create_affiliation(context.database, {"person_id": person.id, "organization_id": org.id})
    make_interaction(context.database, organizations_=[org.id, partner.id])
    page = open_page(context, org.id)
    assert page.title_label.text() == "非洲人国民大会"
    assert page.names_label.text() == "African National Congress  ·  ANC"  # no repeats
    assert "南非" in page.facts_label.text()
    show_tab(page.tabs, "Timeline")
    settle()
    assert page.timeline_tab.model.index(0, 3).data() == "共产党"
    show_tab(page.tabs, "People")
    assert page.people_tab.model.index(0, 0).data() == "塔博"
