"""The programme editor of a visit's page, on SQLite and PostgreSQL: every day of a five-day
visit to three cities with its cities; adding talks with participants records the meeting;
moving an item within its day and to another day, copying a day and deleting an item, each
taken back by Ctrl+Z and made again by redo; bad input shown beside its field with nothing
written; a change made elsewhere shown."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QToolButton
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.models import Interaction, ProgrammeItem
from db.services import interactions, programme, visits
from db.store.engine import Database
from desktop.context import AppContext
from desktop.qtmodels.participants import ParticipantRow
from desktop.qtmodels.programme import DAY_ROLE, ProgrammeModel
from desktop.widgets.programme_editor import ProgrammeEditor
from desktop.widgets.programme_item import ItemDialog
from desktop.windows.record_pages import new_context
from tests.db.factories import make_organization, make_person
from tests.desktop.conftest import RecordedMessages
from tests.desktop.helpers import settle, type_into, wait_until_active

START = date(2026, 10, 12)
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def context(db: Database, qapp: object, recorded: RecordedMessages) -> Iterator[AppContext]:
    """The app's context on each back end."""
    ctx = new_context(db)
    yield ctx
    for window in list(ctx.windows.values()):
        window.close()
    ctx.close()


@pytest.fixture
def visit(context: AppContext) -> dict[str, Any]:
    """A five-day outbound visit to Viet Nam: Hà Nội, Đà Nẵng, Thành phố Hồ Chí Minh."""
    db = context.database
    cpc = make_organization(db, name="中国共产党", name_en="Communist Party of China",
                            country="CN")
    cpv = make_organization(db, name="Đảng Cộng sản Việt Nam",
                            name_en="Communist Party of Vietnam", name_zh="越南共产党",
                            country="VN")
    head = make_person(db, name="刘建超", name_en="Liu Jianchao", nationality="CN")
    host = make_person(db, name="Lê Hoài Trung", nationality="VN")
    record = visits.create_visit(db, {
        "title": "中联部代表团访越", "direction": "outbound", "start": START,
        "end": START + timedelta(days=4), "country": "VN", "host_id": cpv.id,
        "guest_id": cpc.id})
    visits.add_member(db, record.id, {"person_id": head.id, "side": "guest", "role": "head"})
    visits.add_member(db, record.id, {"person_id": host.id, "side": "host", "role": "head"})
    plan = [(0, "travel", "Flight to Hà Nội", "Hà Nội", "08:30"),
            (0, "site_visit", "Hồ Chí Minh Mausoleum", "Hà Nội", "15:00"),
            (0, "banquet", "Welcome banquet", "Hà Nội", "19:00"),
            (1, "travel", "To Đà Nẵng", "Đà Nẵng", "07:00"),
            (2, "site_visit", "Hội An old town", "Đà Nẵng", "09:00"),
            (2, "travel", "To Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh", "17:00"),
            (3, "site_visit", "Củ Chi tunnels", "Thành phố Hồ Chí Minh", "10:00")]
    items = {}
    for offset, kind, title, city, starts in plan:
        items[title] = programme.add_item(db, record.id, {
            "day": START + timedelta(days=offset), "kind": kind, "title": title,
            "city": city, "starts": starts})
    return {"id": record.id, "cpv": cpv, "cpc": cpc, "head": head, "host": host,
            "items": items}


@pytest.fixture
def editor(qtbot: QtBot, context: AppContext, visit: dict[str, Any]) -> ProgrammeEditor:
    shown = ProgrammeEditor(context)
    qtbot.addWidget(shown)
    shown.resize(1040, 600)
    shown.show()
    shown.show_visit(visit["id"])
    settle()
    return shown


def titles(editor: ProgrammeEditor) -> list[list[str]]:
    """What the tree shows: each day's titles (a day with none shows "No items yet")."""
    settle()
    model = editor.model
    shown = []
    for number in range(model.rowCount()):
        day = model.index(number, 0)
        shown.append([model.index(row, ProgrammeModel.TITLE, day).data()
                      for row in range(model.rowCount(day))])
    return shown


def stored(db: Database, visit_id: str) -> list[list[str]]:
    details = programme.visit_details(db, visit_id)
    return [[item.title for item in day.items] for day in details.days]


