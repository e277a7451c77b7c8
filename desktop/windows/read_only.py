"""A database opened read-only (its file or folder is read-only): a banner says so in every
window that shows it, and the actions that would change it are off. Reading, searching and
exporting work as usual; "Save a copy to work on" makes a copy and opens it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.i18n import translate
from desktop.widgets.banner import Banner

if TYPE_CHECKING:
    from desktop.windows.main_window import MainWindow


def banner_text(on_server: bool = False) -> str:
    if on_server:
        return translate("ReadOnly", "<b>Read-only.</b> Your account on the team server may "
                                     "read, search and export, but not change anything (the "
                                     "viewer role). Ask the server's administrator for the "
                                     "editor role to make changes.")
    return translate("ReadOnly", "<b>Read-only.</b> This database file (or its folder) is "
                                 "read-only: you can read, search and export, but not change "
                                 "anything. To work on it, save a copy.")


def apply_to_main_window(window: MainWindow) -> None:
    """Put the banner above the lists and turn off every action that writes."""
    from desktop.windows import database_menu

    banner = Banner()
    banner.setObjectName("read_only_banner")
    on_server = window.context.database.path is None
    banner.show_message(banner_text(on_server), [] if on_server else [(
        translate("ReadOnly", "Save a copy to work on…"),
        lambda: database_menu.save_a_copy(window.context, window, open_it=True))])
    central = window.takeCentralWidget()
    assert central is not None, "the main window has its lists by now"
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(6, 6, 6, 0)
    layout.setSpacing(6)
    layout.addWidget(banner)
    layout.addWidget(central, 1)
    window.setCentralWidget(holder)
    window.read_only_banner = banner
    window.database_label.setText(translate("MainWindow", "{database} (read-only)").format(
        database=window.context.database.describe()))
    for action in (window.new_action, window.new_organization, window.new_person,
                   window.new_interaction, window.import_action, window.undo_import_action,
                   window.merge_travel_action, window.starter_action, window.demo_action,
                   window.delete_action):
        action.setEnabled(False)
