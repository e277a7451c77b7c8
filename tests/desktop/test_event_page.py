"""An event's page driven like a user would, on SQLite and PostgreSQL, over the summit of
tests/db/test_events.py: the sentence At a glance with the numbers worked out by hand there
and the comparison with the 2nd edition; replies and attendance of several rows at once (a
reply after the event refused above the list, nothing written); an attendee who was not
invited — the question, and yes adds the invitation; Invite… several at once; a delegation's
head from another organization refused beside the field; a session outside the dates
refused; undo of each."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from db.services import events, invitations, organizations
from db.store.engine import Database
from desktop.context import AppContext
from desktop.qtmodels.invitations import ATTENDANCE_COLUMN, REPLY
from desktop.views.event_page import EventPage
from desktop.widgets.event_fields import ChosenRecords
from desktop.widgets.event_invitations import InvitationsTab
from desktop.widgets.event_sessions import EventEntryDialog
from desktop.widgets.visit_fields import ChosenRecord
from desktop.windows.record_pages import new_context
from tests.db.factories import make_organization
from tests.db.test_events import summit  # noqa: F401  (the fixture)
from tests.desktop.conftest import RecordedMessages
from tests.desktop.helpers import settle, show_tab, type_into, type_text, wait_until_active
from tests.desktop.test_chinese_interface import chinese  # noqa: F401  (the fixture)


@pytest.fixture
def context(db: Database, qapp: object, recorded: RecordedMessages) -> Iterator[AppContext]:
    ctx = new_context(db)
    yield ctx
    for window in list(ctx.windows.values()):
        window.close()
    ctx.close()


def open_page(context: AppContext, event_id: str | None = None) -> EventPage:
    page = context.open_event(event_id)
    assert isinstance(page, EventPage)
    wait_until_active(page)
    settle()
    return page


def choose(qtbot: QtBot, field: Any, text: str) -> None:
    """Find a record by typing part of its name and pressing Enter, as a user does."""
    assert isinstance(field, ChosenRecord | ChosenRecords)
    type_text(qtbot, field.picker, text)
    qtbot.keyClick(field.picker, Qt.Key.Key_Return)


def ok(dialog: Any) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def invitation_tab(page: EventPage) -> InvitationsTab:
    show_tab(page.tabs, "Invitations")
    settle()
    return page.invitations


def select(tab: InvitationsTab, *names: str) -> None:
    rows = [n for n in range(tab.model.rowCount()) if tab.model.record(n).invitee in names]
    assert len(rows) == len(names)
    tab.table.select_rows(rows)


def shown(tab: InvitationsTab, column: int) -> dict[str, str]:
    return {tab.model.record(n).invitee: tab.model.index(n, column).data()
            for n in range(tab.model.rowCount())}


# -- at a glance -------------------------------------------------------------------------------
def test_at_a_glance_says_who_took_part_and_compares_with_the_last_edition(
        context: AppContext, summit: dict[str, Any]) -> None:  # noqa: F811
    page = open_page(context, summit["event"].id)
    assert page.tabs.tabText(1).replace("&", "") == "At a glance"
    page.tabs.setCurrentIndex(1)
    settle()
    # 3 organizations (A, B, C) and Jean Dupont came from Viet Nam, South Africa and France;
    # A's and C's leaders; 2 women of 5; 1 under 35 of the 4 whose birth year is known; the
    # Fatherland Front met for the first time.
    assert page.glance.sentence.text() == (
        "3 parties and organizations and 1 individual from 3 countries; 2 heads of party; "
        "40 % women; 25 % under 35; 1 first-time partner")
    details = page.glance.details.toPlainText()
    assert "First-time partners: Vietnam Fatherland Front." in details
    assert "Countries new to the office: France." in details
    assert "Women: 40 % (2 of the 5 whose gender is recorded)." in details
    assert "Compared with the previous edition: World Political Parties Dialogue 2025" in details
    # the 2nd edition: C alone came — one organization, +2 this year
    assert "Organizations attending\n3\n1\n+2" in details


def test_first_time_partners_are_named_in_the_preferred_script(
        context: AppContext, summit: dict[str, Any], chinese: None,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    front = summit["org"]["B"]
    organizations.update_organization(context.database, front.id, {"name_zh": "越南祖国阵线"},
                                      expected_version=None)
    monkeypatch.setattr(context, "name_preference", lambda: "zh")
    page = open_page(context, summit["event"].id)
    page.tabs.setCurrentIndex(1)
    settle()
    details = page.glance.details.toPlainText()
    assert "首次合作伙伴：越南祖国阵线。" in details
    assert "来自 3 个国家的 3 个政党和组织及 1 位个人；" in page.glance.sentence.text()


# -- replies and attendance ---------------------------------------------------------------------
def test_replies_and_attendance_of_several_rows_at_once_with_undo(
        qtbot: QtBot, context: AppContext) -> None:
    db = context.database
    today = date.today()
    event = events.create_event(db, {"name": "Party forum of the Global South",
                                     "mechanism": "party_forum", "start": today - timedelta(1),
                                     "end": today + timedelta(1), "city": "Hà Nội",
                                     "country": "VN"})
    names = ["Đảng Cộng sản Việt Nam", "Partido Comunista de Cuba", "Frelimo"]
    for name in names:
        invitations.invite(db, event.id, {"organization_id": make_organization(
            db, name=name, country="MZ").id})
    page = open_page(context, event.id)
    tab = invitation_tab(page)
    assert tab.count.text() == "3 invitations"
    select(tab, "Đảng Cộng sản Việt Nam", "Frelimo")
    assert tab.set_selected("attendance", "attended")
    settle()
    assert shown(tab, ATTENDANCE_COLUMN) == {"Đảng Cộng sản Việt Nam": "Attended",
                                             "Partido Comunista de Cuba": "Not recorded",
                                             "Frelimo": "Attended"}
    assert sorted(r.attendance for r in invitations.list_invitations(db, event.id).items) == [
        "attended", "attended", "unknown"]
    # the reply in place: the combo box in a selected row's cell sets every selected row
    select(tab, "Partido Comunista de Cuba", "Frelimo")
    row = next(n for n in range(3) if tab.model.record(n).invitee == "Frelimo")
    tab.model.setData(tab.model.index(row, REPLY), "representative")
    settle()
    assert shown(tab, REPLY)["Partido Comunista de Cuba"] == "Sending a representative"
    saved = {r.invitee: (r.reply, r.replied_on)
             for r in invitations.list_invitations(db, event.id).items}
    assert saved["Frelimo"] == ("representative", today)
    assert saved["Đảng Cộng sản Việt Nam"] == ("none", None)
    page.undo_stack.undo()  # the replies
    settle()
    assert {r.reply for r in invitations.list_invitations(db, event.id).items} == {"none"}
    page.undo_stack.undo()  # the attendance
    settle()
    assert {r.attendance for r in invitations.list_invitations(db, event.id).items} == {
        "unknown"}
    assert set(shown(tab, ATTENDANCE_COLUMN).values()) == {"Not recorded"}
    page.undo_stack.redo()
    assert sorted(r.attendance for r in invitations.list_invitations(db, event.id).items) == [
        "attended", "attended", "unknown"]


def test_a_reply_after_the_event_is_refused_above_the_list(
        context: AppContext, summit: dict[str, Any]) -> None:  # noqa: F811
    page = open_page(context, summit["event"].id)
    tab = invitation_tab(page)
    select(tab, "Die Linke", "Partido dos Trabalhadores")
    assert not tab.set_selected("reply", "accepted")
    assert tab.problems.isVisible()
    assert tab.problems.text().startswith("Die Linke: The event was over on 2026-05-12")
    replies = {r.invitee: r.reply
               for r in invitations.list_invitations(context.database, summit["event"].id).items}
    assert (replies["Die Linke"], replies["Partido dos Trabalhadores"]) == ("none", "declined")
    assert page.undo_stack.count() == 0


def test_an_attendee_who_was_not_invited_is_offered_the_invitation(
        qtbot: QtBot, context: AppContext, summit: dict[str, Any],  # noqa: F811
        recorded: RecordedMessages) -> None:
    db, event = context.database, summit["event"]
    make_organization(db, name="Partido Socialista", country="PT")
    page = open_page(context, event.id)
    tab = invitation_tab(page)
    dialog = tab.record_attendance()
    assert dialog is not None
    choose(qtbot, dialog.organization, "Partido Socialista")
    recorded.confirm_answer = False
    ok(dialog)
    assert recorded.texts("confirm") == [
        "Partido Socialista is not on the invitation list of this event. Add the invitation "
        "and record the attendance?"]
    assert dialog.isVisible() and invitations.list_invitations(db, event.id).total == 6
    recorded.confirm_answer = True
    ok(dialog)
    assert not dialog.isVisible()
    settle()
    assert shown(tab, ATTENDANCE_COLUMN)["Partido Socialista"] == "Attended"
    assert invitations.list_invitations(db, event.id).total == 7
    page.undo_stack.undo()
    settle()
    assert invitations.list_invitations(db, event.id).total == 6
    assert "Partido Socialista" not in shown(tab, ATTENDANCE_COLUMN)


def test_invite_several_at_once_and_undo(qtbot: QtBot, context: AppContext,
                                         summit: dict[str, Any]) -> None:  # noqa: F811
    db, event = context.database, summit["event"]
    make_organization(db, name="Partido Socialista", country="PT")
    make_organization(db, name="Frente Amplio", country="UY")
    page = open_page(context, event.id)
    tab = invitation_tab(page)
    dialog = tab.invite()
    assert dialog is not None
    ok(dialog)  # nobody picked
    assert dialog.problems.text() == "Pick at least one organization or person to invite."
    choose(qtbot, dialog.organizations, "Partido Socialista")
    choose(qtbot, dialog.organizations, "Frente Amplio")
    choose(qtbot, dialog.organizations, "Die Linke")  # already invited: refuses the lot
    dialog.invited_by.setText("Wang Fang")
    ok(dialog)
    assert dialog.isVisible()
    assert dialog.problems.text() == "Die Linke is already invited to this event."
    assert invitations.list_invitations(db, event.id).total == 6
    dialog.organizations.list.setCurrentRow(
        next(n for n in range(3) if dialog.organizations.list.item(n).text() == "Die Linke"))
    dialog.organizations.remove_selected()
    ok(dialog)
    assert not dialog.isVisible()
    settle()
    assert tab.count.text() == "8 invitations"
    invited_by = shown(tab, 2)
    assert (invited_by["Partido Socialista"], invited_by["Frente Amplio"]) == ("Wang Fang",) * 2
    page.undo_stack.undo()
    settle()
    assert tab.count.text() == "6 invitations"


# -- delegations -------------------------------------------------------------------------------
def test_a_head_from_another_organization_is_refused_beside_the_field(
        qtbot: QtBot, context: AppContext, summit: dict[str, Any]) -> None:  # noqa: F811
    db = context.database
    page = open_page(context, summit["event"].id)
    tab = invitation_tab(page)
    select(tab, "Vietnam Fatherland Front")
    delegation = tab.edit_delegation()
    assert delegation is not None
    assert delegation.entries.model.rowCount() == 1  # Đỗ Văn Chiến
    dialog = delegation.entries.add()
    assert isinstance(dialog, EventEntryDialog)
    choose(qtbot, dialog.form.widgets["person_id"], "Trương Thị Mai")
    dialog.form.widgets["role"].setCurrentIndex(dialog.form.widgets["role"].findData("head"))
    ok(dialog)
    assert dialog.isVisible()
    error = dialog.form.errors["person_id"]
    assert error.isVisible() and error.text().startswith(
        "Trương Thị Mai holds a position in Communist Party of Vietnam, not in Vietnam "
        "Fatherland Front")
    assert len(invitations.list_delegates(db, summit["inv"]["B"].id)) == 1
    dialog.form.widgets["role"].setCurrentIndex(dialog.form.widgets["role"].findData("member"))
    type_into(qtbot, dialog.form, "title", "Observer")
    ok(dialog)
    assert not dialog.isVisible()
    assert delegation.entries.model.rowCount() == 2
    assert {(d.person_name, d.role, d.title) for d in invitations.list_delegates(
        db, summit["inv"]["B"].id)} == {("Đỗ Văn Chiến", "member", "Member"),
                                        ("Trương Thị Mai", "member", "Observer")}
    page.undo_stack.undo()
    assert len(invitations.list_delegates(db, summit["inv"]["B"].id)) == 1


# -- sessions ----------------------------------------------------------------------------------
def test_a_session_outside_the_dates_is_refused_and_undo_takes_one_back(
        qtbot: QtBot, context: AppContext, summit: dict[str, Any]) -> None:  # noqa: F811
    db, event = context.database, summit["event"]
    page = open_page(context, event.id)
    show_tab(page.tabs, "Sessions")
    dialog = page.sessions.add()
    assert isinstance(dialog, EventEntryDialog)
    assert dialog.form.value("day") == "2026-05-10"  # the first day
    dialog.form.widgets["day"].edit.setText("2026-05-14")
    type_into(qtbot, dialog.form, "title", "Closing plenary")
    type_into(qtbot, dialog.form, "starts", "09:30")
    choose(qtbot, dialog.form.widgets["speakers"], "Jean Dupont")
    ok(dialog)
    assert dialog.isVisible()
    assert dialog.form.errors["day"].text() == (
        "2026-05-14 is outside the event, which runs from 2026-05-10 to 2026-05-12.")
    assert events.list_sessions(db, event.id) == []
    dialog.form.widgets["day"].edit.setText("2026-05-12")
    ok(dialog)
    assert not dialog.isVisible()
    assert [page.sessions.model.index(0, n).data() for n in (1, 2, 4)] == [
        "09:30", "Closing plenary", "Jean Dupont"]
    page.undo_stack.undo()
    assert events.list_sessions(db, event.id) == []
    page.undo_stack.redo()
    assert [s.title for s in events.list_sessions(db, event.id)] == ["Closing plenary"]


# -- the profile -------------------------------------------------------------------------------
def test_a_new_event_with_its_series_and_co_organizers(
        qtbot: QtBot, context: AppContext, summit: dict[str, Any]) -> None:  # noqa: F811
    page = open_page(context)
    assert not page.tabs.isTabEnabled(1)
    type_into(qtbot, page.form, "name", "World Political Parties Dialogue 2027")
    type_into(qtbot, page.form, "series", "World Parties Dialogue")
    type_into(qtbot, page.form, "edition", "4")
    type_into(qtbot, page.form, "start", "2027-06-01")
    type_into(qtbot, page.form, "end", "2027-05-30")
    choose(qtbot, page.form.widgets["co_organizers"], "African National")
    assert not page.save()
    assert page.form.errors["end"].text() == "The end date is before the start date."
    assert events.list_events(context.database).total == 2
    page.form.widgets["end"].edit.setText("2027-06-03")
    page.form.widgets["online"].setChecked(True)
    assert page.save()
    saved = events.get_event(context.database, page.record_id or "")
    assert (saved.edition, saved.online, [n for _i, n in saved.co_organizers]) == (
        4, True, ["African National Congress"])
    assert page.tabs.isTabEnabled(1)
    assert events.previous_edition(context.database, saved.id).id == summit["event"].id
