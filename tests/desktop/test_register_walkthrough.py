"""Issue 18's "Done when", as a new user goes through it: a colleague's party list imported on
top of the register, the duplicate scan run, the real pairs merged and the rest marked, one merge
taken back, and a party's page saying when its relationship level rose and why."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db.services import levels, organizations
from db.services.duplicates import scan_duplicates
from db.services.not_duplicates import mark_not_duplicate
from desktop import i18n
from desktop.context import AppContext
from desktop.entry import main as liaison
from desktop.views.organization_page import OrganizationPage
from tests.db.factories import make_organization
from tests.desktop.helpers import column_texts, show_tab, wait_until_active


@pytest.fixture
def english(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("LANGUAGE", "en")
    i18n.install("en")
    yield
    i18n.install("en")


def run(context: AppContext, capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    capsys.readouterr()
    target = str(context.database.path)
    assert liaison(["--db", target, *argv]) == 0, (argv, capsys.readouterr().err)
    return capsys.readouterr().out


def test_a_colleagues_list_cleaned_into_the_register(context: AppContext, qtbot: QtBot,
                                                     tmp_path: Path, english: None,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    db = context.database
    russia = make_organization(db, name="Единая Россия", country="RU")
    greece = make_organization(db, name="Κομμουνιστικό Κόμμα Ελλάδας", abbreviation="ΚΚΕ",
                               country="GR")
    frelimo = make_organization(db, name="Frente de Libertação de Moçambique",
                                abbreviation="FRELIMO", country="MZ")
    spd = make_organization(db, name="Sozialdemokratische Partei Deutschlands",
                            abbreviation="SPD", country="DE")

    # The colleague's list: parties as colleagues write them, in Latin letters, and a new one.
    book = tmp_path / "partners.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Party", "Abbreviation", "Country"])
    sheet.append(["Yedinaya Rossiya", None, "Russia"])
    sheet.append(["Kommounistiko Komma Elladas", "KKE", "Greece"])
    sheet.append(["Frelimo", None, "Mozambique"])  # the import knows this one already
    sheet.append(["Sozialistische Partei Deutschlands", None, "Germany"])  # another party
    sheet.append(["Frente Amplio", "FA", "Uruguay"])
    workbook.save(book)
    run(context, capsys, "import", str(book), "--as", "organizations")
    assert organizations.list_organizations(db).total == 8

    # The scan finds the pairs across scripts; the real ones are merged, the rest marked.
    found = json.loads(run(context, capsys, "duplicates", "--json"))["pairs"]
    pairs = {frozenset((p["first"]["id"], p["second"]["id"])): p for p in found}
    real: dict[str, str] = {}
    for survivor in (russia, greece):
        [match] = [key for key in pairs if survivor.id in key]
        real[survivor.id] = next(iter(match - {survivor.id}))
    others = [pair for key, pair in pairs.items() if not key & set(real)]
    assert [sorted((p["first"]["name"], p["second"]["name"])) for p in others] == [
        ["Sozialdemokratische Partei Deutschlands", "Sozialistische Partei Deutschlands"]]
    for pair in others:
        mark_not_duplicate(db, "organization", pair["first"]["id"], pair["second"]["id"])
    batches: dict[str, str] = {}
    for kept_id, other_id in real.items():
        said = json.loads(run(context, capsys, "merge-records", kept_id, other_id, "--json"))
        batches[kept_id] = said["batch_id"]
    assert organizations.list_organizations(db).total == 6
    assert scan_duplicates(db, "organization") == []
    kept = organizations.get_organization(db, russia.id)  # the newer name by default
    assert {kept.name, *kept.aliases} >= {"Единая Россия", "Yedinaya Rossiya"}

    # One merge taken back: the two Greek records are two again.
    run(context, capsys, "undo", batches[greece.id])
    assert organizations.list_organizations(db).total == 7
    assert organizations.get_organization(db, real[greece.id]).name == (
        "Kommounistiko Komma Elladas")
    assert spd.id and frelimo.id

    # When and why the relationship rose, on the party's page.
    levels.change_level(db, frelimo.id, "regular", effective=date(2015, 9, 14),
                        reason="First delegation exchange")
    levels.change_level(db, frelimo.id, "strategic", effective=date(2021, 7, 1),
                        reason="Cooperation agreement signed for 2021–2025")
    page = context.open_organization(frelimo.id)
    assert isinstance(page, OrganizationPage)
    wait_until_active(page)
    show_tab(page.tabs, "Level")
    tab = page.levels_tab
    qtbot.waitUntil(lambda: tab.table.model().rowCount() == 2)
    texts = column_texts(tab.table.model(), 2)
    assert texts == ["Cooperation agreement signed for 2021–2025", "First delegation exchange"]
    assert "Strategic partner" in tab.summary.text()
