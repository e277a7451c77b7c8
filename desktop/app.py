"""Composition root: parse the database option, open it, show the main window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from db.engine import Database, open_database
from db.errors import LiaisonError


def run_app(argv: Sequence[str]) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    parser = argparse.ArgumentParser(prog="liaison")
    parser.add_argument("--db")
    args, qt_args = parser.parse_known_args(list(argv))
    app = QApplication([sys.argv[0], *qt_args])
    app.setApplicationName("Liaison")
    app.setOrganizationName("Liaison")
    try:
        database = open_database(args.db)
    except LiaisonError as exc:
        QMessageBox.critical(None, "Liaison cannot open the database", exc.message)
        return 1
    window = create_main_window(database)
    window.show()
    return int(app.exec())


def create_main_window(database: Database):  # type: ignore[no-untyped-def]
    from desktop.main_window import MainWindow

    return MainWindow(database)
