"""What the organization and person pages share: a top-level window with a header, a Profile
form and more tabs; saving (in record_saving: only the changed fields against the version that
was loaded, a colleague's save meanwhile settled field by field, the look-alike check before
creating); delete with undo; asking before unsaved edits are lost; and refreshing tabs from
change notices.

A subclass says which fields it has and which service functions read and write them."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QSizePolicy,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from db.services import pages
from db.services.similarity import SimilarRecord
from db.store.errors import NotFound
from desktop.context import AppContext
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.icons import icon
from desktop.messages import messages
from desktop.naming import country_names
from desktop.shortcuts import distinct
from desktop.views import record_saving
from desktop.widgets.banner import Banner
from desktop.widgets.form import FieldSpec, RecordForm
from desktop.widgets.profile_tab import ProfileTab
from desktop.widgets.record_header import RecordHeader

Refresh = Callable[[], None]

# The sentences that name the page's kind of record, whole for each kind (see text()).
TEXTS: Mapping[str, Mapping[str, str]] = {
    "organization": {
        "delete": QT_TRANSLATE_NOOP("RecordPage", "Delete organization…"),
        "delete tip": QT_TRANSLATE_NOOP("RecordPage",
                                        "Delete this organization (Del); Ctrl+Z undoes it"),
        "delete title": QT_TRANSLATE_NOOP("RecordPage", "Delete organization"),
        "new": QT_TRANSLATE_NOOP("RecordPage", "New organization"),
        "the new": QT_TRANSLATE_NOOP("RecordPage", "The new organization"),
        "deleted": QT_TRANSLATE_NOOP("RecordPage", "This organization has been deleted. Undo "
                                                   "(Ctrl+Z) brings it back."),
        "conflict": QT_TRANSLATE_NOOP("RecordPage", "{who} changed this organization while you "
                                                    "were editing it. Your edits are still in "
                                                    "the form and were not saved."),
        "changed elsewhere": QT_TRANSLATE_NOOP("RecordPage", "This organization was changed "
                                                             "elsewhere while you were editing "
                                                             "it."),
    },
    "person": {
        "delete": QT_TRANSLATE_NOOP("RecordPage", "Delete person…"),
        "delete tip": QT_TRANSLATE_NOOP("RecordPage",
                                        "Delete this person (Del); Ctrl+Z undoes it"),
        "delete title": QT_TRANSLATE_NOOP("RecordPage", "Delete person"),
        "new": QT_TRANSLATE_NOOP("RecordPage", "New person"),
        "the new": QT_TRANSLATE_NOOP("RecordPage", "The new person"),
        "deleted": QT_TRANSLATE_NOOP("RecordPage", "This person has been deleted. Undo (Ctrl+Z) "
                                                   "brings it back."),
        "conflict": QT_TRANSLATE_NOOP("RecordPage", "{who} changed this person while you were "
                                                    "editing it. Your edits are still in the "
                                                    "form and were not saved."),
        "changed elsewhere": QT_TRANSLATE_NOOP("RecordPage", "This person was changed elsewhere "
                                                             "while you were editing it."),
    },
}


class RecordPage(QMainWindow):
    entity = "record"  # the change-notice name: "organization" or "person"
    noun = "record"  # the kind the conflict dialog names; TEXTS holds the page's sentences
    header_icon = "building-2"
    header_entities: frozenset[str] = frozenset({"interaction"})  # they change the header

    # -- what a subclass supplies -------------------------------------------------------
    def field_specs(self) -> list[FieldSpec]:
        raise NotImplementedError

    def fetch(self, record_id: str) -> Any:
        raise NotImplementedError

    def form_values(self, record: Any) -> dict[str, Any]:
        raise NotImplementedError

    def create_record(self, data: dict[str, Any]) -> Any:
        raise NotImplementedError

    def update_record(self, changes: dict[str, Any], version: int) -> Any:
        raise NotImplementedError

    def delete_record(self, record_id: str) -> None:
        raise NotImplementedError

    def restore_record(self, record_id: str) -> None:
        raise NotImplementedError

    def find_similar(self, data: dict[str, Any]) -> list[SimilarRecord]:
        raise NotImplementedError

    def open_existing(self, record_id: str) -> None:
        raise NotImplementedError

    def display_name(self, record: Any) -> str:
        raise NotImplementedError

    def header_lines(self, record: Any) -> tuple[str, str]:
        """(names beneath the title, facts line in rich text)."""
        raise NotImplementedError

    def build_tabs(self) -> None:
        """Add the tabs after Profile with add_tab."""

    def defaults(self) -> dict[str, Any]:
        return {}

    def make_form(self) -> RecordForm:
        """The Profile form; a page whose fields need widgets of their own (a visit's host
        and guest organizations) makes a form that knows them."""
        return RecordForm(self.field_specs(), self.countries)

    def profile_extras(self) -> list[QWidget]:
        """Widgets shown under the profile form (a new person's first position)."""
        return []

    def text(self, key: str) -> str:
        """One of the page's sentences (TEXTS) that name its kind of record, translated."""
        return translate("RecordPage", TEXTS[self.entity][key])

    # -- building ------------------------------------------------------------------------
    def __init__(self, context: AppContext, record_id: str | None,
                 initial: Mapping[str, Any] | None = None) -> None:
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.context = context
        self.database = context.database
        self.record_id = record_id
        self.record: Any = None
        self.initial = dict(initial or {})
        self.is_deleted = False
        self.countries = pages.countries(self.database)
        self.country_names = country_names(self.countries, context.name_preference())
        self.tab_refresh: dict[int, tuple[Refresh, frozenset[str]]] = {}
        self.stale: set[int] = set()
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(0)
        self.refresh_timer.timeout.connect(self.refresh_stale)

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(14, 12, 14, 10)
        outer.setSpacing(8)
        self.header = RecordHeader(self.header_icon)
        self.title_label = self.header.title
        self.names_label = self.header.names
        self.facts_label = self.header.facts
        outer.addWidget(self.header)
        self.banner = Banner()
        outer.addWidget(self.banner)
        if self.database.read_only:
            from desktop.widgets.banner import read_only_record_banner as record_banner

            outer.addWidget(record_banner())
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(lambda _index: self.refresh_stale())
        outer.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.form = self.make_form()
        self.form.setObjectName("profile_form")
        self.form.changed.connect(self._form_changed)
        profile = ProfileTab(self.form, self.profile_extras())
        self.revert_button = profile.revert_button
        self.revert_button.clicked.connect(self.revert)
        self.save_button = profile.save_button
        self.save_button.clicked.connect(self.save)
        self.tabs.addTab(profile, icon("pencil"), translate("RecordPage", "&Profile"))
        self.build_tabs()
        self._build_actions()
        self.context.changed.connect(self._on_changed)
        self.resize(1040, 740)
        if record_id is None:
            self._start_new()
        else:
            self.load()
        self.form.widgets[self.form.specs[0].key].setFocus()

    def add_tab(self, widget: QWidget, title: str, icon_name: str, refresh: Refresh,
                entities: Sequence[str]) -> int:
        """A tab that is refreshed (when next shown) after a change to one of `entities`.
        A bare table gets the same room above it as the tabs that lay out their own."""
        if widget.layout() is None:
            holder = QWidget()
            layout = QVBoxLayout(holder)
            layout.setContentsMargins(0, 8, 0, 0)
            layout.addWidget(widget)
            widget = holder
        index = self.tabs.addTab(widget, icon(icon_name), title)
        self.tab_refresh[index] = (refresh, frozenset(entities))
        return index

    def _build_actions(self) -> None:
        toolbar = QToolBar(translate("RecordPage", "Record"))
        toolbar.setObjectName("record_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(toolbar)
        self.toolbar = toolbar
        self.save_action = QAction(icon("save"), translate("RecordPage", "Save"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.save)
        self.reload_action = QAction(icon("refresh-cw"), translate("RecordPage", "Reload"), self)
        self.reload_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.reload_action.setToolTip(translate("RecordPage", "Load the saved version again (F5)"))
        self.reload_action.triggered.connect(lambda: self.reload(keep_edits=False))
        self.delete_action = QAction(icon("trash-2"), self.text("delete"), self)
        self.delete_action.setToolTip(self.text("delete tip"))
        self.delete_action.triggered.connect(self.ask_delete)
        # This record's changes have their own undo: Ctrl+Z here never takes back something
        # done in another window.
        self.undo_stack = QUndoStack(self)
        self.context.register_stack(self.undo_stack)
        self.undo_action = self.undo_stack.createUndoAction(
            self, translate("RecordPage", "Undo"))
        self.undo_action.setIcon(icon("undo-2"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        close_action = QAction(translate("RecordPage", "Close"), self)
        # Ctrl+W everywhere, and the platform's own Close key where it has another (Ctrl+F4 on
        # Windows): one key bound twice to the same window is ambiguous, and Qt then does
        # nothing at all. Esc closes too, in keyPressEvent: a completer or list that uses Esc
        # to close itself then keeps it.
        close_action.setShortcuts(distinct(QKeySequence.StandardKey.Close, "Ctrl+W"))
        close_action.triggered.connect(self.close)
        self.addAction(close_action)
        toolbar.addAction(self.save_action)
        toolbar.addAction(self.reload_action)
        toolbar.addAction(self.undo_action)
        self.add_toolbar_actions(toolbar)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addAction(self.delete_action)

    def add_toolbar_actions(self, toolbar: QToolBar) -> None:
        """Room for a subclass's own actions (Record interaction…)."""

    # -- loading -------------------------------------------------------------------------
    def _start_new(self) -> None:
        self.setWindowTitle(self.text("new"))
        self.title_label.setText(self.text("new"))
        self.names_label.setText(translate("RecordPage", "Fill in the profile and save; the "
                                                         "other tabs open then."))
        self.facts_label.clear()
        values = {**self.defaults(), **{k: v for k, v in self.initial.items()
                                        if k in self.form.widgets}}
        self.form.set_values(self.defaults())
        baseline = self.form.loaded
        self.form.set_values(values)
        self.form.loaded = baseline  # prefilled values count as edits, so closing asks
        for index in range(1, self.tabs.count()):
            self.tabs.setTabEnabled(index, False)
        self.delete_action.setEnabled(False)
        self.reload_action.setEnabled(False)
        self._form_changed()

    def load(self) -> None:
        assert self.record_id is not None
        try:
            record = self.fetch(self.record_id)
        except NotFound:
            self._show_deleted()
            return
        self._loaded(record)

    def _loaded(self, record: Any) -> None:
        self.record = record
        self.record_id = record.id
        if self.is_deleted:
            self.is_deleted = False
            self.banner.hide()
        self.form.setEnabled(True)
        self.form.set_values(self.form_values(record))
        self._show_header(record)
        for index in range(1, self.tabs.count()):
            self.tabs.setTabEnabled(index, True)
        self.delete_action.setEnabled(not self.database.read_only)
        self.reload_action.setEnabled(True)
        self.stale.update(self.tab_refresh)
        self.refresh_stale()
        self._form_changed()

    def _show_header(self, record: Any) -> None:
        name = self.display_name(record)
        self.setWindowTitle(name + (" *" if self.form.is_dirty() else ""))
        self.header.show_lines(name, *self.header_lines(record))

    def reload(self, *, keep_edits: bool) -> None:
        """Load the saved version; with keep_edits the user's unsaved edits go on top of it,
        so after a conflict they can look again and save."""
        if self.record_id is None:
            return
        edits = self.form.changed_values() if keep_edits else {}
        if not keep_edits and self.form.is_dirty() and not messages.confirm(
                self, translate("RecordPage", "Reload"),
                translate("RecordPage", "Discard your unsaved edits and load the saved version?"),
                yes=translate("RecordPage", "Discard and reload")):
            return
        self.banner.hide()
        self.load()
        if edits and not self.is_deleted:
            baseline = self.form.loaded
            self.form.set_values({**baseline, **edits})
            self.form.loaded = baseline
            self._form_changed()

    def revert(self) -> None:
        if self.record is None:
            self._start_new()
        else:
            self.form.set_values(self.form_values(self.record))
        self.banner.hide()
        self._form_changed()

    def _show_deleted(self) -> None:
        self.is_deleted = True
        self.form.setEnabled(False)
        self.save_action.setEnabled(False)
        self.save_button.setEnabled(False)
        self.delete_action.setEnabled(False)
        self.banner.show_message(self.text("deleted"),
                                 [(translate("RecordPage", "Close"), self.close)])

    def _form_changed(self) -> None:
        dirty = self.form.is_dirty()
        editable = not self.is_deleted and not self.database.read_only
        self.save_action.setEnabled(editable and (dirty or self.record is None))
        self.save_button.setEnabled(editable and (dirty or self.record is None))
        self.revert_button.setEnabled(dirty)
        title = self.windowTitle().removesuffix(" *")
        self.setWindowTitle(title + (" *" if dirty else ""))

    # -- saving --------------------------------------------------------------------------
    def save(self) -> bool:
        """Save the form; True when everything is saved. Problems appear beside their
        fields; a conflict keeps the edits in the form and says what changed meanwhile."""
        return record_saving.save(self)

    # -- deleting ------------------------------------------------------------------------
    def ask_delete(self) -> bool:
        if self.record is None or self.is_deleted:
            return False
        name = self.display_name(self.record)
        if not messages.confirm(
                self, self.text("delete title"),
                translate("RecordPage", "Delete “{name}”? You can undo this with Ctrl+Z.")
                .format(name=name), yes=translate("RecordPage", "Delete")):
            return False
        record_id = self.record.id
        done = self.context.delete(self, self.entity, record_id, name,
                                   lambda: self.delete_record(record_id),
                                   lambda: self.restore_record(record_id),
                                   stack=self.context.undo_stack)  # this window closes
        if done:
            self.form.loaded = self.form.values()  # the edits went with the record
            self.close()
        return done

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.close()  # reached only when no field used the Esc (a completer's list)
            return
        # Delete reaches the page only when no field or table used it; in the form (a
        # dropdown, say) it never means "delete the whole record".
        if event.key() == Qt.Key.Key_Delete and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            focus = QApplication.focusWidget()
            if focus is None or not self.form.isAncestorOf(focus):
                self.ask_delete()
            return
        super().keyPressEvent(event)

    # -- closing -------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.is_deleted and self.form.is_dirty():
            what = (f"“{self.display_name(self.record)}”" if self.record
                    else self.text("the new"))
            answer = messages.save_discard_cancel(self, what)
            if answer == "cancel" or (answer == "save" and not self.save()):
                event.ignore()
                return
        event.accept()

    # -- change notices ------------------------------------------------------------------
    def _on_changed(self, entity: str, record_id: str) -> None:
        if self.record_id is None:
            return
        if entity == "*" or (entity == self.entity and record_id == self.record_id) \
                or entity in self.header_entities:
            self._reload_record()
        for index, (_, entities) in self.tab_refresh.items():
            if entity == "*" or entity in entities:
                self.stale.add(index)
        self.refresh_timer.start()

    def _reload_record(self) -> None:
        """The record changed (here, elsewhere in the app, or by undo): show it. A form holding
        the user's edits is left alone — with the version it was loaded at, so saving cannot
        silently overwrite the other change — and a banner offers to reload."""
        assert self.record_id is not None
        try:
            record = self.fetch(self.record_id)
        except NotFound:
            if not self.is_deleted:
                self._show_deleted()
            return
        if self.record is not None and record.version == self.record.version \
                and not self.is_deleted:
            self.record = record  # same fields; contact figures may have moved
            self._show_header(record)
            return
        if self.form.is_dirty() and self.record is not None and not self.is_deleted:
            self.banner.show_message(
                self.text("changed elsewhere"),
                [(translate("RecordPage", "Reload, keep my edits"),
                  lambda: self.reload(keep_edits=True)),
                 (translate("RecordPage", "Reload, discard my edits"),
                  lambda: self.reload(keep_edits=False))])
            return
        self._loaded(record)

    def refresh_stale(self) -> None:
        index = self.tabs.currentIndex()
        if index in self.stale and self.record is not None:
            self.stale.discard(index)
            self.tab_refresh[index][0]()