def live(db: Database, model: Any) -> int:
    with db.reading() as session:
        return int(session.execute(select(func.count()).select_from(model).where(
            model.deleted_at.is_(None))).scalar_one())


def undo(context: AppContext) -> None:
    context.undo_stack.undo()
    settle()


def redo(context: AppContext) -> None:
    context.undo_stack.redo()
    settle()


def test_every_day_of_a_five_day_visit_to_three_cities_shows_with_its_cities(
        editor: ProgrammeEditor, qtmodeltester: Any) -> None:
    model = editor.model
    qtmodeltester.check(model)
    assert model.rowCount() == 5
    days = [model.index(n, 0).data() for n in range(5)]
    assert [model.index(n, 0).data(DAY_ROLE) for n in range(5)] == [
        START + timedelta(days=n) for n in range(5)]
    assert "Day 1" in days[0] and "Monday 12 October 2026" in days[0] and "Hà Nội" in days[0]
    assert "Đà Nẵng" in days[1]
    assert "Đà Nẵng → Thành phố Hồ Chí Minh" in days[2]
    assert "Friday 16 October 2026" in days[4]
    assert titles(editor) == [["Flight to Hà Nội", "Hồ Chí Minh Mausoleum", "Welcome banquet"],
                              ["To Đà Nẵng"], ["Hội An old town", "To Thành phố Hồ Chí Minh"],
                              ["Củ Chi tunnels"], ["No items yet"]]
    first = model.index(0, 0, model.index(0, 0))
    assert (first.data(), first.siblingAtColumn(ProgrammeModel.KIND).data(),
            first.siblingAtColumn(ProgrammeModel.PLACE).data()) == ("08:30", "Travel",
                                                                     "Hà Nội")
    assert editor.tree.isFirstColumnSpanned(0, model.index(0, 0).parent())


