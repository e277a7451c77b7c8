"""In Chinese, no English on any screen but data: every window, view, dialog, wizard page and
menu is opened with the zh_CN catalog installed, and every text a user can read — titles,
labels, buttons, menu entries, tabs, column headers, placeholders, choices, tooltips — is
searched for English words. The database holds Chinese data only, so any English word found
is the interface's. A short allow-list holds the names that stay as they are (Liaison, Excel,
PDF, CSV...)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTableView,
    QTextEdit,
    QTreeView,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from db.changes.recording import Actor
from db.services import followups, interactions, organizations, people
from db.store import translation
from desktop import i18n
from desktop.context import AppContext
from tests.desktop.helpers import settle

# Words that stay as they are in a Chinese interface: the product, file formats, servers,
# keys, and the command line's own words where a hint shows them.
ALLOWED = {
    "liaison", "excel", "pdf", "csv", "tsv", "xlsx", "xlsm", "xls", "ods", "sqlite", "sqlite3",
    "postgresql", "psycopg", "url", "utc", "id", "ctrl", "shift", "alt", "del", "esc", "enter",
    "tab", "db", "path", "liaison_db", "party", "facts", "partyfacts", "lucide", "isc",
    "pycountry", "iso", "codes", "readme", "https", "http", "www", "json", "utf", "gb18030",
    "big5", "big", "qt", "pyside6", "ok", "windows", "opendocument",
    # the programs and formats contacts come from
    "vcf", "vcard", "outlook", "google",
    # the calendar file, and the calendars that read it
    "ics", "icalendar", "apple", "thunderbird",
    # the spreadsheet programs a protected workbook opens in
    "libreoffice",
    # key names, as shortcuts show them
    "delete", "backspace", "home", "end", "pgup", "pgdown", "space", "ins", "return",
    # the starter register's authors and licence, credited by name
    "döring", "holger", "sven", "regel", "mit",
}
WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-žǍ-ɏ][A-Za-zÀ-ÖØ-öø-žǍ-ɏ_']+")
TAG = re.compile(r"<[^>]+>")

OFFICER = Actor(who="王芳", source="screen")


def english_words(text: str) -> list[str]:
    # addresses, paths and file names are data
    plain = re.sub(r"https?://\S+|(?:[A-Za-z]:)?/\S+|[\w.-]+\.(?:sqlite3|xlsx|csv|json)", " ",
                   text)
    plain = TAG.sub(" ", plain.replace("&&", "").replace("&", ""))
    plain = re.sub(r"&\w+;", " ", plain)  # HTML entities
    # Country codes and abbreviations (VN, ANC) are data.
    return [w for w in WORD.findall(plain) if w.lower().strip("'") not in ALLOWED
            and not (w.isupper() and len(w) <= 5)]


def texts_of(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for everything `widget` and its children show or offer."""
    for child in [widget, *widget.findChildren(QWidget)]:
        name = f"{type(child).__name__}#{child.objectName() or '-'}"
        if child.isWindow() and child.windowTitle():
            yield name + " title", child.windowTitle()
        if child.toolTip():
            yield name + " tooltip", child.toolTip()
        if isinstance(child, QLabel | QAbstractButton):
            yield name, child.text()
        elif isinstance(child, QGroupBox):
            yield name, child.title()
        elif isinstance(child, QLineEdit | QTextEdit | QPlainTextEdit):
            yield name + " placeholder", child.placeholderText()
        elif isinstance(child, QComboBox):
            for index in range(child.count()):
                yield name + " choice", child.itemText(index)
        elif isinstance(child, QTabBar):
            for index in range(child.count()):
                yield name + " tab", child.tabText(index)
                yield name + " tab tooltip", child.tabToolTip(index)
        elif isinstance(child, QTableView | QTreeView) and child.model() is not None:
            model = child.model()
            for column in range(model.columnCount(QModelIndex())):
                header = model.headerData(column, Qt.Orientation.Horizontal,
                                          Qt.ItemDataRole.DisplayRole)
                if header:
                    yield name + " header", str(header)
                tip = model.headerData(column, Qt.Orientation.Horizontal,
                                       Qt.ItemDataRole.ToolTipRole)
                if tip:
                    yield name + " header tooltip", str(tip)
        if isinstance(child, QListView) and not isinstance(child, QTableView | QTreeView) \
                and child.model() is not None:
            model = child.model()
            for row in range(model.rowCount(QModelIndex())):
                yield name + " item", str(model.index(row, 0).data() or "")
        if isinstance(child, QWizard):
            for page_id in child.pageIds():
                page = child.page(page_id)
                yield f"{name} page {page_id} title", page.title()
                yield f"{name} page {page_id} subtitle", page.subTitle()
    for menu in widget.findChildren(QMenu):
        for action in menu.actions():
            if not action.isSeparator():
                yield f"menu {menu.title()}", action.text()
                if action.toolTip() != action.text().replace("&", ""):
                    yield f"menu {menu.title()} tooltip", action.toolTip()
    if isinstance(widget, QMainWindow):
        for action in widget.menuBar().actions():
            yield "menu bar", action.text()
        yield "status bar", widget.statusBar().currentMessage()


def offenders(widget: QWidget) -> list[str]:
    return sorted({f"{where}: {text!r}" for where, text in texts_of(widget)
                   if text and english_words(text)})


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    assert i18n.install("zh_CN") == "zh_CN", "the Chinese catalog must load"
    try:
        yield
    finally:
        i18n.install("en")
        translation.set_language("en")


