"""File ▸ Merge a travel copy… and File ▸ Export travel copy… (desktop/dialogs/merge*.py,
desktop/dialogs/travel_copy.py), driven with real SQLite files and a real travel copy."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from db.changes.recording import Actor
from db.merge.travel import export_travel_copy
from db.seed.opening import open_database
from db.services import affiliations, interactions, organizations, people
from db.store.engine import Database
from desktop.context import AppContext
from desktop.dialogs import merge as merge_module
from desktop.dialogs import travel_copy
from desktop.dialogs.merge import MergeDialog, open_merge_dialog
from tests.desktop.conftest import RecordedMessages

TRAVELLER = Actor("traveller")
COLLEAGUE = Actor("colleague")


@pytest.fixture
def party(context: AppContext) -> dict[str, str]:
    office = context.database
    org = organizations.create_organization(
        office, {"name": "Frente de Libertação", "abbreviation": "FL", "country": "MZ",
                 "website": "fl.example.org"}, COLLEAGUE)
    leader = people.create_person(office, {"name": "Ana Leader"}, COLLEAGUE)
    position = affiliations.create_affiliation(
        office, {"person_id": leader.id, "organization_id": org.id, "role": "President",
                 "start": "2015-03-01"}, COLLEAGUE)
    return {"org": org.id, "position": position.id}


@pytest.fixture
def travel(context: AppContext, party: dict[str, str], tmp_path: Path) -> Iterator[Database]:
    folder = tmp_path / "laptop"
    folder.mkdir()
    copy = export_travel_copy(context.database, folder / "travel.sqlite3")
    database = open_database(copy.path)
    try:
        yield database
    finally:
        database.close()


def run_merge(context: AppContext, qtbot: QtBot, travel: Database,
              monkeypatch: pytest.MonkeyPatch) -> MergeDialog:
    monkeypatch.setattr(merge_module, "choose_other_copy", lambda parent: str(travel.path))
    dialog = open_merge_dialog(context, None)
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.outcome == "planned", timeout=10000)
    return dialog


def click_merge(dialog: MergeDialog, qtbot: QtBot) -> None:
    assert dialog.merge_button.isVisible()
    dialog.merge_button.click()
    qtbot.waitUntil(lambda: dialog.outcome == "merged", timeout=10000)


def test_visit_and_position_from_the_trip_and_website_at_the_office_all_arrive(
        context: AppContext, qtbot: QtBot, party: dict[str, str], travel: Database,
        monkeypatch: pytest.MonkeyPatch) -> None:
    office = context.database
    organizations.update_organization(office, party["org"], {"website": "https://fl.org.mz"},
                                      expected_version=None, actor=COLLEAGUE)
    visit = interactions.create_interaction(travel, {
        "kind": "outbound_visit", "title": "Visit to Maputo", "start": "2025-05-12",
        "participants": [{"organization_id": party["org"], "role": "host"}]}, TRAVELLER)
    affiliations.update_affiliation(travel, party["position"], {"end": "2025-04-30"},
                                    expected_version=None, actor=TRAVELLER)
    notices: list[str] = []
    context.changed.connect(lambda entity, _id: notices.append(entity))

    dialog = run_merge(context, qtbot, travel, monkeypatch)
    names = {dialog.review.tree.topLevelItem(i).text(1)
             for i in range(dialog.review.tree.topLevelItemCount())}
    assert "Visit to Maputo" in names
    assert dialog.review.conflict_items == {}
    click_merge(dialog, qtbot)

    assert interactions.get_interaction(office, visit.id).title == "Visit to Maputo"
    [position] = affiliations.list_affiliations(office, organization_id=party["org"])
    assert position.end == date(2025, 4, 30)
    assert organizations.get_organization(office, party["org"]).website == "https://fl.org.mz"
    assert dialog.merge_result is not None and dialog.merge_result.batch_id is not None
    assert "No conflicts are left open" in dialog.result_text.text()
    assert dialog.undo_button.isVisible()
    assert "*" in notices

    again = run_merge(context, qtbot, travel, monkeypatch)
    assert again.plan is not None and not again.plan.writes
    assert not again.merge_button.isVisible()
    assert "already has everything" in again.review.summary.text()


def test_a_conflict_is_shown_with_both_values_and_the_choice_is_applied(
        context: AppContext, qtbot: QtBot, party: dict[str, str], travel: Database,
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    office = context.database
    organizations.update_organization(office, party["org"], {"website": "https://office.example.org"},
                                      expected_version=None, actor=COLLEAGUE)
    organizations.update_organization(travel, party["org"], {"website": "https://trip.example.org"},
                                      expected_version=None, actor=TRAVELLER)

    dialog = run_merge(context, qtbot, travel, monkeypatch)
    review = dialog.review
    [(key, (item, _field))] = review.conflict_items.items()
    assert key == (party["org"], "website")
    assert "https://office.example.org" in item.text(0) and "https://trip.example.org" in item.text(0)
    assert "left open" in item.text(0)
    dialog.resize(900, 560)
    dialog.show()
    review.select_conflict(*key)
    review.take_button.click()
    assert review.resolutions == {key: "there"}
    assert "take the other copy's value" in item.text(0)
    if os.environ.get("LIAISON_SCREENSHOTS"):
        dialog.grab().save(str(Path(os.environ["LIAISON_SCREENSHOTS"]) / "merge_review.png"))

    click_merge(dialog, qtbot)
    assert organizations.get_organization(office, party["org"]).website == "https://trip.example.org"
    assert dialog.merge_result is not None and dialog.merge_result.open_conflicts == ()


def test_a_conflict_left_open_keeps_this_copys_value_and_says_so(
        context: AppContext, qtbot: QtBot, party: dict[str, str], travel: Database,
        monkeypatch: pytest.MonkeyPatch) -> None:
    office = context.database
    organizations.update_organization(office, party["org"], {"website": "https://office.example.org"},
                                      expected_version=None, actor=COLLEAGUE)
    organizations.update_organization(travel, party["org"], {"website": "https://trip.example.org",
                                                             "abbreviation": "FLM"},
                                      expected_version=None, actor=TRAVELLER)
    dialog = run_merge(context, qtbot, travel, monkeypatch)
    click_merge(dialog, qtbot)
    record = organizations.get_organization(office, party["org"])
    assert (record.website, record.abbreviation) == ("https://office.example.org", "FLM")
    assert "1 conflict left open" in dialog.result_text.text()


def test_undo_this_merge_takes_it_back(
        context: AppContext, qtbot: QtBot, party: dict[str, str], travel: Database,
        monkeypatch: pytest.MonkeyPatch, recorded: RecordedMessages) -> None:
    visit = interactions.create_interaction(travel, {
        "kind": "letter", "title": "Letter", "start": "2025-06-01",
        "participants": [{"organization_id": party["org"]}]}, TRAVELLER)
    dialog = run_merge(context, qtbot, travel, monkeypatch)
    click_merge(dialog, qtbot)
    job = dialog.undo()
    assert job is not None
    qtbot.waitUntil(lambda: dialog.outcome == "undone", timeout=10000)
    assert recorded.texts("confirm")
    assert visit.id not in {i.id for i in interactions.list_interactions(context.database).items}


def test_export_travel_copy_writes_a_complete_copy_and_says_where(
        context: AppContext, qtbot: QtBot, party: dict[str, str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, recorded: RecordedMessages) -> None:
    from PySide6.QtWidgets import QWidget

    from desktop.dialogs import encryption

    target = tmp_path / "trip.sqlite3"
    monkeypatch.setattr(travel_copy, "ask_travel_copy_path", lambda parent: str(target))
    # the user unticked "Encrypt the copy" and confirmed it (tests/desktop/test_encryption.py
    # covers the encrypted copy)
    monkeypatch.setattr(encryption, "ask_copy_passphrase", lambda parent: (True, None))
    parent = QWidget()
    qtbot.addWidget(parent)
    job = travel_copy.export_travel_copy_from_app(context, parent)
    assert job is not None
    qtbot.waitUntil(lambda: bool(recorded.texts("info")), timeout=10000)
    [text] = recorded.texts("info")
    assert str(target) in text and "complete copy" in text
    copy = open_database(target)
    try:
        assert organizations.get_organization(copy, party["org"]).website == "https://fl.example.org"
    finally:
        copy.close()


def test_a_write_elsewhere_before_merge_compares_again_and_says_why(
        context: AppContext, qtbot: QtBot, party: dict[str, str], travel: Database,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Between the review and Merge, another window (here: a colleague's edit) wrote to this
    database: nothing is written, the dialog says so and compares the copies again, and the
    new comparison merges."""
    office = context.database
    visit = interactions.create_interaction(travel, {
        "kind": "outbound_visit", "title": "Visit to Maputo", "start": "2025-05-12",
        "participants": [{"organization_id": party["org"], "role": "host"}]}, TRAVELLER)
    dialog = run_merge(context, qtbot, travel, monkeypatch)
    organizations.update_organization(office, party["org"], {"website": "https://fl.org.mz"},
                                      expected_version=None, actor=COLLEAGUE)
    dialog.merge_button.click()
    qtbot.waitUntil(lambda: dialog.outcome == "replanning", timeout=10000)
    qtbot.waitUntil(lambda: dialog.outcome == "planned", timeout=10000)
    assert "changed while the merge" in dialog.notice.text.text()
    click_merge(dialog, qtbot)
    assert interactions.get_interaction(office, visit.id).title == "Visit to Maputo"
    assert organizations.get_organization(office, party["org"]).website == "https://fl.org.mz"
