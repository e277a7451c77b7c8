"""Create as you go (issue 13): in the interaction editor, a participant the search cannot
find is created on the spot — an organization or a person — without leaving the editor or
losing anything typed in it; a likely duplicate is offered first."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from db.services.interactions import get_interaction
from db.services.organizations import OrganizationFilter, list_organizations
from db.services.people import PersonRecord, list_people
from desktop.context import AppContext
from desktop.dialogs import quick_create, similar
from desktop.dialogs.quick_create import QuickCreateDialog
from tests.db.factories import make_organization, make_person
from tests.desktop.test_interaction_editor import LEFT, fill_minimal, open_editor, pick


@pytest.fixture
def register(context: AppContext) -> PersonRecord:
    """A party and a person already in Liaison."""
    make_organization(context.database, name="African National Congress", abbreviation="ANC",
                      country="ZA")
    return make_person(context.database, name="Lars Klingbeil", nationality="DE")


def answer_with(fill: dict[str, str], outcome: list[QuickCreateDialog]):  # type: ignore[no-untyped-def]
    """QuickCreateDialog.exec, as a user who fills `fill` in and presses Create and add."""
    def exec_(dialog: QuickCreateDialog) -> int:
        outcome.append(dialog)
        for key, text in fill.items():
            widget = dialog.form.widgets[key]
            if hasattr(widget, "setText"):
                widget.setText(text)
            else:
                widget.setCurrentIndex(widget.findData(text))
        dialog.create_button.click()
        return int(dialog.result())
    return exec_


def test_an_organization_nobody_has_yet_is_created_from_the_editor_and_saved_with_it(
        qtbot: QtBot, context: AppContext, register: PersonRecord,
        monkeypatch: pytest.MonkeyPatch) -> None:
    editor = open_editor(context)
    fill_minimal(qtbot, editor, "First talks with the Movimiento Semilla")
    summary = editor.texts.widgets["summary"]
    qtbot.keyClicks(summary, "Agreed to exchange youth delegations.")
    pick(qtbot, editor, "Movimiento Semilla")
    participants = editor.participants
    assert participants.not_found.isVisibleTo(editor)
    assert participants.new_organization.text() == "New organization “Movimiento Semilla”…"
    assert "No organization or person is called “Movimiento Semilla”" in participants.error.text()

    dialogs: list[QuickCreateDialog] = []
    monkeypatch.setattr(QuickCreateDialog, "exec",
                        answer_with({"abbreviation": "Semilla", "country": "GT"}, dialogs))
    qtbot.mouseClick(participants.new_organization, LEFT)
    assert dialogs and dialogs[0].form.values()["name"] == "Movimiento Semilla"
    assert participants.model.rowCount() == 1
    row = participants.model.rows[0]
    assert (row.kind, row.name, row.abbreviation) == ("organization", "Movimiento Semilla",
                                                      "Semilla")
    assert row.detail is not None and "Guatemala" in row.detail
    assert not participants.not_found.isVisibleTo(editor) and not participants.picker.text()
    # nothing typed before was lost
    assert editor.title_edit.text() == "First talks with the Movimiento Semilla"
    assert editor.texts.value("summary") == "Agreed to exchange youth delegations."

    created = list_organizations(context.database, OrganizationFilter(query="Semilla")).items
    assert [(o.name, o.country, o.kind) for o in created] == [
        ("Movimiento Semilla", "GT", "party")]
    qtbot.mouseClick(editor.save_button, LEFT)
    qtbot.waitUntil(lambda: editor.interaction_id is not None)
    saved = get_interaction(context.database, editor.interaction_id)
    assert [p.organization_id for p in saved.participants] == [created[0].id]


def test_a_person_is_created_and_a_likely_duplicate_is_offered_first(
        qtbot: QtBot, context: AppContext, register: PersonRecord,
        monkeypatch: pytest.MonkeyPatch) -> None:
    editor = open_editor(context)
    fill_minimal(qtbot, editor)
    pick(qtbot, editor, "Xiomara Castro")
    dialogs: list[QuickCreateDialog] = []
    monkeypatch.setattr(QuickCreateDialog, "exec",
                        answer_with({"title": "President", "nationality": "HN"}, dialogs))
    qtbot.mouseClick(editor.participants.new_person, LEFT)
    people = list_people(context.database).items
    assert sorted(p.name for p in people) == ["Lars Klingbeil", "Xiomara Castro"]
    assert [r.name for r in editor.participants.model.rows] == ["Xiomara Castro"]

    # "Lars Klingbiel" (a typo) finds nothing; creating him offers the one Liaison has
    offered: list[list[str]] = []

    def choose_existing(_parent: object, candidates: list, _names: object = None) -> str:  # type: ignore[type-arg]
        offered.append([c.name for c in candidates])
        return similar.open_choice(candidates[0].id)

    monkeypatch.setattr(similar, "ask_about_similar", choose_existing)
    editor.participants.picker.clear()
    pick(qtbot, editor, "Lars Klingbiel")
    assert editor.participants.not_found.isVisibleTo(editor)
    monkeypatch.setattr(QuickCreateDialog, "exec", answer_with({}, dialogs))
    qtbot.mouseClick(editor.participants.new_person, LEFT)
    assert offered == [["Lars Klingbeil"]]
    assert sorted(r.name for r in editor.participants.model.rows) == [
        "Lars Klingbeil", "Xiomara Castro"]
    assert len(list_people(context.database).items) == 2, "no duplicate was made"


def test_a_cancelled_or_invalid_new_participant_adds_nothing(
        qtbot: QtBot, context: AppContext, register: PersonRecord,
        monkeypatch: pytest.MonkeyPatch) -> None:
    editor = open_editor(context)
    fill_minimal(qtbot, editor)
    pick(qtbot, editor, "Partido Nuevo")
    monkeypatch.setattr(QuickCreateDialog, "exec", lambda dialog: 0)
    qtbot.mouseClick(editor.participants.new_organization, LEFT)
    assert editor.participants.model.rowCount() == 0
    assert list_organizations(context.database, OrganizationFilter(query="Nuevo")).total == 0

    dialogs: list[QuickCreateDialog] = []
    monkeypatch.setattr(QuickCreateDialog, "exec", answer_with({"name": ""}, dialogs))
    row = quick_create.create_participant(context, "organization", "Partido Nuevo", editor)
    assert row is None
    assert dialogs[0].form.errors["name"].text() == "The name cannot be empty."
    assert not dialogs[0].result(), "the dialog stays open with the problem beside the field"
    assert list_organizations(context.database, OrganizationFilter(query="Nuevo")).total == 0
