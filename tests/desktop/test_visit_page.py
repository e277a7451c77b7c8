"""A visit's page driven like a user would, on SQLite and PostgreSQL: creating a visit (a
problem beside the field and nothing written when the dates are wrong), the host picked by
name, the delegations on each side (a second head is refused beside the field), gifts, undo
of each, the briefing pack saved as a PDF, and deleting the visit with undo."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from db.services import affiliations, programme, visits
from db.store.engine import Database
from db.store.errors import NotFound
from desktop.context import AppContext
from desktop.views import visit_briefing
from desktop.views.visit_page import VisitPage
from desktop.widgets.programme_editor import ProgrammeEditor
from desktop.widgets.visit_entries import EntryDialog
from desktop.widgets.visit_fields import ChosenRecord
from desktop.windows.record_pages import new_context
from tests.db.factories import make_organization, make_person
from tests.desktop.conftest import RecordedMessages
from tests.desktop.helpers import settle, show_tab, type_into, type_text, wait_until_active

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def context(db: Database, qapp: object, recorded: RecordedMessages) -> Iterator[AppContext]:
    ctx = new_context(db)
    yield ctx
    for window in list(ctx.windows.values()):
        window.close()
    ctx.close()


@pytest.fixture
def register(context: AppContext) -> dict[str, Any]:
    db = context.database
    ours = make_organization(db, name="Partido dos Trabalhadores", abbreviation="PT",
                             country="BR")
    cpc = make_organization(db, name="中国共产党", name_en="Communist Party of China",
                            country="CN")
    head = make_person(db, name="Gleisi Hoffmann", nationality="BR")
    affiliations.create_affiliation(db, {"person_id": head.id, "organization_id": ours.id,
                                         "role": "President", "start": "2017-06-03"})
    host = make_person(db, name="刘建超", name_en="Liu Jianchao", nationality="CN")
    affiliations.create_affiliation(db, {"person_id": host.id, "organization_id": cpc.id,
                                         "role": "Minister, International Department",
                                         "start": "2022-06-01"})
    other = make_person(db, name="Romênio Pereira", nationality="BR")
    return {"ours": ours, "cpc": cpc, "head": head, "host": host, "other": other}


@pytest.fixture
def visit(context: AppContext, register: dict[str, Any]) -> str:
    record = visits.create_visit(context.database, {
        "title": "PT delegation to Beijing", "direction": "outbound", "start": "2026-05-06",
        "end": "2026-05-10", "country": "CN", "host_id": register["cpc"].id,
        "guest_id": register["ours"].id, "purpose": "Exchange on governance."})
    return record.id


def open_page(context: AppContext, visit_id: str | None = None) -> VisitPage:
    page = context.open_visit(visit_id)
    assert isinstance(page, VisitPage)
    wait_until_active(page)
    return page


def choose(qtbot: QtBot, field: Any, text: str) -> None:
    """Find a record by typing part of its name and pressing Enter, as a user does."""
    assert isinstance(field, ChosenRecord)
    type_text(qtbot, field.picker, text)
    qtbot.keyClick(field.picker, Qt.Key.Key_Return)


def ok(dialog: EntryDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


# -- the visit itself ------------------------------------------------------------------------
def test_bad_dates_show_beside_the_field_and_write_nothing(
        qtbot: QtBot, context: AppContext, register: dict[str, Any]) -> None:
    page = open_page(context)
    assert page.windowTitle().startswith("New visit")
    assert not page.tabs.isTabEnabled(1) and not page.pdf_action.isEnabled()
    type_into(qtbot, page.form, "title", "CPC delegation in Brasília")
    type_into(qtbot, page.form, "start", "2026-09-14")
    type_into(qtbot, page.form, "end", "2026-09-10")
    choose(qtbot, page.form.widgets["guest_id"], "Communist Party of")
    assert page.form.widgets["guest_id"].name.text() == "中国共产党"
    qtbot.mouseClick(page.save_button, LEFT)
    error = page.form.errors["end"]
    assert error.isVisible() and error.text() == "The end date is before the start date."
    assert visits.list_visits(context.database).total == 0
    assert page.record is None
    page.form.widgets["end"].edit.setText("2026-09-18")
    qtbot.mouseClick(page.save_button, LEFT)
    assert not page.form.errors["end"].isVisible()
    saved = visits.list_visits(context.database).items
    assert [(v.title, v.direction, v.status, v.guest_id, v.host_id) for v in saved] == [
        ("CPC delegation in Brasília", "inbound", "planned", register["cpc"].id, None)]
    assert context.windows[("visit", saved[0].id)] is page
    assert page.tabs.isTabEnabled(1) and page.pdf_action.isEnabled()
    assert "Guest: 中国共产党" in page.names_label.text()


def test_editing_the_profile_and_clearing_the_host(
        qtbot: QtBot, context: AppContext, visit: str) -> None:
    page = open_page(context, visit)
    assert page.form.widgets["host_id"].name.text() == "中国共产党"
    qtbot.mouseClick(page.form.widgets["host_id"].clear_button, LEFT)
    page.form.widgets["status"].setCurrentIndex(
        page.form.widgets["status"].findData("confirmed"))
    outcomes = page.form.widgets["outcomes"]
    assert isinstance(outcomes, QPlainTextEdit)
    outcomes.setPlainText("A seminar on governance in 2027.")
    assert page.windowTitle().endswith("*")
    assert page.save()
    record = visits.get_visit(context.database, visit)
    assert (record.host_id, record.status, record.outcomes) == (
        None, "confirmed", "A seminar on governance in 2027.")
    assert not page.windowTitle().endswith("*")


def test_new_dates_must_hold_the_programme(qtbot: QtBot, context: AppContext,
                                           visit: str) -> None:
    programme.add_item(context.database, visit, {"day": "2026-05-09", "title": "Site visit",
                                                 "kind": "site_visit"})
    page = open_page(context, visit)
    page.form.widgets["end"].edit.setText("2026-05-07")
    assert not page.save()
    assert page.form.errors["end"].isVisible()
    assert page.form.errors["end"].text().startswith("1 programme item(s) would fall outside")
    assert visits.get_visit(context.database, visit).end.isoformat() == "2026-05-10"


def test_deleting_the_visit_closes_its_page_and_undo_brings_it_back(
        qtbot: QtBot, context: AppContext, visit: str, recorded: RecordedMessages) -> None:
    page = open_page(context, visit)
    assert page.ask_delete()
    assert recorded.texts("confirm")[-1].startswith("Delete “PT delegation to Beijing”?")
    with pytest.raises(NotFound):
        visits.get_visit(context.database, visit)
    context.undo_stack.undo()
    assert visits.get_visit(context.database, visit).title == "PT delegation to Beijing"


# -- the delegations -------------------------------------------------------------------------
def test_members_join_with_their_current_position_and_one_head_a_side(
        qtbot: QtBot, context: AppContext, visit: str, register: dict[str, Any]) -> None:
    page = open_page(context, visit)
    show_tab(page.tabs, "Delegations")
    tab = page.members
    dialog = tab.add()
    assert isinstance(dialog, EntryDialog)
    choose(qtbot, dialog.form.widgets["person_id"], "Gleisi")
    dialog.form.widgets["role"].setCurrentIndex(dialog.form.widgets["role"].findData("head"))
    ok(dialog)
    assert not dialog.isVisible()
    members = visits.list_members(context.database, visit)
    assert [(m.person_id, m.organization_id, m.side, m.role, m.title) for m in members] == [
        (register["head"].id, register["ours"].id, "guest", "head", "President")]
    assert tab.model.rowCount() == 1
    assert [tab.model.index(0, n).data() for n in range(5)] == [
        "Guests", "Head of delegation", "Gleisi Hoffmann", "Partido dos Trabalhadores",
        "President"]

    # A second head of the guests: refused beside the field, the dialog stays, nothing written.
    dialog = tab.add()
    assert dialog is not None
    choose(qtbot, dialog.form.widgets["person_id"], "Romênio")
    dialog.form.widgets["role"].setCurrentIndex(dialog.form.widgets["role"].findData("head"))
    ok(dialog)
    assert dialog.isVisible()
    error = dialog.form.errors["role"]
    assert error.isVisible()
    assert error.text() == "The guests already have a head of delegation: Gleisi Hoffmann."
    assert len(visits.list_members(context.database, visit)) == 1
    dialog.form.widgets["role"].setCurrentIndex(
        dialog.form.widgets["role"].findData("interpreter"))
    ok(dialog)
    assert not dialog.isVisible()
    assert len(visits.list_members(context.database, visit)) == 2

    # The head cannot be a member too.
    dialog = tab.add()
    assert dialog is not None
    choose(qtbot, dialog.form.widgets["person_id"], "Gleisi")
    ok(dialog)
    assert dialog.form.errors["person_id"].isVisible()
    assert "already in this visit as head of delegation" in \
        dialog.form.errors["person_id"].text()
    dialog.reject()
    assert len(visits.list_members(context.database, visit)) == 2

    # Undo in the page takes back the last member, then the first.
    assert page.undo_stack.undoText() == "Add Romênio Pereira to the visit"
    page.undo_stack.undo()
    settle()
    assert [m.person_name for m in visits.list_members(context.database, visit)] == [
        "Gleisi Hoffmann"]
    assert tab.model.rowCount() == 1


def test_editing_and_removing_a_member_with_undo(
        qtbot: QtBot, context: AppContext, visit: str, register: dict[str, Any],
        recorded: RecordedMessages) -> None:
    member = visits.add_member(context.database, visit, {"person_id": register["host"].id,
                                                         "side": "host", "role": "head"})
    page = open_page(context, visit)
    show_tab(page.tabs, "Delegations")
    tab = page.members
    tab.table.select_row(0)
    assert tab.model.index(0, 2).data() == "刘建超"
    dialog = tab.edit_selected()
    assert dialog is not None
    assert dialog.form.value("title") == "Minister, International Department"
    dialog.form.widgets["title"].setText("Head of the International Department")
    ok(dialog)
    assert visits.list_members(context.database, visit)[0].title == \
        "Head of the International Department"
    page.undo_stack.undo()
    assert visits.list_members(context.database, visit)[0].title == \
        "Minister, International Department"
    tab.reload()
    tab.table.select_row(0)
    qtbot.mouseClick(tab.remove_button, LEFT)
    assert recorded.texts("confirm")[-1] == ("Remove 刘建超 from this visit? Ctrl+Z brings "
                                             "them back.")
    assert visits.list_members(context.database, visit) == []
    page.undo_stack.undo()
    assert [m.id for m in visits.list_members(context.database, visit)] == [member.id]


# -- gifts -----------------------------------------------------------------------------------
def test_gifts_given_and_received(qtbot: QtBot, context: AppContext, visit: str,
                                  register: dict[str, Any]) -> None:
    page = open_page(context, visit)
    show_tab(page.tabs, "Gifts")
    tab = page.gifts
    dialog = tab.add()
    assert dialog is not None
    ok(dialog)  # no description
    assert dialog.isVisible() and dialog.form.errors["description"].isVisible()
    assert visits.list_gifts(context.database, visit) == []
    dialog.form.widgets["direction"].setCurrentIndex(
        dialog.form.widgets["direction"].findData("received"))
    description = dialog.form.widgets["description"]
    assert isinstance(description, QPlainTextEdit)
    description.setPlainText("A jingtailan cloisonné vase")
    choose(qtbot, dialog.form.widgets["person_id"], "Liu Jianchao")
    ok(dialog)
    gifts = visits.list_gifts(context.database, visit)
    assert [(g.direction, g.description, g.person_id) for g in gifts] == [
        ("received", "A jingtailan cloisonné vase", register["host"].id)]
    assert [tab.model.index(0, n).data() for n in range(3)] == [
        "Received", "A jingtailan cloisonné vase", "刘建超"]
    page.undo_stack.undo()
    assert visits.list_gifts(context.database, visit) == []


# -- the briefing pack ----------------------------------------------------------------------
def test_save_briefing_as_pdf_writes_the_pack(qtbot: QtBot, context: AppContext, visit: str,
                                              register: dict[str, Any], tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    visits.add_member(context.database, visit, {"person_id": register["host"].id,
                                                "side": "host", "role": "head"})
    target = tmp_path / "pack.pdf"
    monkeypatch.setattr(visit_briefing, "ask_pdf_path", lambda _parent, _title: str(target))
    page = open_page(context, visit)
    page.pdf_action.trigger()
    qtbot.waitUntil(target.exists, timeout=20000)
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "PT delegation to Beijing" in text
    assert "刘建超" in text and "中国共产党" in text
    qtbot.waitUntil(lambda: "saved as" in page.statusBar().currentMessage())


def test_cancelling_the_save_dialog_writes_nothing(qtbot: QtBot, context: AppContext,
                                                   visit: str, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(visit_briefing, "ask_pdf_path", lambda _parent, _title: "")
    page = open_page(context, visit)
    assert page.save_briefing() is None
    assert list(tmp_path.glob("*.pdf")) == []


# -- the programme ---------------------------------------------------------------------------
def test_the_programme_tab_holds_the_visits_programme(qtbot: QtBot, context: AppContext,
                                                      visit: str) -> None:
    item = programme.add_item(context.database, visit, {
        "day": "2026-05-07", "title": "Visit to a science park", "kind": "site_visit",
        "city": "Shenzhen"})
    page = open_page(context, visit)
    show_tab(page.tabs, "Programme")
    editor = page.programme
    assert isinstance(editor, ProgrammeEditor)
    qtbot.waitUntil(lambda: editor.details is not None)
    assert editor.visit_id == visit
    assert [day.day.isoformat() for day in editor.model.days] == [
        "2026-05-06", "2026-05-07", "2026-05-08", "2026-05-09", "2026-05-10"]
    assert editor.model.item_index(item.id).isValid()
