"""The review step of File ▸ Merge a travel copy…: every record the merge touches, what
happens to it, field by field, and the user's choice for each conflict."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.merge import FieldMerge, MergePlan, RecordMerge, Settle
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.qtmodels.import_plan import field_name
from desktop.readable import readable

# Translated where shown.
ACTION_WORDS = {"create": QT_TRANSLATE_NOOP("MergeReview", "New"),
                "update": QT_TRANSLATE_NOOP("MergeReview", "Updated"),
                "delete": QT_TRANSLATE_NOOP("MergeReview", "Deleted"),
                "keep": QT_TRANSLATE_NOOP("MergeReview", "Kept (changed here)"),
                "conflict": QT_TRANSLATE_NOOP("MergeReview", "Conflict"),
                "unchanged": QT_TRANSLATE_NOOP("MergeReview", "Unchanged")}
KIND_WORDS = {"tags": QT_TRANSLATE_NOOP("MergeReview", "Tag"),
              "topics": QT_TRANSLATE_NOOP("MergeReview", "Topic"),
              "organizations": QT_TRANSLATE_NOOP("MergeReview", "Organization"),
              "people": QT_TRANSLATE_NOOP("MergeReview", "Person"),
              "positions": QT_TRANSLATE_NOOP("MergeReview", "Position"),
              "interactions": QT_TRANSLATE_NOOP("MergeReview", "Interaction"),
              "followups": QT_TRANSLATE_NOOP("MergeReview", "Follow-up")}
CHOICE_WORDS = {"here": QT_TRANSLATE_NOOP("MergeReview", "keep this copy's value"),
                "there": QT_TRANSLATE_NOOP("MergeReview", "take the other copy's value")}
DEFAULTS: tuple[tuple[str, Settle | None], ...] = (
    (QT_TRANSLATE_NOOP("MergeReview", "Leave them open (merge everything else)"), None),
    (QT_TRANSLATE_NOOP("MergeReview", "Keep this copy's values"), "here"),
    (QT_TRANSLATE_NOOP("MergeReview", "Take the other copy's values"), "there"),
)


def _word(table: dict[str, str], key: str) -> str:
    return translate("MergeReview", table[key]) if key in table else key
CONFLICT_COLOUR = QColor("#b45309")
FIELD_ROLE = Qt.ItemDataRole.UserRole


class MergeReview(QWidget):
    """A tree of records (what happens, name, kind) with a line per field; conflicts show
    both values, and the buttons settle the selected one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan: MergePlan | None = None
        self.resolutions: dict[tuple[str, str], Settle] = {}
        self.summary = QLabel()
        self.summary.setObjectName("merge_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.tree = QTreeWidget()
        self.tree.setObjectName("merge_records")
        self.tree.setHeaderLabels([translate("MergeReview", "What happens"),
                                   translate("MergeReview", "Record"),
                                   translate("MergeReview", "Kind")])
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        header = self.tree.header()
        # Field lines span the row: sizing the first column to its contents would push the
        # record's name and kind out of view.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 190)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.keep_button = QPushButton(translate("MergeReview", "&Keep this copy's value"))
        self.keep_button.setObjectName("keep_here")
        self.keep_button.clicked.connect(lambda: self.choose("here"))
        self.take_button = QPushButton(translate("MergeReview", "&Take the other copy's value"))
        self.take_button.setObjectName("take_there")
        self.take_button.clicked.connect(lambda: self.choose("there"))
        self.default = QComboBox()
        self.default.setObjectName("merge_default")
        for text, value in DEFAULTS:
            self.default.addItem(translate("MergeReview", text), value)
        self.default.currentIndexChanged.connect(lambda *_: self._refresh_conflicts())
        choices = QHBoxLayout()
        choices.addWidget(QLabel(translate("MergeReview", "Selected conflict:")))
        choices.addWidget(self.keep_button)
        choices.addWidget(self.take_button)
        choices.addStretch(1)
        rest = QHBoxLayout()
        rest.addWidget(QLabel(translate("MergeReview", "Conflicts not settled one by one:")))
        rest.addWidget(self.default)
        rest.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(choices)
        layout.addLayout(rest)
        self.conflict_items: dict[tuple[str, str], tuple[QTreeWidgetItem, FieldMerge]] = {}
        self.record_kinds: dict[str, str] = {}  # record id → kind, for its fields' labels
        self._update_buttons()

    @property
    def prefer(self) -> Settle | None:
        value = self.default.currentData()
        return value if value in ("here", "there") else None

    def show_plan(self, plan: MergePlan) -> None:
        self.plan = plan
        self.resolutions.clear()
        self.conflict_items.clear()
        self.record_kinds.clear()
        self.tree.clear()
        conflicts = sum(len(r.conflicts) for r in plan.conflicts)
        text = translate("MergeReview", "From <b>{other}</b>: {summary}.").format(
            other=plan.other, summary=plan.summary())
        if conflicts:
            text += "<br>" + (translate("MergeReview", "1 field changed in both copies: choose "
                                        "which value to keep below.") if conflicts == 1 else
                              translate("MergeReview", "{n:,} fields changed in both copies: "
                                        "choose which value to keep below.")).format(n=conflicts)
        if not plan.writes and not conflicts:
            text += "<br>" + translate("MergeReview",
                                       "This copy already has everything the other copy holds.")
        self.summary.setText(text)
        for record in plan.records:
            item = self._record_item(record)
            self.tree.addTopLevelItem(item)
            for index in range(item.childCount()):  # spanning works only inside a tree
                child = item.child(index)
                if child is not None:
                    child.setFirstColumnSpanned(True)
        self.tree.expandAll()
        self.default.setEnabled(bool(conflicts))
        first = next(iter(self.conflict_items.values()), None)
        if first is not None:
            self.tree.setCurrentItem(first[0])
        self._update_buttons()

    def _record_item(self, record: RecordMerge) -> QTreeWidgetItem:
        item = QTreeWidgetItem([_word(ACTION_WORDS, record.action), record.name,
                                _word(KIND_WORDS, record.kind)])
        self.record_kinds[record.id] = record.kind
        if record.conflicts:
            item.setForeground(0, QBrush(CONFLICT_COLOUR))
        for f in record.fields:
            child = QTreeWidgetItem(item)
            child.setData(0, FIELD_ROLE, (record.id, f.field))
            if f.status == "conflict":
                self.conflict_items[(record.id, f.field)] = (child, f)
                child.setForeground(0, QBrush(CONFLICT_COLOUR))
                self._conflict_text(child, record.id, f)
            else:
                child.setText(0, self.field_text(f, record.kind))
                child.setToolTip(0, child.text(0))
        return item

    @staticmethod
    def field_text(f: FieldMerge, kind: str = "") -> str:
        return (translate("MergeReview", "{field}: {here} → {there} (kept: changed here)")
                if f.status == "keep" else
                translate("MergeReview", "{field}: {here} → {there}")).format(
            field=field_name(f.field, kind), here=readable(f.here, f.field),
            there=readable(f.there, f.field))

    def _conflict_text(self, item: QTreeWidgetItem, record_id: str, f: FieldMerge) -> None:
        choice = self.resolutions.get((record_id, f.field))
        if choice is not None:
            settled = translate("MergeReview", CHOICE_WORDS[choice])
        elif self.prefer is not None:
            settled = translate("MergeReview", "{choice} (default)").format(
                choice=translate("MergeReview", CHOICE_WORDS[self.prefer]))
        else:
            settled = translate("MergeReview", "left open")
        item.setText(0, translate("MergeReview", "Conflict on {field} — this copy: {here} · "
                                  "other copy: {there} — {settled}").format(
            field=field_name(f.field, self.record_kinds.get(record_id, "")),
            here=readable(f.here, f.field), there=readable(f.there, f.field), settled=settled))
        item.setToolTip(0, item.text(0))

    def _refresh_conflicts(self) -> None:
        for (record_id, _field), (item, f) in self.conflict_items.items():
            self._conflict_text(item, record_id, f)

    def selected_conflict(self) -> tuple[str, str] | None:
        item = self.tree.currentItem()
        data = item.data(0, FIELD_ROLE) if item is not None else None
        if data is None:
            return None
        key = (str(data[0]), str(data[1]))
        return key if key in self.conflict_items else None

    def select_conflict(self, record_id: str, field: str) -> None:
        self.tree.setCurrentItem(self.conflict_items[(record_id, field)][0])

    def choose(self, settle: Settle) -> None:
        key = self.selected_conflict()
        if key is None:
            return
        self.resolutions[key] = settle
        item, f = self.conflict_items[key]
        self._conflict_text(item, key[0], f)

    def _update_buttons(self) -> None:
        enabled = self.selected_conflict() is not None
        self.keep_button.setEnabled(enabled)
        self.take_button.setEnabled(enabled)
