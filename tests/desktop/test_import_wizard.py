"""The import wizard and the Undo an import dialog, driven like a user would on real .xlsx and
.csv files made in a temp folder, against a real SQLite file."""

from __future__ import annotations

import csv
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from db.engine import Database
from db.exchange import importer
from db.exchange.importer import apply_plan, build_plan, list_batches
from db.exchange.plan import ImportOptions, Resolution
from db.exchange.writer import write_workbook
from db.services.organizations import (
    OrganizationFilter,
    get_organization,
    list_organizations,
    update_organization,
)
from db.services.people import PersonFilter, get_person, list_people
from desktop.context import AppContext
from desktop.dialogs import import_run
from desktop.dialogs.import_wizard import (
    CHECK,
    COLUMNS,
    FILE,
    HEADER,
    IMPORT,
    RESULT,
    REVIEW,
    SHEET,
    ImportWizard,
)
from desktop.dialogs.undo_import import UndoImportDialog
from desktop.main_window import MainWindow
from desktop.qtmodels.import_plan import ConflictChoices, PlanTreeModel
from desktop.qtmodels.import_preview import PreviewModel
from tests.db.factories import make_organization, make_person
from tests.desktop.conftest import RecordedMessages

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


@pytest.fixture
def wizard(context: AppContext, qtbot: QtBot) -> Iterator[ImportWizard]:
    dialog = ImportWizard(context)
    qtbot.addWidget(dialog)
    dialog.show()
    yield dialog
    context.wait_for_jobs()


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


# ---------------------------------------------------------------------------------------------

def test_a_chinese_party_list_is_mapped_checked_fixed_imported_and_undone(
        wizard: ImportWizard, context: AppContext, qtbot: QtBot, tmp_path: Path,
        recorded: RecordedMessages, monkeypatch: pytest.MonkeyPatch) -> None:
    db = context.database
    path = write_party_list(tmp_path / "合作政党.xlsx")
    choose(wizard, qtbot, path, monkeypatch)
    assert "Excel workbook (.xlsx)" in wizard.file_page.facts_label.text()
    assert next_enabled(wizard)

    click_next(wizard, qtbot, HEADER)  # one sheet: no sheet page
    page = wizard.header_page
    assert page.header_spin.value() == 4  # below the title row
    assert page.model.header_row == 4
    assert page.model.index(3, 1).data() == "政党名称"
    assert page.model.headerData(3, Qt.Orientation.Vertical) == "4"  # the sheet's numbers
    assert page.kind_buttons["organizations"].isChecked()

    click_next(wizard, qtbot, COLUMNS)
    columns = wizard.columns_page
    chosen = {columns.headers[i]: combo.currentData() for i, combo in enumerate(columns.combos)}
    assert chosen == {"": None, "政党名称": "name", "简称": "abbreviation", "国家": "country",
                      "成立时间": "founded", "网址": "website", "备注": "notes"}
    assert columns.table.isRowHidden(0)  # column A holds nothing
    assert not columns.dates_box.isVisibleTo(columns)  # no dates to read two ways

    click_next(wizard, qtbot, CHECK)
    check = wizard.check_page
    problems = check.model.records
    assert [(p.severity, p.note.sheet, p.note.row, p.note.column) for p in problems] == [
        ("error", "名单", 7, "国家")]
    assert "Narnia" in problems[0].note.message
    assert "1 error" in check.summary.text()
    assert not next_enabled(wizard)  # errors remain and skipping is off
    assert organization_names(db) == []  # checking wrote nothing

    asked: list[str] = []

    def answer(title: str, label: str, text: str = "") -> str:
        asked.append(text)
        return "Kenya"

    monkeypatch.setattr(wizard, "ask_text", answer)
    check.table.select_row(0)
    index = check.model.index(0, 4)
    where = check.table.visualRect(index).center()
    qtbot.mouseClick(check.table.viewport(), LEFT, pos=where)  # a double-click starts as a click
    qtbot.mouseDClick(check.table.viewport(), LEFT, pos=where)
    assert asked == ["Narnia"]  # the cell's value, ready to correct
    wait_for_plan(wizard, qtbot)
    assert wizard.fixes == {(7, 3): "Kenya"}  # row 7, column D
    assert check.model.rowCount() == 0
    assert "No problems" in check.summary.text()
    assert next_enabled(wizard)

    click_next(wizard, qtbot, REVIEW)
    review = wizard.review_page
    assert [r.action for r in review.model.rows] == ["create"] * 4
    assert "4 organizations</b> to create" in review.summary.text()
    assert review.model.index(2, 3).data() == "Narnia Party"
    assert "Kenya (KE)" in review.model.index(2, 4).data()
    assert organization_names(db) == []

    click_next(wizard, qtbot, RESULT)
    assert wizard.imported is not None
    assert wizard.imported.counts["organizations"]["created"] == 4
    assert organization_names(db) == sorted(["非洲人国民大会", "莫桑比克解放阵线党", "Narnia Party",
                                            "Sozialdemokratische Partei Deutschlands"])
    narnia = next(o for o in list_organizations(db, OrganizationFilter(), limit=10).items
                  if o.name == "Narnia Party")
    assert narnia.country == "KE"
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()

    result = wizard.result_page
    job = result.undo()
    assert job is not None
    assert recorded.texts("confirm")  # asked first
    qtbot.waitUntil(lambda: not job.running, timeout=JOB_TIMEOUT)
    assert organization_names(db) == []
    assert "4 records removed" in result.undo_note.text.text()
    assert not result.undo_button.isEnabled()
    assert list_batches(db)[0]["status"] == "undone"


