"""Two officers on one database — two app contexts with their own connections, on one SQLite
file and on the PostgreSQL test server: a save based on a stale version gets the conflict
dialog with both values and never overwrites silently; lists refresh when the other one
changes data; the polling stops cleanly."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from db.changes.recording import Actor
from db.seed.opening import open_database
from db.services import organizations
from db.services.followups import create_followup, get_followup, update_followup
from db.services.interactions import get_interaction
from db.store.engine import Database
from db.store.errors import DatabaseProblem, FieldChange
from desktop.context import AppContext
from desktop.dialogs import conflict
from desktop.dialogs.conflict import ConflictDialog, FieldConflict
from desktop.jobs import watcher as watcher_module
from desktop.qtmodels.participants import ParticipantRow
from desktop.views.interaction_editor import InteractionEditor
from desktop.views.organization_page import OrganizationPage
from desktop.views.organizations import OrganizationsView
from desktop.windows.main_window import MainWindow
from desktop.windows.record_pages import new_context
from tests.db.factories import make_interaction, make_organization
from tests.desktop.conftest import RecordedConflicts, RecordedMessages
from tests.desktop.helpers import settle, type_into

LEFT = Qt.MouseButton.LeftButton
POLL_MS = 60
ORIGINAL_ASK = conflict.ask_about_conflict  # before the autouse fixture answers for it


@pytest.fixture(params=["sqlite", "postgresql"])
def shared_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """One database two officers share: a SQLite file, or a database on the test server."""
    if request.param == "sqlite":
        return str(tmp_path / "shared.sqlite3")
    return str(request.getfixturevalue("pg_url"))


class Officer:
    """One app instance: its own connection to the shared database and its own context."""

    def __init__(self, target: str, name: str) -> None:
        self.name = name
        self.database: Database = open_database(target)
        self.context = new_context(self.database)
        self.context.actor = lambda: Actor(who=name, source="screen")  # type: ignore[method-assign]

    def open(self, organization_id: str) -> OrganizationPage:
        page = self.context.open_organization(organization_id)
        assert isinstance(page, OrganizationPage)
        return page

    def close(self) -> None:
        for window in list(self.context.windows.values()):
            window.close()
        self.context.close()
        self.database.close()


@pytest.fixture
def officers(shared_target: str, qapp: QApplication, recorded: RecordedMessages
             ) -> Iterator[tuple[Officer, Officer]]:
    anna, bob = Officer(shared_target, "Anna"), Officer(shared_target, "Bob")
    yield anna, bob
    anna.close()
    bob.close()


@pytest.fixture
def party(officers: tuple[Officer, Officer]) -> Any:
    anna, _ = officers
    return make_organization(anna.database, name="Partido Verde", country="BR",
                             website="https://old.pv.example", notes="Founded in 1986.")


# -- stale saves -----------------------------------------------------------------------------
@pytest.mark.parametrize("website", ["theirs", "mine"])
def test_a_stale_save_shows_both_values_and_resolves_as_chosen(
        officers: tuple[Officer, Officer], party: Any, qtbot: QtBot,
        conflicts: RecordedConflicts, website: str) -> None:
    anna, bob = officers
    page_a, page_b = anna.open(party.id), bob.open(party.id)
    page_a.form.widgets["website"].clear()
    type_into(qtbot, page_a.form, "website", "https://new.pv.example")
    assert page_a.save()

    page_b.form.widgets["notes"].setPlainText("Leader: Ana Silva since 2024.")
    type_into(qtbot, page_b.form, "ideology", "green politics")
    conflicts.answer = {"website": website, "notes": "mine", "ideology": "mine"}
    assert page_b.save()

    asked = conflicts.last()
    assert set(asked) == {"website", "notes", "ideology"}
    assert (asked["website"].mine, asked["website"].theirs) == (
        "https://old.pv.example", "https://new.pv.example")
    assert asked["website"].by == "Anna" and asked["website"].at  # who, and when
    assert not asked["website"].edited and asked["website"].default == "theirs"
    assert (asked["notes"].mine, asked["notes"].theirs) == (
        "Leader: Ana Silva since 2024.", "Founded in 1986.")
    assert asked["notes"].by is None and asked["notes"].default == "mine"

    saved = organizations.get_organization(bob.database, party.id)
    assert saved.notes == "Leader: Ana Silva since 2024." and saved.ideology == "green politics"
    expected = "https://new.pv.example" if website == "theirs" else "https://old.pv.example"
    assert saved.website == expected
    assert page_b.form.value("website") == expected and not page_b.form.is_dirty()
    assert page_b.record.version == saved.version


def test_both_changing_one_field_needs_a_choice_and_cancel_keeps_the_edits(
        officers: tuple[Officer, Officer], party: Any, qtbot: QtBot,
        conflicts: RecordedConflicts) -> None:
    anna, bob = officers
    page_a, page_b = anna.open(party.id), bob.open(party.id)
    page_a.form.widgets["notes"].setPlainText("Anna's notes.")
    assert page_a.save()
    page_b.form.widgets["notes"].setPlainText("Bob's notes.")
    assert not page_b.save()  # the recorder answers Cancel

    notes = conflicts.last()["notes"]
    assert notes.both and notes.default is None
    assert (notes.mine, notes.theirs, notes.by) == ("Bob's notes.", "Anna's notes.", "Anna")
    assert organizations.get_organization(bob.database, party.id).notes == "Anna's notes."
    assert page_b.form.value("notes") == "Bob's notes." and page_b.form.is_dirty()
    assert page_b.banner.isVisible()

    conflicts.answer = {"notes": "theirs"}
    assert page_b.save()
    assert organizations.get_organization(bob.database, party.id).notes == "Anna's notes."
    assert page_b.form.value("notes") == "Anna's notes." and not page_b.form.is_dirty()


def test_the_real_dialog_is_answered_and_saves(
        officers: tuple[Officer, Officer], party: Any, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    anna, bob = officers
    monkeypatch.setattr(conflict, "ask_about_conflict", ORIGINAL_ASK)
    page_a, page_b = anna.open(party.id), bob.open(party.id)
    page_a.form.widgets["notes"].setPlainText("Anna's notes.")
    assert page_a.save()
    page_b.form.widgets["notes"].setPlainText("Bob's notes.")
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ConflictDialog)
        seen.append(dialog.windowTitle())
        assert not dialog.save_button.isEnabled()  # both changed notes: the user must say
        dialog.choose("notes", "mine")
        assert dialog.save_button.isEnabled()
        dialog.save_button.click()

    QTimer.singleShot(50, answer)
    assert page_b.save()
    assert seen == ["This organization was changed while you were editing it"]
    assert organizations.get_organization(anna.database, party.id).notes == "Bob's notes."


def test_the_dialog_shows_both_values_with_who_and_when(qtbot: QtBot) -> None:
    conflicts_ = [
        FieldConflict("website", "Website", "https://old.pv.example", "https://new.pv.example",
                      False, "Anna", "2024-06-01 10:42"),
        FieldConflict("notes", "Notes", "Bob's notes.", "Anna's notes.", True, "Anna",
                      "2024-06-01 10:42"),
        FieldConflict("ideology", "Ideology", "green politics", "—", True, None, None),
    ]
    changes = [FieldChange("website", "https://old.pv.example", "https://new.pv.example",
                           "Anna", "2024-06-01 08:42 UTC")]
    dialog = ConflictDialog("organization", conflicts_, changes)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.choices() == {"website": "theirs", "ideology": "mine"}
    assert not dialog.save_button.isEnabled()
    intro = dialog.findChild(QLabel, "conflict_intro")
    assert "Anna saved this organization" in intro.text()
    assert "1 field changed on both sides needs your choice" in intro.text()
    qtbot.mouseClick(dialog.all_theirs, LEFT)
    assert dialog.choices() == {"website": "theirs", "notes": "theirs", "ideology": "theirs"}
    assert dialog.save_button.isEnabled()
    button = dialog.mine_buttons["website"]
    qtbot.mouseClick(button, LEFT, pos=QPoint(8, button.height() // 2))  # on the circle
    assert dialog.choices()["website"] == "mine"


@pytest.mark.parametrize("choice", ["mine", "theirs"])
def test_an_interaction_saved_meanwhile_is_settled_field_by_field(
        officers: tuple[Officer, Officer], party: Any, qtbot: QtBot,
        conflicts: RecordedConflicts, choice: str) -> None:
    anna, bob = officers
    other = make_organization(anna.database, name="Partido Azul", country="BR")
    talks = make_interaction(anna.database, title="Talks in Brasília",
                             organizations_=[party.id])
    editor_a = anna.context.open_interaction(talks.id)
    editor_b = bob.context.open_interaction(talks.id)
    assert isinstance(editor_a, InteractionEditor) and isinstance(editor_b, InteractionEditor)
    editor_a.field("summary").setPlainText("Agreed on a youth exchange.")
    editor_a.topics.tick(editor_a.topics.ids_of(["Party building"]))
    assert editor_a.save()

    editor_b.title_edit.setText("Talks in Brasília and São Paulo")
    editor_b.participants.model.add(ParticipantRow("organization", other.id, other.name,
                                                   None, None, None))
    editor_b.topics.tick(editor_b.topics.ids_of(["Green development"]))
    conflicts.answer = {"title": "mine", "summary": choice, "participants": "mine",
                        "topics": choice}
    assert editor_b.save()

    asked = conflicts.last()
    assert set(asked) == {"title", "summary", "participants", "topics"}
    assert asked["summary"].theirs == "Agreed on a youth exchange." and asked["summary"].by == "Anna"
    assert asked["topics"].both and asked["topics"].theirs == "Party building"
    assert asked["topics"].mine == "Green development"
    assert "Partido Azul" in asked["participants"].mine
    saved = get_interaction(bob.database, talks.id)
    assert saved.title == "Talks in Brasília and São Paulo"
    assert {p.organization_id for p in saved.participants} == {party.id, other.id}
    if choice == "theirs":
        assert saved.summary == "Agreed on a youth exchange."
        assert saved.topics == ("Party building",)
    else:
        assert saved.summary is None
        assert saved.topics == ("Green development",)
    assert not editor_b.is_dirty() and editor_b.version == saved.version


def test_marking_a_followup_done_that_was_changed_meanwhile_asks_first(
        officers: tuple[Officer, Officer], party: Any, qtbot: QtBot,
        conflicts: RecordedConflicts) -> None:
    anna, bob = officers
    talks = make_interaction(anna.database, organizations_=[party.id])
    promise = create_followup(anna.database, {"description": "Send the book list",
                                              "interaction_id": talks.id, "owner": "Anna"})
    editor = anna.context.open_interaction(talks.id)
    assert isinstance(editor, InteractionEditor)
    editor.followups.table.selectRow(0)
    editor.followups.toggle_done()
    update_followup(bob.database, promise.id, {"owner": "Bob"},
                    expected_version=promise.version, actor=Actor(who="Bob"))
    conflicts.answer = {"status": "mine", "owner": "theirs"}
    assert editor.save()
    asked = conflicts.last()
    assert (asked["status"].mine, asked["status"].theirs) == ("Done", "Open")
    assert (asked["owner"].theirs, asked["owner"].by) == ("Bob", "Bob")
    saved = get_followup(anna.database, promise.id)
    assert (saved.status, saved.owner) == ("done", "Bob")


# -- lists refresh -----------------------------------------------------------------------------
def test_lists_refresh_after_the_poll_when_the_other_one_changes_data(
        officers: tuple[Officer, Officer], party: Any, qtbot: QtBot) -> None:
    anna, bob = officers
    other = make_organization(anna.database, name="Partido Azul", country="BR")
    view = OrganizationsView(anna.context)
    qtbot.addWidget(view)
    view.show()
    settle()
    row = view.model.row_of(other.id)
    assert row is not None
    view.table.selectRow(row)
    anna.context.watch_for_changes(POLL_MS)
    qtbot.waitUntil(lambda: anna.context.watcher.baseline)
    news: list[bool] = []
    anna.context.watcher.changed_elsewhere.connect(lambda: news.append(True))

    page_b = bob.open(party.id)
    page_b.form.widgets["name"].setText("Partido Verde Brasileiro")
    assert page_b.save()

    qtbot.waitUntil(lambda: "Partido Verde Brasileiro" in names(view), timeout=5000)
    assert news == [True]
    assert view.selected() is not None and view.selected().id == other.id  # kept


def test_the_main_windows_list_and_status_bar_follow_a_colleagues_change(
        officers: tuple[Officer, Officer], party: Any, qtbot: QtBot) -> None:
    anna, bob = officers
    window = MainWindow(anna.context)
    qtbot.addWidget(window)
    window.show()
    view = window.view("organizations")
    assert isinstance(view, OrganizationsView)
    anna.context.watch_for_changes(POLL_MS)
    qtbot.waitUntil(lambda: anna.context.watcher.baseline)
    make_organization(bob.database, name="Frente Amplio", country="UY")
    qtbot.waitUntil(lambda: "Frente Amplio" in names(view), timeout=5000)
    assert window.statusBar().currentMessage() == "Updated with changes saved elsewhere."
    qtbot.waitUntil(lambda: "2 organizations" in window.status_label.text(), timeout=5000)


def test_the_selection_far_down_a_list_stays_after_the_refresh(
        officers: tuple[Officer, Officer], party: Any, qtbot: QtBot) -> None:
    anna, bob = officers
    for number in range(150):
        organizations.create_organization(anna.database, {"name": f"Party {number:03d}"})
    view = OrganizationsView(anna.context)
    qtbot.addWidget(view)
    view.resize(1000, 500)
    view.show()
    settle()
    view.table.scrollToBottom()
    settle()  # the pages scrolled to come from the database worker
    row = view.table.rowAt(view.table.viewport().height() // 2)
    assert row >= view.model.page_size  # beyond the first page
    view.table.selectRow(row)
    chosen = view.selected()
    scrolled = view.table.verticalScrollBar().value()
    anna.context.watch_for_changes(POLL_MS)
    qtbot.waitUntil(lambda: anna.context.watcher.baseline)
    organizations.update_organization(bob.database, party.id, {"notes": "Bob was here."},
                                      expected_version=party.version)
    with qtbot.waitSignal(anna.context.watcher.changed_elsewhere, timeout=5000):
        pass
    settle()  # the refreshed rows come from the database worker
    assert view.selected() is not None and view.selected().id == chosen.id
    assert view.table.verticalScrollBar().value() == scrolled


def test_own_writes_are_not_taken_for_colleagues_changes(
        officers: tuple[Officer, Officer], party: Any, qtbot: QtBot) -> None:
    anna, _ = officers
    anna.context.watch_for_changes(POLL_MS)
    qtbot.waitUntil(lambda: anna.context.watcher.baseline)
    news: list[bool] = []
    anna.context.watcher.changed_elsewhere.connect(lambda: news.append(True))
    page = anna.open(party.id)
    page.form.widgets["ideology"].setText("green politics")
    assert page.save()
    seen = anna.context.watcher.seen
    qtbot.waitUntil(lambda: anna.context.watcher.seen != seen, timeout=5000)
    for _ in range(4):  # four more checks came back, none with news
        with qtbot.waitSignal(anna.context.watcher.checked, timeout=5000):
            pass
    assert news == []


def test_an_open_page_with_edits_is_told_and_keeps_them(
        officers: tuple[Officer, Officer], party: Any, qtbot: QtBot) -> None:
    anna, bob = officers
    page_a = anna.open(party.id)
    page_a.form.widgets["ideology"].setText("green politics")
    anna.context.watch_for_changes(POLL_MS)
    qtbot.waitUntil(lambda: anna.context.watcher.baseline)
    organizations.update_organization(bob.database, party.id, {"website": "https://b.example"},
                                      expected_version=party.version)
    qtbot.waitUntil(page_a.banner.isVisible, timeout=5000)
    assert "changed elsewhere" in page_a.banner.text.text()
    assert page_a.form.value("ideology") == "green politics"


def test_closing_stops_the_polling_and_waits_for_a_check(
        officers: tuple[Officer, Officer], qtbot: QtBot) -> None:
    anna, _ = officers
    watcher = anna.context.watcher
    anna.context.watch_for_changes(POLL_MS)
    assert watcher.watching
    qtbot.waitUntil(lambda: watcher.baseline)
    watcher.check()
    anna.context.close()
    assert not watcher.watching
    assert watcher.job is not None and not watcher.job.running
    assert anna.context.jobs == []


def names(view: OrganizationsView) -> list[str]:
    return [view.model.record(row).name for row in range(view.model.rowCount())]


def test_a_server_that_cannot_be_reached_is_said_once_and_checking_goes_on(
        context: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def unreachable(_db: Database) -> None:
        calls.append(1)
        raise DatabaseProblem("The server db.office.example does not answer.")

    monkeypatch.setattr(watcher_module, "latest_change", unreachable)
    said: list[str] = []
    context.watcher.unreachable.connect(said.append)
    context.watch_for_changes(POLL_MS)
    qtbot.waitUntil(lambda: len(calls) >= 3, timeout=5000)
    assert said == ["The server db.office.example does not answer."]
    assert context.watcher.watching
