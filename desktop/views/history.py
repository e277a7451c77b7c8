"""The History tab of a record page: every change from the ChangeLog, newest first — when (in
local time), who, which field, before and after in readable words, and where it came from
(the screen, the import of which file, the merge from which copy, a revert, the starter
register) — and “Revert this change”, which puts one field back through the app context (so
Edit ▸ Undo takes the revert back)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QVBoxLayout, QWidget

from db.models.vocabulary import SOURCES
from db.services.history import ChangeRecord, history
from db.services.revert import ENTITIES, TAG_OWNERS
from db.store.engine import Database
from desktop.i18n import QT_TRANSLATE_NOOP, mark, translate
from desktop.icons import icon
from desktop.messages import messages
from desktop.qtmodels.paged import Column
from desktop.qtmodels.records import RecordListModel
from desktop.readable import EMPTY, field_label, local_time, local_time_of_utc_text, readable
from desktop.widgets.record_table import RecordTable

if TYPE_CHECKING:
    from desktop.context import AppContext

LIFECYCLE = frozenset({"created", "deleted", "restored"})
LINKS = {"tags": frozenset(TAG_OWNERS), "topics": frozenset({"interaction"}),
         "participants": frozenset({"interaction"})}
# How db.services.revert describes the change a revert took back (in English, as stored).
REVERT_DETAIL = re.compile(r"revert of the change of (?P<at>.+ UTC) by (?P<who>.*)$")

# The sentences about a whole record — created, deleted, restored — whole for each kind of
# record the History tab shows; "" holds them for any other kind, with its word as {noun}.
LIFECYCLE_TEXTS: dict[str, dict[str, str]] = {
    "organization": {
        "ask created": QT_TRANSLATE_NOOP("HistoryTab",
                                         "Delete this organization, taking back its creation?"),
        "ask restored": QT_TRANSLATE_NOOP("HistoryTab", "Delete this organization again?"),
        "ask deleted": QT_TRANSLATE_NOOP("HistoryTab", "Restore this organization?"),
        "later created": QT_TRANSLATE_NOOP("HistoryTab", "This organization was created again "
                                                         "later ({when}); revert that change "
                                                         "first."),
        "later deleted": QT_TRANSLATE_NOOP("HistoryTab", "This organization was deleted again "
                                                         "later ({when}); revert that change "
                                                         "first."),
        "later restored": QT_TRANSLATE_NOOP("HistoryTab", "This organization was restored again "
                                                          "later ({when}); revert that change "
                                                          "first."),
        "is deleted": QT_TRANSLATE_NOOP("HistoryTab", "This organization is deleted; restore it "
                                                      "before reverting its changes."),
    },
    "person": {
        "ask created": QT_TRANSLATE_NOOP("HistoryTab",
                                         "Delete this person, taking back its creation?"),
        "ask restored": QT_TRANSLATE_NOOP("HistoryTab", "Delete this person again?"),
        "ask deleted": QT_TRANSLATE_NOOP("HistoryTab", "Restore this person?"),
        "later created": QT_TRANSLATE_NOOP("HistoryTab", "This person was created again later "
                                                         "({when}); revert that change first."),
        "later deleted": QT_TRANSLATE_NOOP("HistoryTab", "This person was deleted again later "
                                                         "({when}); revert that change first."),
        "later restored": QT_TRANSLATE_NOOP("HistoryTab", "This person was restored again later "
                                                          "({when}); revert that change first."),
        "is deleted": QT_TRANSLATE_NOOP("HistoryTab", "This person is deleted; restore it before "
                                                      "reverting its changes."),
    },
    "": {
        "ask created": QT_TRANSLATE_NOOP("HistoryTab",
                                         "Delete this {noun}, taking back its creation?"),
        "ask restored": QT_TRANSLATE_NOOP("HistoryTab", "Delete this {noun} again?"),
        "ask deleted": QT_TRANSLATE_NOOP("HistoryTab", "Restore this {noun}?"),
        "later created": QT_TRANSLATE_NOOP("HistoryTab", "This {noun} was created again later "
                                                         "({when}); revert that change first."),
        "later deleted": QT_TRANSLATE_NOOP("HistoryTab", "This {noun} was deleted again later "
                                                         "({when}); revert that change first."),
        "later restored": QT_TRANSLATE_NOOP("HistoryTab", "This {noun} was restored again later "
                                                          "({when}); revert that change first."),
        "is deleted": QT_TRANSLATE_NOOP("HistoryTab", "This {noun} is deleted; restore it before "
                                                      "reverting its changes."),
    },
}


def lifecycle_text(noun: str, key: str, **values: str) -> str:
    """One of LIFECYCLE_TEXTS for a record whose kind is `noun`, translated and filled in."""
    texts = LIFECYCLE_TEXTS.get(noun, LIFECYCLE_TEXTS[""])
    return translate("HistoryTab", texts[key]).format(noun=noun, **values)


def change_values(change: ChangeRecord) -> tuple[str, str]:
    """(before, after) for the table; creations list what was entered, deletions say so."""
    if change.field == "created":
        return EMPTY, readable(change.new)
    if change.field == "deleted":
        return EMPTY, translate("HistoryTab", "deleted")
    if change.field == "restored":
        return translate("HistoryTab", "deleted"), translate("HistoryTab", "restored")
    return readable(change.old, change.field), readable(change.new, change.field)


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def source_text(change: ChangeRecord) -> str:
    """Where a change came from, in words: “Screen”, “Import of parties.xlsx”, “Merge from
    laptop.sqlite3”, “Revert of Anna's change”, “Starter register (Party Facts)”."""
    detail = (change.source_detail or "").strip()
    revert = REVERT_DETAIL.match(detail)
    if revert is not None:  # when that change was made is in the tooltip
        return translate("HistoryTab", "Revert of {who}'s change").format(who=revert["who"])
    source = change.source
    if detail.startswith(("undo of", "revert of")):
        return _capitalized(detail)  # db's own description, stored in English
    if source == "import":
        return (translate("HistoryTab", "Import of {file}").format(file=detail) if detail
                else translate("HistoryTab", "Import"))
    if source == "merge":
        return (translate("HistoryTab", "Merge from {file}").format(file=_file_name(detail))
                if detail else translate("HistoryTab", "Merge"))
    term = SOURCES.get(source)
    text = term.label() if term is not None else _capitalized(source)
    return f"{text} ({detail})" if detail else text


