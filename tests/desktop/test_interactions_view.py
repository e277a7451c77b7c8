"""The interactions list against a real SQLite file: newest first, filters, opening, deleting
with undo, and paging that counts the rows once per reload."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from db.services import interactions as service
from db.services.interactions import get_interaction
from db.store.errors import NotFound
from desktop import settings
from desktop.context import AppContext
from desktop.views import interactions as view_module
from desktop.views.interaction_editor import InteractionEditor
from desktop.views.interactions import InteractionsView
from tests.db.factories import make_interaction, make_organization, make_person
from tests.desktop.conftest import RecordedMessages
from tests.desktop.helpers import settle

TITLE, PARTICIPANTS, COUNTRY, TOPICS = 2, 3, 4, 5


@pytest.fixture
def history(context: AppContext) -> dict[str, Any]:
    db = context.database
    cpc = make_organization(db, name="Partido Comunista de Cuba", abbreviation="PCC", country="CU")
    anc = make_organization(db, name="African National Congress", abbreviation="ANC", country="ZA")
    think_tank = make_organization(db, name="Institute for Global Dialogue", country="ZA")
    youth = make_organization(db, name="ANC Youth League", country="ZA")
    person = make_person(db, name="Naledi Pandor")
    return {
        "cpc": cpc, "anc": anc,
        "visit": make_interaction(db, kind="inbound_visit", title="Visit of the PCC delegation",
                                  start="2024-03-05", end="2024-03-09", country="CU",
                                  organizations_=[cpc.id], topics=["party_building"]),
        "seminar": make_interaction(db, kind="seminar", title="Seminar on governance",
                                    start="2024-06-20", country="ZA",
                                    summary="Poverty alleviation and governance experience",
                                    organizations_=[anc.id, think_tank.id, youth.id, cpc.id],
                                    people_=[person.id], topics=["governance"]),
        "call": make_interaction(db, kind="video_call", title="Video call on the summit",
                                 start="2023-11-30", organizations_=[anc.id]),
    }


def make_view(qtbot: QtBot, context: AppContext) -> InteractionsView:
    view = InteractionsView(context)
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    settle()
    return view


def titles(view: InteractionsView) -> list[str]:
    settle()  # the list's pages come from the database worker
    return [view.model.index(row, TITLE).data() for row in range(view.model.rowCount())]


def test_lists_newest_first_with_participants_country_and_topics(
        qtbot: QtBot, context: AppContext, history: dict[str, Any],
        qtmodeltester: ModelTester) -> None:
    view = make_view(qtbot, context)
    assert titles(view) == ["Seminar on governance", "Visit of the PCC delegation",
                            "Video call on the summit"]
    assert view.count.text() == "3 interactions"
    model = view.model
    assert model.index(0, 0).data() == "Seminar"
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "Seminar"
    assert model.index(0, 0).data(Qt.ItemDataRole.DecorationRole) is not None
    assert model.index(1, 1).data() == "2024-03-05"
    assert model.index(1, 1).data(Qt.ItemDataRole.ToolTipRole) == "2024-03-05 – 2024-03-09"
    # five participants: the first three and how many more; all of them in the tooltip
    assert model.index(0, PARTICIPANTS).data() == "ANC, ANC Youth League, Institute for Global Dialogue +2"
    assert "Naledi Pandor — Member" in model.index(0, PARTICIPANTS).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, COUNTRY).data() == "South Africa"
    assert model.index(0, TOPICS).data() == "Governance experience"
    qtmodeltester.check(model)


def test_filters_by_words_kind_dates_and_topic(
        qtbot: QtBot, context: AppContext, history: dict[str, Any]) -> None:
    view = make_view(qtbot, context)
    qtbot.keyClicks(view.query, "poverty")  # words in the summary count too
    qtbot.waitUntil(lambda: titles(view) == ["Seminar on governance"])
    view.query.clear()
    view.kind.setCurrentIndex(view.kind.findData("video_call"))
    qtbot.waitUntil(lambda: titles(view) == ["Video call on the summit"])
    view.kind.setCurrentIndex(0)
    qtbot.keyClicks(view.start_from.edit, "2024-01-01")
    qtbot.keyClicks(view.start_to.edit, "2024-05-31")
    qtbot.waitUntil(lambda: titles(view) == ["Visit of the PCC delegation"])
    view.start_to.edit.setText("2024-13-45")  # not a date: marked, and left out of the filter
    qtbot.waitUntil(lambda: titles(view) == ["Seminar on governance",
                                             "Visit of the PCC delegation"])
    assert view.start_to.edit.toolTip() == \
        "The date “2024-13-45” is not a real date: there is no month 13."
    qtbot.mouseClick(view.clear_button, Qt.MouseButton.LeftButton)
    assert len(titles(view)) == 3
    view.topic.setCurrentIndex(view.topic.findData("party_building"))
    assert titles(view) == ["Visit of the PCC delegation"]
    assert view.count.text() == "1 interaction"


def test_enter_opens_the_interaction(qtbot: QtBot, context: AppContext,
                                     history: dict[str, Any]) -> None:
    view = make_view(qtbot, context)
    view.table.setFocus()
    view.table.select_row(1)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    editor = context.windows[("interaction", history["visit"].id)]
    assert isinstance(editor, InteractionEditor)
    assert editor.title_edit.text() == "Visit of the PCC delegation"


def test_new_record_opens_an_empty_editor(qtbot: QtBot, context: AppContext) -> None:
    view = make_view(qtbot, context)
    view.new_record()
    editors = [w for w in context.open_windows() if isinstance(w, InteractionEditor)]
    assert len(editors) == 1 and editors[0].interaction_id is None


def test_delete_selected_asks_and_undo_restores(
        qtbot: QtBot, context: AppContext, history: dict[str, Any],
        recorded: RecordedMessages) -> None:
    view = make_view(qtbot, context)
    view.table.select_row(0)
    view.table.selectionModel().select(
        view.model.index(2, 0), view.table.selectionModel().SelectionFlag.Select
        | view.table.selectionModel().SelectionFlag.Rows)
    recorded.confirm_answer = False
    view.delete_selected()
    assert len(titles(view)) == 3
    recorded.confirm_answer = True
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert recorded.texts("confirm")[-1].startswith("Delete 2 interactions?")
    assert titles(view) == ["Visit of the PCC delegation"]
    with pytest.raises(NotFound):
        get_interaction(context.database, history["seminar"].id)
    context.undo_stack.undo()  # one step brings both back
    assert len(titles(view)) == 3
    assert get_interaction(context.database, history["call"].id).title == "Video call on the summit"


def test_a_hidden_list_reloads_when_shown_again(
        qtbot: QtBot, context: AppContext, history: dict[str, Any]) -> None:
    view = make_view(qtbot, context)
    view.hide()
    make_interaction(context.database, title="Letter of congratulations", start="2025-01-01")
    context.notify("interaction")
    assert len(titles(view)) == 3
    view.show()
    assert titles(view)[0] == "Letter of congratulations"


def test_only_the_first_page_counts_the_rows(
        qtbot: QtBot, context: AppContext, history: dict[str, Any],
        monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[int, bool]] = []

    def counting(*args: Any, **kw: Any) -> Any:
        calls.append((kw["offset"], kw["with_total"]))
        return service.list_interactions(*args, **kw)

    monkeypatch.setattr(view_module, "list_interactions", counting)
    view = make_view(qtbot, context)
    view.model.page_size = 2
    view.reload()
    settle()
    calls.clear()
    view.reload()
    settle()
    assert view.model.total == 3
    view.model.record(2)  # asks for the second page, if painting has not already
    settle()
    assert view.model.index(2, TITLE).data() == "Video call on the summit"
    assert calls == [(0, True), (2, False)]


def test_names_follow_the_preferred_script(
        qtbot: QtBot, context: AppContext) -> None:
    db = context.database
    party = make_organization(db, name="Partido Comunista de Cuba", name_zh="古巴共产党",
                              country="CU")
    person = make_person(db, name="Roberto Morales", name_zh="罗伯托·莫拉莱斯")
    make_interaction(db, title="Talks in Havana", country="CU", organizations_=[party.id],
                     people_=[person.id], topics=["party_building"])
    settings.set_name_preference("zh")
    view = make_view(qtbot, context)
    assert view.model.index(0, PARTICIPANTS).data() == "古巴共产党, 罗伯托·莫拉莱斯"
    assert view.model.index(0, COUNTRY).data() == "古巴"
    assert view.model.index(0, TOPICS).data() == "党的建设"
