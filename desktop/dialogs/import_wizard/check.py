"""The Check page of the import wizard: every problem the plan found (errors block their row,
warnings do not), where the user corrects a cell in place or skips the rows with errors."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from db.exchange.reading.readers import open_source
from db.store.errors import LiaisonError
from desktop.dialogs.import_wizard.step import WaitCursor, WizardStep, counted
from desktop.i18n import translate
from desktop.icons import icon
from desktop.qtmodels.import_plan import Problem, problem_columns, problems_of
from desktop.qtmodels.import_preview import cell_text
from desktop.qtmodels.records import RecordListModel
from desktop.widgets.record_table import RecordTable

if TYPE_CHECKING:
    from desktop.dialogs.import_wizard.wizard import ImportWizard


class CheckPage(WizardStep):
    def __init__(self, flow: ImportWizard) -> None:
        super().__init__(flow, translate("ImportCheck", "Check"),
                         translate("ImportCheck", "Every problem Liaison found in the file, by "
                                   "sheet, row and column. Nothing has been written yet."))
        self.summary = QLabel()
        self.summary.setObjectName("check_summary")
        self.summary.setWordWrap(True)
        self.model = RecordListModel(problem_columns())
        self.table = RecordTable(self.model, self)
        self.table.setObjectName("problems")
        self.table.set_widths(90, 120, 60, 140)
        self.table.set_placeholder(translate("ImportCheck",
                                             "No problems: every row can be imported."))
        self.table.opened.connect(self.fix)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        self.detail = QLabel()
        self.detail.setObjectName("problem_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint = QLabel(translate("ImportCheck", "Double-click an error to correct its value "
                                     "here (the file itself is not changed), or skip the rows "
                                     "with errors."))
        self.hint.setWordWrap(True)
        self.skip = QCheckBox(translate("ImportCheck",
                                        "S&kip rows with errors and import the others"))
        self.skip.setObjectName("skip_invalid")
        self.skip.toggled.connect(self._skip_toggled)
        self.report_button = QPushButton(icon("download"),
                                         translate("ImportCheck", "Save the &list of problems…"))
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
            text = counted(rows,
                           translate("ImportCheck", "No problems: all 1 row can be imported."),
                           translate("ImportCheck", "No problems: all {n:,} rows can be imported."))
        else:
            in_rows = counted(rows, translate("ImportCheck", "1 row"),
                              translate("ImportCheck", "{n:,} rows"))
            error_words = counted(errors, translate("ImportCheck", "1 error"),
                                  translate("ImportCheck", "{n:,} errors"))
            warning_words = counted(warnings, translate("ImportCheck", "1 warning"),
                                    translate("ImportCheck", "{n:,} warnings"))
            if errors and warnings:
                text = translate("ImportCheck", "{errors} and {warnings} in {rows}.")
            elif errors:
                text = translate("ImportCheck", "{errors} in {rows}.")
            else:
                text = translate("ImportCheck", "{warnings} in {rows}.")
            text = text.format(errors=error_words, warnings=warning_words, rows=in_rows)
            if errors and self.flow.skip_invalid:
                then = counted(blocked, translate("ImportCheck",
                                                  "1 row with errors will be skipped."),
                               translate("ImportCheck",
                                         "{n:,} rows with errors will be skipped."))
            elif errors:
                then = counted(blocked, translate(
                    "ImportCheck", "1 row with errors must be corrected or skipped before "
                    "anything is imported."), translate(
                    "ImportCheck", "{n:,} rows with errors must be corrected or skipped before "
                    "anything is imported."))
            else:
                then = translate("ImportCheck", "Warnings do not stop the import.")
            text += " " + then
        self.summary.setText(text)
        self.hint.setVisible(bool(errors))
        self.hint.setText(translate(
            "ImportCheck", "Correct these rows in the workbook and choose it again, or skip "
            "them: the other rows are imported.") if self.flow.liaison_workbook else translate(
            "ImportCheck", "Double-click an error to correct its value here (the file itself is "
            "not changed), or skip the rows with errors."))
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
            note.sheet,
            translate("ImportCheck", "row {row}").format(row=note.row) if note.row else "",
            translate("ImportCheck", "column “{column}”").format(column=note.column)
            if note.column else "") if part)
        self.detail.setText(translate("ImportCheck", "{where}: {message}").format(
            where=where, message=note.message))

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
        named = {i: plan.headers[i] for i in plan.mapping
                 if i < len(plan.headers) and plan.headers[i]}
        found = next((i for i, header in named.items() if header == column), None)
        if found is not None:
            return found
        # A column without a name is called by its number ("column 3", in db's words and
        # language).
        numbers = re.findall(r"\d+", column)
        if len(numbers) == 1:
            index = int(numbers[0]) - 1
            if index in plan.mapping and index not in named:
                return index
        return None

    def cell_value(self, row: int, column: int) -> Any:
        flow = self.flow
        if (row, column) in flow.fixes:
            return flow.fixes[(row, column)]
        rows = flow.preview.rows if flow.preview is not None else []
        if row > len(rows) and flow.facts is not None:
            try:
                with WaitCursor(), open_source(flow.facts.path, flow.facts.encoding) as source:
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
            self.notice.show_message(translate(
                "ImportCheck", "This problem is not in one cell Liaison can correct here. "
                "Correct it in the workbook and choose it again, or skip the rows with errors.")
                if self.flow.liaison_workbook else translate(
                "ImportCheck", "This problem is not in one cell Liaison can correct here. "
                "Correct it in the file and choose it again, or skip the rows with errors."),
                "warning")
            return
        current = cell_text(self.cell_value(note.row, column), None)
        value = self.flow.ask_text(
            translate("ImportCheck", "Correct the value"),
            translate("ImportCheck", "Row {row}, column “{column}”:\n{message}\n\nNew value:")
            .format(row=note.row, column=note.column, message=note.message), current)
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
        from desktop.dialogs.import_wizard.common import REVIEW

        return REVIEW
