"""The follow-ups list against a real SQLite file: open commitments by due date, overdue
ones marked, filters, mark done (with conflicts and undo), add, delete with undo."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from db.changes.recording import Actor
from db.services.followups import create_followup, get_followup, list_followups, update_followup
from db.store.errors import NotFound
from desktop.context import AppContext
from desktop.dialogs.followup import FollowUpDialog
from desktop.readable import date_text
from desktop.views.followups import OVERDUE, FollowUpsView
from desktop.views.interaction_editor import InteractionEditor
from tests.db.factories import make_interaction, make_organization
from tests.desktop.conftest import RecordedConflicts, RecordedMessages
from tests.desktop.helpers import settle

LEFT = Qt.MouseButton.LeftButton
DUE, DESCRIPTION, OWNER, ORGANIZATION, INTERACTION, STATUS = range(6)


@pytest.fixture
def commitments(context: AppContext) -> dict[str, Any]:
    db = context.database
    today = date.today()
    spd = make_organization(db, name="Sozialdemokratische Partei Deutschlands", abbreviation="SPD")
    anc = make_organization(db, name="African National Congress", abbreviation="ANC")
    talks = make_interaction(db, title="Talks with the SPD", organizations_=[spd.id])

    def add(description: str, due: date | None, owner: str, organization: str | None,
            interaction: str | None = None) -> Any:
        return create_followup(db, {"description": description, "due": due, "owner": owner,
                                    "organization_id": organization,
                                    "interaction_id": interaction})

    return {
        "spd": spd, "anc": anc, "talks": talks,
        "later": add("Send the seminar programme", today + timedelta(days=30), "Li Wei", spd.id,
                     talks.id),
        "overdue": add("Reply to the invitation", today - timedelta(days=10), "Wang Fang",
                       anc.id),
        "undated": add("Arrange a return visit", None, "Li Wei", anc.id),
        "soon": add("Confirm the delegation list", today + timedelta(days=2), "Wang Fang",
                    spd.id, talks.id),
    }


def make_view(qtbot: QtBot, context: AppContext) -> FollowUpsView:
    view = FollowUpsView(context)
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    settle()
    return view


def descriptions(view: FollowUpsView) -> list[str]:
    settle()  # the list's pages come from the database worker
    return [view.model.index(row, DESCRIPTION).data() for row in range(view.model.rowCount())]


def select(view: FollowUpsView, description: str) -> None:
    view.table.select_row(descriptions(view).index(description))


def test_open_commitments_by_due_date_with_overdue_ones_marked(
        qtbot: QtBot, context: AppContext, commitments: dict[str, Any],
        qtmodeltester: ModelTester) -> None:
    view = make_view(qtbot, context)
    assert descriptions(view) == ["Reply to the invitation", "Confirm the delegation list",
                                  "Send the seminar programme", "Arrange a return visit"]
    assert view.count.text() == "4 open · 1 overdue"
    model = view.model
    overdue = model.index(0, DUE)
    assert overdue.data(Qt.ItemDataRole.ForegroundRole) == OVERDUE
    assert model.index(0, DESCRIPTION).data(Qt.ItemDataRole.ForegroundRole) == OVERDUE
    assert overdue.data(Qt.ItemDataRole.DecorationRole) is not None
    due = date_text(commitments["overdue"].due)
    assert overdue.data(Qt.ItemDataRole.ToolTipRole) == f"Overdue since {due} (10 days)"
    assert model.index(1, DUE).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(1, DUE).data(Qt.ItemDataRole.DecorationRole) is None
    assert model.index(3, DUE).data() == "no date"
    assert model.index(1, ORGANIZATION).data() == "Sozialdemokratische Partei Deutschlands"
    assert model.index(1, INTERACTION).data() == "Talks with the SPD"
    qtmodeltester.check(model)


def test_filter_by_owner_and_organization(
        qtbot: QtBot, context: AppContext, commitments: dict[str, Any]) -> None:
    view = make_view(qtbot, context)
    assert [view.owner.itemText(i) for i in range(view.owner.count())] == [
        "Everyone", "Li Wei", "Wang Fang"]
    view.owner.setCurrentIndex(view.owner.findData("Wang Fang"))
    assert descriptions(view) == ["Reply to the invitation", "Confirm the delegation list"]
    qtbot.keyClicks(view.organization, "SPD")
    qtbot.keyClick(view.organization, Qt.Key.Key_Return)
    assert descriptions(view) == ["Confirm the delegation list"]
    assert view.organization_label.text() == "Sozialdemokratische Partei Deutschlands"
    assert view.organization.isHidden() and not view.clear_organization.isHidden()
    qtbot.mouseClick(view.clear_organization, LEFT)
    assert descriptions(view) == ["Reply to the invitation", "Confirm the delegation list"]
    assert not view.organization.isHidden()


def test_mark_done_hides_it_show_done_shows_it_and_undo_reopens_it(
        qtbot: QtBot, context: AppContext, commitments: dict[str, Any]) -> None:
    view = make_view(qtbot, context)
    select(view, "Reply to the invitation")
    qtbot.mouseClick(view.done_button, LEFT)
    record = get_followup(context.database, commitments["overdue"].id)
    assert (record.status, record.completed_on) == ("done", date.today())
    assert "Reply to the invitation" not in descriptions(view)
    assert view.count.text() == "3 open"
    view.show_done.setChecked(True)
    assert "Reply to the invitation" in descriptions(view)
    row = descriptions(view).index("Reply to the invitation")
    assert view.model.index(row, STATUS).data() == "Done"
    assert view.model.index(row, STATUS).data(Qt.ItemDataRole.ToolTipRole) == "Done"
    assert view.model.index(row, DUE).data(Qt.ItemDataRole.ForegroundRole) == QColor("#6b6b6b")
    view.table.select_row(row)
    assert not view.done_button.isEnabled()
    context.undo_stack.undo()
    assert get_followup(context.database, commitments["overdue"].id).status == "open"
    view.show_done.setChecked(False)
    assert "Reply to the invitation" in descriptions(view)


def test_mark_done_on_a_commitment_changed_elsewhere_asks_and_cancel_writes_nothing(
        qtbot: QtBot, context: AppContext, commitments: dict[str, Any],
        conflicts: RecordedConflicts) -> None:
    view = make_view(qtbot, context)
    select(view, "Send the seminar programme")
    first = commitments["later"]
    update_followup(context.database, first.id, {"owner": "Zhao Lei"},
                    expected_version=first.version, actor=Actor(who="Zhao Lei"))  # elsewhere
    qtbot.mouseClick(view.done_button, LEFT)  # the recorder answers Cancel
    asked = conflicts.last()
    assert set(asked) == {"status", "owner"}
    assert (asked["status"].mine, asked["status"].theirs) == ("Done", "Open")
    assert (asked["owner"].theirs, asked["owner"].by) == ("Zhao Lei", "Zhao Lei")
    record = get_followup(context.database, first.id)
    assert (record.status, record.owner) == ("open", "Zhao Lei")
    assert context.undo_stack.count() == 0

    conflicts.answer = {"status": "mine", "owner": "theirs"}
    select(view, "Send the seminar programme")
    qtbot.mouseClick(view.done_button, LEFT)
    record = get_followup(context.database, first.id)
    assert (record.status, record.owner) == ("done", "Zhao Lei")
    assert context.undo_stack.count() == 1


def test_open_interaction_and_organization(
        qtbot: QtBot, context: AppContext, commitments: dict[str, Any],
        monkeypatch: pytest.MonkeyPatch) -> None:
    view = make_view(qtbot, context)
    select(view, "Arrange a return visit")
    assert not view.interaction_button.isEnabled()
    opened: list[str | None] = []
    monkeypatch.setattr(context, "open_organization", lambda i=None, initial=None: opened.append(i))
    qtbot.mouseClick(view.organization_button, LEFT)
    assert opened == [commitments["anc"].id]
    select(view, "Confirm the delegation list")
    qtbot.mouseClick(view.interaction_button, LEFT)
    editor = context.windows[("interaction", commitments["talks"].id)]
    assert isinstance(editor, InteractionEditor)


def test_new_followup_dialog_checks_then_adds(
        qtbot: QtBot, context: AppContext, commitments: dict[str, Any]) -> None:
    view = make_view(qtbot, context)
    dialog = view.new_record()
    assert isinstance(dialog, FollowUpDialog)
    qtbot.keyClicks(dialog.form.widgets["description"], "Send the party's history in Chinese")
    qtbot.keyClicks(dialog.form.widgets["due"].edit, "31/02/2026")
    qtbot.keyClicks(dialog.picker, "ANC")
    qtbot.keyClick(dialog.picker, Qt.Key.Key_Return)
    assert dialog.chosen.text() == "African National Congress"
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.form.errors["due"].text() == \
        "The due date “31/02/2026” is not a real date: February 2026 has 28 days."
    assert list_followups(context.database).total == 4
    dialog.form.widgets["due"].edit.setText("31 December 2026")  # as people write it
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.result() == FollowUpDialog.DialogCode.Accepted
    assert "Send the party's history in Chinese" in descriptions(view)
    saved = dialog.saved
    assert saved is not None and saved.organization_id == commitments["anc"].id


def test_closing_a_filled_in_dialog_asks(
        qtbot: QtBot, context: AppContext, recorded: RecordedMessages) -> None:
    dialog = FollowUpDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.form.widgets["description"], "Book the meeting room")
    recorded.save_answer = "cancel"
    dialog.reject()
    assert dialog.isVisible()
    recorded.save_answer = "discard"
    dialog.reject()
    assert not dialog.isVisible()
    assert list_followups(context.database).total == 0


def test_delete_selected_asks_and_undo_restores(
        qtbot: QtBot, context: AppContext, commitments: dict[str, Any],
        recorded: RecordedMessages) -> None:
    view = make_view(qtbot, context)
    select(view, "Arrange a return visit")
    recorded.confirm_answer = True
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert recorded.texts("confirm") == [
        "Delete the follow-up “Arrange a return visit”? You can undo this with Ctrl+Z."]
    assert "Arrange a return visit" not in descriptions(view)
    with pytest.raises(NotFound):
        get_followup(context.database, commitments["undated"].id)
    context.undo_stack.undo()
    assert "Arrange a return visit" in descriptions(view)
