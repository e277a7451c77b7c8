"""Turning an "outbound visit" interaction into a visit from its window, on SQLite and
PostgreSQL: one click makes the visit with its sides and the interaction as its first talks,
opens the visit's page, and one Undo in the main window removes the visit and gives back the
interaction exactly as it was."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.services import interactions, programme, visits
from db.store.engine import Database
from db.store.errors import NotFound
from desktop.context import AppContext
from desktop.views.interaction_editor import InteractionEditor
from desktop.views.visit_page import VisitPage
from desktop.windows.record_pages import new_context
from tests.db.factories import make_interaction, make_organization, make_person
from tests.desktop.conftest import RecordedMessages
from tests.desktop.helpers import settle

LAST_MONTH = date.today() - timedelta(days=30)


@pytest.fixture
def context(db: Database, qapp: object, recorded: RecordedMessages) -> Iterator[AppContext]:
    ctx = new_context(db)
    yield ctx
    for window in list(ctx.windows.values()):
        window.close()
    ctx.close()


@pytest.fixture
def trip(context: AppContext) -> dict[str, Any]:
    db = context.database
    cpv = make_organization(db, name="Đảng Cộng sản Việt Nam", name_zh="越南共产党",
                            country="VN")
    head = make_person(db, name="Nguyễn Văn Nên", name_zh="阮文年")
    record = make_interaction(db, kind="outbound_visit", title="Delegation to Hanoi",
                              start=LAST_MONTH.isoformat(),
                              end=(LAST_MONTH + timedelta(days=4)).isoformat(), country="VN",
                              city="Hanoi", summary="Exchange on party building.",
                              outcomes="A seminar next year.",
                              organizations_=[cpv.id], people_=[head.id])
    return {"interaction": record, "cpv": cpv, "head": head}


def open_editor(context: AppContext, interaction_id: str) -> InteractionEditor:
    editor = context.open_interaction(interaction_id)
    assert isinstance(editor, InteractionEditor)
    return editor


def test_turning_into_a_visit_and_undoing_it(qtbot: QtBot, context: AppContext,
                                             trip: dict[str, Any]) -> None:
    db = context.database
    before = interactions.get_interaction(db, trip["interaction"].id)
    editor = open_editor(context, before.id)
    assert editor.visit_button.isVisible()
    qtbot.mouseClick(editor.visit_button, Qt.MouseButton.LeftButton)
    settle()
    pages = [w for w in context.open_windows() if isinstance(w, VisitPage)]
    assert len(pages) == 1
    page = pages[0]
    visit = visits.get_visit(db, page.record.id)
    assert (visit.title, visit.direction, visit.status, visit.start, visit.host_id) == (
        "Delegation to Hanoi", "outbound", "done", LAST_MONTH, trip["cpv"].id)
    assert visit.purpose == "Exchange on party building."
    assert [m.person_id for m in visits.list_members(db, visit.id)] == [trip["head"].id]
    items = programme.list_items(db, visit.id)
    assert [(i.kind, i.interaction_id) for i in items] == [("talks", before.id)]
    # the interaction is the visit's talks now: its window closed
    assert ("interaction", before.id) not in context.windows
    assert page.form.value("title") == "Delegation to Hanoi"

    assert context.undo_stack.undoText() == "Turn “Delegation to Hanoi” into a visit"
    context.undo_stack.undo()
    settle()
    with pytest.raises(NotFound):
        visits.get_visit(db, visit.id)
    after = interactions.get_interaction(db, before.id)
    assert (after.kind, after.title, after.start, after.end, after.summary, after.outcomes,
            sorted(p.organization_id or p.person_id or "" for p in after.participants)) == (
        before.kind, before.title, before.start, before.end, before.summary, before.outcomes,
        sorted(p.organization_id or p.person_id or "" for p in before.participants))
    assert programme.list_items(db, visit.id) == []
    assert visits.list_visits(db).total == 0
    assert page.is_deleted  # the page says the visit is gone
    # Taken back, it can be turned into a visit again.
    editor = open_editor(context, before.id)
    assert editor.visit_button.isVisible()


def test_unsaved_edits_are_saved_first(qtbot: QtBot, context: AppContext,
                                       trip: dict[str, Any]) -> None:
    editor = open_editor(context, trip["interaction"].id)
    editor.title_edit.setText("Delegation to Hanoi and Hải Phòng")
    page = editor.turn_into_visit()
    assert isinstance(page, VisitPage)
    assert page.record.title == "Delegation to Hanoi and Hải Phòng"


def test_only_visits_can_be_turned_into_one(qtbot: QtBot, context: AppContext,
                                            trip: dict[str, Any],
                                            recorded: RecordedMessages) -> None:
    talks = make_interaction(context.database, kind="talks", title="Talks in Hanoi",
                             start=LAST_MONTH.isoformat())
    editor = open_editor(context, talks.id)
    assert not editor.visit_button.isVisible()
    assert editor.turn_into_visit() is None
    assert visits.list_visits(context.database).total == 0
    # Already turned into a visit elsewhere: the database says so, nothing is written.
    editor = open_editor(context, trip["interaction"].id)
    programme.visit_from_interaction(context.database, trip["interaction"].id)
    interactions.update_interaction(context.database, trip["interaction"].id,
                                    {"kind": "outbound_visit"}, expected_version=None)
    editor.load()
    assert editor.turn_into_visit() is None
    assert recorded.texts("warning")[-1] == "“Delegation to Hanoi” is already part of a visit."
    assert visits.list_visits(context.database).total == 1
    assert context.undo_stack.count() == 0
