"""Merging two records from the lists (issue 18), on SQLite and PostgreSQL: “Merge with…” on
two selected organizations opens the dialog, a field taken from the other record lands on the
kept one, everything moves, the list refreshes, and Ctrl+Z in the main window takes the merge
back; a colleague's change while the dialog is open is shown and nothing is merged; people
merge from the People list, one selected and the other picked by name."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialog, QMenu
from pytestqt.qtbot import QtBot

from db.services import interactions, organizations, people
from db.services.organizations import OrganizationFilter, list_organizations
from db.store.engine import Database
from desktop.context import AppContext
from desktop.dialogs.merge_records import MergeRecordsDialog, PickOtherDialog, moves_text
from desktop.views.organizations import OrganizationsView
from desktop.views.people import PeopleView
from desktop.windows.main_window import MainWindow
from desktop.windows.record_pages import new_context
from tests.db.factories import make_interaction, make_organization, make_person
from tests.desktop.conftest import RecordedMessages
from tests.desktop.helpers import settle, type_text, wait_until_active


@pytest.fixture
def context(db: Database, qapp: object, recorded: RecordedMessages) -> Iterator[AppContext]:
    ctx = new_context(db)
    yield ctx
    for window in list(ctx.windows.values()):
        window.close()
    ctx.close()


def select_rows(table: object, rows: list[int]) -> None:
    """Select `rows` one after the other, as Ctrl+clicks do."""
    model = table.model()  # type: ignore[attr-defined]
    selection = table.selectionModel()  # type: ignore[attr-defined]
    selection.clearSelection()
    for row in rows:
        selection.select(model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)


def row_of(view: OrganizationsView | PeopleView, record_id: str) -> int:
    row = view.model.row_of(record_id)
    assert row is not None
    return row


def loaded(qtbot: QtBot, dialog: MergeRecordsDialog) -> None:
    qtbot.waitUntil(lambda: dialog.view is not None and dialog.answer is None
                    and dialog.merge_button.isEnabled(), timeout=10000)


def names_listed(view: OrganizationsView) -> list[str]:
    return sorted(view.model.record(row).name for row in range(view.model.rowCount()))


def test_merging_two_organizations_from_the_list_and_undoing_it(
        context: AppContext, qtbot: QtBot) -> None:
    db = context.database
    kept = make_organization(db, name="Partido dos Trabalhadores", abbreviation="PT",
                             country="BR", website="https://pt.org.br")
    other = make_organization(db, name="Workers' Party", name_zh="劳工党", country="BR",
                              website="https://www.pt.org.br", ideology="social democracy")
    make_organization(db, name="Parti Socialiste", country="FR")
    talks = make_interaction(db, organizations_=[other.id])
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    view = window.view("organizations")
    assert isinstance(view, OrganizationsView)
    settle()
    assert len(names_listed(view)) == 3

    select_rows(view.table, [row_of(view, kept.id), row_of(view, other.id)])
    view.merge_selected()
    dialog = view.merge_dialog
    assert isinstance(dialog, MergeRecordsDialog)
    loaded(qtbot, dialog)
    assert dialog.view is not None
    assert dialog.view.preview.survivor_id == kept.id  # the first selected is kept
    assert "Partido dos Trabalhadores" in dialog.kept_box.title()
    assert "Workers' Party" in dialog.other_box.title()
    assert "1 interaction" in dialog.moves.text()
    # the website differs: the newer record's (the other's) is offered; keep ours instead
    chosen = dialog.choices()
    assert chosen["website"] == "other" and chosen["name"] == "other"
    dialog.choose("website", "survivor")
    dialog.choose("name", "survivor")
    assert set(dialog.groups) >= {"name", "name_zh", "website", "ideology"}
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    settle()

    record = organizations.get_organization(db, kept.id)
    assert (record.name, record.website, record.name_zh, record.ideology) == (
        "Partido dos Trabalhadores", "https://pt.org.br", "劳工党", "social democracy")
    assert "Workers' Party" in record.aliases
    assert [p.organization_id for p in interactions.get_interaction(db, talks.id).participants
            if p.organization_id] == [kept.id]
    assert names_listed(view) == ["Parti Socialiste", "Partido dos Trabalhadores"]
    assert window.statusBar().currentMessage().startswith("“Workers' Party” was merged")

    # Ctrl+Z in the main window takes the whole merge back
    window.activateWindow()
    wait_until_active(window)
    assert context.undo_stack.undoText() == ("Merge “Workers' Party” into "
                                             "“Partido dos Trabalhadores”")
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert organizations.get_organization(db, other.id).deleted_at is None
    assert organizations.get_organization(db, kept.id).website == "https://pt.org.br"
    assert "Workers' Party" not in organizations.get_organization(db, kept.id).aliases
    assert [p.organization_id for p in interactions.get_interaction(db, talks.id).participants
            if p.organization_id] == [other.id]
    assert len(names_listed(view)) == 3
    window.close()


def test_a_colleagues_change_while_the_dialog_is_open_merges_nothing(
        context: AppContext, qtbot: QtBot) -> None:
    db = context.database
    kept = make_organization(db, name="Jubilee Party", country="KE")
    other = make_organization(db, name="Jubilee Party of Kenya", country="KE",
                              abbreviation="JP")
    make_interaction(db, organizations_=[other.id])
    dialog = MergeRecordsDialog(context, "organization", kept.id, other.id)
    qtbot.addWidget(dialog)
    dialog.show()
    loaded(qtbot, dialog)
    # meanwhile a colleague edits the other record
    organizations.update_organization(db, other.id, {"website": "https://jubilee.or.ke"},
                                      expected_version=other.version)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.notice.isVisible() and dialog.answer is None
                    and dialog.merge_button.isEnabled(), timeout=10000)
    assert "A colleague changed “Jubilee Party of Kenya”" in dialog.notice.text()
    assert "Nothing was merged" in dialog.notice.text()
    assert dialog.result() != QDialog.DialogCode.Accepted
    # nothing half-merged: both records as they were, the interaction where it was
    assert organizations.get_organization(db, other.id).deleted_at is None
    assert organizations.get_organization(db, kept.id).aliases == ()
    page = list_organizations(db, OrganizationFilter(), limit=10)
    assert {o.name for o in page.items} == {"Jubilee Party", "Jubilee Party of Kenya"}
    # the preview was read again: the colleague's website is offered now, and Merge works
    assert dialog.view is not None and "website" in dialog.groups
    assert dialog.view.preview.other_version == other.version + 1
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert organizations.get_organization(db, kept.id).website == "https://jubilee.or.ke"
    settle()


def test_swap_keeps_the_other_and_refusals_are_one_sentence(
        context: AppContext, qtbot: QtBot) -> None:
    db = context.database
    first = make_organization(db, name="Union Party", country="KE")
    second = make_organization(db, name="Unity Party", country="KE")
    dialog = MergeRecordsDialog(context, "organization", first.id, second.id)
    qtbot.addWidget(dialog)
    dialog.show()
    loaded(qtbot, dialog)
    qtbot.mouseClick(dialog.swap_button, Qt.MouseButton.LeftButton)
    loaded(qtbot, dialog)
    assert dialog.view is not None and dialog.view.preview.survivor_id == second.id
    assert "Unity Party" in dialog.kept_box.title()
    organizations.delete_organization(db, first.id)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.notice.isVisible() and dialog.answer is None,
                    timeout=10000)
    assert dialog.notice.text() == ("“Union Party” is deleted; restore it first, or merge "
                                    "with a record that is not.")
    assert not dialog.merge_button.isEnabled()
    assert organizations.get_organization(db, second.id).aliases == ()

    itself = MergeRecordsDialog(context, "organization", second.id, second.id)
    qtbot.addWidget(itself)
    itself.show()
    qtbot.waitUntil(lambda: itself.notice.isVisible(), timeout=10000)
    assert "cannot be merged into itself" in itself.notice.text()
    assert not itself.merge_button.isEnabled()
    settle()


def test_merging_people_from_the_people_list_picking_the_other(
        context: AppContext, qtbot: QtBot) -> None:
    db = context.database
    kept = make_person(db, name="Nguyễn Văn Nên", emails=["nen@example.vn"])
    other = make_person(db, name="Nguyen Van Nen", name_zh="阮文年",
                        emails=["nvn@example.vn"], phones=["+84 24 1234 5678"])
    make_interaction(db, people_=[other.id])
    view = PeopleView(context)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    settle()
    select_rows(view.table, [row_of(view, kept.id)])
    view.merge_selected()
    picker = view.merge_dialog
    assert isinstance(picker, PickOtherDialog)
    picker.picker.setFocus()
    type_text(qtbot, picker.picker, "Nguyen")
    picker.picker.refresh()
    other_row = next(i for i, hit in enumerate(picker.picker.hits) if hit.id == other.id)
    picker.picker.pick_row(other_row)
    dialog = view.merge_dialog
    assert isinstance(dialog, MergeRecordsDialog)
    loaded(qtbot, dialog)
    assert dialog.view is not None and dialog.view.preview.survivor_id == kept.id
    assert "nen@example.vn; nvn@example.vn" in dialog.joined.text()
    assert "+842412345678" in dialog.joined.text()  # as the phone was stored
    dialog.choose("name", "survivor")
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    settle()
    person = people.get_person(db, kept.id)
    assert person.name == "Nguyễn Văn Nên" and person.name_zh == "阮文年"
    assert person.emails == ("nen@example.vn", "nvn@example.vn")
    assert person.interaction_count == 1
    assert [view.model.record(r).person.name for r in range(view.model.rowCount())] == [
        "Nguyễn Văn Nên"]


def test_the_context_menu_offers_merge_with(context: AppContext, qtbot: QtBot,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    db = context.database
    make_organization(db, name="Alpha Party")
    make_organization(db, name="Beta Party")
    make_organization(db, name="Gamma Party")
    view = OrganizationsView(context)
    qtbot.addWidget(view)
    view.show()
    settle()
    shown: list[QMenu] = []
    monkeypatch.setattr(QMenu, "popup", lambda menu, _point: shown.append(menu))

    def merge_action() -> object:
        view._context_menu(view.table.rect().center())
        return next(a for a in shown[-1].actions() if a.objectName() == "merge_with")

    select_rows(view.table, [0, 1, 2])
    assert not merge_action().isEnabled()  # three: which two?
    select_rows(view.table, [2, 0])
    action = merge_action()
    assert action.isEnabled()
    action.trigger()
    dialog = view.merge_dialog
    assert isinstance(dialog, MergeRecordsDialog)
    assert (dialog.survivor_id, dialog.other_id) == (view.model.record(2).id,
                                                     view.model.record(0).id)
    loaded(qtbot, dialog)
    dialog.reject()
    settle()


def test_what_moves_is_said_with_each_count_in_its_own_words() -> None:
    assert moves_text({"interactions": 12, "positions": 3, "invitations": 1}) == (
        "12 interactions, 3 positions, 1 invitation")
    assert moves_text({"followups": 1, "levels": 2}) == "1 follow-up, 2 level changes"
    assert moves_text({}) == ""
