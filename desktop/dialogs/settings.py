"""Settings: the officer's name (written into the change history), the interface language,
which script names show in first, and — for the open database file — how many automatic
backups it keeps."""

from __future__ import annotations

import sys

from PySide6.QtCore import QProcess
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.services.event_figures import set_youth_age, youth_age
from db.store.backups import keep_of, set_keep
from db.store.engine import Database
from db.store.errors import LiaisonError
from desktop import settings
from desktop.errors import show_problem
from desktop.i18n import LANGUAGE_CHOICES, QT_TRANSLATE_NOOP, chosen_language, translate

NAME_CHOICES = (("original", QT_TRANSLATE_NOOP("Settings",
                                               "Original script (as the organization writes it)")),
                ("en", QT_TRANSLATE_NOOP("Settings", "English")),
                ("zh", QT_TRANSLATE_NOOP("Settings", "Chinese 中文")))


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *,
                 database: Database | None = None) -> None:
        super().__init__(parent)
        # the open database's backups, when it is a file this app may write
        self.database = database if (database is not None and database.path is not None
                                     and not database.read_only) else None
        self.setWindowTitle(translate("Settings", "Settings"))
        self.setMinimumWidth(580)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.officer = QLineEdit(settings.officer_name())
        self.officer.setObjectName("officer_name")
        self.officer.setToolTip(translate("Settings",
                                          "Your name as it appears in every record's history"))
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, text in LANGUAGE_CHOICES:
            self.language.addItem(translate("Settings", text), code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language())))
        self.names = QComboBox()
        self.names.setObjectName("name_preference")
        for code, text in NAME_CHOICES:
            self.names.addItem(translate("Settings", text), code)
        self.names.setCurrentIndex(max(0, self.names.findData(settings.name_preference())))
        form.addRow(translate("Settings", "Your name:"), self.officer)
        form.addRow(translate("Settings", "Language:"), self.language)
        form.addRow(translate("Settings", "Show names in:"), self.names)
        self.keep_daily = QSpinBox()
        self.keep_daily.setObjectName("keep_daily")
        self.keep_events = QSpinBox()
        self.keep_events.setObjectName("keep_events")
        if self.database is not None:
            daily, events = keep_of(self.database)
            row = QHBoxLayout()
            for box, value, text in (
                    (self.keep_daily, daily, translate("Settings", "daily,")),
                    (self.keep_events, events,
                     translate("Settings", "before imports, merges and restores"))):
                box.setRange(1, 365)
                box.setValue(value)
                row.addWidget(box)
                row.addWidget(QLabel(text))
            row.addStretch(1)
            form.addRow(translate("Settings", "Keep the last backups:"), row)
        self.lock = QSpinBox()
        self.lock.setObjectName("lock_minutes")
        self.lock.setRange(0, 480)
        self.lock.setMaximumWidth(160)
        self.lock.setValue(settings.lock_minutes())
        self.lock.setSuffix(translate("Settings", " min"))
        self.lock.setSpecialValueText(translate("Settings", "never"))
        self.lock.setToolTip(translate("Settings", "An encrypted database hides its windows and "
                                                   "asks for the passphrase again after this "
                                                   "long without use"))
        form.addRow(translate("Settings", "Lock when idle for:"), self.lock)
        # The age under which an event's attendees count as young: the office's figure, kept in
        # the database (a team's server included) rather than on one laptop.
        self.shared = database if database is not None and not database.read_only else None
        self.youth = QSpinBox()
        self.youth.setObjectName("youth_age")
        self.youth.setRange(10, 100)
        self.youth.setMaximumWidth(160)
        self.youth.setSuffix(translate("Settings", " years"))
        self.youth.setToolTip(translate(
            "Settings", "An event's participation profile counts attendees under this age as "
                        "young people (for the whole office, in this database)"))
        if self.shared is not None:
            self.youth.setValue(youth_age(self.shared))
            form.addRow(translate("Settings", "Young people are under:"), self.youth)
        layout.addLayout(form)
        hint = QLabel(translate(
            "Settings", "Other database files open from File ▸ Open database…; a team's "
            "PostgreSQL server, by starting Liaison with <code>--db URL</code> or setting "
            "<code>LIAISON_DB</code>."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if self.database is not None:
            try:
                set_keep(self.database, self.keep_daily.value(), self.keep_events.value())
            except LiaisonError as exc:
                show_problem(self, exc, translate("Settings", "Settings"))
                return
        if self.shared is not None and self.youth.value() != youth_age(self.shared):
            try:
                set_youth_age(self.shared, self.youth.value())
            except LiaisonError as exc:
                show_problem(self, exc, translate("Settings", "Settings"))
                return
        settings.set_lock_minutes(self.lock.value())
        if self.officer.text().strip():
            settings.set_officer_name(self.officer.text())
        settings.set_name_preference(str(self.names.currentData()))
        before = chosen_language(settings.language())
        settings.set_language(str(self.language.currentData()))
        super().accept()
        if chosen_language(settings.language()) != before:
            offer_restart(self.parentWidget())


def offer_restart(parent: QWidget | None) -> bool:
    """The language changes when Liaison starts again: offer to restart now. True when the
    restart was started."""
    answer = QMessageBox.question(
        parent, translate("Settings", "Restart Liaison"),
        translate("Settings", "Liaison speaks the new language from its next start. Restart "
                              "it now? (Your work is saved as you go.)"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes)
    if answer != QMessageBox.StandardButton.Yes:
        return False
    if not QProcess.startDetached(sys.executable, [sys.argv[0], *sys.argv[1:]]):
        return False
    QApplication.quit()
    return True
