"""A visit's own window: a header with its dates, direction, status, place and sides; tabs
for its Profile (editable: title, direction, status, dates, country, host and guest, purpose,
outcomes, notes), the Delegations on each side, the Programme day by day, the Gifts and the
History. Print briefing… and Save briefing as PDF… make the briefing pack
(desktop/briefing.py). Opened with context.open_visit(id), or with no id for a new visit
(`initial` pre-fills the form, e.g. {"title": "…", "direction": "inbound"})."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolBar

from db.models.vocabulary import VISIT_DIRECTIONS, VISIT_STATUSES, Term
from db.services import visits
from db.services.similarity import SimilarRecord
from db.services.visits import VisitRecord
from desktop.context import AppContext
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.icons import icon
from desktop.jobs.worker import Answer
from desktop.naming import display_name
from desktop.readable import date_text
from desktop.views import visit_briefing
from desktop.views.history import HistoryTab
from desktop.views.record_page import RecordPage
from desktop.views.visit_lists import gift_kind, member_kind
from desktop.widgets.form import FieldSpec, RecordForm
from desktop.widgets.programme_editor import ProgrammeEditor
from desktop.widgets.visit_entries import EntriesTab
from desktop.widgets.visit_fields import VISIT_FIELDS, VisitForm

# The sentences of RecordPage that name the kind of record, for a visit.
TEXTS: Mapping[str, str] = {
    "delete": QT_TRANSLATE_NOOP("VisitPage", "Delete visit…"),
    "delete tip": QT_TRANSLATE_NOOP("VisitPage", "Delete this visit with its delegations, "
                                                 "programme and gifts (Del); Ctrl+Z undoes it"),
    "delete title": QT_TRANSLATE_NOOP("VisitPage", "Delete visit"),
    "new": QT_TRANSLATE_NOOP("VisitPage", "New visit"),
    "the new": QT_TRANSLATE_NOOP("VisitPage", "The new visit"),
    "deleted": QT_TRANSLATE_NOOP("VisitPage", "This visit has been deleted. Undo (Ctrl+Z) "
                                              "brings it back."),
    "conflict": QT_TRANSLATE_NOOP("VisitPage", "{who} changed this visit while you were "
                                               "editing it. Your edits are still in the form "
                                               "and were not saved."),
    "changed elsewhere": QT_TRANSLATE_NOOP("VisitPage", "This visit was changed elsewhere "
                                                        "while you were editing it."),
}


def term_text(vocabulary: Mapping[str, Term], code: str | None) -> str | None:
    term = vocabulary.get(code or "")
    return term.label() if term else None


def dates_text(start: Any, end: Any) -> str:
    if end is None or end == start:
        return date_text(start)
    return f"{date_text(start)} – {date_text(end)}"


class VisitPage(RecordPage):
    entity = "visit"
    noun = "visit"
    header_icon = "plane-takeoff"
    header_entities = frozenset({"organization", "visit member", "programme item", "gift"})

    def __init__(self, context: AppContext, visit_id: str | None,
                 initial: dict[str, Any] | None = None) -> None:
        super().__init__(context, visit_id, initial)

    def text(self, key: str) -> str:
        return translate("VisitPage", TEXTS[key])

    # -- tabs ------------------------------------------------------------------------------
    def build_tabs(self) -> None:
        self.members = EntriesTab(self.context, member_kind(self.context))
        self.members.table.set_widths(90, 150, 230, 260, 200)
        self.add_tab(self.members, translate("VisitPage", "&Delegations"), "users",
                     self.members.reload, ("visit member", "person", "organization"))
        self.programme = ProgrammeEditor(self.context)
        self.programme.setObjectName("programme")
        self.add_tab(self.programme, translate("VisitPage", "P&rogramme"), "calendar-days",
                     self._show_programme, ("programme item", "visit"))
        self.gifts = EntriesTab(self.context, gift_kind(self.context))
        self.gifts.table.set_widths(110, 320, 190, 220, 160)
        self.add_tab(self.gifts, translate("VisitPage", "&Gifts"), "sparkles",
                     self.gifts.reload, ("gift", "person", "organization"))
        self.history_tab = HistoryTab(self.context)
        self.add_tab(self.history_tab, translate("VisitPage", "&History"), "history",
                     self.history_tab.reload, ("visit",))

    def add_toolbar_actions(self, toolbar: QToolBar) -> None:
        self.print_action = QAction(icon("presentation"),
                                    translate("VisitPage", "Print briefing…"), self)
        self.print_action.setToolTip(translate(
            "VisitPage", "Print the briefing pack: the programme and a page on every "
                         "counterpart, as saved"))
        self.print_action.triggered.connect(lambda _checked=False: self.print_briefing())
        self.pdf_action = QAction(icon("download"),
                                  translate("VisitPage", "Save briefing as PDF…"), self)
        self.pdf_action.setToolTip(translate(
            "VisitPage", "Save the briefing pack — the programme and a page on every "
                         "counterpart, as saved — as a PDF"))
        self.pdf_action.triggered.connect(lambda _checked=False: self.save_briefing())
        toolbar.addSeparator()
        toolbar.addAction(self.print_action)
        toolbar.addAction(self.pdf_action)

    def _briefing_ready(self) -> bool:
        return self.record is not None and not self.is_deleted

    def save_briefing(self) -> Answer | None:
        if not self._briefing_ready():
            return None
        return visit_briefing.save_briefing_pdf(self.context, self, self.record.id,
                                                self.record.title)

    def print_briefing(self) -> Answer | None:
        if not self._briefing_ready():
            return None
        return visit_briefing.print_briefing_pack(self.context, self, self.record.id)

    def _start_new(self) -> None:
        super()._start_new()
        self.print_action.setEnabled(False)
        self.pdf_action.setEnabled(False)

    def _show_deleted(self) -> None:
        super()._show_deleted()
        self.print_action.setEnabled(False)
        self.pdf_action.setEnabled(False)

    def _show_programme(self) -> None:
        if self.record_id is not None:
            self.programme.show_visit(self.record_id)

    def _loaded(self, record: Any) -> None:
        self.history_tab.table.record_id = record.id
        self.members.set_visit(record.id)
        self.gifts.set_visit(record.id)
        self.print_action.setEnabled(True)
        self.pdf_action.setEnabled(True)
        super()._loaded(record)

    # -- reading and writing ---------------------------------------------------------------
    def make_form(self) -> RecordForm:
        return VisitForm(self.field_specs(), self.countries, self.database,
                         self.context.name_preference())

    def field_specs(self) -> list[FieldSpec]:
        return VISIT_FIELDS

    def defaults(self) -> dict[str, Any]:
        return {"direction": "inbound", "status": "planned"}

    def fetch(self, record_id: str) -> VisitRecord:
        return visits.get_visit(self.database, record_id)

    def form_values(self, record: VisitRecord) -> dict[str, Any]:
        return {spec.key: getattr(record, spec.key) for spec in VISIT_FIELDS}

    def create_record(self, data: dict[str, Any]) -> VisitRecord:
        return visits.create_visit(self.database, data, self.context.actor())

    def update_record(self, changes: dict[str, Any], version: int) -> VisitRecord:
        assert self.record_id is not None
        return visits.update_visit(self.database, self.record_id, changes,
                                   expected_version=version, actor=self.context.actor())

    def delete_record(self, record_id: str) -> None:
        visits.delete_visit(self.database, record_id, actor=self.context.actor())

    def restore_record(self, record_id: str) -> None:
        visits.restore_visit(self.database, record_id, actor=self.context.actor())

    def find_similar(self, data: dict[str, Any]) -> list[SimilarRecord]:
        return []  # a visit is told apart by its dates and sides, not by a look-alike name

    def open_existing(self, record_id: str) -> None:
        self.context.open_visit(record_id)

    # -- header ----------------------------------------------------------------------------
    def display_name(self, record: VisitRecord) -> str:
        return record.title

    def header_lines(self, record: VisitRecord) -> tuple[str, str]:
        preference = self.context.name_preference()
        from db.services.timeline import record_names

        names = record_names(self.database, [record.host_id, record.guest_id])
        sides = []
        for label, key in ((translate("VisitPage", "Host: {name}"), record.host_id),
                           (translate("VisitPage", "Guest: {name}"), record.guest_id)):
            found = names.get(key or "")
            if found is not None:
                sides.append(label.format(name=display_name(found, preference)))
        facts = [f"<b>{html.escape(dates_text(record.start, record.end))}</b>"]
        for vocabulary, code in ((VISIT_DIRECTIONS, record.direction),
                                 (VISIT_STATUSES, record.status)):
            shown = term_text(vocabulary, code)
            if shown:
                facts.append(html.escape(shown))
        if record.country:
            facts.append(html.escape(self.country_names.get(record.country, record.country)))
        return "  ·  ".join(sides), "  ·  ".join(facts)
