"""File ▸ Backups…: the open database's backups — when, why and how large each is — with
Back up now, Restore… (after backing up the state it replaces) and Show the folder. The daily
backup on the first start of each day is started here too (`start_daily_backup`).

Backing up and restoring run on the database worker, like every other database job."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.store.backup import restore_database
from db.store.backups import Backup, daily_backup_if_due, list_backups, make_backup
from db.store.engine import backup_folder
from db.store.errors import LiaisonError
from desktop.context import AppContext
from desktop.errors import show_problem
from desktop.i18n import translate
from desktop.icons import icon
from desktop.jobs.worker import Job
from desktop.messages import messages


def size_text(size: int) -> str:
    if size >= 1_000_000:
        return translate("Backups", "{size:,.1f} MB").format(size=size / 1_000_000)
    return translate("Backups", "{size:,} KB").format(size=max(1, round(size / 1000)))


def start_daily_backup(context: AppContext, window: QMainWindow) -> Job | None:
    """On the first start of each day, back the database up in the background (a file only;
    nothing on a server or a read-only file). A failure is said in a message: a backup
    that silently stopped happening would be found out on the day it is needed."""
    database = context.database
    if database.path is None or database.read_only:
        return None

    def steps(_cancelled: Callable[[], bool]) -> Iterator[Backup | None]:
        yield daily_backup_if_due(database)

    def done(backup: Backup | None) -> None:
        if backup is not None:
            window.statusBar().showMessage(translate(
                "Backups", "Today's backup is made: {file}").format(file=backup.path.name),
                8000)

    def failed(exc: BaseException) -> None:
        if not isinstance(exc, LiaisonError):
            raise exc
        show_problem(window, exc, translate("Backups", "The daily backup failed"))

    return context.start(Job(window, translate("Backups", "Backing up"), steps,
                             lambda _r: (0, 0, ""), on_success=done, on_failure=failed,
                             show_dialog=False))


class BackupsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(translate("Backups", "Backups"))
        self.setMinimumSize(640, 420)
        database = context.database
        self.path = database.path
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.intro)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("backups_table")
        self.table.setHorizontalHeaderLabels([translate("Backups", "Made"),
                                              translate("Backups", "Why"),
                                              translate("Backups", "Size")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._enable)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        layout.addWidget(self.table, 1)

        row = QHBoxLayout()
        self.backup_button = QPushButton(icon("save"), translate("Backups", "&Back up now"))
        self.backup_button.setObjectName("backup_now")
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(icon("history"), translate("Backups", "&Restore…"))
        self.restore_button.setObjectName("restore_backup")
        self.restore_button.setToolTip(translate(
            "Backups", "Put the chosen backup in place of the database (the database as it "
                       "is now is backed up first)"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.folder_button = QPushButton(icon("folder-open"),
                                         translate("Backups", "Show the &folder"))
        self.folder_button.clicked.connect(self.show_folder)
        for button in (self.backup_button, self.restore_button, self.folder_button):
            row.addWidget(button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.backups: list[Backup] = []
        self.job: Job | None = None
        self.refresh()

    # -- the list ---------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.path is None:
            self.intro.setText(translate(
                "Backups", "This database is on a team server: it is backed up with the "
                           "server's own tools. On a computer with the PostgreSQL client "
                           "tools, <code>liaison --db URL backup</code> runs pg_dump and "
                           "<code>liaison --db URL restore FILE</code> puts a dump back."))
            self.intro.setTextFormat(Qt.TextFormat.RichText)
            self.table.hide()
            self.backups = []
            self._enable()
            return
        folder = backup_folder(self.path)
        self.intro.setText(translate(
            "Backups", "Liaison backs up {file} on the first start of each day and before "
                       "every import, merge and restore, into {folder}. Each backup is "
                       "checked when it is made; the oldest automatic ones are deleted as "
                       "Settings says (those made by hand are kept).").format(
            file=self.path.name, folder=folder))
        try:
            self.backups = list_backups(self.path)
        except LiaisonError as exc:
            self.backups = []
            show_problem(self, exc)
        self.table.setRowCount(len(self.backups))
        for number, backup in enumerate(self.backups):
            made = QTableWidgetItem(f"{backup.made.astimezone():%Y-%m-%d %H:%M}")
            made.setToolTip(str(backup.path))
            size = QTableWidgetItem(size_text(backup.size))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for column, item in enumerate((made, QTableWidgetItem(backup.reason), size)):
                self.table.setItem(number, column, item)
        if self.backups:
            self.table.selectRow(0)
        self._enable()

    def selected(self) -> Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows and self.backups else None

    def _enable(self) -> None:
        busy = self.job is not None and self.job.running
        on_file = self.path is not None
        self.backup_button.setEnabled(on_file and not busy)
        self.folder_button.setEnabled(on_file)
        self.restore_button.setEnabled(on_file and not busy and not self.context.database.read_only
                                       and self.selected() is not None)

    def show_folder(self) -> None:
        if self.path is None:
            return
        folder = backup_folder(self.path)
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # -- backing up and restoring ----------------------------------------------------------
    def back_up_now(self) -> Job | None:
        database = self.context.database

        def steps(_cancelled: Callable[[], bool]) -> Iterator[Backup | None]:
            yield make_backup(database, "manual")

        return self._run(translate("Backups", "Backing up"), steps, lambda _b: None)

    def restore_selected(self) -> Job | None:
        backup = self.selected()
        if backup is None or self.context.database.read_only:
            return None
        if not messages.confirm(
                self, translate("Backups", "Restore a backup"),
                translate("Backups", "Put the backup made {when} ({why}) in place of the "
                                     "database?\n\nThe database as it is now is backed up "
                                     "first, so this too can be taken back. Every open window "
                                     "then shows the restored data, and Undo starts afresh.")
                .format(when=f"{backup.made.astimezone():%Y-%m-%d %H:%M}",
                        why=backup.reason.lower() if backup.trigger != "daily"
                        else translate("Backups", "daily")),
                yes=translate("Backups", "Restore")):
            return None
        database, source = self.context.database, backup.path

        def steps(_cancelled: Callable[[], bool]) -> Iterator[Path | None]:
            database.engine.dispose()  # no connection of ours holds the old file's pages
            yield restore_database(database.url, source)

        return self._run(translate("Backups", "Restoring"), steps, self._restored)

    def _restored(self, safety: object) -> None:
        for stack in self.context.undo_group.stacks():
            stack.clear()  # its steps belong to the data that was replaced
        self.context.notify("*")
        window = self.context.main_window
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(translate(
                "Backups", "Restored the backup; the database as it was is kept as {file}.")
                .format(file=safety.name if isinstance(safety, Path) else "—"), 15000)

    def _run(self, title: str, steps: Callable[[Callable[[], bool]], Iterator[object]],
             then: Callable[[object], None]) -> Job | None:
        def done(result: object) -> None:
            then(result)
            self.refresh()

        def failed(exc: BaseException) -> None:
            self._enable()
            if not isinstance(exc, LiaisonError):
                raise exc
            show_problem(self, exc, title)
            self.refresh()

        self.job = self.context.start(Job(self, title, steps, lambda _r: (0, 0, title),
                                          on_success=done, on_failure=failed))
        self._enable()
        return self.job
