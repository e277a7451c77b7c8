"""The main window's actions, its menus (File, Edit, View, Help) and its toolbar.

The actions are attributes of the window (`window.new_action`, `window.import_action`, …);
their slots are the window's methods. File ▸ database entries come from desktop.windows.database_menu,
the Help menu from desktop.dialogs.help."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu, QSizePolicy, QToolBar, QToolButton, QWidget

from desktop.i18n import translate
from desktop.icons import icon

if TYPE_CHECKING:
    from desktop.windows.main_window import MainWindow, ViewEntry


def add_actions(window: MainWindow, views: Sequence[ViewEntry]) -> None:
    """Make the window's actions and put them in its menus and toolbar; `views` are the lists
    the View menu switches between."""
    ctx = window.context
    window.new_action = window.make_action(
        translate("MainWindow", "&New"), window.new_in_current_view, icon_name="plus",
        shortcut=QKeySequence.StandardKey.New,
        tip=translate("MainWindow", "New record in the current list (Ctrl+N)"))
    window.new_organization = window.make_action(
        translate("MainWindow", "New &organization…"), lambda: ctx.open_organization(None),
        icon_name="building-2", shortcut="Ctrl+Shift+O")
    window.new_person = window.make_action(
        translate("MainWindow", "New &person…"), lambda: ctx.open_person(None),
        icon_name="user-plus", shortcut="Ctrl+Shift+P")
    window.new_interaction = window.make_action(
        translate("MainWindow", "New &interaction…"), lambda: ctx.open_interaction(None),
        icon_name="calendar-plus", shortcut="Ctrl+Shift+I")
    window.new_visit = window.make_action(
        translate("MainWindow", "New &visit…"), lambda: ctx.open_visit(None),
        icon_name="plane-takeoff")
    window.new_visit.setEnabled(not ctx.database.read_only)
    window.new_event = window.make_action(
        translate("MainWindow", "New &event…"), lambda: ctx.open_event(None),
        icon_name="landmark")
    window.new_event.setEnabled(not ctx.database.read_only)
    window.import_action = window.make_action(
        translate("MainWindow", "&Import…"), window.import_spreadsheet, icon_name="upload",
        tip=translate("MainWindow", "Import a colleague's spreadsheet, or bring back a Liaison "
                                    "workbook with its changes"))
    window.undo_import_action = window.make_action(
        translate("MainWindow", "U&ndo an import…"), window.undo_an_import, icon_name="undo-2",
        tip=translate("MainWindow", "Take back an earlier import"))
    window.export_action = window.make_action(
        translate("MainWindow", "&Export workbook…"), window.export_workbook,
        icon_name="download",
        tip=translate("MainWindow", "Export the whole database as a Liaison workbook (.xlsx) to "
                                    "share or take on a trip"))
    window.export_protected_action = window.make_action(
        translate("MainWindow", "Export &protected workbook…"),
        lambda: window.export_workbook(protect=True), icon_name="lock",
        tip=translate("MainWindow", "Export the whole database as a workbook that Excel, WPS "
                                    "and LibreOffice open only with the password you choose"))
    window.export_list_action = window.make_action(
        translate("MainWindow", "Export this &list…"), window.export_current_list,
        icon_name="download",
        tip=translate("MainWindow", "Save the list on screen as shown — its filters, its "
                                    "order, every row — as an Excel workbook (.xlsx)"))
    window.settings_action = window.make_action(
        translate("MainWindow", "&Settings…"), window.show_settings, icon_name="settings",
        shortcut=QKeySequence.StandardKey.Preferences)
    window.quit_action = window.make_action(translate("MainWindow", "&Quit"), window.close,
                                            shortcut=QKeySequence.StandardKey.Quit)
    # Edit ▸ Undo acts on the active window's stack (desktop.undo) and says what it undoes.
    window.undo_action = ctx.undo_group.createUndoAction(window, translate("MainWindow", "&Undo"))
    window.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
    window.undo_action.setIcon(icon("undo-2"))
    window.redo_action = ctx.undo_group.createRedoAction(window, translate("MainWindow", "&Redo"))
    window.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
    window.delete_action = window.make_action(
        translate("MainWindow", "&Delete"), window.delete_in_current_view, icon_name="trash-2",
        tip=translate("MainWindow", "Delete the selected record (undo with Ctrl+Z)"))
    window.find_action = window.make_action(
        translate("MainWindow", "&Find…"), window.focus_search, icon_name="search",
        shortcut=QKeySequence.StandardKey.Find)
    window.refresh_action = window.make_action(
        translate("MainWindow", "&Refresh"), window.refresh_current, icon_name="refresh-cw",
        shortcut=QKeySequence.StandardKey.Refresh)
    window.about_action = window.make_action(translate("MainWindow", "&About Liaison"),
                                             window.show_about, icon_name="info")

    menu = window.menuBar()
    file_menu = menu.addMenu(translate("MainWindow", "&File"))
    from desktop.windows import database_menu

    database_menu.add_actions(window, file_menu)
    file_menu.addSeparator()
    for action in (window.new_action, window.new_organization, window.new_person,
                   window.new_interaction, window.new_visit, window.new_event):
        file_menu.addAction(action)
    file_menu.addSeparator()
    file_menu.addAction(window.import_action)
    file_menu.addAction(window.undo_import_action)
    window.merge_travel_action = window.make_action(
        translate("MainWindow", "&Merge a travel copy…"), window.merge_travel_copy,
        icon_name="plane-landing",
        tip=translate("MainWindow",
                      "Bring back the changes of a travel copy or a colleague's database"))
    window.export_travel_action = window.make_action(
        translate("MainWindow", "Export &travel copy…"),
        window.export_travel_copy, icon_name="plane-takeoff",
        tip=translate("MainWindow", "Save a complete copy of this database to take on a "
                                    "trip and merge back later"))
    file_menu.addAction(window.merge_travel_action)
    file_menu.addAction(window.export_travel_action)
    file_menu.addAction(window.export_action)
    file_menu.addAction(window.export_protected_action)
    file_menu.addAction(window.export_list_action)
    export_calendar = window.make_action(
        translate("MainWindow", "Export c&alendar…"), partial(_export_calendar, window),
        icon_name="calendar-days",
        tip=translate("MainWindow", "Save the visits and their programmes, the events and "
                                    "their sessions, and the follow-ups due as a calendar file "
                                    "(.ics) for Outlook, Google or Apple Calendar"))
    file_menu.addAction(export_calendar)
    file_menu.addSeparator()
    file_menu.addAction(window.settings_action)
    file_menu.addSeparator()
    file_menu.addAction(window.quit_action)
    edit_menu = menu.addMenu(translate("MainWindow", "&Edit"))
    for action in (window.undo_action, window.redo_action, window.delete_action,
                   window.find_action):
        edit_menu.addAction(action)
    view_menu = menu.addMenu(translate("MainWindow", "&View"))
    for number, entry in enumerate(views):
        action = window.make_action(translate("MainWindow", entry.title),
                                    partial(window.navigation.setCurrentRow, number),
                                    icon_name=entry.icon_name, shortcut=entry.shortcut)
        view_menu.addAction(action)
    view_menu.addSeparator()
    view_menu.addAction(window.refresh_action)
    tools_menu = menu.addMenu(translate("MainWindow", "&Tools"))
    find_duplicates = window.make_action(
        translate("MainWindow", "Find &duplicates…"), partial(_find_duplicates, window),
        icon_name="copy", tip=translate("MainWindow", "Find organizations or people entered "
                                                      "twice, in any script, and merge them"))
    find_duplicates.setObjectName("find_duplicates")
    tools_menu.addAction(find_duplicates)
    help_menu = menu.addMenu(translate("MainWindow", "&Help"))
    from desktop.dialogs import help as help_dialogs

    help_dialogs.add_actions(window, help_menu)
    window.addToolBar(_toolbar(window))


def _toolbar(window: MainWindow) -> QToolBar:
    """New (with a menu of the kinds of record), Delete, Undo, Import, Export, Settings, and
    the search box at the right."""
    toolbar = QToolBar(translate("MainWindow", "Main"))
    toolbar.setObjectName("main_toolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.setMovable(False)
    new_button = QToolButton()
    new_button.setDefaultAction(window.new_action)
    new_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    new_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
    new_menu = QMenu(new_button)
    for action in (window.new_organization, window.new_person, window.new_interaction,
                   window.new_visit, window.new_event):
        new_menu.addAction(action)
    new_button.setMenu(new_menu)
    toolbar.addWidget(new_button)
    toolbar.addAction(window.delete_action)
    toolbar.addAction(window.undo_action)
    toolbar.addSeparator()
    toolbar.addAction(window.import_action)
    toolbar.addAction(window.export_action)
    toolbar.addAction(window.settings_action)
    spacer = QWidget()
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    toolbar.addWidget(spacer)
    toolbar.addWidget(window.search)
    return toolbar


def _export_calendar(window: MainWindow) -> None:
    from desktop.dialogs.calendar_export import open_calendar_export

    open_calendar_export(window.context, window)


def _find_duplicates(window: MainWindow) -> None:
    from desktop.dialogs.duplicates import open_duplicates

    open_duplicates(window.context, window)
