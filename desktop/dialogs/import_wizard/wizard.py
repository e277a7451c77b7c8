"""The import wizard: a colleague's spreadsheet (or a Liaison workbook brought back from a trip)
into the database, with everything shown before anything is written.

File → Sheet → Header and kind → Columns → Check → Review → Import → Result. A Liaison
workbook skips the mapping (its headers are Liaison's own) and goes straight to Review, or to
Check when some of its rows have problems. The plan (db.exchange.imports.importer.build_plan, which
writes nothing) is built on a worker thread whenever the user moves on from a page that
changed it; the import itself runs as one transaction that Cancel rolls back.

The wizard holds the choices made so far; each page (import_pages, import_columns,
import_check, import_review, import_run) reads and sets them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QWidget, QWizard

from db.changes.dates import DayOrder
from db.exchange.imports.importer import ImportResult, SheetPreview, build_plan
from db.exchange.imports.plan import FieldConflict, ImportOptions, Plan, Policy, Resolution, RowPlan
from db.services.followups import get_followup
from db.services.interactions import get_interaction
from db.services.pages import countries
from db.services.timeline import record_names
from db.services.topics import topics
from db.store.engine import Database
from db.store.errors import LiaisonError
from desktop.context import AppContext
from desktop.dialogs.import_wizard.common import (
    CHECK,
    COLUMNS,
    FILE,
    FILE_FILTER,
    HEADER,
    IMPORT,
    RESULT,
    REVIEW,
    SHEET,
    FileFacts,
)
from desktop.errors import show_problem
from desktop.i18n import translate
from desktop.jobs.worker import Job
from desktop.naming import display_name
from desktop.qtmodels.import_plan import ConflictChoices, ConflictKey

# Titles of interactions and follow-ups matched by the plan are looked up one by one: enough
# for any review a person reads, not a hundred thousand queries for a re-imported archive.
TITLE_LOOKUPS = 300


@dataclass(frozen=True)
class PlanReady:
    """The last step of a plan job: the plan and readable names for the ids it holds."""

    plan: Plan
    names: dict[str, str] = field(default_factory=dict)


def _label(row: RowPlan) -> str | None:
    for key in ("name", "title", "description"):
        if row.values.get(key):
            return str(row.values[key])
    return None


def plan_names(db: Database, plan: Plan, preference: str = "original") -> dict[str, str]:
    """Id → readable name for every record the plan creates, matches or refers to, plus
    topic names and "country:CODE" → country name."""
    names: dict[str, str] = {}
    organizations: set[str] = set()
    people: set[str] = set()
    titles: list[tuple[str, str]] = []  # (entity, id) of interactions and follow-ups

    def refer(field_name: str, value: Any) -> None:
        if field_name == "participants":
            for item in value or ():
                if isinstance(item, list | tuple) and len(item) == 3:
                    if item[0]:
                        organizations.add(item[0])
                    if item[1]:
                        people.add(item[1])
        elif field_name == "organization_id" and value:
            organizations.add(str(value))
        elif field_name == "person_id" and value:
            people.add(str(value))
        elif field_name == "interaction_id" and value:
            titles.append(("interaction", str(value)))

    for row in plan.rows:
        label = _label(row)
        if row.id and label and row.action == "create":
            names[row.id] = " ".join(label.split())
        elif row.id and row.action != "error":
            if row.entity == "organization":
                organizations.add(row.id)
            elif row.entity == "person":
                people.add(row.id)
            elif row.entity in ("interaction", "followup") and not label:
                titles.append((row.entity, row.id))
        for source in (row.values, row.links):
            for key, value in source.items():
                refer(key, value)
        for change in row.changes:
            refer(change.field, change.before)
            refer(change.field, change.after)
    for record_id, record in record_names(db, organizations - names.keys(),
                                          people - names.keys()).items():
        names[record_id] = display_name(record, preference)
    for entity, record_id in list(dict.fromkeys(titles))[:TITLE_LOOKUPS]:
        if record_id in names:
            continue
        try:
            names[record_id] = (get_interaction(db, record_id).title if entity == "interaction"
                                else get_followup(db, record_id).description)
        except LiaisonError:  # deleted since: the id itself will do
            continue
    for topic in topics(db):
        names[topic.id] = topic.name_zh if preference == "zh" and topic.name_zh else topic.name_en
    for country in countries(db):
        names[f"country:{country.code}"] = (country.name_zh if preference == "zh" and
                                            country.name_zh else country.name_en)
    return names


class ImportWizard(QWizard):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        from desktop.dialogs.import_wizard.check import CheckPage
        from desktop.dialogs.import_wizard.columns import ColumnsPage
        from desktop.dialogs.import_wizard.pages import FilePage, HeaderPage, SheetPage
        from desktop.dialogs.import_wizard.review import ReviewPage
        from desktop.dialogs.import_wizard.run import ImportPage, ResultPage

        super().__init__(parent)
        self.context = context
        self.setObjectName("import_wizard")
        self.setWindowTitle(translate("ImportWizard", "Import a spreadsheet"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setOption(QWizard.WizardOption.NoDefaultButton, False)
        self.resize(1000, 700)
        # The choices so far.
        self.facts: FileFacts | None = None
        self.sheet: str | None = None
        self.preview: SheetPreview | None = None
        self.header_row: int | None = None
        self.kind: str = "organizations"
        self.event_id: str | None = None  # kind "invitations": the event they are to
        self.mapping: dict[int, str | None] = {}
        self.mapping_for: tuple[Any, ...] | None = None  # (sheet, header row, kind) mapped
        self.on_duplicate: Policy = "skip"
        self.clear_empty = False
        self.day_order: DayOrder = None
        self.fixes: dict[tuple[int, int], Any] = {}
        self.skip_invalid = False
        # A Liaison workbook: picks for fields changed both in the file and in Liaison, and
        # whether the records removed from the file are deleted.
        self.resolutions: dict[ConflictKey, Resolution] = {}
        self.conflict_default: Resolution | None = None
        self.apply_deletions = False
        self.known_conflicts: dict[ConflictKey, FieldConflict] = {}  # met in this file so far
        # What the work produced.
        self.plan: Plan | None = None
        self.plan_options: ImportOptions | None = None
        self.names: dict[str, str] = {}
        self.imported: ImportResult | None = None  # once the import is written
        self.plan_job: Job | None = None

        self.file_page = FilePage(self)
        self.sheet_page = SheetPage(self)
        self.header_page = HeaderPage(self)
        self.columns_page = ColumnsPage(self)
        self.check_page = CheckPage(self)
        self.review_page = ReviewPage(self)
        self.import_page = ImportPage(self)
        self.result_page = ResultPage(self)
        for number, page in ((FILE, self.file_page), (SHEET, self.sheet_page),
                             (HEADER, self.header_page), (COLUMNS, self.columns_page),
                             (CHECK, self.check_page), (REVIEW, self.review_page),
                             (IMPORT, self.import_page), (RESULT, self.result_page)):
            self.setPage(number, page)
        self.setStartId(FILE)

    # -- questions to the user (tests replace these) -------------------------------------
    def choose_file(self) -> str:
        """The file to import, or "" when the user cancels."""
        start = str(self.facts.path.parent) if self.facts else str(Path.home())
        path, _filter = QFileDialog.getOpenFileName(
            self, translate("ImportWizard", "Choose the spreadsheet to import"), start,
            translate("ImportWizard", FILE_FILTER))
        return path

    def choose_report_path(self) -> str:
        suggested = Path.home() / "import-report.xlsx"
        if self.facts is not None:
            suggested = self.facts.path.with_name(
                translate("ImportWizard", "{name} - import report.xlsx").format(
                    name=self.facts.path.stem))
        path, _filter = QFileDialog.getSaveFileName(
            self, translate("ImportWizard", "Save a report of the skipped rows"), str(suggested),
            translate("ImportWizard", "Excel workbook (*.xlsx)"))
        if path and not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        return path

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        """One line of text from the user; None when they cancel."""
        value, ok = QInputDialog.getText(self, title, label, QLineEdit.EchoMode.Normal, text)
        return value if ok else None

    # -- choices → options -----------------------------------------------------------------
    @property
    def liaison_workbook(self) -> bool:
        return self.facts is not None and self.facts.liaison_workbook

    def import_options(self) -> ImportOptions:
        if self.liaison_workbook:
            return ImportOptions(kind="workbook", skip_invalid=self.skip_invalid,
                                 day_order=self.day_order, resolutions=dict(self.resolutions),
                                 conflict_default=self.conflict_default,
                                 apply_deletions=self.apply_deletions)
        text_table = self.facts is not None and self.facts.format in ("csv", "tsv")
        return ImportOptions(kind=self.kind, sheet=self.sheet, header_row=self.header_row,
                             event_id=self.event_id if self.kind == "invitations" else None,
                             mapping=dict(self.mapping), day_order=self.day_order,
                             on_duplicate=self.on_duplicate, skip_invalid=self.skip_invalid,
                             clear_empty=self.clear_empty, fixes=dict(self.fixes),
                             encoding=self.facts.encoding if text_table and self.facts
                             else None)

    def plan_is_fresh(self) -> bool:
        return self.plan is not None and self.plan_options == self.import_options()

    def set_skip_invalid(self, skip: bool) -> None:
        """Skipping rows with errors decides only whether the plan may be applied (its rows
        are classified the same either way), so the plan is kept rather than rebuilt."""
        fresh = self.plan_is_fresh()
        self.skip_invalid = skip
        if self.plan is not None:
            self.plan = replace(self.plan, options=replace(self.plan.options, skip_invalid=skip))
            if fresh:  # a plan still being built for other choices stays out of date
                self.plan_options = self.import_options()

    def set_apply_deletions(self, apply: bool) -> None:
        """Whether the records removed from a Liaison workbook are deleted. Like skipping
        invalid rows, it decides only what applying the plan writes — the rows are planned
        the same either way — so the plan is kept rather than read from the file again."""
        fresh = self.plan_is_fresh()
        self.apply_deletions = apply
        if self.plan is not None:
            self.plan = replace(self.plan,
                                options=replace(self.plan.options, apply_deletions=apply))
            if fresh:
                self.plan_options = self.import_options()

    def choose(self, keys: list[ConflictKey], pick: Resolution) -> None:
        """The user's value for these conflicting fields; the plan must be built again."""
        for key in keys:
            self.resolutions[key] = pick

    def conflict_choices(self) -> ConflictChoices:
        return ConflictChoices(dict(self.known_conflicts), dict(self.resolutions),
                               self.conflict_default)

    def forget_choices(self) -> None:
        """A new file: nothing picked, nothing deleted."""
        self.resolutions = {}
        self.conflict_default = None
        self.apply_deletions = False
        self.known_conflicts = {}

    # -- the plan, built off the UI thread --------------------------------------------------
    def build_plan(self, on_ready: Callable[[], None]) -> Job | None:
        """Build the plan for the current choices; `on_ready` runs once it is stored. A problem
        that stops the plan (no column holds a name…) is shown on the current page."""
        if self.facts is None:
            return None
        if self.plan_job is not None and self.plan_job.running:
            return self.plan_job
        database = self.context.database
        path = self.facts.path
        options = self.import_options()
        preference = self.context.name_preference()
        # Translated here, on the UI thread; the steps run on a worker thread.
        reading = translate("ImportWizard", "Reading the file…")
        looking_up = translate("ImportWizard", "Looking up the records it names…")
        checked = translate("ImportWizard", "Checked.")

        def steps(cancelled: Callable[[], bool]) -> Iterator[Any]:
            yield reading
            plan = build_plan(database, path, options, cancelled=cancelled)
            yield looking_up
            yield PlanReady(plan, plan_names(database, plan, preference))

        def describe(step: Any) -> tuple[int, int, str]:
            return (1, 1, checked) if isinstance(step, PlanReady) else (0, 0, str(step))

        def ready(step: PlanReady) -> None:
            self.plan = step.plan
            for row in step.plan.conflicts:  # the values as first met, before any pick
                for conflict in row.conflicts:
                    self.known_conflicts.setdefault((row.id or "", conflict.field), conflict)
            self.names = step.names
            self.plan_options = options
            on_ready()

        self.plan_job = Job(self, translate("ImportWizard", "Checking the file"), steps,
                            describe, on_success=ready,
                            on_failure=self.plan_failed)
        return self.context.start(self.plan_job)

    def plan_failed(self, exc: BaseException) -> None:
        if isinstance(exc, InterruptedError):
            return
        if not isinstance(exc, LiaisonError):
            raise exc
        page = self.currentPage()
        show_error = getattr(page, "show_error", None)
        if callable(show_error):
            show_error(exc.message)
        else:
            show_problem(self, exc)

    def build_then_next(self) -> bool:
        """For a page's validatePage: True when the plan is up to date; otherwise build it
        and move on by itself once it is ready."""
        if self.plan_is_fresh():
            return True
        self.build_plan(self.next)
        return False

    # -- closing -----------------------------------------------------------------------------
    def reject(self) -> None:
        """Cancel (or Esc) during the import cancels the import, not the window."""
        if self.import_page.running:
            self.import_page.cancel()
            return
        super().reject()


def open_import_wizard(context: AppContext, parent: QWidget | None = None) -> ImportWizard:
    wizard = ImportWizard(context, parent)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.setWindowModality(Qt.WindowModality.WindowModal)
    wizard.show()
    return wizard