def _file_name(location: str) -> str:
    """The copy's file name; a server URL stays whole (without a password, which the change
    log never holds anyway)."""
    if "://" in location:
        return location
    return re.split(r"[\\/]", location.rstrip("\\/"))[-1] or location


def source_tooltip(change: ChangeRecord) -> str:
    revert = REVERT_DETAIL.match((change.source_detail or "").strip())
    if revert is not None:
        lines = [translate("HistoryTab", "Revert of {who}'s change of {when}").format(
            who=revert["who"], when=local_time_of_utc_text(revert["at"]))]
    else:
        lines = [source_text(change)]
        if change.source_detail and change.source_detail not in lines[0]:
            lines.append(change.source_detail)
    if change.batch_id:
        lines.append(translate("HistoryTab", "Batch {id}").format(id=change.batch_id))
    return "\n".join(lines)


def _full(change: ChangeRecord) -> str:
    before, after = change_values(change)
    return translate("HistoryTab", "{field}\nBefore: {before}\nAfter: {after}").format(
        field=field_label(change.field), before=before, after=after)


COLUMNS = (
    Column("at", QT_TRANSLATE_NOOP("Columns", "When"), lambda c: local_time(c.at)),
    Column("who", QT_TRANSLATE_NOOP("Columns", "Who"), lambda c: c.who or EMPTY),
    Column("field", QT_TRANSLATE_NOOP("Columns", "What"), lambda c: field_label(c.field)),
    Column("old", QT_TRANSLATE_NOOP("Columns", "Before"), lambda c: change_values(c)[0],
           tooltip=_full),
    Column("new", QT_TRANSLATE_NOOP("Columns", "After"), lambda c: change_values(c)[1],
           tooltip=_full),
    Column("source", mark.translate("Columns", "From", "where a change came from"),
           source_text, tooltip=source_tooltip, note="where a change came from"),
)


# -- reverting -------------------------------------------------------------------------------
def _noun(change: ChangeRecord) -> str:
    spec = ENTITIES.get(change.entity)
    return spec.schema.entity if spec is not None else change.entity


def _quoted(text: str) -> str:
    return f"“{text}”" if len(text) <= 120 else f"“{text[:117]}…”"


def revert_question(change: ChangeRecord) -> str:
    """Exactly what reverting `change` will do, as a question."""
    if change.field in LIFECYCLE:
        return lifecycle_text(_noun(change), "ask " + change.field)
    label = field_label(change.field)
    before = readable(change.old, change.field)
    if before == EMPTY:
        return translate("HistoryTab", "Clear {field}? It was empty before this change.").format(
            field=label)
    return translate("HistoryTab", "Set {field} back to {value}?").format(
        field=label, value=_quoted(before))


