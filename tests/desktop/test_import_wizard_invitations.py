"""The import wizard takes a colleague's invitation list (issue 17, item 2): the rows are
“Invitations to an event”, the user chooses the event, the bilingual headers map themselves,
and each party becomes an invitation with its leader at the head of the delegation; undone
from the result page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from pytestqt.qtbot import QtBot

from db.services import events, invitations
from desktop.context import AppContext
from desktop.dialogs.import_wizard.wizard import (
    CHECK,
    COLUMNS,
    HEADER,
    RESULT,
    REVIEW,
    ImportWizard,
)
from tests.db.factories import make_organization
from tests.desktop.wizard_helpers import JOB_TIMEOUT, LEFT, choose, click_next, next_enabled


def write_invitation_list(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["国家/Country", "政党名称/Party", "领导人/Leader", "职务/Title", "回复/Reply",
               "出席/Attended", "人数/Delegation size"])
    ws.append(["越南", "越南共产党", "Tô Lâm", "总书记", "接受", "是", 6])
    ws.append(["Brazil", "Partido dos Trabalhadores", "Gleisi Hoffmann", "Presidenta",
               "Declined", "否", None])
    ws.append(["RUS", "Единая Россия", "Дмитрий Медведев", "Председатель", None, None, None])
    wb.save(path)
    return path


def test_a_list_of_parties_becomes_invitations_to_the_chosen_event(
        wizard: ImportWizard, context: AppContext, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    db = context.database
    make_organization(db, name="Communist Party of Vietnam", name_zh="越南共产党", country="VN")
    events.create_event(db, {"name": "Party Forum 2024", "start": date(2024, 5, 1)})
    summit = events.create_event(db, {"name": "High-level Meeting", "start": date(2025, 10, 20),
                                      "mechanism": "high_level_meeting"})
    choose(wizard, qtbot, write_invitation_list(tmp_path / "invitations.xlsx"), monkeypatch)
    click_next(wizard, qtbot, HEADER)
    page = wizard.header_page
    assert not page.event_combo.isVisibleTo(page)  # guessed organizations: no event to choose
    qtbot.mouseClick(page.kind_buttons["invitations"], LEFT)
    assert page.event_combo.isVisibleTo(page)
    assert page.event_combo.count() == 2 and page.event_combo.currentIndex() == -1
    assert not next_enabled(wizard)  # no event chosen yet
    page.event_combo.setCurrentIndex(page.event_combo.findData(summit.id))
    assert "High-level Meeting" in page.event_combo.currentText()
    assert next_enabled(wizard)
    page.grab().save(str(tmp_path / "header.png"))

    click_next(wizard, qtbot, COLUMNS)
    columns = wizard.columns_page
    chosen = {columns.headers[i]: combo.currentData() for i, combo in enumerate(columns.combos)}
    assert chosen == {"国家/Country": "country", "政党名称/Party": "organization",
                      "领导人/Leader": "leader", "职务/Title": "title", "回复/Reply": "reply",
                      "出席/Attended": "attendance", "人数/Delegation size": "delegation_size"}

    click_next(wizard, qtbot, CHECK)  # no problems
    click_next(wizard, qtbot, REVIEW)
    assert wizard.plan is not None and wizard.plan.counts()["invitations"]["created"] == 3
    click_next(wizard, qtbot, RESULT)
    assert wizard.imported is not None
    page_ = invitations.list_invitations(db, summit.id)
    assert page_.total == 3
    by_name = {item.invitee: item for item in page_.items}
    cpv = by_name["Communist Party of Vietnam"]
    assert (cpv.reply, cpv.attendance, cpv.delegation_size, cpv.head_name) == (
        "accepted", "attended", 6, "Tô Lâm")
    job = wizard.result_page.undo()
    assert job is not None
    qtbot.waitUntil(lambda: not job.running, timeout=JOB_TIMEOUT)
    assert invitations.list_invitations(db, summit.id).total == 0
