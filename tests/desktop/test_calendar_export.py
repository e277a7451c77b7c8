"""File ▸ Export calendar… (issue 16, item 4): the dialog asks the range and the file, writes
the .ics off the UI thread and says how many events went where; a wrong range or place is a
clear sentence in the dialog and no file. Real widgets, a real SQLite file, the written file
read back with icalendar."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from db.services import followups, programme, visits
from desktop.context import AppContext
from desktop.dialogs import calendar_export
from desktop.dialogs.calendar_export import CalendarExportDialog, open_calendar_export
from desktop.windows.main_window import MainWindow
from tests.db.factories import make_organization, make_person
from tests.desktop.conftest import RecordedMessages

LEFT = Qt.MouseButton.LeftButton
START = date.today() + timedelta(days=20)


@pytest.fixture
def visit(context: AppContext) -> dict[str, Any]:
    """A visit three weeks from now with three programme items, and a follow-up due."""
    db = context.database
    cpv = make_organization(db, name="Communist Party of Vietnam", name_zh="越南共产党",
                            country="VN")
    head = make_person(db, name="Lê Hoài Trung")
    record = visits.create_visit(db, {
        "title": "Delegation to Viet Nam", "direction": "outbound", "start": START,
        "end": START + timedelta(days=2), "country": "VN", "host_id": cpv.id})
    visits.add_member(db, record.id, {"person_id": head.id, "side": "host", "role": "head"})
    titles = ["Hội đàm với Ban Đối ngoại", "Arrival", "参观党史馆"]
    programme.add_item(db, record.id, {"day": START, "kind": "talks", "title": titles[0],
                                       "starts": "09:30", "ends": "11:00", "city": "Hà Nội"},
                       participants=[{"organization_id": cpv.id, "role": "host"}])
    programme.add_item(db, record.id, {"day": START, "kind": "travel", "title": titles[1]})
    programme.add_item(db, record.id, {"day": START + timedelta(days=1), "kind": "site_visit",
                                       "title": titles[2]})
    followups.create_followup(db, {"description": "Send the photos",
                                   "due": START + timedelta(days=10)})
    return {"visit": record.id, "titles": titles}


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def dialog_for(context: AppContext, parent: QWidget, qtbot: QtBot) -> CalendarExportDialog:
    dialog = open_calendar_export(context, parent)
    qtbot.addWidget(dialog)
    return dialog


def choose(dialog: CalendarExportDialog, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
           path: Path | str) -> None:
    """Pick the file as the user does: Choose…, then the save dialog's answer."""
    asked: list[str] = []

    def answer(_parent: QWidget | None, suggested: str) -> str:
        asked.append(suggested)
        return str(path)

    monkeypatch.setattr(calendar_export, "ask_calendar_path", answer)
    choose_button = next(b for b in dialog.findChildren(type(dialog.export_button))
                         if b.text().replace("&", "") == "Choose…")
    qtbot.mouseClick(choose_button, LEFT)
    assert asked, "the save dialog was not asked"


def events(path: Path) -> list[Any]:
    calendar = Calendar.from_ical(path.read_bytes())
    return [c for c in calendar.walk() if c.name == "VEVENT"]