@pytest.fixture
def records(context: AppContext) -> dict[str, str]:
    """A little data, all of it Chinese, so any English word on a screen is the interface's."""
    db = context.database
    party = organizations.create_organization(db, {
        "name": "越南共产党", "name_zh": "越南共产党", "abbreviation": "越共", "country": "VN",
        "kind": "party", "status": "governing", "level": "strategic", "tags": ["亚洲"]}, OFFICER)
    person = people.create_person(db, {"name": "阮文安", "nationality": "VN"}, OFFICER)
    talks = interactions.create_interaction(db, {
        "kind": "outbound_visit", "title": "访问河内", "start": "2026-11-02", "city": "河内",
        "country": "VN", "participants": [{"organization_id": party.id, "role": "host"},
                                          {"person_id": person.id, "role": "delegation_head"}]},
        OFFICER)
    followups.create_followup(db, {"description": "寄送会谈纪要", "due": "2026-12-20",
                                   "organization_id": party.id, "interaction_id": talks.id},
                              OFFICER)
    return {"party": party.id, "person": person.id, "talks": talks.id}


def check(qtbot: QtBot, widget: QWidget, ready: Callable[[], Any] | None = None) -> list[str]:
    qtbot.addWidget(widget)
    widget.show()
    settle()
    if ready is not None:
        qtbot.waitUntil(lambda: bool(ready()), timeout=5000)
    return offenders(widget)


def test_the_main_window_and_every_view_speak_chinese(chinese: None, context: AppContext,
                                                     records: dict[str, str],
                                                     qtbot: QtBot) -> None:
    from desktop.windows.main_window import MainWindow

    window = MainWindow(context)
    found = check(qtbot, window)
    for row in range(window.navigation.count()):
        window.navigation.setCurrentRow(row)
        settle()
        found += offenders(window)
    assert not sorted(set(found)), "\n".join(sorted(set(found)))


def test_record_windows_speak_chinese(chinese: None, context: AppContext,
                                      records: dict[str, str], qtbot: QtBot) -> None:
    found: list[str] = []
    for window in (context.open_organization(records["party"]),
                   context.open_person(records["person"]),
                   context.open_interaction(records["talks"]),
                   context.open_organization(None), context.open_interaction(None)):
        settle()
        found += offenders(window)
        tabs = window.findChildren(QTabBar)
        for bar in tabs:
            for index in range(bar.count()):
                bar.setCurrentIndex(index)
                settle()
                found += offenders(window)
    assert not sorted(set(found)), "\n".join(sorted(set(found)))


def test_dialogs_and_wizard_pages_speak_chinese(chinese: None, context: AppContext,
                                                records: dict[str, str], qtbot: QtBot) -> None:
    from desktop.dialogs.first_start import FirstStartDialog
    from desktop.dialogs.followup import FollowUpDialog
    from desktop.dialogs.import_wizard.wizard import ImportWizard
    from desktop.dialogs.settings import SettingsDialog
    from desktop.dialogs.undo_import import UndoImportDialog

    found: list[str] = []
    for dialog in (SettingsDialog(), FirstStartDialog(), FollowUpDialog(context),
                   UndoImportDialog(context), ImportWizard(context)):
        found += check(qtbot, dialog)
    assert not sorted(set(found)), "\n".join(sorted(set(found)))


def test_help_speaks_chinese(chinese: None, context: AppContext, records: dict[str, str],
                            qtbot: QtBot) -> None:
    """The shortcut sheet (its rows too), the report dialog and the Chinese user guide."""
    from desktop.dialogs import help as help_dialogs
    from desktop.windows.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    sheet = help_dialogs.ShortcutSheet(window)
    found = check(qtbot, sheet)
    found += [f"shortcut row: {sheet.table.item(row, 1).text()!r}"
              for row in range(sheet.table.rowCount())
              if english_words(sheet.table.item(row, 1).text())]
    found += check(qtbot, help_dialogs.ReportDialog(context, window))
    guide = help_dialogs.GuideWindow(window)
    found += check(qtbot, guide)
    text = guide.browser.toPlainText()
    assert "出访" in text and "Ctrl+F" in text
    # What the user types is shown as typed (<code>: commands, pinyin, a cell's example), and
    # the language menu offers English by its own name.
    from desktop.dialogs.help import guide_path

    prose = re.sub(r"<code>.*?</code>", " ", guide_path().read_text(encoding="utf-8"),
                   flags=re.DOTALL)
    prose = TAG.sub(" ", prose)
    found += [f"guide: {word}" for word in english_words(prose) if word != "English"]
    assert not sorted(set(found)), "\n".join(sorted(set(found)))


def test_the_catalog_has_no_unfinished_message() -> None:
    from scripts.translations import messages

    unfinished = [(context, source) for context, source, text in messages() if text is None]
    assert not unfinished, f"{len(unfinished)} unfinished, e.g. {unfinished[:10]}"


def test_the_merge_dialog_speaks_chinese(chinese: None, context: AppContext,
                                         records: dict[str, str], qtbot: QtBot,
                                         tmp_path: Any) -> None:
    from db.merge.travel import export_travel_copy
    from db.seed.opening import open_database
    from desktop.dialogs.merge import MergeDialog

    copy = export_travel_copy(context.database, tmp_path / "travel.sqlite3")
    other = open_database(copy.path)
    try:
        organizations.update_organization(other, records["party"], {"notes": "河内会谈"},
                                          expected_version=None, actor=OFFICER)
    finally:
        other.close()
    dialog = MergeDialog(context, str(copy.path))
    dialog.start_plan()
    found = check(qtbot, dialog, lambda: dialog.outcome == "planned")
    assert not found, "\n".join(found)
