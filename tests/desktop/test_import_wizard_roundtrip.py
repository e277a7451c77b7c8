"""The import wizard with a Liaison workbook brought back: before/after review, fields changed
in both places left open or settled by the user's picks, records removed from the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QWizard
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from db.exchange.export.writer import write_workbook
from db.exchange.imports.importer import build_plan
from db.exchange.imports.plan import ImportOptions, Resolution
from db.services.organizations import (
    get_organization,
    update_organization,
)
from db.services.people import get_person
from db.store.engine import Database
from desktop.context import AppContext
from desktop.dialogs.import_wizard.wizard import (
    RESULT,
    REVIEW,
    ImportWizard,
)
from desktop.qtmodels.import_plan import ConflictChoices
from desktop.qtmodels.import_plan_tree import PlanTreeModel
from tests.db.factories import make_organization, make_person
from tests.desktop.conftest import RecordedMessages
from tests.desktop.wizard_helpers import (
    JOB_TIMEOUT,
    LEFT,
    choose,
    click_next,
    next_enabled,
    wait_for_plan,
    write_party_list,
)


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
        "Website:  https://old.example.org  →  https://www.frenteamplio.uy"]
    conflict = by_action["conflict"]
    assert review.change_lines(conflict) == [
        "Notes (conflict, left as it is):  exported from Liaison  ·  the file has edited on the "
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
        "Website:  (empty)  →  https://www.partidocolorado.uy",
        "Notes (conflict, left as it is):  exported Founded 1836  ·  the file has edited on the "
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
    select_line(review, trip["colorado"], "Notes (conflict")
    assert review.choice_target.text() == (
        "“Notes” of Partido Colorado: the file has edited on the trip  ·  Liaison has edited "
        "at home  ·  exported Founded 1836")
    pick(review, wizard, qtbot, review.use_file_button)
    assert wizard.resolutions == {(trip["colorado"], "notes"): "file"}
    colorado = row_of(review, trip["colorado"])
    assert review.model.rows[colorado].action == "update"
    assert review.change_lines(colorado) == [
        "Website:  (empty)  →  https://www.partidocolorado.uy",
        "Notes:  edited at home  →  edited on the trip  (the file's value, your choice)"]
    assert review.tree.currentIndex().data().startswith("Notes:")  # still selected
    assert "2 fields in 1 record changed both" in review.conflicts_note.text.text()

    # A whole row, from its context menu: Liaison keeps both of its fields.
    row_index = review.model.index(row_of(review, trip["nacional"]), 3)
    review.tree.customContextMenuRequested.emit(review.tree.visualRect(row_index).center())
    assert review.tree.currentIndex().row() == row_of(review, trip["nacional"])
    assert review.choice_target.text() == (
        "“Ideology”, “Website” of Partido Nacional: the buttons pick for all of them.")
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
        "Ideology (conflict: Liaison's value, your choice):  Liaison keeps Christian democracy"
        "  ·  the file has Centre-right")
    banner = review.conflicts_note
    assert banner.kind == "info"
    assert banner.text.text().startswith(
        "Every conflict is settled: 1 field takes the file's value, 2 keep Liaison's.")

    # A change of mind: the website of Partido Nacional from the file after all.
    select_line(review, trip["nacional"], "Website (conflict: Liaison's value")
    pick(review, wizard, qtbot, review.use_file_button)
    nacional = row_of(review, trip["nacional"])
    assert review.model.rows[nacional].action == "update"
    assert "Website:  https://pn.uy  →  https://partidonacional.uy  (the file's value, your " \
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
    select_line(review, trip["nacional"], "Website (conflict")
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
        assert "Notes:  edited at home  →  edited on the trip  (the file's value, as chosen " \
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
    select_line(review, trip["colorado"], "Notes (conflict")
    pick(review, wizard, qtbot, review.keep_liaison_button)
    assert wizard.resolutions and wizard.known_conflicts
    wizard.back()
    choose(wizard, qtbot, write_party_list(tmp_path / "parties.xlsx"), monkeypatch)
    assert (wizard.resolutions, wizard.conflict_default, wizard.apply_deletions,
            wizard.known_conflicts) == ({}, None, False, {})


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
