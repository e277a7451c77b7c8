"""Turning an interaction of the kind "inbound visit" or "outbound visit" into a visit, from
its window: one action (db.services.programme.visit_from_interaction writes the visit, its
sides and the interaction as the programme's first talks in one batch), one step of the main
window's undo stack that takes that batch back — the visit gone, the interaction as it was —
and the new visit's page opened."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QWidget

from db.changes.undo import undo_batch
from db.services.programme import VISIT_KINDS, visit_from_interaction
from db.store.errors import LiaisonError
from desktop.context import AppContext
from desktop.errors import show_problem
from desktop.i18n import translate


def can_become_a_visit(kind: str | None) -> bool:
    return kind in VISIT_KINDS


def turn_into_visit(context: AppContext, parent: QWidget, interaction_id: str,
                    title: str) -> QWidget | None:
    """Make the visit and open its page; None when the database refused (the user was told
    why: already part of a visit, not a visit, changed meanwhile)."""
    database, actor = context.database, context.actor()
    try:
        converted = visit_from_interaction(database, interaction_id, actor)
    except LiaisonError as exc:
        show_problem(parent, exc)
        return None

    def take_back() -> None:
        try:
            undo_batch(database, converted.batch_id, context.actor())
        except LiaisonError as exc:
            show_problem(context.main_window or parent, exc)
            return
        context.notify("*")
        window = context.main_window
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(translate(
                "VisitPage", "“{title}” is an interaction again; the visit made from it was "
                             "removed.").format(title=title), 10000)

    context.push_batch(translate("VisitPage", "Turn “{title}” into a visit").format(title=title),
                       take_back)
    context.notify("visit", converted.visit.id)
    context.notify("interaction", interaction_id)
    return context.open_visit(converted.visit.id)
