"""A visit on a participant's timeline (issue 16): one row with the visit's dates as a range
that opens to its meetings; Enter opens the visit or the meeting; a long timeline still pages,
its visits opening on every page. Real widgets on a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from db.services import programme, visits
from db.services.visit_timeline import TimelineEntry, VisitMeeting
from desktop.context import AppContext
from desktop.qtmodels.paged import RECORD_ROLE
from desktop.qtmodels.timeline import BRANCH_ROLE, DEPTH_ROLE
from desktop.views.organization_page import OrganizationPage
from desktop.views.timeline import TimelineTab
from tests.db.factories import make_interaction, make_organization, make_person
from tests.desktop.helpers import all_rows, records, settle, show_tab, wait_until_active

START = date(2026, 10, 12)
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def trip(context: AppContext) -> dict[str, str]:
    """An outbound visit with two meetings: the CPV at the first, the city committee at the
    second; a letter before and one after."""
    db = context.database
    ours = make_organization(db, name="Partido dos Trabalhadores", country="BR")
    cpv = make_organization(db, name="Communist Party of Vietnam", country="VN")
    city = make_organization(db, name="Ho Chi Minh City Party Committee", country="VN")
    head = make_person(db, name="Gleisi Hoffmann")
    visit = visits.create_visit(db, {
        "title": "PT delegation to Viet Nam", "direction": "outbound", "status": "done",
        "start": START, "end": START + timedelta(days=4), "country": "VN",
        "host_id": cpv.id, "guest_id": ours.id})
    visits.add_member(db, visit.id, {"person_id": head.id, "side": "guest", "role": "head"})
    visits.add_member(db, visit.id, {"organization_id": city.id, "side": "host"})
    first = programme.add_item(db, visit.id, {
        "day": START, "kind": "talks", "title": "Talks with the CPV", "city": "Hà Nội",
        "starts": "10:00"}, participants=[{"organization_id": cpv.id, "role": "host"},
                                          {"person_id": head.id, "role": "delegation_head"}])
    second = programme.add_item(db, visit.id, {
        "day": START + timedelta(days=2), "kind": "meeting", "title": "City committee",
        "city": "Thành phố Hồ Chí Minh"},
        participants=[{"organization_id": city.id, "role": "host"},
                      {"person_id": head.id, "role": "delegation_head"}])
    before = make_interaction(db, organizations_=[cpv.id], title="Letter of invitation",
                              kind="letter", start="2026-08-01")
    after = make_interaction(db, organizations_=[cpv.id], title="Thank-you letter",
                             kind="letter", start="2026-11-02")
    assert first.interaction_id and second.interaction_id
    return {"visit": visit.id, "cpv": cpv.id, "ours": ours.id, "head": head.id,
            "first": first.interaction_id, "second": second.interaction_id,
            "before": before.id, "after": after.id}


@pytest.fixture
def opened(context: AppContext, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, Any]]:
    calls: list[tuple[str, Any]] = []
    monkeypatch.setattr(context, "open_visit",
                        lambda visit_id=None, initial=None: calls.append(("visit", visit_id)))
    monkeypatch.setattr(context, "open_interaction",
                        lambda interaction_id=None, **kw: calls.append(
                            ("interaction", interaction_id)))
    return calls


def timeline_of(context: AppContext, qtbot: QtBot, side: str, owner_id: str) -> TimelineTab:
    tab = TimelineTab(context, side, {"VN": "Viet Nam", "BR": "Brazil"})  # type: ignore[arg-type]
    qtbot.addWidget(tab)
    tab.resize(1100, 420)
    tab.show()
    tab.set_owner(owner_id)
    with qtbot.waitSignal(tab.model.arrived):
        tab.reload()
    return tab


def row_texts(tab: TimelineTab, row: int) -> list[str]:
    return [tab.model.index(row, column).data() for column in range(5)]


def test_a_visit_is_one_row_that_opens_to_its_meetings(
        context: AppContext, qtbot: QtBot, qtmodeltester: ModelTester,
        trip: dict[str, str]) -> None:
    tab = timeline_of(context, qtbot, "organization", trip["cpv"])
    model = tab.model
    qtmodeltester.check(model)
    assert [r.id for r in records(model)] == [trip["after"], trip["visit"], trip["before"]]
    assert row_texts(tab, 1) == ["2026-10-12 – 10-16", "Visit: outbound",
                                 "PT delegation to Viet Nam", "Partido dos Trabalhadores",
                                 "Viet Nam"]
    assert model.index(1, 0).data(Qt.ItemDataRole.DecorationRole) is not None
    assert tab.count_label.text() == "1 visit and 2 interactions"
    # The meetings are under the visit, shown when it is opened, not rows of their own.
    assert model.index(1, 0).data(BRANCH_ROLE) is False
    assert model.index(0, 0).data(BRANCH_ROLE) is None
    assert model.rowCount() == 3 and model.can_open(1) and not model.can_open(0)
    tab.table.setFocus()
    tab.table.select_row(1)
    qtbot.keyClick(tab.table, Qt.Key.Key_Right)
    assert model.is_open(1) and model.rowCount() == 5 and model.total == 3
    assert model.index(1, 0).data(BRANCH_ROLE) is True
    assert row_texts(tab, 2) == ["2026-10-12 10:00", "Talks", "Talks with the CPV",
                                 "Gleisi Hoffmann", "Hà Nội"]
    assert row_texts(tab, 3)[:3] == ["2026-10-14", "Meeting", "City committee"]
    assert [model.index(r, 0).data(DEPTH_ROLE) for r in range(5)] == [0, 0, 1, 1, 0]
    assert row_texts(tab, 4)[2] == "Letter of invitation"
    # The meeting the page's own record attended stands out.
    font = model.index(2, 2).data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert model.index(3, 2).data(Qt.ItemDataRole.FontRole) is None
    meeting = model.index(2, 0).data(RECORD_ROLE)
    assert isinstance(meeting, VisitMeeting) and meeting.id == trip["first"]
    # ← on a meeting goes back to its visit; ← again closes it.
    tab.table.select_row(3)
    qtbot.keyClick(tab.table, Qt.Key.Key_Left)
    assert tab.table.current_row() == 1 and model.is_open(1)
    qtbot.keyClick(tab.table, Qt.Key.Key_Left)
    assert not model.is_open(1) and model.rowCount() == 3
    # A click on the arrow opens it.
    rect = tab.table.visualRect(model.index(1, 0))
    qtbot.mouseClick(tab.table.viewport(), LEFT, pos=QPoint(rect.left() + 8, rect.center().y()))
    assert model.is_open(1) and tab.table.current_row() == 1


def test_enter_opens_the_visit_or_the_meeting(
        context: AppContext, qtbot: QtBot, trip: dict[str, str],
        opened: list[tuple[str, Any]]) -> None:
    tab = timeline_of(context, qtbot, "person", trip["head"])
    assert [r.id for r in records(tab.model)] == [trip["visit"]]
    assert tab.count_label.text() == "1 visit and no other interactions"
    tab.table.setFocus()
    tab.table.select_row(0)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert opened == [("visit", trip["visit"])]
    # A double-click opens the visit too, and does not open its meetings.
    where = tab.table.visualRect(tab.model.index(0, 2)).center()
    qtbot.mouseClick(tab.table.viewport(), LEFT, pos=where)  # a double-click starts as a click
    qtbot.mouseDClick(tab.table.viewport(), LEFT, pos=where)
    assert opened[-1] == ("visit", trip["visit"]) and len(opened) == 2
    assert not tab.model.is_open(0)
    assert tab.model.open_row(0)
    tab.table.select_row(2)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert opened[-1] == ("interaction", trip["second"])
    tab.table.select_row(1)
    qtbot.mouseClick(tab.open_button, LEFT)
    assert opened[-1] == ("interaction", trip["first"])


def test_a_long_timeline_pages_and_every_page_s_visits_open(
        context: AppContext, qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    db = context.database
    party = make_organization(db, name="Frente Amplio", country="UY")
    guest = make_organization(db, name="Partido Socialista", country="CL")
    for number in range(260):
        make_interaction(db, organizations_=[party.id], title=f"Talks {number}",
                         start=date(2020, 1, 1) + timedelta(days=7 * number))
    made = []
    for number in range(5):  # spread over the pages: the oldest at row ~250
        day = date(2020, 1, 3) + timedelta(days=7 * 55 * number)
        visit = visits.create_visit(db, {"title": f"Visit {number}", "direction": "inbound",
                                         "start": day, "host_id": party.id,
                                         "guest_id": guest.id})
        programme.add_item(db, visit.id, {"day": day, "kind": "talks",
                                          "title": f"Talks of visit {number}"},
                           participants=[{"organization_id": party.id, "role": "host"},
                                         {"organization_id": guest.id, "role": "guest"}])
        made.append(visit.id)
    tab = timeline_of(context, qtbot, "organization", party.id)
    model = tab.model
    assert model.total == 265 and model.page_size == 100
    assert tab.count_label.text() == "5 visits and 260 interactions"
    assert len(model.pages) == 1  # only the first page is read until the others are needed
    qtmodeltester.check(model)  # and it keeps watching as rows open and close
    entries = records(model)  # reads every page
    assert len(entries) == 265 and len(model.pages) == 3
    assert [e.start for e in entries] == sorted((e.start for e in entries), reverse=True)
    visit_rows = [row for row, e in enumerate(entries) if e.visit is not None]
    assert {entries[row].id for row in visit_rows} == set(made)
    assert max(visit_rows) >= 200  # on the third page
    for row in reversed(visit_rows):  # from the bottom, so the rows above stay where they are
        assert model.open_row(row)
        assert model.index(row + 1, 2).data().startswith("Talks of visit")
    assert model.rowCount() == 270
    # Rows below the open visits moved down by their meetings; the last row is the oldest.
    shown = [model.record(row) for row in range(model.rowCount())]
    assert shown[-1] == entries[-1]
    assert [type(r).__name__ for r in shown].count("VisitMeeting") == 5
    assert model.row_of(entries[visit_rows[-1]].id) == visit_rows[-1] + 4
    model.close_row(model.row_of(made[0]) or 0)
    assert model.rowCount() == 269
    tab.table.scrollToBottom()
    settle()
    last = entries[-1].interaction
    assert last is not None and model.index(268, 2).data() == last.title


def test_a_reload_keeps_the_open_visit_open_and_the_selection(
        context: AppContext, qtbot: QtBot, trip: dict[str, str]) -> None:
    tab = timeline_of(context, qtbot, "organization", trip["cpv"])
    assert tab.model.open_row(1)
    tab.table.select_row(1)
    make_interaction(context.database, organizations_=[trip["cpv"]], title="Newest",
                     start="2027-01-05")
    with qtbot.waitSignal(tab.model.arrived):
        tab.reload()
    assert [r.id for r in records(tab.model)][2] == trip["visit"]
    assert tab.model.is_open(2) and tab.model.rowCount() == 6
    current = tab.table.current_record()
    assert isinstance(current, TimelineEntry) and current.id == trip["visit"]


def test_the_organization_page_shows_its_visits(
        context: AppContext, qtbot: QtBot, trip: dict[str, str]) -> None:
    page = context.open_organization(trip["ours"])
    assert isinstance(page, OrganizationPage)
    wait_until_active(page)
    show_tab(page.tabs, "Timeline")
    qtbot.waitUntil(lambda: page.timeline_tab.model.total == 1)
    assert all_rows(page.timeline_tab.model) == 1
    assert page.timeline_tab.model.index(0, 3).data() == "Communist Party of Vietnam"
    assert page.timeline_tab.model.open_row(0) and page.timeline_tab.model.rowCount() == 3


@pytest.fixture
def chinese(qapp: object) -> Iterator[None]:
    from db.store import translation
    from desktop import i18n

    assert i18n.install("zh_CN") == "zh_CN"
    try:
        yield
    finally:
        i18n.install("en")
        translation.set_language("en")


def test_in_chinese_the_meetings_read_in_chinese(
        context: AppContext, qtbot: QtBot, trip: dict[str, str], chinese: None) -> None:
    tab = timeline_of(context, qtbot, "organization", trip["cpv"])
    assert tab.model.index(1, 0).data() == "2026-10-12 – 10-16"
    assert tab.model.open_row(1)
    assert [tab.model.index(row, 1).data() for row in (2, 3)] == ["会谈", "会见"]
    assert tab.model.headerData(0, Qt.Orientation.Horizontal) != "Date"
