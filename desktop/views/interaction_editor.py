"""The interaction editor: what happened, when and where, who took part in which role, the
topics, the summary and outcomes, and the commitments made — saved together with Ctrl+S.

Participants are only ever picked from existing records (every name and abbreviation is
searched as the user types), so nobody unknown can be entered. New follow-ups are checked
before the interaction is written, then created with it."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from db.services.followups import list_followups
from db.services.interactions import (
    InteractionRecord,
    create_interaction,
    delete_interaction,
    get_interaction,
    restore_interaction,
    update_interaction,
)
from db.services.pages import countries
from db.services.timeline import record_names
from db.services.topics import topics
from db.store.errors import ConflictError, LiaisonError, NotFound, Problem, ValidationFailed
from desktop.context import AppContext
from desktop.errors import show_problem
from desktop.i18n import translate
from desktop.icons import icon, kind_icon
from desktop.messages import messages
from desktop.naming import display_name
from desktop.qtmodels.followup_drafts import FollowUpDraft
from desktop.qtmodels.participants import ParticipantRow
from desktop.shortcuts import distinct
from desktop.views import interaction_conflict
from desktop.views.followup_actions import write_followups
from desktop.views.interaction_fields import (
    DEFAULT_KIND,
    DETAIL_FIELDS,
    TEXT_FIELDS,
    TITLE_TEMPLATES,
)
from desktop.views.visit_convert import can_become_a_visit, turn_into_visit
from desktop.widgets.followups_editor import FollowUpsEditor
from desktop.widgets.form import DateField, RecordForm
from desktop.widgets.participants_editor import ParticipantsEditor, show_error
from desktop.widgets.topics_box import TopicsBox

W = TypeVar("W", bound=QWidget)


class FormGrid(QGridLayout):
    """A grid that gives the scroll area its minimum height, not its preferred one: with an
    error label shown (a word-wrapped label), Qt would otherwise size the whole form to its
    preferred height and push the follow-ups below the window."""

    def hasHeightForWidth(self) -> bool:
        return False


def widget_of(form: RecordForm, key: str, kind: type[W]) -> W:
    widget = form.widgets[key]
    assert isinstance(widget, kind)
    return widget


class InteractionEditor(QMainWindow):
    def __init__(self, context: AppContext, interaction_id: str | None, *,
                 organization_ids: Sequence[str] = (), person_ids: Sequence[str] = ()) -> None:
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowIcon(icon("calendar-days"))
        self.context = context
        self.db = context.database
        self.preference = context.name_preference()
        self.interaction_id = interaction_id
        self.version: int | None = None
        self.loaded_topics: set[str] = set()
        self.saving = False
        self.discarding = False  # deleted: closing asks nothing
        self._build()
        if interaction_id is None:
            self._start_new(organization_ids, person_ids)
        else:
            self.load()
        context.changed.connect(self._on_changed)
        self.resize(1120, 760)

    # -- building --------------------------------------------------------------------------
    def _build(self) -> None:
        self.country_list = countries(self.db)
        self.details = RecordForm(DETAIL_FIELDS, self.country_list)
        self.texts = RecordForm(TEXT_FIELDS)
        self.kind_box = widget_of(self.details, "kind", QComboBox)
        self.kind_box.removeItem(0)  # a kind is required: no empty choice
        for number in range(self.kind_box.count()):
            self.kind_box.setItemIcon(number, kind_icon(str(self.kind_box.itemData(number))))
        self.title_edit = widget_of(self.details, "title", QLineEdit)
        self.use_suggestion = QAction(icon("check"),
                                      translate("InteractionEditor", "Use the suggested title"),
                                      self.title_edit)
        self.use_suggestion.triggered.connect(self.accept_suggestion)
        self.title_edit.addAction(self.use_suggestion, QLineEdit.ActionPosition.TrailingPosition)
        self.start_field = widget_of(self.details, "start", DateField)
        self.end_field = widget_of(self.details, "end", DateField)
        for form in (self.details, self.texts):
            form.changed.connect(self._update_state)
        self.kind_box.currentIndexChanged.connect(lambda _i: self._update_suggestion())
        self.title_edit.textChanged.connect(lambda _t: self._update_suggestion())

        self.participants = ParticipantsEditor(self.db, self.preference)
        self.participants.changed.connect(self._participants_changed)
        self.participants.create_requested.connect(self.create_participant)
        self.followups = FollowUpsEditor(self.db)
        self.followups.changed.connect(self._update_state)

        topics_box = self.topics = TopicsBox(topics(self.db))
        self.topic_model, self.topic_list = topics_box.model, topics_box.list
        self.topics_error = topics_box.error
        topics_box.changed.connect(self._update_state)

        body = QWidget()
        grid = FormGrid(body)
        left = QVBoxLayout()
        left.addWidget(self.details)
        left.addWidget(self.participants, 1)
        right = QVBoxLayout()
        right.addWidget(topics_box, 2)
        right.addWidget(self.texts, 3)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.addWidget(self.followups, 1, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)

        self.save_button = QPushButton(icon("save"), translate("InteractionEditor", "Save"))
        self.save_button.setObjectName("save")
        self.save_button.setToolTip(translate(
            "InteractionEditor", "Save the interaction and its new follow-ups (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(translate("InteractionEditor", "Close"))
        self.close_button.setToolTip(translate("InteractionEditor", "Close (Esc)"))
        self.close_button.clicked.connect(self.close)
        self.delete_button = QPushButton(icon("trash-2"), translate("InteractionEditor", "Delete…"))
        self.delete_button.setObjectName("delete")
        self.delete_button.setToolTip(translate(
            "InteractionEditor", "Delete this interaction (can be undone with Ctrl+Z)"))
        self.delete_button.clicked.connect(self.delete)
        self.visit_button = QPushButton(icon("plane-takeoff"),
                                        translate("InteractionEditor", "Turn into a visit"))
        self.visit_button.setObjectName("turn_into_visit")
        self.visit_button.setToolTip(translate(
            "InteractionEditor", "Make this visit a visit record with its delegations and a "
                                 "programme, this interaction its first talks (Ctrl+Z in the "
                                 "main window takes it back)"))
        self.visit_button.clicked.connect(lambda _checked=False: self.turn_into_visit())
        self.visit_button.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.visit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)
        central = QWidget()
        outer = QVBoxLayout(central)
        if self.db.read_only:
            from desktop.widgets.banner import read_only_record_banner as record_banner

            outer.addWidget(record_banner())
            self.save_button.setEnabled(False)
            self.delete_button.setEnabled(False)
        outer.addWidget(scroll, 1)
        outer.addLayout(buttons)
        self.setCentralWidget(central)

        # Esc closes in keyPressEvent, so a completer's list that uses it keeps it.
        for keys, slot in (((QKeySequence.StandardKey.Save,), self.save),
                           ((QKeySequence.StandardKey.Close, "Ctrl+W"), self.close)):
            action = QAction(self)
            action.setShortcuts(distinct(*keys))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _c=False, s=slot: s())
            self.addAction(action)
        self._tab_order()

    def _tab_order(self) -> None:
        chain: list[QWidget] = [self.details.widgets[s.key] for s in DETAIL_FIELDS]
        chain += [self.participants.picker, self.participants.table,
                  self.participants.remove_button, self.topic_list]
        chain += [self.texts.widgets[s.key] for s in TEXT_FIELDS]
        chain += [*self.followups.focus_chain(), self.save_button, self.close_button,
                  self.delete_button, self.visit_button]
        chain = [w.edit if isinstance(w, DateField) else w for w in chain]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- loading ---------------------------------------------------------------------------
    def _start_new(self, organization_ids: Sequence[str], person_ids: Sequence[str]) -> None:
        self.details.set_values({"kind": DEFAULT_KIND, "start": date.today()})
        self.texts.set_values({})
        names = record_names(self.db, organization_ids, person_ids)
        self.participants.set_rows([
            ParticipantRow(n.kind, n.id, n.name, n.name_en, n.name_zh, n.abbreviation)
            for n in (names.get(i) for i in [*organization_ids, *person_ids]) if n is not None])
        self.loaded_topics = set()
        self.delete_button.setEnabled(False)
        self._update_state()
        self.title_edit.setFocus()

    def load(self) -> None:
        """Show the interaction as saved now (its follow-ups too)."""
        assert self.interaction_id is not None
        self._show_record(get_interaction(self.db, self.interaction_id))
        self._load_followups([])
        self._update_state()

    def _show_record(self, record: InteractionRecord) -> None:
        self.interaction_id = record.id
        self.version = record.version
        self.details.set_values(interaction_conflict.detail_values(record))
        self.texts.set_values(interaction_conflict.text_values(record))
        names = record_names(self.db, [p.organization_id for p in record.participants],
                             [p.person_id for p in record.participants])
        rows = []
        for part in record.participants:
            record_id = part.organization_id or part.person_id or ""
            found = names.get(record_id)
            rows.append(ParticipantRow(
                "organization" if part.organization_id else "person", record_id,
                found.name if found else part.name, found.name_en if found else None,
                found.name_zh if found else None, found.abbreviation if found else None,
                role=part.role))
        self.participants.set_rows(rows)
        self.topics.show_names(record.topics)
        self.loaded_topics = self.checked_topics()
        self.delete_button.setEnabled(not self.db.read_only)
        self.visit_button.setVisible(can_become_a_visit(record.kind) and not self.db.read_only)
        self.clear_problems()

    def _load_followups(self, new_rows: Sequence[FollowUpDraft]) -> None:
        assert self.interaction_id is not None
        saved = list_followups(self.db, open_only=False, interaction_id=self.interaction_id,
                               limit=1000).items
        found = record_names(self.db, [f.organization_id for f in saved])
        names = {key: display_name(value, self.preference) for key, value in found.items()}
        self.followups.set_saved(saved, names, new_rows)

    # -- state -----------------------------------------------------------------------------
    def checked_topics(self) -> set[str]:
        return self.topics.checked()

    def is_dirty(self) -> bool:
        return (self.details.is_dirty() or self.texts.is_dirty() or self.participants.is_dirty()
                or self.checked_topics() != self.loaded_topics or self.followups.is_dirty())

    def _update_state(self) -> None:
        title = self.details.value("title") or (
            translate("InteractionEditor", "New interaction") if self.interaction_id is None
            else translate("InteractionEditor", "Interaction"))
        self.setWindowTitle(translate("InteractionEditor", "{title}[*] — Liaison").format(
            title=title))
        self.setWindowModified(self.is_dirty())

    def create_participant(self, kind: str, name: str) -> None:
        """A participant the search did not find, made on the spot; the editor keeps all that
        was typed in it meanwhile."""
        from desktop.dialogs.quick_create import create_participant

        row = create_participant(self.context, "person" if kind == "person" else "organization",
                                 name, self)
        if row is not None:
            self.participants.add_created(row)

    def _participants_changed(self) -> None:
        model = self.participants.model
        self.followups.set_organizations([(row.id, model.display(row))
                                          for row in model.organizations()])
        self._update_suggestion()
        self._update_state()

    def suggested_title(self) -> str:
        model = self.participants.model
        organizations = model.organizations()
        kind = self.kind_box.currentData()
        if not organizations or kind not in TITLE_TEMPLATES:
            return ""
        return translate("InteractionEditor", TITLE_TEMPLATES[kind]).format(
            organization=model.display(organizations[0]))

    def _update_suggestion(self) -> None:
        suggestion = self.suggested_title()
        self.title_edit.setPlaceholderText(suggestion)
        self.use_suggestion.setVisible(bool(suggestion) and not self.title_edit.text().strip())
        self.use_suggestion.setToolTip(translate("InteractionEditor",
                                                 "Use “{title}” as the title").format(
            title=suggestion))

    def accept_suggestion(self) -> None:
        if not self.title_edit.text().strip() and self.suggested_title():
            self.title_edit.setText(self.suggested_title())

    def _on_changed(self, entity: str, record_id: str) -> None:
        """Someone else saved this interaction: show it, unless the user is editing (then
        saving reports the conflict)."""
        if (self.saving or self.discarding or entity not in ("interaction", "*")
                or self.interaction_id is None or record_id not in (self.interaction_id, "")
                or self.is_dirty()):
            return
        try:
            self.load()
        except NotFound:
            self.statusBar().showMessage(translate("InteractionEditor",
                                                   "This interaction has been deleted."))
            self.save_button.setEnabled(False)
            self.delete_button.setEnabled(False)

    # -- saving ----------------------------------------------------------------------------
    def clear_problems(self) -> None:
        self.details.clear_problems()
        self.texts.clear_problems()
        self.participants.show_problems([])
        show_error(self.topics_error, [])

    def show_problems(self, problems: Sequence[Problem]) -> None:
        """Each problem beside its field; participants' and topics' beside those lists."""
        text_keys = {spec.key for spec in TEXT_FIELDS}
        own = ("participants", "topics")
        self.texts.show_problems([p for p in problems if p.field in text_keys])
        self.details.show_problems([p for p in problems
                                    if p.field not in text_keys and p.field not in own])
        self.participants.show_problems([p for p in problems if p.field == "participants"])
        show_error(self.topics_error, [p for p in problems if p.field == "topics"])
        if problems and all(p.field in own for p in problems):
            first = problems[0].field
            (self.participants.picker if first == "participants" else self.topic_list).setFocus()

    def save(self) -> bool:
        """Write the interaction, then its new follow-ups. True when everything was saved;
        when anything is wrong nothing is written and the problems show beside the fields."""
        if self.followups.problems():
            return False
        self.saving = True  # our own change notices need no reload
        try:
            record = self._write_interaction()
            if record is None:
                return False
            created = self.interaction_id is None
            self._show_record(record)
            if created:
                self._register()
            written, unsaved = write_followups(self, self.db, self.followups.model, record.id,
                                                self.context.actor())
            self._load_followups(unsaved or [])
            self._update_state()
            self.statusBar().showMessage(translate("InteractionEditor", "Saved at {time}.").format(
                time=f"{record.updated_at.astimezone():%H:%M}"), 8000)
            self.context.notify("interaction", record.id)
            if written:
                self.context.notify("followup", record.id)
            return unsaved is None
        finally:
            self.saving = False

    def _write_interaction(self) -> InteractionRecord | None:
        values = {**self.details.values(), **self.texts.values()}
        model = self.participants.model
        try:
            if self.interaction_id is None:
                data = {k: v for k, v in values.items() if v not in (None, "", [])}
                data["participants"] = model.wanted()
                data["topics"] = sorted(self.checked_topics())
                return create_interaction(self.db, data, self.context.actor())
            changes = {**self.details.changed_values(), **self.texts.changed_values()}
            if self.participants.is_dirty():
                changes["participants"] = model.wanted()
            if self.checked_topics() != self.loaded_topics:
                changes["topics"] = sorted(self.checked_topics())
            if not changes:
                return get_interaction(self.db, self.interaction_id)
            return update_interaction(self.db, self.interaction_id, changes,
                                      expected_version=self.version, actor=self.context.actor())
        except ValidationFailed as exc:
            self.show_problems(exc.problems)
        except ConflictError as exc:
            self.clear_problems()
            return self._settle_conflict(exc)
        except LiaisonError as exc:  # a locked or vanished database: the edits stay
            self.clear_problems()
            show_problem(self, exc)
        return None

    def _settle_conflict(self, exc: ConflictError) -> InteractionRecord | None:
        """Saved by someone else since it was loaded: the user chooses per field (and for the
        participants and topics) between theirs and the saved value, and the choices are
        saved on top of the new version. Cancelled, the edits stay in the editor."""
        assert self.interaction_id is not None
        try:
            current = get_interaction(self.db, self.interaction_id)
        except NotFound:
            show_problem(self, exc)  # deleted meanwhile
            return None
        mine_rows = list(self.participants.model.rows)
        keep = interaction_conflict.ask(self, exc, current, (*DETAIL_FIELDS, *TEXT_FIELDS))
        if keep is None:
            self.statusBar().showMessage(translate(
                "InteractionEditor", "Not saved: this interaction was changed meanwhile. Your "
                                     "edits are still here; Save again to compare them with the "
                                     "saved version."))
            return None
        self._show_record(current)
        interaction_conflict.apply(self, keep, mine_rows)
        return self._write_interaction()  # on top of the version just loaded

    def _register(self) -> None:
        """A new interaction, once saved, is the window for that record."""
        windows = self.context.windows
        for key, window in list(windows.items()):
            if window is self:
                del windows[key]
        key = ("interaction", str(self.interaction_id))
        windows[key] = self
        self.destroyed.connect(lambda *_: windows.pop(key, None))

    def turn_into_visit(self) -> QWidget | None:
        """The saved visit (unsaved edits are saved first) becomes a visit record, whose page
        opens in place of this window."""
        if self.interaction_id is None:
            return None
        if self.is_dirty() and not self.save():
            return None
        if not can_become_a_visit(self.kind_box.currentData()):
            return None
        page = turn_into_visit(self.context, self, self.interaction_id,
                               self.details.value("title") or "")
        if page is not None:
            self.discarding = True  # it is the visit's first talks now: nothing to ask
            self.close()
        return page

    # -- deleting and closing --------------------------------------------------------------
    def delete(self) -> None:
        if self.interaction_id is None:
            return
        record_id, title = self.interaction_id, self.details.value("title")
        question = (translate("InteractionEditor", "Delete “{title}”? It will no longer show on "
                                                   "its participants' timelines. You can undo "
                                                   "this with Ctrl+Z.").format(title=title)
                    if title else
                    translate("InteractionEditor", "Delete “this interaction”? It will no longer "
                                                   "show on its participants' timelines. You can "
                                                   "undo this with Ctrl+Z."))
        if not messages.confirm(self, translate("InteractionEditor", "Delete interaction"),
                                question, yes=translate("InteractionEditor", "Delete")):
            return
        db, actor = self.db, self.context.actor()
        self.discarding = True
        label = f"“{title}”" if title else translate("InteractionEditor", "“this interaction”")
        if self.context.delete(self, "interaction", record_id, label,
                               lambda: delete_interaction(db, record_id, actor=actor),
                               lambda: restore_interaction(db, record_id, actor=actor),
                               stack=self.context.undo_stack):  # this window closes
            self.close()
        else:
            self.discarding = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.close()  # reached only when no field used the Esc (a completer's list)
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.discarding and self.is_dirty():
            what = f"“{self.details.value('title')}”" if self.details.value("title") else \
                translate("InteractionEditor", "This interaction")
            answer = messages.save_discard_cancel(self, what)
            if answer == "cancel" or (answer == "save" and not self.save()):
                event.ignore()
                return
        event.accept()

    def field(self, key: str) -> Any:
        """The widget of a field (for tests and focus)."""
        return self.details.widgets[key] if key in self.details.widgets else self.texts.widgets[key]
