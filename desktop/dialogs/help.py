"""Help ▸ Keyboard shortcuts (F1), User guide (offline, in the interface's language) and
Report a problem (a report to copy and send)."""

from __future__ import annotations

import platform
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from db import __version__
from db.seed.resources import resource_path
from db.store.errors import LiaisonError
from db.store.translation import CHINESE, language
from desktop.context import AppContext
from desktop.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from desktop.windows.main_window import MainWindow

# Keys that belong to record windows and lists rather than to a menu of the main window.
OTHER_KEYS = (
    ("Enter", QT_TRANSLATE_NOOP("Help", "Open the selected record (in a list), or the "
                                        "highlighted match (in the search box)")),
    ("Up, Down", QT_TRANSLATE_NOOP("Help", "Move through the matches of the search box or a "
                                           "participant box")),
    ("Esc", QT_TRANSLATE_NOOP("Help", "Close a list of matches; in a record window, close the "
                                      "window (unsaved changes are asked about)")),
    ("Ctrl+S", QT_TRANSLATE_NOOP("Help", "Save the record window")),
    ("Ctrl+W", QT_TRANSLATE_NOOP("Help", "Close the record window")),
    ("Del", QT_TRANSLATE_NOOP("Help", "Delete the selected record (undo with Ctrl+Z)")),
)


def menu_shortcuts(window: QMainWindow) -> list[tuple[str, str]]:
    """(keys, what they do) for every menu action of the main window that has a shortcut."""
    found: list[tuple[str, str]] = []

    def walk(menu: QMenu) -> None:
        for action in menu.actions():
            if action.menu() is not None:  # a QMenu (QAction.menu's stub says QObject)
                walk(cast(QMenu, action.menu()))
            elif isinstance(action, QAction) and action.shortcuts():
                keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText)
                                 for k in action.shortcuts())
                # "&Find…" → "Find"; "查找(&F)…" → "查找": no mnemonic in a sheet of keys
                text = re.sub(r"\(&\w\)", "", action.text()).replace("&", "").rstrip("…")
                found.append((keys, text))

    for action in window.menuBar().actions():
        if action.menu() is not None:
            walk(cast(QMenu, action.menu()))
    return found


class ShortcutSheet(QDialog):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle(translate("Help", "Keyboard shortcuts"))
        rows = menu_shortcuts(window) + [
            (QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
             if "," not in keys else keys, translate("Help", what)) for keys, what in OTHER_KEYS]
        self.table = QTableWidget(len(rows), 2)
        self.table.setObjectName("shortcuts")
        self.table.setHorizontalHeaderLabels([translate("Help", "Keys"),
                                              translate("Help", "What they do")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        for row, (keys, what) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(what))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(640, min(760, 110 + 22 * len(rows)))


def guide_path() -> Path:
    name = "guide_zh_CN.html" if language() == CHINESE else "guide_en.html"
    return resource_path("guide", name)


class GuideWindow(QDialog):
    """The user guide, shipped with Liaison: it opens without a network."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Help", "Liaison user guide"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint)
        self.browser = QTextBrowser()
        self.browser.setObjectName("guide")
        self.browser.setOpenExternalLinks(True)
        path = guide_path()
        try:
            self.browser.setHtml(path.read_text(encoding="utf-8"))
        except OSError:
            self.browser.setPlainText(translate(
                "Help", "The user guide is missing from this installation ({path}). "
                        "Reinstall Liaison to restore it.").format(path=path))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(760, 680)


def problem_report(context: AppContext) -> str:
    """What the people who look after Liaison need to know, and nothing of the records."""
    from db.services.stats import quick_counts

    database = context.database
    try:
        counts = ", ".join(f"{k} {v:,}" for k, v in quick_counts(database).items())
    except LiaisonError as exc:  # the report is wanted most when something is wrong
        counts = f"(cannot count: {exc})"
    lines = [
        f"Liaison {__version__}",
        f"Python {platform.python_version()} · PySide6 {pyside_version} · Qt {qVersion()}",
        f"{platform.platform()} · {QGuiApplication.platformName()}",
        f"Language: {language()} · locale {QGuiApplication.inputMethod().locale().name()}",
        f"Database: {'SQLite' if database.is_sqlite else 'PostgreSQL'} · {database.describe()}",
        f"Records: {counts}",
        f"Executable: {sys.executable}",
        "",
        translate("Help", "What happened (please describe):"),
        "",
    ]
    from db.cli.main import crash_log_path

    log = crash_log_path()
    if log.exists():
        tail = log.read_text(encoding="utf-8", errors="replace")[-4000:]
        lines += ["", f"Last error report ({log}):", tail]
    return "\n".join(lines)


class ReportDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Help", "Report a problem"))
        intro = QLabel(translate(
            "Help", "Describe what you did and what went wrong at the end of the report, then "
                    "copy it and send it to the people who look after Liaison. It names the "
                    "database file but holds none of its records."))
        intro.setWordWrap(True)
        self.report = QPlainTextEdit(problem_report(context))
        self.report.setObjectName("report")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(translate("Help", "Copy report"),
                                 QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.report.toPlainText()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.report, 1)
        layout.addWidget(buttons)
        self.resize(700, 480)


def show_shortcuts(window: QMainWindow) -> ShortcutSheet:
    sheet = ShortcutSheet(window)
    sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    sheet.show()
    return sheet


def show_guide(parent: QWidget) -> GuideWindow:
    guide = GuideWindow(parent)
    guide.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    guide.show()
    return guide


def show_report(context: AppContext, parent: QWidget) -> ReportDialog:
    dialog = ReportDialog(context, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def add_actions(window: MainWindow, help_menu: QMenu) -> None:
    """The main window's Help menu."""
    window.shortcuts_action = window.make_action(
        translate("MainWindow", "&Keyboard shortcuts"),
        lambda: show_shortcuts(window), icon_name="keyboard",
        shortcut=QKeySequence.StandardKey.HelpContents)
    window.guide_action = window.make_action(translate("MainWindow", "User &guide"),
                                             lambda: show_guide(window), icon_name="book-open")
    window.report_action = window.make_action(
        translate("MainWindow", "&Report a problem…"),
        lambda: show_report(window.context, window), icon_name="bug",
        tip=translate("MainWindow", "A report to copy and send to the people who look "
                                    "after Liaison"))
    for action in (window.shortcuts_action, window.guide_action, window.report_action):
        help_menu.addAction(action)
    help_menu.addSeparator()
    help_menu.addAction(window.about_action)
