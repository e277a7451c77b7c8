"""Contacts through the import wizard, as a user brings them: an iPhone vCard export and a
Chinese Outlook's CSV (GB18030, an e-mail and phone column each, Title beside Job Title) go
from the file page to the result without touching the mapping."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from db.services.people import PersonFilter, list_people
from desktop.context import AppContext
from desktop.dialogs.import_wizard.wizard import (
    CHECK,
    COLUMNS,
    HEADER,
    RESULT,
    REVIEW,
    ImportWizard,
)
from tests.desktop.wizard_helpers import choose, click_next

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "contacts"


@pytest.mark.parametrize(("file", "format_name"), [("iphone.vcf", "Contact cards (vCard)"),
                                                   ("outlook.csv", "Text table (CSV)")])
def test_contacts_import_without_touching_the_mapping(
        wizard: ImportWizard, context: AppContext, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch, file: str, format_name: str) -> None:
    choose(wizard, qtbot, FIXTURES / file, monkeypatch)
    assert format_name in wizard.file_page.facts_label.text()
    click_next(wizard, qtbot, HEADER)
    assert wizard.header_page.kind_buttons["people"].isChecked()
    click_next(wizard, qtbot, COLUMNS)
    chosen = [combo.currentData() for combo in wizard.columns_page.combos]
    assert chosen.count("emails") >= 1
    assert "name" in chosen or "first_name" in chosen
    click_next(wizard, qtbot, CHECK)
    click_next(wizard, qtbot, REVIEW)
    click_next(wizard, qtbot, RESULT)
    assert wizard.imported is not None
    people = {p.name: p for p in list_people(context.database, PersonFilter(), limit=50).items}
    assert {"王芳", "Thandi Modise"} <= set(people)
    assert people["王芳"].emails[0] == "wangfang@idcpc.example.cn"
    assert "+8613800138000" in people["王芳"].phones
