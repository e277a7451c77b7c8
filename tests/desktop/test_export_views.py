"""Exporting what a screen shows: a list with its filters and order (from the list itself and
from File ▸ Export this list…) and one organization's dossier — real widgets, real .xlsx files
read back with openpyxl."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from db.exchange.export.output import ExportProgress
from db.services.affiliations import create_affiliation
from db.services.followups import create_followup
from desktop import exporting
from desktop.context import AppContext
from desktop.jobs.worker import Job
from desktop.views.followups import FollowUpsView
from desktop.views.interactions import InteractionsView
from desktop.views.organization_page import OrganizationPage
from desktop.views.organizations import OrganizationsView
from desktop.views.people import PeopleView
from desktop.windows import main_window as main_window_module
from desktop.windows.main_window import MainWindow, ViewEntry
from tests.db.factories import make_interaction, make_organization, make_person
from tests.desktop.conftest import RecordedMessages
from tests.desktop.helpers import settle, wait_for_cancel, wait_until_active

LEFT = Qt.MouseButton.LeftButton


def save_to(monkeypatch: pytest.MonkeyPatch, target: Path) -> list[tuple[str, str]]:
    """Answer the save dialog with `target`; returns what it was asked (caption, name)."""
    asked: list[tuple[str, str]] = []

    def ask(_parent: QWidget | None, caption: str, name: str) -> str:
        asked.append((caption, name))
        return str(target)

    monkeypatch.setattr(exporting, "ask_export_path", ask)
    return asked


def finish(qtbot: QtBot, job: Job | None) -> None:
    assert job is not None
    qtbot.waitUntil(lambda: not job.running, timeout=20_000)
    assert job.error is None


def sheet_rows(path: Path, sheet: str) -> list[tuple[Any, ...]]:
    """The rows under the title line and the header (each as wide as the header)."""
    book = load_workbook(path)
    try:
        return [row for row in book[sheet].iter_rows(min_row=3, values_only=True)
                if any(cell is not None for cell in row)]
    finally:
        book.close()


def sheet_line(path: Path, sheet: str, row: int) -> tuple[Any, ...]:
    book = load_workbook(path)
    try:
        return next(book[sheet].iter_rows(min_row=row, max_row=row, values_only=True))
    finally:
        book.close()


def shown(model: Any) -> list[Any]:
    settle()  # the list's pages come from the database worker
    return [model.record(row) for row in range(model.rowCount())]


@pytest.fixture
def organizations_view(context: AppContext, qtbot: QtBot) -> OrganizationsView:
    db = context.database
    make_organization(db, name="Partido Socialista", country="PT")
    make_organization(db, name="Partido Comunista de Cuba", country="CU")
    make_organization(db, name="Partido Verde", country="BR")
    make_organization(db, name="Partido dos Trabalhadores", abbreviation="PT", country="BR")
    make_organization(db, name="Labour Party", country="GB")
    make_organization(db, name="Parti Socialiste", country="FR")
    view = OrganizationsView(context)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    settle()
    return view


# -- a list, as filtered and sorted ---------------------------------------------------------
def test_a_filtered_list_exports_only_its_rows_in_the_order_shown(
        organizations_view: OrganizationsView, context: AppContext, qtbot: QtBot,
        tmp_path: Path, recorded: RecordedMessages, monkeypatch: pytest.MonkeyPatch) -> None:
    view = organizations_view
    qtbot.keyClicks(view.query, "partido")
    qtbot.waitUntil(lambda: view.model.rowCount() == 4, timeout=2000)
    view.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # country, Z to A
    on_screen = [(r.name, r.country_name) for r in shown(view.model)]
    assert [country for _, country in on_screen] == ["Portugal", "Cuba", "Brazil", "Brazil"]

    target = tmp_path / "partidos.xlsx"
    asked = save_to(monkeypatch, target)
    qtbot.mouseClick(view.export, LEFT)
    assert len(context.jobs) == 1
    finish(qtbot, context.jobs[0])

    assert asked == [("Export the organizations list",
                      f"Organizations {date.today().isoformat()}.xlsx")]
    rows = sheet_rows(target, "Organizations")
    assert [(row[0], row[4]) for row in rows] == on_screen  # name, country
    assert "Labour Party" not in {row[0] for row in rows}
    assert "matching “partido”" in sheet_line(target, "Organizations", 1)[0]
    assert recorded.texts("info") == [f"The list of 4 organizations was saved as {target}."]


def test_a_filter_typed_a_moment_before_the_export_is_part_of_it(
        organizations_view: OrganizationsView, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    view = organizations_view
    target = tmp_path / "labour.xlsx"
    save_to(monkeypatch, target)
    qtbot.keyClicks(view.query, "labour")  # the list has not reloaded yet
    finish(qtbot, view.export_list())
    assert [row[0] for row in sheet_rows(target, "Organizations")] == ["Labour Party"]
    assert view.model.rowCount() == 1  # and the screen shows the same


def test_people_export_with_their_filter(context: AppContext, qtbot: QtBot, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    party = make_organization(context.database, name="Frente Amplio", country="UY")
    ana = make_person(context.database, name="Ana Olivera", title="Senator")
    make_person(context.database, name="Ana Lima")
    make_person(context.database, name="José Mujica")
    create_affiliation(context.database, {"person_id": ana.id, "organization_id": party.id,
                                          "role": "Senator"})
    view = PeopleView(context)
    qtbot.addWidget(view)
    qtbot.keyClicks(view.query, "ana")
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=2000)
    view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    target = tmp_path / "people.xlsx"
    save_to(monkeypatch, target)
    finish(qtbot, view.export_list())
    rows = sheet_rows(target, "People")
    assert [row[0] for row in rows] == [r.person.name for r in shown(view.model)] == [
        "Ana Olivera", "Ana Lima"]
    assert rows[0][4] == "Frente Amplio"  # current organizations, as the list shows them


def test_interactions_export_with_their_kind_and_date_order(
        context: AppContext, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    db = context.database
    make_interaction(db, kind="talks", title="Talks in Lima", start="2024-03-01")
    make_interaction(db, kind="talks", title="Talks in Quito", start="2024-05-01")
    make_interaction(db, kind="seminar", title="Seminar on governance", start="2024-04-01")
    view = InteractionsView(context)
    qtbot.addWidget(view)
    view.kind.setCurrentIndex(view.kind.findData("talks"))
    view.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # oldest first
    assert [r.record.title for r in shown(view.model)] == ["Talks in Lima", "Talks in Quito"]
    target = tmp_path / "talks.xlsx"
    save_to(monkeypatch, target)
    finish(qtbot, view.export_list())
    rows = sheet_rows(target, "Interactions")
    assert [row[3] for row in rows] == ["Talks in Lima", "Talks in Quito"]


def test_follow_ups_export_open_ones_unless_done_ones_are_shown(
        context: AppContext, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    db = context.database
    org = make_organization(db, name="Frente Amplio", country="UY")
    today = date.today()
    create_followup(db, {"description": "Send the report", "organization_id": org.id,
                         "due": today + timedelta(days=5)})
    create_followup(db, {"description": "Invite to the forum", "organization_id": org.id,
                         "due": today - timedelta(days=5)})
    create_followup(db, {"description": "Thank the hosts", "status": "done"})
    view = FollowUpsView(context)
    qtbot.addWidget(view)
    first, second = tmp_path / "open.xlsx", tmp_path / "all.xlsx"
    save_to(monkeypatch, first)
    finish(qtbot, view.export_list())
    assert [row[1] for row in sheet_rows(first, "Follow-ups")] == [
        "Invite to the forum", "Send the report"]
    view.show_done.setChecked(True)
    save_to(monkeypatch, second)
    finish(qtbot, view.export_list())
    assert {row[1] for row in sheet_rows(second, "Follow-ups")} == {
        "Invite to the forum", "Send the report", "Thank the hosts"}


# -- the save dialog ------------------------------------------------------------------------
def test_the_save_dialog_offers_a_dated_name_in_the_last_export_folder(
        organizations_view: OrganizationsView, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    offered: list[str] = []
    answer = [str(folder / "register")]  # the user leaves out the extension

    def dialog(_parent: QWidget, _caption: str, suggested: str, _filter: str) -> tuple[str, str]:
        offered.append(suggested)
        return answer[0], _filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    finish(qtbot, organizations_view.export_list())
    assert (folder / "register.xlsx").is_file()
    answer[0] = ""  # cancelled: nothing happens
    assert organizations_view.export_list() is None
    today = date.today().isoformat()
    assert offered == [str(Path.home() / f"Organizations {today}.xlsx"),
                       str(folder / f"Organizations {today}.xlsx")]


def test_a_destination_that_cannot_be_written_is_refused_before_any_work(
        organizations_view: OrganizationsView, tmp_path: Path, recorded: RecordedMessages,
        monkeypatch: pytest.MonkeyPatch) -> None:
    save_to(monkeypatch, tmp_path / "missing" / "list.xlsx")
    assert organizations_view.export_list() is None
    assert "does not exist" in recorded.texts("warning")[-1]


def test_file_names_are_safe_whatever_the_organization_is_called() -> None:
    today = date.today().isoformat()
    assert exporting.file_name("Organizations") == f"Organizations {today}.xlsx"
    assert exporting.file_name("PS/PSD: Alliance? dossier") == (
        f"PS-PSD- Alliance- dossier {today}.xlsx")


# -- an organization's dossier --------------------------------------------------------------
def test_an_organization_page_exports_its_dossier(context: AppContext, qtbot: QtBot,
                                                  tmp_path: Path, recorded: RecordedMessages,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    db = context.database
    org = make_organization(db, name="Frente Amplio", abbreviation="FA", country="UY")
    partner = make_organization(db, name="Partido Socialista", country="CL")
    person = make_person(db, name="Ana Olivera")
    create_affiliation(db, {"person_id": person.id, "organization_id": org.id,
                            "role": "International secretary"})
    make_interaction(db, organizations_=[org.id, partner.id], title="Talks in Montevideo")
    create_followup(db, {"description": "Send the seminar report", "organization_id": org.id,
                         "due": date.today() + timedelta(days=7)})
    page = context.open_organization(org.id)
    assert isinstance(page, OrganizationPage)
    wait_until_active(page)
    assert page.dossier_action.isEnabled()
    target = tmp_path / "fa.xlsx"
    asked = save_to(monkeypatch, target)
    page.dossier_action.trigger()
    assert len(context.jobs) == 1
    finish(qtbot, context.jobs[0])

    assert asked[0][1] == f"Frente Amplio dossier {date.today().isoformat()}.xlsx"
    book = load_workbook(target, read_only=True)
    assert book.sheetnames == ["Profile", "People", "Timeline", "Follow-ups"]
    book.close()
    profile = {row[0]: row[1] for row in sheet_rows(target, "Profile")}
    assert profile["Name"] == "Frente Amplio" and profile["Abbreviation"] == "FA"
    assert [(row[0], row[3]) for row in sheet_rows(target, "People")] == [
        ("Ana Olivera", "International secretary")]
    timeline = sheet_rows(target, "Timeline")
    assert [(row[3], row[5]) for row in timeline] == [("Talks in Montevideo",
                                                       "Partido Socialista")]
    assert [row[1] for row in sheet_rows(target, "Follow-ups")] == ["Send the seminar report"]
    assert recorded.texts("info") == [f"The dossier of Frente Amplio was saved as {target}."]


def test_a_new_or_deleted_organization_has_no_dossier_to_export(context: AppContext,
                                                                qtbot: QtBot) -> None:
    new_page = context.open_organization(None)
    assert isinstance(new_page, OrganizationPage)
    assert not new_page.dossier_action.isEnabled()
    assert new_page.export_dossier() is None
    org = make_organization(context.database, name="Frente Amplio", country="UY")
    page = context.open_organization(org.id)
    assert isinstance(page, OrganizationPage)
    assert page.dossier_action.isEnabled()
    context.delete(page, "organization", org.id, "Frente Amplio",
                   lambda: page.delete_record(org.id), lambda: page.restore_record(org.id))
    qtbot.waitUntil(lambda: page.is_deleted, timeout=2000)
    assert not page.dossier_action.isEnabled()
    context.stack_for(page).undo()
    qtbot.waitUntil(lambda: page.dossier_action.isEnabled(), timeout=2000)


def test_closing_the_page_during_its_dossier_export_stops_the_export_first(
        context: AppContext, qtbot: QtBot, tmp_path: Path, recorded: RecordedMessages,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from db.exchange.export import dossier

    def slow(_db: Any, _path: Any, _organization_id: str,
             cancelled: Callable[[], bool]) -> Iterator[ExportProgress]:
        yield ExportProgress("profile", 0, 1)
        wait_for_cancel(cancelled)
        raise InterruptedError("The export was cancelled; no file was written.")

    monkeypatch.setattr(dossier, "write_dossier", slow)
    org = make_organization(context.database, name="Frente Amplio", country="UY")
    page = context.open_organization(org.id)
    assert isinstance(page, OrganizationPage)
    save_to(monkeypatch, tmp_path / "fa.xlsx")
    job = page.export_dossier()
    assert job is not None and job.running
    assert page.export_dossier() is job  # one at a time
    assert not page.close()  # not yet: the export stops first
    qtbot.waitUntil(lambda: not job.running and ("organization", org.id) not in context.windows,
                    timeout=5000)  # stopped, then closed (and gone)
    assert isinstance(job.error, InterruptedError)
    assert recorded.shown == []  # a cancel says nothing: the user asked for it


# -- File ▸ Export this list… ---------------------------------------------------------------
@pytest.fixture
def window(context: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """The main window with one screen that is not a list (as a dashboard would be)."""
    def dashboard(_context: AppContext) -> QWidget:
        return QLabel("Dashboard")

    monkeypatch.setattr(main_window_module, "VIEWS", (
        *main_window_module.VIEWS, ViewEntry("dashboard", "Dashboard", "globe", "Ctrl+9",
                                             dashboard)))
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.show()
    return main


def test_export_this_list_is_in_the_file_menu_and_only_for_lists(window: MainWindow) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    assert window.export_list_action in file_menu.actions()
    assert window.export_list_action.text().replace("&", "") == "Export this list…"
    lists = [e.key for e in main_window_module.VIEWS if e.key not in ("visits", "events", "dashboard")]
    for number, entry in enumerate(main_window_module.VIEWS):
        window.navigation.setCurrentRow(number)
        assert window.export_list_action.isEnabled() == (entry.key in lists), entry.key
    window.navigation.setCurrentRow(len(main_window_module.VIEWS) - 1)
    assert window.windowTitle() == f"Dashboard — {window.context.database.title()}"
    assert not window.export_list_action.isEnabled()
    assert window.export_current_list() is None
    window.navigation.setCurrentRow(1)
    assert window.export_list_action.isEnabled()


def test_export_this_list_exports_the_screen_showing(window: MainWindow, context: AppContext,
                                                     qtbot: QtBot, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    make_person(context.database, name="Ana Olivera")
    make_person(context.database, name="José Mujica")
    window.navigation.setCurrentRow(1)  # People
    people = window.current_view()
    assert isinstance(people, PeopleView)
    qtbot.keyClicks(people.query, "mujica")
    target = tmp_path / "people.xlsx"
    asked = save_to(monkeypatch, target)
    window.export_list_action.trigger()
    assert len(context.jobs) >= 1
    for job in list(context.jobs):
        finish(qtbot, job)
    assert asked[0][1] == f"People {date.today().isoformat()}.xlsx"
    assert [row[0] for row in sheet_rows(target, "People")] == ["José Mujica"]
