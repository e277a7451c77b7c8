"""File ▸ Export calendar…: the visits, their programme items and the follow-ups due from one
day (30 days ago unless the user says otherwise) to another or with no end, as an iCalendar
(.ics) file for the user's own calendar (db/exchange/calendar.py). The file is written off
the UI thread; its place is remembered, so exporting again next week updates the same file
(and the calendar that imports it: each event keeps its UID)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.changes.dates import parse_date
from db.changes.fields import FieldInvalid
from db.store.errors import LiaisonError
from desktop import settings
from desktop.context import AppContext
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.icons import icon
from desktop.jobs.worker import Job
from desktop.messages import messages
from desktop.widgets.form import DateField

if TYPE_CHECKING:  # icalendar loads on the first calendar export, not at start-up
    from db.exchange.calendar import CalendarSummary

SETTING = "export/calendar"  # the last calendar file written
PAST = timedelta(days=30)  # db.exchange.calendar.DEFAULT_PAST, without loading icalendar
FILE_NAME = "liaison.ics"


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else Path.home()
    return folder if folder.is_dir() else Path.home()


def last_calendar_path() -> Path:
    """The file the last calendar went to (while its folder is there), else liaison.ics in
    the user's documents folder."""
    value = settings.settings().value(SETTING, "")
    if isinstance(value, str) and value and Path(value).parent.is_dir():
        return Path(value)
    return documents_folder() / FILE_NAME


def ask_calendar_path(parent: QWidget | None, suggested: str) -> str:
    """The save dialog; tests replace this. "" when the user cancels."""
    path, _filter = QFileDialog.getSaveFileName(
        parent, translate("CalendarExport", "Save the calendar as"), suggested,
        translate("CalendarExport", "iCalendar file (*.ics)"))
    return with_suffix(path) if path else ""


def with_suffix(path: str) -> str:
    path = path.strip()
    return path if not path or path.lower().endswith(".ics") else path + ".ics"


@dataclass(frozen=True)
class Written:
    """The job's last step: the file is complete (a Cancel now comes too late to matter)."""

    result: CalendarSummary


def written_text(summary: CalendarSummary) -> str:
    """What `liaison calendar` says when done (the same message, translated once)."""
    if summary.events == 1:
        text = translate("Calendar", "Wrote 1 event to {file} (programme items: {items}, "
                                     "visits: {visits}, multilateral events: {meetings}, "
                                     "sessions: {sessions}, follow-ups due: {followups}).")
    else:
        text = translate("Calendar", "Wrote {events:,} events to {file} (programme items: "
                                     "{items:,}, visits: {visits:,}, multilateral events: "
                                     "{meetings:,}, sessions: {sessions:,}, follow-ups due: "
                                     "{followups:,}).")
    return text.format(events=summary.events, file=summary.path, items=summary.items,
                       visits=summary.visits, meetings=summary.meetings,
                       sessions=summary.sessions, followups=summary.followups)


class CalendarExportDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.job: Job | None = None
        self.summary: CalendarSummary | None = None
        self.setWindowTitle(translate("CalendarExport", "Export calendar"))
        layout = QVBoxLayout(self)
        intro = QLabel(translate(
            "CalendarExport", "The visits, each programme item at its time and place, the "
                              "multilateral events and their sessions, and the follow-ups due, "
                              "as a file your calendar (Outlook, Google, Apple, "
                              "Thunderbird) imports. Export again to the same file to update "
                              "the events already imported."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.start = DateField()
        self.start.setObjectName("calendar_from")
        self.start.edit.setText((date.today() - PAST).isoformat())
        self.end = DateField()
        self.end.setObjectName("calendar_to")
        self.no_end = QCheckBox(translate("CalendarExport", "&No end"))
        self.no_end.setChecked(True)
        self.no_end.toggled.connect(self._end_toggled)
        ends = QHBoxLayout()
        ends.addWidget(self.end)
        ends.addWidget(self.no_end)
        ends.addStretch(1)
        self.path_edit = QLineEdit(str(last_calendar_path()))
        self.path_edit.setObjectName("calendar_file")
        self.path_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("x" * 48))
        choose = QPushButton(icon("folder-open"), translate("CalendarExport", "&Choose…"))
        choose.clicked.connect(self.choose)
        files = QHBoxLayout()
        files.addWidget(self.path_edit, 1)
        files.addWidget(choose)
        for text, buddy, field in ((translate("CalendarExport", "&From:"), self.start.edit,
                                    self.start),
                                   (translate("CalendarExport", "&To:"), self.end.edit, ends),
                                   (translate("CalendarExport", "Fi&le:"), self.path_edit,
                                    files)):
            label = QLabel(text)
            label.setBuddy(buddy)
            form.addRow(label, field)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.hide()
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(
            translate("CalendarExport", "&Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setIcon(icon("download"))
        self.export_button.setDefault(True)
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._end_toggled(True)

    def _end_toggled(self, no_end: bool) -> None:
        self.end.setEnabled(not no_end)
        if not no_end and not self.end.value():
            start = self._day(self.start, QT_TRANSLATE_NOOP("Validation", "The start date"),
                              quiet=True)
            self.end.edit.setText(((start or date.today()) + timedelta(days=90)).isoformat())

    def choose(self) -> None:
        path = ask_calendar_path(self, self.path_edit.text().strip()
                                 or str(last_calendar_path()))
        if path:
            self.path_edit.setText(path)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def _day(self, field: DateField, label: str, *, quiet: bool = False) -> date | None:
        try:
            return parse_date(field.value(), label=label)
        except FieldInvalid as exc:
            if quiet:
                return None
            raise LiaisonError(exc.message) from exc

    def chosen(self) -> tuple[date, date | None, Path]:
        """The range and the file, checked; a LiaisonError says what is wrong."""
        from db.exchange.calendar import check_destination

        start = self._day(self.start, QT_TRANSLATE_NOOP("Validation", "The start date"))
        if start is None:
            raise LiaisonError(translate("CalendarExport",
                                         "Give the first day the calendar covers."))
        end = None
        if not self.no_end.isChecked():
            end = self._day(self.end, QT_TRANSLATE_NOOP("Validation", "The end date"))
            if end is None:
                raise LiaisonError(translate(
                    "CalendarExport", "Give the last day, or tick “No end”."))
            if end < start:
                raise LiaisonError(translate(
                    "CalendarExport", "The last day ({end}) is before the first ({start}); "
                                      "give the first day first.").format(
                    start=start.isoformat(), end=end.isoformat()))
        text = with_suffix(self.path_edit.text())
        if not text:
            raise LiaisonError(translate("CalendarExport",
                                         "Choose the file to write the calendar to."))
        target = Path(text).expanduser().resolve()
        check_destination(target)  # a folder that is not there or not writable: said now
        return start, end, target

    def export(self) -> Job | None:
        """Check what was asked, then write the file on the database worker."""
        if self.job is not None and self.job.running:
            return self.job
        try:
            start, end, target = self.chosen()
        except LiaisonError as exc:
            self.show_problem(exc.message)
            return None
        self.problem.hide()
        self.path_edit.setText(str(target))
        database = self.context.database

        def steps(_cancelled: Callable[[], bool]) -> Iterator[Any]:
            from db.exchange.calendar import write_calendar

            yield translate("CalendarExport", "Writing the calendar…")
            yield Written(write_calendar(database, target, start=start, end=end))

        def describe(step: Any) -> tuple[int, int, str]:
            return ((1, 1, translate("CalendarExport", "Done.")) if isinstance(step, Written)
                    else (0, 0, str(step)))

        self.export_button.setEnabled(False)
        self.job = Job(self, translate("CalendarExport", "Exporting the calendar"), steps,
                       describe, on_success=self._written, on_failure=self._failed)
        return self.context.start(self.job)

    def _written(self, step: Written) -> None:
        self.export_button.setEnabled(True)
        self.summary = step.result
        settings.settings().setValue(SETTING, str(step.result.path))
        messages.info(self.parentWidget() or self, translate("CalendarExport",
                                                             "Calendar exported"),
                      written_text(step.result))
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        if isinstance(exc, InterruptedError):  # cancelled before the file was written
            return
        if isinstance(exc, LiaisonError):
            self.show_problem(exc.message)
        elif isinstance(exc, OSError):  # a full disk, a file another program holds
            self.show_problem(translate(
                "CalendarExport", "Liaison could not write {path} ({problem}); no file was "
                                  "written.").format(path=self.path_edit.text(),
                                                     problem=exc.strerror or exc))
        else:
            raise exc


def open_calendar_export(context: AppContext, parent: QWidget | None) -> CalendarExportDialog:
    """Show the dialog (window-modal); it closes itself once the file is written."""
    dialog = CalendarExportDialog(context, parent)
    dialog.open()
    return dialog