def why_not_revertable(change: ChangeRecord, newer: list[ChangeRecord]) -> str | None:
    """Why this change cannot be reverted as things are (None when it can). `newer` are the
    record's later changes. The service checks again when asked; this only keeps the button
    honest."""
    spec = ENTITIES.get(change.entity)
    if spec is None:
        return translate("HistoryTab", "Changes to a {entity} cannot be reverted from the "
                                       "history.").format(entity=change.entity)
    noun = spec.schema.entity
    if change.field in LIFECYCLE:
        later = next((c for c in newer if c.field in LIFECYCLE), None)
        if later is not None:
            return lifecycle_text(noun, "later " + later.field, when=local_time(later.at))
        return None
    if change.field not in spec.schema.fields and change.entity not in LINKS.get(change.field,
                                                                                  ()):
        return translate("HistoryTab", "Changes to “{field}” cannot be reverted from the "
                                       "history.").format(field=field_label(change.field))
    later = next((c for c in newer if c.field == change.field), None)
    if later is not None:
        return translate("HistoryTab", "{field} was changed again later ({when}, {who}); revert "
                                       "that change first.").format(
            field=field_label(change.field), when=local_time(later.at),
            who=later.who or translate("HistoryTab", "someone"))
    deleted = next((c for c in newer if c.field in LIFECYCLE), None)
    if deleted is not None and deleted.field == "deleted":
        return lifecycle_text(noun, "is deleted")
    return None


class HistoryTable(RecordTable):
    """The ChangeLog of one record; call load(id) once the record exists, reload() after a
    change notice."""

    def __init__(self, database: Database, record_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        self.changes = RecordListModel(COLUMNS)
        super().__init__(self.changes, parent)
        self.setObjectName("history")
        self.database = database
        self.record_id = record_id
        self.set_widths(130, 110, 130, 240, 260, 230, stretch=4)
        self.set_placeholder(translate("HistoryTab", "No changes recorded yet. Records loaded as "
                                                     "demo data keep no history until they are "
                                                     "first edited."))
        if record_id is not None:
            self.reload()

    def load(self, record_id: str) -> None:
        self.record_id = record_id
        self.reload()

    def reload(self) -> None:
        selected = self.current_record()
        self.changes.set_records(history(self.database, self.record_id)
                                 if self.record_id else [])
        row = self.changes.row_of(selected.id) if selected is not None else None
        if row is not None:
            self.select_row(row)


class HistoryTab(QWidget):
    """The history table, with “Revert this change” under it and in its context menu."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.table = HistoryTable(context.database)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.table.changes.modelReset.connect(self._enable)
        self.revert_action = QAction(icon("undo-2"), translate("HistoryTab", "Revert this change…"),
                                     self)
        self.revert_action.triggered.connect(lambda _checked=False: self.revert_selected())
        self.revert_button = QPushButton(icon("undo-2"),
                                         translate("HistoryTab", "&Revert this change…"))
        self.revert_button.setObjectName("revert_change")
        self.revert_button.clicked.connect(lambda _checked=False: self.revert_selected())
        self.reason = QLabel()
        self.reason.setObjectName("revert_reason")
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("color: palette(placeholder-text);")
        buttons = QHBoxLayout()
        buttons.addWidget(self.reason, 1)
        buttons.addWidget(self.revert_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._enable()

    @property
    def record_id(self) -> str | None:
        return self.table.record_id

    @record_id.setter
    def record_id(self, record_id: str | None) -> None:
        self.table.record_id = record_id

    def reload(self) -> None:
        self.table.reload()
        self._enable()

    def selected(self) -> ChangeRecord | None:
        record = self.table.current_record()
        return record if isinstance(record, ChangeRecord) else None

    def why_not(self, change: ChangeRecord) -> str | None:
        records = self.table.changes.records
        row = self.table.changes.row_of(change.id) or 0
        return why_not_revertable(change, records[:row])

    def _enable(self) -> None:
        change = self.selected()
        reason = None if change is None else self.why_not(change)
        able = change is not None and reason is None
        self.revert_button.setEnabled(able)
        self.revert_action.setEnabled(able)
        if change is None:
            tip = translate("HistoryTab", "Select a change to put its field back as it was "
                                          "before")
            self.reason.clear()
        elif reason is not None:
            tip = reason
            self.reason.setText(reason)
        else:
            tip = revert_question(change)
            self.reason.clear()
        self.revert_button.setToolTip(tip)

    def _menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if not index.isValid():
            return
        self.table.select_row(index.row())
        menu = QMenu(self)
        menu.addAction(self.revert_action)
        menu.popup(self.table.viewport().mapToGlobal(position))

    def revert_selected(self) -> bool:
        """Ask, then revert the selected change. True when it was reverted."""
        change = self.selected()
        if change is None or self.why_not(change) is not None:
            return False
        question = (translate("HistoryTab", "{question}\n\nThis takes back {who}'s change of "
                                            "{when}. Edit ▸ Undo (Ctrl+Z) takes the revert back.")
                    if change.who else
                    translate("HistoryTab", "{question}\n\nThis takes back Someone's change of "
                                            "{when}. Edit ▸ Undo (Ctrl+Z) takes the revert back.")
                    ).format(question=revert_question(change), who=change.who,
                             when=local_time(change.at))
        if not messages.confirm(self, translate("HistoryTab", "Revert this change"), question,
                                yes=translate("HistoryTab", "Revert")):
            return False
        reverted = self.context.revert_change(self, change.id, revert_question(change))
        if reverted is None:
            self.reload()  # the history may have moved on: show why it failed
            return False
        self.reload()
        return True
