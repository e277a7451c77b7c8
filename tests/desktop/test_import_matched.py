"""The Review page when every row matches a record already in Liaison (issue 13, item 6): it
says what matched and what updating or filling blanks would change, and switches right there."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from db.services import organizations
from desktop.context import AppContext
from desktop.dialogs.import_wizard.wizard import (
    CHECK,
    COLUMNS,
    HEADER,
    RESULT,
    REVIEW,
    ImportWizard,
)
from tests.db.test_import_matched import known_register, write_known_parties
from tests.desktop.wizard_helpers import LEFT, choose, click_next, next_enabled, wait_for_plan


def test_known_parties_offer_update_or_fill_and_fill_writes_only_blanks(
        wizard: ImportWizard, context: AppContext, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    ids = known_register(context.database)
    choose(wizard, qtbot, write_known_parties(tmp_path / "已有政党.csv"), monkeypatch)
    click_next(wizard, qtbot, HEADER)
    click_next(wizard, qtbot, COLUMNS)
    click_next(wizard, qtbot, CHECK)
    click_next(wizard, qtbot, REVIEW)
    page = wizard.review_page
    offer = page.policy_offer
    assert offer.isVisibleTo(page)
    text = offer.text.text()
    assert "<b>2 rows</b> match records already in Liaison" in text
    assert "Phone (2)" in text and "Notes (2)" in text
    assert "Filling only their blank fields would change" in text and "2 records" in text
    assert "Nothing is written as things stand" in page.notice.text.text()
    assert "Nothing to import" not in page.notice.text.text()
    assert page.nextId() == -1, "nothing to write: the page finishes, it does not import"

    qtbot.mouseClick(offer.fill_button, LEFT)
    wait_for_plan(wizard, qtbot)
    qtbot.waitUntil(lambda: wizard.plan is not None and wizard.plan.options.on_duplicate == "fill")
    assert wizard.on_duplicate == "fill"
    assert [row.action for row in wizard.plan.rows] == ["update", "update", "unchanged"]
    assert not offer.isVisibleTo(page) and not page.notice.isVisibleTo(page)
    qtbot.waitUntil(lambda: next_enabled(wizard))
    click_next(wizard, qtbot, RESULT)
    anc = organizations.get_organization(context.database, ids["anc"])
    frelimo = organizations.get_organization(context.database, ids["frelimo"])
    assert (anc.phone, anc.notes) == ("+27110000000", "2024年互访")
    assert (frelimo.phone, frelimo.notes) == ("+25821300100", "老朋友")
