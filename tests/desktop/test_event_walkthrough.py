"""Issue 17's "Done when", as a new user goes through it: a 250-invitee meeting set up from a
colleague's spreadsheet (`liaison import --invitations-for`), replies, delegations and
attendance recorded, the sentence the office reports read on the event page and compared with
the previous edition, and the invitation list exported for a colleague who sends it back with
corrections."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db.services import event_figures, events, invitations
from db.store.engine import Database
from desktop import i18n
from desktop.context import AppContext
from desktop.entry import main as liaison
from desktop.views.event_page import EventPage
from desktop.widgets.event_glance import glance_sentence
from tests.db.factories import make_organization, make_person
from tests.db.test_invitations_import import party_list
from tests.desktop.helpers import show_tab, wait_until_active

START = date(2025, 10, 20)


@pytest.fixture
def english(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("LANGUAGE", "en")
    i18n.install("en")
    yield
    i18n.install("en")


def run(db: Database, *argv: str) -> None:
    target = db.url if db.path is None else str(db.path)
    assert liaison(["--db", target, *argv]) == 0, argv


def test_a_250_invitee_meeting_from_a_spreadsheet(context: AppContext, qtbot: QtBot,
                                                  tmp_path: Path, english: None,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    db = context.database
    # What the office had: the previous edition, with one party that came.
    cpv = make_organization(db, name="Đảng Cộng sản Việt Nam", name_zh="越南共产党",
                            country="VN")
    make_organization(db, name="African National Congress", aliases=["ANC"], country="ZA")
    make_person(db, name="Tô Lâm", nationality="VN")
    before = events.create_event(db, {
        "name": "High-level Meeting 2024", "series": "High-level Meeting", "edition": 2,
        "mechanism": "high_level_meeting", "start": date(2024, 10, 20), "country": "CN"})
    invitations.invite(db, before.id, {"organization_id": cpv.id, "reply": "accepted",
                                       "attendance": "attended"})
    meeting = events.create_event(db, {
        "name": "High-level Meeting 2025", "series": "High-level Meeting", "edition": 3,
        "mechanism": "high_level_meeting", "start": START, "end": date(2025, 10, 22),
        "city": "Beijing", "country": "CN"})

    # The colleague's list: 250 parties from 40 countries, two rows in error skipped.
    sheet = tmp_path / "邀请名单.xlsx"
    party_list(db, sheet)
    run(db, "import", str(sheet), "--invitations-for", meeting.id, "--skip-invalid")
    page = invitations.list_invitations(db, meeting.id, limit=1000)
    assert page.total == 250

    # Replies, a delegation and attendance recorded afterwards.
    silent = [item for item in page.items if item.reply == "none"][:3]
    for item in silent:
        invitations.record_reply(db, item.id, "accepted", replied_on=date(2025, 10, 1))
    first = silent[0]
    member = make_person(db, name="Nguyễn Thị Bình", gender="female", birth_year=1990)
    invitations.add_delegate(db, first.id, {"person_id": member.id})
    for item in silent:
        invitations.update_invitation(db, item.id, {"attendance": "attended"},
                                      expected_version=None)

    # The sentence, on the event page, and beside the previous edition.
    figures = event_figures.event_figures(db, meeting.id)
    sentence = glance_sentence(figures)
    assert re.match(r"\d+ parties and organizations .*from \d+ countries; \d+ heads? of "
                    r"party; .*; .*; \d+ first-time partners?", sentence), sentence
    assert figures.invited.organizations == 250 and figures.invited.countries == 40
    assert figures.profile.first_time_partners  # parties new to the office came
    window = context.open_event(meeting.id)
    assert isinstance(window, EventPage)
    wait_until_active(window)
    show_tab(window.tabs, "At a glance")
    qtbot.waitUntil(lambda: sentence in _texts(window), timeout=10_000)
    previous = events.previous_edition(db, meeting.id)
    assert previous is not None and previous.id == before.id
    assert "High-level Meeting 2024" in _texts(window)

    # The list goes to a colleague, who corrects two replies and sends it back.
    book = tmp_path / "meeting.xlsx"
    run(db, "export", str(book), "--event", meeting.id)
    workbook = openpyxl.load_workbook(book)
    rows = workbook["invitations"]
    headers = [cell.value for cell in rows[1]]
    corrected: list[str] = []
    for row in rows.iter_rows(min_row=2):
        if row[headers.index("reply")].value == "declined" and len(corrected) < 2:
            row[headers.index("reply")].value = "representative"
            corrected.append(row[headers.index("id")].value)
    workbook.save(book)
    capsys.readouterr()
    run(db, "import", str(book))
    assert [invitations.get_invitation(db, i).reply for i in corrected] == [
        "representative", "representative"]


def _texts(window: EventPage) -> str:
    """Every text the page shows: labels and rich text."""
    from PySide6.QtWidgets import QLabel, QTextBrowser

    found = [label.text() for label in window.findChildren(QLabel)]
    found += [browser.toPlainText() for browser in window.findChildren(QTextBrowser)]
    return "\n".join(found)
