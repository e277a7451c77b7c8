"""The Check and Review pages of the import wizard. Check lists every problem the plan found
(errors block their row, warnings do not) and lets the user correct a cell in place or skip the
rows with errors; Review shows what the import will do, row by row and field by field, before
anything is written."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWizard,
)

from db.errors import LiaisonError
from db.exchange.plan import Plan
from db.exchange.readers import open_source
from desktop.dialogs.import_pages import NoticeLabel, WaitCursor, WizardStep
from desktop.icons import icon
from desktop.qtmodels.import_plan import (
    ENTITY_NOUNS,
    PlanTreeModel,
    Problem,
    expand_spans,
    problem_columns,
    problems_of,
)
from desktop.qtmodels.import_preview import cell_text
from desktop.qtmodels.records import RecordListModel
from desktop.widgets.record_table import RecordTable

if TYPE_CHECKING:
    from desktop.dialogs.import_wizard import ImportWizard

EXPAND_UP_TO = 200  # updates and conflicts shown opened when there are no more than this
PLURALS = {"organization": "organizations", "person": "people", "position": "positions",
           "interaction": "interactions", "followup": "follow-ups"}


def plural(count: int, entity: str) -> str:
    return f"{count:,} {ENTITY_NOUNS[entity] if count == 1 else PLURALS[entity]}"


def counted(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


class CheckPage(WizardStep):
    def __init__(self, flow: ImportWizard) -> None:
        super().__init__(flow, "Check", "Every problem Liaison found in the file, by sheet, row "
                         "and column. Nothing has been written yet.")
        self.summary = QLabel()
        self.summary.setObjectName("check_summary")
        self.summary.setWordWrap(True)
        self.model = RecordListModel(problem_columns())
        self.table = RecordTable(self.model, self)
        self.table.setObjectName("problems")
        self.table.set_widths(90, 120, 60, 140)
        self.table.set_placeholder("No problems: every row can be imported.")
        self.table.opened.connect(self.fix)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        self.detail = QLabel()
        self.detail.setObjectName("problem_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint = QLabel("Double-click an error to correct its value here (the file itself "
                           "is not changed), or skip the rows with errors.")
        self.hint.setWordWrap(True)
        self.skip = QCheckBox("S&kip rows with errors and import the others")
        self.skip.setObjectName("skip_invalid")
        self.skip.toggled.connect(self._skip_toggled)
        self.report_button = QPushButton(icon("download"), "Save the &list of problems…")
        self.report_button.clicked.connect(
            self.save_report)
        bottom = QHBoxLayout()
        bottom.addWidget(self.skip)
        bottom.addStretch(1)
        bottom.addWidget(self.report_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.hint)
        layout.addWidget(self.notice)
        layout.addLayout(bottom)

    def initializePage(self) -> None:
        self.skip.blockSignals(True)
        self.skip.setChecked(self.flow.skip_invalid)
        self.skip.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        """Show the current plan's problems (after a first build or a correction)."""
        plan = self.flow.plan
        self.notice.clear()
        if plan is None:
            return
        self.model.set_records(problems_of(plan))
        if self.model.rowCount():
            self.table.select_row(0)
        self._show_detail()
        self.table.resizeColumnToContents(3)
        self.table.setColumnWidth(3, min(self.table.columnWidth(3), 200))
        rows = len({(r.sheet, r.row) for r in plan.rows})
        blocked = len({(r.sheet, r.row) for r in plan.rows if r.action == "error"})
        errors, warnings = len(plan.errors), len(plan.warnings)
        if not errors and not warnings:
            text = f"No problems: all {counted(rows, 'row')} can be imported."
        else:
            parts = [counted(n, word) for n, word in ((errors, "error"), (warnings, "warning"))
                     if n]
            text = f"{' and '.join(parts)} in {counted(rows, 'row')}."
            if errors:
                text += (f" {counted(blocked, 'row')} with errors "
                         + ("will be skipped." if self.flow.skip_invalid
                            else "must be corrected or skipped before anything is imported."))
            else:
                text += " Warnings do not stop the import."
        self.summary.setText(text)
        self.hint.setVisible(bool(errors))
        self.hint.setText(
            "Correct these rows in the workbook and choose it again, or skip them: the other "
            "rows are imported." if self.flow.liaison_workbook else
            "Double-click an error to correct its value here (the file itself is not changed), "
            "or skip the rows with errors.")
        self.skip.setVisible(bool(errors) or self.flow.skip_invalid)
        self.report_button.setEnabled(bool(errors or warnings))
        self.completeChanged.emit()

    def _show_detail(self) -> None:
        """The whole message of the problem under the cursor: the table cuts long ones."""
        problem = self.table.current_record()
        if not isinstance(problem, Problem):
            self.detail.clear()
            return
        note = problem.note
        where = ", ".join(part for part in (
            note.sheet, f"row {note.row}" if note.row else "",
            f"column “{note.column}”" if note.column else "") if part)
        self.detail.setText(f"{where}: {note.message}")

    def _skip_toggled(self, on: bool) -> None:
        self.flow.set_skip_invalid(on)
        self.refresh()

    # -- correcting a value in place -------------------------------------------------------
    def column_index(self, problem: Problem) -> int | None:
        """The 0-based column of the cell a problem points at, when it points at one."""
        plan = self.flow.plan
        column = problem.note.column
        if plan is None or not column or not plan.headers:
            return None
        labels = {i: (plan.headers[i] if i < len(plan.headers) and plan.headers[i]
                      else f"column {i + 1}") for i in plan.mapping}
        return next((i for i, label in labels.items() if label == column), None)

    def cell_value(self, row: int, column: int) -> Any:
        flow = self.flow
        if (row, column) in flow.fixes:
            return flow.fixes[(row, column)]
        rows = flow.preview.rows if flow.preview is not None else []
        if row > len(rows) and flow.facts is not None:
            try:
                with WaitCursor(), open_source(flow.facts.path) as source:
                    rows = source.read(flow.sheet, limit=row).rows
            except LiaisonError:
                return None
        cells = rows[row - 1] if 0 < row <= len(rows) else []
        return cells[column] if column < len(cells) else None

    def fix(self, problem: Problem) -> None:
        if not problem.is_error:
            return
        note = problem.note
        column = self.column_index(problem)
        if note.row is None or column is None:
            where = "the workbook" if self.flow.liaison_workbook else "the file"
            self.notice.show_message("This problem is not in one cell Liaison can correct here. "
                                     f"Correct it in {where} and choose it again, or skip the "
                                     "rows with errors.", "warning")
            return
        current = cell_text(self.cell_value(note.row, column), None)
        value = self.flow.ask_text(
            "Correct the value",
            f"Row {note.row}, column “{note.column}”:\n{note.message}\n\nNew value:", current)
        if value is None:
            return
        self.flow.fixes[(note.row, column)] = value.strip() or None
        self.flow.build_plan(self.refresh)

    def isComplete(self) -> bool:
        plan = self.flow.plan
        job = self.flow.plan_job
        return plan is not None and plan.can_apply and not (job is not None and job.running)

    def validatePage(self) -> bool:
        return self.flow.build_then_next()

    def nextId(self) -> int:
        from desktop.dialogs.import_wizard import REVIEW

        return REVIEW


