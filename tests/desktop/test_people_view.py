"""The people list: filters, SQL sorting, current positions, opening, deleting with undo."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from db.services.affiliations import create_affiliation
from db.services.people import list_people, update_person
from desktop.context import AppContext
from desktop.views.people import PeopleView
from desktop.views.person_page import PersonPage
from tests.db.factories import make_organization, make_person
from tests.desktop.conftest import RecordedMessages
from tests.desktop.helpers import column_texts, settle, type_text

LEFT = Qt.MouseButton.LeftButton


def make_view(context: AppContext, qtbot: QtBot) -> PeopleView:
    view = PeopleView(context)
    qtbot.addWidget(view)
    view.resize(1100, 600)
    view.show()
    settle()
    return view


def names(view: PeopleView) -> list[str]:
    return column_texts(view.model, 0)


def test_people_are_listed_with_their_current_positions(
        context: AppContext, qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    party = make_organization(context.database, name="Unity Party", abbreviation="UP")
    ana = make_person(context.database, name="Ana Silva", title="Senator", nationality="BR")
    make_person(context.database, name="Ben Okoro", nationality="NG")
    create_affiliation(context.database, {"person_id": ana.id, "organization_id": party.id,
                                          "role": "Chair"})
    view = make_view(context, qtbot)
    qtmodeltester.check(view.model)
    assert names(view) == ["Ana Silva", "Ben Okoro"]
    assert [view.model.index(0, c).data() for c in range(4)] == [
        "Ana Silva", "Senator", "Chair, Unity Party", "Brazil"]
    assert view.count.text() == "2 people"


def test_typing_filters_by_any_name(context: AppContext, qtbot: QtBot) -> None:
    make_person(context.database, name="Zhang Wei", name_zh="张伟")
    make_person(context.database, name="Maria Lopez")
    view = make_view(context, qtbot)
    type_text(qtbot, view.query, "张")
    qtbot.waitUntil(lambda: names(view) == ["Zhang Wei"])
    view.query.clear()
    qtbot.keyClicks(view.query, "lop")
    qtbot.waitUntil(lambda: names(view) == ["Maria Lopez"])
    assert view.count.text() == "1 person"


def test_nationality_filter(context: AppContext, qtbot: QtBot) -> None:
    make_person(context.database, name="Kwame", nationality="GH")
    make_person(context.database, name="Aiko", nationality="JP")
    view = make_view(context, qtbot)
    view.nationality.setCurrentIndex(view.nationality.findData("JP"))
    settle()
    assert names(view) == ["Aiko"]
    view.nationality.setCurrentIndex(0)
    settle()
    assert len(names(view)) == 2


def test_sorting_happens_in_the_database(context: AppContext, qtbot: QtBot) -> None:
    for name, title in (("Abe", "Treasurer"), ("Cho", "Chair"), ("Bea", None)):
        make_person(context.database, name=name, title=title)
    view = make_view(context, qtbot)
    assert names(view) == ["Abe", "Bea", "Cho"]
    header = view.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), LEFT, pos=section_center(view, 1))
    assert view.model.sort_key == "title"
    settle()
    assert names(view) == ["Cho", "Abe", "Bea"]  # no title last
    view.table.sort_requested(2, Qt.SortOrder.AscendingOrder)  # positions: not sortable
    assert view.model.sort_key == "title"
    assert header.sortIndicatorSection() == 1


def section_center(view: PeopleView, column: int) -> QPoint:
    header = view.table.horizontalHeader()
    return QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) // 2,
                  header.height() // 2)


def test_enter_opens_the_person_and_new_record_opens_an_empty_page(
        context: AppContext, qtbot: QtBot) -> None:
    person = make_person(context.database, name="Iris")
    view = make_view(context, qtbot)
    view.table.select_row(0)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    page = context.windows[("person", person.id)]
    assert isinstance(page, PersonPage) and page.windowTitle() == "Iris"
    view.new_record()
    assert any(isinstance(w, PersonPage) and w.record is None for w in context.open_windows())


def test_delete_selected_asks_and_undo_brings_everyone_back(
        context: AppContext, qtbot: QtBot, recorded: RecordedMessages) -> None:
    for name in ("Ann", "Bob", "Cy"):
        make_person(context.database, name=name)
    view = make_view(context, qtbot)
    recorded.confirm_answer = False
    view.table.selectAll()
    view.delete_selected()
    assert list_people(context.database).total == 3

    recorded.confirm_answer = True
    view.table.selectAll()
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert "3 people" in recorded.texts("confirm")[-1]
    assert list_people(context.database).total == 0
    settle()
    assert names(view) == []
    context.undo_stack.undo()  # one step restores the whole selection
    settle()
    assert list_people(context.database).total == 3
    assert names(view) == ["Ann", "Bob", "Cy"]


def test_the_list_follows_change_notices(context: AppContext, qtbot: QtBot) -> None:
    person = make_person(context.database, name="Old Name")
    view = make_view(context, qtbot)
    update_person(context.database, person.id, {"name": "New Name"}, expected_version=None)
    context.notify("person", person.id)
    settle()
    assert names(view) == ["New Name"]
