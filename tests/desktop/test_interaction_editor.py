"""The interaction editor driven like an officer would: typing, picking participants by part
of a name and Enter, adding a commitment inline, saving — against a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from db.services.followups import create_followup, get_followup, list_followups
from db.services.interactions import (
    InteractionFilter,
    get_interaction,
    list_interactions,
    update_interaction,
)
from db.services.organizations import OrganizationRecord, delete_organization
from db.services.people import PersonRecord
from db.store.errors import NotFound
from desktop.context import AppContext
from desktop.qtmodels.participants import ParticipantsModel
from desktop.views.followups import FollowUpsView
from desktop.views.interaction_editor import InteractionEditor
from desktop.views.interactions import InteractionsView
from desktop.widgets.topics_box import TOPIC_NAME_ROLE
from tests.db.factories import make_interaction, make_organization, make_person
from tests.desktop.conftest import RecordedConflicts, RecordedMessages
from tests.desktop.helpers import settle

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier


@dataclass
class Register:
    spd: OrganizationRecord
    anc: OrganizationRecord
    person: PersonRecord


@pytest.fixture
def register(context: AppContext) -> Register:
    db = context.database
    return Register(
        spd=make_organization(db, name="Sozialdemokratische Partei Deutschlands",
                              name_en="Social Democratic Party of Germany",
                              name_zh="德国社会民主党", abbreviation="SPD", country="DE"),
        anc=make_organization(db, name="African National Congress", abbreviation="ANC",
                              name_zh="南非非洲人国民大会", country="ZA"),
        person=make_person(db, name="Lars Klingbeil", name_zh="克林拜尔", nationality="DE"),
    )


def open_editor(context: AppContext, interaction_id: str | None = None, **kw: list[str]
                ) -> InteractionEditor:
    editor = context.open_interaction(interaction_id, **kw)
    assert isinstance(editor, InteractionEditor)
    return editor


@contextmanager
def closes(qtbot: QtBot, window: QWidget) -> Iterator[None]:
    """The block closes the window, which is then deleted (it deletes itself on close)."""
    gone: list[bool] = []
    window.destroyed.connect(lambda *_: gone.append(True))
    yield
    qtbot.waitUntil(lambda: bool(gone))


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Window shortcuts (Ctrl+S, Esc, Ctrl+W) work in the active window only."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def type_date(qtbot: QtBot, editor: InteractionEditor, key: str, text: str) -> None:
    edit = editor.field(key).edit
    edit.clear()
    qtbot.keyClicks(edit, text)


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Latin text key by key; Chinese as an input method commits it (QTest has no keys
    for it)."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def pick(qtbot: QtBot, editor: InteractionEditor, text: str) -> None:
    picker = editor.participants.picker
    type_text(qtbot, picker, text)
    qtbot.keyClick(picker, Qt.Key.Key_Return)


def check_topic(editor: InteractionEditor, name_en: str) -> None:
    for number in range(editor.topic_model.rowCount()):
        item = editor.topic_model.item(number)
        if item.data(TOPIC_NAME_ROLE) == name_en:
            item.setCheckState(Qt.CheckState.Checked)
            return
    raise AssertionError(f"no topic {name_en}")


def fill_minimal(qtbot: QtBot, editor: InteractionEditor, title: str = "Talks on governance"
                 ) -> None:
    qtbot.keyClicks(editor.title_edit, title)
    type_date(qtbot, editor, "start", "2024-05-10")


def timeline_total(context: AppContext, **kw: str) -> int:
    return list_interactions(context.database, InteractionFilter(**kw)).total  # type: ignore[arg-type]


def test_record_an_interaction_with_three_participants_and_a_followup(
        qtbot: QtBot, context: AppContext, register: Register, recorded: RecordedMessages,
        qtmodeltester: ModelTester) -> None:
    editor = open_editor(context)
    editor.kind_box.setCurrentIndex(editor.kind_box.findData("talks"))
    qtbot.keyClicks(editor.title_edit, "Talks on party building")
    type_date(qtbot, editor, "start", "2024-05-10")
    type_date(qtbot, editor, "end", "2024-05-11")
    qtbot.keyClicks(editor.field("city"), "Berlin")
    pick(qtbot, editor, "SPD")  # an abbreviation
    pick(qtbot, editor, "african nat")  # part of a name, any case
    pick(qtbot, editor, "克林")  # part of a person's Chinese name
    model = editor.participants.model
    assert [(r.kind, r.id) for r in model.rows] == [
        ("organization", register.spd.id), ("organization", register.anc.id),
        ("person", register.person.id)]
    role_box = editor.participants.table.indexWidget(model.index(0, ParticipantsModel.ROLE))
    assert isinstance(role_box, QComboBox)
    role_box.setCurrentIndex(role_box.findData("host"))
    assert model.rows[0].role == "host"
    check_topic(editor, "Party building")
    qtbot.keyClicks(editor.field("summary"), "Exchanged experience of party building.")

    followups = editor.followups
    qtbot.keyClicks(followups.description, "Send the seminar programme")
    qtbot.keyClicks(followups.due.edit, "2024-06-01")
    followups.organization.setCurrentIndex(followups.organization.findData(register.anc.id))
    assert followups.owner.text()  # the officer by default
    qtbot.mouseClick(followups.add_button, LEFT)
    assert followups.model.rowCount() == 1
    qtmodeltester.check(model)
    qtmodeltester.check(followups.model)
    qtmodeltester.check(editor.topic_model)
    assert editor.is_dirty()

    qtbot.mouseClick(editor.save_button, LEFT)

    assert recorded.shown == []
    assert not editor.is_dirty()
    saved = list_interactions(context.database).items
    assert len(saved) == 1
    record = saved[0]
    assert (record.kind, record.title, record.city) == ("talks", "Talks on party building", "Berlin")
    assert {(p.organization_id or p.person_id, p.role) for p in record.participants} == {
        (register.spd.id, "host"), (register.anc.id, "participant"),
        (register.person.id, "participant")}
    assert record.topics == ("Party building",)
    for organization in (register.spd, register.anc):  # on every participant's timeline
        assert timeline_total(context, organization_id=organization.id) == 1
    assert timeline_total(context, person_id=register.person.id) == 1
    commitments = list_followups(context.database, interaction_id=record.id).items
    assert [(f.description, f.due.isoformat() if f.due else None, f.organization_id)
            for f in commitments] == [("Send the seminar programme", "2024-06-01", register.anc.id)]
    assert editor.followups.model.rows[0].record is not None  # now a saved row
    assert context.windows[("interaction", record.id)] is editor

    interactions = InteractionsView(context)
    qtbot.addWidget(interactions)
    interactions.show()
    settle()
    assert interactions.model.total == 1
    assert interactions.model.index(0, 2).data() == "Talks on party building"
    assert interactions.model.index(0, 3).data() == "SPD, ANC, Lars Klingbeil"
    followup_list = FollowUpsView(context)
    qtbot.addWidget(followup_list)
    followup_list.show()
    settle()
    assert followup_list.model.index(0, 1).data() == "Send the seminar programme"


def test_opened_from_an_organization_suggests_a_title_without_filling_it(
        qtbot: QtBot, context: AppContext, register: Register) -> None:
    editor = open_editor(context, organization_ids=[register.spd.id],
                         person_ids=[register.person.id])
    assert editor.participants.model.rowCount() == 2
    assert not editor.is_dirty()
    editor.kind_box.setCurrentIndex(editor.kind_box.findData("talks"))
    assert editor.title_edit.text() == ""
    assert editor.title_edit.placeholderText() == "Talks with Sozialdemokratische Partei Deutschlands"
    editor.kind_box.setCurrentIndex(editor.kind_box.findData("outbound_visit"))
    assert editor.title_edit.placeholderText() == (
        "Delegation visit to Sozialdemokratische Partei Deutschlands")
    editor.use_suggestion.trigger()
    assert editor.title_edit.text() == "Delegation visit to Sozialdemokratische Partei Deutschlands"


def test_end_before_start_is_shown_beside_the_end_date_and_nothing_is_written(
        qtbot: QtBot, context: AppContext, register: Register) -> None:
    editor = open_editor(context)
    fill_minimal(qtbot, editor)
    type_date(qtbot, editor, "end", "2024-05-01")
    pick(qtbot, editor, "SPD")
    qtbot.keyClicks(editor.followups.description, "Write a thank-you letter")
    qtbot.keyClick(editor.followups.description, Qt.Key.Key_Return)
    activate(qtbot, editor)

    qtbot.keyClick(editor.title_edit, Qt.Key.Key_S, CTRL)

    error = editor.details.errors["end"]
    assert not error.isHidden()
    assert error.text() == "The end date is before the start date."
    assert list_interactions(context.database).total == 0
    assert list_followups(context.database, open_only=False).total == 0
    assert editor.is_dirty()
    type_date(qtbot, editor, "end", "2024-05-12")
    qtbot.keyClick(editor.title_edit, Qt.Key.Key_S, CTRL)
    assert error.isHidden()
    assert list_interactions(context.database).total == 1
    assert list_followups(context.database).total == 1


def test_a_bad_followup_due_date_is_shown_beside_the_followups_before_anything_is_written(
        qtbot: QtBot, context: AppContext, register: Register) -> None:
    editor = open_editor(context)
    fill_minimal(qtbot, editor)
    qtbot.keyClicks(editor.followups.description, "Send the report")
    qtbot.keyClicks(editor.followups.due.edit, "next week")
    qtbot.mouseClick(editor.save_button, LEFT)
    assert "is not a date" in editor.followups.error.text()
    assert not editor.followups.error.isHidden()
    assert list_interactions(context.database).total == 0


def test_an_unknown_participant_cannot_be_entered(
        qtbot: QtBot, context: AppContext, register: Register) -> None:
    editor = open_editor(context)
    fill_minimal(qtbot, editor)
    pick(qtbot, editor, "Imaginary People's Front")
    assert editor.participants.model.rowCount() == 0
    assert "No organization or person is called “Imaginary People's Front”" in (
        editor.participants.error.text())
    # picked, then deleted by someone else before saving: the service refuses, beside the list
    editor.participants.picker.clear()
    pick(qtbot, editor, "ANC")
    assert editor.participants.model.rowCount() == 1
    delete_organization(context.database, register.anc.id)
    qtbot.mouseClick(editor.save_button, LEFT)
    assert f"There is no organization with id {register.anc.id}" in (
        editor.participants.error.text())
    assert list_interactions(context.database).total == 0


def test_picking_the_same_participant_twice_lists_it_once(
        qtbot: QtBot, context: AppContext, register: Register) -> None:
    editor = open_editor(context)
    pick(qtbot, editor, "SPD")
    pick(qtbot, editor, "Social Democratic")  # the English name of the same party
    assert editor.participants.model.rowCount() == 1
    editor.participants.table.selectRow(0)
    qtbot.mouseClick(editor.participants.remove_button, LEFT)
    assert editor.participants.model.rowCount() == 0


def test_editing_saves_only_what_changed_and_conflicts_keep_the_edits(
        qtbot: QtBot, context: AppContext, register: Register,
        recorded: RecordedMessages, conflicts: RecordedConflicts) -> None:
    db = context.database
    record = make_interaction(db, title="Talks with the SPD", organizations_=[register.spd.id])
    editor = open_editor(context, record.id)
    assert editor.title_edit.text() == "Talks with the SPD"
    assert not editor.is_dirty()
    qtbot.keyClicks(editor.title_edit, " (revised)")
    update_interaction(db, record.id, {"summary": "Changed on another laptop."},
                       expected_version=record.version)  # behind the editor's back

    qtbot.mouseClick(editor.save_button, LEFT)

    asked = conflicts.last()  # and answered Cancel
    assert set(asked) == {"title", "summary"}
    assert asked["title"].mine == "Talks with the SPD (revised)" and asked["title"].edited
    assert asked["summary"].theirs == "Changed on another laptop." and not asked["summary"].edited
    assert editor.title_edit.text() == "Talks with the SPD (revised)"  # edits kept
    assert editor.is_dirty()
    assert get_interaction(db, record.id).title == "Talks with the SPD"

    # after reloading (closing without saving and opening again) the change goes through
    recorded.save_answer = "discard"
    editor.close()
    editor = open_editor(context, record.id)
    assert editor.field("summary").toPlainText() == "Changed on another laptop."
    qtbot.keyClicks(editor.title_edit, " (revised)")
    pick(qtbot, editor, "ANC")
    qtbot.mouseClick(editor.save_button, LEFT)
    saved = get_interaction(db, record.id)
    assert saved.title == "Talks with the SPD (revised)"
    assert saved.summary == "Changed on another laptop."
    assert {p.organization_id for p in saved.participants} == {register.spd.id, register.anc.id}


def test_existing_followups_are_listed_and_can_be_marked_done(
        qtbot: QtBot, context: AppContext, register: Register) -> None:
    db = context.database
    record = make_interaction(db, organizations_=[register.spd.id])
    followup = create_followup(db, {"description": "Send the book list", "due": "2024-07-01",
                                    "interaction_id": record.id, "owner": "Li Wei"})
    editor = open_editor(context, record.id)
    table = editor.followups.table
    assert editor.followups.model.rowCount() == 1
    assert editor.followups.model.index(0, 0).data() == "Send the book list"
    assert editor.followups.model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) == (
        "Overdue since 2024-07-01")
    table.selectRow(0)
    qtbot.mouseClick(editor.followups.mark_done_button, LEFT)
    assert editor.followups.model.index(0, 4).data() == "Done (when saved)"
    assert editor.is_dirty()
    qtbot.mouseClick(editor.save_button, LEFT)
    assert get_followup(db, followup.id).status == "done"
    assert not editor.is_dirty()
    assert editor.followups.model.index(0, 4).data() == "Done"


def test_delete_asks_and_undo_brings_the_interaction_back(
        qtbot: QtBot, context: AppContext, register: Register,
        recorded: RecordedMessages) -> None:
    db = context.database
    record = make_interaction(db, title="Seminar on governance",
                              organizations_=[register.spd.id])
    editor = open_editor(context, record.id)
    recorded.confirm_answer = False
    qtbot.mouseClick(editor.delete_button, LEFT)
    assert get_interaction(db, record.id).title == "Seminar on governance"
    assert editor.isVisible()

    recorded.confirm_answer = True
    with closes(qtbot, editor):
        qtbot.mouseClick(editor.delete_button, LEFT)
    assert "unsaved" not in [kind for kind, _, _ in recorded.shown]
    with pytest.raises(NotFound):
        get_interaction(db, record.id)
    assert timeline_total(context, organization_id=register.spd.id) == 0
    context.undo_stack.undo()
    assert get_interaction(db, record.id).title == "Seminar on governance"
    assert timeline_total(context, organization_id=register.spd.id) == 1
    context.undo_stack.redo()
    assert timeline_total(context, organization_id=register.spd.id) == 0


@pytest.fixture
def dirty_editor(qtbot: QtBot, context: AppContext, register: Register
                 ) -> Iterator[InteractionEditor]:
    editor = open_editor(context)
    fill_minimal(qtbot, editor, "Video call with the ANC")
    pick(qtbot, editor, "ANC")
    yield editor


def test_closing_with_unsaved_edits_asks_and_cancel_keeps_the_window(
        dirty_editor: InteractionEditor, context: AppContext, recorded: RecordedMessages) -> None:
    recorded.save_answer = "cancel"
    assert not dirty_editor.close()
    assert dirty_editor.isVisible()
    assert recorded.shown == [("unsaved", "Unsaved changes", "“Video call with the ANC”")]
    assert list_interactions(context.database).total == 0


def test_closing_and_saving_saves_and_closes(
        qtbot: QtBot, dirty_editor: InteractionEditor, context: AppContext,
        recorded: RecordedMessages) -> None:
    recorded.save_answer = "save"
    assert dirty_editor.close()
    assert list_interactions(context.database).items[0].title == "Video call with the ANC"


def test_closing_and_saving_invalid_edits_keeps_the_window_open(
        qtbot: QtBot, dirty_editor: InteractionEditor, context: AppContext,
        recorded: RecordedMessages) -> None:
    type_date(qtbot, dirty_editor, "start", "someday")
    recorded.save_answer = "save"
    assert not dirty_editor.close()
    assert "not a date" in dirty_editor.details.errors["start"].text()
    assert list_interactions(context.database).total == 0


def test_closing_and_discarding_writes_nothing(
        qtbot: QtBot, dirty_editor: InteractionEditor, context: AppContext,
        recorded: RecordedMessages) -> None:
    recorded.save_answer = "discard"
    activate(qtbot, dirty_editor)
    with closes(qtbot, dirty_editor):
        qtbot.keyClick(dirty_editor.title_edit, Qt.Key.Key_W, CTRL)
    assert list_interactions(context.database).total == 0


def test_escape_closes_an_unchanged_editor_without_asking(
        qtbot: QtBot, context: AppContext, register: Register,
        recorded: RecordedMessages) -> None:
    editor = open_editor(context, make_interaction(context.database).id)
    activate(qtbot, editor)
    with closes(qtbot, editor):
        qtbot.keyClick(editor.title_edit, Qt.Key.Key_Escape)
    assert recorded.shown == []


def test_tab_goes_from_kind_to_title_to_dates_and_on_to_save(
        qtbot: QtBot, context: AppContext, register: Register) -> None:
    editor = open_editor(context)
    activate(qtbot, editor)
    editor.kind_box.setFocus()
    seen: list[QWidget] = []
    for _ in range(40):
        widget = QApplication.focusWidget()
        assert widget is not None
        seen.append(widget)
        if widget is editor.save_button:
            break
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    expected = [editor.kind_box, editor.title_edit, editor.field("start").edit,
                editor.field("end").edit, editor.field("city"), editor.field("country"),
                editor.field("platform"), editor.field("tags"), editor.participants.picker]
    assert seen[:len(expected)] == expected
    positions = [seen.index(w) for w in (editor.topic_list, editor.field("summary"),
                                         editor.followups.description, editor.save_button)]
    assert positions == sorted(positions)