def test_the_dialog_writes_the_calendar_and_says_so(
        context: AppContext, qtbot: QtBot, parent: QWidget, visit: dict[str, Any],
        recorded: RecordedMessages, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    dialog = dialog_for(context, parent, qtbot)
    assert dialog.isVisible()
    assert dialog.start.value() == (date.today() - timedelta(days=30)).isoformat()
    assert dialog.no_end.isChecked() and not dialog.end.isEnabled()
    target = tmp_path / "out" / "my calendar.ics"
    target.parent.mkdir()
    choose(dialog, qtbot, monkeypatch, target)
    assert dialog.path_edit.text() == str(target)
    qtbot.mouseClick(dialog.export_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    found = events(target)
    # Three programme items, the visit as a band, the follow-up due.
    assert len(found) == 5
    summaries = [str(e.get("summary")) for e in found]
    for title in visit["titles"]:
        assert any(title in s for s in summaries), (title, summaries)
    assert recorded.texts("info") == [
        f"Wrote 5 events to {target} (programme items: 3, visits: 1, multilateral events: 0, "
        "sessions: 0, follow-ups due: 1)."]
    assert list(target.parent.iterdir()) == [target]  # no temporary file beside it
    # The next export starts from the same file (to update the events imported).
    again = dialog_for(context, parent, qtbot)
    assert again.path_edit.text() == str(target)


def test_a_range_that_leaves_the_visit_out(
        context: AppContext, qtbot: QtBot, parent: QWidget, visit: dict[str, Any],
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    dialog = dialog_for(context, parent, qtbot)
    dialog.no_end.setChecked(False)
    assert dialog.end.isEnabled() and dialog.end.value()  # a starting suggestion
    dialog.start.edit.setText((START + timedelta(days=5)).isoformat())
    dialog.end.edit.setText((START + timedelta(days=12)).isoformat())
    target = tmp_path / "later.ics"
    dialog.path_edit.setText(str(tmp_path / "later"))  # typed without .ics: it is added
    qtbot.mouseClick(dialog.export_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    found = events(target)
    assert [str(e.get("summary")) for e in found] == ["Due: Send the photos"]


def test_the_default_file_is_liaison_ics_in_the_documents_folder(
        context: AppContext, qtbot: QtBot, parent: QWidget) -> None:
    dialog = dialog_for(context, parent, qtbot)
    path = Path(dialog.path_edit.text())
    assert path.name == "liaison.ics"
    assert path.parent == calendar_export.documents_folder()


@pytest.mark.parametrize(("start", "end", "where", "says"), [
    ("2026-06-10", "2026-06-01", "ok", "The last day (2026-06-01) is before the first "
                                       "(2026-06-10); give the first day first."),
    ("2026-02-30", None, "ok", "2026-02-30"),
    ("", None, "ok", "Give the first day the calendar covers."),
    ("2026-06-01", "", "ok", "Give the last day, or tick “No end”."),
    ("2026-06-01", None, "missing", "does not exist"),
    ("2026-06-01", None, "folder", "is a folder"),
    ("2026-06-01", None, "empty", "Choose the file to write the calendar to."),
])
def test_bad_input_is_a_clear_sentence_and_no_file(
        context: AppContext, qtbot: QtBot, parent: QWidget, visit: dict[str, Any],
        recorded: RecordedMessages, tmp_path: Path, start: str, end: str | None, where: str,
        says: str) -> None:
    dialog = dialog_for(context, parent, qtbot)
    dialog.start.edit.setText(start)
    if end is not None:
        dialog.no_end.setChecked(False)
        dialog.end.edit.setText(end)
    paths = {"ok": tmp_path / "c.ics", "missing": tmp_path / "nowhere" / "c.ics",
             "folder": tmp_path / "a folder.ics", "empty": ""}
    if where == "folder":
        (tmp_path / "a folder.ics").mkdir()
    dialog.path_edit.setText(str(paths[where]))
    before = sorted(tmp_path.rglob("*"))
    assert dialog.export() is None
    assert dialog.problem.isVisible() and says in dialog.problem.text()
    assert dialog.isVisible() and dialog.export_button.isEnabled()
    assert sorted(tmp_path.rglob("*")) == before  # nothing written
    assert recorded.texts("info") == []


def test_a_failed_write_is_said_in_the_dialog(
        context: AppContext, qtbot: QtBot, parent: QWidget, visit: dict[str, Any],
        recorded: RecordedMessages, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import db.exchange.calendar as calendar_module

    def full_disk(*_args: Any, **_kwargs: Any) -> Any:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(calendar_module, "write_calendar", full_disk)
    dialog = dialog_for(context, parent, qtbot)
    dialog.path_edit.setText(str(tmp_path / "c.ics"))
    job = dialog.export()
    assert job is not None
    qtbot.waitUntil(lambda: dialog.problem.isVisible())
    assert "No space left on device" in dialog.problem.text()
    assert "no file was written" in dialog.problem.text()
    assert dialog.isVisible() and dialog.export_button.isEnabled()
    assert not (tmp_path / "c.ics").exists() and recorded.texts("info") == []


def test_cancel_writes_nothing(context: AppContext, qtbot: QtBot, parent: QWidget,
                               tmp_path: Path) -> None:
    dialog = dialog_for(context, parent, qtbot)
    dialog.path_edit.setText(str(tmp_path / "c.ics"))
    dialog.buttons.rejected.emit()
    assert not dialog.isVisible() and not (tmp_path / "c.ics").exists()


def test_export_calendar_is_in_the_file_menu(context: AppContext, qtbot: QtBot) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    file_menu = window.menuBar().actions()[0].menu()
    action = next(a for a in file_menu.actions()
                  if a.text().replace("&", "") == "Export calendar…")
    listed = [a.text().replace("&", "") for a in file_menu.actions()]
    assert listed.index("Export calendar…") == listed.index("Export this list…") + 1
    action.trigger()
    dialog = window.findChild(CalendarExportDialog)
    assert isinstance(dialog, CalendarExportDialog) and dialog.isVisible()
    dialog.reject()