def test_adding_talks_with_participants_records_the_meeting_and_undo_takes_it_back(
        qtbot: QtBot, context: AppContext, editor: ProgrammeEditor,
        visit: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    db = context.database
    editor.select_day(START + timedelta(days=1))
    dialog = editor.add_item()
    assert isinstance(dialog, ItemDialog)
    assert dialog.form.value("day") == "2026-10-13" and dialog.form.value("city") == "Đà Nẵng"
    kinds = dialog.form.widgets["kind"]
    assert isinstance(kinds, QComboBox)
    kinds.setCurrentIndex(kinds.findData("talks"))
    assert dialog.participants is not None and dialog.participants.isVisibleTo(dialog)
    type_into(qtbot, dialog.form, "title", "Talks with the Đà Nẵng Party Committee")
    type_into(qtbot, dialog.form, "starts", "10:00")
    type_into(qtbot, dialog.form, "ends", "11:30")
    menu = dialog.findChild(QToolButton, "from_the_visit").menu()
    everyone = menu.actions()[0]
    everyone.trigger()  # both organizations and both heads
    assert dialog.participants.model.rowCount() == 4
    with qtbot.waitSignal(editor.changed):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert not dialog.isVisible()
    assert titles(editor)[1] == ["To Đà Nẵng", "Talks with the Đà Nẵng Party Committee"]
    item = editor.current_item()
    assert item is not None and item.interaction_id
    meeting = interactions.get_interaction(db, item.interaction_id)
    assert (meeting.kind, meeting.start) == ("talks", START + timedelta(days=1))
    assert set(item.participant_names) == {"中国共产党", "Đảng Cộng sản Việt Nam", "刘建超",
                                      "Lê Hoài Trung"}
    row = editor.model.item_index(item.id)
    assert "刘建超" in row.siblingAtColumn(ProgrammeModel.PARTICIPANTS).data()
    assert row.siblingAtColumn(ProgrammeModel.TIME).data() == "10:00–11:30"
    # Names in the script Settings prefer, as on the rest of the page: once it is Chinese,
    # the Vietnamese party shows by its Chinese name; who has none keeps their own.
    monkeypatch.setattr(context, "name_preference", lambda: "zh")
    context.changed.emit("*", "")
    settle()
    shown = editor.model.item_index(item.id).siblingAtColumn(ProgrammeModel.PARTICIPANTS).data()
    assert set(shown.split("; ")) == {"中国共产党", "越南共产党", "刘建超", "Lê Hoài Trung"}

    undo(context)
    assert titles(editor)[1] == ["To Đà Nẵng"]
    assert interactions.get_interaction(db, meeting.id, include_deleted=True).deleted_at
    redo(context)
    assert titles(editor)[1] == ["To Đà Nẵng", "Talks with the Đà Nẵng Party Committee"]
    assert interactions.get_interaction(db, meeting.id).deleted_at is None
    editor.select_item(item.id)
    opened = editor.open_meeting()
    assert opened is context.windows[("interaction", meeting.id)]


def test_moving_within_a_day_and_to_another_day_and_undoing_each(
        qtbot: QtBot, context: AppContext, editor: ProgrammeEditor,
        visit: dict[str, Any]) -> None:
    db = context.database
    original = stored(db, visit["id"])
    editor.select_item(visit["items"]["Welcome banquet"].id)
    editor.tree.setFocus()
    wait_until_active(editor)
    qtbot.keyClick(editor.tree, Qt.Key.Key_Up, CTRL)
    settle()
    assert titles(editor)[0] == ["Flight to Hà Nội", "Welcome banquet", "Hồ Chí Minh Mausoleum"]
    assert stored(db, visit["id"])[0] == titles(editor)[0]
    assert editor.current_item().title == "Welcome banquet"  # type: ignore[union-attr]

    # past the last place of its day: the start of the next day
    editor.select_item(visit["items"]["Hồ Chí Minh Mausoleum"].id)
    qtbot.keyClick(editor.tree, Qt.Key.Key_Down, CTRL)
    settle()
    assert titles(editor)[:2] == [["Flight to Hà Nội", "Welcome banquet"],
                                  ["Hồ Chí Minh Mausoleum", "To Đà Nẵng"]]

    editor.select_item(visit["items"]["Welcome banquet"].id)
    dialog = editor.ask_move_to_day()
    assert dialog is not None
    dialog.choose(START + timedelta(days=4))
    dialog.accept()
    settle()
    assert titles(editor)[4] == ["Welcome banquet"]
    assert stored(db, visit["id"])[4] == ["Welcome banquet"]

    undo(context)
    assert titles(editor)[:2] == [["Flight to Hà Nội", "Welcome banquet"],
                                  ["Hồ Chí Minh Mausoleum", "To Đà Nẵng"]]
    undo(context)
    undo(context)
    assert stored(db, visit["id"]) == original and titles(editor)[:4] == original[:4]
    redo(context)
    assert titles(editor)[0] == ["Flight to Hà Nội", "Welcome banquet", "Hồ Chí Minh Mausoleum"]


def test_dragging_an_item_onto_another_day_moves_it(context: AppContext,
                                                     editor: ProgrammeEditor,
                                                     visit: dict[str, Any]) -> None:
    model = editor.model
    item = visit["items"]["Củ Chi tunnels"]
    data = model.mimeData([model.item_index(item.id)])
    target = model.index(1, 0)  # before the only item of day 2
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, target)
    model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, target)
    settle()
    assert titles(editor)[1] == ["Củ Chi tunnels", "To Đà Nẵng"]
    assert titles(editor)[3] == ["No items yet"]
    undo(context)
    assert titles(editor)[3] == ["Củ Chi tunnels"]


def test_copying_a_day_copies_its_meetings_and_undo_takes_the_copy_back(
        context: AppContext, editor: ProgrammeEditor, visit: dict[str, Any]) -> None:
    db = context.database
    talks = programme.add_item(db, visit["id"], {"day": START + timedelta(days=3),
                                                 "kind": "talks", "title": "Talks in Sài Gòn"},
                               participants=[{"organization_id": visit["cpv"].id}])
    context.notify("programme item", talks.id)
    settle()
    meetings = live(db, Interaction)
    editor.select_day(START + timedelta(days=3))
    dialog = editor.ask_copy_day()
    assert dialog is not None
    assert dialog.days.count() == 4  # every other day
    dialog.choose(START + timedelta(days=4))
    with_changed: list[bool] = []
    editor.changed.connect(lambda: with_changed.append(True))
    dialog.accept()
    settle()
    assert titles(editor)[4] == ["Củ Chi tunnels", "Talks in Sài Gòn"]
    assert with_changed
    copied = programme.visit_details(db, visit["id"]).days[4].items[1]
    assert copied.interaction_id not in (None, talks.interaction_id)
    assert copied.participant_names == ("Đảng Cộng sản Việt Nam",)
    assert live(db, Interaction) == meetings + 1
    assert "Thành phố Hồ Chí Minh" in editor.model.index(4, 0).data()

    undo(context)
    assert titles(editor)[4] == ["No items yet"]
    assert live(db, Interaction) == meetings
    redo(context)
    assert titles(editor)[4] == ["Củ Chi tunnels", "Talks in Sài Gòn"]


