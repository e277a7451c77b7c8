"""An organization's own window: a header with all its names, country, kind, status and
relationship level; tabs for its Profile (editable), People (positions over time), Timeline
(interactions), Follow-ups and History. Opened with context.open_organization(id), or with no
id for a new organization (`initial` pre-fills the form, e.g. {"name": "…"})."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QToolBar

from db.models.vocabulary import ORGANIZATION_KINDS, POLITICAL_STATUSES, RELATIONSHIP_LEVELS, Term
from db.services import organizations
from db.services.organizations import OrganizationRecord
from db.services.similarity import SimilarRecord, find_similar
from desktop import exporting
from desktop.context import AppContext
from desktop.i18n import translate
from desktop.icons import icon
from desktop.jobs.worker import Job
from desktop.naming import chinese, display_name, distinct, other_names
from desktop.readable import date_text
from desktop.views.history import HistoryTab
from desktop.views.organization_followups import FollowUpsTab
from desktop.views.organization_levels import LevelsTab
from desktop.views.positions import PositionsTab
from desktop.views.record_events import EventsTab
from desktop.views.record_page import RecordPage
from desktop.views.timeline import TimelineTab, record_interaction_action
from desktop.widgets.form import FieldSpec
from desktop.widgets.record_fields import ORGANIZATION_FIELDS as FIELDS


def term_text(vocabulary: Mapping[str, Term], code: str | None) -> str | None:
    term = vocabulary.get(code or "")
    return term.label() if term else None


class OrganizationPage(RecordPage):
    entity = "organization"
    noun = "organization"
    header_icon = "building-2"

    def __init__(self, context: AppContext, organization_id: str | None,
                 initial: dict[str, Any] | None = None) -> None:
        self.dossier_job: Job | None = None
        super().__init__(context, organization_id, initial)

    # -- tabs ------------------------------------------------------------------------------
    def build_tabs(self) -> None:
        self.people_tab = PositionsTab(self.context, "organization")
        self.add_tab(self.people_tab, translate("OrganizationPage", "P&eople"), "users",
                     self.people_tab.reload,
                     ("affiliation", "person"))
        self.timeline_tab = TimelineTab(self.context, "organization", self.country_names)
        self.add_tab(self.timeline_tab, translate("OrganizationPage", "&Timeline"),
                     "calendar-days", self.timeline_tab.reload,
                     ("interaction", "organization", "person"))
        self.followups_tab = FollowUpsTab(self.context)
        self.add_tab(self.followups_tab, translate("OrganizationPage", "&Follow-ups"),
                     "list-checks", self.followups_tab.reload,
                     ("followup", "interaction"))
        self.events_tab = EventsTab(self.context, "organization")
        self.add_tab(self.events_tab, translate("OrganizationPage", "E&vents"), "globe",
                     self.events_tab.reload, ("event", "invitation", "delegate"))
        self.levels_tab = LevelsTab(self.context)
        self.add_tab(self.levels_tab, translate("OrganizationPage", "&Level"), "flag",
                     self.levels_tab.reload, ("level change", "organization"))
        self.history_tab = HistoryTab(self.context)
        self.add_tab(self.history_tab, translate("OrganizationPage", "&History"), "history",
                     self.history_tab.reload,
                     ("organization",))

    def add_toolbar_actions(self, toolbar: QToolBar) -> None:
        self.record_action = record_interaction_action(
            self, self.timeline_tab,
            translate("OrganizationPage", "Record an interaction with this organization"))
        self.dossier_action = QAction(icon("download"),
                                      translate("OrganizationPage", "Export dossier…"), self)
        self.dossier_action.setToolTip(translate(
            "OrganizationPage", "Save this organization's profile, people, timeline and "
                                "follow-ups, as saved, as an Excel workbook (.xlsx)"))
        self.dossier_action.triggered.connect(lambda _checked=False: self.export_dossier())
        toolbar.addSeparator()
        toolbar.addAction(self.record_action)
        toolbar.addAction(self.dossier_action)

    def _loaded(self, record: Any) -> None:
        self.people_tab.set_owner(record.id, self.display_name(record))
        self.timeline_tab.set_owner(record.id)
        self.events_tab.set_owner(record.id)
        self.followups_tab.set_owner(record.id)
        self.levels_tab.set_owner(record.id)
        self.history_tab.record_id = record.id
        self.record_action.setEnabled(True)
        self.dossier_action.setEnabled(True)
        super()._loaded(record)

    def _start_new(self) -> None:
        super()._start_new()
        self.record_action.setEnabled(False)
        self.dossier_action.setEnabled(False)

    def _show_deleted(self) -> None:
        super()._show_deleted()
        self.dossier_action.setEnabled(False)

    def export_dossier(self) -> Job | None:
        """The organization as saved (unsaved edits are not in it): profile, people,
        timeline and follow-ups, one sheet each."""
        if self.record is None or self.is_deleted:
            return None
        if self.dossier_job is not None and self.dossier_job.running:
            return self.dossier_job
        self.dossier_job = exporting.export_dossier(self.context, self, self.record.id,
                                                    self.display_name(self.record))
        return self.dossier_job

    def closeEvent(self, event: QCloseEvent) -> None:
        job = self.dossier_job
        if job is not None and job.running:
            # The export's progress and its message belong to this window: stop the export
            # (it leaves no file) and close once it has.
            event.ignore()
            job.finished.connect(self.close, Qt.ConnectionType.UniqueConnection)
            job.cancel()
            return
        super().closeEvent(event)

    # -- reading and writing ---------------------------------------------------------------
    def field_specs(self) -> list[FieldSpec]:
        return FIELDS

    def defaults(self) -> dict[str, Any]:
        return {"kind": "party"}

    def fetch(self, record_id: str) -> OrganizationRecord:
        return organizations.get_organization(self.database, record_id)

    def form_values(self, record: OrganizationRecord) -> dict[str, Any]:
        return {spec.key: getattr(record, spec.key) for spec in FIELDS}

    def create_record(self, data: dict[str, Any]) -> OrganizationRecord:
        return organizations.create_organization(self.database, data, self.context.actor())

    def update_record(self, changes: dict[str, Any], version: int) -> OrganizationRecord:
        assert self.record_id is not None
        return organizations.update_organization(self.database, self.record_id, changes,
                                                 expected_version=version,
                                                 actor=self.context.actor())

    def delete_record(self, record_id: str) -> None:
        organizations.delete_organization(self.database, record_id, actor=self.context.actor())

    def restore_record(self, record_id: str) -> None:
        organizations.restore_organization(self.database, record_id, actor=self.context.actor())

    def find_similar(self, data: dict[str, Any]) -> list[SimilarRecord]:
        names = [data.get("name"), data.get("name_en"), data.get("name_zh"),
                 *data.get("aliases", [])]
        return find_similar(self.database, "organization", names,
                            country=data.get("country"), abbreviation=data.get("abbreviation"))

    def open_existing(self, record_id: str) -> None:
        self.context.open_organization(record_id)

    # -- header ----------------------------------------------------------------------------
    def display_name(self, record: OrganizationRecord) -> str:
        return display_name(record, self.context.name_preference()) or record.name

    def header_lines(self, record: OrganizationRecord) -> tuple[str, str]:
        preference = self.context.name_preference()
        shown = self.display_name(record)
        names = [n for n in distinct([*other_names(record, preference),
                                      record.abbreviation or ""]) if n != shown]
        line = "  ·  ".join(names)
        if record.aliases:
            line += ("   " if line else "") + translate("OrganizationPage", "also: {names}").format(
                names="; ".join(record.aliases))
        facts: list[str] = []
        if record.country:
            country = self.country_names.get(record.country, record.country_name or record.country)
            place = f"<b>{html.escape(country)}</b> ({record.country})"
            region = record.place(chinese(self.context.name_preference()))[1]
            if region:
                place += f", {html.escape(region)}"
            facts.append(place)
        for vocabulary, code in ((ORGANIZATION_KINDS, record.kind),
                                 (POLITICAL_STATUSES, record.status)):
            text = term_text(vocabulary, code)
            if text:
                facts.append(html.escape(text))
        level = term_text(RELATIONSHIP_LEVELS, record.level)
        if level:  # the level in effect today; the Level tab has its history
            facts.append(translate("OrganizationPage", "level today: {level}").format(
                level=html.escape(level)))
        if record.last_contact:
            facts.append(translate("OrganizationPage", "last contact {date}").format(
                date=date_text(record.last_contact)))
        count = record.interaction_count
        facts.append(translate("OrganizationPage", "1 interaction") if count == 1 else
                     translate("OrganizationPage", "{n:,} interactions").format(n=count))
        return line, "  ·  ".join(facts)
