"""The import wizard and the Undo an import dialog, driven like a user would on real .xlsx and
.csv files made in a temp folder, against a real SQLite file."""


from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from db.exchange.imports import importer
from db.exchange.imports.importer import apply_plan, build_plan, list_batches
from db.services.organizations import (
    OrganizationFilter,
    list_organizations,
)
from db.services.people import PersonFilter, list_people
from db.store.engine import Database
from desktop.context import AppContext
from desktop.dialogs.import_wizard import run as import_run
from desktop.dialogs.import_wizard.wizard import (
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
from desktop.qtmodels.import_plan_tree import PlanTreeModel
from desktop.qtmodels.import_preview import PreviewModel
from desktop.windows.main_window import MainWindow
from tests.db.factories import make_organization
from tests.desktop.conftest import RecordedMessages
from tests.desktop.helpers import wait_for_cancel
from tests.desktop.wizard_helpers import (
    JOB_TIMEOUT,
    LEFT,
    PARTIES,
    choose,
    click_next,
    next_enabled,
    organization_names,
    wait_for_plan,
    write_csv,
    write_party_list,
)


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
        wait_for_cancel(cancelled)
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
    assert "“Name” is chosen for columns A and C" in columns.notice.text.text()
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


def test_the_file_page_shows_the_encoding_and_reads_the_text_in_another(
        wizard: Any, tmp_path: Path, qtbot: QtBot) -> None:
    """A Big5 list is recognised and said so; the user can read it in another encoding."""
    path = tmp_path / "名錄.csv"
    path.write_bytes("國家,政黨名稱\n臺灣,中國國民黨\n".encode("big5"))
    page = wizard.file_page
    page.open_path(str(path))
    assert wizard.facts.encoding == "big5" and page.encoding_row.isVisibleTo(page)
    assert page.encoding.currentData() == "big5"
    page.encoding.setCurrentIndex(page.encoding.findData("gb18030"))
    page.encoding.activated.emit(page.encoding.currentIndex())
    assert wizard.facts.encoding == "gb18030"
    assert wizard.import_options().encoding == "gb18030"