def test_deleting_with_the_delete_key_and_undo_bring_it_back(
        qtbot: QtBot, context: AppContext, editor: ProgrammeEditor, visit: dict[str, Any],
        recorded: RecordedMessages) -> None:
    db = context.database
    talks = programme.add_item(db, visit["id"], {"day": START, "kind": "talks",
                                                 "title": "Talks with the CPV"},
                               participants=[{"organization_id": visit["cpv"].id}])
    context.notify("programme item", talks.id)
    settle()
    editor.select_item(talks.id)
    editor.tree.setFocus()
    wait_until_active(editor)
    qtbot.keyClick(editor.tree, Qt.Key.Key_Delete)
    settle()
    assert "Talks with the CPV" in recorded.texts("confirm")[-1]
    assert "Talks with the CPV" not in titles(editor)[0]
    assert interactions.get_interaction(db, talks.interaction_id or "",
                                        include_deleted=True).deleted_at
    undo(context)
    assert titles(editor)[0][-1] == "Talks with the CPV"
    assert interactions.get_interaction(db, talks.interaction_id or "").deleted_at is None
    redo(context)
    assert "Talks with the CPV" not in titles(editor)[0]

    recorded.confirm_answer = False  # the officer thinks again: nothing goes
    editor.select_item(visit["items"]["Welcome banquet"].id)
    assert not editor.delete_selected()
    assert "Welcome banquet" in titles(editor)[0]


def test_editing_an_item_and_undo(qtbot: QtBot, context: AppContext,
                                  editor: ProgrammeEditor, visit: dict[str, Any]) -> None:
    editor.select_item(visit["items"]["Welcome banquet"].id)
    editor.tree.setFocus()
    wait_until_active(editor)
    qtbot.keyClick(editor.tree, Qt.Key.Key_Return)
    dialog = editor.dialog
    assert isinstance(dialog, ItemDialog)
    dialog.form.widgets["place"].setFocus()
    type_into(qtbot, dialog.form, "place", "Nhà khách Chính phủ")
    type_into(qtbot, dialog.form, "ends", "21:00")
    dialog.accept()
    settle()
    row = editor.model.item_index(visit["items"]["Welcome banquet"].id)
    assert row.siblingAtColumn(ProgrammeModel.PLACE).data() == "Nhà khách Chính phủ, Hà Nội"
    assert row.siblingAtColumn(ProgrammeModel.TIME).data() == "19:00–21:00"
    undo(context)
    row = editor.model.item_index(visit["items"]["Welcome banquet"].id)
    assert row.siblingAtColumn(ProgrammeModel.PLACE).data() == "Hà Nội"
    assert row.siblingAtColumn(ProgrammeModel.TIME).data() == "19:00"


