"""What a new database starts with: the first start's open questions (asked before the main
window, or over it from the File menu) and loading the chosen starter register or demo data as
a background job."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from db.store.engine import Database
from desktop import settings
from desktop.context import AppContext
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.jobs.worker import Job


def ask_first_start(database: Database, parent: QWidget | None = None) -> str | None:
    """The first start's questions that are still open: the user's name and language (once
    per machine) and, on an empty database Liaison may write, what to start with (once per
    database). Returns what to load ("starter", "demo"), or None. Closing the dialog loads
    nothing and keeps no name, so the name is asked again next time."""
    from db.services.stats import has_organizations

    key = f"first_start/{database.describe()}"
    store = settings.settings()
    ask_person = not settings.saved_officer_name()
    ask_start = not (database.read_only or store.value(key) or has_organizations(database))
    if not (ask_person or ask_start):
        return None
    from desktop.dialogs.first_start import FirstStartDialog  # only when there is a question

    dialog = FirstStartDialog(parent, ask_person=ask_person, ask_start=ask_start,
                              server_user=database.server_user)
    accepted = bool(dialog.exec())
    if accepted:
        dialog.save()
    if ask_start:
        store.setValue(key, dialog.choice() if accepted else "closed")
    choice = dialog.choice() if accepted else "empty"
    return choice if choice in ("starter", "demo") else None


def offer_first_start(context: AppContext, parent: QWidget) -> Job | None:
    """The first start's questions over an open window, then loading what was chosen."""
    choice = ask_first_start(context.database, parent)
    return load_initial_data(context, parent, choice) if choice else None


# What the demo generator is creating (its stages), as the progress dialog says it.
DEMO_STAGES = {
    "organizations": QT_TRANSLATE_NOOP("App", "Creating organizations…"),
    "people": QT_TRANSLATE_NOOP("App", "Creating people…"),
    "interactions": QT_TRANSLATE_NOOP("App", "Creating interactions…"),
    "visits": QT_TRANSLATE_NOOP("App", "Creating visits…"),
    "events": QT_TRANSLATE_NOOP("App", "Creating events…"),
    "indexes": QT_TRANSLATE_NOOP("App", "Creating indexes…"),
    "done": QT_TRANSLATE_NOOP("App", "Creating done…"),
}


def demo_stage_text(stage: str) -> str:
    known = DEMO_STAGES.get(stage)
    return (translate("App", known) if known is not None
            else translate("App", "Creating {stage}…").format(stage=stage))


def load_initial_data(context: AppContext, parent: QWidget, choice: str | None) -> Job | None:
    database = context.database
    if choice == "starter":
        from db.seed.starter import load_starter

        job = Job(parent, translate("App", "Loading the starter register"),
                  lambda cancelled: load_starter(database, None, cancelled),
                  lambda step: (step.done, step.total,
                                translate("App", "1 party loaded") if step.created == 1 else
                                translate("App", "{count:,} parties loaded").format(
                                    count=step.created)),
                  on_success=lambda _r: context.notify("*"))
    elif choice == "demo":
        from db.seed.demo import generate_demo

        job = Job(parent, translate("App", "Loading demo data"),
                  lambda cancelled: generate_demo(database, "small", 1, cancelled),
                  lambda step: (step.done, step.total, demo_stage_text(step.stage)),
                  on_success=lambda _r: context.notify("*"))
    else:
        return None
    return context.start(job)
