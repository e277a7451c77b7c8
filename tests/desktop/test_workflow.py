"""The issue's "Done when", end to end on the real main window and a real SQLite file: a new
user loads the starter register at first start, finds parties by their Chinese, English and
native names, records a delegation visit with participants and a follow-up, finds it again on
every participant's timeline and among the follow-ups, sees the visited party leave the list
of dormant relationships, and deletes the visit and takes the deletion back."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.services.followups import list_followups
from db.services.interactions import list_interactions
from desktop.context import AppContext
from desktop.dialogs import initial_data
from desktop.dialogs.first_start import FirstStartDialog
from desktop.views.followups import FollowUpsView
from desktop.views.interaction_editor import InteractionEditor
from desktop.views.interactions import InteractionsView
from desktop.views.organization_page import OrganizationPage
from desktop.views.organizations import OrganizationsView
from desktop.views.person_page import PersonPage
from desktop.views.timeline import TimelineTab
from desktop.widgets.topics_box import TOPIC_NAME_ROLE
from desktop.windows.main_window import MainWindow
from tests.desktop.conftest import RecordedMessages
from tests.desktop.helpers import records, show_tab, type_text

LEFT = Qt.MouseButton.LeftButton
CPC = "中国共产党"  # the Communist Party of China's own (and Chinese) name
CPV = "Đảng Cộng sản Việt Nam"  # the Communist Party of Vietnam, as the register spells it
PROMISE = "Send the programme of the return visit"


def find(qtbot: QtBot, window: MainWindow, context: AppContext, text: str,
         name: str) -> OrganizationPage:
    """Type in the main window's search box and press Enter: the best match's page opens."""
    window.search.clear()
    type_text(qtbot, window.search, text)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    pages = [w for w in context.open_windows()
             if isinstance(w, OrganizationPage) and w.record is not None and w.record.name == name]
    assert len(pages) == 1, f"searching “{text}” did not open {name}"
    assert window.search.text() == ""  # ready for the next search
    return pages[0]


def pick(qtbot: QtBot, editor: InteractionEditor, text: str) -> None:
    type_text(qtbot, editor.participants.picker, text)
    qtbot.keyClick(editor.participants.picker, Qt.Key.Key_Return)


def listed_ids(view: OrganizationsView) -> set[str]:
    return {record.id for record in records(view.model)}


def timeline_ids(tab: TimelineTab) -> list[str]:
    return [record.id for record in records(tab.model)]


def test_load_find_record_find_again_delete_and_undo(
        context: AppContext, qtbot: QtBot, recorded: RecordedMessages,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()

    # -- first start: the welcome dialog's default choice loads the starter register -------
    monkeypatch.setattr(FirstStartDialog, "exec", lambda self: 1)  # the user presses OK
    job = initial_data.offer_first_start(context, window)
    assert job is not None
    qtbot.waitUntil(lambda: not job.running, timeout=20_000)
    assert job.error is None
    organizations = window.view("organizations")
    assert isinstance(organizations, OrganizationsView)
    qtbot.waitUntil(lambda: organizations.model.total > 2000)

    # -- find parties by their Chinese, English and native names ---------------------------
    cpc = find(qtbot, window, context, "中共", CPC)  # its Chinese short form, as typed in China
    assert cpc.record.name_en == "Communist Party of China"
    assert find(qtbot, window, context, "Communist Party of China", CPC) is cpc  # English
    cpv = find(qtbot, window, context, "Đảng Cộng sản Việt Nam", CPV)  # native, with diacritics
    assert cpv.record.name_en == "Communist Party of Vietnam"
    assert find(qtbot, window, context, "Communist Party of Vietnam", CPV) is cpv

    # -- the organizations list: Asia, no contact for 12 months ----------------------------
    window.navigation.setCurrentRow(0)
    organizations.panel.check(organizations.panel.regions, ("Asia",))
    qtbot.waitUntil(lambda: organizations.model.total < 1000)
    asia = organizations.model.total
    assert {cpc.record.id, cpv.record.id} <= listed_ids(organizations)
    assert {record.region for record in records(organizations.model)} == {"Asia"}
    organizations.panel.dormant.setChecked(True)  # 12 months by default
    assert organizations.panel.months.value() == 12
    assert {cpc.record.id, cpv.record.id} <= listed_ids(organizations)
    dormant = organizations.model.total

    # -- a person from the Vietnamese party, added from its People tab ---------------------
    show_tab(cpv.tabs, "People")
    qtbot.keyClicks(cpv.people_tab.role, "Deputy Head of External Relations")
    qtbot.mouseClick(cpv.people_tab.new_button, LEFT)
    person = next(w for w in context.open_windows() if isinstance(w, PersonPage))
    type_text(qtbot, person.form.widgets["name"], "Nguyễn Thị Lan")
    qtbot.keyClicks(person.form.widgets["name_en"], "Nguyen Thi Lan")
    qtbot.mouseClick(person.save_button, LEFT)
    assert person.record is not None and person.record.name == "Nguyễn Thị Lan"
    qtbot.waitUntil(lambda: cpv.people_tab.model.rowCount() == 1)

    # -- record the delegation visit from the party's page ---------------------------------
    cpv.record_action.trigger()  # “Record interaction…”
    editor = next(w for w in context.open_windows() if isinstance(w, InteractionEditor))
    assert [row.id for row in editor.participants.model.organizations()] == [cpv.record.id]
    editor.kind_box.setCurrentIndex(editor.kind_box.findData("inbound_visit"))
    editor.use_suggestion.trigger()
    assert editor.title_edit.text() == f"Visit of the {CPV} delegation"
    start, end = date.today() - timedelta(days=9), date.today() - timedelta(days=6)
    for key, value in (("start", start), ("end", end)):
        editor.field(key).edit.clear()
        qtbot.keyClicks(editor.field(key).edit, value.isoformat())
    qtbot.keyClicks(editor.field("city"), "Beijing")
    pick(qtbot, editor, CPC)  # another party, by its Chinese name
    pick(qtbot, editor, "Nguyễn Thị Lan")  # the person, by her name in Vietnamese
    assert {row.id for row in editor.participants.model.rows} == {
        cpv.record.id, cpc.record.id, person.record.id}
    for number in range(editor.topic_model.rowCount()):
        item = editor.topic_model.item(number)
        if item.data(TOPIC_NAME_ROLE) == "Party building":
            item.setCheckState(Qt.CheckState.Checked)
    assert editor.checked_topics()
    followups = editor.followups
    qtbot.keyClicks(followups.description, PROMISE)
    qtbot.keyClicks(followups.due.edit, (date.today() + timedelta(days=30)).isoformat())
    followups.organization.setCurrentIndex(followups.organization.findData(cpv.record.id))
    qtbot.mouseClick(followups.add_button, LEFT)
    assert followups.model.rowCount() == 1
    qtbot.mouseClick(editor.save_button, LEFT)
    assert recorded.texts("warning") == []

    saved = list_interactions(context.database).items
    assert len(saved) == 1
    visit = saved[0]
    assert (visit.kind, visit.start, visit.end, visit.city) == ("inbound_visit", start, end,
                                                                "Beijing")
    assert {p.organization_id or p.person_id for p in visit.participants} == {
        cpv.record.id, cpc.record.id, person.record.id}
    assert [(f.description, f.organization_id) for f in list_followups(context.database).items] \
        == [(PROMISE, cpv.record.id)]
    editor.close()

    # -- found again: on every participant's timeline, among the follow-ups ----------------
    for page in (cpv, cpc):
        show_tab(page.tabs, "Timeline")
        qtbot.waitUntil(lambda page=page: timeline_ids(page.timeline_tab) == [visit.id])
        assert page.timeline_tab.model.index(0, 2).data() == visit.title
    show_tab(cpc.tabs, "Timeline")
    other = cpc.timeline_tab.model.index(0, 3).data()  # the other participants
    assert CPV in other and "Nguyễn Thị Lan" in other
    show_tab(person.tabs, "Interactions")
    qtbot.waitUntil(lambda: timeline_ids(person.timeline_tab) == [visit.id])
    assert "1 interaction" in cpc.facts_label.text()

    window.navigation.setCurrentRow(3)
    followups_view = window.view("followups")
    assert isinstance(followups_view, FollowUpsView)
    qtbot.waitUntil(lambda: followups_view.model.rowCount() == 1)
    assert followups_view.model.index(0, 1).data() == PROMISE
    assert followups_view.model.index(0, 4).data() == visit.title

    # -- the visited parties left the dormant list; the region filter still holds ----------
    window.navigation.setCurrentRow(0)
    qtbot.waitUntil(lambda: organizations.model.total == dormant - 2)
    assert not {cpc.record.id, cpv.record.id} & listed_ids(organizations)
    organizations.panel.dormant.setChecked(False)
    qtbot.waitUntil(lambda: organizations.model.total == asia)
    assert {cpc.record.id, cpv.record.id} <= listed_ids(organizations)

    # -- delete it from the interactions list, undo with the main window's Undo ------------
    window.navigation.setCurrentRow(2)
    interactions = window.view("interactions")
    assert isinstance(interactions, InteractionsView)
    qtbot.waitUntil(lambda: interactions.model.rowCount() == 1)
    interactions.table.select_row(0)
    window.delete_action.trigger()
    assert "Delete “Visit of the" in recorded.texts("confirm")[-1]
    qtbot.waitUntil(lambda: interactions.model.rowCount() == 0)
    assert list_interactions(context.database).total == 0
    show_tab(cpc.tabs, "Timeline")
    qtbot.waitUntil(lambda: timeline_ids(cpc.timeline_tab) == [])
    assert window.undo_action.isEnabled()
    assert "Visit of the" in window.undo_action.text()
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: interactions.model.rowCount() == 1)
    assert [r.id for r in list_interactions(context.database).items] == [visit.id]
    qtbot.waitUntil(lambda: timeline_ids(cpc.timeline_tab) == [visit.id])
    assert not window.undo_action.isEnabled()