def test_skipping_rows_with_errors_imports_the_others(
        wizard: ImportWizard, context: AppContext, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    choose(wizard, qtbot, write_party_list(tmp_path / "parties.xlsx"), monkeypatch)
    click_next(wizard, qtbot, HEADER)
    click_next(wizard, qtbot, COLUMNS)
    click_next(wizard, qtbot, CHECK)
    assert not next_enabled(wizard)
    wizard.check_page.skip.click()
    assert next_enabled(wizard)
    assert "will be skipped" in wizard.check_page.summary.text()
    click_next(wizard, qtbot, REVIEW)
    actions = [r.action for r in wizard.review_page.model.rows]
    assert actions == ["create", "create", "error", "create"]
    review = wizard.review_page
    review.filter.setCurrentIndex(review.filter.findData("error"))
    assert [r.row for r in review.model.rows] == [7]
    click_next(wizard, qtbot, RESULT)
    assert len(organization_names(context.database)) == 3

    report = tmp_path / "report.xlsx"
    monkeypatch.setattr(wizard, "choose_report_path", lambda: str(report))
    qtbot.mouseClick(wizard.result_page.report_button, LEFT)
    book = load_workbook(report, read_only=True)
    problems = list(book["Problems"].iter_rows(min_row=2, values_only=True))
    assert problems[0][:4] == ("error", "名单", 7, "国家")


def test_a_liaison_workbook_goes_straight_to_review_with_before_and_after(
        wizard: ImportWizard, context: AppContext, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    db = context.database
    edited = make_organization(db, name="Frente Amplio", country="UY",
                               website="https://old.example.org")
    both = make_organization(db, name="Partido Colorado", country="UY", notes="from Liaison")
    make_organization(db, name="Partido Nacional", country="UY")
    path = tmp_path / "trip.xlsx"
    for _step in write_workbook(db, path):
        pass
    update_organization(db, both.id, {"notes": "edited at home"},  # changed in Liaison too
                        expected_version=both.version)
    book = load_workbook(path)
    sheet = book["organizations"]
    headers = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[headers.index("id")].value == edited.id:
            row[headers.index("website")].value = "https://www.frenteamplio.uy"
        if row[headers.index("id")].value == both.id:
            row[headers.index("notes")].value = "edited on the trip"
    book.save(path)

    choose(wizard, qtbot, path, monkeypatch)
    assert "Liaison workbook" in wizard.file_page.notice.text.text()
    click_next(wizard, qtbot, REVIEW)  # no sheet, header, columns or check pages
    review = wizard.review_page
    by_action = {r.action: n for n, r in enumerate(review.model.rows)}
    assert set(by_action) == {"update", "conflict", "unchanged"}
    update = by_action["update"]
    assert review.model.index(update, 3).data() == "Frente Amplio"
    assert review.change_lines(update) == [
        "website:  https://old.example.org  →  https://www.frenteamplio.uy"]
    conflict = by_action["conflict"]
    assert review.change_lines(conflict) == [
        "notes (conflict, left as it is):  exported from Liaison  ·  the file has edited on the "
        "trip  ·  Liaison has edited at home"]
    assert review.conflicts_note.isVisibleTo(review)

    click_next(wizard, qtbot, RESULT)
    assert get_organization(db, edited.id).website == "https://www.frenteamplio.uy"
    assert get_organization(db, both.id).notes == "edited at home"  # the conflict is left


def liaison_workbook(db: Database, path: Path) -> Path:
    for _step in write_workbook(db, path):
        pass
    return path


def edit_workbook(path: Path, sheet_name: str, record_id: str, **values: Any) -> None:
    """Change cells of one record's row, as the user does in Excel on the trip."""
    book = load_workbook(path)
    sheet = book[sheet_name]
    headers = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[headers.index("id")].value == record_id:
            for name, value in values.items():
                row[headers.index(name)].value = value
    book.save(path)


def remove_from_workbook(path: Path, sheet_name: str, record_id: str) -> None:
    book = load_workbook(path)
    sheet = book[sheet_name]
    headers = [cell.value for cell in sheet[1]]
    for number, row in enumerate(sheet.iter_rows(min_row=2), start=2):
        if row[headers.index("id")].value == record_id:
            sheet.delete_rows(number)
            break
    book.save(path)


def row_of(review: Any, record_id: str) -> int:
    """The tree row (as filtered now) of a record."""
    return next(n for n, row in enumerate(review.model.rows) if row.id == record_id)


def select_line(review: Any, record_id: str, starts: str) -> None:
    """Click the detail line that starts with `starts` under a record's row."""
    number = row_of(review, record_id)
    at = next(n for n, text in enumerate(review.change_lines(number)) if text.startswith(starts))
    index = review.model.index(at, 0, review.model.index(number, 0))
    review.tree.scrollTo(index)
    review.tree.setCurrentIndex(index)


def pick(review: Any, wizard: ImportWizard, qtbot: QtBot, button: Any) -> None:
    """Click one of the pick buttons and wait for the plan built again."""
    assert button.isEnabled()
    qtbot.mouseClick(button, LEFT)
    wait_for_plan(wizard, qtbot)
    qtbot.waitUntil(lambda: wizard.plan_is_fresh() and not review.busy, timeout=JOB_TIMEOUT)


@pytest.fixture
def trip(context: AppContext, tmp_path: Path) -> dict[str, Any]:
    """Three Uruguayan parties exported for a trip: one edited only in the file, one whose
    notes were edited both on the trip and at home (and its website only on the trip), one
    whose ideology and website were edited on both sides."""
    db = context.database
    records = {
        "frente": make_organization(db, name="Frente Amplio", country="UY",
                                    website="https://old.example.org"),
        "colorado": make_organization(db, name="Partido Colorado", country="UY",
                                      notes="Founded 1836"),
        "nacional": make_organization(db, name="Partido Nacional", country="UY",
                                      ideology="Conservatism", website="https://pn.example.org"),
    }
    path = liaison_workbook(db, tmp_path / "trip.xlsx")
    colorado, nacional = records["colorado"], records["nacional"]
    update_organization(db, colorado.id, {"notes": "edited at home"},
                        expected_version=colorado.version)
    update_organization(db, nacional.id, {"ideology": "Christian democracy",
                                          "website": "https://pn.uy"},
                        expected_version=nacional.version)
    edit_workbook(path, "organizations", records["frente"].id,
                  website="https://www.frenteamplio.uy")
    edit_workbook(path, "organizations", colorado.id, notes="edited on the trip",
                  website="https://www.partidocolorado.uy")
    edit_workbook(path, "organizations", nacional.id, ideology="Centre-right",
                  website="https://partidonacional.uy")
    return {"path": path, **{name: record.id for name, record in records.items()}}


def test_conflicting_fields_are_left_open_and_the_rest_of_the_row_is_imported(
        wizard: ImportWizard, context: AppContext, qtbot: QtBot, trip: dict[str, Any],
        monkeypatch: pytest.MonkeyPatch) -> None:
    db = context.database
    choose(wizard, qtbot, trip["path"], monkeypatch)
    click_next(wizard, qtbot, REVIEW)
    review = wizard.review_page
    banner = review.conflicts_note
    assert banner.isVisibleTo(review) and banner.kind == "warning"
    assert banner.text.text().startswith(
        "3 fields in 2 records changed both in the file and in Liaison since the export. "
        "Everything else is imported; these fields stay as Liaison has them until you pick "
        "a value.")
    assert "not imported" not in banner.text.text()
    assert "3 fields in conflict, left as Liaison has them" in review.summary.text()
    assert review.choice_bar.isVisibleTo(review)
    assert review.default_pick.currentData() is None  # leave them open
    review.filter.setCurrentIndex(review.filter.findData("conflict"))
    assert review.filter.currentText() == "Conflicts (2)"
    assert {r.id for r in review.model.rows} == {trip["colorado"], trip["nacional"]}
    colorado = row_of(review, trip["colorado"])
    assert review.model.rows[colorado].action == "update"  # its website is still written
    assert review.change_lines(colorado) == [
        "website:  (empty)  →  https://www.partidocolorado.uy",
        "notes (conflict, left as it is):  exported Founded 1836  ·  the file has edited on the "
        "trip  ·  Liaison has edited at home"]
    # Nothing selected: nothing to pick for.
    review.tree.setCurrentIndex(review.model.index(0, 0).parent())
    assert not review.use_file_button.isEnabled()

    click_next(wizard, qtbot, RESULT)
    record = get_organization(db, trip["colorado"])
    assert (record.notes, record.website) == ("edited at home", "https://www.partidocolorado.uy")
    assert get_organization(db, trip["frente"]).website == "https://www.frenteamplio.uy"
    nacional = get_organization(db, trip["nacional"])
    assert (nacional.ideology, nacional.website) == ("Christian democracy", "https://pn.uy")


def test_picking_the_files_value_or_liaisons_for_a_field_or_a_row(
        wizard: ImportWizard, context: AppContext, qtbot: QtBot, trip: dict[str, Any],
        monkeypatch: pytest.MonkeyPatch) -> None:
    db = context.database
    choose(wizard, qtbot, trip["path"], monkeypatch)
    click_next(wizard, qtbot, REVIEW)
    review = wizard.review_page

    # One field: the file's value for the notes of Partido Colorado.
    select_line(review, trip["colorado"], "notes (conflict")
    assert review.choice_target.text() == (
        "“notes” of Partido Colorado: the file has edited on the trip  ·  Liaison has edited "
        "at home  ·  exported Founded 1836")
    pick(review, wizard, qtbot, review.use_file_button)
    assert wizard.resolutions == {(trip["colorado"], "notes"): "file"}
    colorado = row_of(review, trip["colorado"])
    assert review.model.rows[colorado].action == "update"
    assert review.change_lines(colorado) == [
        "website:  (empty)  →  https://www.partidocolorado.uy",
        "notes:  edited at home  →  edited on the trip  (the file's value, your choice)"]
    assert review.tree.currentIndex().data().startswith("notes:")  # still selected
    assert "2 fields in 1 record changed both" in review.conflicts_note.text.text()

    # A whole row, from its context menu: Liaison keeps both of its fields.
    row_index = review.model.index(row_of(review, trip["nacional"]), 3)
    review.tree.customContextMenuRequested.emit(review.tree.visualRect(row_index).center())
    assert review.tree.currentIndex().row() == row_of(review, trip["nacional"])
    assert review.choice_target.text() == (
        "“ideology”, “website” of Partido Nacional: the buttons pick for all of them.")
    menu = review.menu
    assert menu is not None and menu.isVisible()
    assert [a.text() for a in menu.actions()] == ["Use the file's value", "Keep Liaison's value"]
    menu.actions()[1].trigger()
    menu.close()
    wait_for_plan(wizard, qtbot)
    qtbot.waitUntil(wizard.plan_is_fresh, timeout=JOB_TIMEOUT)
    nacional = row_of(review, trip["nacional"])
    assert review.model.rows[nacional].action == "unchanged"
    assert review.model.rows[nacional].conflicts == ()
    assert review.change_lines(nacional)[0] == (
        "ideology (conflict: Liaison's value, your choice):  Liaison keeps Christian democracy"
        "  ·  the file has Centre-right")
    banner = review.conflicts_note
    assert banner.kind == "info"
    assert banner.text.text().startswith(
        "Every conflict is settled: 1 field takes the file's value, 2 keep Liaison's.")

    # A change of mind: the website of Partido Nacional from the file after all.
    select_line(review, trip["nacional"], "website (conflict: Liaison's value")
    pick(review, wizard, qtbot, review.use_file_button)
    nacional = row_of(review, trip["nacional"])
    assert review.model.rows[nacional].action == "update"
    assert "website:  https://pn.uy  →  https://partidonacional.uy  (the file's value, your " \
           "choice)" in review.change_lines(nacional)

    click_next(wizard, qtbot, RESULT)
    colorado_now = get_organization(db, trip["colorado"])
    assert (colorado_now.notes, colorado_now.website) == (
        "edited on the trip", "https://www.partidocolorado.uy")
    nacional_now = get_organization(db, trip["nacional"])
    assert (nacional_now.ideology, nacional_now.website) == (
        "Christian democracy", "https://partidonacional.uy")


@pytest.mark.parametrize(("default", "ideology"), [("file", "Centre-right"),
                                                   ("database", "Christian democracy")])
def test_all_other_conflicts_follow_the_choice_for_them(
        wizard: ImportWizard, context: AppContext, qtbot: QtBot, trip: dict[str, Any],
        monkeypatch: pytest.MonkeyPatch, default: str, ideology: str) -> None:
    db = context.database
    choose(wizard, qtbot, trip["path"], monkeypatch)
    click_next(wizard, qtbot, REVIEW)
    review = wizard.review_page
    select_line(review, trip["nacional"], "website (conflict")
    other = review.keep_liaison_button if default == "file" else review.use_file_button
    pick(review, wizard, qtbot, other)  # one field goes against the rest
    review.default_pick.setCurrentIndex(review.default_pick.findData(default))
    wait_for_plan(wizard, qtbot)
    qtbot.waitUntil(lambda: wizard.plan_is_fresh() and next_enabled(wizard),
                    timeout=JOB_TIMEOUT)
    assert wizard.conflict_default == default
    assert wizard.plan is not None and not wizard.plan.conflicts
    assert review.conflicts_note.kind == "info"
    if default == "file":
        assert "notes:  edited at home  →  edited on the trip  (the file's value, as chosen " \
               "for all conflicts)" in review.change_lines(row_of(review, trip["colorado"]))

    click_next(wizard, qtbot, RESULT)
    colorado = get_organization(db, trip["colorado"])
    nacional = get_organization(db, trip["nacional"])
    if default == "file":
        assert (colorado.notes, nacional.ideology, nacional.website) == (
            "edited on the trip", ideology, "https://pn.uy")
    else:
        assert (colorado.notes, nacional.ideology, nacional.website) == (
            "edited at home", ideology, "https://partidonacional.uy")
    assert colorado.website == "https://www.partidocolorado.uy"  # never in conflict


def test_records_removed_from_the_file_are_deleted_only_when_ticked_and_undo_restores_them(
        context: AppContext, qtbot: QtBot, tmp_path: Path, recorded: RecordedMessages,
        monkeypatch: pytest.MonkeyPatch) -> None:
    db = context.database
    kept = make_organization(db, name="Frente Amplio", country="UY")
    gone = make_organization(db, name="Partido Independiente", country="UY")
    person = make_person(db, name="Juan Pérez", nationality="UY")
    path = liaison_workbook(db, tmp_path / "trip.xlsx")
    remove_from_workbook(path, "organizations", gone.id)
    remove_from_workbook(path, "people", person.id)
    edit_workbook(path, "organizations", kept.id, website="https://www.frenteamplio.uy")

    def open_review() -> ImportWizard:
        wizard = ImportWizard(context)
        qtbot.addWidget(wizard)
        wizard.show()
        choose(wizard, qtbot, path, monkeypatch)
        click_next(wizard, qtbot, REVIEW)
        return wizard

    # Not ticked: the edit is imported, the removed records stay.
    first = open_review()
    review = first.review_page
    assert "1 organization, 1 person removed from the file — not deleted unless you tick the " \
           "box" in review.summary.text()
    box = review.delete_box
    assert box.isVisibleTo(review) and not box.isChecked()
    assert box.text() == ("Also &delete the 2 records removed from the file (they go to the "
                          "deleted records and can be restored)")
    review.filter.setCurrentIndex(review.filter.findData("delete"))
    assert review.filter.currentText() == "Removed from the file (2)"
    assert [(r.action, review.model.index(n, 3).data()) for n, r in
            enumerate(review.model.rows)] == [("delete", "Partido Independiente"),
                                              ("delete", "Juan Pérez")]
    assert review.model.index(0, 4).data() == "Kept unless you tick the box below"
    click_next(first, qtbot, RESULT)
    assert first.imported is not None
    assert "deleted" not in first.imported.counts["organizations"]
    assert get_organization(db, gone.id).deleted_at is None
    assert get_person(db, person.id).deleted_at is None
    first.close()
    context.wait_for_jobs()

    # The same file again: only the deletions are left, and nothing is written until ticked.
    second = open_review()
    review = second.review_page
    assert second.plan is not None and not second.plan.writes
    assert second.button(QWizard.WizardButton.FinishButton).isVisible()
    assert "tick the box" in review.notice.text.text()
    review.delete_box.click()
    assert second.apply_deletions and second.plan_is_fresh()
    assert second.plan.options.apply_deletions
    assert "<b>1 organization, 1 person</b> to delete" in review.summary.text()
    assert review.model.index(row_of(review, gone.id), 4).data() == (
        "Moved to the deleted records")
    assert not review.notice.isVisibleTo(review)
    assert next_enabled(second)
    assert second.button(QWizard.WizardButton.CommitButton).isVisible()
    click_next(second, qtbot, RESULT)
    assert second.imported is not None
    assert second.imported.counts["organizations"]["deleted"] == 1
    assert second.imported.counts["people"]["deleted"] == 1
    result = second.result_page
    assert ">deleted</th>" in result.counts.text()
    assert get_organization(db, gone.id, include_deleted=True).deleted_at is not None
    assert get_person(db, person.id, include_deleted=True).deleted_at is not None

    job = result.undo()
    assert job is not None
    assert "restore the records it deleted" in recorded.texts("confirm")[-1]
    qtbot.waitUntil(lambda: not job.running, timeout=JOB_TIMEOUT)
    assert get_organization(db, gone.id).deleted_at is None
    assert get_person(db, person.id).deleted_at is None
    assert "2 restored" in result.undo_note.text.text()


def test_a_new_file_forgets_the_choices_made_for_the_last_one(
        wizard: ImportWizard, qtbot: QtBot, trip: dict[str, Any], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    choose(wizard, qtbot, trip["path"], monkeypatch)
    click_next(wizard, qtbot, REVIEW)
    review = wizard.review_page
    select_line(review, trip["colorado"], "notes (conflict")
    pick(review, wizard, qtbot, review.keep_liaison_button)
    assert wizard.resolutions and wizard.known_conflicts
    wizard.back()
    choose(wizard, qtbot, write_party_list(tmp_path / "parties.xlsx"), monkeypatch)
    assert (wizard.resolutions, wizard.conflict_default, wizard.apply_deletions,
            wizard.known_conflicts) == ({}, None, False, {})


@pytest.mark.parametrize(("content", "words"), [
    (b"%PDF-1.4\n%binary\n", "is a PDF document"),
    (b"PK\x03\x04 cut short", "damaged or incomplete"),
])
def test_a_bad_file_says_why_on_the_file_page_and_writes_nothing(
        wizard: ImportWizard, context: AppContext, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, content: bytes, words: str) -> None:
    path = tmp_path / "partners.xlsx"
    path.write_bytes(content)
    choose(wizard, qtbot, path, monkeypatch)
    notice = wizard.file_page.notice
    assert notice.isVisibleTo(wizard.file_page) and notice.kind == "error"
    assert words in notice.text.text()
    assert "partners.xlsx" in notice.text.text()
    assert not next_enabled(wizard)
    assert wizard.currentId() == FILE
    assert organization_names(context.database) == []
    assert list_batches(context.database) == []


def test_cancelling_during_the_import_leaves_nothing(
        wizard: ImportWizard, context: AppContext, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [row for row in PARTIES if row[2] != "Narnia"]
    choose(wizard, qtbot, write_party_list(tmp_path / "parties.xlsx", rows), monkeypatch)
    click_next(wizard, qtbot, HEADER)
    click_next(wizard, qtbot, COLUMNS)
    click_next(wizard, qtbot, CHECK)
    click_next(wizard, qtbot, REVIEW)

    first_step_written = []

    def slow_apply(db: Database, plan: Any, actor: Any = None, *,
                   cancelled: Callable[[], bool]) -> Iterator[Any]:
        """The real import, paused after its first records are written (inside the
        transaction) until the user has clicked Cancel."""
        steps = importer.apply_steps(db, plan, actor, cancelled=cancelled)
        yield next(steps)
        first_step_written.append(True)
        deadline = time.monotonic() + 10
        while not cancelled() and time.monotonic() < deadline:
            time.sleep(0.01)
        yield from steps

    monkeypatch.setattr(import_run, "apply_steps", slow_apply)
    click_next(wizard, qtbot, IMPORT)
    page = wizard.import_page
    qtbot.waitUntil(lambda: bool(first_step_written), timeout=JOB_TIMEOUT)
    assert page.running and not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    qtbot.mouseClick(page.cancel_button, LEFT)
    qtbot.waitUntil(lambda: not page.running, timeout=JOB_TIMEOUT)
    assert page.outcome == "cancelled"
    assert "nothing was written" in page.status.text()
    assert wizard.currentId() == IMPORT and wizard.imported is None
    assert organization_names(context.database) == []
    assert list_batches(context.database) == []

    # Back to the review, and this time the import runs through.
    monkeypatch.setattr(import_run, "apply_steps", importer.apply_steps)
    qtbot.mouseClick(page.back_button, LEFT)
    assert wizard.currentId() == REVIEW
    click_next(wizard, qtbot, RESULT)
    assert len(organization_names(context.database)) == 3


def test_cancel_button_of_the_window_cancels_a_running_import(
        wizard: ImportWizard, context: AppContext, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [row for row in PARTIES if row[2] != "Narnia"]
    choose(wizard, qtbot, write_party_list(tmp_path / "parties.xlsx", rows), monkeypatch)
    for page in (HEADER, COLUMNS, CHECK, REVIEW):
        click_next(wizard, qtbot, page)

    def always_cancelled(db: Database, plan: Any, actor: Any = None, *,
                         cancelled: Callable[[], bool]) -> Iterator[Any]:
        return importer.apply_steps(db, plan, actor, cancelled=lambda: True)

    monkeypatch.setattr(import_run, "apply_steps", always_cancelled)
    click_next(wizard, qtbot, IMPORT)
    qtbot.waitUntil(lambda: not wizard.import_page.running, timeout=JOB_TIMEOUT)
    assert wizard.import_page.outcome == "cancelled"
    assert organization_names(context.database) == []
    wizard.reject()  # nothing running: the window closes
    assert not wizard.isVisible()


def test_people_from_a_chinese_windows_csv_show_the_encoding_and_sheetless_flow(
        wizard: ImportWizard, context: AppContext, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    make_organization(context.database, name="African National Congress", abbreviation="ANC",
                      country="ZA")
    path = write_csv(tmp_path / "联系人.csv", [
        ["姓名", "职务", "所属政党", "国籍", "性别"],
        ["西里尔·拉马福萨", "主席", "ANC", "南非", "male"],
        ["Fikile Mbalula", "秘书长", "ANC", "ZA", "male"],
    ], encoding="gb18030")
    choose(wizard, qtbot, path, monkeypatch)
    facts = wizard.file_page.facts_label.text()
    assert "Text table (CSV)" in facts and "GB18030" in facts
    click_next(wizard, qtbot, HEADER)
    assert wizard.header_page.header_spin.value() == 1
    assert wizard.header_page.kind_buttons["people"].isChecked()
    click_next(wizard, qtbot, COLUMNS)
    assert [c.currentData() for c in wizard.columns_page.combos] == [
        "name", "title", "organization", "nationality", "gender"]
    click_next(wizard, qtbot, CHECK)
    assert next_enabled(wizard)
    click_next(wizard, qtbot, REVIEW)
    rows = wizard.review_page.model.rows
    assert [(r.entity, r.action) for r in rows] == [("person", "create"), ("position", "create")] * 2
    assert "African National Congress" in wizard.review_page.model.index(1, 3).data()
    click_next(wizard, qtbot, RESULT)
    names = sorted(p.name for p in list_people(context.database, PersonFilter()).items)
    assert names == ["Fikile Mbalula", "西里尔·拉马福萨"]


def test_ambiguous_dates_ask_which_comes_first(
        wizard: ImportWizard, context: AppContext, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_csv(tmp_path / "visits.csv", [
        ["Date", "Title", "Kind", "City"],
        ["03/04/2024", "Talks on trade", "talks", "Pretoria"],
        ["05/06/2024", "Seminar on youth policy", "seminar", "Maputo"],
    ])
    choose(wizard, qtbot, path, monkeypatch)
    click_next(wizard, qtbot, HEADER)
    assert wizard.header_page.kind_buttons["interactions"].isChecked()
    click_next(wizard, qtbot, COLUMNS)
    columns = wizard.columns_page
    assert columns.dates_box.isVisibleTo(columns)
    assert "03/04/2024" in columns.date_note.text()
    assert not next_enabled(wizard)  # the user must say which
    columns.day_first.click()
    assert wizard.day_order == "dayfirst" and next_enabled(wizard)
    click_next(wizard, qtbot, CHECK)
    click_next(wizard, qtbot, REVIEW)
    starts = [r.values["start"].isoformat() for r in wizard.review_page.model.rows]
    assert starts == ["2024-04-03", "2024-06-05"]


def test_a_date_above_twelve_settles_the_order(
        wizard: ImportWizard, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_csv(tmp_path / "visits.csv", [
        ["Date", "Title", "Kind"], ["03/04/2024", "Talks", "talks"],
        ["27/06/2024", "Seminar", "seminar"]])
    choose(wizard, qtbot, path, monkeypatch)
    click_next(wizard, qtbot, HEADER)
    click_next(wizard, qtbot, COLUMNS)
    columns = wizard.columns_page
    assert columns.day_first.isChecked() and wizard.day_order == "dayfirst"
    assert "day comes first" in columns.date_note.text()
    assert next_enabled(wizard)


def test_columns_flag_a_field_chosen_twice_and_profiles_remember_a_mapping(
        wizard: ImportWizard, context: AppContext, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_csv(tmp_path / "list.csv", [["Partei", "Land", "Kurz"],
                                             ["Die Linke", "DE", "PDL"]])
    choose(wizard, qtbot, path, monkeypatch)
    click_next(wizard, qtbot, HEADER)
    wizard.header_page.kind_buttons["organizations"].click()
    click_next(wizard, qtbot, COLUMNS)
    columns = wizard.columns_page
    assert not next_enabled(wizard)  # no column holds the name yet
    assert "name" in columns.notice.text.text()
    columns.set_target(0, "name")
    columns.set_target(1, "country")
    columns.set_target(2, "name")
    assert not next_enabled(wizard)
    assert "Also chosen for column A" in columns.table.item(2, 5).text()
    assert "“name” is chosen for columns A and C" in columns.notice.text.text()
    columns.set_target(2, "abbreviation")
    assert next_enabled(wizard)
    assert not columns.notice.isVisibleTo(columns)

    monkeypatch.setattr(wizard, "ask_text", lambda *_args: "German list")
    qtbot.mouseClick(columns.save_profile_button, LEFT)
    assert columns.profiles.currentText() == "German list"

    second = ImportWizard(context)
    qtbot.addWidget(second)
    second.show()
    choose(second, qtbot, path, monkeypatch)
    click_next(second, qtbot, HEADER)
    second.header_page.kind_buttons["organizations"].click()
    click_next(second, qtbot, COLUMNS)
    again = second.columns_page
    assert [c.currentData() for c in again.combos] == [None, None, None]
    again.profiles.setCurrentIndex(again.profiles.findText("German list"))
    again.profiles.activated.emit(again.profiles.currentIndex())
    assert [c.currentData() for c in again.combos] == ["name", "country", "abbreviation"]
    click_next(second, qtbot, CHECK)
    click_next(second, qtbot, REVIEW)
    click_next(second, qtbot, RESULT)
    assert organization_names(context.database) == ["Die Linke"]


def test_several_sheets_list_the_hidden_ones(
        wizard: ImportWizard, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    book = Workbook()
    book.active.title = "Parties"
    book.active.append(["Party", "Country"])
    book.active.append(["Die Linke", "DE"])
    old = book.create_sheet("Old list")
    old.sheet_state = "hidden"
    book.save(tmp_path / "two.xlsx")
    choose(wizard, qtbot, tmp_path / "two.xlsx", monkeypatch)
    assert "2 sheets (1 hidden)" in wizard.file_page.facts_label.text()
    click_next(wizard, qtbot, SHEET)
    sheets = wizard.sheet_page.sheets
    assert [sheets.item(n).text() for n in range(sheets.count())] == ["Parties",
                                                                      "Old list  (hidden)"]
    assert sheets.currentItem().text() == "Parties"
    click_next(wizard, qtbot, HEADER)
    assert wizard.header_page.model.index(1, 0).data() == "Die Linke"


def test_undo_an_import_dialog_lists_imports_and_undoes_one(
        context: AppContext, qtbot: QtBot, tmp_path: Path, recorded: RecordedMessages) -> None:
    db = context.database
    path = write_party_list(tmp_path / "parties.xlsx",
                            [row for row in PARTIES if row[2] != "Narnia"])
    apply_plan(db, build_plan(db, path))
    assert len(organization_names(db)) == 3
    notices: list[str] = []
    context.changed.connect(lambda entity, _id: notices.append(entity))
    dialog = UndoImportDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 1).data() == "parties.xlsx"
    assert "organizations: 3 created" in dialog.model.index(0, 4).data()
    assert dialog.undo_button.isEnabled()
    qtbot.mouseClick(dialog.undo_button, LEFT)
    assert dialog.job is not None
    qtbot.waitUntil(lambda: not dialog.job.running, timeout=JOB_TIMEOUT)
    assert organization_names(db) == []
    assert "3 records removed" in recorded.texts("info")[-1]
    assert notices == ["*"]  # the lists refresh
    assert dialog.model.index(0, 3).data() == "Undone"
    assert not dialog.undo_button.isEnabled()


def test_the_main_window_opens_the_wizard_and_the_undo_dialog(
        context: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    assert window.import_action.isEnabled()
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text().replace("&", "") for a in file_menu.actions()]
    assert "Import…" in texts and "Undo an import…" in texts
    wizard = window.import_spreadsheet()
    assert isinstance(wizard, ImportWizard) and wizard.isVisible()
    wizard.close()
    shown: list[UndoImportDialog] = []
    monkeypatch.setattr(UndoImportDialog, "exec", lambda self: shown.append(self) or 0)
    window.undo_import_action.trigger()
    assert len(shown) == 1
    context.wait_for_jobs()  # the status bar's count


def test_import_models_pass_the_model_tester(qtmodeltester: ModelTester, context: AppContext,
                                             tmp_path: Path) -> None:
    preview = PreviewModel([["Title"], [None, None], ["Party", "Country"], ["ANC", "ZA"]], 3)
    qtmodeltester.check(preview)
    path = write_party_list(tmp_path / "parties.xlsx")
    plan = build_plan(context.database, path)
    tree = PlanTreeModel(plan.rows, {})
    qtmodeltester.check(tree)
    tree.set_filter(("error",))
    assert tree.rowCount() == 1


def test_the_plan_model_with_conflicts_picks_and_deletions_passes_the_model_tester(
        qtmodeltester: ModelTester, context: AppContext, trip: dict[str, Any]) -> None:
    db = context.database
    remove_from_workbook(trip["path"], "organizations", trip["frente"])
    first = build_plan(db, trip["path"])
    known = {(row.id or "", c.field): c for row in first.conflicts for c in row.conflicts}
    resolutions: dict[tuple[str, str], Resolution] = {(trip["colorado"], "notes"): "file"}
    plan = build_plan(db, trip["path"], ImportOptions(resolutions=resolutions,
                                                      conflict_default="database"))
    tree = PlanTreeModel()
    tree.set_plan(plan.rows, {}, several_sheets=True,
                  choices=ConflictChoices(known, resolutions, "database"))
    qtmodeltester.check(tree)
    assert [r.action for r in tree.rows].count("delete") == 1
    number = next(r.row for r in tree.rows if r.id == trip["nacional"])
    nacional = tree.find("organizations", number, trip["nacional"])
    assert tree.hasChildren(nacional) and tree.rowCount(nacional) == 2  # both kept, shown
    assert tree.conflict_keys(nacional) == [(trip["nacional"], "ideology"),
                                            (trip["nacional"], "website")]
    tree.set_filter(("conflict",))
    assert {r.id for r in tree.rows} == {trip["colorado"], trip["nacional"]}
    qtmodeltester.check(tree)
