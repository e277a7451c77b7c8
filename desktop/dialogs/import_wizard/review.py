"""The Review page of the import wizard: what the import will do, row by row and field by field,
before anything is written. For a Liaison workbook brought back it is also where the user
settles the fields changed both in the file and in Liaison since the export — one field, one
row, or every other conflict at once — and says whether the records removed from the file are
deleted. A pick is recorded in the wizard's choices and the plan is built again in the
background; the rest of each row is imported whatever is picked."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from db.exchange.imports.plan import Plan, Resolution, policy_preview
from desktop.dialogs.import_wizard.matched import PolicyOffer
from desktop.dialogs.import_wizard.review_texts import (
    conflicts_note,
    deletions_label,
    nothing_written,
    summary,
)
from desktop.dialogs.import_wizard.step import NoticeLabel, WizardStep
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.jobs.worker import Job
from desktop.qtmodels.import_plan import (
    ConflictKey,
    conflict_words,
    field_name,
    record_label,
)
from desktop.qtmodels.import_plan_tree import PlanTreeModel, expand_spans

if TYPE_CHECKING:
    from desktop.dialogs.import_wizard.wizard import ImportWizard

EXPAND_UP_TO = 200  # updates and conflicts shown opened when there are no more than this
FILTERS = (("all", QT_TRANSLATE_NOOP("ImportReview", "All rows"), None),
           ("create", QT_TRANSLATE_NOOP("ImportReview", "To create"), ("create",)),
           ("update", QT_TRANSLATE_NOOP("ImportReview", "To update"), ("update",)),
           ("unchanged", QT_TRANSLATE_NOOP("ImportReview", "Already in Liaison, unchanged"),
            ("unchanged",)),
           ("conflict", QT_TRANSLATE_NOOP("ImportReview", "Conflicts"), ("conflict",)),
           ("delete", QT_TRANSLATE_NOOP("ImportReview", "Removed from the file"), ("delete",)),
           ("skip", QT_TRANSLATE_NOOP("ImportReview", "Skipped"), ("skip",)),
           ("error", QT_TRANSLATE_NOOP("ImportReview", "Not imported (errors)"), ("error",)))
DEFAULT_PICKS: tuple[tuple[str, Resolution | None], ...] = (  # translated where shown
    (QT_TRANSLATE_NOOP("ImportReview", "leave them open"), None),
    (QT_TRANSLATE_NOOP("ImportReview", "use the file's values"), "file"),
    (QT_TRANSLATE_NOOP("ImportReview", "keep Liaison's values"), "database"))


class ReviewPage(WizardStep):
    def __init__(self, flow: ImportWizard) -> None:
        super().__init__(flow, translate("ImportReview", "Review"),
                         translate("ImportReview", "What the import will do. Nothing has been "
                                   "written yet; “Import” writes it all in one step, which you "
                                   "can undo."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, translate("ImportReview", "&Import"))
        self.summary = QLabel()
        self.summary.setObjectName("review_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.conflicts_note = NoticeLabel()  # named "notice" like every notice: its style
        self.filter = QComboBox()
        self.filter.setObjectName("review_filter")
        self.filter.currentIndexChanged.connect(self._filter_changed)
        self.expand_button = QPushButton(translate("ImportReview", "E&xpand all"))
        self.expand_button.clicked.connect(self.expand_all)
        self.collapse_button = QPushButton(translate("ImportReview", "&Collapse all"))
        self.collapse_button.clicked.connect(self.collapse_all)
        top = QHBoxLayout()
        label = QLabel(translate("ImportReview", "&Show:"))
        label.setBuddy(self.filter)
        top.addWidget(label)
        top.addWidget(self.filter)
        top.addStretch(1)
        top.addWidget(self.expand_button)
        top.addWidget(self.collapse_button)
        self.model = PlanTreeModel()
        self.tree = QTreeView()
        self.tree.setObjectName("review")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.expanded.connect(lambda index: expand_spans(self.tree, index))
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._show_choice())
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.choice_bar = self._choice_bar()
        self.delete_box = QCheckBox()
        self.delete_box.setObjectName("apply_deletions")
        self.delete_box.toggled.connect(self._deletions_toggled)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.conflicts_note)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.choice_bar)
        layout.addWidget(self.delete_box)
        self.policy_offer = PolicyOffer()
        self.policy_offer.chosen.connect(self.switch_policy)
        layout.addWidget(self.policy_offer)
        layout.addWidget(self.notice)
        self.rebuilding: Job | None = None
        self.menu: QMenu | None = None  # the tree's context menu, made on first use

    def _choice_bar(self) -> QWidget:
        """The picks for conflicting fields: the selected one (or the selected row's), and
        every other one."""
        self.use_file_action = QAction(translate("ImportReview", "Use the file's value"), self)
        self.use_file_action.triggered.connect(lambda: self.choose_selected("file"))
        self.keep_liaison_action = QAction(translate("ImportReview", "Keep Liaison's value"),
                                           self)
        self.keep_liaison_action.triggered.connect(lambda: self.choose_selected("database"))
        self.choice_target = QLabel()
        self.choice_target.setObjectName("choice_target")
        self.choice_target.setWordWrap(True)
        self.choice_target.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.use_file_button = QPushButton(translate("ImportReview", "Use the &file's value"))
        self.use_file_button.setObjectName("use_file_value")
        self.use_file_button.clicked.connect(self.use_file_action.trigger)
        self.keep_liaison_button = QPushButton(translate("ImportReview",
                                                         "&Keep Liaison's value"))
        self.keep_liaison_button.setObjectName("keep_liaison_value")
        self.keep_liaison_button.clicked.connect(self.keep_liaison_action.trigger)
        self.default_pick = QComboBox()
        self.default_pick.setObjectName("conflict_default")
        for text, pick in DEFAULT_PICKS:
            self.default_pick.addItem(translate("ImportReview", text), pick)
        self.default_pick.currentIndexChanged.connect(self._default_changed)
        default_label = QLabel(translate("ImportReview", "For all &other conflicts:"))
        default_label.setBuddy(self.default_pick)
        bar = QWidget()
        column = QVBoxLayout(bar)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.choice_target)
        row = QHBoxLayout()
        row.addWidget(self.use_file_button)
        row.addWidget(self.keep_liaison_button)
        row.addStretch(1)
        row.addWidget(default_label)
        row.addWidget(self.default_pick)
        column.addLayout(row)
        return bar

    # -- showing the plan ------------------------------------------------------------------
    def initializePage(self) -> None:
        if self.flow.plan is None:
            return
        self.refresh(first=True)

    def refresh(self, first: bool = False) -> None:
        """Show the current plan: on entering the page, or after a pick, keeping the filter
        and the selected row."""
        plan = self.flow.plan
        if plan is None:
            return
        place = None if first else self._place()
        self._fill_filter(plan, "all" if first else self.filter.currentData())
        actions = next((a for k, _label, a in FILTERS if k == self.filter.currentData()), None)
        self.model.set_plan(plan.rows, self.flow.names, several_sheets=len(plan.sheets) > 1,
                            actions=actions, choices=self.flow.conflict_choices(),
                            deleting=plan.options.apply_deletions)
        if first:
            self.tree.setColumnWidth(0, 70 if len(plan.sheets) <= 1 else 130)
            self.tree.setColumnWidth(1, 170)
            self.tree.setColumnWidth(2, 100)
            self.tree.setColumnWidth(3, 300)
            self.tree.setColumnHidden(2, len({row.entity for row in plan.rows}) <= 1)
        self.summary.setText(self.describe(plan))
        self._open_changes()
        self._restore(place)
        self._show_conflicts(plan)
        self._show_deletions(plan)
        preview = policy_preview(plan)
        self.policy_offer.show_preview(preview)
        nothing = nothing_written(plan, preview)
        if nothing is None:
            self.notice.clear()
        else:
            self.notice.show_message(nothing, "info")
        self._show_choice()
        self._buttons_changed()

    def _fill_filter(self, plan: Plan, keep: str | None) -> None:
        counts: Counter[str] = Counter(row.action for row in plan.rows)
        settled = {record_id for record_id, _field in self.flow.known_conflicts}
        counts["conflict"] = sum(1 for row in plan.rows if row.conflicts or row.id in settled)
        self.filter.blockSignals(True)
        self.filter.clear()
        for key, label, actions in FILTERS:
            count = len(plan.rows) if actions is None else counts[key]
            if actions is None or count:
                self.filter.addItem(translate("ImportReview", "{filter} ({count:,})").format(
                    filter=translate("ImportReview", label), count=count), key)
        self.filter.setCurrentIndex(max(self.filter.findData(keep), 0))
        self.filter.blockSignals(False)

    def describe(self, plan: Plan) -> str:
        return summary(plan)

    def _show_conflicts(self, plan: Plan) -> None:
        known = self.flow.known_conflicts
        self.choice_bar.setVisible(bool(known))
        self.default_pick.blockSignals(True)
        self.default_pick.setCurrentIndex(max(
            self.default_pick.findData(self.flow.conflict_default), 0))
        self.default_pick.blockSignals(False)
        note = conflicts_note(plan, self.flow.conflict_choices())
        if note is None:
            self.conflicts_note.clear()
        else:
            self.conflicts_note.show_message(*note)

    def _show_deletions(self, plan: Plan) -> None:
        count = len(plan.deletions)
        self.delete_box.setVisible(bool(count))
        self.delete_box.setText(deletions_label(count))
        self.delete_box.blockSignals(True)
        self.delete_box.setChecked(self.flow.apply_deletions)
        self.delete_box.blockSignals(False)

    def _filter_changed(self, _index: int) -> None:
        key = self.filter.currentData()
        actions = next((a for k, _label, a in FILTERS if k == key), None)
        self.model.set_filter(actions)
        self._open_changes()
        self._show_choice()

    def _open_changes(self) -> None:
        """Show what changes without a click, when that is a screenful or so."""
        rows = self.model.rows
        changing = [n for n, row in enumerate(rows)
                    if row.action in ("update", "conflict") or self.model.has_conflicts(row)]
        if len(changing) <= EXPAND_UP_TO:
            for number in changing:
                self.tree.expand(self.model.index(number, 0))

    def collapse_all(self) -> None:
        self.tree.collapseAll()

    def expand_all(self) -> None:
        for number in range(min(self.model.rowCount(), 2000)):
            self.tree.expand(self.model.index(number, 0))

    def change_lines(self, number: int) -> list[str]:
        """The detail lines under row `number` of the tree as shown (for tests and copy)."""
        parent = self.model.index(number, 0)
        return [self.model.index(line, 0, parent).data()
                for line in range(self.model.rowCount(parent))]

    def _place(self) -> tuple[str, int, str | None, ConflictKey | None] | None:
        """Which row (and conflict line) is selected, to select it again after a rebuild."""
        index = self.tree.currentIndex()
        row = self.model.plan_row(index)
        if row is None:
            return None
        line = self.model.line(index)
        return row.sheet, row.row, row.id, line.key if line is not None else None

    def _restore(self, place: tuple[str, int, str | None, ConflictKey | None] | None) -> None:
        if place is None:
            return
        sheet, number, record_id, key = place
        index = self.model.find(sheet, number, record_id)
        if not index.isValid():
            return
        if key is not None:
            lines = self.model.lines(index.row())
            at = next((n for n, line in enumerate(lines) if line.key == key), None)
            if at is not None:
                index = self.model.index(at, 0, index)
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)

    # -- picking values for conflicts ----------------------------------------------------
    def selected_conflicts(self) -> list[ConflictKey]:
        return self.model.conflict_keys(self.tree.currentIndex())

    def _show_choice(self) -> None:
        """Say what the two buttons act on, and enable them when there is something."""
        keys = self.selected_conflicts()
        busy = self.busy
        for widget in (self.use_file_button, self.keep_liaison_button, self.use_file_action,
                       self.keep_liaison_action):
            widget.setEnabled(bool(keys) and not busy)
        self.default_pick.setEnabled(not busy)
        self.delete_box.setEnabled(not busy)
        if not keys:
            self.choice_target.setText(translate(
                "ImportReview", "Select a conflict, or a row with conflicts, to pick the value "
                "Liaison keeps."))
            return
        row = self.model.plan_row(self.tree.currentIndex())
        label = record_label(row, self.flow.names) if row is not None else ""
        entity = row.entity if row is not None else ""
        if len(keys) > 1 or row is None:
            fields = ", ".join(translate("ImportReview", "“{field}”").format(
                field=field_name(name, entity)) for _id, name in keys)
            self.choice_target.setText((translate(
                "ImportReview", "{fields} of {record}: the buttons pick for all of them.")
                if label else translate(
                "ImportReview", "{fields}: the buttons pick for all of them.")).format(
                fields=fields, record=label))
            return
        key = keys[0]
        field = field_name(key[1], entity)
        target = (translate("ImportReview", "“{field}” of {record}") if label
                  else translate("ImportReview", "“{field}”")).format(field=field, record=label)
        conflict = self.model.conflict_of(row, key)
        if conflict:
            target = translate("ImportReview", "{target}: {values}").format(
                target=target, values=conflict_words(row, conflict, self.flow.names))
        now = self.flow.conflict_choices().why(key)
        if now:
            target = translate("ImportReview", "{target}  —  now {choice}").format(
                target=target, choice=now)
        self.choice_target.setText(target)

    def choose_selected(self, pick: Resolution) -> None:
        """The selected conflict field — or every conflict of the selected row — takes the
        file's value ("file") or keeps Liaison's ("database")."""
        keys = self.selected_conflicts()
        if not keys or self.busy:
            return
        self.flow.choose(keys, pick)
        self.rebuild()

    def _default_changed(self, _index: int) -> None:
        self.flow.conflict_default = self.default_pick.currentData()
        self.rebuild()

    def _context_menu(self, position: QPoint) -> None:
        index = self.tree.indexAt(position)
        if not index.isValid():
            return
        self.tree.setCurrentIndex(index)
        if not self.selected_conflicts():
            return
        if self.menu is None:
            self.menu = QMenu(self.tree)
            self.menu.addAction(self.use_file_action)
            self.menu.addAction(self.keep_liaison_action)
        self.menu.popup(self.tree.viewport().mapToGlobal(position))

    def _deletions_toggled(self, on: bool) -> None:
        self.flow.set_apply_deletions(on)
        self.refresh()

    def switch_policy(self, policy: str) -> None:
        """Update the matching records, or fill their blanks: the choice the Columns page
        offers, made here where its effect is seen; the plan is built again."""
        if policy == self.flow.on_duplicate or policy not in ("update", "fill"):
            return
        self.flow.on_duplicate = "update" if policy == "update" else "fill"
        self.policy_offer.hide()
        self.rebuild()

    # -- building the plan again -----------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self.rebuilding is not None and self.rebuilding.running

    def rebuild(self) -> Job | None:
        """Build the plan for the choices now made; the page shows it once it is ready.
        A pick made while a build runs is taken up by another build when that one ends."""
        job = self.flow.build_plan(self._rebuilt)
        if job is not None and job is not self.rebuilding:
            self.rebuilding = job
            job.finished.connect(self._show_choice)
            job.finished.connect(self._buttons_changed)
        self._show_choice()
        self._buttons_changed()
        return job

    def _rebuilt(self) -> None:
        if not self.flow.plan_is_fresh():
            self.rebuild()
            return
        self.refresh()

    def _buttons_changed(self) -> None:
        """Whether Import or Finish shows depends on the plan writing something (nextId),
        which a pick or the deletions box changes. QWizard asks nextId only on entering a
        page, and again when the page's final flag is set: setting it (to what it is) makes it
        ask now."""
        self.setFinalPage(False)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        plan = self.flow.plan
        return (plan is not None and plan.can_apply and self.flow.plan_is_fresh()
                and not self.busy)

    def nextId(self) -> int:
        from desktop.dialogs.import_wizard.common import IMPORT

        plan = self.flow.plan
        return IMPORT if plan is not None and plan.writes else -1