FILTERS = (("all", "All rows", None), ("create", "To create", ("create",)),
           ("update", "To update", ("update",)),
           ("unchanged", "Already in Liaison, unchanged", ("unchanged",)),
           ("conflict", "Conflicts", ("conflict",)), ("skip", "Skipped", ("skip",)),
           ("error", "Not imported (errors)", ("error",)))


class ReviewPage(WizardStep):
    def __init__(self, flow: ImportWizard) -> None:
        super().__init__(flow, "Review", "What the import will do. Nothing has been written "
                         "yet; “Import” writes it all in one step, which you can undo.")
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, "&Import")
        self.summary = QLabel()
        self.summary.setObjectName("review_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.filter = QComboBox()
        self.filter.setObjectName("review_filter")
        self.filter.currentIndexChanged.connect(self._filter_changed)
        self.expand_button = QPushButton("E&xpand all")
        self.expand_button.clicked.connect(self.expand_all)
        self.collapse_button = QPushButton("&Collapse all")
        self.collapse_button.clicked.connect(self.collapse_all)
        top = QHBoxLayout()
        label = QLabel("&Show:")
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
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.conflicts_note = NoticeLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.conflicts_note)
        layout.addWidget(self.notice)

    def initializePage(self) -> None:
        plan = self.flow.plan
        if plan is None:
            return
        counts: Counter[str] = Counter(row.action for row in plan.rows)
        self.filter.blockSignals(True)
        self.filter.clear()
        for key, label, actions in FILTERS:
            count = len(plan.rows) if actions is None else sum(counts[a] for a in actions)
            if actions is None or count:
                self.filter.addItem(f"{label} ({count:,})", key)
        self.filter.setCurrentIndex(0)
        self.filter.blockSignals(False)
        self.model.set_plan(plan.rows, self.flow.names, several_sheets=len(plan.sheets) > 1)
        self.tree.setColumnWidth(0, 70 if len(plan.sheets) <= 1 else 130)
        self.tree.setColumnWidth(1, 170)
        self.tree.setColumnWidth(2, 100)
        self.tree.setColumnWidth(3, 300)
        self.tree.setColumnHidden(2, len({row.entity for row in plan.rows}) <= 1)
        self.summary.setText(self.describe(plan))
        self._open_changes()
        conflicts = counts["conflict"]
        if conflicts:
            self.conflicts_note.show_message(
                f"{counted(conflicts, 'row')} changed both in the file and in Liaison since the "
                "export. They are not imported: compare the fields (Liaison's value, then the "
                "file's) and make the change in Liaison by hand where the file is right.",
                "warning")
        else:
            self.conflicts_note.clear()
        if not plan.writes:
            self.notice.show_message("Nothing to import: the file holds nothing that Liaison "
                                     "does not already have. Click Finish to close.", "info")
        else:
            self.notice.clear()

    def describe(self, plan: Plan) -> str:
        tally: Counter[tuple[str, str]] = Counter((row.entity, row.action) for row in plan.rows)
        entities = list(dict.fromkeys(row.entity for row in plan.rows))

        def phrase(action: str) -> str:
            return ", ".join(plural(tally[(e, action)], e) for e in entities if tally[(e, action)])

        parts = []
        for action, words in (("create", "to create"), ("update", "to update")):
            if phrase(action):
                parts.append(f"<b>{phrase(action)}</b> {words}")
        for action, words in (("unchanged", "already in Liaison and unchanged"),
                              ("skip", "skipped"), ("conflict", "in conflict"),
                              ("error", "not imported because of errors")):
            if phrase(action):
                parts.append(f"{phrase(action)} {words}")
        file_name = plan.file_name
        return f"<b>{file_name}</b>: " + ("; ".join(parts) or "no rows") + "."

    def _filter_changed(self, _index: int) -> None:
        key = self.filter.currentData()
        actions = next((a for k, _label, a in FILTERS if k == key), None)
        self.model.set_filter(actions)
        self._open_changes()

    def _open_changes(self) -> None:
        """Show what changes without a click, when that is a screenful or so."""
        rows = self.model.rows
        changing = [n for n, row in enumerate(rows) if row.action in ("update", "conflict")]
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

    def isComplete(self) -> bool:
        return self.flow.plan is not None and self.flow.plan.can_apply

    def nextId(self) -> int:
        from desktop.dialogs.import_wizard import IMPORT

        plan = self.flow.plan
        return IMPORT if plan is not None and plan.writes else -1
