"""Tools ▸ Find duplicates… (issue 18), on SQLite and PostgreSQL: the scan runs on the worker
and can be cancelled; the pairs are reviewed one by one with both records side by side and why
they matched; S skips, B goes back, N remembers a pair as not a duplicate, M opens the merge
dialog whose merge takes the merged-away record's pairs out of the review and is one step of
the main window's undo stack; people too; the Tools menu opens it."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from db.services import organizations
from db.services.duplicates import scan_duplicates
from db.services.not_duplicates import not_duplicates
from db.store.engine import Database
from desktop.context import AppContext
from desktop.dialogs.duplicates import DuplicatesDialog
from desktop.dialogs.merge_records import MergeRecordsDialog
from desktop.windows.main_window import MainWindow
from desktop.windows.record_pages import new_context
from tests.db.factories import make_interaction, make_organization, make_person
from tests.desktop.conftest import RecordedMessages
from tests.desktop.helpers import wait_until_active


@pytest.fixture
def context(db: Database, qapp: object, recorded: RecordedMessages) -> Iterator[AppContext]:
    ctx = new_context(db)
    yield ctx
    for window in list(ctx.windows.values()):
        window.close()
    ctx.close()


@pytest.fixture
def register(context: AppContext) -> dict[str, str]:
    db = context.database
    made = {
        "regions_ru": make_organization(db, name="Партия регионов", abbreviation="ПР",
                                        country="UA").id,
        "regions_en": make_organization(db, name="Party of Regions", abbreviation="PR",
                                        aliases=["Partiya Regionov"], country="UA").id,
        "regions_zh": make_organization(db, name="地区党", name_en="Party of Regions",
                                        country="UA").id,
        "frelimo": make_organization(db, name="Frelimo", country="MZ").id,
        "frelimo_caps": make_organization(db, name="FRELIMO", country="MZ").id,
        "renamo": make_organization(db, name="RENAMO", country="MZ").id,
    }
    make_interaction(db, organizations_=[made["regions_ru"]])
    make_interaction(db, organizations_=[made["regions_ru"], made["frelimo"]])
    return made


def texts(widget: object) -> str:
    return " | ".join(label.text() for label in widget.findChildren(QLabel))  # type: ignore[attr-defined]


def scanned(qtbot: QtBot, dialog: DuplicatesDialog) -> None:
    dialog.activateWindow()
    wait_until_active(dialog)  # the one-key shortcuts belong to the active window
    dialog.scan()
    qtbot.waitUntil(lambda: dialog.job is not None and not dialog.job.running, timeout=20000)
    dialog.activateWindow()
    wait_until_active(dialog)


def press(key: Qt.Key) -> None:
    """A key where the window system delivers it: the focus widget."""
    widget = QApplication.focusWidget()
    assert widget is not None, "no widget has the keyboard"
    QTest.keyClick(widget, key)


def shown(qtbot: QtBot, dialog: DuplicatesDialog) -> None:
    qtbot.waitUntil(lambda: dialog.view is not None and dialog.view.pair is dialog.current()
                    and dialog.skip_button.isEnabled(), timeout=10000)


def ids(dialog: DuplicatesDialog) -> frozenset[str]:
    pair = dialog.current()
    assert pair is not None
    return frozenset((pair.first_id, pair.second_id))


def test_reviewing_pairs_by_keyboard(context: AppContext, qtbot: QtBot,
                                     register: dict[str, str]) -> None:
    dialog = DuplicatesDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.merge_button.isEnabled()
    scanned(qtbot, dialog)
    pairs = {frozenset((p.first_id, p.second_id)) for p in dialog.pairs}
    regions = frozenset((register["regions_ru"], register["regions_en"]))
    frelimo = frozenset((register["frelimo"], register["frelimo_caps"]))
    assert regions in pairs and frelimo in pairs
    assert all(register["renamo"] not in pair for pair in pairs)
    shown(qtbot, dialog)
    assert dialog.summary.text() == f"Pair 1 of {len(pairs)}: decide, or skip to the next."
    first = dialog.current()
    assert first is not None and first.score == 100
    # Both records side by side, with what is linked to each, and why they matched.
    side_texts = texts(dialog.first_box) + texts(dialog.second_box)
    for pair_id in (first.first_id, first.second_id):
        record = organizations.get_organization(context.database, pair_id)
        assert record.name in side_texts
    assert "Why: " in dialog.reasons.text()

    order = [ids(dialog)]
    press(Qt.Key.Key_S)  # skip
    shown(qtbot, dialog)
    assert dialog.index == 1 and ids(dialog) != order[0]
    press(Qt.Key.Key_B)  # back
    shown(qtbot, dialog)
    assert dialog.index == 0 and ids(dialog) == order[0]

    while ids(dialog) != frelimo:
        press(Qt.Key.Key_S)
        shown(qtbot, dialog)
    assert "same name" in dialog.reasons.text()
    count = len(dialog.pairs)
    press(Qt.Key.Key_N)  # not a duplicate: remembered
    qtbot.waitUntil(lambda: len(dialog.pairs) == count - 1, timeout=10000)
    assert not_duplicates(context.database, "organization") == [tuple(sorted(frelimo))]
    assert frelimo not in {frozenset((p.first_id, p.second_id))
                           for p in scan_duplicates(context.database, "organization")}


def test_merging_a_pair_from_the_review_and_undoing_it(context: AppContext, qtbot: QtBot,
                                                       register: dict[str, str]) -> None:
    dialog = DuplicatesDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    scanned(qtbot, dialog)
    shown(qtbot, dialog)
    regions = frozenset((register["regions_ru"], register["regions_en"]))
    while ids(dialog) != regions:
        press(Qt.Key.Key_S)
        shown(qtbot, dialog)
    pair = dialog.current()
    assert pair is not None
    # The one with more history is suggested to keep.
    assert pair.first_id == register["regions_ru"]
    merged: list[bool] = []

    def merge_in_the_dialog() -> None:
        opened = [w for w in QApplication.topLevelWidgets()
                  if isinstance(w, MergeRecordsDialog) and w.isVisible()]
        assert len(opened) == 1
        merge = opened[0]
        try:
            qtbot.waitUntil(lambda: merge.view is not None and merge.answer is None
                            and merge.merge_button.isEnabled(), timeout=10000)
            merge.merge_button.click()
            qtbot.waitUntil(lambda: merge.result_of_merge is not None, timeout=10000)
            merged.append(True)
        finally:
            if merge.isVisible():
                merge.reject()

    QTimer.singleShot(50, merge_in_the_dialog)
    press(Qt.Key.Key_M)  # returns once the merge dialog closed
    assert merged == [True]
    gone = register["regions_en"]
    assert all(gone not in (p.first_id, p.second_id) for p in dialog.pairs)
    assert organizations.get_organization(context.database, gone,
                                          include_deleted=True).deleted_at is not None
    assert context.undo_stack.count() == 1
    context.undo_stack.undo()
    qtbot.waitUntil(lambda: organizations.get_organization(
        context.database, gone, include_deleted=True).deleted_at is None, timeout=10000)


def test_people_and_a_cancelled_scan(context: AppContext, qtbot: QtBot) -> None:
    db = context.database
    xi = make_person(db, name="习近平", nationality="CN").id
    xi_en = make_person(db, name="Xi Jinping", nationality="CN").id
    make_person(db, name="Li Qiang", nationality="CN")
    dialog = DuplicatesDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("person"))
    assert dialog.score_box.value() == 90
    scanned(qtbot, dialog)
    assert [frozenset((p.first_id, p.second_id)) for p in dialog.pairs] == [
        frozenset((xi, xi_en))]
    shown(qtbot, dialog)
    assert "same name in another script" in dialog.reasons.text()
    assert "Nationality" in texts(dialog.first_box)

    # A scan cancelled before it ends: nothing found, the dialog says so.
    release = threading.Event()
    context.worker.submit(lambda: release.wait(10))  # the worker busy: the scan waits its turn
    job = dialog.scan()
    assert job is not None
    job.cancel()
    release.set()
    qtbot.waitUntil(lambda: not job.running, timeout=20000)
    assert dialog.summary.text() == "The scan was cancelled."
    assert dialog.find_button.isEnabled()


def test_the_tools_menu_opens_it(context: AppContext, qtbot: QtBot,
                                 register: dict[str, str]) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    action = window.findChild(QAction, "find_duplicates")
    assert action is not None
    action.trigger()
    dialog = window.findChild(DuplicatesDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.scanned_kind == "organization", timeout=20000)
    assert dialog.pairs
    dialog.close()
