"""The record windows the application context opens: one organization, person,
interaction, visit or event each. The context is given this factory, so it never imports the pages that
import it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QWidget

from db.store.engine import Database
from desktop.context import AppContext


class RecordPages:
    def organization(self, context: AppContext, organization_id: str | None,
                     initial: dict[str, Any] | None) -> QWidget:
        from desktop.views.organization_page import OrganizationPage

        return OrganizationPage(context, organization_id, initial=initial)

    def person(self, context: AppContext, person_id: str | None,
               initial: dict[str, Any] | None) -> QWidget:
        from desktop.views.person_page import PersonPage

        return PersonPage(context, person_id, initial=initial)

    def interaction(self, context: AppContext, interaction_id: str | None,
                    organization_ids: Sequence[str], person_ids: Sequence[str]) -> QWidget:
        from desktop.views.interaction_editor import InteractionEditor

        return InteractionEditor(context, interaction_id, organization_ids=organization_ids,
                                 person_ids=person_ids)

    def visit(self, context: AppContext, visit_id: str | None,
              initial: dict[str, Any] | None) -> QWidget:
        from desktop.views.visit_page import VisitPage

        return VisitPage(context, visit_id, initial=initial)

    def event(self, context: AppContext, event_id: str | None,
              initial: dict[str, Any] | None) -> QWidget:
        from desktop.views.event_page import EventPage

        return EventPage(context, event_id, initial=initial)


def new_context(database: Database) -> AppContext:
    """The context of one open database, able to open its records' windows."""
    return AppContext(database, RecordPages())
