"""The main window: navigation between the lists, the search box, actions, status bar (its
menus and toolbar are built by desktop.windows.main_menus). Views are created when first shown, so
start-up pays only for the one the user sees."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from db import __version__
from db.search.names import NameHit
from db.services.stats import quick_counts
from desktop import exporting, settings
from desktop.context import AppContext
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.icons import icon
from desktop.jobs.worker import Job
from desktop.messages import messages
from desktop.widgets.list_state import ListScreen
from desktop.widgets.record_picker import RecordPicker
from desktop.windows import main_menus

if TYPE_CHECKING:
    from desktop.windows.idle_lock import IdleLock


@dataclass(frozen=True)
class ViewEntry:
    key: str
    title: str  # marked with QT_TRANSLATE_NOOP("MainWindow", ...), translated where shown
    icon_name: str
    shortcut: str
    factory: Callable[[AppContext], QWidget]


def _organizations(context: AppContext) -> QWidget:
    from desktop.views.organizations import OrganizationsView

    return OrganizationsView(context)


def _people(context: AppContext) -> QWidget:
    from desktop.views.people import PeopleView

    return PeopleView(context)


def _interactions(context: AppContext) -> QWidget:
    from desktop.views.interactions import InteractionsView

    return InteractionsView(context)


def _visits(context: AppContext) -> QWidget:
    from desktop.views.visits import VisitsView

    return VisitsView(context)


def _events(context: AppContext) -> QWidget:
    from desktop.views.events import EventsView

    return EventsView(context)


def _followups(context: AppContext) -> QWidget:
    from desktop.views.followups import FollowUpsView

    return FollowUpsView(context)


VIEWS = (
    ViewEntry("organizations", QT_TRANSLATE_NOOP("MainWindow", "Organizations"), "building-2",
              "Ctrl+1", _organizations),
    ViewEntry("people", QT_TRANSLATE_NOOP("MainWindow", "People"), "users", "Ctrl+2", _people),
    ViewEntry("interactions", QT_TRANSLATE_NOOP("MainWindow", "Interactions"), "calendar-days",
              "Ctrl+3", _interactions),
    ViewEntry("visits", QT_TRANSLATE_NOOP("MainWindow", "Visits"), "plane-takeoff", "Ctrl+5",
              _visits),
    ViewEntry("events", QT_TRANSLATE_NOOP("MainWindow", "Events"), "landmark", "Ctrl+6",
              _events),
    ViewEntry("followups", QT_TRANSLATE_NOOP("MainWindow", "Follow-ups"), "list-checks",
              "Ctrl+4", _followups),
)


class MainWindow(QMainWindow):
    # made by desktop.windows.database_menu.add_actions and desktop.dialogs.help.add_actions
    new_database_action: QAction
    open_database_action: QAction
    recent_menu: QMenu
    save_copy_action: QAction
    backups_action: QAction
    encrypt_action: QAction
    starter_action: QAction
    demo_action: QAction
    shortcuts_action: QAction
    guide_action: QAction
    report_action: QAction
    read_only_banner: QWidget | None = None  # desktop.windows.read_only, on a read-only database
    # made by desktop.windows.main_menus.add_actions
    new_action: QAction
    new_organization: QAction
    new_person: QAction
    new_interaction: QAction
    new_visit: QAction
    new_event: QAction
    import_action: QAction
    undo_import_action: QAction
    export_action: QAction
    export_protected_action: QAction
    export_list_action: QAction
    merge_travel_action: QAction
    export_travel_action: QAction
    settings_action: QAction
    idle_lock: IdleLock | None = None  # given by the app when it starts
    quit_action: QAction
    undo_action: QAction
    redo_action: QAction
    delete_action: QAction
    find_action: QAction
    refresh_action: QAction
    about_action: QAction

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        context.main_window = self
        self.setWindowTitle("Liaison")
        self.setWindowIcon(icon("globe"))
        self.views: dict[str, QWidget] = {}
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        for entry in VIEWS:
            title = translate("MainWindow", entry.title)
            item = QListWidgetItem(icon(entry.icon_name), title)
            item.setToolTip(translate("MainWindow", "{view} ({shortcut})").format(
                view=title, shortcut=entry.shortcut))
            self.navigation.addItem(item)
        self.navigation.setMinimumWidth(120)
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigation.setMaximumWidth(260)
        self.stack = QStackedWidget()
        for _ in VIEWS:
            self.stack.addWidget(QWidget())  # placeholders until first shown
        self.splitter = QSplitter()
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([135, 1100])
        self.setCentralWidget(self.splitter)
        self.search = RecordPicker(context.database)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(translate("MainWindow",
                                                 "Find an organization or person (Ctrl+F)"))
        self.search.setMinimumWidth(320)
        self.search.picked.connect(self.open_hit)
        main_menus.add_actions(self, VIEWS)
        self.database_label = QLabel(context.database.describe())
        self.database_label.setObjectName("database")
        self.database_label.setToolTip(translate("MainWindow", "The open database"))
        self.statusBar().addWidget(self.database_label)
        self.problem_label = QLabel()  # shown while it is true, gone when it no longer is
        self.problem_label.setObjectName("problem")
        self.problem_label.hide()
        self.statusBar().addWidget(self.problem_label, 1)
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        self.status_timer = QTimer(self)
        self.status_timer.setSingleShot(True)
        self.status_timer.setInterval(400)
        self.status_timer.timeout.connect(self.refresh_status)
        context.changed.connect(lambda *_: self.status_timer.start())
        context.watcher.changed_elsewhere.connect(self.show_changed_elsewhere)
        context.watcher.unreachable.connect(self.show_cannot_check)
        context.watcher.reachable.connect(self.problem_label.hide)
        self.navigation.currentRowChanged.connect(self.show_view)
        self.status_job: Job | None = None
        self.closed = False
        if context.database.read_only:
            from desktop.windows import read_only

            read_only.apply_to_main_window(self)
        self.restore_window_state()
        QTimer.singleShot(0, self.refresh_status)

    # -- actions (desktop.windows.main_menus makes them and fills the menus) -----------------------
    def make_action(self, text: str, slot: Callable[[], Any], *, icon_name: str | None = None,
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                tip: str | None = None) -> QAction:
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def load_data(self, choice: str) -> Job | None:
        """File ▸ Load the starter register / demo data, at any time after the first start."""
        from desktop.dialogs.initial_data import load_initial_data

        if choice == "demo" and quick_counts(self.context.database)["organizations"]:
            messages.warning(self, translate("MainWindow", "Load demo data"), translate(
                "MainWindow", "Demo data goes into an empty database only, so that made-up "
                              "records never mix with real ones. Make a new database with File "
                              "▸ New database… and load the demo data there."))
            return None
        return load_initial_data(self.context, self, choice)

    # -- views -----------------------------------------------------------------------------
    def view(self, key: str) -> QWidget:
        """The view for `key`, created on first use."""
        if key not in self.views:
            number = next(i for i, e in enumerate(VIEWS) if e.key == key)
            widget = VIEWS[number].factory(self.context)
            placeholder = self.stack.widget(number)
            self.stack.insertWidget(number, widget)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self.views[key] = widget
            state = settings.settings().value(f"views/{key}")
            restore = getattr(widget, "restore_state", None)
            if isinstance(state, dict) and callable(restore):
                restore(state)
        return self.views[key]

    def show_view(self, number: int) -> None:
        if 0 <= number < len(VIEWS):
            widget = self.view(VIEWS[number].key)
            self.stack.setCurrentWidget(widget)
            # Qt adds " — Liaison" (the application's name) itself where the platform shows it
            database = self.context.database.title()
            if self.context.database.read_only:
                database = translate("MainWindow", "{database} (read-only)").format(
                    database=database)
            self.setWindowTitle(translate("MainWindow", "{view} — {database}").format(
                view=translate("MainWindow", VIEWS[number].title), database=database))
        self.export_list_action.setEnabled(isinstance(self.current_view(), ListScreen))

    def current_view(self) -> QWidget | None:
        number = self.navigation.currentRow()
        return self.views.get(VIEWS[number].key) if 0 <= number < len(VIEWS) else None

    def _call_current(self, name: str) -> None:
        method = getattr(self.current_view(), name, None)
        if callable(method):
            method()

    def new_in_current_view(self) -> None:
        self._call_current("new_record")

    def delete_in_current_view(self) -> None:
        self._call_current("delete_selected")

    def refresh_current(self) -> None:
        self._call_current("reload")
        self.refresh_status()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def open_hit(self, hit: NameHit) -> None:
        if hit.kind == "organization":
            self.context.open_organization(hit.id)
        else:
            self.context.open_person(hit.id)

    # -- import and export -----------------------------------------------------------------
    def import_spreadsheet(self) -> QWidget:
        from desktop.dialogs.import_wizard.wizard import open_import_wizard

        return open_import_wizard(self.context, self)

    def merge_travel_copy(self) -> QWidget | None:
        from desktop.dialogs.merge import open_merge_dialog

        return open_merge_dialog(self.context, self)

    def export_travel_copy(self) -> Job | None:
        from desktop.dialogs.travel_copy import export_travel_copy_from_app

        return export_travel_copy_from_app(self.context, self)

    def undo_an_import(self) -> None:
        from desktop.dialogs.undo_import import UndoImportDialog

        dialog = UndoImportDialog(self.context, self)
        dialog.exec()
        dialog.deleteLater()

    def choose_export_path(self) -> str:
        """Asks where to save; tests replace this. Returns "" when the user cancels."""
        return exporting.ask_export_path(self, translate("MainWindow",
                                                         "Export the Liaison workbook"),
                                         f"Liaison-{date.today().isoformat()}.xlsx")

    def export_workbook(self, *, protect: bool = False) -> Job | None:
        """Write the whole database to a workbook on a worker thread, with progress and
        Cancel; a cancelled export leaves no file behind. `protect`: with a password the
        user chooses first (Office's own encryption)."""
        from db.exchange.export.writer import write_workbook

        path = self.choose_export_path()
        if not path:
            return None
        password: str | None = None
        if protect:
            from desktop.dialogs import encryption

            password = encryption.ask_workbook_password(self)
            if password is None:
                return None
        database = self.context.database
        return exporting.run_export(
            self.context, self, translate("MainWindow", "Exporting the Liaison workbook"), path,
            lambda cancelled: write_workbook(database, path, cancelled, password=password),
            # the stage is a sheet of the workbook, whose names stay English (DESIGN.md)
            lambda step: translate("MainWindow", "Writing {sheet}…").format(sheet=step.stage),
            lambda _step: translate("MainWindow", "The workbook was saved as {path}.").format(
                path=path))

    def export_current_list(self) -> Job | None:
        """Export the list on screen as the user sees it (the screen knows its filters)."""
        view = self.current_view()
        return view.export_list() if isinstance(view, ListScreen) else None

    # -- status, dialogs -------------------------------------------------------------------
    def refresh_status(self) -> None:
        """Count in the background: a million interactions take a noticeable moment."""
        if self.closed:
            return  # a timer that fires after closing starts no thread nobody waits for
        if self.status_job is not None and self.status_job.running:
            self.status_timer.start()
            return
        database = self.context.database

        def count(_cancelled: Callable[[], bool]) -> Iterator[dict[str, int]]:
            yield quick_counts(database)

        self.status_job = Job(self, translate("MainWindow", "Counting"), count, lambda _c: (1, 1, ""),
                              on_success=self.show_counts, show_dialog=False)
        self.context.start(self.status_job)

    def show_changed_elsewhere(self) -> None:
        self.statusBar().showMessage(
            translate("MainWindow", "Updated with changes saved elsewhere."), 6000)

    def show_cannot_check(self, problem: str) -> None:
        """Stays while it is true: hidden at the next check that reaches the database."""
        self.problem_label.setText(
            translate("MainWindow", "Cannot check the database for colleagues' changes: "
                                    "{problem}").format(problem=problem))
        self.problem_label.show()

    def show_counts(self, counts: dict[str, int]) -> None:
        self.status_label.setText(translate(
            "MainWindow", "{organizations:,} organizations · {people:,} people · "
                          "{interactions:,} interactions · {followups:,} follow-ups").format(
            organizations=counts["organizations"], people=counts["people"],
            interactions=counts["interactions"], followups=counts["followups"]))

    def show_settings(self) -> None:
        from desktop.dialogs.settings import SettingsDialog

        if SettingsDialog(self, database=self.context.database).exec():
            self.context.notify("*")
            if self.idle_lock is not None:
                self.idle_lock.restart()  # the idle time may have changed

    def show_about(self) -> None:
        from desktop.dialogs.first_start import attribution

        QMessageBox.about(
            self, translate("MainWindow", "About Liaison"),
            translate("MainWindow", "<h3>Liaison {version}</h3><p>A relationship manager for the "
                                    "international liaison office of a political party.</p>"
                                    "<p>Database: {database}</p><p>{attribution}</p><p>Icons: "
                                    "Lucide (ISC licence). Country names: pycountry "
                                    "(iso-codes).</p>").format(
                version=__version__, database=self.context.database.describe(),
                attribution=attribution()))

    # -- window state ----------------------------------------------------------------------
    def restore_window_state(self) -> None:
        store = settings.settings()
        geometry = store.value("window/geometry")
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.fit_to_screen()
        splitter = store.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        last = store.value("window/view", "organizations")
        keys = [entry.key for entry in VIEWS]
        self.navigation.setCurrentRow(keys.index(last) if last in keys else 0)

    def fit_to_screen(self) -> None:
        """The first window: most of the screen it opens on, centred (a laptop's 1366×768 as
        well as a large monitor), never larger than the screen."""
        screen = self.screen() or QApplication.primaryScreen()
        if screen is None:
            self.resize(1280, 800)
            return
        area = screen.availableGeometry()
        width = min(area.width(), max(1024, int(area.width() * 0.85)))
        height = min(area.height(), max(640, int(area.height() * 0.85)))
        self.resize(width, height)
        self.move(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2)

    def save_window_state(self) -> None:
        store = settings.settings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/splitter", self.splitter.saveState())
        number = self.navigation.currentRow()
        if 0 <= number < len(VIEWS):
            store.setValue("window/view", VIEWS[number].key)
        for key, widget in self.views.items():
            save = getattr(widget, "save_state", None)
            if callable(save):
                store.setValue(f"views/{key}", save())
        store.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        for window in self.context.open_windows():
            if not window.close():
                event.ignore()
                return
        self.save_window_state()
        self.closed = True
        self.status_timer.stop()
        if self.status_job is not None:
            self.status_job.stop()
        event.accept()
