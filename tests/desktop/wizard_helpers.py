"""What the import wizard's tests share: the colleague's party list and driving the wizard as a
user does (the `wizard` fixture is in conftest.py)."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from db.services.organizations import OrganizationFilter, list_organizations
from db.store.engine import Database
from desktop.dialogs.import_wizard.wizard import ImportWizard

LEFT = Qt.MouseButton.LeftButton
JOB_TIMEOUT = 20_000

# A colleague's party list: a title above the header, data from column B, Chinese headers, and
# a country Liaison does not know on the third party's row.
PARTIES = [
    ["政党名称", "简称", "国家", "成立时间", "网址", "备注"],
    ["非洲人国民大会", "ANC", "南非", datetime(1912, 1, 8), "www.anc1912.org.za", "执政党"],
    ["莫桑比克解放阵线党", "Frelimo", "Mozambique", datetime(1962, 6, 25), None, None],
    ["Narnia Party", "NP", "Narnia", 1950, None, None],
    ["Sozialdemokratische Partei Deutschlands", "SPD", "DEU", 1863, "https://www.spd.de",
     "Zürich office"],
]


def write_party_list(path: Path, rows: list[list[Any]] = PARTIES) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "名单"
    ws.append([])
    ws.append([None, "合作政党名单 2024"])
    ws.append([])
    for row in rows:
        ws.append([None, *row])  # header in row 4, data in rows 5-8, from column B
    wb.save(path)
    return path


def write_csv(path: Path, rows: list[list[Any]], encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def organization_names(db: Database) -> list[str]:
    return sorted(o.name for o in list_organizations(db, OrganizationFilter(), limit=100).items)


def choose(wizard: ImportWizard, qtbot: QtBot, path: Path,
           monkeypatch: pytest.MonkeyPatch) -> None:
    """Browse… and pick `path`, as the user does in the file dialog."""
    monkeypatch.setattr(wizard, "choose_file", lambda: str(path))
    qtbot.mouseClick(wizard.file_page.browse_button, LEFT)


def click_next(wizard: ImportWizard, qtbot: QtBot, expected: int) -> None:
    """Click Next (or the page's commit button, “Import”) and wait for the page — and for the
    plan when the wizard builds it on the way."""
    button = wizard.button(QWizard.WizardButton.NextButton)
    if not button.isVisible():
        button = wizard.button(QWizard.WizardButton.CommitButton)
    assert button.isEnabled(), f"Next is disabled on page {wizard.currentId()}"
    qtbot.mouseClick(button, LEFT)
    qtbot.waitUntil(lambda: wizard.currentId() == expected, timeout=JOB_TIMEOUT)


def wait_for_plan(wizard: ImportWizard, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: wizard.plan_job is None or not wizard.plan_job.running,
                    timeout=JOB_TIMEOUT)


def next_enabled(wizard: ImportWizard) -> bool:
    for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.CommitButton):
        button = wizard.button(which)
        if button.isVisible():
            return button.isEnabled()
    return False
