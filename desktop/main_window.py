"""The main window. For now it shows which database is open and what it holds; the browse
and edit screens come with the desktop issue."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from db import __version__
from db.engine import Database
from db.services.stats import database_stats
from db.starter import ATTRIBUTION

LABELS = {
    "organizations": "Organizations",
    "people": "People",
    "interactions": "Interactions",
    "followups": "Follow-ups",
    "topics": "Topics",
    "tags": "Tags",
}


class MainWindow(QMainWindow):
    def __init__(self, database: Database) -> None:
        super().__init__()
        self.database = database
        self.setWindowTitle(f"Liaison — {database.describe()}")
        self.resize(900, 600)
        central = QWidget()
        layout = QVBoxLayout(central)
        heading = QLabel("<h2>Liaison</h2><p>Relationship register of the international liaison "
                         "office.</p>")
        heading.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(heading)
        self.counts_box = QGroupBox("This database holds")
        self.counts = QFormLayout(self.counts_box)
        self.count_labels: dict[str, QLabel] = {}
        for key, label in LABELS.items():
            value = QLabel("…")
            value.setObjectName(f"count_{key}")
            self.count_labels[key] = value
            self.counts.addRow(f"{label}:", value)
        self.coverage = QLabel()
        self.counts.addRow("Countries covered:", self.coverage)
        layout.addWidget(self.counts_box)
        layout.addStretch(1)
        self.setCentralWidget(central)
        self._build_menu()
        self.refresh()

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About Liaison", self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def refresh(self) -> None:
        stats = database_stats(self.database)
        for key, label in self.count_labels.items():
            label.setText(f"{stats.counts.get(key, 0):,}")
        self.coverage.setText(f"{stats.countries_covered} of {stats.countries_known}")
        self.statusBar().showMessage(
            f"{self.database.describe()} — {stats.counts['organizations']:,} organizations, "
            f"{stats.counts['interactions']:,} interactions")

    def show_about(self) -> None:
        QMessageBox.about(self, "About Liaison",
                          f"<h3>Liaison {__version__}</h3><p>A relationship manager for the "
                          f"international liaison office of a political party.</p><p>{ATTRIBUTION}</p>")