def test_bad_input_is_shown_beside_its_field_and_nothing_is_written(
        qtbot: QtBot, context: AppContext, editor: ProgrammeEditor,
        visit: dict[str, Any]) -> None:
    db = context.database
    stranger = make_organization(db, name="Partido Comunista de Cuba", country="CU")
    before = (live(db, ProgrammeItem), live(db, Interaction), context.undo_stack.count())
    dialog = editor.add_item()
    assert dialog is not None
    kinds = dialog.form.widgets["kind"]
    assert isinstance(kinds, QComboBox)
    kinds.setCurrentIndex(kinds.findData("talks"))
    type_into(qtbot, dialog.form, "title", "Talks after the visit")
    dialog.form.widgets["day"].edit.clear()  # type: ignore[attr-defined]
    type_into(qtbot, dialog.form, "day", "2026-10-25")
    assert dialog.participants is not None
    dialog.participants.add_created(_row(visit["cpv"].id, "Đảng Cộng sản Việt Nam"))
    dialog.accept()
    error = dialog.findChild(QLabel, "error_day")
    assert dialog.isVisible() and error.isVisible() and "outside the visit" in error.text()
    assert (live(db, ProgrammeItem), live(db, Interaction),
            context.undo_stack.count()) == before

    dialog.form.widgets["day"].edit.clear()  # type: ignore[attr-defined]
    type_into(qtbot, dialog.form, "day", "2026-10-13")
    type_into(qtbot, dialog.form, "starts", "20:00")
    type_into(qtbot, dialog.form, "ends", "19:00")
    dialog.accept()
    error = dialog.findChild(QLabel, "error_ends")
    assert dialog.isVisible() and error.isVisible() and "before it starts" in error.text()
    assert not dialog.findChild(QLabel, "error_day").isVisible()

    dialog.form.widgets["ends"].clear()  # type: ignore[attr-defined]
    dialog.participants.add_created(_row(stranger.id, stranger.name))
    dialog.accept()
    error = dialog.participants.error
    assert dialog.isVisible() and error.isVisible()
    assert "Partido Comunista de Cuba" in error.text() and "neither side" in error.text()
    assert (live(db, ProgrammeItem), live(db, Interaction),
            context.undo_stack.count()) == before

    dialog.participants.remove_selected()
    dialog.accept()
    assert not dialog.isVisible()
    settle()
    assert titles(editor)[1][-1] == "Talks after the visit"


def _row(record_id: str, name: str) -> ParticipantRow:
    return ParticipantRow("organization", record_id, name)


def test_a_change_made_elsewhere_is_shown(context: AppContext, editor: ProgrammeEditor,
                                          visit: dict[str, Any]) -> None:
    db = context.database
    programme.add_item(db, visit["id"], {"day": START + timedelta(days=4), "kind": "travel",
                                         "title": "Flight home"})
    context.changed.emit("*", "")  # what the watcher says of a colleague's change
    assert titles(editor)[4] == ["Flight home"]
    visits.update_visit(db, visit["id"], {"end": START + timedelta(days=5)},
                        expected_version=None)
    context.notify("visit", visit["id"])
    assert len(titles(editor)) == 6
    visits.delete_visit(db, visit["id"])
    context.notify("visit", visit["id"])
    assert titles(editor) == []
    assert editor.note.isVisible() and "deleted" in editor.note.text()
    assert not editor.controls.add.isEnabled()


def test_on_the_visit_page_delete_on_a_day_deletes_neither_the_day_nor_the_visit(
        qtbot: QtBot, context: AppContext, visit: dict[str, Any],
        recorded: RecordedMessages) -> None:
    page = context.open_visit(visit["id"])
    settle()
    editor = page.findChild(ProgrammeEditor)
    assert editor is not None
    tabs = page.tabs  # type: ignore[attr-defined]
    tabs.setCurrentIndex(tabs.indexOf(editor))
    settle()
    assert len(titles(editor)) == 5
    editor.select_day(START)
    editor.tree.setFocus()
    wait_until_active(page)
    qtbot.keyClick(editor.tree, Qt.Key.Key_Delete)
    settle()
    assert recorded.texts("confirm") == []
    assert visits.get_visit(context.database, visit["id"]).deleted_at is None

    editor.select_item(visit["items"]["Welcome banquet"].id)
    qtbot.keyClick(editor.tree, Qt.Key.Key_Delete)
    settle()
    assert "Welcome banquet" not in titles(editor)[0]
    page.undo_stack.undo()  # type: ignore[attr-defined]  # the page's own stack
    settle()
    assert "Welcome banquet" in titles(editor)[0]


def test_an_editor_closed_while_its_programme_is_read_ignores_the_answer(
        context: AppContext, visit: dict[str, Any]) -> None:
    shown = ProgrammeEditor(context)
    shown.show_visit(visit["id"])
    shiboken6.delete(shown)  # its window closed before the worker answered
    settle()
